"""JSONL and CSV corpora: one article per record, source `path:LINE`, streamed line by line
(and .json files: one object, or an array of objects `path#N`).

A malformed record is an InputFailure naming its line; the records after it are still read.
Nothing holds more than one record in memory, so a corpus may be any size.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any, BinaryIO

from ..errors import EmptyInput, InputError, RecordError
from ..schema import Article
from .article import InputFailure, make_article, normalize_date
from .language import normalize_language
from .stream import MARKUP_FACTOR, decode_text, normalize_newlines, read_limited, too_large

log = logging.getLogger("wirecoder.ingest")

# A record also carries an id, a title, a url and JSON escapes: allow this much over max_bytes.
RECORD_FACTOR = 4
# Used only for a column left at its default name, so a corpus with `body`/`date` just works.
_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "full_text"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "date_publish"),
    "url": ("url", "link", "source_url"),
    "title": ("title", "headline"),
    "id": ("id", "doc_id", "article_id", "guid"),
}


@dataclass(frozen=True)
class ColumnMap:
    """Which field or column of a record holds what (e.g. --text-field body)."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    language: str = "language"

    def candidates(self, role: str) -> tuple[str, ...]:
        name = getattr(self, role)
        default = next(f.default for f in fields(self) if f.name == role)
        return _ALIASES.get(role, (name,)) if name == default else (name,)

    def resolve(self, keys: Any) -> dict[str, str | None]:
        """role → the key present in a record (or header), case-insensitively; None if absent."""
        lower = {str(k).lower(): k for k in keys}
        out: dict[str, str | None] = {}
        for f in fields(self):
            out[f.name] = next(
                (lower[c.lower()] for c in self.candidates(f.name) if c.lower() in lower), None
            )
        return out


def _record_article(
    record: Mapping[str, Any],
    keys: dict[str, str | None],
    cols: ColumnMap,
    source: str,
    *,
    published: str | None,
    max_bytes: int,
) -> Article:
    """One record → Article (RecordError / EmptyInput / InputTooLarge for a bad record)."""
    tk = keys["text"]
    if tk is None or tk not in record:
        have = ", ".join(map(str, list(record)[:12])) or "none"
        raise RecordError(
            f"no text field {cols.candidates('text')[0]!r} (fields: {have}).",
            fix="Name the text field with --text-field.",
        )
    text = record[tk]
    if text is None or text == "":
        raise EmptyInput(f"the record's {tk!r} field is empty.")
    if not isinstance(text, str):
        raise RecordError(f"the record's {tk!r} field is {type(text).__name__}, not text.")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise too_large(source, f"{size:,}", max_bytes, "the record's text")

    def get(role: str) -> Any:
        k = keys[role]
        v = record.get(k) if k is not None else None
        return None if v is None or v == "" else v

    rid = get("id")
    title, url, lang = get("title"), get("url"), get("language")
    article = make_article(
        normalize_newlines(text),
        source=source,
        id=str(rid) if rid is not None else None,
        url=str(url) if url is not None else None,
        title=str(title) if title is not None else None,
        published=normalize_date(get("published")) or published,
        language=normalize_language(lang),
    )
    if not article.text.strip():
        raise EmptyInput("no article text remains (only blank or related-link lines).")
    return article


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line longer than `limit` (skipped unread)."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line in bounded chunks
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, line


def read_jsonl(
    stream: BinaryIO,
    source: str,
    *,
    published: str | None = None,
    max_bytes: int,
    columns: ColumnMap | None = None,
) -> Iterator[Article | InputFailure]:
    """One Article per JSON object line; blank lines are skipped."""
    cols = columns or ColumnMap()
    limit = max_bytes * RECORD_FACTOR
    bad_utf8 = 0
    for n, raw in _lines(stream, limit):
        where = f"{source}:{n}"
        try:
            if raw is None:
                raise too_large(where, f"more than {limit:,}", limit, "the line")
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                line = raw.decode("utf-8", errors="replace")
                bad_utf8 += 1
                if bad_utf8 == 1:  # once per file, not once per line of a mis-encoded corpus
                    log.warning(
                        "%s: invalid UTF-8 replaced with U+FFFD (first on line %d). "
                        "Re-encode the file as UTF-8 to keep those characters.",
                        source,
                        n,
                    )
            yield _json_article(line, cols, where, published=published, max_bytes=max_bytes)
        except InputError as e:
            yield InputFailure(source, e, line=n)
    if bad_utf8 > 1:
        log.warning("%s: %d lines in all had invalid UTF-8.", source, bad_utf8)


