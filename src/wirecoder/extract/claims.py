"""Claims: figures with what they count, bound, claimant, as-of date and period."""
from __future__ import annotations

from ..schema import Claim, Event
from .context import ExtractionContext


def find_claims(ctx: ExtractionContext, events: list[Event]) -> list[Claim]:
    """Every numeric claim of the article."""
    return []


__all__ = ["find_claims"]
