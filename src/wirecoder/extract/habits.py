"""Habits: a predicate told as a habit or a lasting stance ("weekly protests", "rallies which
take place every Friday", "has long criticized NATO") is no single incident. Used by the
reportability stage."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .token_table import add_governors, heads, positions, sentence_of, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "rallies which take place every Friday", "weekly protests": a habit, not an incident
_HABITUAL = frozenset({"weekly", "daily", "monthly", "nightly", "regularly", "routinely",
                       "habitually", "usually", "typically", "customarily"})
_PERFECT_HABIT = frozenset({"long", "repeatedly", "often", "frequently", "always", "consistently",
                            "continually", "constantly", "routinely", "regularly"})
_SPANS = frozenset({"years", "decades", "months"})
# on a simple past with no date of its own: "repeatedly accused X of …", "generally
# supported Democrats" — many acts or a stance, not one
_PAST_HABIT = frozenset({"repeatedly", "often", "frequently", "consistently", "constantly",
                         "continually", "generally", "routinely", "regularly", "always",
                         "habitually", "usually", "typically"})


def _perfect_habit(tok: "Token") -> bool:
    """ "Trump has long criticized NATO and accused partners …", "X has repeatedly said",
    "has for years denied": the perfect of a repeated or lasting stance — a habit, not one act
    (the same adverb on a simple past, "repeatedly struck the town on Monday", is one raid)."""
    verb = tok
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "has long criticized … and accused …": the first conjunct's aspect
    kids = list(verb.children)
    if not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in kids):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in _PERFECT_HABIT for c in kids) or any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in _SPANS for g in c.children)
        for c in kids)


def _past_habit(tok: "Token") -> bool:
    """ "X repeatedly accused Y of …" with no day told: a repeated or lasting act. A date on
    the verb makes it one incident ("repeatedly struck the town on Monday")."""
    if tok.tag_ != "VBD":
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for c in tok.children
                   if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree)


_ASIDE_OPEN = frozenset({"–", "—", "("})
_ASIDE_CLOSE = frozenset({"–", "—", ")"})


def _in_aside(t: "Token", tok: "Token") -> bool:
    """Is `t` inside a dash or bracket aside that does not hold the predicate `tok`?"""
    doc = t.doc
    sent = sentence_of(doc, t.i)
    left = next((k for k in range(t.i - 1, sent.start - 1, -1) if doc[k].text in _ASIDE_OPEN),
                None)
    right = next((k for k in range(t.i + 1, sent.end) if doc[k].text in _ASIDE_CLOSE), None)
    return left is not None and right is not None and not (left < tok.i < right)


def told_as_habit(tok: "Token") -> bool:
    """Told as a habit: "every Friday", "weekly", "routinely" on the predicate, its noun or
    a clause describing it ("rallies which take place every Friday") — not in a clause of
    its own ("said that …", "after …")."""
    doc, i = tok.doc, tok.i
    governs_habit, perfect_heads, past_heads = _habit_heads(doc)
    if tok.pos_ in ("VERB", "AUX") and _perfect_verb(doc, i) in perfect_heads \
            and _perfect_habit(tok):
        return True
    if i in past_heads and _past_habit(tok):
        return True
    if i not in governs_habit:
        return False  # no habit word below it: its subtree need not be walked
    for t in tok.subtree:
        if not (t.lower_ in _HABITUAL or (t.lower_ == "every" and t.dep_ == "det"
                                          and t.head.ent_type_ in ("DATE", "TIME"))):
            continue
        if _in_aside(t, tok):
            continue  # "at campaign events – usually rollicking affairs – X framed …"
        cur = t
        while cur.i != tok.i and cur.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "parataxis"):
            cur = cur.head
        if cur.i == tok.i:
            return True
    return False


_HABIT_KEY = "wirecoder.habit_heads"
_PERFECT_AUX = frozenset({"has", "have", "'ve"})
_HABIT_SCAN = _HABITUAL | _PERFECT_AUX | _PAST_HABIT | {"every"}


def _habit_heads(doc: "Doc") -> tuple[set[int], set[int], set[int]]:
    """Per Doc, from the token table and head indices (no Token objects): the tokens with a
    habit word ("weekly", "every") at or below them through head links, and the heads of a
    perfect auxiliary ("has", "have"). `Token.subtree` and `.children` follow spaCy's child
    edges, which hold only true head links (they may miss some, never add one): a token in
    neither set can skip the walk with the same answer. Also the verbs a past-habit adverb
    ("repeatedly") modifies."""
    got = doc.user_data.get(_HABIT_KEY)
    if got is not None and got[0] == len(doc):
        return got[1], got[2], got[3]
    table = token_table(doc)
    lower, dep = table.lower, table.dep
    hs = heads(doc)
    governs: set[int] = set()
    perfect: set[int] = set()
    past: set[int] = set()  # verbs a past-habit adverb modifies
    for k in positions(lower, _HABIT_SCAN):
        w = lower[k]
        if w in _PERFECT_AUX:
            if dep[k] == "aux" and hs[k] != k:
                perfect.add(hs[k])
            continue
        if w in _PAST_HABIT and dep[k] == "advmod" and hs[k] != k:
            past.add(hs[k])
        if w in _HABITUAL or w == "every":
            add_governors(hs, k, governs)
    doc.user_data[_HABIT_KEY] = (len(doc), governs, perfect, past)
    return governs, perfect, past


def _perfect_verb(doc: "Doc", i: int) -> int:
    """The verb whose auxiliaries `_perfect_habit` reads: the first conjunct of a verb
    conjunction (its `while` loop, over the token table and head indices)."""
    table, hs = token_table(doc), heads(doc)
    while table.dep[i] == "conj" and table.pos[hs[i]] in ("VERB", "AUX") and hs[i] != i:
        i = hs[i]
    return i


__all__ = ["told_as_habit"]
