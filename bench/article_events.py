"""Whole-article output as a user sees it: events per article, events with no participant,
ACLED-style rows and their fatalities, merged clusters told by ≥ 2 sources.

    .venv/bin/python bench/article_events.py [--corpus ../shared/eval/dev/cnn_2024-07_dev.jsonl]

Runs the real CLI (ingest → export acled.csv → events --merged) on a temporary store, so
what it prints is what `wirecoder` gives a researcher with the default threshold."""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIRECODER = str(Path(sys.executable).parent / "wirecoder")


def run(*args: str) -> str:
    return subprocess.run([WIRECODER, *args], check=True, capture_output=True, text=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/eval/dev/cnn_2024-07_dev.jsonl"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        t0 = time.perf_counter()
        run("ingest", args.corpus, "--db", db, "--quiet")
        took = time.perf_counter() - t0
        events = [json.loads(line) for line in run("events", "--db", db, "--format", "jsonl",
                                                    "--limit", "1000000").splitlines() if line]
        acled = Path(tmp) / "acled.csv"
        run("export", "--db", db, "--to", str(acled))
        with acled.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        merged = [json.loads(line) for line in run("events", "--db", db, "--merged", "--format",
                                                    "jsonl", "--limit", "1000000").splitlines() if line]
    articles = len({e.get("article_id") for e in events}) or 1
    n_articles = sum(1 for line in open(args.corpus, encoding="utf-8") if line.strip())
    bare = sum(1 for e in events if not (e.get("actors") or e.get("actor"))
               and not (e.get("recipients") or e.get("recipient")))
    fatalities = sum(int(r.get("fatalities") or 0) for r in rows)

    def n_sources(m: dict) -> int:
        for key in ("source_count", "n_articles", "article_ids"):
            v = m.get(key)
            if isinstance(v, int):
                return v
            if isinstance(v, str) and v.startswith("["):
                v = json.loads(v)
            if isinstance(v, list):
                return len(v)
        return 1

    multi = [m for m in merged if n_sources(m) >= 2]
    print(f"corpus: {args.corpus} ({n_articles} articles, ingest {took:.0f} s)")
    print(f"events: {len(events)}  per article: {len(events) / n_articles:.1f}  "
          f"(articles with events: {articles})")
    print(f"no actor and no recipient: {bare} ({bare / max(len(events), 1):.1%}; goal < 5 %)")
    print(f"ACLED-style rows: {len(rows)}  fatalities total: {fatalities}  "
          f"largest: {max((int(r.get('fatalities') or 0) for r in rows), default=0)}")
    print(f"merged events: {len(merged)}  with ≥ 2 sources: {len(multi)}  "
          f"largest cluster: {max((n_sources(m) for m in merged), default=0)} sources")


if __name__ == "__main__":
    main()
