"""Status of an event from its predicate's grammar: negation, modality, plans, progressive
aspect and habitual/background framing (PLOVER's auxiliary "modes", SPEC §1 Status)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import Status
from .token_table import children, heads, sentence_start, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NEG = frozenset({"not", "n't", "never", "no", "nobody", "neither", "nor", "without"})
_NO_ONE = frozenset({"nobody", "none", "nothing"})
_POSSIBLE_AUX = frozenset({"could", "may", "might", "should", "can"})
# "would" in reported speech is the future of the past ("said they would boycott")
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
# governing verbs that make their complement an intention, not a fact
_PLAN_HEADS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "aim",
        "seek",
        "want",
        "prepare",
        "hope",
        "try",
        "attempt",
        "propose",
        "decide",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "offer",
        "agree",
        "schedule",
        "set",
        "wish",
        "consider",
        "push",
        "press",
        "call",
        "demand",
        "urge",
        "ask",
        "negotiate",
        "discuss",
        "reach",
        "need",
        "order",
        "refuse",
        "reject",
        "deny",
        "fail",
        "warn",
        "seek",
        "push",
        "allow",
        "permit",
        "ready",
        "willing",
        "able",
        "likely",
        "going",
        "prepared",
        "committed",
        "poised",
        "determined",
        "resolve",
        "mean",
        "bound",
    }
)
_NEG_HEADS = frozenset(
    {"deny", "refuse", "fail", "reject", "avoid", "prevent", "halt", "stop", "deny"}
)
_POSSIBLE_MODS = frozenset(
    {
        "possible",
        "potential",
        "proposed",
        "planned",
        "prospective",
        "hypothetical",
        "eventual",
        "future",
        "likely",
        "probable",
    }
)
_HABITUAL = frozenset(
    {
        "historically",
        "traditionally",
        "usually",
        "often",
        "typically",
        "generally",
        "regularly",
        "frequently",
        "customarily",
        "normally",
        "habitually",
        "always",
        "long",
    }
)
_ITERATIVE = frozenset({"repeatedly", "routinely", "consistently", "constantly", "persistently"})
_ONGOING_HEADS = frozenset({"continue", "keep", "remain", "persist", "carry"})
_ONGOING_MODS = frozenset(
    {"ongoing", "continuing", "continued", "current", "continuous", "relentless", "protracted"}
)


def _clause_chain(doc: "Doc", i: int, limit: int = 6) -> list[int]:
    """The predicate and the heads it hangs from, up to the sentence root (indices)."""
    hs = heads(doc)
    chain = [i]
    cur = i
    while hs[cur] != cur and len(chain) < limit:
        cur = hs[cur]
        chain.append(cur)
    return chain


_VERB_STATUS = "wirecoder.verb_status"
_UNSEEN = object()


def _verb_status(v: "Token") -> Status | None:
    """The status a verb's own auxiliaries and adverbs give, once per token and Doc (the
    predicates of a sentence ask again for their shared governors)."""
    doc = v.doc
    got = doc.user_data.get(_VERB_STATUS)
    if got is None or got[0] != len(doc):
        got = doc.user_data[_VERB_STATUS] = (len(doc), {})
    st = got[1].get(v.i, _UNSEEN)
    if st is _UNSEEN:
        st = got[1][v.i] = _own_verb_status(v)
    return st  # type: ignore[return-value]


def _own_verb_status(v: "Token") -> Status | None:
    # spaCy's children of the verb (walked once per Doc), read from the token table
    doc = v.doc
    table = token_table(doc)
    lower, dep = table.lower, table.dep
    kids = children(doc, v.i)
    aux = {lower[c] for c in kids if dep[c] in ("aux", "auxpass")}
    if any(dep[c] == "neg" or (lower[c] in _NEG and dep[c] in ("advmod", "det")) for c in kids):
        return Status.negated
    # "Neither X nor Y has been charged", "No one was arrested", "Nobody claimed it" — not
    # "No soldiers were killed in the attack", where the attack still happened
    subjects = [c for c in kids if dep[c] in ("nsubj", "nsubjpass")]
    if any(lower[c] in _NO_ONE or any(
            dep[g] in ("det", "preconj") and (lower[g] == "neither"
                                              or (lower[g] == "no" and lower[c] == "one"))
            for g in children(doc, c)) for c in subjects):
        return Status.negated
    if any(lower[c] in _HABITUAL and dep[c] in ("advmod", "npadvmod") for c in kids):
        return Status.historical
    # "has repeatedly denied" is a standing position; "repeatedly struck the town on Monday"
    # is news: an iterative adverb makes background only with the perfect
    if aux & _PERFECT_AUX and any(lower[c] in _ITERATIVE and dep[c] == "advmod" for c in kids):
        return Status.historical
    if aux & _FUTURE_AUX:
        return Status.planned
    if aux & _POSSIBLE_AUX:
        return Status.possible
    if v.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "'re", "been", "be"}:
        return Status.ongoing
    return None


_STRONG_HABITUAL = frozenset({"historically", "traditionally", "customarily"})
_PERFECT_AUX = frozenset({"has", "have", "had", "'s", "'ve", "'d"})


def _habitual_sentence(pred: "Token") -> bool:
    """A clause that says what has long been so ("X has long hosted talks", "it is
    traditionally Y that mediates"): the small model often attaches such adverbs to the wrong
    head, so the strongest cues count when they come shortly before the predicate with no
    coordination in between ("…, and on Monday soldiers shot …" is news again)."""
    doc = pred.doc
    start = sentence_start(doc, pred.i)  # Token.sent walks the whole sentence
    table = token_table(doc)  # a ";" or ":" is its own lowercase form
    lower, dep = table.lower, table.dep
    for i in range(max(start, pred.i - 8), pred.i):  # the 8 tokens before it
        low = lower[i]
        strong = low in _STRONG_HABITUAL or (
            low == "long" and i > start and lower[i - 1] in _PERFECT_AUX
            and doc[i].tag_ == "RB"
        )
        if strong and not any(
            dep[u] == "cc" or lower[u] in (";", ":") for u in range(i + 1, pred.i)
        ):
            return True
    return False


def event_status(pred: "Token", nominal: bool = False) -> Status:
    """Status of the event told by `pred` (a verb, or an event noun when `nominal`)."""
    st = _event_status(pred, nominal)
    if st is Status.occurred and _habitual_sentence(pred):
        return Status.historical
    return st


def _event_status(pred: "Token", nominal: bool) -> Status:
    if nominal:
        table = token_table(pred.doc)
        lower, dep = table.lower, table.dep
        kids = children(pred.doc, pred.i)
        if any(lower[c] in _NEG and dep[c] == "det" for c in kids):
            return Status.negated
        if any(lower[c] in _POSSIBLE_MODS for c in kids if dep[c] in ("amod", "compound")):
            return Status.possible
        if any(lower[c] in _ONGOING_MODS for c in kids if dep[c] in ("amod",)):
            return Status.ongoing
        head = pred.head
        # a bargaining term: "in exchange for a ceasefire", "in return for their release"
        if head.lower_ == "for" and head.head.lower_ in ("exchange", "return"):
            return Status.planned
        # the event is what a governing verb is about: "negotiating the release", "called for
        # a ceasefire", "denied the attack"
        if pred.dep_ in ("dobj", "pobj", "nsubjpass", "attr") and head.i != pred.i:
            gov = head.head if head.dep_ == "prep" else head
            if gov.lemma_ in _NEG_HEADS and gov.lemma_ != "stop":
                return Status.negated
            if gov.lemma_ in _PLAN_HEADS:
                return Status.planned
            st = _verb_status(gov) if gov.pos_ in ("VERB", "AUX") else None
            if st is not None:
                return st
            if gov.lemma_ in _ONGOING_HEADS:
                return Status.ongoing
        if pred.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
            st = _verb_status(head)
            if st is not None:
                return st
            if (
                head.lemma_ == "take"
                and any(c.lemma_ == "place" for c in head.children)
                and head.tag_ == "VBG"
            ):
                return Status.ongoing
        return Status.occurred
    st = _verb_status(pred)
    if st is not None:
        return st
    # governing verbs: "plans to attack", "refused to release", "continued shelling" (head
    # indices and the table's labels; a Token only for a governor's exact lemma and status)
    doc = pred.doc
    table = token_table(doc)
    dep, lower, pos = table.dep, table.lower, table.pos
    chain = _clause_chain(doc, pred.i)
    child = pred.i
    for head in chain[1:]:
        cd = dep[child]
        if cd in ("xcomp", "ccomp", "advcl", "conj", "relcl", "pcomp", "acl") or cd == "prep":
            hst = _verb_status(doc[head]) if pos[head] in ("VERB", "AUX") else None
            if cd == "xcomp":
                head_lemma = doc[head].lemma_
                if head_lemma in _NEG_HEADS:
                    return Status.negated
                if head_lemma in _ONGOING_HEADS:
                    return Status.ongoing
                if head_lemma in _PLAN_HEADS or lower[head] in _PLAN_HEADS:
                    return Status.planned
            if cd == "advcl" and any(
                lower[c] == "to" and dep[c] == "aux" for c in children(doc, child)
            ):
                return Status.planned  # purpose clause: "… to destroy X"
            if hst in (Status.historical,):
                return hst
            if cd in ("xcomp", "conj") and hst is not None:
                return hst
        if dep[head] == "ROOT":
            if any(lower[c] in _HABITUAL and dep[c] == "advmod" for c in children(doc, head)):
                return Status.historical
            break
        child = head
    if any(lower[c] in ("since",) and dep[c] == "prep" for c in children(doc, pred.i)) \
            and pred.tag_ in ("VBG",):
        return Status.ongoing
    return Status.occurred


__all__ = ["event_status"]
