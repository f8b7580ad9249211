"""Split "Also read: …" / "Related: …" / "Read more: …" lines off an article's text.

Links to other stories must never reach the extractors (a related headline is not an event of
this article). Three shapes are recognised, each only on a line of its own:
- inline: `• Also read: Title`, `READ MORE | Title`, `Related: [Title](https://…)`;
- a header line alone (`Related Articles`, `Also read:`) followed by bullet or headline-like
  lines: the header is dropped and the list items become links (after a header that is often
  a button, `Read more` / `Related` / `Continue reading`, only bullet lines);
- a header followed by nothing: dropped.
Every other line keeps its exact characters, so the returned text is exactly what is parsed.
"""
from __future__ import annotations

import re

from ..schema import RelatedLink

_BULLET = r"[•·▪◦‣*>\-–—►▶→+]"
_KEYWORD = (
    r"(?:also\s+read|read\s+also|read\s+more|more\s+to\s+read|see\s+also|further\s+reading"
    r"|related(?:\s+(?:articles?|stories|story|coverage|content|news|links?|reading|topics?))?"
    r"|more\s+on\s+(?:this|that)(?:\s+(?:story|topic))?"
    r"|recommended(?:\s+(?:stories|articles|reading))?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|read)|don['’]t\s+miss|continue\s+reading)"
)
# A separator is required unless the line starts with a bullet or the keyword is in capitals:
# "Related to this, the minister said …" is prose, "• Also read Title" and "READ MORE Title" are not.
_SEP = r"[ \t]*(?:[:：|»›>]|\s[\-–—]|[\-–—]\s)[ \t]*"
_INLINE = re.compile(rf"^[ \t]*(?P<bullet>{_BULLET}[ \t]*)?(?P<kw>{_KEYWORD})(?P<sep>{_SEP}|[ \t]+)"
                     rf"(?P<title>\S.*?)[ \t]*$", re.IGNORECASE)
_HEADER = re.compile(rf"^[ \t]*(?:{_BULLET}[ \t]*)?(?P<kw>{_KEYWORD})[ \t]*[:：.…]*[ \t]*$", re.IGNORECASE)
# Headers that are often a button in the middle of the body ("Read more", "Continue reading"):
# only bullet lines after them are links; a bare short line after them may be a subheading.
_BUTTON = re.compile(r"read\s+more|related|continue\s+reading|don['’]t\s+miss", re.IGNORECASE)
_ITEM = re.compile(rf"^[ \t]*{_BULLET}[ \t]*(?P<title>\S.*?)[ \t]*$")
_URL = re.compile(r"\(?<?(https?://[^\s)>]+)>?\)?")
_MD_LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)$")
_MAX_LIST = 12


def _link(raw: str) -> RelatedLink | None:
    """A title (and url, when the line carries one) from a related-link line's remainder."""
    raw = raw.strip().strip("\"“”'‘’").strip()
    md = _MD_LINK.match(raw)
    if md:
        return RelatedLink(title=md["title"].strip(), url=md["url"])
    m = _URL.search(raw)
    url = m.group(1) if m else None
    title = (raw[:m.start()] + raw[m.end():]).strip(" \t-–—|:") if m else raw
    title = title or (url or "")
    return RelatedLink(title=title, url=url) if title else None


def _headline_like(line: str) -> bool:
    """A list item without a bullet: a short line that does not end like a sentence."""
    s = line.strip()
    words = s.split()
    return 2 <= len(words) <= 20 and s[-1] not in ".!?:;,\"”’" and not s.endswith("...")


def _inline(line: str) -> RelatedLink | None:
    m = _INLINE.match(line)
    if not m:
        return None
    kw, sep = m["kw"], m["sep"]
    if not sep.strip() and not m["bullet"] and not (kw.isupper() and kw.lower() != kw):
        return None
    return _link(m["title"])


def split_related(text: str) -> tuple[str, list[RelatedLink]]:
    """(text without related-link lines, the links). Other lines keep their exact characters."""
    kept: list[str] = []
    related: list[RelatedLink] = []
    in_list = False  # after a header line: collecting its items
    bare_items = False  # may items lack a bullet?
    items = 0

    def add(link: RelatedLink | None) -> None:
        if link and all(link.title != r.title for r in related):
            related.append(link)

    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if in_list:
            if not body.strip() and items == 0:
                kept.append(line)
                continue
            item = _ITEM.match(body)
            if items < _MAX_LIST and (item or (bare_items and body.strip() and _headline_like(body))):
                add(_link(item["title"] if item else body))
                items += 1
                continue
            in_list = False
        header = _HEADER.match(body)
        if header:
            in_list, items = True, 0
            bare_items = not _BUTTON.fullmatch(header["kw"])
            continue
        link = _inline(body)
        if link:
            add(link)
            continue
        kept.append(line)
    return "".join(kept), related


__all__ = ["split_related"]
