"""Fit the decision stage's confidence on whole-article gold and print its reliability.

    .venv/bin/python scripts/calibrate_decision.py GOLD.jsonl [GOLD2.jsonl …] [--fit full|platt]
        [--folds K] [--holdout GOLD.jsonl] [--current] [--write]

Every incident the earlier stages keep is labelled by the SPEC §3 matcher: a hit (1), a
false positive or forbidden (0); excused ones (optional, allowed status) are left out.
Articles are split in K folds: each fold's events are scored by a model fitted on the
others, and the table shows, per confidence bin, how many held-out events were right — the
calibration a user reads in the `confidence` field. `--holdout FILE` also fits on the other
files only and reports that file's reliability (a file that was never fitted on).

`--fit platt` rescales the hand-set ranking (decision.FALLBACK_WEIGHTS: 2 parameters — for a
small gold); `--fit full` fits every feature weight with an L2 penalty (for ~60+ articles).
`--write` fits on all articles and writes src/wirecoder/lexicons/decision.json (weights only;
no text of the gold)."""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from wirecoder.evaluate.events import forbidden_indices, greedy_match, optional_matches
from wirecoder.evaluate.gold import GoldDoc, read_gold
from wirecoder.evaluate.runner import gold_article
from wirecoder.extract.actors import build_actor_table
from wirecoder.extract.context import ExtractionContext, parse_published
from wirecoder.extract.decision import FALLBACK_WEIGHTS, FEATURES, weights
from wirecoder.extract.event_core import find_events
from wirecoder.nlp import load_model
from wirecoder.schema import Report

OUT = Path(__file__).resolve().parent.parent / "src/wirecoder/lexicons/decision.json"


def labelled(docs: list[GoldDoc]) -> list[tuple[int, list[float], int | None]]:
    """(doc index, features, label) for every incident at confidence ≥ 0."""
    nlp = load_model(None)
    rows = []
    for n, gd in enumerate(docs):
        article = gold_article(gd)
        doc = nlp(article.text)
        ctx = ExtractionContext(doc=doc, article=article, published=parse_published(article.published),
                                actors=build_actor_table(doc, article))
        trace: list[dict[str, float]] = []
        events = find_events(ctx, min_confidence=0.0, trace=trace)
        report = Report(article=article, actors=ctx.actors.actors, events=events)
        golds = gd.data.get("events") or []
        forbidden, allowed = forbidden_indices(report, gd.data.get("forbidden") or [])
        cands = [i for i in range(len(events)) if i not in forbidden]
        hits = {pi for _, pi, _ in greedy_match(report, golds, cands)}
        opts = list(gd.data.get("optional_events") or [])
        used: set[int] = set()
        for i, feats in enumerate(trace):
            label: int | None
            if i in hits:
                label = 1
            elif i in forbidden:
                label = 0
            elif i in allowed:
                label = None
            else:
                oi = next((k for k, o in enumerate(opts)
                           if k not in used and optional_matches(report, events[i], o)), None)
                if oi is not None:
                    used.add(oi)
                    label = None
                else:
                    label = 0
            rows.append((n, [feats[f] for f in FEATURES], label))
    return rows


def w_date() -> str:
    """When the shipped weights were fitted."""
    try:
        return str(json.loads(OUT.read_text("utf-8")).get("fitted"))
    except (OSError, ValueError):
        return "never"


def prior_score(x: np.ndarray) -> np.ndarray:
    """The hand-set ranking (decision.FALLBACK_WEIGHTS): written from the feature meanings,
    not fitted, so it does not learn 16 articles by heart."""
    w = np.array([FALLBACK_WEIGHTS.get(f, 0.0) for f in FEATURES])
    return (x @ w + FALLBACK_WEIGHTS["bias"]).reshape(-1, 1)


def fit(x: np.ndarray, y: np.ndarray, how: str = "platt") -> LogisticRegression:
    """`platt`: Platt scaling of the hand-set ranking — two parameters, so the probabilities
    are calibrated without the ranking being fitted. `full`: every weight, L2-penalized."""
    if how == "full":
        return LogisticRegression(C=0.5, max_iter=2000).fit(x, y)
    return LogisticRegression(C=1.0, max_iter=1000).fit(prior_score(x), y)


