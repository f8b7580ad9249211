"""The evaluation gate (DESIGN practice 7): pinned per-dataset floors in eval/baseline.json.

Format: {"datasets": {"<dataset>": {"file": "<gold file name>", "sample": null | N,
"floors": {"<metric>": <float>}}}}. A metric below its floor, or absent (None) while its
floor is above 0, fails the gate. Raising a floor is routine; lowering one needs a reason.
"""
from __future__ import annotations

import copy
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldError
from .score import DatasetScore

# Floating-point slack so a floor pinned from a printed value never fails on rounding.
EPS = 1e-9
# Floors sit this far under the measured value, so run-to-run noise never trips the gate.
MARGIN = 0.02


@dataclass(frozen=True)
class Shortfall:
    """One metric under its floor."""

    dataset: str
    metric: str
    value: float | None
    floor: float

    def __str__(self) -> str:
        got = "missing" if self.value is None else f"{self.value:.3f}"
        return f"{self.dataset} {self.metric}: {got} < floor {self.floor:.3f}"


def load_baseline(path: str | Path) -> dict[str, Any]:
    """The baseline file, checked for shape."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldError(f"cannot read baseline: {e}", source=str(p)) from None
    sets = data.get("datasets") if isinstance(data, dict) else None
    if not isinstance(sets, dict):
        raise GoldError("baseline needs a `datasets` object", source=str(p))
    for name, entry in sets.items():
        floors = entry.get("floors") if isinstance(entry, dict) else None
        if not isinstance(floors, dict) or not all(isinstance(v, (int, float)) for v in floors.values()):
            raise GoldError(f"dataset {name!r} needs `floors` of metric → number", source=str(p))
    return data


def check(results: Mapping[str, DatasetScore], baseline: Mapping[str, Any]) -> list[Shortfall]:
    """Every floor of the baseline that the results do not reach (a dataset that was not
    evaluated at all is a shortfall of each of its floors)."""
    out: list[Shortfall] = []
    for name, entry in baseline["datasets"].items():
        metrics = results[name].metrics() if name in results else {}
        for metric, floor in entry["floors"].items():
            value = metrics.get(metric)
            if (value is None and floor > 0) or (value is not None and value + EPS < floor):
                out.append(Shortfall(name, metric, value, float(floor)))
    return out


def pinned(value: float, margin: float = MARGIN) -> float:
    """A floor for a measured value: `margin` below it, rounded down to 2 decimals, ≥ 0."""
    return max(0.0, math.floor((value - margin) * 100 + 1e-6) / 100)


def raise_floors(results: Mapping[str, DatasetScore], baseline: Mapping[str, Any],
                 margin: float = MARGIN) -> tuple[dict[str, Any], list[str]]:
    """A copy of the baseline whose floors are raised to what was measured (minus `margin`);
    floors never go down here (lowering one is a deliberate hand edit with a reason)."""
    new = copy.deepcopy(dict(baseline))
    changes: list[str] = []
    for name, entry in new["datasets"].items():
        if name not in results:
            continue
        metrics = results[name].metrics()
        for metric, floor in entry["floors"].items():
            value = metrics.get(metric)
            if value is not None and pinned(value, margin) > floor:
                entry["floors"][metric] = pinned(value, margin)
                changes.append(f"{name} {metric}: {floor:.2f} → {entry['floors'][metric]:.2f}")
    return new, changes


def write_baseline(path: str | Path, baseline: Mapping[str, Any]) -> None:
    Path(path).write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


__all__ = [
    "MARGIN",
    "Shortfall",
    "check",
    "load_baseline",
    "pinned",
    "raise_floors",
    "write_baseline",
]
