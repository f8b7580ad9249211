"""`wirecoder watch` end to end: a real HTTP server on 127.0.0.1 whose feed changes between
polls (and one that fails), a folder written while watching, a JSONL file that grows, the
real model and DuckDB file. Invented texts only."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from wirecoder.errors import UsageError
from wirecoder.store import open_reader
from wirecoder.watch import SourceSpec, parse_interval, parse_source, run_watch
from wirecoder.watch.feeds import backoff_delay

pytestmark = pytest.mark.model
WIRECODER = [sys.executable, "-c", "from wirecoder.cli import main; main()"]

STORY = {
    "a": ("Soldiers fired on protesters in Bamako on Friday, killing 4 people, "
          "a hospital official said."),
    "b": ("Rebels seized the town of Menaka in northern Mali on Saturday, the army said."),
    "c": ("Police arrested 30 students in Dakar on Monday after a march, a rights group said."),
}


def rss(items: list[str]) -> bytes:
    entries = "".join(
        f"<item><title>Story {k}</title><link>https://news.invalid/{k}</link>"
        f"<guid>https://news.invalid/{k}</guid><pubDate>Fri, 06 Jun 2031 10:00:00 GMT</pubDate>"
        f"<description>{STORY[k]}</description></item>" for k in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Invented Wire</title>'
            f"<link>https://news.invalid/</link>{entries}</channel></rss>").encode()


class FeedServer:
    """A real HTTP server on 127.0.0.1: /good.xml honours If-None-Match (304), /bad.xml fails."""

    def __init__(self) -> None:
        self.body = rss(["a"])
        self.etag = '"v1"'
        self.log: list[tuple[str, int, float]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/good.xml":
                    if self.headers.get("If-None-Match") == outer.etag:
                        code, body = 304, b""
                    else:
                        code, body = 200, outer.body
                else:
                    code, body = 500, b"boom"
                outer.log.append((self.path, code, time.monotonic()))
                self.send_response(code)
                if code == 200:
                    self.send_header("ETag", outer.etag)
                    self.send_header("Last-Modified", formatdate(usegmt=True))
                    self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def publish(self, items: list[str], etag: str) -> None:
        self.body, self.etag = rss(items), etag

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Watcher:
    """The real `wirecoder watch` in a subprocess, stopped with SIGTERM on exit (it finishes
    its current batch and exits 0). A subprocess, not a thread: DuckDB refuses a read-only
    and a read-write connection to one file in the same process, and the test reads."""

    def __init__(self, sources: list[str], db: Path, *args: str) -> None:
        self.cmd = [*WIRECODER, "watch", *sources, "--db", str(db), "--settle", "0.3", *args]
        self.failures: list[str] = []
        self.stopped = ""

    def __enter__(self) -> Watcher:
        self.proc = subprocess.Popen(self.cmd, stderr=subprocess.PIPE, text=True,
                                     env=dict(os.environ, PYTHONUNBUFFERED="1"))
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.send_signal(signal.SIGTERM)
        _, err = self.proc.communicate(timeout=60)
        lines = [ln.removeprefix("wirecoder: ") for ln in err.splitlines()]
        self.failures = [ln for ln in lines if not ln.startswith("watch")]
        self.stopped = next((ln for ln in lines if ln.startswith("watch stopped")), "")
        if exc[0] is None:
            assert self.proc.returncode == 0, err


def wait_for(db: Path, sql: str, want: Any, timeout: float = 60) -> Any:
    """Poll the store (read-only, between the watcher's batches) until `sql` gives `want`."""
    deadline, got = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        time.sleep(0.3)
        if not db.exists():
            continue
        try:
            with open_reader(db, retry=0.5) as r:
                got = r.query(sql).rows[0][0]
        except Exception:  # noqa: BLE001 - the table may not exist yet, or the writer holds it
            continue
        if got == want:
            return got
    raise AssertionError(f"{sql} → {got!r}, wanted {want!r} within {timeout}s")


def test_feed_changes_between_polls_failing_feed_backs_off_folder_written_meanwhile(tmp_path):
    db, inbox = tmp_path / "news.duckdb", tmp_path / "inbox"
    inbox.mkdir()
    with FeedServer() as srv, Watcher([f"{srv.url}/good.xml@0.5s", f"{srv.url}/bad.xml@0.5s",
                                       str(inbox)], db) as w:
        wait_for(db, "SELECT count(*) FROM articles", 1)
        time.sleep(1.5)  # a few polls of an unchanged feed: 304s, nothing extracted again
        srv.publish(["b", "a"], '"v2"')  # one new entry on top, the old one still listed
        wait_for(db, "SELECT count(*) FROM articles", 2)
        # a file dropped into the watched folder while the feeds are polled
        (inbox / ".draft.txt").write_text("A hidden draft is never read.")
        part = inbox / "c.txt.part"
        part.write_text(STORY["c"][:20])
        part.rename(inbox / "c.txt")
        (inbox / "c.txt").write_text(STORY["c"])
        wait_for(db, "SELECT count(*) FROM articles", 3)
        time.sleep(1.0)
    with open_reader(db) as r:
        rows = r.query("SELECT url, source FROM articles ORDER BY url NULLS LAST").rows
        keys = dict(r.query("SELECT key, state FROM watch_state").rows)
        runs = r.query("SELECT engine, status, articles FROM ingest_runs").rows
    assert [u for u, _ in rows] == ["https://news.invalid/a", "https://news.invalid/b", None]
    assert rows[2][1].endswith("c.txt")
    assert json.loads(keys[f"feed:{srv.url}/good.xml"])["etag"] == '"v2"'
    assert runs == [("watch", "done", 3)]
    good = [c for p, c, _ in srv.log if p == "/good.xml"]
    bad = [t for p, _, t in srv.log if p == "/bad.xml"]
    assert good.count(304) >= 1 and good.count(200) == 2  # conditional GET: fetched on change only
    # backoff: after the n-th failure the failing feed waits 0.5 s × 2^n (1, 2, 4 s …); a busy
    # machine only lengthens the gaps, so they are checked from below
    gaps = [b - a for a, b in zip(bad, bad[1:])]
    assert len(bad) >= 2 and all(g >= 0.5 * 2 ** n - 0.2 for n, g in enumerate(gaps, 1)), gaps
    assert len(w.failures) == len(bad) and all("[E108]" in f and "HTTP 500" in f and
                                               "retrying in" in f for f in w.failures)
    # entry a listed again in the new feed: skipped by its link, not extracted again
    assert "3 stored" in w.stopped and "0 already stored" not in w.stopped, w.stopped


def test_growing_jsonl_reads_only_new_lines_and_resumes_from_the_saved_offset(tmp_path):
    db, log = tmp_path / "news.duckdb", tmp_path / "wire.jsonl"

    def append(*records: str) -> None:
        with log.open("a", encoding="utf-8") as f:
            for r in records:
                f.write(r)

    append(json.dumps({"id": "w1", "published": "2031-06-01", "text": STORY["a"]}) + "\n")
    with Watcher([str(log)], db):
        wait_for(db, "SELECT count(*) FROM articles", 1)
        append("{broken\n", json.dumps({"id": "w2", "text": STORY["b"]}) + "\n",
               '{"id": "w3", "text": "half a li')  # a line still being written: not read yet
        wait_for(db, "SELECT count(*) FROM articles", 2)
        time.sleep(0.5)
    with open_reader(db) as r:
        state = json.loads(r.query("SELECT state FROM watch_state").rows[0][0])
        sources = dict(r.query("SELECT article_id, source FROM articles").rows)
    assert state["line"] == 3 and state["offset"] == log.stat().st_size - len('{"id": "w3", "text": "half a li')
    assert sources == {"w1": f"{log}:1", "w2": f"{log}:3"}
    # the line is finished while nobody watches; the next run reads that line only
    append('ne"}\n')
    summary = run_watch([str(log)], str(db), stop=threading.Event(), once=True, merge=False)
    assert (summary.seen, summary.stored) == (1, 1)
    with open_reader(db) as r:
        assert r.counts()["articles"] == 3


def test_sources_and_intervals_are_parsed_and_bad_ones_refused(tmp_path):
    (tmp_path / "x.jsonl").write_text("")
    assert parse_source(str(tmp_path), 60) == SourceSpec("folder", str(tmp_path.resolve()))
    assert parse_source(str(tmp_path / "x.jsonl"), 60).kind == "tail"
    assert parse_source("https://news.invalid/rss@5m", 60) == SourceSpec(
        "feed", "https://news.invalid/rss", 300.0)
    assert parse_source("https://news.invalid/rss", 60).interval == 60
    assert parse_interval("1h") == 3600 and parse_interval("45") == 45
    for bad in ("0", "soon", "-5s"):
        with pytest.raises(UsageError):
            parse_interval(bad)
    with pytest.raises(UsageError):
        parse_source(str(tmp_path / "missing"), 60)
    assert [backoff_delay(60, n) for n in (1, 2, 3)] == [120, 240, 480]
    assert backoff_delay(60, 20) == 3600 and backoff_delay(60, 1, retry_after=900) == 900


def test_a_url_list_in_a_watched_folder_is_reported_not_fetched(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "links.txt").write_text("http://127.0.0.1:9/never\n")
    failures: list[str] = []
    summary = run_watch([str(inbox)], str(tmp_path / "n.duckdb"), stop=threading.Event(),
                        once=True, settle=0, on_failure=lambda f: failures.append(str(f)))
    assert summary.stored == 0 and len(failures) == 1
    assert "does not fetch URLs found in files" in failures[0]
