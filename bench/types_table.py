"""The learned-typing table of docs/training.md: rules / model / hybrid per types model, per dev set.

Run: .venv/bin/python bench/types_table.py [--model NAME=DIR ...] [GOLD.jsonl ...]
Default gold: ../shared/eval/dev/{plover_gsr,petr2_gsr,cnn_full,case2021,acled_gaza}_dev.jsonl
(read at run time, never copied); default model: default=the shipped one.

The rules run once per document (no types model); each (model, policy) then retypes those
events exactly as `extract.build_report` does (`learn.hybrid.retype_events`, then the no-event
fallback with the report's actors) and the result is scored with the `wirecoder eval` scorer.
So the numbers equal `wirecoder eval FILE --types-model DIR --types-policy P`, at the cost of
one extraction. Per-class recall lists the classes with ≥ 10 gold examples below 0.60
(`--per-class`: every class with ≥ 10 gold examples). `--halves` adds the per-class recall of the
first and of the second half of each gold file's documents (file order), and their headline
scores, to see whether a change holds on both.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
FILES = ("plover_gsr_dev", "petr2_gsr_dev", "cnn_full_dev", "case2021_dev", "acled_gaza_dev")
HEADLINE = ("events.f1", "events.precision", "acled.sub_event", "acled.event_type", "acled.outside")


def class_recall(gold: dict[str, Any], report: Any, notes: list[str], tot: Counter, hit: Counter) -> None:
    """Per gold class: matched (PLOVER events) or predicted anywhere (ACLED sub-types)."""
    annotated = gold.get("annotated") or []
    if "events" in annotated:
        missed = {int(n.split("#", 1)[1].split()[0]) for n in notes if n.startswith("events: missed gold #")}
        for i, g in enumerate(gold.get("events") or []):
            k = g.get("type") or g.get("acled_sub_event_type")
            tot[k] += 1
            hit[k] += i not in missed
    elif "events.acled" in annotated:
        subs = {(e.acled.sub_event_type or "").casefold() for e in report.events}
        for g in gold.get("events") or []:
            k = g.get("acled_sub_event_type")
            if k:
                tot[k] += 1
                hit[k] += k.casefold() in subs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--model", action="append", default=[], help="NAME=DIR (repeatable); default: default=default")
    ap.add_argument("--per-class", action="store_true", help="recall of every class with ≥ 10 gold examples")
    ap.add_argument("--halves", action="store_true",
                    help="also per-class recall on the first / second half of each file's documents")
    args = ap.parse_args()
    golds = args.gold or [DEV / f"{f}.jsonl" for f in FILES]
    missing = [str(g) for g in golds if not g.exists()]
    if missing:
        print(f"bench: gold not found: {', '.join(missing)}", file=sys.stderr)
        return 2

    from wirecoder.errors import GoldError
    from wirecoder.evaluate.gold import read_gold
    from wirecoder.evaluate.runner import gold_article
    from wirecoder.evaluate.score import aggregate, score_document
    from wirecoder.learn.fallback import fallback_event
    from wirecoder.learn.hybrid import retype_events
    from wirecoder.learn.model import load_types_model, resolve_types_model
    from wirecoder.pipeline import Pipeline

    models = {}
    for spec in args.model or ["default=default"]:
        name, _, where = spec.partition("=")
        path = resolve_types_model(where or name)
        models[name] = load_types_model(path) if path else None
    runs = [("rules", None, "rules")] + [(f"{n} · {p}", m, p) for n, m in models.items() if m
                                          for p in ("hybrid", "model")]
    pipe = Pipeline(types_model="none")
    for path in golds:
        docs = [d for d in read_gold(path) if not isinstance(d, GoldError) and d.annotated]
        reports = list(pipe.extract_many([gold_article(d) for d in docs]))
        print(f"\n{path.name} ({len(docs)} documents)")
        for label, model, policy in runs:
            scores, tot, hit, added = [], Counter(), Counter(), 0
            half_tot, half_hit = (Counter(), Counter()), (Counter(), Counter())
            for i, (d, rep) in enumerate(zip(docs, reports)):
                if model is not None:
                    events = retype_events(rep.events, rep.article.text, model, policy)
                    if not events:
                        extra = fallback_event(rep.article.text, model, actors=rep.actors, policy=policy)
                        events = [extra] if extra is not None else []
                        added += extra is not None
                    rep = rep.model_copy(update={"events": events})
                s = score_document(d.data, rep)
                scores.append(s)
                class_recall(d.data, rep, s.tallies.notes, tot, hit)
                h = int(i >= len(docs) / 2)
                class_recall(d.data, rep, s.tallies.notes, half_tot[h], half_hit[h])
            m = aggregate(scores).metrics()
            cells = "  ".join(f"{k} {m[k]:.3f}" for k in HEADLINE if m.get(k) is not None)
            big = {k: hit[k] / tot[k] for k in tot if tot[k] >= 10}
            macro = sum(big.values()) / len(big) if big else float("nan")
            low = "; ".join(f"{k} {hit[k]}/{tot[k]}" for k in sorted(big) if args.per_class or big[k] < 0.6)
            print(f"  {label:<22} {cells}  macro recall (≥10) {macro:.3f}"
                  + (f"  fallback events {added}" if added else "") + (f"\n{'':26}{'recall' if args.per_class else '< 0.60'}: {low}" if low else ""))
            if args.halves:
                cut = (len(docs) + 1) // 2  # the documents with i < len/2
                for h, part in enumerate((scores[:cut], scores[cut:])):
                    hm = aggregate(part).metrics()
                    print(f"{'':26}{('1st', '2nd')[h]} half: " + "  ".join(
                        f"{k} {hm[k]:.3f}" for k in HEADLINE if hm.get(k) is not None))
                for h, name in enumerate(("1st half", "2nd half")):
                    cells = "; ".join(f"{k} {half_hit[h][k]}/{half_tot[h][k]}" for k in sorted(half_tot[h])
                                      if tot[k] >= 10)
                    print(f"{'':26}{name}: {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
