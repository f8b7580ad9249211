"""RSS/Atom feeds via feedparser: one article per entry, source `path#N` (N counts from 1)."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import EmptyInput, FeedError
from ..schema import Article
from .article import InputFailure, make_article, normalize_date
from .language import normalize_language
from .stream import MARKUP_FACTOR, read_limited, too_large

log = logging.getLogger("wirecoder.ingest")

_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "dd",
    "dt",
}
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")
_HTMLISH = re.compile(r"<[A-Za-z/!][^>]*>|&[#\w]+;")


def fragment_text(fragment: str) -> str:
    """An HTML fragment (a feed entry's content) → plain text, one line per block element."""
    if not _HTMLISH.search(fragment):
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - unparsable markup: keep the text between the tags
        return _SPACES.sub(" ", re.sub(r"<[^>]*>", " ", fragment)).strip()
    for el in root.iter("script", "style", "noscript"):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    lines = (_SPACES.sub(" ", ln).strip() for ln in root.text_content().split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _entry_date(entry: Any) -> str | None:
    """The entry's date as the publisher wrote it (local date); feedparser's parsed tuples are
    UTC and would move a late-evening story to the next day."""
    own = normalize_date(entry.get("published") or entry.get("updated"))
    if own:
        return own
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return dt.datetime.fromtimestamp(calendar.timegm(t), dt.UTC).date().isoformat()
    return None


def _entry_body(entry: Any) -> str:
    """The longest content block (Atom content, RSS content:encoded), else the summary."""
    bodies = [c.get("value", "") for c in entry.get("content") or []]
    bodies.append(entry.get("summary", "") or "")
    return fragment_text(max(bodies, key=len)) if any(bodies) else ""


def read_feed(
    stream: BinaryIO, source: str, *, published: str | None = None, max_bytes: int
) -> Iterator[Article | InputFailure]:
    """One Article per entry; an entry without text is an InputFailure (`path#N`).
    Raises FeedError when the input is not an RSS/Atom feed, EmptyInput when it has no entries."""
    import feedparser

    data = read_limited(stream, max_bytes * MARKUP_FACTOR, source, "the feed")
    if not data.strip():
        raise EmptyInput("the feed file is empty.", source=source)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            why = parsed.get("bozo_exception")
            raise FeedError(
                f"this is not an RSS/Atom feed: {why or 'not well-formed XML'}.",
                source=source,
                fix="Check the file, or pass --input-format text/html.",
            )
        if not parsed.get("version"):
            raise FeedError(
                "this XML is not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF>).", source=source
            )
        raise EmptyInput("the feed has no entries.", source=source)
    if parsed.get("bozo"):
        log.warning(
            "%s: feed is not well-formed (%s); read what could be parsed.",
            source,
            parsed.get("bozo_exception"),
        )
    outlet = parsed.feed.get("title") or None
    language = normalize_language(parsed.feed.get("language"))
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{n}"
        text = _entry_body(entry)
        if len(text.encode("utf-8")) > max_bytes:
            yield InputFailure(
                where, too_large(where, len(text.encode("utf-8")), max_bytes, "the entry's text")
            )
            continue
        title = fragment_text(entry.get("title", "")) or None
        article = make_article(
            text,
            source=where,
            url=entry.get("link") or None,
            title=title,
            published=_entry_date(entry) or published,
            outlet=outlet,
            author=entry.get("author") or None,
            language=language,
        )
        if not article.text.strip():
            yield InputFailure(
                where, EmptyInput("the feed entry has no text (no content or summary).")
            )
            continue
        yield article


__all__ = ["fragment_text", "read_feed"]
