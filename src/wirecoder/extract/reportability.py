"""Reportability: is a candidate the report of a specific real-world action?

A predicate is not the news when it is only the content of a direct quote (what someone
said, vowed or believes: the act of saying is coded from the reporting clause; a quoted
mention may still join an incident told outside quotes), a heading or link line, a question, a hypothetical ("if confirmed it would be …"), or the
content of an assessment ("experts believe X could …"). Those candidates are dropped; the
weaker signals (modal verbs, reported speculation) become features for the decision stage.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .coref import doc_text, span_text
from .habits import told_as_habit
from .non_acts import (absent_act, campaign_effect, interpretation, public_advice, shared_view,
                       standing_pledge, time_served)
from .quotes import quote_segments
from .token_table import (
    add_governors,
    children,
    entity_types,
    heads,
    positions,
    sentence_of,
    token_table,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# governing words whose complement is an opinion, a hypothesis or an open question
_ASSESSMENT = frozenset({
    "believe", "think", "assess", "expect", "fear", "suspect", "suggest", "estimate",
    "predict", "warn", "speculate", "hope", "doubt", "wonder", "determine", "investigate",
    "probe", "examine", "consider", "question", "assume", "imagine", "possibility",
    "likelihood", "prospect", "risk", "chance", "report", "rumor", "rumour", "whether",
})
_MODALS = frozenset({"would", "could", "may", "might", "should", "can", "must", "ought"})
_CONDITIONAL = frozenset({"if", "unless", "whether", "once"})
_SEQUENCE = frozenset({"after", "before", "following", "since", "prior", "until"})
_UNLIKELY = frozenset({"unlikely", "impossible", "improbable", "inconceivable", "unclear",
                       "uncertain"})
# relations a clause can describe someone by ("a militia backed by Iran", "a businessman who
# was sanctioned by the US", "an election boycotted by the opposition"): a description of who
# they are, not the news — unless the clause gives the act its own date
_MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "RETREAT"})
_STATIVE_TYPES = frozenset({"SUPPORT", "SANCTION", "REJECT", "AGREE", "PROTEST",
                            "COOPERATE"})


_DEATH_VERBS = frozenset({"kill", "die", "injure", "wound", "hurt"})


def _in_sequence_clause(tok: "Token") -> bool:
    """Is `tok` inside an "after …"/"before …" clause or phrase of its sentence? (Read from
    the token table, the head indices and spaCy's children of each governor.)"""
    doc = tok.doc
    table, hs = token_table(doc), heads(doc)
    dep, lower, lemma = table.dep, table.lower, table.lemma
    cur = tok.i
    for _ in range(8):
        # "20 were killed after two air strikes on houses", "… after jets struck the
        # camp": the clause tells what caused the deaths — the incident, not one before it
        if any(dep[c] == "mark" and lower[c] in _SEQUENCE for c in children(doc, cur)):
            return lemma[hs[cur]] not in _DEATH_VERBS
        if dep[cur] == "pobj" and lower[hs[cur]] in _SEQUENCE:
            return lemma[hs[hs[cur]]] not in _DEATH_VERBS
        if hs[cur] == cur:
            return False
        cur = hs[cur]
    return False


@dataclass
class Reportability:
    """What the stage found about one candidate predicate."""

    reportable: bool
    reason: str | None = None  # why it was dropped
    modal: bool = False  # a modal verb governs it ("could strike", "would be")
    conditional: bool = False  # inside an if/whether clause
    assessed: bool = False  # the content of a belief, warning, investigation, report
    quoted: bool = False  # inside quotation marks
    earlier: bool = False  # told as what came before or after ("a day after X attacked")
    summary: bool = False  # what something is used for ("the port was used to attack ships")


class QuoteMap:
    """Character ranges of quoted text in one document, for fast look-ups."""

    def __init__(self, text: str) -> None:
        self.ranges = quote_segments(text)

    def inside(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.ranges)


def _is_heading(sent: "Span") -> bool:
    """A heading, section label or caption line: starts with '#', or a short line that ends
    without sentence punctuation and stands alone between newlines."""
    full = doc_text(sent.doc)  # Span.text and Doc.text join their tokens on every access
    text = full[sent.start_char:sent.end_char].strip()
    if text.startswith("#"):
        return True
    if not text or text[-1] in ".!?”\"’)":
        return False
    if len(full.strip()) - len(text) < 40:
        return False  # the text is this line: a sentence given alone, not a heading
    before = full[max(0, sent.start_char - 1):sent.start_char]
    after = full[sent.end_char:sent.end_char + 1]
    alone = before in ("", "\n") and (after in ("", "\n") or text.endswith("\n"))
    return alone and len(sent) <= 14


# who a present-tense relative clause describes by what they do ("the agency that helps …")
_DOERS = frozenset({"agency", "organization", "organisation", "group", "charity", "company",
                    "firm", "ministry", "department", "office", "body", "network", "militia",
                    "movement", "party", "force", "unit", "man", "woman", "person", "people"})
def _unlikely(doc: "Doc", chain: list[int]) -> bool:
    """The subject or complement of "is unlikely"/"impossible": an assessment, not a report.
    (`chain`: the predicate's index and its governors'; the lowercased lemma only gates the
    exact `lemma_` test.)"""
    table = token_table(doc)
    dep, lemma = table.dep, table.lemma
    for t in chain[1:4]:
        if lemma[t] in _UNLIKELY and doc[t].lemma_ in _UNLIKELY:
            return True
        if any(dep[c] == "acomp" and lemma[c] in _UNLIKELY and doc[c].lemma_ in _UNLIKELY
               for c in children(doc, t)):
            return True
    return False


_DATED_DEPS = frozenset({"npadvmod", "prep", "advmod", "pobj"})
_DATED_KEY = "wirecoder.dated_children"


def _dated_children(doc: "Doc") -> dict[int, set[str]]:
    """Per Doc: head index → the dependency labels of those of its dependents (by head
    indices) that have a DATE/TIME token at or below them. A superset of what the spaCy
    walk of `_dated` can find (`children`/`subtree` hold only true head links)."""
    got = doc.user_data.get(_DATED_KEY)
    if got is not None and got[0] == len(doc):
        return got[1]  # type: ignore[no-any-return]
    hs, dep = heads(doc), token_table(doc).dep
    below: set[int] = set()
    for k in positions(entity_types(doc), ("DATE", "TIME")):
        add_governors(hs, k, below)
    out: dict[int, set[str]] = {}
    for j in below:
        if hs[j] != j:
            out.setdefault(hs[j], set()).add(dep[j])
    doc.user_data[_DATED_KEY] = (len(doc), out)
    return out


def _dated(tok: "Token") -> bool:
    if _DATED_DEPS.isdisjoint(_dated_children(tok.doc).get(tok.i, ())):
        return False  # no date below any such dependent: the walk would find none
    return any(t.ent_type_ in ("DATE", "TIME") for c in tok.children
               if c.dep_ in ("npadvmod", "prep", "advmod", "pobj") for t in c.subtree)


_RANKING = frozenset({"first", "only", "last", "second", "third", "latest", "youngest", "oldest"})
# verbs whose for-phrase is the charge: "sentenced for criticizing the army"
_CHARGED = frozenset({"sentence", "convict", "arrest", "detain", "jail", "imprison", "punish",
                      "sanction", "charge", "accuse", "blame", "fine", "prosecute", "try",
                      "indict", "condemn", "criticize", "criticise", "target", "persecute"})


def _charge(tok: "Token") -> bool:
    """ "sentenced to eight years for criticizing the military": the act one is punished or
    blamed for is the charge, told by the punishment — not an event of its own."""
    if tok.dep_ not in ("pcomp", "pobj"):
        return False
    prep = tok.head
    return prep.lower_ == "for" and prep.head.lemma_.lower() in _CHARGED


def _description(tok: "Token", type_: str | None) -> bool:
    """A relation told to describe someone ("backed by Iran", "who opposes military aid",
    "is heavily backed by Iran", "a campaign which calls on volunteers to …", "the first
    journalist to be arrested since …"), with no date of its own."""
    if _dated(tok):
        return False
    doc, i = tok.doc, tok.i
    table, hs = token_table(doc), heads(doc)
    dep, lower = table.dep, table.lower
    head, kids, rel = hs[i], children(doc, i), dep[i]
    if (rel in ("acl", "relcl") and any(dep[c] == "aux" and lower[c] == "to" for c in kids)
            and any(lower[c] in _RANKING for c in children(doc, head) if dep[c] == "amod")):
        return True
    if (rel == "relcl" and tok.tag_ in ("VBZ", "VBP")
            and (type_ not in _MATERIAL_TYPES or table.lemma[head] in _DOERS)
            and not any(dep[c] == "aux" for c in kids)):
        # present simple in a relative clause: what someone habitually does ("the agency
        # that helps test recruits")
        return True
    if type_ not in _STATIVE_TYPES:
        return False
    if rel in ("relcl", "acl") and table.pos[head] in ("NOUN", "PROPN", "PRON"):
        return True
    # "Hezbollah is backed by Iran": a present-tense passive states what is, not what happened
    return tok.tag_ == "VBN" and any(dep[c] == "auxpass" and doc[c].tag_ in ("VBZ", "VBP")
                                     for c in kids)


_WAR_NOUNS = frozenset({"war", "invasion", "occupation", "conflict", "insurgency", "siege"})


def _war_reference(tok: "Token", type_: str | None) -> bool:
    """ "Russia's brutal invasion of Ukraine", "Israel's war in Gaza": a war named as the
    setting, with no date of its own, is the background of the news, not an incident."""
    return (type_ == "ASSAULT" and tok.pos_ == "NOUN" and tok.lemma_.lower() in _WAR_NOUNS
            and not _dated(tok) and not (tok.dep_ == "dobj" and _dated(tok.head))
            and not any(c.dep_ == "nummod" for c in tok.children))


def _anniversary(tok: "Token") -> bool:
    """ "relatives of passengers killed when the plane was shot down gathered to mark the
    10th anniversary of the tragedy": what a sentence marks the anniversary of happened
    years ago; a subordinate clause of it with no date of its own is no news."""
    if "anniversar" not in span_text(sentence_of(tok.doc, tok.i)).lower():
        return False  # cheap: most sentences name none
    if tok.dep_ not in ("relcl", "acl", "advcl", "ccomp", "pcomp") and not any(
            a.dep_ in ("relcl", "acl", "advcl") for a in tok.ancestors):
        return False
    for t in tok.subtree:  # a date of its own clause, not of a clause nested in it
        if t.ent_type_ in ("DATE", "TIME") and next(
                (a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None) is tok:
            return False
    sent = sentence_of(tok.doc, tok.i)
    return any(t.lemma_.lower() == "anniversary" and any(
        c.ent_type_ == "ORDINAL" or c.lower_ in _RANKING for c in t.children) for t in sent)


# verbs whose to-infinitive tells what something is for, not what happened
_PURPOSE_HEADS = frozenset({"use", "serve", "design", "build", "equip", "train", "employ"})


def _purpose(tok: "Token") -> bool:
    """ "the port had been used to attack shipping": what a thing serves for — many acts
    summed up, not one incident."""
    head = tok.head
    return (tok.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in _PURPOSE_HEADS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            # passive: the thing used is the subject ("police used gas to disperse them"
            # tells the dispersal itself)
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children))


_COPULAS = frozenset({"be", "become", "remain", "seem", "grow", "get"})


def _generic_plural(tok: "Token") -> bool:
    """ "Sanctions against hackers are increasingly common", "arrests of journalists have
    become routine": a bare plural said to be common is the kind, no incident."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return False
    head = tok.head
    return head.lemma_.lower() in _COPULAS and any(
        c.dep_ in ("acomp", "attr") for c in head.children)


def _interview_question(tok: "Token") -> bool:
    """ "When asked about X, he said …", "CNN has asked X for comment": a reporter's
    question, not a demand."""
    if tok.lemma_ != "ask":
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True
    return any(t.lemma_ in ("comment", "response", "respond") for t in tok.subtree)


# verbs that give someone a status: "declared him wrongfully detained", "deemed it looted"
_DESIGNATING = frozenset({"declare", "deem", "designate", "consider", "label", "classify",
                          "brand", "list", "recognize", "recognise"})


def _designation(tok: "Token") -> bool:
    """ "The US declared her wrongfully detained": a participle completing a designation
    verb is a status someone is given, not an act told as news."""
    # the parser tags the small clause's participle VBD at times ("declared the reporter
    # detained"); with no auxiliary of its own it is no finite clause ("declared it was …")
    return (tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl")
            and tok.head.lemma_.lower() in _DESIGNATING
            and not any(c.dep_ in ("aux", "auxpass", "mark", "dobj") for c in tok.children))


_TIME_PREPS = frozenset({"since", "after", "before", "following", "until", "within", "during",
                         "ahead"})
_SPAN_NOUNS = frozenset({"day", "week", "month", "year", "hour", "time", "anniversary"})


def _time_reference(tok: "Token") -> bool:
    """ "within two weeks of his arrest", "since her detention": an event noun that dates
    something else, with no date of its own, is a reference to an incident, not a report
    of it (when the article tells the incident, its own clause is the report)."""
    # "since Russia's invasion of Ukraine in 2022": a starting point, dated or not
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or (_dated(tok) and tok.head.lower_ != "since"):
        return False
    # "his arrest", "the attack": a known incident; "following a drone attack on X" tells one
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
               for c in tok.children):
        return False
    prep = tok.head
    if prep.lower_ in _TIME_PREPS:
        return True
    # "two weeks of his arrest", "days after his arrest" ("after" handled above)
    return (prep.lower_ == "of" and prep.head.lemma_.lower() in _SPAN_NOUNS
            and prep.head.head.lower_ in _TIME_PREPS)


_FUTURE = frozenset({"will", "would", "could", "might", "may", "shall", "'ll", "wo"})
# what one warns of that is one's own action: "warned of retaliation", "warned of a response"
_WARNED_ACTS = frozenset({"retaliation", "response", "consequence", "attack", "strike", "war",
                          "escalation", "reprisal", "action", "measure", "sanction", "revenge",
                          "force", "operation", "offensive", "invasion"})


_PERSONAL = frozenset({"i", "we", "he", "she", "it", "they", "you"})
_OWN = frozenset({"my", "our", "his", "her", "its", "their"})  # "our answer will be harsh"


def _future_clause(v: "Token") -> bool:
    """A content clause that tells what someone will do: future or modal, and its doer a
    pronoun standing for the warner ("warned it would strike"), a hostile act ("the response
    will be huge") — not a prediction about things ("the result may be contested")."""
    verbs = [v] + [c for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if not any(c.dep_ == "aux" and (c.lower_ in _FUTURE or c.lower_ == "going")
               for x in verbs for c in x.children):
        return False
    subjects = [c for x in verbs for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or any(
        c.dep_ == "nsubj" and (c.lower_ in _PERSONAL or c.lemma_.lower() in _WARNED_ACTS
                               or any(g.dep_ == "poss" and g.lower_ in _OWN for g in c.children))
        for c in subjects)


def _warning_of_a_fact(tok: "Token") -> bool:
    """ "Half of the schools have been hit, the agency warned", "warned the campaign against
    outdoor rallies": a warning that tells a fact or gives advice is no threat. A threat
    warns of what will come ("warned it would strike", "warned of retaliation")."""
    if tok.lemma_.lower() != "warn" or tok.pos_ != "VERB":
        return False
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "parataxis") and _future_clause(c):
            return False
        if c.dep_ in ("dobj", "prep"):
            objs = [c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"]
            if any(o.lemma_.lower() in _WARNED_ACTS for o in objs):
                return False
    # a clause of its own it warns of: a bare "warned" under a quote is the quote's frame
    return any(c.dep_ in ("ccomp", "xcomp", "parataxis", "prep", "dobj") for c in tok.children)


_OPENING, _CLOSING = "“«\"'‘", "”»\"'’"


def _scare_quoted(tok: "Token") -> bool:
    """ "her security chief was “kidnapped” on Wednesday": a predicate that is a quotation of
    one word is the speaker's word for the act, not the article's."""
    text = doc_text(tok.doc)
    a, b = tok.idx, tok.idx + len(tok.text)
    return 0 < a and b < len(text) and text[a - 1] in _OPENING and text[b] in _CLOSING


def _governors(hs: list[int], i: int, limit: int = 6) -> list[int]:
    """The indices of up to `limit` governors of token i, nearest first (head indices)."""
    out = []
    for _ in range(limit):
        if hs[i] == i:
            break
        i = hs[i]
        out.append(i)
    return out


# words whose complement is what someone is told, asked or wished to do ("demanded that X
# lift the blockade", "rejected calls to deploy troops", "wants X to attack")
_DIRECTIVES = frozenset({"demand", "urge", "insist", "call", "ask", "order", "request", "press",
                         "push", "appeal", "want", "wish", "desire", "reminder", "instruct",
                         "plea", "ultimatum"})
# what someone wants for oneself is an intention ("wants to strike" is a threat): only the
# wish that another party act is content
_WISHES = frozenset({"want", "wish", "desire"})
_NEGOTIATIONS = frozenset({"negotiation", "negotiate", "talk", "discuss", "discussion",
                           "consultation", "bargain", "haggle"})
_TOPIC_PREPS = frozenset({"on", "over", "about", "concerning", "regarding"})
_OBLIGATIONS = frozenset({"must", "should"})


def _directed_content(tok: "Token") -> bool:
    """ "demanded that Osterlich lift the blockade", "rejected calls to deploy troops",
    "negotiations on a troop pullback", "said Osterlich must return the tanker that was
    seized", "wants Osterlich to attack": the content of a directive, a demand, a wish for
    another party, the topic of a negotiation or a reported obligation is no act that
    occurred (the directive, demand or talks are the event)."""
    doc = tok.doc
    table, hs = token_table(doc), heads(doc)
    dep, lower, lemmas = table.dep, table.lower, table.lemma
    if any(dep[c] == "aux" and lower[c] in _OBLIGATIONS for c in children(doc, tok.i)):
        return False  # "insisted X must leave": the demand itself, drafted on this verb
    cur = tok.i
    for _ in range(8):
        head = hs[cur]
        if head == cur:
            return False
        lemma = lemmas[head]
        rel = dep[cur]
        # "calls to deploy troops": the parser makes the infinitive a relative clause too
        content = rel in ("ccomp", "xcomp", "acl") or (
            rel == "relcl" and any(dep[c] == "aux" and lower[c] == "to"
                                   for c in children(doc, cur)))
        # "reiterated its demand today that X ease …": the parser hangs the noun's clause on
        # the verb that governs the noun
        if content and (lemma in _DIRECTIVES or (rel == "ccomp" and any(
                dep[c] == "dobj" and lemmas[c] in _DIRECTIVES for c in children(doc, head)))):
            if lemma not in _WISHES or any(dep[c] in ("nsubj", "nsubjpass")
                                           for c in children(doc, cur)) \
                    or any(dep[c] == "dobj" for c in children(doc, head)):
                return True
        if (rel == "pobj" and lower[head] in _TOPIC_PREPS
                and (lemmas[hs[head]] in _NEGOTIATIONS
                     # "renewed negotiations today on a pullback": hung on the verb
                     or any(dep[c] == "dobj" and lemmas[c] in _NEGOTIATIONS
                            for c in children(doc, hs[head])))):
            return True
        # an obligation reported as the content of saying ("said X must return …"): the
        # demand is drafted on its verb (event_roles.find_requests); what lies inside is content
        if (dep[head] == "ccomp" and table.pos[head] in ("VERB", "AUX")
                and any(dep[c] == "aux" and lower[c] in _OBLIGATIONS
                        for c in children(doc, head))):
            return True
        cur = head
    return False


def _charge_of_the_held(tok: "Token") -> bool:
    """ "Police arrested a man for attacking a driver": the parser hangs the charge on the
    one held; it is still the charge, told by the arrest."""
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ != "for":
        return False
    held = tok.head.head
    return (held.dep_ in ("dobj", "nsubjpass") and held.pos_ in ("NOUN", "PROPN", "PRON")
            and held.head.lemma_.lower() in _CHARGED)


# verbs of getting forces ready: the attack prepared is the mobilization's aim (MOBILIZE is
# the verb's type, lexicons/predicates.yaml), not an attack that happened
_PREPARING = frozenset({"prepare", "gear", "ready", "mass", "muster"})


def _prepared_attack(tok: "Token", type_: str | None) -> bool:
    """ "The army prepared to resume its offensive", "troops are preparing for an assault on
    the town": the attack is what forces get ready for."""
    if type_ != "ASSAULT":
        return False
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "dobj", "pobj", "prep", "advcl"):
            return False
        if head.lemma_.lower() in _PREPARING and head.pos_ == "VERB":
            return True
        cur = head
    return False


# Constructions that tell no incident, in the order they are tested: (reason, test of the
# predicate token and its PLOVER type)
_NOT_A_REPORT: tuple[tuple[str, Callable[["Token", str | None], bool]], ...] = (
    ("habitual", lambda t, _: told_as_habit(t)),
    ("description", _description),
    ("charge", lambda t, _: _charge(t)),
    ("war", _war_reference),
    ("interview", lambda t, _: _interview_question(t)),
    ("generic", lambda t, _: _generic_plural(t)),
    ("anniversary", lambda t, _: _anniversary(t)),
    ("warning of a fact", lambda t, _: _warning_of_a_fact(t)),
    ("designation", lambda t, _: _designation(t)),
    ("time reference", lambda t, _: _time_reference(t)),
    ("figure of speech", lambda t, _: _figure_of_fighting(t)),
    # "wants the government to act" is drafted on the wished clause as the wish's REQUEST
    ("directed content", lambda t, ty: _directed_content(t) and not (
        ty == "REQUEST" and t.dep_ == "ccomp" and t.head.lemma_ in ("want", "wish"))),
    ("charge", lambda t, _: _charge_of_the_held(t)),
    ("preparation", _prepared_attack),
    ("absent", lambda t, _: absent_act(t)),
    ("time served", lambda t, _: time_served(t)),
    ("public advice", lambda t, ty: ty == "REQUEST" and public_advice(t)),
    ("shared view", lambda t, ty: ty == "AGREE" and shared_view(t)),
    ("standing pledge", lambda t, ty: ty == "AGREE" and standing_pledge(t)),
    ("interpretation", lambda t, _: interpretation(t)),
    ("campaign effect", lambda t, _: campaign_effect(t)),
)


_READER_VERBS = frozenset({"click", "tap", "subscribe", "sign", "visit", "follow", "read",
                           "watch", "download", "register"})


def _call_to_action(sent: "Span") -> bool:
    """ "To urge your MP to vote …, click here", "Sign up for our newsletter": the page tells
    its reader what to do — a promotion line, no news."""
    root = sent.root
    return (root.lemma_.lower() in _READER_VERBS and root.tag_ == "VB"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children))


def _figure_of_fighting(tok: "Token") -> bool:
    """ "The government came out fighting": fighting talk, not fighting."""
    head = tok.head
    return (tok.lemma_.lower() == "fight" and tok.dep_ in ("xcomp", "advcl", "acomp", "dobj")
            and head.lemma_.lower() in ("come", "go") and any(
                c.dep_ == "prt" and c.lower_ == "out" for c in head.children))


def assess(tok: "Token", quotes: QuoteMap, type_: str | None = None) -> Reportability:
    """Reportability of the candidate whose predicate is `tok` (of PLOVER type `type_`)."""
    sent = sentence_of(tok.doc, tok.i)
    if _is_heading(sent):
        return Reportability(False, "heading")
    if _call_to_action(sent):
        return Reportability(False, "call to action")
    if span_text(sent).rstrip().rstrip("”\"’").endswith("?"):
        return Reportability(False, "question")
    for reason, test in _NOT_A_REPORT:
        if test(tok, type_):
            return Reportability(False, reason)
    quoted = quotes.inside(tok.idx, tok.idx + len(tok.text)) or _scare_quoted(tok)
    doc = tok.doc
    table = token_table(doc)
    dep, lower = table.dep, table.lower
    chain = [tok.i] + _governors(heads(doc), tok.i)  # token indices
    modal = any(dep[c] == "aux" and lower[c] in _MODALS
                for t in chain[:3] for c in children(doc, t))
    # inside an if-clause ("if they attack"), or the consequent of one ("if … , X would")
    conditional = any(
        dep[c] == "mark" and lower[c] in _CONDITIONAL for t in chain[:4] for c in children(doc, t)
    ) or any(
        dep[c] == "advcl" and any(dep[g] == "mark" and lower[g] in _CONDITIONAL
                                  for g in children(doc, c))
        for t in chain[:2] for c in children(doc, t)
    )
    # the lowercased lemma gates the exact (case-sensitive) test
    assessed = any(table.lemma[g] in _ASSESSMENT and doc[g].lemma_ in _ASSESSMENT
                   for g in chain[1:5])
    if conditional and modal:
        return Reportability(False, "hypothetical", modal=True, conditional=True)
    if _unlikely(doc, chain):
        return Reportability(False, "hypothetical", assessed=True)
    # a quote's content is kept only as a mention of an incident the article also tells in
    # its own words (incidents.py drops incidents told only inside quotes)
    return Reportability(True, None, modal=modal, conditional=conditional, assessed=assessed,
                         quoted=quoted, earlier=_in_sequence_clause(tok),
                         summary=_purpose(tok))


def quote_map(doc: "Doc") -> QuoteMap:
    """The quote map of a parsed document (made once per Doc, from its cached text)."""
    key = "wirecoder.quote_map"
    if key not in doc.user_data:
        doc.user_data[key] = QuoteMap(doc_text(doc))
    return doc.user_data[key]  # type: ignore[no-any-return]


__all__ = ["Reportability", "QuoteMap", "assess", "quote_map"]
