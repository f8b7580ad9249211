"""Which reader an input needs, decided by its content (the extension only breaks ties),
and which files a directory holds (recursive, sorted, hidden files skipped)."""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

from ..errors import UsageError


class InputFormat(str, Enum):
    """The kinds of input wirecoder reads; `auto` sniffs."""

    auto = "auto"
    text = "text"
    html = "html"
    feed = "feed"
    jsonl = "jsonl"
    json = "json"
    urls = "urls"
    csv = "csv"


_FEED_EXT = {".rss", ".atom", ".rdf", ".feed", ".xml"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
_JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
_CSV_EXT = {".csv", ".tsv"}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_JSON_OPEN = re.compile(rb'^\{\s*"(?:[^"\\]|\\.)*"\s*:')
_CELL_STRICT = re.compile(r"^[^\W\d][\w.\-]{0,39}$")
_CELL_LOOSE = re.compile(r"^[^\n]{0,60}$")
_HTML_TAG = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script)[\s>/]", re.IGNORECASE
)


def parse_format(value: str | None) -> InputFormat:
    """--input-format value → InputFormat (UsageError naming the choices)."""
    if not value:
        return InputFormat.auto
    try:
        return InputFormat(value.strip().lower())
    except ValueError:
        choices = ", ".join(f.value for f in InputFormat)
        raise UsageError(f"--input-format must be one of {choices}; got {value!r}.") from None


def _suffix(name: str) -> str:
    """The telling extension ('.jsonl' for 'a.jsonl.gz')."""
    p = Path(name)
    return Path(p.stem).suffix.lower() if p.suffix.lower() == ".gz" else p.suffix.lower()


def _looks_jsonl(head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        # A first line cut off by the head limit, or a malformed first record: still a corpus
        # when it opens like a JSON object ('{"key":'); prose in braces does not.
        return _JSON_OPEN.match(first) is not None


def _looks_csv(head: bytes, text_columns: tuple[str, ...], ext: str) -> bool:
    """A header row naming the text column (comma, tab or semicolon separated). Outside a
    .csv/.tsv file every header cell must be a bare name, so prose whose first line starts
    "Text, images and video …" stays text."""
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace").strip("\r")
    cell = _CELL_LOOSE if ext in _CSV_EXT else _CELL_STRICT
    for delim in (",", "\t", ";"):
        if delim not in first:
            continue
        row = [c.strip() for c in next(csv.reader([first], delimiter=delim), [])]
        names = {c.lower() for c in row}
        if (
            len(row) >= 2
            and any(t.lower() in names for t in text_columns)
            and all(cell.match(c) for c in row)
        ):
            return True
    return False


def sniff_format(
    head: bytes, name: str = "", text_columns: tuple[str, ...] = ("text",)
) -> InputFormat:
    """The format of an input from its first bytes; `name`'s extension breaks ties."""
    ext = _suffix(name)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if start.startswith(b"<"):
        if _FEED_ROOT.search(start[:2048]) and not re.search(
            rb"<html[\s>]", start[:2048], re.IGNORECASE
        ):
            return InputFormat.feed
        if _HTML_TAG.search(head[:16384]):
            return InputFormat.html
        return InputFormat.feed if ext in _FEED_EXT else InputFormat.html
    if start.startswith(b"[") and start[1:].lstrip().startswith((b"{", b"]")):
        return InputFormat.json
    if start.startswith(b"{") and ext == ".json":
        return InputFormat.json
    if start.startswith(b"{") and _looks_jsonl(head):
        return InputFormat.jsonl
    if _looks_csv(head, text_columns, ext):
        return InputFormat.csv
    # Content says plain text; a feed/corpus extension means the user expects that reader,
    # which then says what is wrong (e.g. "a feed that is not XML" → FeedError).
    for exts, fmt in (
        (_FEED_EXT, InputFormat.feed),
        (_JSONL_EXT, InputFormat.jsonl),
        (_CSV_EXT, InputFormat.csv),
        (_HTML_EXT, InputFormat.html),
    ):
        if ext in exts:
            return fmt
    return InputFormat.text


def iter_files(root: Path) -> Iterator[Path]:
    """Files under `root`, recursively, sorted (stable order); hidden files and folders skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if not f.startswith("."):
                yield Path(dirpath) / f


__all__ = ["InputFormat", "iter_files", "parse_format", "sniff_format"]
