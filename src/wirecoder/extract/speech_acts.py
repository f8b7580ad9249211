"""Speech acts the predicate lexicon cannot see: a condemnation told by a reporting verb.

"X called the charges illegal", "X said the ruling was a sham", "X said Hodeidah was not
an innocent port": PLOVER codes the act of saying — an ACCUSE (disapprove) by the speaker of
whatever the judged phrase names. The judging words are data (lexicons/evaluations.yaml)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Callable
from typing import TYPE_CHECKING

from .coref import doc_text
from .predicates import load_lexicon, load_lexicon_file
from .quotes import quote_segments
from .recipients import act_doer
from .token_table import children, positions, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Evaluations:
    verbs: frozenset[str]
    words: frozenset[str]  # single lemmas
    phrases: tuple[tuple[str, ...], ...]  # multi-word cues, lowercase tokens
    # the phrases by their first word (a phrase can start only where that word stands)
    firsts: dict[str, list[tuple[str, ...]]] = field(init=False, compare=False, hash=False,
                                                     repr=False)

    def __post_init__(self) -> None:
        firsts: dict[str, list[tuple[str, ...]]] = {}
        for p in self.phrases:
            firsts.setdefault(p[0], []).append(p)
        object.__setattr__(self, "firsts", firsts)


@lru_cache(maxsize=1)
def evaluations() -> Evaluations:
    data = load_lexicon_file("evaluations.yaml")
    neg = [str(w).lower() for w in data.get("negative") or []]
    # the parser splits "pro-war" into "pro", "-", "war": a hyphenated word is also a phrase
    split = [w.replace("-", " - ") for w in neg if "-" in w]
    return Evaluations(frozenset(str(v) for v in data.get("reporting_verbs") or []),
                       frozenset(w for w in neg if " " not in w),
                       tuple(tuple(w.split()) for w in neg + split if " " in w))


def _judges(toks: list["Token"], ev: Evaluations) -> bool:
    words = [t.lower_ for t in toks]
    if any(t.lemma_.lower() in ev.words or t.lower_ in ev.words for t in toks):
        return True
    firsts = ev.firsts
    return any(tuple(words[i:i + len(p)]) == p for i, w in enumerate(words) if w in firsts
               for p in firsts[w])


_COLLECTIVES = frozenset({"bunch", "band", "gang", "group", "pack", "lot", "kind", "sort",
                          "collection", "clique", "cabal", "horde"})


def _judgment(comp: "Token") -> list["Token"]:
    """Where a complement judges: what it predicates ("was a sham", "called X illegal") and
    how it qualifies its subject or object ("this disgraceful conviction") — not words deep
    in its phrases ("ordered him to answer charges of illegal arms sales" judges nothing)."""
    # indices, the children from token_table.children and the labels from the table: a
    # Token only for each word returned
    doc = comp.doc
    table = token_table(doc)
    dep, lower = table.dep, table.lower
    ci = comp.i
    heads = [ci]
    if dep[ci] == "prep":  # "framed his rivals as “fascist”": what the as-phrase names
        heads = [c for c in children(doc, ci) if dep[c] in ("pobj", "amod", "acomp")]
    if dep[ci] == "ccomp":
        heads = [c for c in children(doc, ci) if dep[c] in ("acomp", "attr", "oprd", "nsubj",
                                                              "nsubjpass", "dobj")]
        if comp.pos_ in ("NOUN", "ADJ") or comp.tag_ == "VBN":
            heads.append(ci)  # "was a sham", "said he was shocked by …"
    # "they're a bunch of thugs": a collective head judges by what it collects
    heads += [x for h in heads if lower[h] in _COLLECTIVES
              for c in children(doc, h) if dep[c] == "prep" and lower[c] == "of"
              for x in children(doc, c) if dep[x] == "pobj"]
    out: list[int] = []
    for h in heads:
        group = [h] + [c for c in children(doc, h) if dep[c] == "conj"]
        for g in group:
            kids = children(doc, g)
            out.append(g)
            out += [c for c in kids if dep[c] in ("amod", "compound", "nmod", "acomp", "neg")]
            out += [c for c in kids if dep[c] in ("oprd", "attr", "acomp")]
            if dep[ci] == "dobj":  # "called the plan “a farce”", parsed as an apposition
                out += [c for c in kids if dep[c] == "appos"]
            # "described the summons as outrageous", "labeled them as traitors"
            out += [x for c in kids if dep[c] == "prep" and lower[c] == "as"
                    for x in children(doc, c) if dep[x] in ("pobj", "amod", "acomp")]
    return [doc[i] for i in out]


_NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _named(tok: "Token") -> bool:
    """A subject that names a party: a name, or a noun qualified by one ("Russian troops")."""
    if tok.pos_ == "PRON":
        return False
    if tok.ent_type_ in _NAMED or tok.pos_ == "PROPN":
        return True
    return any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in _NAMED
               for c in tok.children)


@lru_cache(maxsize=1)
def _hostile_verbs() -> frozenset[str]:
    """Verbs the predicate lexicon codes as force or coercion by themselves."""
    verbs = load_lexicon().verbs
    return frozenset(v for v, spec in verbs.items()
                     if spec.get("type") in ("ASSAULT", "COERCE") and not spec.get("only_with"))


def _clause_verbs(comp: "Token") -> list["Token"]:
    """The complement's verb with its conjoined verbs and their infinitive complements
    ("continues to provide … and enable …", "supports, trains and finances")."""
    out = [comp]
    for v in out:  # grows while it is read: conjunct chains ("supports, trains and finances")
        out += [c for c in v.children if c.dep_ == "conj"]  # a mis-tagged "trains" too
    for v in list(out):
        out += [c for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        out += [g for c in v.children if c.dep_ == "xcomp"
                for g in c.children if g.dep_ == "conj" and g.pos_ == "VERB"]
    return out


def _objects(verb: "Token") -> list["Token"]:
    """What a verb acts on, with its qualifiers ("their malicious activities", "a number of
    war crimes", "the terror organization")."""
    out: list["Token"] = []
    for o in (c for c in verb.children if c.dep_ in ("dobj", "attr")):
        out.append(o)
        out += [c for c in o.children if c.dep_ in ("amod", "compound")]
        for p in (c for c in o.children if c.dep_ == "prep" and c.lower_ == "of"):
            for g in (x for x in p.children if x.dep_ == "pobj"):
                out.append(g)
                out += [c for c in g.children if c.dep_ in ("amod", "compound")]
    return out


def _own_force(comp: "Token") -> bool:
    """ "The army said it struck 40 terror targets", "the IDF said the Israeli air force
    struck terrorists": the speaker tells its own side's use of force; the words it uses for
    its targets accuse no third party."""
    subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(v.lemma_.lower() in _hostile_verbs() for v in _clause_verbs(comp)):
        return False
    if subj.pos_ == "PRON":
        return True
    speaker = _speakers(comp.head) if comp.head.i != comp.i else []
    return bool(speaker) and (_own_side(subj, speaker) or any(
        subj.lower_ == t.lower_ for s in speaker for t in s.subtree))


def accused_party(comp: "Token", speaker: list["Token"], quoted: bool) -> "Token | None":
    """ "“Russia continues to enable malicious cyber activities,” X said": a speaker who
    says that a named party does wrong accuses that party (PLOVER ACCUSE). The wrong is a
    condemning word on what the party does, or — inside a direct quote — a verb of force or
    coercion ("“Syria shelled our villages,” the minister said"). A party that is the speaker,
    or a pronoun, is no accused."""
    subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    verbs = _clause_verbs(comp)
    if subj is None and quoted:
        # "her aide was “kidnapped by the regime”": the agent of a quoted passive
        subj = next((g for v in verbs if v.lemma_.lower() in _hostile_verbs()
                     for c in v.children if c.dep_ == "agent"
                     for g in c.children if g.dep_ == "pobj"), None)
        if subj is not None and _named(subj) and not any(
                subj.lower_ == t.lower_ for t in speaker):
            return subj
        return None
    if subj is None or not _named(subj):
        return None
    if any(subj.lower_ == t.lower_ or subj.lemma_ == t.lemma_ for t in speaker):
        return None
    if any(any(c.dep_ == "neg" for c in v.children) for v in verbs):
        return None  # "X does not support terror" accuses nobody
    if _judges([t for v in verbs for t in _objects(v)], evaluations()):
        return subj
    if quoted and any(v.lemma_.lower() in _hostile_verbs() for v in verbs):
        return subj
    return None


@lru_cache(maxsize=1)
def _violent_verbs() -> frozenset[str]:
    """Verbs the predicate lexicon codes as physical force by themselves."""
    verbs = load_lexicon().verbs
    return frozenset(v for v, spec in verbs.items()
                     if spec.get("type") == "ASSAULT" and not spec.get("only_with"))


@lru_cache(maxsize=1)
def _violent_nouns() -> frozenset[str]:
    nouns = load_lexicon().nouns
    return frozenset(n for n, spec in nouns.items() if spec.get("type") == "ASSAULT")


# a side's armed body named by what it is ("government forces", "Ruritanian jets")
_ARMED = frozenset({"force", "troop", "army", "military", "regime", "militia", "jet",
                    "warplane", "aircraft", "navy", "soldier", "police", "artillery"})
_CLAIM_VERBS = frozenset({"say", "claim", "allege", "tell", "state", "add", "report"})


def _side(tok: "Token") -> bool:
    """A party to a conflict: a name, or an armed body said whose ("government forces")."""
    return _named(tok) or (tok.lemma_.lower() in _ARMED and any(
        c.dep_ in ("compound", "amod", "poss") for c in tok.children))


def _past(verb: "Token") -> bool:
    return verb.tag_ in ("VBD", "VBN") and not any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might", "must",
                                          "should", "can", "to")
        for c in verb.children)


