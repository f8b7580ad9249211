"""spaCy's own textcat against the TF-IDF + linear SVM head, on the same stratified folds.

Run: .venv/bin/python bench/textcat_vs_linear.py [TRAIN.jsonl ...] [--rows N] [--folds K]
Default data: ../shared/train/acled_notes.jsonl and plover_synthetic_ngec.jsonl (read at run
time, never copied). Prints macro-F1, accuracy and training seconds of each per data set.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "train"
DEFAULT = [TRAIN / "acled_notes.jsonl", TRAIN / "plover_synthetic_ngec.jsonl"]


def spacy_textcat(train_x: list[str], train_y: list[str], test_x: list[str], seed: int,
                  epochs: int = 8) -> list[str]:
    """spaCy TextCatBOW (exclusive classes, uni+bigrams): its fastest CPU architecture."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    labels = sorted(set(train_y))
    nlp = spacy.blank("en")
    tc = nlp.add_pipe("textcat", config={"model": {"@architectures": "spacy.TextCatBOW.v3",
                                                  "exclusive_classes": True, "ngram_size": 2,
                                                  "no_output_layer": False}})
    for lab in labels:
        tc.add_label(lab)
    docs = list(nlp.pipe(train_x))
    examples = [Example.from_dict(d, {"cats": {lab: float(lab == y) for lab in labels}})
                for d, y in zip(docs, train_y)]
    opt = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=64):
            nlp.update(batch, sgd=opt, drop=0.1)
    return [max(d.cats, key=d.cats.get) for d in nlp.pipe(test_x)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--rows", type=int, default=8000, help="random rows per file (0 = all)")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    from wirecoder.learn.data import load_file
    from wirecoder.learn.model import Head

    for path in args.files:
        if not path.exists():
            print(f"bench: not found: {path}", file=sys.stderr)
            return 2
        ex, _, _ = load_file(path)
        head = "acled_sub" if any(e.head == "acled_sub" for e in ex) else "plover_type"
        ex = [e for e in ex if e.head == head]
        rng = random.Random(args.seed)
        if args.rows and len(ex) > args.rows:
            ex = rng.sample(ex, args.rows)
        counts: dict[str, int] = {}
        for e in ex:
            counts[e.label] = counts.get(e.label, 0) + 1
        ex = [e for e in ex if counts[e.label] >= args.folds]
        x, y = [e.text for e in ex], [e.label for e in ex]
        res: dict[str, list[list[str]]] = {"linear SVM": [[""] * len(x)], "spaCy textcat BOW": [[""] * len(x)]}
        secs = {k: 0.0 for k in res}
        folds = StratifiedKFold(args.folds, shuffle=True, random_state=args.seed)
        for tr, te in folds.split(np.zeros(len(y)), y):
            t0 = time.perf_counter()
            h = Head.train(head, [x[i] for i in tr], [y[i] for i in tr], args.seed)
            for i, (lab, _m) in zip(te, h.predict([x[i] for i in te])):
                res["linear SVM"][0][i] = lab
            secs["linear SVM"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            for i, lab in zip(te, spacy_textcat([x[i] for i in tr], [y[i] for i in tr], [x[i] for i in te], args.seed)):
                res["spaCy textcat BOW"][0][i] = lab
            secs["spaCy textcat BOW"] += time.perf_counter() - t0
        print(f"{path.name}: {len(x)} rows, {len(set(y))} classes, {args.folds} folds")
        for k, (pred,) in res.items():
            acc = float(np.mean([a == b for a, b in zip(y, pred)]))
            print(f"  {k:<20} macro-F1 {f1_score(y, pred, average='macro'):.3f}  accuracy {acc:.3f}  "
                  f"train+predict {secs[k]:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
