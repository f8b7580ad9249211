"""One thing with all it links to: an event (its article, participants, mentions, claims,
merged event and sources, and the marks of its evidence), an article, an actor's profile."""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

from ..marks import evidence_marks
from .fetch import fetch_dicts
from .listings import ACTOR_BASE, EVENT_COLUMNS

__all__ = ["get_actor", "get_article", "get_event"]

# One statement for the five lookups of an event page (each an index scan): a statement costs
# a parse and a plan, so one instead of five is a fifth less per uncached /api/events/{uid}.
_EVENT_PAGE = f"""
SELECT 0 AS k, to_json(x) FROM (SELECT {EVENT_COLUMNS}, e.doc FROM events e WHERE e.uid = $1) x
UNION ALL SELECT 1, to_json(x) FROM (SELECT article_id, source, url, title, outlet, published,
    language, text FROM articles WHERE article_id = $2) x
UNION ALL SELECT 2, to_json(x) FROM (SELECT role, actor_id, name, country, sector
    FROM event_actors WHERE uid = $1 ORDER BY role, name) x
UNION ALL SELECT 3, to_json(x) FROM (SELECT actor_id, start_char, end_char, text FROM mentions
    WHERE article_id = $2 ORDER BY start_char) x
UNION ALL SELECT 4, to_json(x) FROM (SELECT uid, quantity, value, value_max, bound, claimant,
    claimant_text, as_of, evidence_start, evidence_end, evidence_text FROM claims
    WHERE event_uid = $1 ORDER BY uid) x"""


def get_event(db: Any, uid: str) -> dict[str, Any] | None:
    if ":" not in uid:
        return None
    _, rows = db.fetch(_EVENT_PAGE, [uid, uid.rsplit(":", 1)[0]])
    part: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for k, j in rows:
        part[k].append(json.loads(j))
    if not part[0]:
        return None
    ev = part[0][0]
    doc = json.loads(ev.pop("doc") or "{}")
    article = part[1][0] if part[1] else None
    # UNION ALL does not promise its branches' order: put each list in its ORDER BY again
    parts = sorted(part[2], key=lambda p: (p["role"], p["name"] is None, p["name"] or ""))
    mentions = sorted(part[3], key=lambda m: (m["start_char"] is None, m["start_char"] or 0))
    claims = sorted(part[4], key=lambda c: c["uid"])
    sources: list[dict[str, Any]] = []
    merged = None
    if ev.get("merged_id"):
        m = fetch_dicts(db, "SELECT * FROM merged_events WHERE merged_id = ?", [ev["merged_id"]])
        merged = m[0] if m else None
        members = json.loads(merged["uids"] or "[]") if merged else []
        for u in members[:200]:
            sources += fetch_dicts(db, "SELECT e.uid, e.article_id, e.article_title AS title, "
                              "e.outlet, e.published, e.date_start, e.dead, e.evidence_text "
                              "FROM events e WHERE e.uid = ?", [u])
        urls = {}
        for aid in sorted({s["article_id"] for s in sources}):
            urls.update(dict(db.fetch("SELECT article_id, url FROM articles WHERE article_id = ?",
                                      [aid])[1]))
        for s in sources:
            s["url"] = urls.get(s["article_id"])
        sources.sort(key=lambda s: (s["published"] is None, s["published"] or date.min, s["uid"]))
        sources = [{k: s[k] for k in ("uid", "article_id", "title", "outlet", "url", "published",
                                      "date_start", "dead", "evidence_text")} for s in sources]
    text = article["text"] if article and article.get("text") else ""
    ev["actors"] = [p["name"] for p in parts if p["role"] == "actor"]
    ev["recipients"] = [p["name"] for p in parts if p["role"] == "recipient"]
    ev["mediators"] = [p["name"] for p in parts if p["role"] == "mediator"]
    marks = evidence_marks(ev, doc, text, parts, mentions, claims)
    return {
        "event": ev,
        "doc": doc,
        "participants": parts,
        "article": article,
        "evidence": [m for m in marks if m["kind"] == "evidence"],
        "marks": marks,
        "claims": claims,
        "merged": merged,
        "sources": sources,
    }


