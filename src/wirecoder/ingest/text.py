"""Plain text files and stdin: one article per input."""

from __future__ import annotations

from typing import BinaryIO

from ..errors import EmptyInput
from ..schema import Article
from .article import make_article
from .stream import check_text_bytes, decode_text, read_limited


def read_text(
    stream: BinaryIO, source: str, *, published: str | None = None, max_bytes: int
) -> Article:
    """The article in a text stream. Raises EmptyInput, BinaryInput or InputTooLarge;
    invalid UTF-8 is replaced and logged as a warning."""
    data = read_limited(stream, max_bytes, source, "the text")
    check_text_bytes(data, source)
    return text_article(decode_text(data, source), source, published=published)


def text_article(text: str, source: str, *, published: str | None = None) -> Article:
    """An article from decoded text (EmptyInput when only related links or blanks remain)."""
    article = make_article(text, source=source, published=published)
    if not article.text.strip():
        raise EmptyInput(
            "no article text remains (only blank or related-link lines).", source=source
        )
    return article


__all__ = ["read_text", "text_article"]
