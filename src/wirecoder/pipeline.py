"""The whole path from an Article to its Report: parse with spaCy, run every extractor."""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from .extract import build_report
from .ingest import make_article
from .nlp import load_model
from .schema import Article, Report


class Pipeline:
    """Load the model once, extract many articles."""

    min_confidence: float | None = None  # None: the decision stage's default

    def __init__(self, model: str | None = None, *, min_confidence: float | None = None) -> None:
        """`min_confidence`: events below it are left out of reports (default: the decision
        stage's calibrated default, or $WIRECODER_MIN_CONFIDENCE)."""
        self.nlp = load_model(model)
        env = os.environ.get("WIRECODER_MIN_CONFIDENCE")
        self.min_confidence = min_confidence if min_confidence is not None else (
            float(env) if env else None)

    def extract(self, article: Article) -> Report:
        return build_report(article, self.nlp(article.text), min_confidence=self.min_confidence)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Report]:
        """Reports in input order; the model parses in batches."""
        def pairs() -> Iterator[tuple[str, Article]]:
            for a in articles:
                yield a.text, a
        for doc, article in self.nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
            yield build_report(article, doc, min_confidence=self.min_confidence)


def extract(text: str | Article, *, published: str | None = None, model: str | None = None) -> Report:
    """Convenience: one text (or Article) → Report."""
    article = text if isinstance(text, Article) else make_article(text, published=published)
    return Pipeline(model).extract(article)


__all__ = ["Pipeline", "extract"]