def _json_article(
    line: str, cols: ColumnMap, where: str, *, published: str | None, max_bytes: int
) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise RecordError(f"not valid JSON ({e.msg} at column {e.colno}).") from None
    return _object_article(record, cols, where, published=published, max_bytes=max_bytes)


def _object_article(
    record: Any, cols: ColumnMap, where: str, *, published: str | None, max_bytes: int
) -> Article:
    if not isinstance(record, dict):
        raise RecordError(f"a JSON {type(record).__name__}, not an object with a text field.")
    return _record_article(
        record, cols.resolve(record), cols, where, published=published, max_bytes=max_bytes
    )


def read_json(
    stream: BinaryIO,
    source: str,
    *,
    published: str | None = None,
    max_bytes: int,
    columns: ColumnMap | None = None,
) -> Iterator[Article | InputFailure]:
    """A .json file: one object (one article) or an array of objects (`path#N`, N from 1).
    Unlike JSONL it is parsed whole, so it is capped like a page (MARKUP_FACTOR × max_bytes)."""
    cols = columns or ColumnMap()
    data = read_limited(stream, max_bytes * MARKUP_FACTOR, source, "the JSON file")
    text = decode_text(data, source)
    if not text.strip():
        raise EmptyInput("the JSON file is empty.", source=source)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise RecordError(
            f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}).",
            source=source,
            fix="For one record a line, name the file .jsonl.",
        ) from None
    if not isinstance(doc, list):
        yield _object_article(doc, cols, source, published=published, max_bytes=max_bytes)
        return
    for n, record in enumerate(doc, start=1):
        try:
            yield _object_article(
                record, cols, f"{source}#{n}", published=published, max_bytes=max_bytes
            )
        except InputError as e:
            yield InputFailure(f"{source}#{n}", e)


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv(
    stream: BinaryIO,
    source: str,
    *,
    published: str | None = None,
    max_bytes: int,
    columns: ColumnMap | None = None,
) -> Iterator[Article | InputFailure]:
    """One Article per row after the header row (comma, tab or semicolon separated)."""
    cols = columns or ColumnMap()
    first = stream.readline(max_bytes)
    header_line = decode_text(first, source).rstrip("\n")
    if not header_line.strip():
        raise EmptyInput("the CSV file is empty (no header row).", source=source)
    delim = _delimiter(header_line)
    header = [h.strip() for h in next(csv.reader([header_line], delimiter=delim))]
    keys = cols.resolve(header)
    if keys["text"] is None:
        raise RecordError(
            f"no text column {cols.candidates('text')[0]!r} in the header row "
            f"({', '.join(header[:12])}).",
            source=source,
            fix="Name the text column with --text-field.",
        )
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes * RECORD_FACTOR))
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
    reader = csv.reader(text, delimiter=delim)
    warned = False
    while True:
        start = reader.line_num + 2  # the physical line this row starts on (header is line 1)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield InputFailure(source, RecordError(f"malformed CSV row ({e})."), line=start)
            continue
        if not row or not any(c.strip() for c in row):
            continue
        try:
            if len(row) != len(header):
                raise RecordError(
                    f"{len(row)} fields where the header has {len(header)}.",
                    fix="Quote fields that contain the separator or line breaks.",
                )
            if not warned and any("\ufffd" in c for c in row):
                warned = True
                log.warning(
                    "%s:%d: invalid UTF-8 replaced with U+FFFD (first such row). "
                    "Re-encode the file as UTF-8 to keep those characters.",
                    source,
                    start,
                )
            yield _record_article(
                dict(zip(header, row)),
                keys,
                cols,
                f"{source}:{start}",
                published=published,
                max_bytes=max_bytes,
            )
        except InputError as e:
            yield InputFailure(source, e, line=start)


__all__ = ["ColumnMap", "read_csv", "read_json", "read_jsonl"]
