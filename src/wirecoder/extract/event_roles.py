"""What is an event of the article and what is not: the role of each predicate — its own
event, the topic or content of another, a purpose, a background clause, the outcome of an
attack ("…, killing 3") or a demand told as "X said Y must …" (the rules of
docs/extraction.md). `predicate_roles` decides them all for one article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import Status
from .arguments import is_actor_like, root_noun_clause
from .clauses import PredicateIndex, governing_hit
from .predicates import PredicateHit
from .status import event_status
from .token_table import children, heads, positions, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# the role of a predicate, and for an outcome the event it belongs to
Role = tuple[str, PredicateHit | None]

# word classes the other candidate stages share
VERBAL_TYPES = frozenset(
    {"CONSULT", "REQUEST", "AGREE", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "CONCEDE"}
)
MATERIAL_CONFLICT = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# verbal reactions to another's act: their recipient is whoever acted
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
REPORTING_VERBS = frozenset({
    "say", "tell", "report", "announce", "claim", "state", "add", "confirm", "declare",
    "note", "allege"
})
_OUTCOME = frozenset(
    {"kill", "die", "injure", "wound", "destroy", "damage", "hurt", "leave", "murder"}
)
_ATTRIB_CUES = frozenset({
    "accord", "according", "familiar", "close", "source", "spokesman", "spokesperson",
    "spokeswoman"
})
_CAUSE_PREPS = frozenset({"in", "during", "by", "with", "amid", "after", "from", "following"})
_BACKGROUND_PREPS = frozenset(
    {"after", "following", "before", "despite", "amid", "amidst", "since", "ahead", "prior"}
)
_SUBORDINATORS = frozenset({
    "after", "before", "since", "if", "unless", "until", "as", "while", "when", "because",
    "though", "although", "once", "whether"
})
# verbs whose complement is not asserted to have happened
_NON_ASSERTING = frozenset(
    {
        "suspect",
        "allege",
        "believe",
        "think",
        "fear",
        "hope",
        "plan",
        "want",
        "try",
        "seek",
        "aim",
        "intend",
        "propose",
        "consider",
        "expect",
        "help",
        "attempt",
        "wish",
        "threaten",
        "prepare",
        "need",
        "claim",
    }
)
_INTENT = frozenset({"want", "plan", "intend", "seek", "aim", "prepare", "wish", "hope"})
_HALTS = frozenset({"pause", "halt", "end", "suspension", "cessation", "lull", "stop", "break"})
_EARLIER = frozenset({"after", "before", "since", "until", "once"})
_PLACE_PREPS = frozenset({"near", "outside", "beside", "behind", "opposite", "around", "next"})


def _in_attribution(tok: "Token") -> bool:
    """A noun inside "according to a person familiar with the negotiations" is no event."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in _ATTRIB_CUES or cur.lower_ in _ATTRIB_CUES:
            return True
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def find_requests(doc: "Doc") -> dict[int, "Token"]:
    """ "X said Y must do Z": a demand of X on Y (PLOVER REQUEST), predicate → reporter."""
    out: dict[int, "Token"] = {}
    table = token_table(doc)
    for i in positions(table.dep, ("ccomp", "advcl")):  # a scan in C, then the POS test
        if table.pos[i] not in ("VERB", "AUX"):
            continue
        dep = table.dep[i]
        tok = doc[i]
        head = tok.head
        if not (dep == "ccomp" and any(c.dep_ == "aux" and c.lower_ in ("must", "should")
                                       for c in tok.children)) and not quoted_imperative(tok):
            if dep == "ccomp" and _wished_of(tok):
                out[tok.i] = head
            act = _time_to(tok) if dep == "ccomp" and head.lemma_ in REPORTING_VERBS else None
            if act is not None:
                out[act.i] = head
            continue
        # "should be able to meet its needs" tells a capacity, not a demand
        able = any(c.dep_ == "acomp" and c.lower_ == "able" for c in tok.children)
        if (head.lemma_ in REPORTING_VERBS or head.lemma_ in _DEMAND_HEADS) and not able:
            out[tok.i] = head
    return out


