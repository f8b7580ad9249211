"""Evaluation gate (DESIGN practice 7): dev-set scores must not fall below eval/baseline.json.

Each dataset is scored on its whole dev file (or the deterministic `sample` the baseline
names) with the real pipeline. Raising floors: docs/evaluation.md.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from wirecoder.evaluate import check, evaluate_files, load_baseline

BASELINE = Path(__file__).resolve().parents[1] / "eval" / "baseline.json"

# The headline metrics every dataset's floors must cover (issue 3's gate list).
HEADLINE: dict[str, set[str]] = {
    "seed": {"events.f1", "claims.f1", "quotes.f1", "related.f1"},
    "plover-gsr": {"events.f1"},
    "petr2-gsr": {"events.f1"},
    "acled-gaza": {"acled.sub_event", "acled.date", "acled.location", "acled.fatalities"},
    "case2021-task2": {"acled.sub_event"},
    "polnear": {"quotes.recall", "quotes.speaker"},
    "cnn-full": {"events.precision", "events.recall"},
}


def _datasets() -> list[str]:
    return list(json.loads(BASELINE.read_text(encoding="utf-8"))["datasets"])


def test_baseline_covers_the_headline_metrics() -> None:
    base = load_baseline(BASELINE)
    for name, metrics in HEADLINE.items():
        floors = base["datasets"][name]["floors"]
        assert metrics <= set(floors), f"{name}: no floor for {sorted(metrics - set(floors))}"
        assert all(0.0 <= v <= 1.0 for v in floors.values()), name


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("dataset", _datasets())
def test_dev_scores_reach_their_floors(dataset: str, shared_dir: Path, pipeline) -> None:
    base = load_baseline(BASELINE)
    entry = base["datasets"][dataset]
    gold = shared_dir / "eval" / "dev" / entry["file"]
    errors: list[str] = []
    t0 = time.perf_counter()
    results = evaluate_files([gold], pipeline=pipeline, progress=False,
                             sample=entry.get("sample"), on_error=errors.append)
    elapsed = time.perf_counter() - t0
    assert not errors, errors[:5]
    assert dataset in results, f"{gold} holds no documents of dataset {dataset!r}"
    short = check({dataset: results[dataset]}, {"datasets": {dataset: entry}})
    got = {m: results[dataset].metrics().get(m) for m in entry["floors"]}
    print(f"\n{dataset}: {results[dataset].docs} docs in {elapsed:.1f} s: {got}")
    assert not short, "below floor: " + "; ".join(map(str, short))
