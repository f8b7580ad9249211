"""Choose the ACLED hybrid's design by cross-validation on the training notes (never on dev).

Run: .venv/bin/python scripts/policy_cv.py ../shared/train/acled_notes.jsonl --cache /tmp/pcv

Step 1 (cached): the rules over the same class-balanced sample `wirecoder train` uses, keeping
each rule event's ACLED view, confidence and evidence sentence; held-out-country 5-fold
predictions of the ACLED head for every note, and for the sentence around each single rule
event in the sample (the alternative context).
Step 2: design variants of the policy are compared by an outer held-out-country CV over the
policy items (choose the policy on the other countries' items, apply it to this country's) and
by leave-one-rule-class-out (what the pooled default does to a rule class the policy has no
evidence for). The ACLED notes never leave /tmp.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold


def build_cache(path: str, cache: Path, seed: int, sample: int, k: int) -> None:
    from wirecoder.ingest import make_article
    from wirecoder.learn.data import load_file
    from wirecoder.learn.hybrid import event_bounds, sentence_around
    from wirecoder.learn.model import Head
    from wirecoder.learn.policy import balanced_sample
    from wirecoder.pipeline import Pipeline

    ex, _, _ = load_file(path, None)
    ex = [e for e in ex if e.head == "acled_sub"]
    texts, labels, groups = [e.text for e in ex], [e.label for e in ex], [e.group for e in ex]
    idx = balanced_sample(labels, sample, seed)
    rules_file = cache / "rules.json"
    if not rules_file.exists():
        pipe = Pipeline(None, types_model="none")
        out = []
        arts = [make_article(texts[i], id=f"train-{i}") for i in idx]
        for i, rep in zip(idx, pipe.extract_many(arts)):
            evs = []
            for e in rep.events:
                b = event_bounds(e, texts[i])
                evs.append({"sub": e.acled.sub_event_type, "conf": e.confidence, "type": str(e.type),
                            "sent": sentence_around(texts[i], *b)})
            out.append({"i": i, "events": evs})
        rules_file.write_text(json.dumps(out), encoding="utf-8")
    rules = json.loads(rules_file.read_text(encoding="utf-8"))
    oof_file = cache / "oof.npz"
    if oof_file.exists():
        return
    single = {r["i"]: r["events"][0]["sent"] for r in rules if len(r["events"]) == 1}
    splits = GroupKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels, groups)
    classes = sorted(set(labels))
    S = np.zeros((len(texts), len(classes)), dtype=np.float32)
    sent_scores: dict[int, np.ndarray] = {}
    for f, (tr, te) in enumerate(splits):
        h = Head.train("acled_sub", [texts[i] for i in tr], [labels[i] for i in tr], seed)
        cols = [classes.index(c) for c in h.classes]
        s = h.scores([texts[i] for i in te])
        S[np.ix_(te, cols)] = s
        missing = [j for j in range(len(classes)) if j not in cols]
        if missing:
            S[np.ix_(te, missing)] = -10.0
        te_single = [i for i in te if i in single]
        if te_single:
            ss = h.scores([single[i] for i in te_single])
            for i, row in zip(te_single, ss):
                full = np.full(len(classes), -10.0, dtype=np.float32)
                full[cols] = row
                sent_scores[i] = full
        print(f"fold {f + 1}/{k}", file=sys.stderr, flush=True)
    si = sorted(sent_scores)
    np.savez_compressed(oof_file, S=S, classes=np.array(classes), sent_idx=np.array(si, dtype=np.int64),
                        sent_S=np.stack([sent_scores[i] for i in si]) if si else np.zeros((0, len(classes))))


def top2(row: np.ndarray, classes: list[str]) -> tuple[str, float]:
    o = np.argsort(-row)
    return classes[int(o[0])], float(row[o[0]] - row[o[1]])


def items_for(cache: Path, path: str, context: str) -> tuple[list[Any], list[str]]:
    """RuleItems of the single-event sampled notes (classifier on the note or the sentence), and
    each item's country."""
    from wirecoder.learn.data import load_file
    from wirecoder.learn.policy import RuleItem

    ex, _, _ = load_file(path, None)
    ex = [e for e in ex if e.head == "acled_sub"]
    rules = json.loads((cache / "rules.json").read_text(encoding="utf-8"))
    z = np.load(cache / "oof.npz")
    classes = [str(c) for c in z["classes"]]
    sent_row = {int(i): r for i, r in zip(z["sent_idx"], z["sent_S"])}
    items, countries = [], []
    for r in rules:
        if len(r["events"]) != 1:
            continue
        i, ev = r["i"], r["events"][0]
        row = sent_row[i] if context == "sentence" else z["S"][i]
        lab, m = top2(row, classes)
        items.append(RuleItem(ev["sub"], ex[i].label, lab, m, ev["conf"], ""))
        countries.append(ex[i].group)
    return items, countries


