"""Encoded responses kept per store version (issue 11).

A GET under /api is a pure function of the store and the URL, and the store only changes when
a writer has held the file (store/reader.py: `version` is read while the reader holds its
lock). So a response body can be kept, keyed on (version, URL), and served again until the
version moves; then every entry is dropped at once. Bounded by entries and bytes (LRU).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

__all__ = ["Cached", "ResponseCache"]


@dataclass(frozen=True)
class Cached:
    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()


class ResponseCache:
    def __init__(self, max_entries: int = 2048, max_bytes: int = 128 << 20,
                 max_entry: int = 8 << 20) -> None:
        self.max_entries, self.max_bytes, self.max_entry = max_entries, max_bytes, max_entry
        self._lock = threading.Lock()
        self._version: Any = None
        self._items: OrderedDict[str, Cached] = OrderedDict()
        self._bytes = 0
        self.hits = self.misses = 0

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
