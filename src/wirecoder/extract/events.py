"""Events: predicates (verbs and event nouns) → PLOVER type and mode, with their arguments."""
from __future__ import annotations

from ..schema import Event
from .context import ExtractionContext


def find_events(ctx: ExtractionContext) -> list[Event]:
    """Every event the article reports, mentions of one event merged."""
    return []


__all__ = ["find_events"]
