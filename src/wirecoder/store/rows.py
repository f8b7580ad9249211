"""A Report → rows of the store's tables (store/schema.sql); pure functions, no database."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ..schema import Report, Span

__all__ = ["TABLE_COLUMNS", "normalize_name", "report_rows"]

# Column order of every insert; must match schema.sql.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "source", "url", "title", "outlet", "published", "language",
                 "text", "run_id", "ingested_at"),
    "related_links": ("article_id", "seq", "title", "url"),
    "actors": ("article_id", "actor_id", "name", "kind", "country", "sector", "affiliation",
               "wikidata"),
    "mentions": ("article_id", "actor_id", "start_char", "end_char", "text"),
    "events": ("uid", "article_id", "event_id", "type", "mode", "context", "date_start",
               "date_end", "date_precision", "date_text", "location_name", "country", "admin1",
               "lat", "lon", "location_precision", "status", "dead", "injured",
               "acled_event_type", "acled_sub_event_type", "confidence", "evidence_start",
               "evidence_end", "evidence_text", "merged_id", "doc"),
    "event_actors": ("uid", "article_id", "role", "actor_id", "name", "country", "sector"),
    "claims": ("uid", "article_id", "claim_id", "quantity", "value", "value_max", "bound",
               "unit", "claimant", "claimant_text", "claimant_country", "as_of", "period_start",
               "period_end", "location_name", "country", "event_uid", "qualifiers",
               "evidence_start", "evidence_end", "evidence_text", "doc", "claimant_id"),
    "quotes": ("uid", "article_id", "quote_id", "text", "speaker", "speaker_text", "cue",
               "channel", "direct", "evidence_start", "evidence_end", "doc", "speaker_id"),
}


def normalize_name(name: str | None) -> str:
    """SPEC §4 name normalization (casefold, apostrophes/full stops dropped, leading 'the ')."""
    import re
    import unicodedata

    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"['’‘`.]", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s.removeprefix("the ")


def _iso(value: str | None) -> str | None:
    """Only full ISO dates go to DATE columns; anything else (e.g. '2024-07') becomes NULL."""
    if not value or len(value) < 10:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date().isoformat()
    except ValueError:
        return None


def _span(spans: list[Span], text: str) -> tuple[int | None, int | None, str | None]:
    if not spans:
        return None, None, None
    s, e = spans[0].start, spans[-1].end
    return s, e, text[s:e] if 0 <= s <= e <= len(text) else None


def report_rows(report: Report, run_id: str | None) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per table for one report; uids are `article_id:part_id` (unique across the store)."""
    a = report.article
    aid = a.id
    text = a.text
    actors = {x.id: x for x in report.actors}
    now = datetime.now(UTC).replace(tzinfo=None)
    out: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLE_COLUMNS}
    out["articles"].append((aid, a.source, a.url, a.title, a.outlet, _iso(a.published), a.language,
                            text, run_id, now))
    for i, link in enumerate(a.related):
        out["related_links"].append((aid, i, link.title, link.url))
    for x in report.actors:
        out["actors"].append((aid, x.id, x.name, x.kind, x.country, x.sector, x.affiliation,
                              x.wikidata))
        for m in x.mentions:
            out["mentions"].append((aid, x.id, m.start, m.end, m.text))
    for ev in report.events:
        uid = f"{aid}:{ev.id}"
        loc = ev.location
        es, ee, et = _span(ev.evidence, text)
        out["events"].append((
            uid, aid, ev.id, ev.type, ev.mode, json.dumps(ev.context), _iso(ev.date.start),
            _iso(ev.date.end), ev.date.precision, ev.date.text, loc.name if loc else None,
            loc.country if loc else None, loc.admin1 if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, loc.precision if loc else None, ev.status, ev.dead,
            ev.injured, ev.acled.event_type, ev.acled.sub_event_type, ev.confidence, es, ee, et,
            None, json.dumps(ev.model_dump(mode="json"), ensure_ascii=False)))
        for role in ("actor", "recipient", "mediator"):
            for actor_id in getattr(ev, role):
                act = actors.get(actor_id)
                out["event_actors"].append((uid, aid, role, actor_id, act.name if act else None,
                                            act.country if act else None,
                                            act.sector if act else None))
    for c in report.claims:
        cl = actors.get(c.claimant) if c.claimant else None
        es, ee, et = _span(c.evidence, text)
        out["claims"].append((
            f"{aid}:{c.id}", aid, c.id, c.quantity, c.value, c.value_max, c.bound, c.unit,
            cl.name if cl else None, c.claimant_text, cl.country if cl else None, _iso(c.as_of),
            _iso(c.period.start) if c.period else None, _iso(c.period.end) if c.period else None,
            c.location.name if c.location else None, c.location.country if c.location else None,
            f"{aid}:{c.event}" if c.event else None, json.dumps(c.qualifiers), es, ee, et,
            json.dumps(c.model_dump(mode="json"), ensure_ascii=False), c.claimant))
    for q in report.quotes:
        sp = actors.get(q.speaker) if q.speaker else None
        es, ee, _ = _span(q.evidence, text)
        out["quotes"].append((
            f"{aid}:{q.id}", aid, q.id, q.text, sp.name if sp else None, q.speaker_text, q.cue,
            q.channel, q.direct, es, ee, json.dumps(q.model_dump(mode="json"), ensure_ascii=False),
            q.speaker))
    return out