def predict(model: LogisticRegression, x: np.ndarray, how: str) -> np.ndarray:
    return model.predict_proba(x if how == "full" else prior_score(x))[:, 1]


def as_weights(model: LogisticRegression, how: str) -> dict[str, float]:
    """The model as decision.json weights over FEATURES."""
    if how == "full":
        weights = {"bias": round(float(model.intercept_[0]), 4)}
        weights.update({f: round(float(w), 4) for f, w in zip(FEATURES, model.coef_[0])})
        return weights
    a, b = float(model.coef_[0][0]), float(model.intercept_[0])
    weights = {"bias": round(a * FALLBACK_WEIGHTS["bias"] + b, 4)}
    weights.update({f: round(a * FALLBACK_WEIGHTS.get(f, 0.0), 4) for f in FEATURES})
    return weights


def table(held: np.ndarray, y: np.ndarray, n_gold: int) -> None:
    print("| confidence | events | right | share right |\n|---|---|---|---|")
    for lo, hi in ((0, .2), (.2, .4), (.4, .5), (.5, .6), (.6, .7), (.7, .8), (.8, 1.01)):
        m = (held >= lo) & (held < hi)
        if m.sum():
            print(f"| {lo:.1f}–{min(hi, 1):.1f} | {m.sum()} | {int(y[m].sum())} | {y[m].mean():.2f} |")
    print("\n| threshold | kept | right | precision* | recall* |\n|---|---|---|---|---|")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        m = held >= t
        print(f"| {t:.1f} | {m.sum()} | {int(y[m].sum())} | {y[m].mean() if m.sum() else 0:.2f} "
              f"| {y[m].sum() / n_gold:.2f} |")
    ll = -np.mean(y * np.log(np.clip(held, 1e-6, 1)) + (1 - y) * np.log(np.clip(1 - held, 1e-6, 1)))
    print(f"(* excused events left out of precision; recall over all gold events; log-loss {ll:.3f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--fit", choices=("platt", "full"), default="full")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--holdout", help="one of the gold files: also fit without it and score it")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--current", action="store_true",
                    help="also score the shipped weights (no refit) on every article")
    args = ap.parse_args()
    docs: list[GoldDoc] = []
    source: list[str] = []
    for path in args.gold:
        for d in read_gold(path):
            if isinstance(d, GoldDoc):
                docs.append(d)
                source.append(path)
    n_gold = sum(len(d.data.get("events") or []) for d in docs)
    rows = [r for r in labelled(docs) if r[2] is not None]
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    doc_of = np.array([r[0] for r in rows])
    fold = doc_of % args.folds
    held = np.zeros(len(rows))
    for k in range(args.folds):
        model = fit(x[fold != k], y[fold != k], args.fit)
        held[fold == k] = predict(model, x[fold == k], args.fit)
    if args.current:
        w = weights()
        z = x @ np.array([w.get(f, 0.0) for f in FEATURES]) + w.get("bias", 0.0)
        print(f"The shipped weights (lexicons/decision.json, fitted {w_date()}), all articles:")
        table(1 / (1 + np.exp(-z)), y, n_gold)
        print()
    print(f"{len(rows)} labelled incidents ({int(y.sum())} right) in {len(docs)} articles; "
          f"{n_gold} gold events; fit {args.fit}. Held-out ({args.folds}-fold by article):")
    table(held, y, n_gold)
    if args.holdout:
        out = np.array([source[n] == args.holdout for n in doc_of])
        n_out = sum(len(d.data.get("events") or []) for d, s in zip(docs, source) if s == args.holdout)
        model = fit(x[~out], y[~out], args.fit)
        print(f"\nFitted without {Path(args.holdout).name}, scored on it:")
        table(predict(model, x[out], args.fit), y[out], n_out)
    if args.write:
        model = fit(x, y, args.fit)
        OUT.write_text(json.dumps({
            "fitted": dt.date.today().isoformat(), "fit": args.fit,
            "gold": [Path(p).name for p in args.gold], "articles": len(docs),
            "incidents": len(rows), "weights": as_weights(model, args.fit)}, indent=1) + "\n")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
