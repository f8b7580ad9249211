"""Engines give the same store: process pool == one process, Ray Data == local."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from wirecoder.engine.local import run_ingest
from wirecoder.errors import OptionalDependencyMissing

_spec = importlib.util.spec_from_file_location(
    "corpus_build", Path(__file__).parent / "fixtures" / "corpus" / "build.py")
B = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(B)  # type: ignore[union-attr]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("eng") / "c.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(B.synthetic_article(i)) + "\n" for i in range(24))
    return p


@pytest.fixture(scope="module")
def local_db(corpus) -> Path:
    db = corpus.parent / "local.duckdb"
    s = run_ingest([str(corpus)], str(db), workers=1, batch_size=5)
    assert s.stored == 24 and s.ok
    return db


def test_pool_of_two_equals_one_process(corpus, local_db, tmp_path):
    db = tmp_path / "pool.duckdb"
    s = run_ingest([str(corpus)], str(db), workers=2, batch_size=5)
    assert s.stored == 24 and s.ok
    assert B.snapshot(db) == B.snapshot(local_db)
    assert len(B.snapshot(db)["events"]) > 0, "nothing extracted: the comparison is empty"


def test_limit_and_rerun_skip(corpus, tmp_path):
    db = tmp_path / "lim.duckdb"
    assert run_ingest([str(corpus)], str(db), limit=7, batch_size=3).stored == 7
    again = run_ingest([str(corpus)], str(db), batch_size=3)
    assert (again.seen, again.stored, again.skipped) == (24, 17, 7)


def test_ray_missing_is_a_coded_error(monkeypatch):
    from wirecoder.engine.ray import RayExtractor

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(OptionalDependencyMissing) as e:
        RayExtractor(workers=1)
    assert "pip install 'wirecoder[ray]'" in str(e.value) and "E011" in str(e.value)


@pytest.mark.ray
@pytest.mark.slow
def test_ray_engine_equals_local(corpus, local_db, tmp_path, monkeypatch):
    pytest.importorskip("ray")
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    db = tmp_path / "ray.duckdb"
    s = run_ingest([str(corpus)], str(db), engine="ray", workers=2, batch_size=5)
    assert s.stored == 24 and s.ok
    assert B.snapshot(db) == B.snapshot(local_db)
