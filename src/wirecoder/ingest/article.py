"""The two things every reader yields: an `Article`, or an `InputFailure` saying where and why."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from ..errors import WirecoderError
from ..ids import article_id
from ..schema import Article
from .language import detect_language
from .related import split_related


@dataclass
class InputFailure:
    """One input that could not be read (or extracted): where (file, line) and why."""

    source: str
    error: WirecoderError  # an InputError from ingest; ExtractionFailed from the engine
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {_without_source(self.error)}"


def _without_source(error: WirecoderError) -> str:
    """The coded message without its own `source:` prefix (the failure already names it)."""
    fix = f" {error.fix}" if error.fix else ""
    return f"[{error.code}] {error.message}{fix}"


def make_article(
    text: str,
    *,
    source: str = "-",
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    id: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    language: str | None = None,
) -> Article:
    """An Article from raw text: related-link lines split off, stable id computed, language
    identified from the body when not given (ingest/language.py)."""
    body, related = split_related(text)
    language = language or detect_language(body)
    return Article(
        id=id or article_id(body, url),
        source=source,
        url=url,
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        language=language,
        text=body,
        related=related,
    )


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)")
_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%Y%m%d")


def normalize_date(value: object) -> str | None:
    """An input's own date (ISO, RFC 822 as in feeds, a few written forms, epoch seconds)
    → 'YYYY-MM-DD'; None when it cannot be read (the caller falls back to --published)."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(float(value), dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    m = _ISO.match(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


__all__ = ["InputFailure", "make_article", "normalize_date"]
