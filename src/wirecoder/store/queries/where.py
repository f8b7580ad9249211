"""The WHERE clause of each listing, made from the one filter model (`filters.Filters`): the
events, merged events, claims, quotes, articles and actors listings, the claim series, and
the dashboard's selection (event filters) applied to its claims and quotes tables."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..filters import Filters

__all__ = ["WHERE", "Where", "actors_where", "articles_where", "claims_where", "events_where",
           "merged_where", "quotes_where", "selection_where", "series_where"]


def _lc(s: str) -> str:
    return s.lower()


# -- WHERE clauses, one per listing ----------------------------------------------------------
class Where:
    """SQL conditions joined with AND, and their parameters in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []
        self.counts_only = True  # only type/mode/status/country: event_counts can count it

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def any_of(self, col: str, values: list[str]) -> None:
        if values:
            self.add(f"{col} IN ({', '.join('?' * len(values))})", *values)

    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


_ACTOR_REF = re.compile(r"^[^\s:]+:[^\s:]+$")


def events_where(f: Filters, a: str = "e") -> Where:
    w = Where()
    w.any_of(f"{a}.type", f.type)
    w.any_of(f"lower({a}.mode)", f.mode)
    w.any_of(f"{a}.status", f.status)
    w.any_of(f"{a}.country", f.country)
    w.counts_only = not (f.actor or f.since or f.until or f.q or f.article)
    if f.actor:
        needle = _lc(f.actor)
        if f.role or _ACTOR_REF.match(f.actor):
            role = " AND x.role = ?" if f.role else ""
            w.add(f"{a}.uid IN (SELECT x.uid FROM event_actors x WHERE (contains(lower(x.name), ?)"
                  f" OR x.article_id || ':' || x.actor_id = ?){role})",
                  needle, f.actor, *([f.role] if f.role else []))
        else:
            w.add(f"contains({a}.names_lc, ?)", needle)
    if f.since:
        w.add(f"{a}.day_end >= ?", f.since)
    if f.until:
        w.add(f"{a}.day <= ?", f.until)
    if f.q:
        w.add(f"(contains(lower({a}.evidence_text), ?) OR contains(lower({a}.location_name), ?))",
              _lc(f.q), _lc(f.q))
    if f.article:
        w.add(f"{a}.article_id = ?", f.article)
    return w


def merged_where(f: Filters) -> Where:
    w = Where()
    w.any_of("m.type", f.type)
    w.any_of("lower(m.mode)", f.mode)
    w.any_of("m.status", f.status)
    w.any_of("m.country", f.country)
    if f.actor:
        w.add("(contains(lower(m.actors), ?) OR contains(lower(m.recipients), ?))",
              _lc(f.actor), _lc(f.actor))
    if f.since:
        w.add("coalesce(m.date_end, m.date_start) >= ?", f.since)
    if f.until:
        w.add("m.date_start <= ?", f.until)
    if f.q:
        w.add("contains(lower(m.location_name), ?)", _lc(f.q))
    return w


def _text_match(w: Where, cols: tuple[str, str], text: str | None) -> None:
    """A part of either column, case-insensitive (a claimant's or a speaker's name and text)."""
    if text:
        w.add(f"(contains(lower({cols[0]}), ?) OR contains(lower({cols[1]}), ?))",
              _lc(text), _lc(text))


def _dated(w: Where, f: Filters, day: str) -> None:
    """since / until on one day column, both inclusive."""
    if f.since:
        w.add(f"{day} >= ?", f.since)
    if f.until:
        w.add(f"{day} <= ?", f.until)


def _article_and_text(w: Where, f: Filters, alias: str, text: str) -> None:
    """One article's rows; `q` as a part of the text column."""
    if f.article:
        w.add(f"{alias}.article_id = ?", f.article)
    if f.q:
        w.add(f"contains(lower({text}), ?)", _lc(f.q))


def claims_where(f: Filters) -> Where:
    """Claims: the claimant (a part of its name or text), the claim's country, its day (as of,
    else the publication date), the article, text in the evidence sentence."""
    w = Where()
    if f.quantity:
        w.add("c.quantity = ?", f.quantity)
    _text_match(w, ("c.claimant", "c.claimant_text"), f.claimant)
    w.any_of("c.country", f.country)
    _dated(w, f, "c.day")
    _article_and_text(w, f, "c", "c.evidence_text")
    return w


def quotes_where(f: Filters) -> Where:
    """Quotes: the speaker (`claimant` or `actor`, a part of its name or text), the country
    (quotes of articles with an event there), the publication date, the article, text in the
    quote."""
    w = Where()
    _text_match(w, ("q.speaker", "q.speaker_text"), f.claimant or f.actor)
    if f.country:
        w.add(f"q.article_id IN (SELECT article_id FROM events WHERE country IN "
              f"({', '.join('?' * len(f.country))}))", *f.country)
    _dated(w, f, "q.published")
    _article_and_text(w, f, "q", "q.text")
    return w


def articles_where(f: Filters) -> Where:
    w = Where()
    if f.q:
        w.add("(contains(lower(ar.title), ?) OR contains(lower(ar.text), ?))", _lc(f.q), _lc(f.q))
    if f.outlet:
        w.add("lower(ar.outlet) = ?", _lc(f.outlet))
    _dated(w, f, "ar.published")
    return w


def actors_where(f: Filters) -> Where:
    w = Where()
    for text in (f.q, f.actor):
        if text:
            w.add("contains(lower(a.name), ?)", _lc(text))
    w.any_of("a.country", f.country)
    if f.sector:
        w.add("upper(a.sector) = ?", f.sector)
    if f.kind:
        w.add("lower(a.kind) = ?", f.kind)
    if f.since or f.until:
        w.add("a.article_id IN (SELECT article_id FROM articles WHERE published BETWEEN ? AND ?)",
              f.since or date(1, 1, 1), f.until or date(9999, 12, 31))
    return w



WHERE = {"events": events_where, "merged": merged_where, "claims": claims_where,
         "quotes": quotes_where, "articles": articles_where}


def series_where(f: Filters, country: str | None) -> Where:
    """The claim series (`series_points`, made by derived.py): quantity, one country, a part of
    the canonical claimant, as-of dates."""
    from ..rows import normalize_name

    w = Where()
    if f.quantity:
        w.add("quantity = ?", f.quantity)
    if country:
        w.add("country = ?", country)
    if f.claimant:
        w.add("contains(claimant, ?)", normalize_name(f.claimant))
    _dated(w, f, "as_of")
    return w


# What of an event selection applies to the claims and quotes of the selection: the country,
# the dates, the actor as claimant / speaker, the text; event type, mode and status do not.
SELECTION_APPLIES = ("country", "since", "until", "q")


def selection_where(kind: str, selection: Filters) -> Where:
    """The claims or quotes (`kind`) of a dashboard selection of events (`Filters` checked for
    "events"), through the claims / quotes listings' own WHERE: one filter model."""
    f = Filters(claimant=selection.actor,
                **{n: getattr(selection, n) for n in SELECTION_APPLIES}).checked(kind)
    return claims_where(f) if kind == "claims" else quotes_where(f)