def get_article(db: Any, article_id: str) -> dict[str, Any] | None:
    rows = fetch_dicts(db, "SELECT * EXCLUDE (seq, k_day) FROM articles WHERE article_id = ?",
                  [article_id])
    if not rows:
        return None
    art = rows[0]
    art["related"] = fetch_dicts(db, "SELECT title, url FROM related_links WHERE article_id = ? "
                            "ORDER BY seq", [article_id])
    art["actors"] = fetch_dicts(db, "SELECT actor_id, name, kind, country, sector, affiliation, "
                           "wikidata FROM actors WHERE article_id = ? ORDER BY actor_id",
                           [article_id])
    art["events"] = fetch_dicts(db, f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.article_id = ? "
                           "ORDER BY e.evidence_start NULLS LAST, e.uid", [article_id])
    art["claims"] = fetch_dicts(db, "SELECT uid, quantity, value, value_max, bound, claimant, "
                           "claimant_text, as_of, event_uid, evidence_start, evidence_end "
                           "FROM claims WHERE article_id = ? ORDER BY uid", [article_id])
    art["quotes"] = fetch_dicts(db, "SELECT uid, text, speaker, speaker_text, cue, channel, direct, "
                           "evidence_start, evidence_end FROM quotes WHERE article_id = ? "
                           "ORDER BY evidence_start NULLS LAST", [article_id])
    return art


def get_actor(db: Any, ref: str, limit: int = 200) -> dict[str, Any] | None:
    """An actor by name (case-insensitive), Wikidata id or `article_id:actor_id`."""
    rows = fetch_dicts(db, "SELECT lower(name) AS key FROM actors WHERE lower(name) = lower(?) "
                  "OR wikidata = ? OR article_id || ':' || actor_id = ? LIMIT 1", [ref, ref, ref])
    if not rows:
        rows = fetch_dicts(db, "SELECT lower(name) AS key FROM event_actors "
                      "WHERE lower(name) = lower(?) LIMIT 1", [ref])
    if not rows:
        return None
    key = rows[0]["key"]
    prof = fetch_dicts(db, ACTOR_BASE.format(where="lower(a.name) = ?"), [key])
    profile = prof[0] if prof else {"name": ref, "key": key}

    def events(role: str) -> list[dict[str, Any]]:
        return fetch_dicts(db, f"SELECT {EVENT_COLUMNS}, e.article_title FROM events e WHERE e.uid IN "
                      "(SELECT uid FROM event_actors WHERE lower(name) = ? AND role = ?) "
                      f"ORDER BY e.k_day DESC LIMIT {int(limit)}", [key, role])

    profile["as_actor_events"] = events("actor")
    profile["as_recipient_events"] = events("recipient")
    profile["claims"] = fetch_dicts(db, "SELECT uid, quantity, value, value_max, bound, as_of, "
                               "claimant_text FROM claims WHERE lower(claimant) = ? "
                               f"ORDER BY k_day DESC LIMIT {int(limit)}", [key])
    profile["quotes"] = fetch_dicts(db, "SELECT uid, article_id, text, cue FROM quotes "
                               f"WHERE lower(speaker) = ? ORDER BY k_day DESC LIMIT {int(limit)}",
                               [key])
    profile["partners"] = fetch_dicts(
        db, "SELECT any_value(o.name) AS name, o.role, count(DISTINCT o.uid) AS events "
        "FROM event_actors s JOIN event_actors o ON o.uid = s.uid "
        "WHERE lower(s.name) = ? AND lower(o.name) <> ? GROUP BY lower(o.name), o.role "
        "ORDER BY events DESC, name LIMIT 30", [key, key])
    return profile
