"""A mixed English/French corpus: both models in one process, the same incident told in both
languages merges into one event, and its figures join one claimant's series."""
from __future__ import annotations

import json

from wirecoder.corpus.series import series_from_store
from wirecoder.engine.local import run_ingest
from wirecoder.store import Filters, Store

# Invented reports of one invented strike, two outlets, two languages; and one unrelated
# French meeting that must stay apart.
ARTICLES = [
    {"id": "en-strike", "published": "2031-04-16",
     "text": "On Tuesday, Israeli aircraft struck a school in Khan Younis, killing 12 people, "
             "according to the Gaza health ministry."},
    {"id": "fr-strike", "published": "2031-04-16",
     "text": "Mardi, l'aviation israélienne a frappé une école à Khan Younès, tuant 12 "
             "personnes, selon le ministère de la Santé de Gaza."},
    {"id": "fr-update", "published": "2031-04-17",
     "text": "Selon le ministère de la Santé de Gaza, le bilan de la frappe sur l'école de Khan "
             "Younès s'élève désormais à 15 morts."},
    {"id": "fr-meeting", "published": "2031-04-16",
     "text": "Le ministre égyptien des Affaires étrangères a rencontré mardi au Caire son "
             "homologue jordanien."},
]


def test_mixed_corpus_merges_across_languages(tmp_path):
    src = tmp_path / "mixed.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                   encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    summary = run_ingest([str(src)], db)
    assert summary.stored == 4 and not summary.failures
    with Store(db, read_only=True) as s:
        langs = {r["article_id"]: r["language"] for r in
                 s.query("SELECT article_id, language FROM articles").records()}
        assert langs == {"en-strike": "en", "fr-strike": "fr", "fr-update": "fr",
                         "fr-meeting": "fr"}
        strikes = [e for e in s.query_events(Filters(type="ASSAULT")).records()
                   if e["article_id"] in ("en-strike", "fr-strike")]
        assert {e["article_id"] for e in strikes} == {"en-strike", "fr-strike"}
        assert len({e["merged_id"] for e in strikes}) == 1, strikes
        merged = [m for m in s.query_merged().records() if m["type"] == "ASSAULT"]
        assert any(m["source_count"] >= 2 for m in merged)
        meeting = [e for e in s.query_events(Filters(type="CONSULT")).records()]
        assert meeting and meeting[0]["merged_id"] not in {e["merged_id"] for e in strikes}
        points = series_from_store(s, quantity="killed")
        by_claimant: dict[str, set[str]] = {}
        for p in points:
            by_claimant.setdefault(p.claimant, set()).add(p.article_id)
        assert any({"en-strike", "fr-strike"} <= ids for ids in by_claimant.values()), by_claimant
