"""French date phrases ("mardi", "le 3 mars", "fin février", "depuis le 20 février",
"entre le 7 et le 8 octobre", "hier") → EventDate. Each phrase is rewritten into the English
phrase of the same meaning and resolved by the language-neutral resolver (extract/dates.py)
against the publication date; the EventDate keeps the French words as its `text`.
Words live in lexicons/dates_fr.yaml."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...schema import EventDate
from ..dates import resolve_date
from .lexicon import mapping, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class _Rules:
    rx: re.Pattern[str]
    months: dict[str, str]
    weekdays: dict[str, str]
    parts: dict[str, str]
    relative: dict[str, str]


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for w in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    months = {k: str(v) for k, v in mapping("dates", "months").items()}
    weekdays = {k: str(v) for k, v in mapping("dates", "weekdays").items()}
    parts = {k: str(v) for k, v in mapping("dates", "month_parts").items()}
    relative = {" ".join(k.replace("’", "'").split()): str(v)
                for k, v in mapping("dates", "relative").items()}
    since = sorted(words("dates", "since"))
    day_parts = sorted(words("dates", "day_parts"))
    mon, wd = _alt(list(months)), _alt(list(weekdays))
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:er|e)?"
    year = r"(?:19|20)\d\d"

    def sin(kind: str) -> str:  # an optional "depuis", one group name per pattern
        return rf"(?P<s_{kind}>(?:{_alt(since)})\s+(?:le\s+|l['’]\s*)?)?"

    patterns = [
        ("range", (rf"(?:entre\s+le|du)\s+(?P<r1>{day})(?:\s+(?P<rm1>{mon}))?\s+(?:et\s+le|au)\s+"
                  rf"(?P<r2>{day})\s+(?P<rm>{mon})(?:\s+(?P<ry>{year}))?")),
        ("day", (rf"{sin('day')}(?:(?:le|du|au|ce)\s+)?(?:(?P<dwd>{wd})\s+)?(?P<dd>{day})\s+(?P<dm>{mon})"
                rf"(?:\s+(?P<dy>{year}))?")),
        ("part", (rf"{sin('part')}(?:à\s+la\s+)?(?P<pp>{_alt(list(parts))})[\s-]*(?P<pm>{mon})"
                 rf"(?:\s+(?P<py>{year}))?")),
        ("month", (rf"{sin('month')}(?:(?:en|au\s+mois\s+d['’]|au\s+mois\s+de|début|fin)\s*)(?P<mm>{mon})"
                  rf"(?:\s+(?P<my>{year}))?")),
        ("weekday", (rf"{sin('weekday')}(?:ce\s+)?(?P<wd>{wd})(?:\s+(?P<wrel>dernier|prochain))?"
                    rf"(?:\s+(?:{_alt(day_parts)}))?")),
        ("relative", rf"{sin('relative')}(?P<rel>{_alt(list(relative))})"),
        ("year", rf"(?:en|depuis)\s+(?P<yy>{year})"),
    ]
    rx = re.compile("|".join(rf"(?P<{n}>\b{p}\b)" for n, p in patterns), re.IGNORECASE)
    return _Rules(rx, months, weekdays, parts, relative)


def _english(m: re.Match[str], r: _Rules) -> str | None:
    """The English phrase for one French match."""
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    since = "since " if any(v for k, v in g.items() if k.startswith("s_")) else ""

    def num(s: str) -> str:
        return re.sub(r"(?:er|e)$", "", s)

    kind = m.lastgroup
    if kind == "range":
        y = f" {g['ry']}" if g["ry"] else ""
        return f"between {num(g['r1'])} and {num(g['r2'])} {r.months[g['rm']]}{y}"
    if kind == "day":
        y = f" {g['dy']}" if g["dy"] else ""
        return f"{since or 'on '}{num(g['dd'])} {r.months[g['dm']]}{y}"
    if kind == "part":
        y = f" {g['py']}" if g["py"] else ""
        return f"{since}{r.parts[g['pp']]} {r.months[g['pm']]}{y}"
    if kind == "month":
        y = f" {g['my']}" if g["my"] else ""
        return f"{since or 'in '}{r.months[g['mm']]}{y}"
    if kind == "weekday":
        rel = {"dernier": "last ", "prochain": "next "}.get(g["wrel"] or "", "on ")
        return f"{since}{rel}{r.weekdays[g['wd']]}"
    if kind == "relative":
        return f"{since}{r.relative[' '.join(g['rel'].replace('’', chr(39)).split())]}"
    if kind == "year":
        return f"{'since' if m.group(0).lower().startswith('depuis') else 'in'} {g['yy']}"
    return None


def resolve_date_fr(text: str, published: dt.date | None) -> EventDate:
    """One French date phrase → EventDate (precision unknown when it cannot be read)."""
    found = dates_in_text(text, published)
    if found:
        return found[0][2]
    return resolve_date("", published).model_copy(update={"text": text or None})


def dates_in_text(text: str, published: dt.date | None,
                  base: int = 0) -> list[tuple[int, int, EventDate]]:
    """Every French date phrase of a text: (start, end, EventDate), offsets shifted by base."""
    r = _rules()
    out: list[tuple[int, int, EventDate]] = []
    for m in r.rx.finditer(text):
        english = _english(m, r)
        if english is None:
            continue
        ed = resolve_date(english, published)
        if ed.start is None and published is not None:
            continue  # a phrase the resolver cannot place is no date here
        out.append((base + m.start(), base + m.end(), ed.model_copy(update={"text": m.group(0)})))
    return out


def find_dates_fr(span: Span | Doc, published: dt.date | None
                  ) -> list[tuple[int, int, EventDate]]:
    """Every French date phrase of a sentence or Doc, with character offsets into the Doc."""
    base = getattr(span, "start_char", 0)
    return dates_in_text(span.text, published, base)


def nearest_date(sent: Span, target: Token, published: dt.date | None,
                 distance: Callable[[Token, Token], int]) -> EventDate | None:
    """Of the date phrases of a sentence, the one closest to the predicate in the tree."""
    found = find_dates_fr(sent, published)
    if not found:
        return None
    doc = sent.doc
    best, best_cost = None, None
    for start, end, ed in found:
        toks = doc.char_span(start, end, alignment_mode="expand")
        if toks is None or len(toks) == 0:
            continue
        # a date inside the predicate's own phrase is its date, before one reached through
        # a common ancestor at the same distance
        own = any(target.is_ancestor(t) for t in toks)
        cost = min(distance(t, target) for t in toks) * 2 + (0 if own else 1)
        if best_cost is None or cost < best_cost:
            best, best_cost = ed, cost
    return best


__all__ = ["dates_in_text", "find_dates_fr", "nearest_date", "resolve_date_fr"]
