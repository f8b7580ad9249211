"""Ingest: files, stdin, HTML, feeds and corpora → `Article`s (knows formats, not language).

Contract used by the rest of wirecoder:
- `make_article(text, …)` builds an Article, moving "Also read"/"Related"/"Read more" lines
  into `related`, computing the stable id when none is given.
- `iter_articles(source, …)` yields an `Article` per readable input and an `InputFailure` per
  unreadable one (never raises for one bad input in a batch).

One module per input kind (text, html, feed, corpus, fetch for URLs); `sniff` picks the reader
by content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError, NotFound, UsageError
from ..schema import Article
from .article import InputFailure, make_article, normalize_date
from .corpus import ColumnMap, read_csv, read_json, read_jsonl
from .feed import read_feed
from .fetch import fetch, is_url, iter_url_lines, looks_like_url_list
from .html import read_html
from .language import CODED_LANGUAGES, detect_language, is_coded, normalize_language
from .related import split_related
from .sniff import InputFormat, iter_files, parse_format, sniff_format
from .stream import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, binary_error, open_source, resolve_max_bytes
from .text import read_text

_CORPUS_READERS = {
    InputFormat.jsonl: read_jsonl,
    InputFormat.json: read_json,
    InputFormat.csv: read_csv,
}


def _read_stream(
    stream: BinaryIO,
    head: bytes,
    source: str,
    *,
    published: str | None,
    columns: ColumnMap | None,
    fmt: InputFormat,
    max_bytes: int,
    url: str | None = None,
) -> Iterator[Article | InputFailure]:
    """Every article of one opened input; raises InputError for a whole-input failure."""
    kind = fmt
    if kind is InputFormat.auto:
        error = binary_error(head, source)
        if error:
            raise error
        if url is None and looks_like_url_list(head):
            kind = InputFormat.urls
        else:
            text_cols = (columns or ColumnMap()).candidates("text")
            kind = sniff_format(head, url or source, text_cols)
    if kind is InputFormat.html:
        yield read_html(stream, source, published=published, max_bytes=max_bytes, url=url)
    elif kind is InputFormat.feed:
        yield from read_feed(stream, source, published=published, max_bytes=max_bytes)
    elif kind in _CORPUS_READERS:
        yield from _CORPUS_READERS[kind](
            stream, source, published=published, max_bytes=max_bytes, columns=columns
        )
    elif kind is InputFormat.urls:
        # A failed URL is reported under the URL itself: more useful than file:line.
        for _, line in iter_url_lines(stream):
            yield from _guarded(
                line,
                partial(_read_url, line, published=published, columns=columns, max_bytes=max_bytes),
            )
    else:
        yield read_text(stream, source, published=published, max_bytes=max_bytes)


def _read_file(source: str, **kw: Any) -> Iterator[Article | InputFailure]:
    try:
        stream, head = open_source(source)
    except OSError as e:
        raise NotFound(f"cannot read it ({e.strerror or e}).", source=source) from None
    with stream:
        yield from _read_stream(stream, head, source, **kw)


def _read_url(url: str, **kw: Any) -> Iterator[Article | InputFailure]:
    stream, head, final = fetch(url, max_bytes=kw["max_bytes"])
    yield from _read_stream(stream, head, url, fmt=InputFormat.auto, url=final, **kw)


def _guarded(
    source: str, read: Callable[[], Iterator[Article | InputFailure]]
) -> Iterator[Article | InputFailure]:
    """The items of one input, its whole-input failure turned into an InputFailure."""
    try:
        yield from read()
    except InputError as e:
        yield InputFailure(source, e)
    except (OSError, EOFError) as e:  # a read that fails half-way (truncated gzip, I/O error)
        yield InputFailure(source, InputError(f"reading failed ({e}).", source=source))


def iter_articles(
    source: str | Path,
    *,
    published: str | None = None,
    columns: ColumnMap | None = None,
    input_format: InputFormat | str | None = None,
    max_bytes: int | None = None,
    language: str | None = None,
) -> Iterator[Article | InputFailure]:
    """Articles from a file, a directory (recursively, sorted), an http(s) URL, a file of URLs,
    or '-' (stdin).

    `published` is the fallback date for inputs without their own; `columns` names the fields of
    a JSONL/CSV corpus; `input_format` forces a reader (default: sniffed per file by content);
    `max_bytes` caps one article (default $WIRECODER_MAX_BYTES or 1,000,000).
    `language` forces every article's language (default: the record's own tag, else
    identified from the text).
    Raises only UsageError (a bad option); every unreadable input is yielded as InputFailure.
    """
    items = _iter_articles(source, published=published, columns=columns,
                           input_format=input_format, max_bytes=max_bytes)
    if language is None:
        yield from items
        return
    forced = normalize_language(language)
    for item in items:
        yield item.model_copy(update={"language": forced}) if isinstance(item, Article) else item


def _iter_articles(
    source: str | Path,
    *,
    published: str | None,
    columns: ColumnMap | None,
    input_format: InputFormat | str | None,
    max_bytes: int | None,
) -> Iterator[Article | InputFailure]:
    fmt = input_format if isinstance(input_format, InputFormat) else parse_format(input_format)
    if published is not None:
        day = normalize_date(published)
        if day is None:
            raise UsageError(f"published must be a date (YYYY-MM-DD), got {published!r}.")
        published = day
    limit = resolve_max_bytes(max_bytes)
    src = str(source)
    if is_url(src):
        yield from _guarded(
            src, partial(_read_url, src, published=published, columns=columns, max_bytes=limit)
        )
        return
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
        yield from _guarded(
            name,
            partial(
                _read_file, name, published=published, columns=columns, fmt=fmt, max_bytes=limit
            ),
        )


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "ColumnMap",
    "InputFailure",
    "InputFormat",
    "iter_articles",
    "make_article",
    "CODED_LANGUAGES",
    "detect_language",
    "is_coded",
    "normalize_language",
    "normalize_date",
    "split_related",
]
