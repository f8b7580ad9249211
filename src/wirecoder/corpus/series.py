"""Claim series: each claimed figure over time, per quantity, scope and claimant.

- key: (quantity, scope, claimant, kind). kind = "total" (a running count) when the claim has a
  period start or its sentence has a cumulative cue (lexicons/claim_series.yaml: "since",
  "toll", "the war has killed" …); else "incident" when it is tied to an event of its article
  ("the strike killed 6"); else "total". The two never mix; revisions are flagged only in
  "total" series. scope = the claim's country (ISO3), else its place name,
  else "-"; claimant = the resolved claimant actor's name, else the claimant text, normalized
  (SPEC §4 name rules), else "(unattributed)". The claim's period start is kept as a column.
- points are ordered by as-of date (the article's publication date when the claim has none),
  then article id.
- revision: a later point of the same series whose value is lower than an earlier one (for
  counts that should only grow — killed, injured, displaced … — this is a correction).
- disagreement: on the same day and scope, two claimants whose figures differ by more than
  DISAGREE_MARGIN of the larger one but by less than SAME_THING_RATIO (a figure 2× another
  counts something else: a city's dead vs the country's, not a dispute) — for totals; for incidents only when both claims are
  about the same merged (cross-article) event.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..store.rows import normalize_name

__all__ = [
    "DISAGREE_MARGIN",
    "SAME_THING_RATIO",
    "SERIES_COLUMNS",
    "SeriesPoint",
    "build_series",
    "canonical_claimant",
    "series_claimant",
    "claim_kind",
    "series_from_store",
]

DISAGREE_MARGIN = 0.10
SAME_THING_RATIO = 2.0
SERIES_COLUMNS = ("as_of", "quantity", "scope", "claimant", "kind", "value", "value_max", "bound",
                  "period_start", "article_id", "outlet", "revision", "disagreement", "uid")


@dataclass
class SeriesPoint:
    uid: str
    article_id: str
    quantity: str
    value: int
    as_of: date | None
    claimant: str
    scope: str
    bound: str | None = None
    value_max: int | None = None
    period_start: date | None = None
    outlet: str | None = None
    kind: str = "total"               # total | incident
    group: str | None = None          # incidents: merged event id (disagreements within it)
    revision: str | None = None       # e.g. "down from 120 (2031-03-02)"
    disagreement: str | None = None   # e.g. "vs other ministry: 90"
    flags: list[str] = field(default_factory=list)

    def row(self) -> tuple[Any, ...]:
        return (self.as_of, self.quantity, self.scope, self.claimant, self.kind, self.value,
                self.value_max,
                self.bound, self.period_start, self.article_id, self.outlet, self.revision,
                self.disagreement, self.uid)


@lru_cache(maxsize=1)
def _cumulative_re() -> re.Pattern[str]:
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("wirecoder.lexicons").joinpath("claim_series.yaml")
                          .read_text(encoding="utf-8"))
    cues = sorted(data.get("cumulative_cues", []), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def claim_kind(evidence: str | None, period_start: Any, event_uid: str | None) -> str:
    """"total" or "incident" (module docstring)."""
    if period_start is not None or (evidence and _cumulative_re().search(evidence)):
        return "total"
    return "incident" if event_uid else "total"


def series_claimant(name: str | None, text: str | None, scope: str | None = None) -> str:
    """The claimant key of a series point: canonical (see canonical_claimant), or the text,
    or "(unattributed)"."""
    raw = normalize_name(name) or normalize_name(text)
    if not raw:
        return "(unattributed)"
    return canonical_claimant(raw, scope)


@lru_cache(maxsize=4096)
def canonical_claimant(claimant: str, scope: str | None) -> str:
    """One name for one body across articles: a knowledge-base actor's canonical name when the
    claimant is one of its aliases, or becomes one once the claim's country is put in
    ("ministry of health" of a claim in PSE → "Ministry of Health in Gaza" → the Gaza Health
    Ministry). Otherwise the claimant as normalized."""
    from ..extract.kb import countries, kb_lookup

    hit = kb_lookup(claimant)
    if hit is None and scope and len(scope) == 3 and " " in claimant:
        cn = countries()
        places = sorted({k for k, iso in {**cn.names, **cn.demonyms}.items() if iso == scope},
                        key=len)[:8]
        for place in places:
            for form in (f"{place} {claimant}", f"{claimant} in {place}", f"{claimant} of {place}"):
                hit = kb_lookup(form)
                if hit is not None:
                    break
            if hit is not None:
                break
    return normalize_name(hit.name) if hit is not None else claimant


def build_series(points: Iterable[SeriesPoint]) -> list[SeriesPoint]:
    """Sort points and flag revisions and disagreements (module docstring)."""
    pts = sorted(points, key=lambda p: (p.quantity, p.scope, p.kind, p.as_of or date.max,
                                        p.claimant, p.article_id, p.uid))
    series: dict[tuple[str, str, str, str], list[SeriesPoint]] = defaultdict(list)
    for p in pts:
        series[(p.quantity, p.scope, p.kind, p.claimant)].append(p)
    for (_, _, kind, _), s in series.items():
        if kind != "total":
            continue
        best: SeriesPoint | None = None   # highest figure so far, from an earlier day
        day_best: SeriesPoint | None = None
        current_day: date | None = None
        for p in s:
            if p.as_of != current_day:
                if day_best is not None and (best is None or day_best.value > best.value):
                    best = day_best
                current_day, day_best = p.as_of, None
            if best is not None and p.as_of is not None and best.as_of is not None \
                    and p.value < best.value:
                p.revision = f"down from {best.value} ({best.as_of})"
            if day_best is None or p.value > day_best.value:
                day_best = p
    by_day: dict[tuple[str, str, str, str, date], list[SeriesPoint]] = defaultdict(list)
    for p in pts:
        if p.as_of is None or (p.kind == "incident" and p.group is None):
            continue
        gid = (p.group or "") if p.kind == "incident" else ""
        by_day[(p.quantity, p.scope, p.kind, gid, p.as_of)].append(p)
    for same_day in by_day.values():
        for p in same_day:
            others = [o for o in same_day if o.claimant != p.claimant and
                      abs(o.value - p.value) > DISAGREE_MARGIN * max(o.value, p.value) and
                      max(o.value, p.value) < SAME_THING_RATIO * min(o.value, p.value)]
            if others:
                p.disagreement = "; ".join(sorted({f"{o.claimant}: {o.value}" for o in others}))
    return pts


def series_from_store(store: Any, *, quantity: str | None = None, country: str | None = None,
                      claimant: str | None = None, since: str | None = None,
                      until: str | None = None) -> list[SeriesPoint]:
    """The flagged series of the claims in a `Store`, filtered; flags are computed over the
    whole quantity/scope (before the claimant filter) so disagreements stay visible."""
    where, params = [], []
    if quantity:
        where.append("c.quantity = ?")
        params.append(quantity)
    if country:
        where.append("c.country = ?")
        params.append(country.upper())
    sql = ("SELECT c.uid, c.article_id, c.quantity, c.value, c.value_max, c.bound, "
           "coalesce(c.as_of, a.published), c.claimant, c.claimant_text, c.country, "
           "c.location_name, c.period_start, a.outlet, c.event_uid, c.evidence_text, e.merged_id "
           "FROM claims c JOIN articles a USING (article_id) "
           "LEFT JOIN events e ON e.uid = c.event_uid"
           + (" WHERE " + " AND ".join(where) if where else ""))
    res = store.query(sql, params)
    pts = [SeriesPoint(uid=r[0], article_id=r[1], quantity=r[2], value=r[3], value_max=r[4],
                       bound=r[5], as_of=r[6], claimant=series_claimant(r[7], r[8], r[9]),
                       scope=r[9] or normalize_name(r[10]) or "-", period_start=r[11],
                       outlet=r[12], kind=claim_kind(r[14], r[11], r[13]), group=r[15])
           for r in res.rows]
    out = build_series(pts)
    if claimant:
        needle = normalize_name(claimant)
        out = [p for p in out if needle in p.claimant]
    if since:
        out = [p for p in out if p.as_of is not None and p.as_of.isoformat() >= since]
    if until:
        out = [p for p in out if p.as_of is not None and p.as_of.isoformat() <= until]
    return out
