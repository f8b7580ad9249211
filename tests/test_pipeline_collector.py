"""The collector setting a Pipeline makes (pipeline.tune_collector): a higher young-generation
threshold at Python's default, a process's own thresholds left alone."""
from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from wirecoder.pipeline import tune_collector


@pytest.fixture
def thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_default_threshold_is_raised_for_extraction(thresholds: None) -> None:
    gc.set_threshold(700, 10, 10)
    tune_collector()
    first, second, third = gc.get_threshold()
    assert first > 700
    assert (second, third) == (10, 10)


def test_a_process_own_thresholds_are_kept(thresholds: None) -> None:
    gc.set_threshold(1234, 5, 7)
    tune_collector()
    assert gc.get_threshold() == (1234, 5, 7)


def test_a_pipeline_sets_it(thresholds: None, pipeline) -> None:
    gc.set_threshold(700, 10, 10)
    type(pipeline)()  # the model is cached: a second Pipeline loads fast
    assert gc.get_threshold()[0] > 700
