"""`wirecoder train`'s core: training files → a types-model folder with its model card."""
from __future__ import annotations

import platform
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .card import render_card
from .crossval import check_classes, cross_validate, scores
from .data import HEADS, Example, SourceFile, load_file
from .errors import TrainingDataError
from .fallback import MAX_SENTENCES
from .hybrid import ACLED_PARENT, sentence_count
from .model import Head, TypesModel, save_types_model
from .no_event_examples import load_no_event_texts
from .outside_acled import load_outside_acled_texts
from .policy import RuleItem, balanced_sample, choose_policy, fallback_threshold, rule_items

POLICY_HEADS = ("plover_type", "acled_sub")  # the mode follows the type; it has no policy


class Steps:
    """A Rich progress bar on stderr (or nothing): one task per training step."""

    def __init__(self, enabled: bool) -> None:
        self.bar: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(stderr=True))

    @contextmanager
    def running(self) -> Iterator["Steps"]:
        if self.bar is None:
            yield self
            return
        with self.bar:
            yield self

    def task(self, description: str, total: int) -> Any:
        return self.bar.add_task(description, total=total) if self.bar else None

    def advance(self, task: Any) -> None:
        if self.bar is not None and task is not None:
            self.bar.advance(task)


def library_versions() -> dict[str, str]:
    import numpy
    import scipy
    import sklearn
    import spacy

    from .. import __version__ as wc_version
    return {"wirecoder": str(wc_version), "python": platform.python_version(),
            "scikit-learn": sklearn.__version__, "numpy": numpy.__version__,
            "scipy": scipy.__version__, "spacy": spacy.__version__}


def rules_labeller(head: str, spacy_model: str | None) -> Any:
    """texts → per text, (label, confidence) of each event the rules find (label None = no
    ACLED view)."""
    from ..ingest import make_article
    from ..pipeline import Pipeline

    pipe = Pipeline(spacy_model)

    def run(texts: list[str]) -> list[list[tuple[str | None, float]]]:
        out: list[list[tuple[str | None, float]]] = []
        arts = [make_article(t, id=f"train-{i}") for i, t in enumerate(texts)]
        for rep in pipe.extract_many(arts):
            if head == "plover_type":
                out.append([(str(e.type), e.confidence) for e in rep.events])
            else:
                out.append([(e.acled.sub_event_type, e.confidence) for e in rep.events])
        return out
    return run


def taxonomy(head: str) -> frozenset[str]:
    """Every label the rules can give for a head (what a policy may be asked about)."""
    from ..schema import EventType
    if head == "acled_sub":
        return frozenset(ACLED_PARENT)
    return frozenset(str(t.value) for t in EventType)


def outside_items(head: Head, rule_labels: Any, texts: Sequence[str] | None = None) -> list[RuleItem]:
    """No-label items: invented sentences of events outside ACLED's taxonomy in which the rules
    find one event and give it no ACLED view (`learn.outside_acled`); the head's label for
    each (it never trained on them) would be wrong to fill in."""
    texts = list(texts) if texts is not None else load_outside_acled_texts()
    keep = [(t, labs[0][1]) for t, labs in zip(texts, rule_labels(texts)) if len(labs) == 1 and labs[0][0] is None]
    preds = head.predict([t for t, _ in keep]) if keep else []
    return [RuleItem(None, None, lab, m, conf) for (_, conf), (lab, m) in zip(keep, preds)]


def load_examples(paths: Sequence[str | Path], licence: str | None
                  ) -> tuple[dict[str, list[Example]], list[SourceFile], dict[str, str]]:
    by_head: dict[str, list[Example]] = {h: [] for h in HEADS}
    files: list[SourceFile] = []
    parents: dict[str, str] = {}
    for p in paths:
        ex, sf, par = load_file(p, licence)
        files.append(sf)
        parents.update(par)
        for e in ex:
            by_head[e.head].append(e)
    return {h: v for h, v in by_head.items() if v}, files, parents


