"""What every extractor shares for one article: the Doc, the publication date, the actors."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..schema import Actor, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .actors import ActorTable


@dataclass
class ExtractionContext:
    """Shared state of one extraction. Extractors read it; only `actors` grows."""

    doc: "Doc"
    article: Article
    published: dt.date | None
    actors: "ActorTable"
    _counters: dict[str, int] = field(default_factory=dict)

    def next_id(self, prefix: str) -> str:
        """Report-local ids: a1, a2 … e1, e2 … c1 … q1 …"""
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        return f"{prefix}{n}"

    def actor(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id)

    def sentence_of(self, start_char: int) -> "Span":
        """The sentence holding a character offset."""
        tok = self.doc.char_span(start_char, start_char + 1, alignment_mode="expand")
        if tok is None or len(tok) == 0:
            return self.doc[-1:].sent if len(self.doc) else self.doc[:]
        return tok[0].sent


def parse_published(value: str | None) -> dt.date | None:
    """ISO date (or datetime) string → date; anything else → None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


__all__ = ["ExtractionContext", "parse_published"]
