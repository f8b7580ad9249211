"""Choose the hybrid policy by cross-validation on the training data (never on eval sets).

The rules run over a class-balanced sample of the training texts; where they find exactly one
event, that event gets the document's label as its gold (a training document — an ACLED note,
a sentence — describes one event; with several rule events it is unknown which one the label
names, so those documents are counted but not used). With the classifier's out-of-fold prediction for that document, each class the
rules gave is assigned the margin threshold above which the classifier overrides the rules —
or none (keep the rules) — whichever makes the most of that class's events right.

Two cases have no evidence in the training documents, and keep the rules: a rule class the
classifier has no training rows of (it can never confirm it; `unknown`), and — for the ACLED
head — nothing argues for an empty view on ACLED notes, since every note is an ACLED event: so
items whose right answer is *no label* (gold None: invented sentences reporting events outside
ACLED's taxonomy, `learn.outside_acled`) join the `(none)` class's evidence.

With several policy files (independently written sets of sentences), a decision must also hold
on each of them: no step towards more overrides (or more fallback events) may lose events on
any one file (`by_source`), however much it gains on the pool. Invented sentences are easier
than news for the classifier, and a gain that one set shows while another loses is a property
of that set's style, not of the classifier.
"""
from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .hybrid import LOW_CONFIDENCE, NONE

Z = 2.0  # standard deviations a policy change must clear (see beyond_chance)
THRESHOLDS: tuple[float | None, ...] = (None, 1.5, 1.0, 0.75, 0.5, 0.3, 0.15, 0.0)
MIN_GROUP = 8  # rule classes with fewer sampled events keep the rules: no evidence, no override


@dataclass
class RuleItem:
    rule: str | None
    gold: str | None  # None: the right answer is no label (an event outside ACLED's taxonomy)
    predicted: str
    margin: float
    confidence: float = 1.0  # the rule event's confidence
    source: str = ""  # the training file of the document (decisions must hold in each)