# heads of a must/should clause that demand it ("suggested Moscow should send a delegation")
_DEMAND_HEADS = frozenset({"insist", "urge", "warn", "reminder", "suggest", "propose"})
_WISH_VERBS = frozenset({"want", "wish"})


def _wished_of(tok: "Token") -> bool:
    """ "The family wants the government to declare her detained": a wish that names who
    is to act is a demand on them (not "wants to win", not "does not want")."""
    head = tok.head
    if head.lemma_ not in _WISH_VERBS or any(c.dep_ == "neg" for c in head.children):
        return False
    kids = list(tok.children)
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and any(c.dep_ == "nsubj" and c.pos_ != "PRON" and is_actor_like(c) for c in kids))


def _time_to(tok: "Token") -> "Token | None":
    """ "“It's time to free him,” X said": the act it is time for is the speaker's demand."""
    if tok.tag_ != "VBZ" or not (tok.lemma_ == "be" or tok.lower_ in ("'s", "’s", "is")):
        return None
    for attr in (c for c in tok.children if c.dep_ == "attr" and c.lower_ == "time"):
        for act in attr.children:
            if act.dep_ in ("relcl", "acl") and act.pos_ == "VERB" and any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in act.children):
                return act
    return None


_OPENING_QUOTES = frozenset({"“", '"', "‘", "«"})


def quoted_imperative(tok: "Token") -> bool:
    """ "“Free him immediately,” the group said": a quote that opens with a bare verb and
    no subject is a demand of the speaker; so is "“It's time to free him,” X said"."""
    if tok.dep_ in ("relcl", "acl") and tok.head.dep_ == "attr":
        act = _time_to(tok.head.head)
        if act is not None and act.i == tok.i:
            return True
    return (tok.tag_ == "VB" and tok.i > 0 and tok.doc[tok.i - 1].text in _OPENING_QUOTES
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in tok.children))


_FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})


def quoted_own_act(tok: "Token") -> bool:
    """ "“We met the rebels yesterday,” the minister said": a speaker telling a past act of
    their own in a direct quote reports that act (a vow, a view, a plan or a condition in
    the quote is still only its content)."""
    if tok.dep_ not in ("ROOT", "ccomp", "conj", "parataxis"):
        return False
    kids = list(tok.children)
    perfect = tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
    if tok.tag_ != "VBD" and not perfect:
        return False
    if any(c.dep_ in ("neg", "mark") or (c.dep_ == "aux" and c.tag_ == "MD") for c in kids):
        return False
    subj = [c for c in kids if c.dep_ == "nsubj"]
    if not subj and tok.dep_ == "conj":
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return any(c.lower_ in _FIRST_PERSON_SUBJECTS for c in subj)


def quoted_performative(tok: "Token") -> bool:
    """ "“We condemn this attack”", "“I believe they committed war crimes”": a first-person
    present-tense speech act in a direct quote is the speaker's act as it is said (a
    performative), not content to be reported."""
    if tok.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") or tok.tag_ != "VBP":
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("neg", "mark") or (c.dep_ == "aux" and c.tag_ == "MD") for c in kids):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON_SUBJECTS for c in kids)


def news_as_clause(tok: "Token") -> bool:
    """ "The handover came as X announced …", "the pressure comes as both sides have agreed":
    an as-clause under "come" is news in its own right, not background; so is the act behind
    a state the main clause only describes ("the broadcaster was off air after protesters set
    fire to its headquarters")."""
    marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
    if tok.head.lemma_ == "come" and "as" in marks:
        return True
    return tok.head.lemma_ == "be" and tok.head.pos_ == "AUX" and "after" in marks


