"""Where PLOVER event F1 is lost: the dev errors of one system, per PLOVER type, in four buckets.

Run: .venv/bin/python bench/plover_errors.py [--model DIR|default|none] [GOLD.jsonl ...]
Default gold: ../shared/eval/dev/{plover_gsr,petr2_gsr}_dev.jsonl (read at run time, never
copied); default model: the shipped one, retyping exactly as `extract.build_report` does (hybrid
policy, then the no-event fallback), as in bench/types_table.py.

Buckets, after the `wirecoder eval` matching (greedy on type and evidence overlap):
  (a) no event  — a gold event left unmatched and no unmatched prediction where it is told
                  (overlapping its `evidence_at`; anywhere in the document without one);
  (b) wrong type — a gold event left unmatched while an unmatched prediction sits where it is
                  told (that prediction is counted here, not in (d));
  (c) right type, wrong slot — a matched pair with a wrong actor, recipient or mode (the eval's
                  accuracies: these do not lower F1);
  (d) spurious  — the other unmatched, unexcused predictions (by predicted type; forbidden
                  ones included), false positives that stand for no gold event.
F1 counts (a) and (b) as misses and (b) and (d) as false positives.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
FILES = ("plover_gsr_dev", "petr2_gsr_dev")


def buckets(gold: dict[str, Any], report: Any, out: dict[str, Counter], pairs_out: Counter) -> None:
    """Add one document's errors to `out[bucket][type]`; `pairs_out` counts (gold, predicted)
    types of the wrong-type bucket."""
    from wirecoder.evaluate.events import (
        evidence_overlaps,
        forbidden_indices,
        greedy_match,
        optional_matches,
    )
    from wirecoder.evaluate.match import value_of

    golds = gold.get("events") or []
    forbidden, allowed = forbidden_indices(report, gold.get("forbidden") or [])
    candidates = [i for i in range(len(report.events)) if i not in forbidden]
    pairs = greedy_match(report, golds, candidates)
    matched_p = {pi for _, pi, _ in pairs}
    matched_g = {gi for gi, _, _ in pairs}
    leftovers = [i for i in candidates if i not in matched_p]
    excused = set(i for i in leftovers if i in allowed)
    used_opt: set[int] = set()
    for pi in leftovers:
        if pi in excused:
            continue
        for oi, opt in enumerate(gold.get("optional_events") or []):
            if oi not in used_opt and optional_matches(report, report.events[pi], opt):
                used_opt.add(oi)
                excused.add(pi)
                break
    free = [i for i in leftovers if i not in excused] + sorted(forbidden)
    for gi, pi, agree in pairs:
        g_type = str(golds[gi].get("type") or "?")
        out["matched"][g_type] += 1
        wrong = [f for f in ("actor", "recipient", "mode") if agree.get(f) is False]
        if wrong:
            out["(c) right type, wrong slot"][g_type] += 1
            for f in wrong:
                out[f"(c) wrong {f}"][g_type] += 1
    for gi, g in enumerate(golds):
        if gi in matched_g:
            continue
        g_type = str(g.get("type") or "?")
        there = [pi for pi in free if evidence_overlaps(report.events[pi], g.get("evidence_at"))]
        if there:
            pi = there[0]
            free.remove(pi)
            out["(b) wrong type"][g_type] += 1
            pairs_out[(g_type, value_of(report.events[pi].type))] += 1
        else:
            out["(a) no event"][g_type] += 1
    for pi in free:
        out["(d) spurious"][value_of(report.events[pi].type)] += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--model", default="default", help="types model DIR, 'default' or 'none' (rules)")
    args = ap.parse_args()
    golds = args.gold or [DEV / f"{f}.jsonl" for f in FILES]
    missing = [str(g) for g in golds if not g.exists()]
    if missing:
        print(f"bench: gold not found: {', '.join(missing)}", file=sys.stderr)
        return 2

    from wirecoder.errors import GoldError
    from wirecoder.evaluate.gold import read_gold
    from wirecoder.evaluate.runner import gold_article
    from wirecoder.learn.fallback import fallback_event
    from wirecoder.learn.hybrid import retype_events
    from wirecoder.learn.model import load_types_model, resolve_types_model
    from wirecoder.pipeline import Pipeline

    path = resolve_types_model(args.model) if args.model != "none" else None
    model = load_types_model(path) if path else None
    pipe = Pipeline(types_model="none")
    for gold_path in golds:
        docs = [d for d in read_gold(gold_path) if not isinstance(d, GoldError) and "events" in d.annotated]
        out: dict[str, Counter] = defaultdict(Counter)
        wrong_pairs: Counter = Counter()
        n_gold: Counter = Counter()
        for d, rep in zip(docs, pipe.extract_many([gold_article(d) for d in docs])):
            if model is not None:
                events = retype_events(rep.events, rep.article.text, model, "hybrid")
                if not events:
                    extra = fallback_event(rep.article.text, model, actors=rep.actors, policy="hybrid")
                    events = [extra] if extra is not None else []
                rep = rep.model_copy(update={"events": events})
            for g in d.data.get("events") or []:
                n_gold[str(g.get("type") or "?")] += 1
            buckets(d.data, rep, out, wrong_pairs)
        cols = ["matched", "(a) no event", "(b) wrong type", "(d) spurious", "(c) right type, wrong slot",
                "(c) wrong actor", "(c) wrong recipient", "(c) wrong mode"]
        types = sorted(set(n_gold) | set(out["(d) spurious"]))
        print(f"\n{gold_path.name} ({len(docs)} documents, {sum(n_gold.values())} gold events; "
              f"model {args.model})")
        print("| type | gold | " + " | ".join(cols) + " |")
        print("|---" * (len(cols) + 2) + "|")
        for t in types + ["all"]:
            cells = [str(sum(n_gold.values()) if t == "all" else n_gold[t])]
            cells += [str(sum(out[c].values()) if t == "all" else out[c][t]) for c in cols]
            print(f"| {t} | " + " | ".join(cells) + " |")
        print("wrong type (gold → predicted): "
              + "; ".join(f"{g}→{p} {n}" for (g, p), n in wrong_pairs.most_common(15)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
