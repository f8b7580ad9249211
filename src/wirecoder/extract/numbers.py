"""Figures in a sentence: digits ("10,812", "1.2 million") or words ("three hundred"),
with their bound ("at least" → at_least, "between 10 and 20" → range).

Vocabulary (bound words, number words) lives in lexicons/claims*.yaml."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING, Any

from .attribution import load_lexicon
from .token_table import positions, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity labels whose numbers are never people counts.
_NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$|^\d+\.\d+$")


@dataclass(frozen=True)
class Figure:
    """One figure: token range of the number (and of its bound words), value and bound."""

    start: int  # first token (bound words included), doc index
    end: int  # one past the last token (range end included)
    head: int  # the number token that attaches to the parse (its noun or governor)
    value: int
    value_max: int | None
    bound: str
    text: str


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    lex = load_lexicon("claims")
    bounds: list[tuple[tuple[str, ...], str]] = []
    for bound, phrases in (lex.get("bounds") or {}).items():
        for p in phrases or []:
            bounds.append((tuple(str(p).lower().split()), bound))
    bounds.sort(key=lambda b: -len(b[0]))
    return {
        "bounds": bounds,
        "words": {str(k).lower(): int(v) for k, v in (lex.get("number_words") or {}).items()},
        "scales": {str(k).lower(): int(v) for k, v in (lex.get("scale_words") or {}).items()},
        "joiners": {str(j).lower() for j in lex.get("range_joiners") or []},
    }


def _is_number_token(tok: Token) -> bool:
    low = tok.lower_
    t = _tables()
    if _DIGITS.match(tok.text):
        return True
    return low in t["words"] or low in t["scales"] or (
        "-" in low and all(p in t["words"] for p in low.split("-")))


def parse_number(words: list[str]) -> int | None:
    """Value of a number phrase: ["10,812"] → 10812, ["1.2", "million"] → 1200000,
    ["three", "hundred"] → 300, ["twenty-five"] → 25; None when it is not a whole number."""
    t = _tables()
    total, current, seen = 0.0, 0.0, False
    for w in words:
        low = w.lower().replace(",", "")
        if low in ("a", "an") and not seen:
            current, seen = 1.0, True
            continue
        if low in ("and", "-"):
            continue
        if re.fullmatch(r"\d+(\.\d+)?", low):
            current += float(low)
            seen = True
        elif low in t["words"]:
            current += t["words"][low]
            seen = True
        elif "-" in low and all(p in t["words"] for p in low.split("-")):
            current += sum(t["words"][p] for p in low.split("-"))
            seen = True
        elif low in t["scales"]:
            scale = t["scales"][low]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
            seen = True
        else:
            return None
    value = total + current
    if not seen or value != int(value):
        return None
    return int(value)


def _bound_before(sent: Span, i: int) -> tuple[str, int]:
    """The bound phrase ending right before doc token i, and its first token index."""
    doc = sent.doc
    lo = max(sent.start, i - 4)
    before = [doc[k].lower_ for k in range(lo, i)]
    for phrase, bound in _tables()["bounds"]:
        n = len(phrase)
        if n <= len(before) and tuple(before[-n:]) == phrase:
            if doc[i - 1].dep_ == "prt":  # "hand over two men": a particle, not a bound
                continue
            return bound, i - n
    return "exact", i


_DATE_NOUNS = frozenset({"day", "week", "month", "year", "hour", "minute", "second", "decade",
                         "century", "am", "pm", "a.m.", "p.m.", "percent", "%", "km", "mile",
                         "kilometre", "kilometer", "metre", "meter"})


def _not_a_count(tok: Token) -> bool:
    """Dates, times, money, percentages, ordinals. The NER's DATE label alone is not
    trusted ("Between 10 and 20 soldiers" gets it): the noun the number counts decides."""
    if tok.ent_type_ not in _NOT_COUNTS:
        return False
    if tok.ent_type_ not in ("DATE", "TIME"):
        return True
    if re.fullmatch(r"(1[89]|20)\d\d", tok.text):
        return True
    h = tok
    for _ in range(4):
        if h.dep_ in ("conj", "cc", "quantmod", "compound") and h.head.i != h.i and (
                h.head.like_num or h.head.pos_ == "NUM"):
            h = h.head
        else:
            break
    target = h.head if h.dep_ == "nummod" and h.head.i != h.i else h
    if target.i == h.i:
        # a bare number inside a DATE entity is a day only next to a date word
        # ("October 7", "7 October"); "stood at 63 as of Tuesday" is a count
        doc = tok.doc
        near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        return any(n.ent_type_ in ("DATE", "TIME") and (n.pos_ in ("PROPN", "NOUN") or
                                                       n.lemma_.lower() in _DATE_NOUNS)
                   for n in near)
    return target.ent_type_ in ("DATE", "TIME") or target.lemma_.lower() in _DATE_NOUNS


def _hyphenated(sent: Span, j: int) -> bool:
    """A hyphen inside a word number: "twenty" "-" "three"."""
    doc, words = sent.doc, _tables()["words"]
    return doc[j].text == "-" and j + 1 < sent.end and j > sent.start and \
        doc[j - 1].lower_ in words and words[doc[j - 1].lower_] >= 20 and \
        doc[j + 1].lower_ in words and words[doc[j + 1].lower_] < 10 and \
        not doc[j - 1].whitespace_


def _number_flags(doc: Doc) -> list[bool]:
    """`_is_number_token` of every token of the Doc, from its lowercase forms (digits are
    the same in `lower_` as in `text`), made once per Doc."""
    flags = doc.user_data.get(_FLAGS_KEY)
    if flags is None or len(flags) != len(doc):
        memo = _flag_memo()
        if len(memo) > 200_000:  # a long corpus run: keep the memo small
            memo.clear()
        flags = doc.user_data[_FLAGS_KEY] = list(map(memo.__getitem__, token_table(doc).lower))
    return flags  # type: ignore[no-any-return]


class _FlagMemo(dict):  # type: ignore[type-arg]
    """Lowercase form → is it a number word or digits; each form is tested once."""

    def __missing__(self, low: str) -> bool:
        t = _tables()
        words, scales = t["words"], t["scales"]
        flag = self[low] = bool(_DIGITS.match(low)) or low in words or low in scales \
            or ("-" in low and all(p in words for p in low.split("-")))
        return flag


@lru_cache(maxsize=1)
def _flag_memo() -> _FlagMemo:
    return _FlagMemo()


_FLAGS_KEY = "wirecoder.number_flags"
_STARTS_KEY = "wirecoder.number_run_starts"
_ARTICLES = frozenset({"a", "an"})


def _run_starts(doc: Doc, num: list[bool], lower: list[str]) -> list[int]:
    """The tokens of a Doc where `_runs` can start a run (a number token, "a", "an"), in
    order, found once per Doc: the other tokens only step the scan on."""
    got = doc.user_data.get(_STARTS_KEY)
    if got is None or got[0] != len(doc):
        got = doc.user_data[_STARTS_KEY] = (len(doc), sorted(
            set(compress(range(len(num)), num)).union(positions(lower, _ARTICLES))))
    return got[1]  # type: ignore[no-any-return]


def _runs(sent: Span) -> list[tuple[int, int]]:
    """Maximal runs of number tokens ("three hundred", "1.2 million") that are not dates etc."""
    doc = sent.doc
    num, lower = _number_flags(doc), token_table(doc).lower
    scales = _tables()["scales"]
    runs: list[tuple[int, int]] = []
    i, end = sent.start, sent.end
    starts = _run_starts(doc, num, lower)
    k = bisect_left(starts, i)
    while i < end:
        # a run starts only at a number token or "a"/"an": jump to the next such token
        k = bisect_left(starts, i, k)
        if k == len(starts) or starts[k] >= end:
            break
        i = starts[k]
        if num[i] and not _not_a_count(doc[i]) and lower[i] not in scales and lower[i] != "dozen":
            j = i + 1
            while j < end and (num[j] or _hyphenated(sent, j) or (
                    lower[j] == "and" and j + 1 < end and num[j + 1] and lower[j - 1] in scales)):
                j += 1
            runs.append((i, j))
            i = j
            continue
        # "a dozen", "a hundred": the article stands for one
        if lower[i] in ("a", "an") and i + 1 < end and (
                lower[i + 1] in scales or lower[i + 1] == "dozen") \
                and not _not_a_count(doc[i + 1]):
            j = i + 2
            while j < end and num[j]:
                j += 1
            runs.append((i, j))
            i = j
            continue
        i += 1
    return runs


def find_figures(sent: Span) -> list[Figure]:
    """Every whole-number figure of a sentence with its bound; ranges give value_max."""
    doc = sent.doc
    runs = _runs(sent)
    figures: list[Figure] = []
    skip: set[int] = set()
    for k, (a, b) in enumerate(runs):
        if a in skip:
            continue
        value = parse_number([doc[x].text for x in range(a, b)])
        if value is None:
            continue
        # a plural scale word alone ("hundreds", "dozens") is never reached: not a number token
        bound, first = _bound_before(sent, a)
        value_max, end, head = None, b, b - 1
        # ranges: "between 10 and 20", "10 to 20", "10-20"
        if k + 1 < len(runs):
            a2, b2 = runs[k + 1]
            gap = [doc[x].lower_ for x in range(b, a2)]
            between = a > sent.start and doc[a - 1].lower_ == "between"
            if len(gap) == 1 and gap[0] in _tables()["joiners"] and (gap[0] != "and" or between) \
                    and gap[0] != "or":
                v2 = parse_number([doc[x].text for x in range(a2, b2)])
                if v2 is not None and v2 > value:
                    value_max, end, head = v2, b2, b2 - 1
                    bound = "range"
                    if between and first == a:
                        first = a - 1
                    skip.add(a2)
        # "1.2 million": the scale word, not the first digit, attaches to the noun
        for x in range(a, end):
            if doc[x].head.i < a or doc[x].head.i >= end:
                head = x
                break
        figures.append(Figure(start=first, end=end, head=head, value=value, value_max=value_max,
                              bound=bound, text=doc[first:end].text))
    return figures


__all__ = ["Figure", "find_figures", "parse_number"]
