"""Split "Also read: …" / "Related: …" / "Read more: …" lines off an article's text."""
from __future__ import annotations

import re

from ..schema import RelatedLink

_RELATED = re.compile(
    r"^[ \t]*(?:[•·▪◦‣*>\-–—][ \t]*)?(?:also read|read also|read more|related(?: articles?| stories| coverage)?|see also|more on this|recommended)\b[ \t]*[:：\-–—]?[ \t]*(?P<title>.*?)[ \t]*$",
    re.IGNORECASE,
)


def split_related(text: str) -> tuple[str, list[RelatedLink]]:
    """(text without related-link lines, the links). Other lines keep their exact characters."""
    kept: list[str] = []
    related: list[RelatedLink] = []
    for line in text.splitlines(keepends=True):
        m = _RELATED.match(line.rstrip("\r\n"))
        if m and m.group("title"):
            related.append(RelatedLink(title=m.group("title").strip()))
        else:
            kept.append(line)
    return "".join(kept), related


__all__ = ["split_related"]
