"""Encoded responses kept per store version (issue 11).

A GET under /api is a pure function of the store and the URL, and the store only changes when
a writer has held the file (store/reader.py: `version` is read while the reader holds its
lock). So a response body can be kept, keyed on (version, URL), and served again until the
version moves; then every entry is dropped at once. Bounded by entries and bytes (LRU).

Bodies of GZIP_MIN bytes or more are kept gzipped (a claim series of a million-event store is
30 MB of JSON and 1 MB gzipped) and sent as `Content-Encoding: gzip` to clients that accept
it (browsers, httpx, requests; curl with --compressed), unpacked for the others.
"""
from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

__all__ = ["GZIP_MIN", "Cached", "ResponseCache", "accepts_gzip"]


GZIP_MIN = 256 * 1024


@dataclass(frozen=True)
class Cached:
    body: bytes                 # gzipped when `gzipped`
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()
    gzipped: bool = False

    @classmethod
    def make(cls, body: bytes, media_type: str,
             headers: tuple[tuple[str, str], ...] = ()) -> Cached:
        if len(body) >= GZIP_MIN:
            return cls(gzip.compress(body, compresslevel=1), media_type, headers, True)
        return cls(body, media_type, headers)

    def payload(self, accept_gzip: bool) -> tuple[bytes, bool]:
        """The bytes to send and whether they are gzipped."""
        if self.gzipped and not accept_gzip:
            return gzip.decompress(self.body), False
        return self.body, self.gzipped


def accepts_gzip(header: str | bytes | None) -> bool:
    if not header:
        return False
    h = header.decode("latin-1") if isinstance(header, bytes) else header
    return any(p.split(";")[0].strip().lower() in ("gzip", "*") and "q=0" not in p.replace(" ", "")
               for p in h.split(","))


class ResponseCache:
    def __init__(self, max_entries: int = 2048, max_bytes: int = 256 << 20,
                 max_entry: int = 32 << 20) -> None:
        self.max_entries, self.max_bytes, self.max_entry = max_entries, max_bytes, max_entry
        self._lock = threading.Lock()
        self._version: Any = None
        self._items: OrderedDict[str, Cached] = OrderedDict()
        self._bytes = 0
        self._flights: dict[tuple[Any, str], threading.Event] = {}
        self.hits = self.misses = 0

    def claim(self, version: Any, key: str) -> threading.Event | None:
        """Single flight: None if this caller should compute the answer (then `done` it),
        else an event that is set when the caller computing it is done (then `get` again).
        N clients asking the same new URL at once cost one computation, not N."""
        with self._lock:
            ev = self._flights.get((version, key))
            if ev is not None:
                return ev
            self._flights[(version, key)] = threading.Event()
            return None

    def done(self, version: Any, key: str) -> None:
        with self._lock:
            ev = self._flights.pop((version, key), None)
        if ev is not None:
            ev.set()

    def get(self, version: Any, key: str) -> Cached | None:
        with self._lock:
            if version != self._version or version is None:
                self.misses += 1
                return None
            hit = self._items.get(key)
            if hit is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return hit

    def put(self, version: Any, key: str, value: Cached) -> None:
        if version is None or len(value.body) > self.max_entry or self.max_entries <= 0:
            return
        with self._lock:
            if version != self._version:
                self._items.clear()
                self._bytes = 0
                self._version = version
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._items[key] = value
            self._bytes += len(value.body)
            while self._items and (len(self._items) > self.max_entries
                                   or self._bytes > self.max_bytes):
                _, v = self._items.popitem(last=False)
                self._bytes -= len(v.body)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0
            self._version = None
