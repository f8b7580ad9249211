"""French extraction: a Doc parsed by a French spaCy model (UD labels: nsubj, obj, obl,
nmod, case …) → the same Report as the English extractors produce. The English modules of
extract/ read ClearNLP labels (dobj, pobj, prep), so French has its own predicates, arguments,
claims and quotes here; the knowledge base, gazetteer, date resolver and ACLED mapping are the
shared, language-neutral ones. See docs/french.md."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...schema import Article, Report
from ..context import parse_published
from .actors import FrenchActors
from .claims import FrenchClaims
from .events import FrenchEvents
from .quotes import FrenchQuotes

if TYPE_CHECKING:
    from spacy.tokens import Doc


class _Ids:
    """Report-local ids: e1, e2 … c1 … q1 …"""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def __call__(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"


def build_french_report(article: Article, doc: Doc) -> Report:
    """Every French extractor over one parsed article."""
    published = parse_published(article.published)
    ids = _Ids()
    actors = FrenchActors(doc, article)
    events = FrenchEvents(doc, actors, published, ids).build()
    claims = FrenchClaims(doc, actors, published, ids).build(events)
    quotes = FrenchQuotes(doc, actors, ids).build()
    for key in [k for k in doc.user_data
                if isinstance(k, str) and k.startswith(("_wc_", "wirecoder."))]:
        del doc.user_data[key]
    return Report(article=article, actors=actors.table.actors, events=events, claims=claims,
                  quotes=quotes)


__all__ = ["build_french_report"]
