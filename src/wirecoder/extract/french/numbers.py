"""French figures: numbers written with spaces between thousands ("12 345", "1 200"), in
words ("deux", "trois cents"), their bound ("au moins", "plus de", "environ", "quelque") and
the noun they count. Words live in lexicons/claim_cues_fr.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import mapping

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DIGITS = re.compile(r"^\d{1,3}(?:[  .]\d{3})*$|^\d+$")


@dataclass(frozen=True)
class FrFigure:
    value: int
    bound: str  # a schema.Bound value
    start: int  # token indices [start, end) of the number words
    end: int
    noun: Token | None  # the counted noun, when there is one


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, int], dict[str, int], list[tuple[list[str], str]]]:
    numbers = {k: int(v) for k, v in mapping("claim_cues", "number_words").items()}
    scales = {k: int(v) for k, v in mapping("claim_cues", "scale_words").items()}
    bounds = sorted(((k.replace("’", "'").split(), str(v))
                     for k, v in mapping("claim_cues", "bounds").items()),
                    key=lambda b: -len(b[0]))
    return numbers, scales, bounds


def _value(tok: Token) -> int | None:
    numbers, _, _ = _words()
    text = tok.text.replace("\u202f", " ").replace("\xa0", " ")
    if _DIGITS.match(text):
        return int(re.sub(r"[  .]", "", text))
    return numbers.get(tok.lower_)


def _is_number(tok: Token) -> bool:
    if tok.like_num or tok.pos_ == "NUM":
        return _value(tok) is not None
    return tok.lower_ in _words()[0] and tok.pos_ in ("NUM", "DET") and tok.lower_ not in (
        "un", "une")


def number_runs(sent: Span) -> list[tuple[int, int, int]]:
    """(start, end, value) of every number in a sentence: "1 200" (tokenised as two numbers)
    and "trois cents" are one number; years, days of a date and ordinals ("1er") are not."""
    _, scales, _ = _words()
    out: list[tuple[int, int, int]] = []
    toks = list(sent)
    i = 0
    while i < len(toks):
        t = toks[i]
        if not _is_number(t) or t.text.endswith(("er", "e")) and not t.text.isalpha():
            i += 1
            continue
        value = _value(t) or 0
        j = i + 1
        # "1 200", "12 345": groups of three digits after a space
        while j < len(toks) and re.fullmatch(r"\d{3}", toks[j].text) and \
                toks[j - 1].whitespace_ != "" and value < 1000:
            value = value * 1000 + int(toks[j].text)
            j += 1
        while j < len(toks) and toks[j].lower_ in scales:
            value = max(value, 1) * scales[toks[j].lower_]
            j += 1
        out.append((toks[i].i, toks[j - 1].i + 1, value))
        i = j
    return out


def bound_before(doc_or_sent: Span, start: int) -> str:
    """The bound written just before a number ("au moins", "plus de", "quelque"); exact
    when none."""
    _, _, bounds = _words()
    doc = doc_or_sent.doc
    for phrase, bound in bounds:
        n = len(phrase)
        lo = start - n
        if lo < 0:
            continue
        got = [t.lower_.replace("’", "'") for t in doc[lo:start]]
        # "plus d'" is tokenised "plus", "d'": compare the joined words
        if " ".join(got) == " ".join(phrase) or "".join(got) == "".join(phrase):
            return bound
    return "exact"


def figures(sent: Span) -> list[FrFigure]:
    """Every figure of a sentence with its bound and counted noun."""
    out: list[FrFigure] = []
    for start, end, value in number_runs(sent):
        last = sent.doc[end - 1]
        noun = None
        head = last.head
        if last.dep_ in ("nummod", "det") and head.pos_ in ("NOUN", "PROPN", "ADJ") or head.pos_ == "NOUN" and head.i == end and head.i < sent.end:
            noun = head
        elif end < sent.end and sent.doc[end].pos_ == "NOUN":
            noun = sent.doc[end]
        # "des dizaines de morts" never reaches here (no number); "de 79 ans" is an age
        if noun is not None and noun.lemma_ in ("an", "année", "heure", "minute", "kilomètre",
                                                "mètre", "étage", "jour", "semaine", "mois",
                                                "dollar", "euro", "%", "pour"):
            continue
        out.append(FrFigure(value, bound_before(sent, start), start, end, noun))
    return out


__all__ = ["FrFigure", "bound_before", "figures", "number_runs"]
