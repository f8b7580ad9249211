"""Ingest: files, stdin, HTML, feeds and corpora → `Article`s (knows formats, not language).

Contract used by the rest of wirecoder:
- `make_article(text, …)` builds an Article, moving "Also read"/"Related"/"Read more" lines
  into `related`, computing the stable id when none is given.
- `iter_articles(source, …)` yields an `Article` per readable input and an `InputFailure` per
  unreadable one (never raises for one bad input in a batch).

One module per input kind (text, html, feed, corpus); `sniff` picks the reader by content.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, NotFound, UsageError
from ..schema import Article
from .article import InputFailure, make_article, normalize_date
from .corpus import ColumnMap, read_csv, read_json, read_jsonl
from .feed import read_feed
from .html import read_html
from .related import split_related
from .sniff import InputFormat, iter_files, parse_format, sniff_format
from .stream import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, binary_error, open_source, resolve_max_bytes
from .text import read_text


def _read_one(source: str, *, published: str | None, columns: ColumnMap | None,
              fmt: InputFormat, max_bytes: int) -> Iterator[Article | InputFailure]:
    """Every article of one file (or stdin); raises InputError for a whole-input failure."""
    try:
        stream, head = open_source(source)
    except OSError as e:
        raise NotFound(f"cannot read it ({e.strerror or e}).", source=source) from None
    with stream:
        kind = fmt
        if kind is InputFormat.auto:
            error = binary_error(head, source)
            if error:
                raise error
            text_cols = columns.candidates("text") if columns else ColumnMap().candidates("text")
            kind = sniff_format(head, source, text_cols)
        if kind is InputFormat.html:
            yield read_html(stream, source, published=published, max_bytes=max_bytes)
        elif kind is InputFormat.feed:
            yield from read_feed(stream, source, published=published, max_bytes=max_bytes)
        elif kind is InputFormat.jsonl:
            yield from read_jsonl(stream, source, published=published, max_bytes=max_bytes,
                                  columns=columns)
        elif kind is InputFormat.json:
            yield from read_json(stream, source, published=published, max_bytes=max_bytes,
                                 columns=columns)
        elif kind is InputFormat.csv:
            yield from read_csv(stream, source, published=published, max_bytes=max_bytes,
                                columns=columns)
        else:
            yield read_text(stream, source, published=published, max_bytes=max_bytes)


def iter_articles(source: str | Path, *, published: str | None = None,
                  columns: ColumnMap | None = None, input_format: InputFormat | str | None = None,
                  max_bytes: int | None = None) -> Iterator[Article | InputFailure]:
    """Articles from a file, a directory (recursively, sorted) or '-' (stdin).

    `published` is the fallback date for inputs without their own; `columns` names the fields of
    a JSONL/CSV corpus; `input_format` forces a reader (default: sniffed per file by content);
    `max_bytes` caps one article (default $WIRECODER_MAX_BYTES or 1,000,000).
    Raises only UsageError (a bad option); every unreadable input is yielded as InputFailure.
    """
    fmt = input_format if isinstance(input_format, InputFormat) else parse_format(input_format)
    if published is not None:
        day = normalize_date(published)
        if day is None:
            raise UsageError(f"published must be a date (YYYY-MM-DD), got {published!r}.")
        published = day
    limit = resolve_max_bytes(max_bytes)
    src = str(source)
    path = Path(src)
    if src != "-" and path.is_dir():
        files: Iterator[Path] = iter_files(path)
    elif src == "-" or path.exists():
        files = iter([path])
    else:
        yield InputFailure(src, NotFound("no such file or directory.", source=src))
        return
    for f in files:
        name = "-" if src == "-" else str(f)
        try:
            yield from _read_one(name, published=published, columns=columns, fmt=fmt, max_bytes=limit)
        except InputError as e:
            yield InputFailure(name, e)
        except (OSError, EOFError) as e:  # a read that fails half-way (truncated gzip, I/O error)
            yield InputFailure(name, InputError(f"reading failed ({e}).", source=name))


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "ColumnMap",
    "InputFailure",
    "InputFormat",
    "iter_articles",
    "make_article",
    "normalize_date",
    "split_related",
]
