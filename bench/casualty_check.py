"""Check extracted Gaza death tolls against the Gaza Health Ministry daily series.

For each CNN dev article whose text states a cumulative Gaza death toll attributed to the
health ministry (found by a plain regex over the text, independent of extraction), is an
extracted `killed` claim within 2 % of the series' `killed_cum` for the article's date ±2 days?
Also reports the same test for the figure as written in the text (rounded figures such as
"more than 38,000" can miss 2 % even when extraction is perfect: that is the ceiling).

  .venv/bin/python bench/casualty_check.py [--db STORE.duckdb] [--json]
Without --db the articles are extracted here with the real pipeline.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval" / "dev"
TOLERANCE = 0.02
DAYS = 2
_SENT = re.compile(r"(?<=[.!?])\s+|\n+")
_NUM = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{5,})")
_MINISTRY = re.compile(r"health\s+ministry|ministry\s+of\s+health", re.IGNORECASE)
_DEATH = re.compile(r"\b(kill|dead|death|died)", re.IGNORECASE)


def stated_tolls(text: str) -> list[int]:
    """Figures ≥ 10,000 in a sentence about deaths, with the health ministry named in it or the
    next/previous sentence and Gaza within two sentences."""
    sents = [s for s in _SENT.split(text) if s.strip()]
    out = []
    for i, s in enumerate(sents):
        near = " ".join(sents[max(0, i - 1):i + 2])
        wide = " ".join(sents[max(0, i - 2):i + 3])
        if _DEATH.search(s) and _MINISTRY.search(near) and "Gaza" in wide:
            out += [v for v in (int(m.replace(",", "")) for m in _NUM.findall(s)) if v >= 10_000]
    return out


def reference(series: list[dict[str, Any]], day: date) -> list[int]:
    lo, hi = day - timedelta(days=DAYS), day + timedelta(days=DAYS)
    return [r["killed_cum"] for r in series if "killed_cum" in r and
            lo <= date.fromisoformat(r["report_date"]) <= hi]


def close(v: int, refs: list[int]) -> bool:
    return any(abs(v - r) <= TOLERANCE * r for r in refs)


def extracted_claims(articles: list[dict[str, Any]], db: str | None) -> dict[str, list[dict]]:
    """killed claims per article id: from a store, or by running the pipeline."""
    out: dict[str, list[dict]] = {a["id"]: [] for a in articles}
    if db:
        from wirecoder.store import open_reader

        with open_reader(db) as s:
            rows = s.query("SELECT article_id, value, bound, claimant, claimant_text, as_of "
                           "FROM claims WHERE quantity = 'killed'").records()
        for r in rows:
            if r["article_id"] in out:
                out[r["article_id"]].append(r)
        return out
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    p = Pipeline()
    arts = [make_article(a["text"], id=a["id"], published=a.get("published"), title=a.get("title"))
            for a in articles]
    for rep in p.extract_many(arts):
        actors = {x.id: x.name for x in rep.actors}
        out[rep.article.id] = [{"value": c.value, "bound": c.bound, "claimant": actors.get(c.claimant or ""),
                                "claimant_text": c.claimant_text, "as_of": c.as_of}
                               for c in rep.claims if c.quantity == "killed"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="read claims from this store instead of extracting")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    if not (SHARED / "cnn_2024-07_dev.jsonl").exists():
        print("../shared/eval/dev is not present", file=sys.stderr)
        return 2
    articles = [json.loads(x) for x in open(SHARED / "cnn_2024-07_dev.jsonl", encoding="utf-8")]
    series = json.load(open(SHARED / "casualties" / "casualties_daily.json", encoding="utf-8"))
    claims = extracted_claims(articles, args.db)
    rows = []
    for a in articles:
        stated = stated_tolls(a["text"])
        if not stated:
            continue
        refs = reference(series, date.fromisoformat(a["published"]))
        got = claims.get(a["id"], [])
        cands = [c for c in got if c["value"] >= 10_000]
        hit = [c for c in cands if close(c["value"], refs)]
        ministry = [c for c in hit if _MINISTRY.search(f"{c['claimant'] or ''} {c['claimant_text'] or ''}")]
        rows.append({"id": a["id"], "published": a["published"], "reference": refs,
                     "stated": stated, "stated_hit": any(close(v, refs) for v in stated),
                     "extracted": [c["value"] for c in cands], "hit": bool(hit),
                     "hit_with_ministry_claimant": bool(ministry),
                     "claimants": sorted({str(c["claimant_text"] or c["claimant"]) for c in cands})})
    n = len(rows)
    summary = {"articles": len(articles), "stating_toll": n,
               "extraction_hits": sum(r["hit"] for r in rows),
               "extraction_hits_ministry_claimant": sum(r["hit_with_ministry_claimant"] for r in rows),
               "stated_figure_hits": sum(r["stated_hit"] for r in rows),
               "tolerance": TOLERANCE, "days": DAYS}
    if args.json:
        print(json.dumps({"summary": summary, "articles": rows}, indent=1, default=str))
        return 0
    print(f"{n} of {len(articles)} CNN dev articles state a cumulative Gaza toll from the ministry")
    print(f"extracted killed claim within {TOLERANCE:.0%} of the series (±{DAYS} days): "
          f"{summary['extraction_hits']}/{n}; with a ministry claimant: "
          f"{summary['extraction_hits_ministry_claimant']}/{n}")
    print(f"ceiling — figure as written in the text within {TOLERANCE:.0%}: "
          f"{summary['stated_figure_hits']}/{n}")
    for r in rows:
        if not r["hit"]:
            print(f"  miss {r['id']} ({r['published']}): text {r['stated']}, extracted "
                  f"{r['extracted'] or 'nothing ≥10,000'}, series {min(r['reference'])}–"
                  f"{max(r['reference'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
