"""Extraction: a parsed article → the Report of SPEC §2. One module per thing."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import Article, Report
from .actors import build_actor_table
from .claims import find_claims
from .context import ExtractionContext, parse_published
from .events import find_events
from .quotes import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..learn.model import TypesModel


def build_report(article: Article, doc: "Doc", types_model: "TypesModel | None" = None,
                 types_policy: str = "hybrid") -> Report:
    """Run every extractor over one parsed article; with a types model, rules and classifier
    decide each event's type/mode and ACLED view together (learn.hybrid; never adds events)."""
    ctx = ExtractionContext(doc=doc, article=article, published=parse_published(article.published),
                            actors=build_actor_table(doc, article))
    events = find_events(ctx)
    if types_model is not None:
        from ..learn.hybrid import retype_events

        events = retype_events(events, article.text, types_model, policy=types_policy)
    claims = find_claims(ctx, events)
    quotes = find_quotes(ctx)
    # per-Doc caches of the extractors are not part of the Doc (they would not serialize)
    for key in [k for k in doc.user_data
                if isinstance(k, str) and k.startswith(("_wc_", "wirecoder."))]:
        del doc.user_data[key]
    return Report(article=article, actors=ctx.actors.actors, events=events, claims=claims,
                  quotes=quotes)


__all__ = ["build_report"]