def claimed_attacker(comp: "Token", speaker: list["Token"]) -> "Token | None":
    """ "Osterlich said Ruritanian troops had attacked its border posts", "a monitoring group
    said eight people were killed in an air strike by government forces": a named speaker
    who tells of past violence by another side alleges it (PLOVER ACCUSE, speaker → alleged
    attacker); the violence itself stays an event of its own. The attacker is the verb's
    subject, its by-agent, or the by-agent of the attack noun it was done in."""
    if not speaker or not _named(speaker[0]) or comp.lemma_.lower() not in _violent_verbs():
        return None
    if not _past(comp) or any(c.dep_ == "neg" for c in comp.children):
        return None
    subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    if subj is None:  # passive: "were killed by X", "were killed in a strike by X"
        agents = [g for c in comp.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
        agents += [g for c in comp.children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                   for n in c.children if n.dep_ == "pobj" and n.lemma_.lower() in _violent_nouns()
                   for b in n.children if b.dep_ == "prep" and b.lower_ == "by"
                   for g in b.children if g.dep_ == "pobj"]
        subj = agents[0] if agents else None
    if subj is None or not _side(subj) or _own_side(subj, speaker):
        return None
    return subj


_OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "my"})


def _own_side(attacker: "Token", speaker: list["Token"]) -> bool:
    """ "The army said its troops killed five gunmen", "Ruritania said Ruritanian jets struck
    the depot": the speaker tells of its own side's force, which accuses nobody."""
    words = [attacker] + [c for c in attacker.children if c.dep_ in ("compound", "amod", "poss")]
    if any(w.lower_ in _OWN_POSSESSIVES for w in words):
        return True
    said = [t for s in speaker for t in s.subtree if t.pos_ in ("PROPN", "ADJ", "NOUN")]
    # a shared stem: "Ruritania" / "Ruritanian", "Israel" / "Israeli"
    return any(w.lower_[:5] == t.lower_[:5] and len(w) > 4 and len(t) > 4
               for w in words for t in said)


