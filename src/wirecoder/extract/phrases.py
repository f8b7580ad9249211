"""Noun-phrase helpers for actor resolution: trimming, the core of a phrase, its "of" part,
appositions, a trailing place — pure functions of the parse, no actor table. Also the
knowledge-base PhraseMatcher and title stripping used when the table is built."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .coref import doc_text, span_text
from .datelines import dateline
from .token_table import dependents, heads, token_table
from .kb import (countries, country_code, country_display, knowledge_base, pattern_tokenizer,
                 role_of, roles)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PRONOUNS = {"he", "him", "she", "her", "they", "them", "it", "we", "us", "i", "me", "you"}
POSS_PRON = {"his", "her", "its", "their"}
LOCATIVE = {"in", "at", "near", "around", "inside", "outside", "into", "across", "throughout",
             "from", "to", "towards", "toward", "within", "along", "through", "over", "off"}
_DETS = {"the", "a", "an", "this", "that", "these", "those", "some", "several", "many"}
DOCUMENT_NOUNS = {"report", "statement", "study", "survey", "document", "communique",
                   "communiqué", "letter", "declaration", "resolution", "dossier", "memo"}
QUANTITY_NOUNS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "group",
                   "number", "crowd", "crowds", "band", "handful", "couple", "pair", "majority",
                   "minority", "some", "many", "most", "all", "several", "one", "each", "both",
                   "none", "either", "neither", "any", "two", "three", "few"}
_QUANT_WORDS = {"some", "about", "around", "nearly", "almost", "approximately", "roughly",
                "over", "under", "up", "to", "at", "least", "most", "more", "less", "than",
                "fewer", "several", "many", "few", "dozens", "hundreds", "thousands", "of"}


_MEMO_KEYS: dict[str, str] = {}


def _memo(doc: "Doc", name: str) -> dict[tuple[int, int], "Span | None"]:
    """A per-Doc memo of a pure function of a span's token range (kept in `doc.user_data`,
    which build_report clears): the resolution stages ask for the same phrases again."""
    key = _MEMO_KEYS.get(name) or _MEMO_KEYS.setdefault(name, f"wirecoder.{name}")
    data = doc.user_data
    got = data.get(key)
    if got is None or got[0] != len(doc):
        got = data[key] = (len(doc), {})
    return got[1]  # type: ignore[no-any-return]


def trim(span: "Span") -> "Span | None":
    """Drop surrounding punctuation/quotes and a trailing relative clause or apposition list."""
    if span is None or len(span) == 0:
        return None
    memo = _memo(span.doc, "trim")
    key = (span.start, span.end)
    if key not in memo:
        memo[key] = _trim(span)
    return memo[key]


def _trim(span: "Span") -> "Span | None":
    start, end = span.start, span.end
    doc = span.doc
    # the token table, not a Token per step (doc[i] makes a new one on every call)
    table = token_table(doc)
    punct, space, dep, lower = table.punct, table.space, table.dep, table.lower
    while start < end and (punct[start] or space[start]):
        start += 1
    line = dateline(doc)
    if line is not None and line.start <= doc[start].idx < line.end:
        # "BRUSSELS - European leaders gathered …": the dateline is no part of the subject
        while start < end and doc[start].idx < line.end:
            start += 1
    # trailing punctuation, conjunctions and possessive markers ("Soleimani’s", "X and")
    while end > start and (punct[end - 1] or space[end - 1] or dep[end - 1] in ("cc", "case")
                           or lower[end - 1] in ("'s", "’s", "and", "or")):
        end -= 1
    if end <= start:
        return None
    text = doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]
    if text.count("(") > text.count(")"):  # "Front (FDD" — the abbreviation is cut off
        cut = max(i for i in range(start, end) if lower[i] == "(")  # "(" is its own lowercase
        while cut > start and punct[cut - 1]:
            cut -= 1
        if cut > start:
            end = cut
    out = doc[start:end]
    root_i = out.root.i
    head = heads(doc)
    # a relative clause is not part of the name: the first right child of the root inside
    # the phrase that is one (Token.rights walks the root's whole subtree)
    for i in range(root_i + 1, end):
        if head[i] == root_i and dep[i] in ("relcl", "acl"):
            c = doc[i]
            cut = min(t.i for t in c.subtree)
            while cut > start and (punct[cut - 1] or lower[cut - 1] in ("who", "which", "that")):
                cut -= 1
            if cut > start:
                out = doc[start:cut]
            break
    return out


def with_place(span: "Span") -> "tuple[Span, Span] | None":
    """'Rebels' followed by 'in the Ivory Coast': the phrase with its place
    (a longer name for the same actor) and the place."""
    root = span.root
    r, lower = root.i, token_table(span.doc).lower
    # no "in" hanging from the root at the phrase's end: nothing to find (most phrases)
    if not any(lower[j] == "in" and j > r and j >= span.end - 1
               for j in dependents(span.doc, "prep").get(r, ())):
        return None
    for prep in root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i >= span.end - 1:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ("GPE", "LOC"):
                ext = span.doc[span.start:pobj.right_edge.i + 1]
                place = span.doc[pobj.left_edge.i:pobj.right_edge.i + 1]
                return ext, place
    return None


def appos_parts(span: "Span") -> list["Span"]:
    """The two sides of an apposition inside a phrase ("X, the Y")."""
    root = span.root
    # no apposition of the root inside the phrase: nothing to find (most phrases)
    if not any(span.start <= j < span.end for j in dependents(span.doc, "appos").get(root.i, ())):
        return []
    for c in root.children:
        if c.dep_ == "appos" and span.start <= c.i < span.end:
            # only a name or a role names the same actor ("Trump, a development" does not)
            if not (c.pos_ == "PROPN" or c.ent_type_ or role_of([c.text])[0] is not None
                    or role_of([c.lemma_])[0] is not None):
                return []
            lo = min(t.i for t in c.subtree)
            hi = min(max(t.i for t in c.subtree) + 1, span.end)
            parts = [trim(span.doc[lo:hi])]
            if lo > span.start:
                parts.append(trim(span.doc[span.start:lo]))
            elif hi < span.end:
                parts.append(trim(span.doc[hi:span.end]))
            return [p for p in parts if p is not None]
    return []


def clean(span: "Span") -> str:
    # `re.sub(r"\s+", " ", text).strip()`: str.split and \s read the same white space
    return " ".join(span_text(span).split())


_POSSESSIVE = re.compile(r"[’']s?$")
_POSSESSIVE_SPACED = re.compile(r"\s*[’']s?$")


def without_possessive(text: str, spaced: bool = False) -> str:
    """`re.sub(r"[’']s?$", "", text)` ("Israel's" → "Israel"; `spaced`: `r"\s*[’']s?$"`).
    The pattern is tried at every position of the text: most names hold no apostrophe and
    need no search."""
    if "'" not in text and "’" not in text:
        return text
    return (_POSSESSIVE_SPACED if spaced else _POSSESSIVE).sub("", text)


def institution_prefix(root: "Token", span: "Span") -> "Span | None":
    """The institution before a generic head: "Israeli intelligence officials" → "Israeli
    intelligence", "Chilean government sources" → "Chilean government"."""
    prev = root.doc[root.i - 1] if root.i > span.start else None
    if prev is None or prev.dep_ != "compound":
        return None
    role, _ = role_of([prev.text])
    if role is None or role.kind != "organization":
        return None
    start = min(t.i for t in prev.subtree)
    start = min([start] + [t.i for t in root.lefts if t.i < prev.i and t.dep_ in (
        "amod", "compound") and country_code(t.text) is not None])
    return root.doc[start:prev.i + 1]