def train_types_model(paths: Sequence[str | Path], out: str | Path, *, cv: int = 5, seed: int = 0,
                      licence: str | None = None, policy_sample: int = 3000,
                      spacy_model: str | None = None, progress: bool = True,
                      policy_files: Sequence[str | Path] | None = None,
                      outside_evidence: bool = False) -> TypesModel:
    """Train every head the data supports, cross-validate it, choose the hybrid policy on the
    training data (only the rows of `policy_files` when given: files whose labels hold per
    sentence), and write the model folder (weights, model.json, card.json, CARD.md).
    `outside_evidence`: also judge the ACLED head's `(none)` class on the invented sentences of
    events outside ACLED's taxonomy (learn/outside_acled.py) — off by default: on the dev sets
    it kept non-ACLED snippets out of the ACLED view (CASE outside 0.340 → 0.608) but cost
    sub-event accuracy (CASE 0.731 → 0.718, Gaza 0.955 → 0.949; docs/training.md)."""
    if cv < 2:
        raise TrainingDataError(f"--cv must be at least 2, not {cv}")
    policy_set = {str(Path(p)) for p in policy_files or ()}
    unknown = policy_set - {str(Path(p)) for p in paths}
    if unknown:
        raise TrainingDataError(f"policy files must be among the training files: {', '.join(sorted(unknown))}")
    t0 = time.perf_counter()
    by_head, files, parents = load_examples(paths, licence)
    if not by_head:
        raise TrainingDataError("the training files hold no usable rows",
                                source=", ".join(map(str, paths)))
    dropped: dict[str, list[str]] = {}
    if "plover_mode" in by_head:  # rare modes are dropped, not fatal: the mode is secondary
        counts = Counter(e.label for e in by_head["plover_mode"])
        dropped["plover_mode"] = sorted(c for c, n in counts.items() if n < cv)
        by_head["plover_mode"] = [e for e in by_head["plover_mode"] if counts[e.label] >= cv]
        if len({e.label for e in by_head["plover_mode"]}) < 2:
            del by_head["plover_mode"]
    for h, ex in by_head.items():
        check_classes(h, [e.label for e in ex], cv, source=", ".join(sorted({e.source for e in ex})))
    heads: dict[str, Head] = {}
    card_heads: dict[str, Any] = {}
    policy: dict[str, Any] = {}
    steps = Steps(progress)
    silent: list[str] | None = None  # no-event texts the rules find nothing in (for the fallback)
    with steps.running():
        for h, ex in by_head.items():
            texts, labels = [e.text for e in ex], [e.label for e in ex]
            task = steps.task(f"{h}: {cv}-fold CV + fit", cv + 1)
            oof = cross_validate(h, texts, labels, cv, seed, on_fold=partial(steps.advance, task))
            heads[h] = Head.train(h, texts, labels, seed)
            steps.advance(task)
            card_heads[h] = {"rows": len(ex), "rows_per_class": dict(sorted(Counter(labels).items())),
                             "features": heads[h].featurizer.size, "cv": scores(oof),
                             "dropped_classes": dropped.get(h, [])}
            if h in POLICY_HEADS and policy_sample > 0:
                gtask = steps.task(f"{h}: held-out-group CV for the policy", cv)
                goof = cross_validate(h, texts, labels, cv, seed, on_fold=partial(steps.advance, gtask),
                                      groups=[e.group for e in ex])
                card_heads[h]["group_cv"] = {k: v for k, v in scores(goof).items() if k != "confusion"}
                held_out = "group"
                others = [i for i, e in enumerate(ex) if policy_set and e.source not in policy_set]
                if len({labels[i] for i in others}) >= 2:
                    # The policy files are judged by a classifier that saw none of their rows (the
                    # held-out *source*): invented sentences share fillers and shapes across their
                    # templates, so held-out templates are still in-style, and would let the
                    # classifier look better than it is on real news text.
                    outside = Head.train(h, [texts[i] for i in others], [labels[i] for i in others], seed)
                    inside = [i for i, e in enumerate(ex) if e.source in policy_set]
                    for i, (lab, m) in zip(inside, outside.predict([texts[i] for i in inside])):
                        goof.predicted[i], goof.margins[i] = lab, m
                    held_out = "source"
                ptask = steps.task(f"{h}: rules on a training sample", 1)
                pool = [i for i, e in enumerate(ex) if not policy_set or e.source in policy_set]
                idx = [pool[j] for j in balanced_sample([labels[i] for i in pool], policy_sample, seed)]
                items, empty, several = rule_items([texts[i] for i in idx], [labels[i] for i in idx],
                                          [goof.predicted[i] for i in idx], [goof.margins[i] for i in idx],
                                          rules_labeller(h, spacy_model),
                                          short=[sentence_count(texts[i]) <= MAX_SENTENCES for i in idx],
                                          sources=[ex[i].source for i in idx])
                no_view = (outside_items(heads[h], rules_labeller(h, spacy_model))
                           if outside_evidence and h == "acled_sub" else [])
                policy[h] = choose_policy(items + no_view, unknown=sorted(taxonomy(h) - set(heads[h].classes)))
                policy[h]["outside_documents"] = len(no_view)
                if silent is None:
                    texts0 = [t for t in load_no_event_texts() if sentence_count(t) <= MAX_SENTENCES]
                    silent = [t for t, labs in zip(texts0, rules_labeller(h, spacy_model)(texts0)) if not labs]
                negatives = [RuleItem(None, "", lab, m) for lab, m in heads[h].predict(silent)] if silent else []
                policy[h]["fallback"] = fallback_threshold(empty, negatives)
                policy[h]["fallback"]["no_event_documents"] = len(negatives)
                policy[h]["held_out"] = held_out
                policy[h]["sample_documents"] = len(idx)
                policy[h]["files"] = sorted({ex[i].source for i in idx})
                policy[h]["documents_without_rule_event"] = len(empty)
                policy[h]["documents_with_several_rule_events"] = several
                steps.advance(ptask)
    card = {
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": seed, "cv_folds": cv, "policy_sample": policy_sample,
        "training_seconds": round(time.perf_counter() - t0, 1),
        "libraries": library_versions(),
        "data": [vars(f) for f in files],
        "licences": sorted({f.licence for f in files}),
        "classifier": "TF-IDF (word 1–2-grams + char_wb 3–5-grams, sublinear tf) → linear SVM "
                      "(one-vs-rest, C=0.5, balanced class weights); margin = best − second score",
        "heads": card_heads,
        "policy": {h: {"default": p["default"], "evidence": p["evidence"], "fallback": p["fallback"],
                       "evidence_low": p["evidence_low"], "held_out": p["held_out"],
                       "sample_documents": p["sample_documents"], "files": p["files"],
                       "documents_without_rule_event": p["documents_without_rule_event"],
                       "documents_with_several_rule_events": p["documents_with_several_rule_events"],
                       "outside_documents": p["outside_documents"]}
                   for h, p in policy.items()},
    }
    model = TypesModel(str(out), heads, {h: {"default": p["default"], "by_rule": p["by_rule"],
                                             "by_rule_low": p["by_rule_low"],
                                             "fallback": p["fallback"]["threshold"]}
                                         for h, p in policy.items()}, parents, card)
    path = save_types_model(model, out)
    (path / "CARD.md").write_text(render_card(card), encoding="utf-8")
    return model


__all__ = ["POLICY_HEADS", "taxonomy", "outside_items", "library_versions", "rules_labeller", "load_examples", "train_types_model"]
