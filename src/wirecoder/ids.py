"""Stable ids: an article's id from its normalized text and url."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFKC, whitespace collapsed, stripped: what an article id is computed from."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def article_id(text: str, url: str | None = None) -> str:
    """16 hex digits of sha256 over normalized text and url (stable across runs and machines)."""
    h = hashlib.sha256()
    h.update(normalize_text(text).encode("utf-8"))
    h.update(b"\x00")
    h.update((url or "").strip().encode("utf-8"))
    return h.hexdigest()[:16]


__all__ = ["normalize_text", "article_id"]