def apply(policy: dict[str, Any], it: Any, unseen_keep: bool) -> str | None:
    from wirecoder.learn.hybrid import decide
    pol = dict(policy)
    if unseen_keep:
        pol["default"] = None
    return decide(it.rule, it.predicted, it.margin, pol, "hybrid", it.confidence)


def outer_cv(items: list[Any], countries: list[str], k: int, seed: int, unseen_keep: bool) -> tuple[int, int, int]:
    """(hybrid right, rules right, classifier right) over held-out-country folds of the items."""
    from wirecoder.learn.policy import choose_policy
    hy = ru = cl = 0
    for tr, te in GroupKFold(n_splits=k, shuffle=True, random_state=seed).split(
            np.zeros(len(items)), None, countries):
        pol = choose_policy([items[i] for i in tr])
        for i in te:
            it = items[i]
            hy += apply(pol, it, unseen_keep) == it.gold
            ru += it.rule == it.gold
            cl += it.predicted == it.gold
    return hy, ru, cl


def leave_class_out(items: list[Any], S: np.ndarray | None = None, idx: list[int] | None = None,
                    classes: list[str] | None = None) -> list[tuple[str, int, int, Any]]:
    """Per rule class: right with the pooled default θ chosen on the other classes' items, and
    right with the rules — what a rule class without policy evidence gets either way. With the
    score matrix, the classifier also loses the class (its column masked): a rule class the
    classifier has no training rows of."""
    from wirecoder.learn.hybrid import NONE
    from wirecoder.learn.policy import best_threshold
    by: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        by[it.rule if it.rule is not None else NONE].append(k)
    out = []
    for c, ks in sorted(by.items()):
        if S is not None and (classes is None or c not in classes):
            continue
        inside = set(ks)
        theta = best_threshold([it for k, it in enumerate(items) if k not in inside])[0]
        right = 0
        for k in ks:
            it = items[k]
            lab, m = it.predicted, it.margin
            if S is not None and classes is not None and idx is not None:
                row = S[idx[k]].copy()
                row[classes.index(c)] = -1e9
                lab, m = top2(row, classes)
            right += (lab if theta is not None and lab != it.rule and m >= theta else it.rule) == it.gold
        out.append((c, right, sum(items[k].rule == items[k].gold for k in ks), theta))
    return out