def core(span: "Span") -> "Span":
    """A phrase without determiners, counts and evaluative adjectives: "Three US
    servicemen" → "US servicemen", "up to 9,000 Somali refugees" → "Somali
    refugees", "Radical French farmers" → "French farmers", "the main Hutu rebel group" →
    "Hutu rebel group". An apposed list after the head is dropped too."""
    doc = span.doc
    memo = _memo(doc, "core")
    key = (span.start, span.end)
    if key not in memo:
        memo[key] = _core(span)
    return memo[key]  # type: ignore[return-value]


def _core(span: "Span") -> "Span":
    root = span.root
    start, end = span.start, span.end
    table = token_table(span.doc)
    lower, dep, punct = table.lower, table.dep, table.punct
    # a token is "," exactly when its lowercase form is
    comma = next((i for i in range(root.i + 1, end) if lower[i] == ","), None)
    if comma is not None and comma > start:
        end = comma
    doc = span.doc
    # the table's tests first: a Token only when they all fail
    while start < root.i and (
            lower[start] in _DETS or lower[start] in _QUANT_WORDS
            or dep[start] in ("det", "nummod", "quantmod", "predet") or punct[start]
            or (t := doc[start]).like_num
            or (dep[start] in ("amod", "compound", "nmod")  # "500-page"
                and any(c.like_num for c in t.subtree))
            or (dep[start] == "amod"
                and not t.ent_type_ and country_code(t.text) is None)):
        start += 1
    while end > start + 1 and punct[end - 1]:
        end -= 1
    return doc[start:end]


