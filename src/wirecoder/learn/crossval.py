"""Stratified k-fold cross-validation of one head: out-of-fold predictions and the scores the
model card reports (per-class precision/recall/F1, macro-F1, confusion matrix)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold, StratifiedKFold

from .errors import EmptyClass
from .model import Head


@dataclass
class OutOfFold:
    labels: list[str]
    predicted: list[str]
    margins: list[float]


def check_classes(head: str, labels: list[str], k: int, source: str | None = None) -> None:
    """Every class needs k rows (one per fold), and a head needs two classes."""
    counts = Counter(labels)
    if len(counts) < 2:
        raise EmptyClass(f"{head}: only {len(counts)} class(es) ({', '.join(counts) or 'none'}); "
                         "a classifier needs at least two", source=source)
    small = sorted(c for c, n in counts.items() if n < k)
    if small:
        raise EmptyClass(f"{head}: class(es) with fewer than {k} rows (one per fold): "
                         + ", ".join(f"{c!r} ({counts[c]})" for c in small), source=source,
                         fix="Add rows, drop the class, or lower --cv.")


def cross_validate(head: str, texts: list[str], labels: list[str], k: int, seed: int,
                   on_fold: Callable[[], None] | None = None,
                   groups: list[str] | None = None) -> OutOfFold:
    """Out-of-fold predictions: stratified folds, or with `groups` held-out groups (no group in
    both training and test fold: how the classifier does on a country or template it never saw)."""
    pred: list[str] = [""] * len(texts)
    margin: list[float] = [0.0] * len(texts)
    if groups is not None and len(set(groups)) >= 2:
        splits = GroupKFold(n_splits=min(k, len(set(groups))), shuffle=True, random_state=seed
                            ).split(np.zeros(len(labels)), labels, groups)
    else:
        splits = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed
                                 ).split(np.zeros(len(labels)), labels)
    for train_idx, test_idx in splits:
        if len({labels[i] for i in train_idx}) < 2:  # a held-out group took every other class
            continue
        h = Head.train(head, [texts[i] for i in train_idx], [labels[i] for i in train_idx], seed)
        for i, (lab, m) in zip(test_idx, h.predict([texts[i] for i in test_idx])):
            pred[i], margin[i] = lab, m
        if on_fold:
            on_fold()
    return OutOfFold(list(labels), pred, margin)


def scores(oof: OutOfFold) -> dict[str, Any]:
    classes = sorted(set(oof.labels) | set(oof.predicted))
    p, r, f, n = precision_recall_fscore_support(oof.labels, oof.predicted, labels=classes,
                                                 zero_division=0)
    gold_classes = sorted(set(oof.labels))
    macro = float(np.mean([f[classes.index(c)] for c in gold_classes]))
    cm = confusion_matrix(oof.labels, oof.predicted, labels=classes)
    return {
        "accuracy": round(float(np.mean([a == b for a, b in zip(oof.labels, oof.predicted)])), 4),
        "macro_f1": round(macro, 4),
        "per_class": {c: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                          "f1": round(float(f[i]), 4), "support": int(n[i])}
                      for i, c in enumerate(classes)},
        "confusion": {"labels": classes, "matrix": cm.tolist()},
    }


__all__ = ["OutOfFold", "check_classes", "cross_validate", "scores"]
