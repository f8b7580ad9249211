"""SPEC §3 name and text normalization, and whole-token containment.

Names: NFKC, casefold, apostrophes and full stops deleted ("Hamas’" → "hamas",
"U.S." → "us"), any other punctuation or symbol → space, whitespace collapsed,
one leading "the " dropped. Texts (quotes, titles, evidence) use the same rule
without dropping "the", so a quote's first word still counts as a token.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# Every apostrophe-like mark a news text uses for "Hamas’" or "Israel's".
APOSTROPHES = frozenset("'’‘ʼʻ`´′")
_DELETE = APOSTROPHES | {"."}


def _fold(text: str) -> str:
    out: list[str] = []
    # NFKC again after casefold: casefolding can leave a non-NFKC sequence (Unicode's
    # caseless-matching recipe), and normalizing twice must change nothing.
    for ch in unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold()):
        if ch in _DELETE:
            continue
        cat = unicodedata.category(ch)
        # P* punctuation and S* symbols separate words; Z*/C* (spaces, controls) too.
        out.append(" " if cat[0] in "PSZC" else ch)
    return " ".join("".join(out).split())


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """A name as SPEC §3 compares it."""
    folded = _fold(name)
    return folded.removeprefix("the ")


@lru_cache(maxsize=65536)  # quote matching compares every gold text with every predicted one
def normalize_text(text: str) -> str:
    """A text (quote, title, evidence) as compared: like a name, leading "the" kept."""
    return _fold(text)


def tokens(text: str) -> list[str]:
    """Normalized whole tokens of a text."""
    return normalize_text(text).split()


def contains_tokens(haystack: str, needle: str) -> bool:
    """True when the normalized `needle` occurs in the normalized `haystack` as whole tokens.

    Both arguments must already be normalized; an empty needle is never contained
    (an empty gold text would otherwise match everything)."""
    if not needle:
        return False
    return f" {needle} " in f" {haystack} "


__all__ = ["APOSTROPHES", "contains_tokens", "normalize_name", "normalize_text", "tokens"]
