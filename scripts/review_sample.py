"""Blind review of what wirecoder emits on whole articles: sample, then tally.

    # 1. sample 40 events and 40 rows of the ACLED-style export from a corpus (gold articles
    #    left out; the corpus is ingested into a temporary store and exported as a user would)
    .venv/bin/python scripts/review_sample.py sample CORPUS.jsonl --out sheet.jsonl \\
        [--exclude ../shared/eval/dev/cnn_full_dev.jsonl] [--events 40] [--acled 40] [--seed 7]
    # 2. reviewers fill each line's "judgment" (rubric: docs/extraction.md, "Blind review")
    # 3. tally
    .venv/bin/python scripts/review_sample.py tally sheet.jsonl

A sheet line shows the article's title and date, the evidence sentences and the coded
fields; the reviewer sees nothing of the rules. Judgment keys: real (is it a specific
real-world event the article reports?), type, actor, target, date, place, fatalities —
each true/false (null where not applicable) — and a free `note`."""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter


FIELDS = ("real", "type", "actor", "target", "date", "place", "fatalities")


def _event_rows(report) -> list[dict]:
    text = report.article.text
    name = lambda ids: [report.actor(a).name for a in ids if report.actor(a)]  # noqa: E731
    return [{
        "sheet": "events", "article": report.article.id, "title": report.article.title,
        "published": report.article.published,
        "evidence": [text[s.start:s.end] for s in e.evidence][:3],
        "coded": {"type": e.type, "mode": e.mode, "acled": e.acled.sub_event_type,
                  "actor": name(e.actor), "target": name(e.recipient),
                  "date": [e.date.start, e.date.end] if e.date else None,
                  "place": e.location.name if e.location else None,
                  "country": e.location.country if e.location else None,
                  "status": e.status, "fatalities": e.dead, "confidence": e.confidence},
        "judgment": {k: None for k in FIELDS} | {"note": ""},
    } for e in report.events]


def _acled_rows(corpus: str, db: str) -> list[dict]:
    """The ACLED-style export a researcher gets (ingest into a store, merge across outlets,
    `wirecoder export … acled.csv`), one sheet line per exported row with the evidence of
    every report merged into it."""
    from wirecoder.engine.local import run_ingest
    from wirecoder.store import Store
    from wirecoder.store.export import ACLED_COLUMNS, acled_rows

    run_ingest([corpus], db)
    store = Store(db)
    out = []
    for row in acled_rows(store):
        rec = dict(zip(ACLED_COLUMNS, row))
        merged_id = rec["event_id_cnty"].split("-", 1)[1]
        members = store.query(
            "SELECT e.evidence_text, a.article_id, a.title, a.published FROM events e "
            "JOIN articles a USING (article_id) WHERE e.merged_id = ? "
            "ORDER BY e.confidence DESC", [merged_id]).records()
        first = members[0] if members else {}
        out.append({
            "sheet": "acled", "article": first.get("article_id"), "title": first.get("title"),
            "published": str(first.get("published") or ""), "sources": len(members),
            "evidence": [m["evidence_text"] for m in members][:4],
            "coded": {"type": rec["event_type"], "acled": rec["sub_event_type"],
                      "actor": [x for x in (rec["actor1"], rec["assoc_actor_1"]) if x],
                      "target": [x for x in (rec["actor2"], rec["assoc_actor_2"]) if x],
                      "date": [rec["event_date"], rec["event_date"]], "place": rec["location"],
                      "country": rec["country"], "fatalities": rec["fatalities"]},
            "judgment": {k: None for k in FIELDS} | {"note": ""},
        })
    store.close()
    return out


def sample(args: argparse.Namespace) -> None:
    import os
    import tempfile

    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    skip: set[str] = set()
    for gold in args.exclude or []:
        skip |= {json.loads(line)["id"] for line in open(gold, encoding="utf-8") if line.strip()}
    records = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    records = [r for r in records if r.get("id") not in skip]
    pipe = Pipeline()
    events: list[dict] = []
    for r in records:
        events += _event_rows(pipe.extract(make_article(
            r["text"], id=r.get("id"), title=r.get("title"), published=r.get("published"))))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        acled = _acled_rows(corpus, os.path.join(tmp, "review.duckdb"))
    rng = random.Random(args.seed)
    picked = rng.sample(events, min(args.events, len(events))) + \
        rng.sample(acled, min(args.acled, len(acled)))
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, row in enumerate(picked, 1):
            fh.write(json.dumps({"n": i, **row}, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles → {len(events)} events, {len(acled)} ACLED rows "
          f"(the export, merged across outlets); wrote {len(picked)} lines to {args.out}")


def tally(args: argparse.Namespace) -> None:
    rows = [json.loads(line) for line in open(args.sheet, encoding="utf-8") if line.strip()]
    for kind in ("events", "acled"):
        part = [r for r in rows if r["sheet"] == kind and r["judgment"].get("real") is not None]
        if not part:
            continue
        real = [r for r in part if r["judgment"]["real"]]
        right = Counter()
        for r in real:
            for k in FIELDS[1:]:
                if r["judgment"].get(k) is not False:  # null = not applicable = not wrong
                    right[k] += 1
        fully = sum(1 for r in real if all(r["judgment"].get(k) is not False for k in FIELDS[1:]))
        print(f"{kind}: {len(part)} judged; real events {len(real)} ({len(real) / len(part):.0%}); "
              f"fully right {fully} ({fully / len(part):.0%})")
        print("  per field on real events: " + ", ".join(
            f"{k} {right[k] / max(len(real), 1):.0%}" for k in FIELDS[1:]))
        if kind == "acled":
            coded = sum(int(r["coded"]["fatalities"] or 0) for r in part)
            print(f"  fatalities coded on judged rows: {coded}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("corpus")
    s.add_argument("--out", required=True)
    s.add_argument("--exclude", action="append")
    s.add_argument("--events", type=int, default=40)
    s.add_argument("--acled", type=int, default=40)
    s.add_argument("--seed", type=int, default=7)
    t = sub.add_parser("tally")
    t.add_argument("sheet")
    args = ap.parse_args()
    sample(args) if args.cmd == "sample" else tally(args)


if __name__ == "__main__":
    main()
