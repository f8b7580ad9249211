"""Web inputs: an http(s) URL, or a URL file (one URL a line, `#` comments) as in SPEC §4
`wirecoder extract URL-FILE`. Each page is fetched once with a size cap and read by the same
readers as a file (HTML, feed, text …, sniffed by content); `article.source` is the URL."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import FetchError
from .stream import HEAD_BYTES, MARKUP_FACTOR, too_large

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
TIMEOUT_S = 20.0
USER_AGENT = "wirecoder (+https://pypi.org/project/wirecoder/)"


def is_url(source: str) -> bool:
    return _URL.match(source.strip()) is not None


def looks_like_url_list(head: bytes) -> bool:
    """Every non-blank, non-comment line of the head is an http(s) URL (at least one)."""
    lines = [ln.strip() for ln in head.decode("utf-8", "replace").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if len(head) >= HEAD_BYTES and lines:
        lines = lines[:-1]  # the last line may be cut off by the head limit
    return bool(lines) and all(is_url(ln) for ln in lines)


def iter_url_lines(stream: BinaryIO) -> Iterator[tuple[int, str]]:
    """(line number, URL) of a URL file; blank and `#` lines skipped."""
    for n, raw in enumerate(stream, start=1):
        line = raw.decode("utf-8", "replace").strip()
        if line and not line.startswith("#"):
            yield n, line


def fetch(url: str, *, max_bytes: int, timeout: float = TIMEOUT_S) -> tuple[BinaryIO, bytes, str]:
    """(body stream, its head, final URL after redirects). FetchError for a network or HTTP
    error, InputTooLarge past MARKUP_FACTOR × max_bytes (read in chunks, never whole)."""
    import httpx

    if not is_url(url):
        raise FetchError(f"not an http(s) URL: {url!r}.", source=url)
    limit = max_bytes * MARKUP_FACTOR
    try:
        with (
            httpx.Client(
                follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}.", source=url)
            body = bytearray()
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise too_large(url, f"more than {limit:,}", limit, "the page")
            final = str(resp.url)
    except httpx.HTTPError as e:
        raise FetchError(
            f"could not fetch it ({type(e).__name__}: {e}).",
            source=url,
            fix="Check the URL and the network, or save the page and give the file.",
        ) from None
    data = bytes(body)
    return io.BytesIO(data), data[:HEAD_BYTES], final


__all__ = ["fetch", "is_url", "iter_url_lines", "looks_like_url_list"]