# holding someone: arresting, detaining or jailing on a charge alleges the charge (PLOVER
# ACCUSE allege) — not a conviction, which proves it (PLOVER 3.9.2)
_HOLDING = frozenset({"arrest", "detain", "jail", "imprison", "hold", "apprehend", "seize",
                      "round", "nab", "intern"})
_CHARGE_NOUNS = frozenset({"charge", "allegation", "accusation", "suspicion", "count"})
# "detained for questioning": a purpose, not a charge
_NO_CHARGE = frozenset({"question", "interrogate", "interrogation", "questioning", "process",
                        "investigate", "protect", "safety", "verify", "check"})


def charged_holdings(doc: "Doc") -> dict[int, list["Token"]]:
    """ "Police arrested a journalist on charges of spying", "authorities jailed ten activists
    on allegations of treason", "a teacher was detained for insulting the king": the hold
    alleges the charge — an ACCUSE of the held, besides the COERCE. The charge phrase's
    preposition → the held (the act charged is no event: reportability's "charge")."""
    out: dict[int, list["Token"]] = {}
    table = token_table(doc)
    for i, (pos, lemma) in enumerate(zip(table.pos, table.lemma)):
        if pos != "VERB" or lemma not in _HOLDING:
            continue
        tok = doc[i]
        held = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not held or any(c.dep_ == "neg" for c in tok.children):
            continue
        # "arrested a man for attacking …": the parser may hang the charge on the held
        preps = [c for h in [tok] + held for c in h.children if c.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ == "on" and any(g.dep_ == "pobj" and g.lemma_.lower() in _CHARGE_NOUNS
                                           for g in prep.children):
                out[prep.i] = held
            elif prep.lower_ == "for":
                act = next((g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG"),
                           None)
                if act is None or act.lemma_.lower() in _NO_CHARGE:
                    continue
                out[prep.i] = held
    return out


_THREAT_CUES = frozenset({"say", "warn", "tell", "make", "signal", "indicate", "state",
                          "add", "insist", "vow", "declare"})
_CONDITION_MARKS = frozenset({"if", "unless"})


@lru_cache(maxsize=1)
def _coercive_verbs() -> frozenset[str]:
    verbs = load_lexicon().verbs
    return frozenset(v for v, spec in verbs.items()
                     if spec.get("type") in ("ASSAULT", "COERCE", "SANCTION")) | {"kick"}


def conditional_threats(doc: "Doc") -> dict[int, list["Token"]]:
    """ "Qatar made clear it would expel Hamas' leaders if the group does not sign", "X warned
    it would strike unless …", "“We will continue to strike them,” X said": force or
    coercion promised on a condition, or vowed in the speaker's own voice, is a THREATEN by
    the speaker (the promised act itself is not an event). Reporting verb index → the
    threatened."""
    out: dict[int, list["Token"]] = {}
    table = token_table(doc)  # no Token object for the tokens that fail the cheap tests
    for i in positions(table.lemma, _THREAT_CUES):  # a scan in C, then the POS test
        if table.pos[i] not in ("VERB", "AUX"):
            continue
        kids = children(doc, i)  # indices; labels from the table
        if not any(table.dep[c] == "nsubj" for c in kids):
            continue
        tok = doc[i]
        for comp in [doc[c] for c in kids if table.dep[c] == "ccomp"]:
            # "we will continue to strike": the force is the aspect verb's complement
            force = next((c for c in comp.children if c.dep_ == "xcomp"
                          and c.lemma_.lower() in _coercive_verbs()), None) \
                if comp.lemma_.lower() in _ASPECT_VERBS else comp
            if force is None or force.lemma_.lower() not in _coercive_verbs():
                continue
            if not any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "shall")
                       for c in comp.children):
                continue
            if any(c.dep_ == "neg" for c in comp.children):
                continue  # "we will not attack" promises restraint
            conditional = any(
                c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONDITION_MARKS
                                          for g in c.children) for c in comp.children)
            # "“We will strike these targets,” X said": a vow of force in the speaker's own
            # voice is a threat, with or without a condition
            vow = any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in comp.children)
            if not (conditional or vow):
                continue
            out[tok.i] = [c for c in force.children if c.dep_ in ("dobj", "dative")]
    return out