def base_name(span: "Span") -> str:
    """The name of a new actor for a descriptive phrase (see core)."""
    return span_text(core(span)).strip() or span_text(span)


def drop_det(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in _DETS:
        return " ".join(words[1:])
    return text


def of_phrase(root: "Token", span: "Span") -> "Span | None":
    """The object of 'X of Y' inside the span: 'head of Egyptian intelligence' → Y;
    'ministers from the Y government' → the government."""
    is_role = role_of([root.text])[0] is not None or role_of([root.lemma_])[0] is not None
    preps = ("of", "from") if is_role else ("of",)
    for prep in root.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i < span.end:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.i < span.end:
                    sub = span.doc[pobj.left_edge.i:min(pobj.right_edge.i + 1, span.end)]
                    return trim(sub)
    return None


def demonym(iso: str) -> str:
    c = countries()
    for dem, code in c.demonyms.items():
        if code == iso and not dem.endswith("s"):
            return " ".join(w.capitalize() for w in dem.split())
    return country_display(iso)


_MATCHERS: dict[int, object] = {}


def kb_matcher(doc: "Doc"):  # type: ignore[no-untyped-def]
    """PhraseMatcher over knowledge-base names. One-word names and acronyms match
    case-sensitively (as written and in capitals), so "burns", "gallant" or "trump" as
    words are not people; longer names match on LOWER."""
    m = _MATCHERS.get(id(doc.vocab))
    if m is None:
        from spacy.matcher import PhraseMatcher

        tok = pattern_tokenizer()
        lower = PhraseMatcher(doc.vocab, attr="LOWER")
        exact = PhraseMatcher(doc.vocab, attr="ORTH")
        low_pats, exact_pats = [], []
        for kba in knowledge_base().actors:
            for alias in [kba.name, *kba.aliases]:
                pattern = tok(alias)
                if len(pattern) == 1 or (alias.replace(".", "").isupper() and len(alias) <= 6):
                    exact_pats.append(pattern)
                    if not alias.isupper() and len(pattern) == 1:
                        exact_pats.append(tok(alias.upper()))
                else:
                    low_pats.append(tok(alias.lower()))
        lower.add("KB", low_pats)
        exact.add("KB", exact_pats)
        m = (lower, exact)
        _MATCHERS[id(doc.vocab)] = m
    return m


def strip_title(doc: "Doc", start: int, end: int) -> tuple[int, str | None]:
    """Skip leading titles inside a PERSON entity; the sector a title implies."""
    titles = roles().titles
    sector = None
    i = start
    while i < end - 1:
        found = False
        for n in (3, 2, 1):
            if i + n < end and doc[i:i + n].text in titles:
                sector = sector or titles[doc[i:i + n].text]
                i += n
                found = True
                break
        if not found:
            break
    if start > 0 and doc[start - 1].text in titles:
        sector = sector or titles[doc[start - 1].text]
    return i, sector




__all__ = ["trim", "core", "base_name", "clean", "drop_det", "of_phrase", "with_place",
           "appos_parts", "institution_prefix", "demonym", "kb_matcher", "strip_title",
           "PRONOUNS", "POSS_PRON", "LOCATIVE", "DOCUMENT_NOUNS", "QUANTITY_NOUNS"]
