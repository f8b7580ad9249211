"""Hostile input through `wirecoder ingest`: every good article stored, every bad input reported
with its file (and line) and reason, exit code 1, nothing else lost; long streams use bounded
memory."""
from __future__ import annotations

import json
import resource
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.engine.local import batched, iter_inputs, run_ingest
from wirecoder.store import Store, open_reader

pytestmark = pytest.mark.model


def _hostile_dir(d: Path) -> Path:
    d.mkdir()
    (d / "binary.dat").write_bytes(bytes(range(256)) * 64)
    (d / "empty.txt").write_text("")
    (d / "bad_utf8.txt").write_bytes(
        b"Soldiers clashed with protesters in Riverton on Monday, witnesses said. " * 2
        + b"\xff\xfe\xc3\x28 and then the text goes on.")
    line = "The council met again to discuss the harbour budget and the road repairs. "
    with open(d / "huge.txt", "w") as fh:                       # 20 MB in one "article"
        fh.write(line * (20_000_000 // len(line)))
    (d / "broken.html").write_text(
        "<html><head><title>Clash</title><body><div><p>Police arrested twelve demonstrators in "
        "Riverton on Tuesday after a march turned violent, officials said.<p>The march<div></span>")
    (d / "french.txt").write_text("Les policiers ont arrêté douze manifestants à Riverton mardi "
                                  "après une marche, ont indiqué les autorités locales.")
    with open(d / "corpus.jsonl", "w") as fh:
        fh.write(json.dumps({"id": "good-1", "text": "Police arrested ten protesters in Lakeside "
                                                     "on Friday, officials said."}) + "\n")
        fh.write("{this is not json\n")
        fh.write(json.dumps({"id": "no-text"}) + "\n")
        fh.write(json.dumps([1, 2, 3]) + "\n")
        fh.write(json.dumps({"id": "good-2", "text": "Rebels attacked an army post near "
                                                     "Stonefield on Sunday, the army said."}) + "\n")
    return d


def test_hostile_inputs_are_reported_and_the_rest_is_stored(tmp_path):
    d = _hostile_dir(tmp_path / "in")
    db = tmp_path / "h.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(d), "--db", str(db), "-q"])
    assert res.exit_code == 1
    out = res.output
    for where, code in (("binary.dat", "E102"), ("empty.txt", "E101"), ("huge.txt", "E103"),
                        ("corpus.jsonl:2", "E106"), ("corpus.jsonl:3", "E106"),
                        ("corpus.jsonl:4", "E106")):
        line = [x for x in out.splitlines() if f"{where}:" in x]
        assert line and code in line[0], (where, out)
    assert "Traceback" not in out
    with open_reader(db) as r:
        ids = {row[0] for row in r.query("SELECT source FROM articles").rows}
        runs = r.query("SELECT articles, failures, status FROM ingest_runs").rows
    names = {Path(s.split(":")[0]).name + (":" + s.split(":")[1] if ":" in s else "") for s in ids}
    assert names == {"bad_utf8.txt", "broken.html", "french.txt", "corpus.jsonl:1",
                     "corpus.jsonl:5"}
    assert runs == [(5, 6, "done")]


def _stream(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"id": f"s{i:06d}", "published": "2031-06-01",
                                 "text": f"Police detained {i % 50 + 2} people in Riverton."})
                     + "\n" for i in range(n))
    return path


@pytest.mark.slow
def test_100k_stream_reads_in_bounded_memory(tmp_path):
    """All 100,000 records go through the ingest read path (sources → articles → batches →
    store dedup); Python heap peak must not grow with the stream length. Full extraction of
    100k articles is too slow for 2 shared cores, so extraction is checked on a prefix below."""
    big = _stream(tmp_path / "big.jsonl", 100_000)
    store = Store(tmp_path / "r.duckdb")

    def peak(limit: int) -> tuple[int, int]:
        tracemalloc.start()
        n = 0
        for batch in batched((a for a in iter_inputs([str(big)], limit=limit)
                              if not hasattr(a, "error")), 256):
            store.existing_ids(a.id for a in batch)
            n += len(batch)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return n, top

    n_small, small = peak(10_000)
    n_all, full = peak(100_000)
    store.close()
    assert (n_small, n_all) == (10_000, 100_000)
    assert full < 1.5 * small + 2_000_000, (small, full)   # 10× the records, ~same peak


@pytest.mark.slow
def test_stream_with_extraction_keeps_rss_flat(tmp_path):
    """Extraction over a prefix of the stream: resident memory after 1,200 articles is close
    to that after the first 200 (the pool window and per-batch writes keep it bounded)."""
    big = _stream(tmp_path / "big.jsonl", 100_000)
    db = str(tmp_path / "x.duckdb")
    s1 = run_ingest([str(big)], db, limit=200, batch_size=64, merge=False)
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    s2 = run_ingest([str(big)], db, limit=1200, batch_size=64, merge=False)
    rss2 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert s1.stored == 200 and (s2.stored, s2.skipped) == (1000, 200)
    assert (rss2 - rss1) < 150_000, (rss1, rss2)          # KiB: < 150 MB growth