def balanced_sample(labels: Sequence[str], n: int, seed: int) -> list[int]:
    """Up to n indices, round-robin over classes (rare classes fully in), deterministic."""
    rng = random.Random(seed)
    by: dict[str, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        by[lab].append(i)
    for idx in by.values():
        rng.shuffle(idx)
    out: list[int] = []
    pools = [by[k] for k in sorted(by)]
    depth = 0
    while len(out) < n and any(depth < len(p) for p in pools):
        for p in pools:
            if depth < len(p) and len(out) < n:
                out.append(p[depth])
        depth += 1
    return sorted(out)


def _right(items: Sequence[RuleItem], theta: float | None) -> int:
    n = 0
    for it in items:
        final = it.predicted if (theta is not None and it.predicted and it.predicted != it.rule
                                 and it.margin >= theta) else it.rule
        n += final == it.gold
    return n


def beyond_chance(wins: int, losses: int) -> bool:
    """A sign test (McNemar) at about two standard deviations: of the events a change of
    decision affects, it must fix clearly more than it breaks (wins − losses ≥ Z·√(wins + losses))."""
    return wins > losses and wins - losses >= Z * math.sqrt(wins + losses)


def _final(it: RuleItem, theta: float | None) -> str | None:
    if theta is not None and it.predicted and it.predicted != it.rule and it.margin >= theta:
        return it.predicted
    return it.rule


def _changes(items: Sequence[RuleItem], theta: float, base: float | None = None) -> tuple[int, int]:
    """(wins, losses) of moving from threshold `base` (None = the rules) to θ: events the
    move makes right / makes wrong."""
    wins = losses = 0
    for it in items:
        before, after = _final(it, base), _final(it, theta)
        if before != after:
            wins += after == it.gold
            losses += before == it.gold
    return wins, losses


def by_source(items: Sequence[RuleItem]) -> list[list[RuleItem]]:
    """The items of each source with at least MIN_GROUP of them (only when there are several
    sources: with one, the pooled choice is that source's). Items without a source (the
    invented no-label items) are not a source: they only ever lose when a label is filled in,
    so as one they would veto every step; they weigh in the pooled count instead."""
    groups: dict[str, list[RuleItem]] = defaultdict(list)
    for it in items:
        if it.source:
            groups[it.source].append(it)
    if len(groups) < 2:
        return []
    return [g for _, g in sorted(groups.items()) if len(g) >= MIN_GROUP]


def best_threshold(items: Sequence[RuleItem]) -> tuple[float | None, int]:
    """From the rules towards lower thresholds (more overrides), step by step: a lower θ is
    taken only when it gets more events right than the current choice *and* that gain is
    beyond chance (`beyond_chance` on the events the step changes) — a policy chosen on a few
    dozen events per class must not follow noise, and each extra step of trust in the
    classifier needs its own evidence — *and* it loses events on no source (`by_source`).
    Ties keep the higher threshold (fewer overrides)."""
    best: tuple[float | None, int] = (None, _right(items, None))
    parts = by_source(items)
    for theta in THRESHOLDS[1:]:
        assert theta is not None
        r = _right(items, theta)
        if (r > best[1] and beyond_chance(*_changes(items, theta, best[0]))
                and all(w >= l for w, l in (_changes(g, theta, best[0]) for g in parts))):
            best = (theta, r)
    return best


UNKNOWN = "keep rules (the classifier has no training rows of this class)"


def _per_class(items: Sequence[RuleItem], unknown: frozenset[str] = frozenset()
               ) -> tuple[dict[str, float | None], dict[str, dict[str, Any]]]:
    groups: dict[str, list[RuleItem]] = defaultdict(list)
    for it in items:
        groups[it.rule if it.rule is not None else NONE].append(it)
    by_rule: dict[str, float | None] = {}
    evidence: dict[str, dict[str, Any]] = {}
    for key in sorted(groups):
        g = groups[key]
        theta = best_threshold(g)[0] if len(g) >= MIN_GROUP and key not in unknown else None
        by_rule[key] = theta
        evidence[key] = {"events": len(g), "rules_right": _right(g, None),
                         "model_right": sum(it.predicted == it.gold for it in g),
                         "hybrid_right": _right(g, theta),
                         "decision": UNKNOWN if key in unknown else
                         "keep rules" if theta is None else f"classifier if margin ≥ {theta}"}
        if any(it.gold is None for it in g):
            evidence[key]["no_label_items"] = sum(it.gold is None for it in g)
    for key in sorted(unknown - set(groups)):
        by_rule[key] = None
        evidence[key] = {"events": 0, "rules_right": 0, "model_right": 0, "hybrid_right": 0,
                         "decision": UNKNOWN}
    return by_rule, evidence


def choose_policy(items: Sequence[RuleItem], unknown: Sequence[str] = ()) -> dict[str, Any]:
    """{'default': θ, 'by_rule': {rule class: θ or None}, 'by_rule_low': the same for rule
    events below LOW_CONFIDENCE (only classes with ≥ MIN_GROUP such events), 'evidence' and
    'evidence_low': per-class counts}. Rule classes in `unknown` (labels the classifier has no
    training rows of) keep the rules, sampled or not: the pooled default never reaches them."""
    unknown_set = frozenset(unknown)
    # the default is for rule *labels* without evidence: no-label items (rule None) are not
    # among them, and would drag it towards keeping the rules everywhere
    default, _ = best_threshold([it for it in items if it.gold is not None])
    by_rule, evidence = _per_class(items, unknown_set)
    low_rule, low_evidence = _per_class([it for it in items if it.confidence < LOW_CONFIDENCE], unknown_set)
    keep = {k for k, e in low_evidence.items() if e["events"] >= MIN_GROUP}
    return {"default": default, "by_rule": by_rule, "evidence": evidence,
            "by_rule_low": {k: v for k, v in low_rule.items() if k in keep},
            "evidence_low": {k: v for k, v in low_evidence.items() if k in keep}}


def rule_items(texts: Sequence[str], golds: Sequence[str], predicted: Sequence[str],
               margins: Sequence[float],
               rule_labels: Callable[[list[str]], list[list[tuple[str | None, float]]]],
               short: Sequence[bool] | None = None, sources: Sequence[str] | None = None
               ) -> tuple[list[RuleItem], list[RuleItem], int]:
    """RuleItems of single-event documents (`rule_labels` gives, per text, the rule events'
    (label, confidence)); the items of the documents in which the rules
    found no event at all (rule None: what the no-event fallback is chosen on; only those
    `short` marks, when given); and how many documents got several."""
    items: list[RuleItem] = []
    empty: list[RuleItem] = []
    several = 0
    flags = list(short) if short is not None else [True] * len(texts)
    srcs = list(sources) if sources is not None else [""] * len(texts)
    for labs, g, p, m, s, src in zip(rule_labels(list(texts)), golds, predicted, margins, flags, srcs):
        if not labs:
            if s:
                empty.append(RuleItem(None, g, p, m, source=src))
        elif len(labs) > 1:
            several += 1
        else:
            items.append(RuleItem(labs[0][0], g, p, m, labs[0][1], src))
    return items, empty, several


def fallback_gain(items: Sequence[RuleItem], theta: float) -> tuple[int, int]:
    """(right, wrong) events the fallback would add at margin threshold θ."""
    fired = [it for it in items if it.predicted and it.margin >= theta]
    right = sum(it.predicted == it.gold for it in fired)
    return right, len(fired) - right


def _net(items: Sequence[RuleItem], theta: float | None) -> int:
    if theta is None:
        return 0
    right, wrong = fallback_gain(items, theta)
    return right - wrong


def fallback_threshold(items: Sequence[RuleItem], negatives: Sequence[RuleItem] = ()) -> dict[str, Any]:
    """The no-event fallback's threshold, chosen on training documents the rules found no event
    in (`items`) and texts that report no event (`negatives`, where any added event is wrong):
    each event it adds is a true positive when right and a false positive when wrong, so θ
    maximises right − wrong; none (no fallback) unless that is positive on ≥ MIN_GROUP
    documents and beyond chance (`beyond_chance`). Ties go to the highest threshold (fewest
    added events). With documents of several sources, no step to a lower θ may lose on any
    source's documents (`by_source`)."""
    pooled = list(items) + list(negatives)
    parts = by_source(items)
    theta: float | None = None
    if len(pooled) >= MIN_GROUP:
        for t in THRESHOLDS[1:]:
            assert t is not None
            right, wrong = fallback_gain(pooled, t)
            if (right - wrong > _net(pooled, theta) and beyond_chance(right, wrong)
                    and all(_net(g, t) >= _net(g, theta) for g in parts)):
                theta = t
    right, wrong = fallback_gain(pooled, theta) if theta is not None else (0, 0)
    return {"threshold": theta, "documents": len(pooled), "right": right, "wrong": wrong,
            "decision": "no fallback" if theta is None else f"classifier event if margin ≥ {theta}"}


__all__ = ["THRESHOLDS", "MIN_GROUP", "UNKNOWN", "RuleItem", "balanced_sample", "best_threshold", "by_source",
           "choose_policy", "rule_items", "beyond_chance", "Z", "fallback_gain", "fallback_threshold"]
