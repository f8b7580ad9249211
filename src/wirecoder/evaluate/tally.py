"""Counts that add up across documents (micro-averaging): P/R/F1 counts and accuracies."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def ratio(num: int, den: int) -> float | None:
    """num/den; 0/0 is None (SPEC: "0/0 is null")."""
    return num / den if den else None


@dataclass
class PRF:
    """True positives, false positives, false negatives. `recall_only` parts add no fp."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


@dataclass
class Acc:
    """How many scored items were right, out of how many."""

    right: int = 0
    total: int = 0

    def add(self, other: Acc) -> None:
        self.right += other.right
        self.total += other.total

    def score(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return ratio(self.right, self.total)


@dataclass
class Tallies:
    """Named PRF and Acc counts; `prf["events"]`, `acc["events.date"]` …"""

    prf: dict[str, PRF] = field(default_factory=dict)
    acc: dict[str, Acc] = field(default_factory=dict)
    # What went wrong in one document ("events: missed gold #2 CONSULT" …), for --documents;
    # not summed by `add` (a dataset's notes would be unreadably long).
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        self.notes.append(text)

    def p(self, name: str) -> PRF:
        return self.prf.setdefault(name, PRF())

    def a(self, name: str) -> Acc:
        return self.acc.setdefault(name, Acc())

    def add(self, other: Tallies) -> None:
        for k, prf in other.prf.items():
            self.p(k).add(prf)
        for k, acc in other.acc.items():
            self.a(k).add(acc)

    def metrics(self) -> dict[str, float | None]:
        """Flat metric names → values: `events.f1`, `events.precision`, `quotes.speaker` …"""
        out: dict[str, float | None] = {}
        for k, v in sorted(self.prf.items()):
            out[f"{k}.precision"] = v.precision
            out[f"{k}.recall"] = v.recall
            out[f"{k}.f1"] = v.f1
        for k, acc in sorted(self.acc.items()):
            out[k] = acc.value
        return out

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, Any]] = {}
        for k, v in sorted(self.prf.items()):
            out[k] = {"tp": v.tp, "fp": v.fp, "fn": v.fn}
        for k, acc in sorted(self.acc.items()):
            out[k] = {"right": acc.right, "total": acc.total}
        return out


__all__ = ["PRF", "Acc", "Tallies", "ratio"]
