"""Pushed updates: /api/changes answers "anything new since X", /api/stream sends a `changed`
server-sent event when a writer commits, and the open dashboard (real headless Chromium, its
own polling switched off) shows the new event without a reload."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "api"
sys.path.insert(0, str(FIXTURES))
import fixture_db

from wirecoder.api import create_app


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # Playwright's waits evaluate strings


def write_batches(db: Path, batches: int, per: int) -> None:
    """The live tests' writer process: invented articles committed batch by batch."""
    proc = subprocess.run([sys.executable, str(FIXTURES / "live_writer.py"), str(db),
                           str(batches), str(per), "0.1"], capture_output=True, text=True, check=False,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr


def sse_events(resp: httpx.Response, want: int, out: list[tuple[str, dict[str, Any]]]) -> None:
    """Parse server-sent events from a streaming response until `want` have arrived."""
    name, data = "message", ""
    for line in resp.iter_lines():
        if line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data += line[5:].strip()
        elif line == "" and data:
            out.append((name, json.loads(data)))
            name, data = "message", ""
            if len(out) >= want:
                return


def test_changes_since_a_version_counts_what_came_after(tmp_path: Path) -> None:
    db = fixture_db.build_db(tmp_path / "live.duckdb")
    with fixture_db.ServerThread(create_app(db)) as srv, \
            httpx.Client(base_url=srv.url, timeout=20) as c:
        total = c.get("/api/stats").json()
        first = c.get("/api/changes", params={"since": 0}).json()
        assert first["new_articles"] == total["articles"] and first["changed"]
        assert first["new_events"] == total["events"] and first["version"] > 0
        v = first["version"]
        assert c.get("/api/changes", params={"since": v}).json() | {"version": v} == {
            **first, "since": v, "changed": False, "new_articles": 0, "new_events": 0}
        write_batches(db, batches=1, per=3)
        now = c.get("/api/changes", params={"since": v}).json()
        assert now["changed"] and now["version"] > v
        assert (now["new_articles"], now["new_events"]) == (3, 3)
        assert now["articles"] == total["articles"] + 3
        assert c.get("/api/changes", params={"since": -1}).status_code == 422


def test_stream_pushes_one_changed_event_per_commit_to_every_client(tmp_path: Path) -> None:
    db = fixture_db.build_db(tmp_path / "live.duckdb")
    app = create_app(db)
    app.state.live_stream_seconds = 60  # one stream each for the whole test (default: 5 s)
    with fixture_db.ServerThread(app) as srv:
        got: list[list[tuple[str, dict[str, Any]]]] = [[], []]
        clients = [httpx.Client(base_url=srv.url, timeout=30) for _ in got]
        streams = [c.stream("GET", "/api/stream") for c in clients]
        resps = [s.__enter__() for s in streams]
        try:
            assert all(r.headers["content-type"].startswith("text/event-stream") for r in resps)
            readers = [threading.Thread(target=sse_events, args=(r, 2, out), daemon=True)
                       for r, out in zip(resps, got)]
            for t in readers:
                t.start()
            deadline = time.monotonic() + 10
            while len(app.state.change_feed.queues) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(app.state.change_feed.queues) == 2  # both clients, one shared poller
            write_batches(db, batches=1, per=2)
            for t in readers:
                t.join(timeout=20)
        finally:
            for s in streams:
                s.__exit__(None, None, None)
            for c in clients:
                c.close()
        for events in got:
            assert [name for name, _ in events] == ["version", "changed"], events
            hello, change = events[0][1], events[1][1]
            assert change["previous"] == hello["version"] < change["version"]
            assert (change["new_articles"], change["new_events"]) == (2, 2)
            assert change["events"] == hello["events"] + 2


@pytest.mark.browser
def test_dashboard_shows_a_pushed_event_without_reload(tmp_path: Path, page) -> None:
    db = fixture_db.build_db(tmp_path / "live.duckdb")
    with fixture_db.ServerThread(create_app(db)) as srv:
        page.goto(srv.url + "/?poll=3600000")  # the dashboard's own poll: once an hour
        page.wait_for_selector("body[data-ready='1']", timeout=20000)
        page.wait_for_selector("body[data-live='1']", timeout=10000)  # stream connected
        assert page.text_content("[data-stat=events] b") == "8"
        page.evaluate("() => { window.__changed = new Promise(ok => document.addEventListener("
                      "'wirecoder:changed', e => ok(e.detail), {once: true})); }")
        write_batches(db, batches=1, per=2)
        detail = page.evaluate("Promise.race([window.__changed, new Promise((_, no) => "
                               "setTimeout(() => no(new Error('no wirecoder:changed')), 15000))])")
        assert detail["new_events"] == 2 and detail["events"] == 10
        page.wait_for_function(
            "document.querySelector('[data-stat=events] b').textContent === '10'", timeout=15000)
        page.wait_for_selector("#events tr[data-uid='live-000-01:e1']", timeout=15000)
        assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
        page.goto("about:blank")  # close the stream before the server stops
