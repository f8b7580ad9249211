"""HTML pages: main text and metadata (title, author, date, canonical url, outlet) via trafilatura.

`favor_precision` was chosen with bench/html_extraction.py on 33 annotated pages (docs/ingest.md):
the default setting keeps more of the article for a small loss in dropped boilerplate, and
extraction cannot recover a sentence that ingest threw away.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..errors import EmptyInput, NoHtmlBody
from ..schema import Article
from .article import make_article, normalize_date
from .language import normalize_language
from .stream import MARKUP_FACTOR, read_limited, too_large

FAVOR_PRECISION = False
MIN_WORDS = 5
_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
_DATEISH = re.compile(r"^[\d\s./-]+$")
_WORD = re.compile(r"[^\W_]+")
_NOT_SITE = frozenset(
    [
        "www",
        "com",
        "org",
        "net",
        "co",
        "uk",
        "news",
        "the",
        "and",
        "of",
        "for",
        "in",
        "on",
        "at",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "el",
    ]
)


def clean_title(title: str | None, sitename: str | None, hostname: str | None = None) -> str | None:
    """Drop trailing " | Outlet" / " - Outlet" / " | 23.05.2011" parts pages add to <title>."""
    if not title:
        return None
    title = title.strip()
    seps = list(_TITLE_SEP.finditer(title))
    parts = _TITLE_SEP.split(title)
    site_words = {
        w
        for w in _WORD.findall(f"{sitename or ''} {hostname or ''}".lower())
        if len(w) >= 2 and w not in _NOT_SITE
    }
    keep = len(parts)
    while keep > 1:
        last = parts[keep - 1].strip()
        words = _WORD.findall(last.lower())
        # a site name is short and shares a word with the site's name or host
        if not (_DATEISH.match(last) or (0 < len(words) <= 6 and set(words) & site_words)):
            break
        keep -= 1
    # Cut the original at the separator after the last kept part (keeps inner " - " intact).
    return title[: seps[keep - 1].start()] if keep < len(parts) else title


# a paragraph addressed to the page's reader, not news: cookie notices and calls to act on
# the page ("click this box", "sign up for our newsletter"), in English and French
_SITE_NOTICE = re.compile(
    r"\bcookies?\b|\bclick (?:here|this|the|on)\b|\bcliquez\b|\bsign up (?:for|to)\b"
    r"|\bsubscribe to\b|\bour newsletter\b|\bnotre newsletter\b|\babonnez-vous\b",
    re.IGNORECASE)
NOTICE_MAX_WORDS = 60


def drop_site_notices(text: str) -> str:
    """The page text without short paragraphs addressed to its reader (cookie notices,
    calls to click or subscribe): extraction would code them as agreements and requests."""
    keep = [p for p in text.split("\n")
            if not (_SITE_NOTICE.search(p) and len(p.split()) <= NOTICE_MAX_WORDS)]
    return "\n".join(keep)


@dataclass
class HtmlPage:
    """What trafilatura found on a page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None
    language: str | None = None


def extract_html(
    data: bytes, *, url: str | None = None, favor_precision: bool = FAVOR_PRECISION
) -> HtmlPage | None:
    """The page's main text and metadata, or None when it has no main text."""
    import trafilatura

    # trafilatura logs every page it cannot use at ERROR level; our caller reports it instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    # a trafilatura Document (as_dict=False); typed Any because its stub also allows a dict
    doc: Any = trafilatura.bare_extraction(
        data, url=url, favor_precision=favor_precision, include_comments=False, with_metadata=True
    )
    if doc is None or not (doc.text or "").strip():
        # Short pages fall under trafilatura's minimum size; a recall pass still finds them.
        doc = trafilatura.bare_extraction(
            data, url=url, favor_recall=True, include_comments=False, with_metadata=True
        )
    # The recall pass also returns menus on a page without an article: ask for a few words.
    if doc is None or len((doc.text or "").split()) < MIN_WORDS:
        return None
    lang = _LANG.search(data[:65536])
    return HtmlPage(
        text=drop_site_notices(doc.text.replace("\r\n", "\n").replace("\r", "\n")),
        title=clean_title(doc.title, doc.sitename, doc.hostname),
        author=doc.author or None,
        date=normalize_date(doc.date),
        url=doc.url or url,
        sitename=doc.sitename or doc.hostname or None,
        language=(lang.group(1).decode("ascii").lower()[:2] if lang else doc.language),
    )


def read_html(
    stream: BinaryIO,
    source: str,
    *,
    published: str | None = None,
    max_bytes: int,
    favor_precision: bool = FAVOR_PRECISION,
    url: str | None = None,
) -> Article:
    """The article on an HTML page. Raises EmptyInput, NoHtmlBody or InputTooLarge."""
    data = read_limited(stream, max_bytes * MARKUP_FACTOR, source, "the page")
    if not data.strip():
        raise EmptyInput("the page is empty.", source=source)
    try:
        page = extract_html(data, url=url, favor_precision=favor_precision)
    except Exception as e:  # noqa: BLE001 - lxml/trafilatura on broken markup: one bad page, not a crash
        raise NoHtmlBody(
            f"the page could not be parsed as HTML ({type(e).__name__}: {e}).", source=source
        ) from None
    if page is None:
        raise NoHtmlBody(
            "the page has no main text (navigation, scripts or markup only).",
            source=source,
            fix="If it is plain text, pass --input-format text.",
        )
    size = len(page.text.encode("utf-8"))
    if size > max_bytes:
        raise too_large(source, f"{size:,}", max_bytes, "the page's text")
    return make_article(
        page.text,
        source=source,
        url=page.url,
        title=page.title,
        published=page.date or published,
        outlet=page.sitename,
        author=page.author,
        language=normalize_language(page.language),
    )


__all__ = ["FAVOR_PRECISION", "HtmlPage", "clean_title", "extract_html", "read_html"]
