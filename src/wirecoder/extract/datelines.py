"""Datelines: "CHARLOTTE, N.C. (AP) — …", "BRUSSELS - …", "Kyiv, Ukraine (Reuters) —": where
a wire story was filed. The dateline is the text's own statement of where the story is, so
events told without a place of their own fall back to it (when the article is about that
country), and it is never part of the first sentence's subject ("BRUSSELS - European
leaders gathered …")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..schema import Location
from .coref import doc_text
from .places import lookup_place

if TYPE_CHECKING:
    from spacy.tokens import Doc

# a wire agency in brackets after the place
_AGENCY = r"\((?:AP|Reuters|AFP|CNN|UPI|dpa|DPA|Bloomberg|AA|Xinhua|TASS|EFE|ANSA|IANS|PTI)\)"
# the place in capitals ("NEWPORT NEWS", "ST. PAUL"), an optional region ("N.C.", "Va.",
# "Ukraine"), an optional agency, then a dash
_CAPS = re.compile(
    r"(?m)^(?P<city>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"(?: " + _AGENCY + r")?\s*(?:--|[—–-])\s+(?=\S)")
# "Kyiv, Ukraine (Reuters) —": a place in title case needs the agency
_AGENCY_LINE = re.compile(
    r"(?m)^(?P<city>[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][\w.]+(?: [A-Z][\w.]+)?))? " + _AGENCY + r"\s*(?:--|[—–-])\s+(?=\S)")
# how far into the text a dateline may open (after a title and a standfirst)
_WITHIN = 1500


@dataclass(frozen=True)
class Dateline:
    start: int  # character offsets of the dateline, dash and space included
    end: int
    place: Location


def find_dateline(text: str) -> Dateline | None:
    """The first dateline opening a paragraph near the top of `text`, if any."""
    head = text[:_WITHIN]
    found = [m for m in (_CAPS.search(head), _AGENCY_LINE.search(head)) if m is not None]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    city = m.group("city")
    name = city.title() if city.isupper() else city
    place = lookup_place(name.replace("’", "'"))
    if place is None or (place.name or "").lower() != name.lower().replace("’", "'"):
        # "NATO - the alliance said …", "UPDATE - …": no place; "FAIRVIEW, W.Va." read as
        # another town of another name: a guess, not the dateline
        return None
    return Dateline(m.start(), m.end(), place)


_KEY = "wirecoder.dateline"


def dateline(doc: "Doc") -> Dateline | None:
    """The Doc's dateline, found once (cached on the Doc)."""
    got = doc.user_data.get(_KEY)
    if got is None or got[0] != len(doc):
        got = doc.user_data[_KEY] = (len(doc), find_dateline(doc_text(doc)))
    return got[1]  # type: ignore[no-any-return]


__all__ = ["Dateline", "dateline", "find_dateline"]
