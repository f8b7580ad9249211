"""Store: idempotent batch writes, parts in their tables, queries with filters, readers."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from wirecoder.errors import StoreError
from wirecoder.store import Filters, Store, open_reader

_spec = importlib.util.spec_from_file_location(
    "corpus_build", Path(__file__).parent / "fixtures" / "corpus" / "build.py")
B = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(B)  # type: ignore[union-attr]


def _reports():
    army = B.actor("a1", "Northland Army", "organization", "NRL", "MIL")
    town = B.actor("a2", "Riverton residents", "population", "SLD", "CVL")
    ministry = B.actor("a3", "Southland Health Ministry", "organization", "SLD", "HLH")
    r1 = B.report("art-1", "2031-03-04", outlet="Daily Invented",
                  actors=[army, town, ministry],
                  events=[B.event("e1", "ASSAULT", "2031-03-03", actor_ids=["a1"],
                                  recipient_ids=["a2"], place="Riverton", country="SLD",
                                  lat=10.0, lon=20.0, mode="aerial", dead=4)],
                  claims=[B.claim("c1", "killed", 4, "2031-03-03", claimant="a3",
                                  claimant_text="the health ministry", country="SLD")],
                  quotes=[B.quote("q1", "We will rebuild the bridge", speaker="a3")])
    r2 = B.report("art-2", "2031-03-05", actors=[B.actor("a1", "Southland Government", "state",
                                                         "SLD", "GOV")],
                  events=[B.event("e1", "CONSULT", "2031-03-05", country="SLD")])
    return [r1, r2]


def test_write_is_idempotent_and_fills_every_table(tmp_path):
    db = tmp_path / "w.duckdb"
    with Store(db) as s:
        assert s.write_reports(_reports(), "run1") == 2
        first = s.counts()
        assert s.write_reports(_reports(), "run2") == 0  # same ids: nothing added
        assert s.counts() == first
        assert s.has_article("art-1") and not s.has_article("art-9")
    assert first["articles"] == 2 and first["events"] == 2 and first["claims"] == 1
    assert first["quotes"] == 1 and first["actors"] == 4 and first["mentions"] == 4
    assert first["event_actors"] == 3  # actor+recipient, actor


def test_duplicate_in_one_batch_and_replace(tmp_path):
    r = _reports()[0]
    with Store(tmp_path / "d.duckdb") as s:
        assert s.write_reports([r, r], "x") == 1
        r2 = r.model_copy(deep=True)
        r2.events[0].dead = 7
        assert s.write_reports([r2], "y", replace=True) == 1
        assert s.counts()["events"] == 1
        assert s.query_events().records()[0]["dead"] == 7


def test_queries_and_filters(tmp_path):
    with Store(tmp_path / "q.duckdb") as s:
        s.write_reports(_reports(), "r")
        ev = s.query_events(Filters(type="assault")).records()
        assert len(ev) == 1 and ev[0]["actors"] == "Northland Army"
        assert ev[0]["recipients"] == "Riverton residents" and ev[0]["country"] == "SLD"
        assert len(s.query_events(Filters(actor="northland"))) == 1
        assert len(s.query_events(Filters(country="SLD"))) == 2
        assert len(s.query_events(Filters(since="2031-03-04"))) == 1
        assert len(s.query_events(Filters(until="2031-03-04"))) == 1
        assert len(s.query_events(Filters(status="negated"))) == 0
        cl = s.query_claims(Filters(claimant="health", quantity="killed")).records()
        assert cl[0]["claimant"] == "Southland Health Ministry" and cl[0]["value"] == 4
        assert len(s.query_claims(Filters(claimant="army"))) == 0
        names = {r["name"] for r in s.query_actors().records()}
        assert names == {"Northland Army", "Riverton residents", "Southland Health Ministry",
                         "Southland Government"}
        assert len(s.query_actors(Filters(type="state"))) == 1
        assert s.query_quotes(Filters(claimant="ministry")).records()[0]["cue"] == "said"


def test_reader_is_read_only_and_missing_db_is_a_coded_error(tmp_path):
    db = tmp_path / "r.duckdb"
    Store(db).write_reports(_reports(), "r")
    with open_reader(db) as r:
        assert r.counts()["articles"] == 2
        with pytest.raises(duckdb.Error):
            r.query("DELETE FROM articles")
    with pytest.raises(StoreError) as e:
        open_reader(tmp_path / "nope.duckdb", retry=0.1).counts()
    assert "E300" in str(e.value)


def test_reader_waits_for_a_writer_between_batches(tmp_path):
    """A writer process holds the file for a moment; open_reader retries until it is free."""
    db = tmp_path / "lock.duckdb"
    Store(db).close()
    hold = ("import duckdb,time,sys; c=duckdb.connect(sys.argv[1]); print('held', flush=True);"
            "time.sleep(1.5); c.close()")
    p = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "held"
    with pytest.raises(StoreError):
        open_reader(db, retry=0.2).counts()
    with open_reader(db, retry=10) as r:
        assert r.counts()["articles"] == 0
    p.wait(timeout=10)
