"""A Report → rows of the store's tables (store/schema.sql); pure functions, no database."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..schema import Report, Span

__all__ = ["SEQ_TABLES", "TABLE_COLUMNS", "ReportRows", "normalize_name", "number_rows", "report_rows",
           "sort_key"]

# Column order of every insert; must match schema.sql.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "source", "url", "title", "outlet", "published", "language",
                 "text", "run_id", "ingested_at", "seq", "k_day"),
    "related_links": ("article_id", "seq", "title", "url"),
    "actors": ("article_id", "actor_id", "name", "kind", "country", "sector", "affiliation",
               "wikidata"),
    "mentions": ("article_id", "actor_id", "start_char", "end_char", "text"),
    "events": ("uid", "article_id", "event_id", "type", "mode", "context", "date_start",
               "date_end", "date_precision", "date_text", "location_name", "country", "admin1",
               "lat", "lon", "location_precision", "status", "dead", "injured",
               "acled_event_type", "acled_sub_event_type", "confidence", "evidence_start",
               "evidence_end", "evidence_text", "merged_id", "doc", "seq", "k_day", "day",
               "day_end", "actor_names", "recipient_names", "mediator_names", "names_lc",
               "published", "outlet", "article_title"),
    "event_actors": ("uid", "article_id", "role", "actor_id", "name", "country", "sector"),
    "claims": ("uid", "article_id", "claim_id", "quantity", "value", "value_max", "bound",
               "unit", "claimant", "claimant_text", "claimant_country", "as_of", "period_start",
               "period_end", "location_name", "country", "event_uid", "qualifiers",
               "evidence_start", "evidence_end", "evidence_text", "doc", "claimant_id", "seq",
               "k_day", "day", "published", "outlet", "article_title"),
    "quotes": ("uid", "article_id", "quote_id", "text", "speaker", "speaker_text", "cue",
               "channel", "direct", "evidence_start", "evidence_end", "doc", "speaker_id",
               "seq", "k_day", "published", "outlet", "article_title"),
}
# Tables whose rows get a write-order `seq` and a sort key `k_day` (filled by the writer:
# `number_rows`); the column holding the day the key sorts by.
SEQ_TABLES: dict[str, str] = {"articles": "published", "events": "day", "claims": "day",
                              "quotes": "published"}
_DAY_OFFSET = 1 << 20      # days before 1970 stay positive (back to the 9th century BC)
_SEQ_BITS = 1 << 32


def sort_key(day: date | str | None, seq: int) -> int:
    """One BIGINT that sorts rows by (day, seq); rows without a day sort before every dated
    one. Newest first = ORDER BY k_day DESC, which DuckDB answers with a top-N that skips
    whole row groups by their min/max (store/layout.py keeps events sorted by it)."""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    days = 0 if day is None else (day - _EPOCH).days + _DAY_OFFSET + 1
    return days * _SEQ_BITS + seq


_EPOCH = date(1970, 1, 1)


def number_rows(rows: dict[str, list[tuple[Any, ...]]], first_seq: dict[str, int]) -> None:
    """Fill `seq` (from first_seq[table] on) and `k_day` of each SEQ_TABLES row, in place."""
    for table, day_col in SEQ_TABLES.items():
        cols = TABLE_COLUMNS[table]
        i_seq, i_key, i_day = cols.index("seq"), cols.index("k_day"), cols.index(day_col)
        seq = first_seq.get(table, 1)
        out = []
        for r in rows.get(table, []):
            r2 = list(r)
            r2[i_seq], r2[i_key] = seq, sort_key(r2[i_day], seq)
            out.append(tuple(r2))
            seq += 1
        rows[table] = out


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


@dataclass
class ReportRows:
    """A report already turned into table rows (by an ingest worker process: the main process
    then only writes them), with what the ingest summary needs to know of it."""

    article_id: str
    source: str | None
    words: int
    published: str | None
    rows: dict[str, list[tuple[Any, ...]]]

    @classmethod
    def of(cls, report: Report, run_id: str | None) -> ReportRows:
        a = report.article
        return cls(a.id, a.source, len(a.text.split()), a.published, report_rows(report, run_id))


def report_rows(report: Report, run_id: str | None) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per table for one report; uids are `article_id:part_id` (unique across the store)."""
    a = report.article
    aid = a.id
    text = a.text
    actors = {x.id: x for x in report.actors}
    now = datetime.now(UTC).replace(tzinfo=None)
    out: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLE_COLUMNS}
    published = _iso(a.published)
    out["articles"].append((aid, a.source, a.url, a.title, a.outlet, published, a.language,
                            text, run_id, now, None, None))
    for i, link in enumerate(a.related):
        out["related_links"].append((aid, i, link.title, link.url))
    for x in report.actors:
        out["actors"].append((aid, x.id, x.name, x.kind, x.country, x.sector, x.affiliation,
                              x.wikidata))
        for m in x.mentions:
            out["mentions"].append((aid, x.id, m.start, m.end, m.text))
    for ev in report.events:
        uid = f"{aid}:{ev.id}"
        roles: dict[str, list[str]] = {}
        for role in ("actor", "recipient", "mediator"):
            roles[role] = []
            for actor_id in getattr(ev, role):
                act = actors.get(actor_id)
                out["event_actors"].append((uid, aid, role, actor_id, act.name if act else None,
                                            act.country if act else None,
                                            act.sector if act else None))
                roles[role].append(act.name if act and act.name else actor_id)
        loc = ev.location
        es, ee, et = _span(ev.evidence, text)
        out["events"].append((
            uid, aid, ev.id, ev.type, ev.mode, json.dumps(ev.context), _iso(ev.date.start),
            _iso(ev.date.end), ev.date.precision, ev.date.text, loc.name if loc else None,
            loc.country if loc else None, loc.admin1 if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, loc.precision if loc else None, ev.status, ev.dead,
            ev.injured, ev.acled.event_type, ev.acled.sub_event_type, ev.confidence, es, ee, et,
            None, json.dumps(ev.model_dump(mode="json"), ensure_ascii=False), None, None,
            _iso(ev.date.start) or _iso(ev.date.end) or published,
            _iso(ev.date.end) or _iso(ev.date.start) or published,
            *(roles[r] for r in ("actor", "recipient", "mediator")),
            "|".join(n.lower() for r in roles.values() for n in r) or None,
            published, a.outlet, a.title))
    for c in report.claims:
        cl = actors.get(c.claimant) if c.claimant else None
        es, ee, et = _span(c.evidence, text)
        out["claims"].append((
            f"{aid}:{c.id}", aid, c.id, c.quantity, c.value, c.value_max, c.bound, c.unit,
            cl.name if cl else None, c.claimant_text, cl.country if cl else None, _iso(c.as_of),
            _iso(c.period.start) if c.period else None, _iso(c.period.end) if c.period else None,
            c.location.name if c.location else None, c.location.country if c.location else None,
            f"{aid}:{c.event}" if c.event else None, json.dumps(c.qualifiers), es, ee, et,
            json.dumps(c.model_dump(mode="json"), ensure_ascii=False), c.claimant, None, None,
            _iso(c.as_of) or published, published, a.outlet, a.title))
    for q in report.quotes:
        sp = actors.get(q.speaker) if q.speaker else None
        es, ee, _ = _span(q.evidence, text)
        out["quotes"].append((
            f"{aid}:{q.id}", aid, q.id, q.text, sp.name if sp else None, q.speaker_text, q.cue,
            q.channel, q.direct, es, ee, json.dumps(q.model_dump(mode="json"), ensure_ascii=False),
            q.speaker, None, None, published, a.outlet, a.title))
    return out
