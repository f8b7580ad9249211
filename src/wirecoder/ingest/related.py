"""Split "Also read: …" / "Related: …" / "Read more: …" lines off an article's text.

Links to other stories must never reach the extractors (a related headline is not an event of
this article). Three shapes are recognised, each only on a line of its own:
- inline: `• Also read: Title`, `READ MORE | Title`, `Related: [Title](https://…)`;
- a header line alone (`Related Articles`, `Also read:`) followed by bullet or headline-like
  lines: the header is dropped and the list items become links (after a header that is often
  a button, `Read more` / `Related` / `Continue reading`, only bullet lines);
- a header followed by nothing: dropped.
Every other line keeps its exact characters, so the returned text is exactly what is parsed.
The phrases live in lexicons/related_links.yaml (users add related_links_*.yaml).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..schema import RelatedLink

_BULLET = r"[•·▪◦‣*>\-–—►▶→+]"
# A separator is required unless the line starts with a bullet or the keyword is in capitals:
# "Related to this, the minister said …" is prose; "• Also read Title", "READ MORE Title" are not.
_SEP = r"[ \t]*(?:[:：|»›>]|\s[\-–—]|[\-–—]\s)[ \t]*"
LEXICON = "related_links"
LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicons"


def _phrases(key: str) -> list[str]:
    """The phrases under `key` in lexicons/related_links*.yaml and $WIRECODER_LEXICONS dirs."""
    dirs = [LEXICON_DIR] + [
        Path(p) for p in os.environ.get("WIRECODER_LEXICONS", "").split(os.pathsep) if p
    ]
    out: list[str] = []
    for d in dirs:
        for path in sorted(d.glob(f"{LEXICON}.yaml")) + sorted(d.glob(f"{LEXICON}_*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            out += [str(p).strip().lower() for p in data.get(key) or [] if str(p).strip()]
    return out


def _pattern(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['’]")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


@dataclass(frozen=True)
class _Rules:
    inline: re.Pattern[str]
    header: re.Pattern[str]
    buttons: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    headers, buttons = _phrases("list_headers"), _phrases("buttons")
    # Longest first, so "related articles" wins over "related".
    keyword = (
        "(?:"
        + "|".join(_pattern(p) for p in sorted({*headers, *buttons}, key=len, reverse=True))
        + ")"
    )
    return _Rules(
        inline=re.compile(
            rf"^[ \t]*(?P<bullet>{_BULLET}[ \t]*)?(?P<kw>{keyword})(?P<sep>{_SEP}|[ \t]+)"
            rf"(?P<title>\S.*?)[ \t]*$",
            re.IGNORECASE,
        ),
        header=re.compile(
            rf"^[ \t]*(?:{_BULLET}[ \t]*)?(?P<kw>{keyword})[ \t]*[:：.…]*[ \t]*$", re.IGNORECASE
        ),
        buttons=frozenset(_key(b) for b in buttons),
    )


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
    title = (raw[: m.start()] + raw[m.end() :]).strip(" \t-–—|:") if m else raw
    title = title or (url or "")
    return RelatedLink(title=title, url=url) if title else None


def _headline_like(line: str) -> bool:
    """A list item without a bullet: a short line that does not end like a sentence."""
    s = line.strip()
    words = s.split()
    return 2 <= len(words) <= 20 and s[-1] not in '.!?:;,"”’' and not s.endswith("...")


def _inline(line: str) -> RelatedLink | None:
    m = _rules().inline.match(line)
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
            if items < _MAX_LIST and (
                item or (bare_items and body.strip() and _headline_like(body))
            ):
                add(_link(item["title"] if item else body))
                items += 1
                continue
            in_list = False
        header = _rules().header.match(body)
        if header:
            in_list, items = True, 0
            bare_items = _key(header["kw"]) not in _rules().buttons
            continue
        link = _inline(body)
        if link:
            add(link)
            continue
        kept.append(line)
    return "".join(kept), related


__all__ = ["split_related"]
