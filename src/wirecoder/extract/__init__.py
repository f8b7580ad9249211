"""Extraction: a parsed article → the Report of SPEC §2. One module per thing; French text
goes to extract/french/, a language we do not code gets an empty report and a warning."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..ingest.language import warn_uncoded
from ..schema import Article, Report
from .actors import build_actor_table
from .claims import find_claims
from .context import ExtractionContext, parse_published
from .decision import DEFAULT_MIN_CONFIDENCE
from .event_core import find_events
from .quotes import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..learn.model import TypesModel

def uncoded_report(article: Article) -> Report:
    """The report of an article in a language we do not code: no rules run over it."""
    warn_uncoded(article.source, article.language)
    return Report(article=article)


def build_report(article: Article, doc: "Doc", *, min_confidence: float | None = None,
                 types_model: "TypesModel | None" = None, types_policy: str = "hybrid") -> Report:
    """Run every extractor of the article's language over one parsed article. English events
    below `min_confidence` (default decision.DEFAULT_MIN_CONFIDENCE) are left out; with a
    types model, rules and classifier decide each event's type/mode and ACLED view together
    (learn.hybrid), and a short text without rule events may get the classifier's event
    (learn.fallback, at a low confidence)."""
    if article.language == "fr":
        from .french import build_french_report

        return build_french_report(article, doc)
    if article.language not in (None, "en"):
        return uncoded_report(article)
    ctx = ExtractionContext(doc=doc, article=article, published=parse_published(article.published),
                            actors=build_actor_table(doc, article))
    floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    events = find_events(ctx, floor)
    if types_model is not None:
        from ..learn.fallback import FALLBACK_CONFIDENCE, fallback_event
        from ..learn.hybrid import retype_events

        events = retype_events(events, article.text, types_model, policy=types_policy)
        if not events and FALLBACK_CONFIDENCE >= floor:
            extra = fallback_event(article.text, types_model, event_id=ctx.next_id("e"),
                                   actors=ctx.actors.actors, policy=types_policy)
            events = [extra] if extra is not None else []
    claims = find_claims(ctx, events)
    quotes = find_quotes(ctx)
    # per-Doc caches of the extractors are not part of the Doc (they would not serialize)
    for key in [k for k in doc.user_data
                if isinstance(k, str) and k.startswith(("_wc_", "wirecoder."))]:
        del doc.user_data[key]
    return Report(article=article, actors=ctx.actors.actors, events=events, claims=claims,
                  quotes=quotes)


__all__ = ["build_report", "uncoded_report"]