class PredicateRoles:
    """Decides the role of each predicate of one article: "event", "skip", "background" or
    "outcome" (with the event it belongs to)."""

    def __init__(self, index: PredicateIndex, requests: dict[int, "Token"]) -> None:
        self.by_i = index.by_i
        self.requests = requests
        self.cue_of = index.cue_of

    # ------------------------------------------------------------ what is no event
    def role(self, hit: PredicateHit) -> Role:
        """("event" | "skip" | "outcome"), and for an outcome the event it belongs to."""
        tok = hit.token
        lemma = tok.lemma_.lower()
        if hit.type in ("ASSAULT", "COERCE") and (lemma in _OUTCOME or hit.mode in ("arrest",)):
            owner = self._outcome_owner(hit)
            if owner is not None:
                return "outcome", owner
        if tok.i in self.requests:
            return "skip", None  # "X must ensure …" is told as a demand (see find_requests)
        if hit.nominal and _in_attribution(tok):
            return "skip", None
        if hit.nominal and tok.i in self.cue_of:
            return "skip", None  # "imposed sanctions": the verb event already holds the noun
        if hit.type == "ASSAULT" and figurative_strike(tok):
            return "skip", None
        if not hit.nominal and (
            tok.dep_ == "amod"
            or (tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and tok.tag_ == "VBN")
        ):
            return "skip", None  # a participle as noun or adjective: "the wounded", "detained men"
        if not hit.nominal and _coordinated_with_state_word(tok):
            return "skip", None  # "cope with the dead and wounded": the parser made it a verb
        # an infinitive modifying a noun tells what is threatened, asked, planned or
        # offered, not what happened: "a threat to boycott", "an appeal to lay down arms"
        if (
            tok.dep_ in ("acl", "relcl")  # "steps to crack down on …" is parsed either way
            and tok.head.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        ):
            return "skip", None
        # "such agreement", "such attacks": a kind of event, not one that happened
        if hit.nominal and any(c.lower_ == "such" and c.dep_ in ("amod", "det", "predet")
                               for c in tok.children):
            return "skip", None
        if self._backgrounded(tok):
            return "background", None
        gov, child = governing_hit(tok, self.by_i)
        if hit.nominal:
            topic_gov, _ = governing_hit(tok, self.by_i, same_clause=True)
            if topic_gov is not None and (
                topic_gov.type in VERBAL_TYPES
                or (topic_gov.nominal and self.role(topic_gov)[0] == "skip")
            ):
                # topic of talks/demands: "negotiating the release … in exchange for a ceasefire"
                return "skip", None
            head = tok.head
            if head.pos_ in ("VERB", "AUX") and head.lemma_ in (
                "plan",
                "propose",
                "seek",
                "want",
                "demand",
                "discuss",
                "negotiate",
            ):
                return "skip", None
            # background: "after a demonstration", "following the invasions", "amid the war",
            # "after 12 days of battles"; "during a summit" (only violence is told "during")
            cur = tok
            for _ in range(4):
                if cur.dep_ == "pobj" and (
                    cur.head.lower_ in _BACKGROUND_PREPS
                    or (cur.head.lower_ == "during" and hit.type != "ASSAULT")
                ):
                    return "background", None
                if cur.dep_ not in ("pobj", "prep") or cur.head.i in self.by_i:
                    break
                cur = cur.head
            # a landmark of a place phrase: "near their patrol", "outside the rally"
            if tok.dep_ == "pobj" and head.lower_ in _PLACE_PREPS and hit.type != "ASSAULT":
                return "skip", None
            # "a pause in the bombing", "an end to the shelling": the event stops
            if tok.dep_ == "pobj" and head.head.lemma_ in _HALTS:
                return "skip", None
            # "in protest of/against …": the purpose of another act
            if (
                tok.lemma_ == "protest"
                and tok.dep_ == "pobj"
                and head.lower_ == "in"
                and not any(c.dep_ == "det" for c in tok.children)
            ):
                return "skip", None
            if self._embedded_under_verbal(tok):
                return "skip", None
        else:
            if self._embedded_under_verbal(tok):
                return "skip", None  # content of a promise, demand, accusation or threat
            # purpose clause of another event: "bombing Gaza to destroy Hamas"
            if (
                tok.dep_ in ("advcl", "xcomp")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                and tok.head.i in self.by_i
            ):
                return "skip", None
            # subordinate background clause: "after a jet shot down a helicopter", "if attacked"
            if (
                tok.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in tok.children)
                and not self._tells_cause(hit)
                and not news_as_clause(tok)
            ):
                return "background", None
            # a participle describing someone: "rebels fighting to topple the government"
            if (
                tok.dep_ == "acl"
                and not any(c.dep_ in ("agent", "dobj") for c in tok.children)
                and not root_noun_clause(tok)
            ):
                return "skip", None
            # how someone is seen: "has come to be seen as champions of the cause, defending
            # the people of Gaza" describes a reputation, not an act
            if (
                tok.dep_ == "advcl" and tok.tag_ == "VBG"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)
                and any(v.lemma_.lower() in _PERCEIVED
                        and any(c.dep_ == "auxpass" for c in v.children)
                        for v in [tok.head, *(c for c in tok.head.children if c.dep_ == "xcomp")])
            ):
                return "skip", None
        return "event", None

    def _tells_cause(self, hit: PredicateHit) -> bool:
        """ "9 were confirmed dead after gunmen attacked the village": a subordinate clause
        that explains deaths told in its main clause is the event itself."""
        if hit.type != "ASSAULT":
            return False
        head = hit.token.head
        return head.lemma_ in _OUTCOME or any(
            t.lemma_ in ("dead", "die", "kill", "death", "injure", "wound", "body")
            for t in head.children
            if t.i != hit.token.i and t.dep_ not in ("advcl", "conj")
        )

    def _backgrounded(self, tok: "Token") -> bool:
        """Inside a subordinate, purpose or non-asserting clause: "as leaders sought to ease
        tensions", "to help support X", "suspected of blowing up", "if it is attacked"."""
        # up the head indices with the table's labels: a Token only where a test needs
        # one (an exact lemma, a tag, news_as_clause)
        doc = tok.doc
        table, hs = token_table(doc), heads(doc)
        dep, lower, pos = table.dep, table.lower, table.pos
        cur = tok.i
        for _ in range(8):
            d = dep[cur]
            if d in ("relcl",) or hs[cur] == cur:
                return False
            if d == "pcomp" and any(lower[c] == "what" for c in children(doc, cur)):
                return False  # "… in what his employer dismissed as a sham": asserted
            if (
                d == "advcl"
                and any(
                    (dep[c] == "mark" and lower[c] in _SUBORDINATORS)
                    or (dep[c] == "aux" and lower[c] == "to")
                    for c in children(doc, cur)
                )
                and (cur != tok.i or pos[hs[tok.i]] in ("VERB", "AUX"))
                and not (cur in self.by_i and self._tells_cause(self.by_i[cur]))
                and not news_as_clause(doc[cur])
            ):
                return True
            head = hs[cur]
            if d in ("xcomp", "ccomp", "pcomp", "pobj", "prep"):
                head_lemma = doc[head].lemma_
                # "X wants to attack Y" is itself an intention (status planned → THREATEN/AGREE)
                if head_lemma in _NON_ASSERTING and not (
                    cur == tok.i
                    and d == "xcomp"
                    and head_lemma in _INTENT
                    and dep[head] in ("ROOT", "ccomp", "conj")
                ):
                    return True
            if d == "advcl" and head in self.by_i:
                t = doc[cur]
                if t.lemma_ in REPORTING_VERBS and t.tag_ == "VBG":
                    return True  # "declined to meet X, saying talks could only happen in Y"
            cur = head
        return False

    def _embedded_under_verbal(self, tok: "Token") -> bool:
        """Is tok the content of a verbal act ("accused X of attacking", "urged Y to sign")?
        Relative clauses, conjuncts and reported speech are not content."""
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i or cur.dep_ in ("relcl", "conj", "appos", "nsubj", "nsubjpass"):
                return False
            if cur.dep_ == "pcomp" and any(c.lower_ == "what" for c in cur.children):
                return False  # "… in what his employer dismissed as a sham": a comment on it
            head = cur.head
            if head.i in self.by_i:
                h = self.by_i[head.i]
                return h.type in VERBAL_TYPES and not (
                    h.nominal and cur.dep_ == "prep" and cur.lower_ in ("by", "between", "with")
                )
            if head.lemma_ in REPORTING_VERBS and head.pos_ == "VERB":
                return False
            cur = head
        return False

    def _outcome_owner(self, hit: PredicateHit) -> PredicateHit | None:
        """The attack whose result this kill/injury/detention is ("…, killing 3")."""
        tok = hit.token
        head = tok.head
        if hit.mode == "arrest":
            # "kidnapped … and had been detained since": holding the captives of an abduction
            if tok.dep_ == "conj" and head.i in self.by_i and self.by_i[head.i].mode == "abduct":
                return self.by_i[head.i]
            return None
        if (
            tok.dep_ in ("advcl", "conj", "xcomp", "pcomp")
            and head.i in self.by_i
            and self.by_i[head.i].type == "ASSAULT"
        ):
            return self.by_i[head.i]
        # "which (Israeli authorities said) killed 1,400": through a reporting verb
        cur = tok
        for _ in range(3):
            if (
                cur.dep_ in ("relcl", "acl")
                and cur.head.i in self.by_i
                and self.by_i[cur.head.i].type == "ASSAULT"
            ):
                return self.by_i[cur.head.i]
            if cur.head.lemma_ in REPORTING_VERBS and cur.dep_ in ("ccomp", "xcomp"):
                cur = cur.head
                continue
            break
        for c in tok.children:
            if (
                c.dep_ in ("nsubj", "csubj")
                and c.i in self.by_i
                and self.by_i[c.i].type == "ASSAULT"
            ):
                return self.by_i[c.i]
            if c.dep_ in ("prep", "agent") and c.lower_ in _CAUSE_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj" and g.i in self.by_i and self.by_i[g.i].type == "ASSAULT":
                        return self.by_i[g.i]  # "killed in an air strike"
        for c in tok.children:
            if (
                c.dep_ == "advcl"
                and c.i in self.by_i
                and self.by_i[c.i].type == "ASSAULT"
                and c.lemma_ not in _OUTCOME
                # "a day after militants attacked X, four were killed in strikes on Y":
                # an earlier act is no cause
                and not any(m.dep_ == "mark" and m.lower_ in _EARLIER for m in c.children)
            ):
                return self.by_i[c.i]  # "… were killed when a device detonated"
        # "one was killed and 13 were wounded when a device detonated": the clause may hang
        # on the conjoined outcome or on the first one
        near = [c for c in tok.children if c.dep_ == "conj"] + (
            [head] if tok.dep_ == "conj" else []
        )
        for n in near:
            for c in n.children:
                if (
                    c.dep_ == "advcl"
                    and c.i in self.by_i
                    and self.by_i[c.i].type == "ASSAULT"
                    and c.lemma_ not in _OUTCOME
                ):
                    return self.by_i[c.i]
        return None


