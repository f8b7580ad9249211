"""URL inputs against a real HTTP server on 127.0.0.1 serving tests/fixtures/ingest."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wirecoder.errors import FetchError, InputTooLarge
from wirecoder.ingest import InputFailure, iter_articles
from wirecoder.schema import Article


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page.html")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture(scope="module")
def server(fixtures_dir: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(fixtures_dir / "ingest"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_is_fetched_and_read_by_content(server: str) -> None:
    (art,) = list(iter_articles(f"{server}/page.html"))
    assert isinstance(art, Article) and art.source == f"{server}/page.html"
    assert art.title == "Ministers agree to reopen the river crossing"
    assert "Kessel river crossing" in art.text
    feed = list(iter_articles(f"{server}/feed.rss"))
    assert [a.source for a in feed if isinstance(a, Article)] == [
        f"{server}/feed.rss#1",
        f"{server}/feed.rss#2",
    ]


def test_redirects_are_followed(server: str) -> None:
    (art,) = list(iter_articles(f"{server}/moved"))
    assert isinstance(art, Article) and art.source == f"{server}/moved"
    assert "Kessel river crossing" in art.text


def test_url_file(server: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(
        f"# pages to read\n{server}/page.html\n\n{server}/missing.html\n{server}/corpus.jsonl\n",
        encoding="utf-8",
    )
    got = list(iter_articles(urls))
    arts = [g for g in got if isinstance(g, Article)]
    fails = [g for g in got if isinstance(g, InputFailure)]
    assert [a.source for a in arts] == [
        f"{server}/page.html",
        f"{server}/corpus.jsonl:1",
        f"{server}/corpus.jsonl:2",
        f"{server}/corpus.jsonl:3",
    ]
    assert [a.id for a in arts[1:]] == ["doc-1", "doc-2", "doc-3"]
    (miss,) = fails
    assert miss.source == f"{server}/missing.html" and isinstance(miss.error, FetchError)
    assert "HTTP 404" in str(miss) and "[E108]" in str(miss)


def test_unreachable_and_oversized(server: str) -> None:
    # Port 9 on loopback (discard) is closed here: connection refused, at once and offline.
    (f,) = list(iter_articles("http://127.0.0.1:9/story.html"))
    assert isinstance(f, InputFailure) and isinstance(f.error, FetchError)
    (big,) = list(iter_articles(f"{server}/page.html", max_bytes=10))  # page cap is 32 × 10 bytes
    assert isinstance(big, InputFailure) and isinstance(big.error, InputTooLarge)
