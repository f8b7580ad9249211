"""Quotes: direct, partial and indirect speech with speaker, cue and channel."""
from __future__ import annotations

from ..schema import Quote
from .context import ExtractionContext


def find_quotes(ctx: ExtractionContext) -> list[Quote]:
    """Every quote of the article."""
    return []


__all__ = ["find_quotes"]