_ASPECT_VERBS = frozenset({"continue", "keep", "resume", "begin", "start", "go"})
_FIRST_PERSON = frozenset({"we", "i"})


def _speakers(verb: "Token") -> list["Token"]:
    """The reporting verb's subject, or the subject it shares as a conjoined verb ("X,
    reelected Thursday, called the trip a mission": the parser hangs "called" on "reelected"),
    or, for a gerund, the subject of the clause it qualifies ("X angered allies by claiming
    that …")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own:
        return own
    if verb.dep_ == "conj":
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    if verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "advcl"):
        gov = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if gov.pos_ in ("VERB", "AUX"):
            return [c for c in gov.children if c.dep_ == "nsubj"]
    return []


# first-person views that hand on their content: "“I believe X committed crimes,” Y said"
_VIEWS = frozenset({"believe", "think", "know", "feel", "consider", "suspect"})


def _own_view(comp: "Token") -> list["Token"]:
    """A complement that is the speaker's own first-person belief ("I believe that …") stands
    for what is believed: the speaker says it."""
    if comp.dep_ == "ccomp" and comp.lemma_.lower() in _VIEWS and any(
            c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in comp.children):
        inner = [c for c in comp.children if c.dep_ == "ccomp"]
        if inner:
            return inner
    return [comp]


# verbs that pin a label on someone: a label the speaker puts in quotes is a charge
# ("labelled the protesters “traitors”") whether or not the lexicon knows the word
_LABELLING = frozenset({"brand", "label", "frame", "portray", "paint", "dub", "depict",
                        "characterize", "characterise"})


_OPENING = frozenset({"“", '"', "‘", "«", "'"})
_CLOSING_MARKS = frozenset({"”", '"', "’", "»", "'"})


def _in_marks(tok: "Token") -> bool:
    """A word set in quotation marks of its own ("as “fascist”", "“enemies of the people”")."""
    doc = tok.doc
    # the word with its own modifiers, not a clause or apposition hung on it
    words = [tok.i] + [c.i for c in tok.children if c.dep_ in ("amod", "compound", "det")]
    left, right = min(words), max(words)
    return (left > 0 and doc[left - 1].text in _OPENING
            and (right + 1 < len(doc) and doc[right + 1].text in _CLOSING_MARKS
                 or right + 2 < len(doc) and doc[right + 2].text in _CLOSING_MARKS))


def _labelled(verb: "Token", comps: list["Token"]) -> list["Token"]:
    """The people a labelling verb pins a quoted label on ("branded the strikers
    “saboteurs”", "framed his rivals as “fascist”"); a thing so labelled ("labelled the bill
    “historic”") is no charge against anyone."""
    if verb.lemma_.lower() not in _LABELLING:
        return []
    labels = [x for c in comps if c.dep_ == "prep"
              for x in c.children if x.dep_ in ("pobj", "amod", "acomp")]
    labels += [c for c in comps if c.dep_ == "oprd"]
    # "branded the dockers “saboteurs”", parsed as one object: the quoted word its head, the
    # people named before the mark its modifiers
    doc = verb.doc
    merged = [m for c in comps if c.dep_ == "dobj" and c.i > 0 and doc[c.i - 1].text in _OPENING
              for m in c.children if m.dep_ in ("nmod", "compound") and m.i < c.i - 1]
    if merged and any(_in_marks(c) for c in comps if c.dep_ == "dobj"):
        comps = merged
    elif not any(_in_marks(x) for x in labels):
        return []
    return [c for c in comps if c.dep_ in ("dobj", "nmod", "compound") and (
        _named(c) or c.lower_ == "those" or c.tag_ == "NNS"
        or (c.pos_ == "PRON" and c.lower_ not in ("it", "this", "that")))]


def _antecedent_objects(verb: "Token", targets: list["Token"]) -> list["Token"]:
    """ "condemned the ruling, calling it a sham": a gerund's "it" is the object of the verb
    it qualifies."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return targets
    objs = [c for c in verb.head.children if c.dep_ == "dobj"]
    if not objs:
        return targets
    return [o for t in targets for o in (objs if t.lower_ in ("it", "them") else [t])]


def _topic(subj: "Token") -> "Token":
    """ "Hamas, they are thugs": a pronoun subject stands for the named phrase set before it."""
    if subj.pos_ != "PRON":
        return subj
    return next((c for c in subj.head.children if c.dep_ in ("npadvmod", "dep")
                 and c.i < subj.i and c.pos_ in ("NOUN", "PROPN")), subj)


_COMPLEMENTS = frozenset({"ccomp", "oprd", "xcomp", "dobj", "attr"})


def condemnations(doc: "Doc", quoted: "Callable[[int, int], bool] | None" = None,
                  ) -> dict[int, list["Token"]]:
    """Reporting verb index → the tokens naming what it condemns, for every reporting verb
    with a subject whose complement judges with a condemning word."""
    ev = evaluations()
    if quoted is None:
        ranges = quote_segments(doc_text(doc))  # Doc.text rejoins every token

        def quoted(start: int, end: int) -> bool:
            return any(a <= start and end <= b for a, b in ranges)
    out: dict[int, list["Token"]] = {}
    table = token_table(doc)
    for i in positions(table.lemma, ev.verbs):  # a scan in C, then the POS test
        if table.pos[i] != "VERB":
            continue
        tok = doc[i]
        speaker = _speakers(tok)
        if not speaker:
            continue
        dep, lower = table.dep, table.lower  # the children as indices: a Token for a complement
        comps = [v for c in children(doc, i)
                 if dep[c] in _COMPLEMENTS or (dep[c] == "prep" and lower[c] == "as")
                 for v in _own_view(doc[c])
                 # "said X does not arm the terror network" denies; "was not innocent" judges
                 if not (dep[v.i] == "ccomp" and any(dep[g] == "neg" for g in children(doc, v.i))
                         and v.lemma_ != "be")]
        if not comps or any(_own_force(c) for c in comps if c.dep_ == "ccomp"):
            continue
        labelled = _labelled(tok, comps)
        if labelled:
            out[tok.i] = labelled
            continue
        if not _judges([t for c in comps for t in _judgment(c)], ev):
            accused = [a for c in comps if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                       # the verb in quotes: the speaker's own words ("was “kidnapped by …”")
                       for a in [accused_party(c, speaker, quoted(c.idx, c.idx + len(c)))
                                 or (claimed_attacker(c, speaker)
                                     if tok.lemma_.lower() in _CLAIM_VERBS else None)]
                       if a is not None]
            if accused:
                out[tok.i] = accused
            continue
        targets = [c for c in comps if c.dep_ == "dobj"]
        # "he was appalled by the Russian strike": what appals is judged, not the one appalled
        felt = [g for c in comps if c.dep_ == "ccomp"
                for a in [c] + [x for x in c.children if x.dep_ == "acomp"]
                for b in a.children if b.dep_ == "agent" or (b.dep_ == "prep" and b.lower_ == "by")
                for g in b.children if g.dep_ == "pobj"]
        targets += felt
        targets += [_topic(g) for c in comps if c.dep_ == "ccomp" and not felt
                    for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        # "the court's ruling was a sham": who made what is judged is accused
        targets += [g for t in list(targets) for g in t.children if g.dep_ == "poss"]
        out[tok.i] = _antecedent_objects(tok, targets)
    for i, held in charged_holdings(doc).items():
        out.setdefault(i, held)
    return {i: with_owners(_not_addressed(doc[i], targets)) for i, targets in out.items()}


def _not_addressed(verb: "Token", targets: list["Token"]) -> list["Token"]:
    """ "Neighbours told CNN they were shocked": whom a speaker tells is no target."""
    if verb.lemma_.lower() != "tell":
        return targets
    told = {c.i for c in verb.children if c.dep_ in ("dobj", "dative")}
    return [t for t in targets if t.i not in told]


# how many sentences back the owner of a judged act is looked for
_OWNER_WINDOW = 3


@lru_cache(maxsize=1)
def _owned_acts() -> dict[str, frozenset[str]]:
    """Act noun → the lemmas that tell the same act (evaluations.yaml owned_acts): "the trip"
    re-tells "visited", "the plan" re-tells "proposed"."""
    out: dict[str, frozenset[str]] = {}
    for group in load_lexicon_file("evaluations.yaml").get("owned_acts") or []:
        words = frozenset(str(w).lower() for w in group)
        for w in words:
            out[w] = out.get(w, frozenset()) | words
    return out


def _owner_in(mention: "Token") -> list["Token"]:
    """Who does the act a mention tells: a verb's subject, a noun's named possessor."""
    if mention.pos_ == "VERB":
        cur = mention
        # "chose the first week of his term to visit Y": the doer is the head's subject
        while cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i and not any(
                c.dep_ == "nsubj" for c in cur.children):
            cur = cur.head
        return [c for c in cur.children if c.dep_ == "nsubj" and c.pos_ != "PRON" and _named(c)]
    return [c for c in mention.children if c.dep_ == "poss" and c.pos_ != "PRON" and _named(c)]


def act_owner(noun: "Token") -> list["Token"]:
    """ "X visited Moscow … Y called the trip a disgrace": a judged act named by a definite
    noun with no possessor belongs to whoever did the act it re-tells — the nearest earlier
    mention of the same act (same word or a word of its group) with a named doer."""
    family = _owned_acts().get(noun.lemma_.lower())
    if not family or noun.pos_ != "NOUN" or any(c.dep_ == "poss" for c in noun.children):
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return []
    doc = noun.doc
    sents = 0
    for t in reversed(doc[:noun.i]):
        if t.is_sent_start:
            sents += 1
            if sents > _OWNER_WINDOW:
                break
        if t.lemma_.lower() in family and t.pos_ in ("VERB", "NOUN"):
            owner = _owner_in(t)
            if owner:
                return owner
    return []


def with_owners(targets: list["Token"]) -> list["Token"]:
    """A condemnation's targets, with the doer of each judged act that names none; the
    victim of a judged act done to someone ("called X's conviction a mockery") is no target:
    its doer is."""
    out = list(targets)
    for t in targets:
        doers = act_doer(t)
        if doers is not None:
            victims = {x.i for c in t.children if c.dep_ in ("poss", "prep") for x in c.subtree}
            # the act's phrase names its victim ("X's conviction"): it is no target either
            out = [x for x in out if x.i not in victims and x.i != t.i] + [
                d for d in doers if d not in out]
    if len(out) != len(targets) or any(x not in targets for x in out):
        return out
    if any(_named(t) or t.dep_ == "poss" for t in targets):
        return out
    for t in targets:
        out += [o for o in act_owner(t) if o not in out]
    return out


__all__ = ["Evaluations", "evaluations", "accused_party", "act_owner", "claimed_attacker",
           "charged_holdings", "condemnations", "with_owners",
           "conditional_threats"]
