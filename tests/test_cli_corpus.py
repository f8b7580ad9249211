"""End to end through the real CLI, model and DuckDB file: ingest (incl. SIGKILL halfway and a
resumed run), listings in every format, timeline, exports."""
from __future__ import annotations

import csv
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.errors import WirecoderError
from wirecoder.store import open_reader

_spec = importlib.util.spec_from_file_location(
    "corpus_build", Path(__file__).parent / "fixtures" / "corpus" / "build.py")
B = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(B)  # type: ignore[union-attr]

WIRECODER = [sys.executable, "-c", "from wirecoder.cli import main; main()"]
pytestmark = pytest.mark.model


class _Res:
    def __init__(self, code: int, output: str, stdout: str) -> None:
        self.exit_code, self.output, self.stdout = code, output, stdout


def _cli(args: list[str]) -> _Res:
    """Invoke like `wirecoder.cli.main`: a coded error becomes its exit code and message."""
    res = CliRunner().invoke(app, args)
    if isinstance(res.exception, WirecoderError):
        return _Res(res.exception.exit_code, res.output + str(res.exception), res.stdout)
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return _Res(res.exit_code, res.output, res.stdout)


def _corpus(path: Path, n: int, bad_lines: int = 0) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(B.synthetic_article(i)) + "\n")
            if i < bad_lines:
                fh.write("{not json\n")
    return path


def test_sigkill_halfway_then_rerun_equals_a_clean_run(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 240)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    cmd = WIRECODER + ["ingest", str(corpus), "--batch-size", "8", "-q"]
    assert subprocess.run(cmd + ["--db", str(clean)], env=env, timeout=300).returncode == 0

    p = subprocess.Popen(cmd + ["--db", str(killed)], env=env)
    stored, deadline = 0, time.monotonic() + 120
    while stored < 24 and time.monotonic() < deadline:   # 3 batches committed
        time.sleep(0.2)
        if killed.exists():
            try:
                with open_reader(killed, retry=0.5) as r:
                    stored = r.counts()["articles"]
            except Exception:  # noqa: BLE001 - the writer holds the file this instant
                pass
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    assert 24 <= stored

    with open_reader(killed) as r:               # the file opens after the kill
        partial = r.counts()["articles"]
        runs = r.query("SELECT status FROM ingest_runs").rows
    assert 24 <= partial < 240, "the kill came too late to test anything"
    assert runs == [("running",)]                 # the killed run is visible as unfinished
    assert partial % 8 == 0                       # only whole batches were committed

    assert subprocess.run(cmd + ["--db", str(killed)], env=env, timeout=300).returncode == 0
    a, b = B.snapshot(clean), B.snapshot(killed)
    assert a == b                                 # nothing missing, nothing duplicated
    assert len(a["articles"]) == 240 and len(set(a["events"])) == len(a["events"])


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("cli")
    corpus = _corpus(tmp / "small.jsonl", 30, bad_lines=2)
    db = tmp / "small.duckdb"
    res = _cli(["ingest", str(corpus), "--db", str(db), "-q"])
    assert res.exit_code == 1, res.output          # two malformed lines → exit 1 …
    assert "small.jsonl:2" in res.output and "E106" in res.output  # … each with file:line
    with open_reader(db) as r:
        assert r.counts()["articles"] == 30       # … and every good article stored
    res = _cli(["ingest", str(corpus), "--db", str(db)])
    assert "0 stored, 30 already stored, 2 failed" in res.output
    return db


@pytest.mark.parametrize("cmd", ["events", "claims", "actors", "quotes"])
def test_listings_in_every_format(small_db, tmp_path, cmd):
    base = [cmd, "--db", str(small_db)]
    table = _cli(base)
    assert table.exit_code == 0, table.output
    rows = _cli(base + ["--format", "jsonl"])
    recs = [json.loads(line) for line in rows.stdout.splitlines() if line.startswith("{")]
    out_csv = tmp_path / f"{cmd}.csv"
    assert _cli(base + ["-f", "csv", "-o", str(out_csv)]).exit_code == 0
    with open(out_csv, encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(recs)
    pq = tmp_path / f"{cmd}.parquet"
    assert _cli(base + ["-f", "parquet", "-o", str(pq)]).exit_code == 0
    assert duckdb.sql(f"SELECT count(*) FROM '{pq}'").fetchall()[0][0] == len(recs)
    bad = _cli(base + ["-f", "parquet"])
    assert bad.exit_code == 2 and "E001" in bad.output


def test_every_corpus_command_has_help():
    for cmd in ("ingest", "events", "claims", "actors", "quotes", "timeline", "export"):
        res = _cli([cmd, "--help"])
        assert res.exit_code == 0 and len(res.output) > 200, cmd
        doc = next(c for c in app.registered_commands if c.name == cmd).callback.__doc__
        assert doc and doc.strip(), cmd


def test_filters_and_usage_errors(small_db):
    allr = _cli(["actors", "--db", str(small_db), "-f", "jsonl"]).stdout
    names = [json.loads(x)["name"] for x in allr.splitlines() if x.startswith("{")]
    assert names, "extraction found no actor in 30 articles"
    some = _cli(["actors", "--db", str(small_db), "--actor", names[0], "-f", "jsonl"])
    got = [json.loads(x)["name"] for x in some.stdout.splitlines() if x.startswith("{")]
    assert got and all(names[0].lower() in g.lower() for g in got)
    assert _cli(["events", "--db", str(small_db), "--since", "yesterday"]).exit_code == 2
    missing = _cli(["events", "--db", str(small_db.parent / "none.duckdb")])
    assert missing.exit_code == 1 and "E300" in missing.output


def test_timeline_and_exports(small_db, tmp_path):
    tl = _cli(["timeline", "--db", str(small_db), "--quantity", "killed", "-f", "csv"])
    assert tl.exit_code == 0 and tl.stdout.startswith("as_of,quantity,scope,claimant,kind,value")
    pq, acled, plover = tmp_path / "events.parquet", tmp_path / "acled.csv", tmp_path / "plover.jsonl"
    for f in (pq, acled, plover):
        res = _cli(["export", "--db", str(small_db), "--to", str(f)])
        assert res.exit_code == 0, res.output
    with open_reader(small_db) as s:
        n_events = s.counts()["events"]
        n_acled = s.query("SELECT count(*) FROM merged_events WHERE acled_event_type IS NOT NULL "
                          "AND status IN ('occurred', 'ongoing')").rows[0][0]
    assert duckdb.sql(f"SELECT count(*) FROM '{pq}'").fetchall()[0][0] == n_events
    with open(acled, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # ACLED keeps only coded, occurred/ongoing events that are dated, placed and confident
    # enough (tests/test_export.py checks each rule)
    assert 0 < len(rows) <= n_acled
    assert all(r["event_date"] and r["location"] for r in rows)
    assert {"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
            "fatalities", "latitude", "geo_precision"} <= set(rows[0] if rows else
                                                             csv.DictReader(open(acled)).fieldnames)
    recs = [json.loads(x) for x in plover.read_text().splitlines()]
    assert len(recs) == n_events
    if recs:
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc",
                "event_text", "size", "cite_info"} <= set(recs[0])
    bad = _cli(["export", "--db", str(small_db), "--to", str(tmp_path / "x.bin")])
    assert bad.exit_code == 2
