"""Blind review of what wirecoder emits on whole articles: sample, then tally.

    # 1. sample 40 events and 40 ACLED-eligible rows from a corpus (gold articles left out)
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

from wirecoder.store.acled import DEFAULT_MIN_CONFIDENCE as ACLED_MIN_CONFIDENCE

FIELDS = ("real", "type", "actor", "target", "date", "place", "fatalities")


def _rows(report, kind: str) -> list[dict]:
    text = report.article.text
    out = []
    for e in report.events:
        if kind == "acled" and not (
                e.acled.sub_event_type and e.status in ("occurred", "ongoing")
                and e.confidence >= ACLED_MIN_CONFIDENCE and e.location is not None
                and e.date is not None and e.date.start is not None):
            continue  # what the ACLED-style export keeps (store/acled.py)
        name = lambda ids: [report.actor(a).name for a in ids if report.actor(a)]  # noqa: E731
        out.append({
            "sheet": kind, "article": report.article.id, "title": report.article.title,
            "published": report.article.published,
            "evidence": [text[s.start:s.end] for s in e.evidence][:3],
            "coded": {"type": e.type, "mode": e.mode, "acled": e.acled.sub_event_type,
                      "actor": name(e.actor), "target": name(e.recipient),
                      "date": [e.date.start, e.date.end] if e.date else None,
                      "place": e.location.name if e.location else None,
                      "country": e.location.country if e.location else None,
                      "status": e.status, "fatalities": e.dead, "confidence": e.confidence},
            "judgment": {k: None for k in FIELDS} | {"note": ""},
        })
    return out


def sample(args: argparse.Namespace) -> None:
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    skip: set[str] = set()
    for gold in args.exclude or []:
        skip |= {json.loads(line)["id"] for line in open(gold, encoding="utf-8") if line.strip()}
    records = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    records = [r for r in records if r.get("id") not in skip]
    pipe = Pipeline()
    events: list[dict] = []
    acled: list[dict] = []
    for r in records:
        rep = pipe.extract(make_article(r["text"], id=r.get("id"), title=r.get("title"),
                                        published=r.get("published")))
        events += _rows(rep, "events")
        acled += _rows(rep, "acled")
    rng = random.Random(args.seed)
    picked = rng.sample(events, min(args.events, len(events))) + \
        rng.sample(acled, min(args.acled, len(acled)))
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, row in enumerate(picked, 1):
            fh.write(json.dumps({"n": i, **row}, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles → {len(events)} events, {len(acled)} ACLED-eligible; "
          f"wrote {len(picked)} lines to {args.out}")


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
