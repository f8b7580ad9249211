"""What `wirecoder watch` is given: folders, growing JSONL files, single files and feed URLs.

A source spec is the command-line word: a path, or an http(s) feed URL with an optional
poll interval suffix `@30s`, `@5m`, `@1h` (default: --interval).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..ingest import InputFailure
from ..ingest.fetch import is_url
from ..schema import Article

__all__ = ["JSONL_SUFFIXES", "Pending", "SourceSpec", "parse_interval", "parse_source"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_EVERY = re.compile(r"^(?P<url>https?://\S+?)@(?P<n>\d+(?:\.\d+)?)(?P<unit>[smh]?)$", re.IGNORECASE)
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass(frozen=True)
class SourceSpec:
    """One watched source: kind is folder | tail (a JSONL file read as it grows) | file | feed."""

    kind: str
    target: str          # absolute path, or the feed URL
    interval: float = 0  # feeds: seconds between polls

    @property
    def label(self) -> str:
        return self.target


@dataclass
class Pending:
    """An item read from a source, and the position to save once it is committed.

    `item` is None for a position-only step (a file that yielded nothing new); `by_url` asks
    the loop to skip an article whose URL is stored already (feed entries)."""

    item: Article | InputFailure | None
    key: str | None = None
    state: dict[str, Any] | None = None
    by_url: bool = False


def parse_interval(text: str) -> float:
    """'30', '30s', '5m', '1h' → seconds (UsageError otherwise)."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([smh]?)", text.strip().lower())
    if not m or float(m[1]) <= 0:
        raise UsageError(f"an interval is a positive number of seconds (or 5m, 1h), got {text!r}.")
    return float(m[1]) * _UNITS[m[2]]


def parse_source(word: str, default_interval: float) -> SourceSpec:
    """A command-line source → SourceSpec; a missing path is a UsageError (nothing to watch)."""
    m = _EVERY.match(word.strip())
    if m:
        return SourceSpec("feed", m["url"], float(m["n"]) * _UNITS[m["unit"].lower()])
    if is_url(word):
        return SourceSpec("feed", word.strip(), default_interval)
    if word == "-":
        raise UsageError("watch reads files, folders and feeds, not stdin.",
                         fix="Use `wirecoder ingest -` for a one-off stream.")
    path = Path(word).expanduser()
    if path.is_dir():
        return SourceSpec("folder", str(path.resolve()))
    if path.is_file():
        kind = "tail" if path.suffix.lower() in JSONL_SUFFIXES else "file"
        return SourceSpec(kind, str(path.resolve()))
    if path.suffix.lower() in JSONL_SUFFIXES and path.parent.is_dir():
        return SourceSpec("tail", str(path.resolve()))  # a log that will appear: wait for it
    raise UsageError(f"{word}: no such file or folder.",
                     fix="Create the folder first, or give an http(s) feed URL.")
