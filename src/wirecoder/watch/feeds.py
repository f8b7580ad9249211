"""Feed URLs named on the command line, polled politely: conditional GET (ETag and
Last-Modified saved with the batch), one interval per feed, exponential backoff on errors
(Retry-After honoured), and entries whose link is stored already are never extracted again.
Only the feed itself is fetched; entry links are not followed."""
from __future__ import annotations

import email.utils
import io
import time
from typing import Any

from ..errors import FetchError, InputError
from ..ingest import InputFailure
from ..ingest.feed import read_feed
from ..ingest.fetch import TIMEOUT_S, USER_AGENT
from ..ingest.stream import MARKUP_FACTOR, resolve_max_bytes
from .sources import Pending

__all__ = ["MAX_BACKOFF_SECONDS", "FeedSource", "backoff_delay"]

MAX_BACKOFF_SECONDS = 3600.0


def backoff_delay(interval: float, failures: int, retry_after: float | None = None) -> float:
    """Seconds to wait after `failures` consecutive errors: interval × 2^failures, capped at an
    hour (or the interval, if longer); a server's Retry-After wins when it asks for more."""
    cap = max(MAX_BACKOFF_SECONDS, interval)
    delay = min(interval * (2 ** failures), cap)
    return max(delay, retry_after or 0.0)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class FeedSource:
    """One RSS/Atom feed URL, polled every `interval` seconds."""

    def __init__(self, url: str, interval: float, states: dict[str, dict[str, Any]], *,
                 published: str | None = None, timeout: float = TIMEOUT_S) -> None:
        self.url, self.interval, self.states = url, interval, states
        self.published, self.timeout = published, timeout
        self.key = f"feed:{url}"
        self.failures = 0
        self.next_due = 0.0  # monotonic; 0 = poll at once
        self.last_status = ""
        self.max_bytes = resolve_max_bytes()

    def due(self, now: float | None = None) -> bool:
        return (time.monotonic() if now is None else now) >= self.next_due

    def _fail(self, error: InputError, retry_after: float | None = None) -> list[Pending]:
        self.failures += 1
        delay = backoff_delay(self.interval, self.failures, retry_after)
        self.next_due = time.monotonic() + delay
        self.last_status = f"failing ×{self.failures}, retry in {delay:.0f}s"
        error.message = f"{error.message.rstrip('.')}; retrying in {delay:.0f}s."
        return [Pending(InputFailure(self.url, error))]

    def poll(self) -> list[Pending]:
        if not self.due():
            return []
        import httpx

        saved = self.states.get(self.key) or {}
        headers = {"User-Agent": USER_AGENT}
        if saved.get("etag"):
            headers["If-None-Match"] = saved["etag"]
        if saved.get("last_modified"):
            headers["If-Modified-Since"] = saved["last_modified"]
        limit = self.max_bytes * MARKUP_FACTOR
        try:
            with httpx.Client(follow_redirects=True, timeout=self.timeout) as client, \
                    client.stream("GET", self.url, headers=headers) as resp:
                if resp.status_code == 304:
                    self.failures, self.last_status = 0, "not modified"
                    self.next_due = time.monotonic() + self.interval
                    return []
                if resp.status_code >= 400:
                    return self._fail(FetchError(f"HTTP {resp.status_code} "
                                                 f"{resp.reason_phrase}.", source=self.url),
                                      _retry_after(resp.headers.get("retry-after")))
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        return self._fail(FetchError(f"the feed is over {limit:,} bytes.",
                                                     source=self.url))
                state = {"etag": resp.headers.get("etag"),
                         "last_modified": resp.headers.get("last-modified")}
        except httpx.HTTPError as e:
            return self._fail(FetchError(f"could not fetch it ({type(e).__name__}: {e}).",
                                         source=self.url))
        try:
            items = list(read_feed(io.BytesIO(bytes(body)), self.url, published=self.published,
                                   max_bytes=self.max_bytes))
        except InputError as e:
            return self._fail(e)
        self.failures = 0
        self.next_due = time.monotonic() + self.interval
        self.last_status = f"{len(items)} entries"
        out = [Pending(item, by_url=True) for item in items]
        out.append(Pending(None, self.key, state))
        return out

    def note(self) -> str:
        wait = max(0.0, self.next_due - time.monotonic())
        return f"{self.last_status or 'polling'}; next poll in {wait:.0f}s"

    def close(self) -> None:
        pass