def calibrated(items: list[Any], S: np.ndarray, idx: list[int], temperature: float) -> list[Any]:
    """The items with the margin replaced by the softmax probability of the top class."""
    from wirecoder.learn.policy import RuleItem
    out = []
    for it, i in zip(items, idx):
        row = S[i] * temperature
        e = np.exp(row - row.max())
        out.append(RuleItem(it.rule, it.gold, it.predicted, float(e.max() / e.sum()), it.confidence, it.source))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notes")
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--sample", type=int, default=3000)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=None, help="the SVM's C (default: the model's); cached apart")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.C is not None:
        import wirecoder.learn.model as model_mod
        from sklearn.svm import LinearSVC
        fit = model_mod.fit_linear

        def fit_c(X: Any, y: list[str], seed: int) -> Any:
            orig = model_mod.LinearSVC
            model_mod.LinearSVC = lambda **kw: LinearSVC(**{**kw, "C": args.C})  # type: ignore[misc]
            try:
                return fit(X, y, seed)
            finally:
                model_mod.LinearSVC = orig
        model_mod.fit_linear = fit_c
        rules = args.cache / "rules.json"
        args.cache = args.cache / f"C{args.C}"
        args.cache.mkdir(exist_ok=True)
        if rules.exists() and not (args.cache / "rules.json").exists():
            (args.cache / "rules.json").write_text(rules.read_text(encoding="utf-8"), encoding="utf-8")
    build_cache(args.notes, args.cache, args.seed, args.sample, args.folds)
    z = np.load(args.cache / "oof.npz")
    S, classes = z["S"], [str(c) for c in z["classes"]]
    from wirecoder.learn.data import load_file
    ex = [e for e in load_file(args.notes, None)[0] if e.head == "acled_sub"]
    y = np.array([classes.index(e.label) for e in ex])
    pred = S.argmax(axis=1)
    recall = [float(np.mean(pred[y == j] == j)) for j in range(len(classes)) if (y == j).any()]
    print(f"held-out-country classifier: accuracy {np.mean(pred == y):.4f}, macro recall {np.mean(recall):.4f}")
    rules = json.loads((args.cache / "rules.json").read_text(encoding="utf-8"))
    idx = [r["i"] for r in rules if len(r["events"]) == 1]
    print("1. context (outer held-out-country CV over the policy items; right answers)")
    for context in ("note", "sentence"):
        items, countries = items_for(args.cache, args.notes, context)
        hy, ru, cl = outer_cv(items, countries, args.folds, args.seed, False)
        print(f"   {context:8s}: hybrid {hy}, rules {ru}, classifier {cl} of {len(items)}")
    items, countries = items_for(args.cache, args.notes, "note")
    print("2. a rule class without policy evidence: pooled default θ vs keep rules (leave one class out)")
    for title, kw in (("classifier knows the class", {}),
                      ("classifier has no rows of it", {"S": S, "idx": idx, "classes": classes})):
        rows = leave_class_out(items, **kw)
        better = sum(r > k for _, r, k, _ in rows)
        worse = sum(r < k for _, r, k, _ in rows)
        print(f"   {title}: default {sum(r for _, r, _, _ in rows)} vs rules {sum(k for _, _, k, _ in rows)} "
              f"right; the default is better for {better} classes, worse for {worse}")
        for c, r, k, t in rows:
            print(f"     {c:40s} default θ={t}: {r} vs rules {k}")
    print("3. calibration: softmax(T · scores) top probability instead of the margin (probability grid)")
    import wirecoder.learn.policy as policy_mod
    from scipy.special import logsumexp
    grid = policy_mod.THRESHOLDS
    for t in (1.0, 2.0, 3.0, 4.0, 6.0):
        nll = float(-(S[np.arange(len(y)), y] * t - logsumexp(S * t, axis=1)).mean())
        policy_mod.THRESHOLDS = (None, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0)
        try:
            hy, _, _ = outer_cv(calibrated(items, S, idx, t), countries, args.folds, args.seed, False)
        finally:
            policy_mod.THRESHOLDS = grid
        print(f"   T={t}: held-out log-loss {nll:.3f}; hybrid {hy} of {len(items)}")
    print("4. the sign test's strictness Z (a policy step must win by Z·√(wins + losses))")
    z0 = policy_mod.Z
    for z in (0.0, 1.0, 1.5, 2.0, 3.0):
        policy_mod.Z = z
        try:
            hy, _, _ = outer_cv(items, countries, args.folds, args.seed, False)
        finally:
            policy_mod.Z = z0
        print(f"   Z={z}: hybrid {hy} of {len(items)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