# what "hit"/"strike" reach in a figure of speech: "the talks hit a roadblock", "prices hit
# a record", "struck a deal", "hit the campaign trail"; and nature's strikes
_FIGURATIVE_OBJECTS = frozenset({
    "roadblock", "hurdle", "snag", "obstacle", "record", "high", "low", "peak", "milestone",
    "note", "chord", "nerve", "jackpot", "stride", "balance", "tone", "deal", "bargain",
    "pose", "trail", "button", "brake", "ceiling", "threshold", "headline", "airwave",
    "impasse", "stalemate", "setback",
})
_NATURE = frozenset({"lightning", "thunder", "earthquake", "tremor", "storm", "hurricane",
                     "typhoon", "cyclone", "tornado", "wave", "flood", "meteor", "asteroid",
                     "blackout", "outage", "heatwave", "drought", "landslide", "avalanche"})


def figurative_strike(tok: "Token") -> bool:
    """ "his effort hit a major hurdle", "talks hit another roadblock", "struck a deal",
    "lightning strikes", "the storm hit the coast": no attack."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in ("hit", "strike"):
        if any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURATIVE_OBJECTS for c in tok.children):
            return True
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(c.lemma_.lower() in _NATURE for c in subjects)
    if tok.pos_ == "NOUN" and lemma in ("strike", "hit"):
        return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _NATURE
                   for c in tok.children)
    return False


def predicate_roles(index: PredicateIndex, requests: dict[int, "Token"]) -> dict[int, Role]:
    """The role of every predicate of the article (token index → role). A background clause
    ("after a shop was looted") is the news when its sentence tells nothing else: then
    violence, protest and repression in it are events."""
    deciding = PredicateRoles(index, requests)
    roles: dict[int, Role] = {}
    for h in index.hits:
        roles[h.token.i] = deciding.role(h)
    told = {index.sent_index[i] for i, (k, _) in roles.items() if k == "event"}
    for h in index.hits:
        if roles[h.token.i][0] == "background":
            keep = (
                (index.sent_index[h.token.i] not in told or _specific(h.token)
                 or _reacted_to(h.token, index.by_i))
                and h.type in MATERIAL_CONFLICT
                and _promotable(h)
            )
            # a background incident the sentence does not tell as news may still name who
            # did it ("a day after the Houthis claimed an attack on X"): it only supports
            # an incident the article tells elsewhere (incidents.group_incidents)
            support = h.type in MATERIAL_CONFLICT and _promotable(h)
            roles[h.token.i] = ("event", None) if keep else (("support", None) if support else ("skip", None))
    return roles


def outcomes_by_event(index: PredicateIndex,
                      roles: dict[int, Role]) -> dict[int, list[PredicateHit]]:
    """Event token index → the outcomes ("…, killing 3") that belong to it; an outcome of
    an outcome belongs to the first real event."""
    outcomes: dict[int, list[PredicateHit]] = {}
    for h in index.hits:
        kind, owner = roles[h.token.i]
        if kind == "outcome" and owner is not None:
            # an "outcome" role always names its owner (PredicateRoles.role)
            while (up := roles.get(owner.token.i, ("event", None)))[0] == "outcome" and up[1]:
                owner = up[1]
            outcomes.setdefault(owner.token.i, []).append(h)
    return outcomes


_PERCEIVED = frozenset({"see", "regard", "view", "consider", "know", "perceive", "describe",
                        "portray", "depict", "hail", "celebrate", "brand", "label"})
_STATE_WORDS = frozenset({"dead", "killed", "injured", "wounded", "missing", "displaced",
                          "detained", "sick", "hungry", "homeless"})


def _coordinated_with_state_word(tok: "Token") -> bool:
    """ "the dead and wounded", "the injured and displaced": a participle coordinated right
    after a word for people in a state, with no subject, object or auxiliary of its own,
    names those people, not an act."""
    if tok.i < 2 or tok.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "agent") for c in tok.children):
        return False
    cc, before = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    return cc.dep_ == "cc" and cc.lower_ in ("and", "or") and before.lower_ in _STATE_WORDS


def _promotable(hit: PredicateHit) -> bool:
    """A background event worth telling ("after a shop was looted", "following a clash
    between two gangs") — not one that is only a purpose ("to help identify victims")."""
    return not (
        not hit.nominal
        and hit.token.dep_ == "advcl"
        and event_status(hit.token, False) in (Status.planned, Status.possible)
    )


def _reacted_to(tok: "Token", by_i: dict[int, PredicateHit]) -> bool:
    """ "expressed concern after a shop was looted": the clause a verbal reaction answers
    tells the incident."""
    head = by_i.get(tok.head.i)
    return tok.dep_ == "advcl" and head is not None and head.type in REACTIONS


def _specific(tok: "Token") -> bool:
    """A background clause told with its own day and its own count or place ("after
    fighters shelled a market in X on Monday, killing 23"): a specific incident the article
    reports, not a passing mention ("after the war began")."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        tok = tok.head  # "after X launched / claimed an attack on Y": the clause tells it
    sub = list(tok.subtree)
    dated = any(t.ent_type_ == "DATE" and t.head.i != t.i for t in sub)
    counted = any(t.like_num and t.ent_type_ in ("CARDINAL", "") for t in sub
                  if t.head.lemma_ not in ("year", "month", "day", "week"))
    placed = any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in sub)
    return tok.pos_ in ("VERB", "AUX") and dated and (counted or placed)


__all__ = [
    "MATERIAL_CONFLICT",
    "REACTIONS",
    "REPORTING_VERBS",
    "VERBAL_TYPES",
    "PredicateRoles",
    "figurative_strike",
    "quoted_performative",
    "Role",
    "find_requests",
    "news_as_clause",
    "outcomes_by_event",
    "predicate_roles",
]
