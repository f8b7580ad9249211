"""Live use: `wirecoder serve` stays up while a writer adds articles; both work at once and new
events show up in the API and the dashboard without a restart."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "api"
sys.path.insert(0, str(FIXTURES))
import fixture_db

from wirecoder.api import create_app

WIRECODER = Path(sys.executable).parent / "wirecoder"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # Playwright's waits evaluate strings


def writer(db: Path, batches: int, per: int, pause: float) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            str(FIXTURES / "live_writer.py"),
            str(db),
            str(batches),
            str(per),
            str(pause),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_api_answers_while_a_writer_adds_batches(tmp_path: Path) -> None:
    db = fixture_db.build_db(tmp_path / "live.duckdb")
    with (
        fixture_db.ServerThread(create_app(db)) as srv,
        httpx.Client(base_url=srv.url, timeout=20) as c,
    ):
        start = c.get("/api/stats").json()["events"]
        proc = writer(db, batches=6, per=3, pause=0.15)
        seen, codes = [], []
        while proc.poll() is None:
            for url in ("/api/stats", "/api/events?limit=5", "/api/events?type=ASSAULT&limit=200"):
                r = c.get(url)
                codes.append(r.status_code)
                if url == "/api/stats" and r.status_code == 200:
                    seen.append(r.json()["events"])
            time.sleep(0.03)
        out, errs = proc.communicate()
        assert proc.returncode == 0, errs
        assert out.split() == [w for b in range(6) for w in ("batch", str(b))]
        final = c.get("/api/stats").json()["events"]
        assert final == start + 18
        assert codes.count(200) == len(codes), codes  # never a lock error while writing
        assert seen == sorted(seen)  # counts only grow: each batch lands whole
        assert len(set(seen)) >= 3  # intermediate states were served: live, not only at the end
        new = c.get("/api/events?actor=Lowfield%20Militia&limit=100").json()["items"]
        assert len(new) == 18 and all(e["type"] == "ASSAULT" for e in new)


@pytest.mark.browser
def test_dashboard_shows_new_events_without_reload(tmp_path: Path, page) -> None:
    db = fixture_db.build_db(tmp_path / "live.duckdb")
    with fixture_db.ServerThread(create_app(db)) as srv:
        page.goto(srv.url + "/?poll=300")
        page.wait_for_selector("body[data-ready='1']", timeout=20000)
        assert page.text_content("[data-stat=events] b") == "8"
        proc = writer(db, batches=2, per=2, pause=0.1)
        assert proc.wait(timeout=60) == 0, proc.stderr.read()
        page.wait_for_function(
            "document.querySelector('[data-stat=events] b').textContent === '12'", timeout=15000
        )
        page.wait_for_selector("#events tr[data-uid='live-001-01:e1']", timeout=15000)
        # the new place is on the map (a marker of its own: clusters carry their one country)
        page.wait_for_selector("#map g.cluster[data-country='SSD'] circle.dot", timeout=15000)


@pytest.mark.model
@pytest.mark.slow
def test_real_ingest_while_serving(tmp_path: Path) -> None:
    """The real `wirecoder ingest` (model and all) into the file a running server reads."""
    db = fixture_db.build_db(tmp_path / "live.duckdb")
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w") as f:
        for i in range(6):
            f.write(
                json.dumps(
                    {
                        "id": f"ing-{i}",
                        "published": "2031-06-0" + str(i + 1),
                        "text": f"Soldiers fired on protesters in Bamako on Friday, killing "
                        f"{i + 3} people, a hospital official said.",
                    }
                )
                + "\n"
            )
    with (
        fixture_db.ServerThread(create_app(db)) as srv,
        httpx.Client(base_url=srv.url, timeout=20) as c,
    ):
        before = c.get("/api/stats").json()["articles"]
        proc = subprocess.Popen(
            [
                str(WIRECODER),
                "ingest",
                str(corpus),
                "--db",
                str(db),
                "--batch-size",
                "2",
                "--quiet",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        codes = []
        while proc.poll() is None:
            codes.append(c.get("/api/stats").status_code)
            time.sleep(0.1)
        assert proc.returncode == 0, proc.stderr.read()
        assert set(codes) <= {200}
        assert c.get("/api/stats").json()["articles"] == before + 6
        assert c.get("/api/articles/ing-3").json()["published"] == "2031-06-04"


def test_writer_gets_in_under_steady_reads(tmp_path: Path) -> None:
    """Four clients reading back to back never leave the file idle; the connection's max age
    and the writer's window still let every batch commit."""
    import threading

    db = fixture_db.build_db(tmp_path / "busy.duckdb")
    stop = threading.Event()
    codes: list[int] = []

    def hammer(base: str) -> None:
        with httpx.Client(base_url=base, timeout=20) as c:
            while not stop.is_set():
                codes.append(c.get("/api/events?limit=20").status_code)

    with fixture_db.ServerThread(create_app(db)) as srv:
        readers = [threading.Thread(target=hammer, args=(srv.url,)) for _ in range(4)]
        for t in readers:
            t.start()
        try:
            time.sleep(0.5)
            t0 = time.monotonic()
            proc = writer(db, batches=3, per=2, pause=0.0)
            _, errs = proc.communicate(timeout=60)
            took = time.monotonic() - t0
        finally:
            stop.set()
            for t in readers:
                t.join()
        assert proc.returncode == 0, errs
        assert took < 20, took
        assert codes and set(codes) == {200}
        assert httpx.get(srv.url + "/api/stats").json()["events"] == 8 + 6


def test_writer_gets_in_under_a_paced_poller(tmp_path: Path) -> None:
    """One client polling every 0.1 s: the spacing under which the real `wirecoder ingest`
    once timed out (each poll reopened the connection just before the writer's retry came
    round). The capped hold period gives the writer a window however requests are spaced."""
    db = fixture_db.build_db(tmp_path / "paced.duckdb")
    with fixture_db.ServerThread(create_app(db)) as srv, httpx.Client(
        base_url=srv.url, timeout=20
    ) as c:
        proc = writer(db, batches=4, per=1, pause=0.0)
        t0, codes = time.monotonic(), []
        while proc.poll() is None:
            codes.append(c.get("/api/stats").status_code)
            time.sleep(0.1)
        took = time.monotonic() - t0
        assert proc.returncode == 0, proc.stderr.read()
        assert took < 25 and set(codes) == {200}
        assert c.get("/api/stats").json()["events"] == 8 + 4
