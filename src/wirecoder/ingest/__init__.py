"""Ingest: files, stdin, HTML, feeds and corpora → `Article`s (knows formats, not language).

Contract used by the rest of wirecoder:
- `make_article(text, …)` builds an Article, moving "Also read"/"Related"/"Read more" lines
  into `related`, computing the stable id when none is given.
- `iter_articles(source, …)` yields an `Article` per readable input and an `InputFailure` per
  unreadable one (never raises for one bad input in a batch).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError, NotFound
from ..ids import article_id
from ..schema import Article
from .related import split_related


@dataclass
class InputFailure:
    """One input that could not be read: where (file, line) and why."""

    source: str
    error: InputError
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.error.message if hasattr(self.error, 'message') else self.error}"


def make_article(text: str, *, source: str = "-", url: str | None = None, title: str | None = None,
                 published: str | None = None, id: str | None = None, outlet: str | None = None,
                 author: str | None = None, language: str | None = "en") -> Article:
    """An Article from raw text: related-link lines split off, stable id computed."""
    body, related = split_related(text)
    return Article(id=id or article_id(body, url), source=source, url=url, title=title,
                   outlet=outlet, author=author, published=published, language=language,
                   text=body, related=related)


def iter_articles(source: str, *, published: str | None = None) -> Iterator[Article | InputFailure]:
    """Articles from a path or '-' (plain text only in this first version)."""
    if source == "-":
        yield make_article(sys.stdin.read(), source="-", published=published)
        return
    path = Path(source)
    if not path.exists():
        yield InputFailure(source, NotFound("no such file or directory", source=source))
        return
    yield make_article(path.read_text(encoding="utf-8", errors="replace"), source=source,
                       published=published)


__all__ = ["InputFailure", "make_article", "iter_articles", "split_related"]
