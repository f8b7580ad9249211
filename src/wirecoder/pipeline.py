"""The whole path from an Article to its Report: parse with spaCy, run every extractor."""
from __future__ import annotations

from typing import Iterable, Iterator

from .extract import build_report
from .ingest import make_article
from .nlp import load_model
from .schema import Article, Report


class Pipeline:
    """Load the model once, extract many articles."""

    def __init__(self, model: str | None = None) -> None:
        self.nlp = load_model(model)

    def extract(self, article: Article | str, *, published: str | None = None) -> Report:
        """One article → its report. A plain string is taken as the article's text
        (`published` dates it, so that "yesterday" can be resolved)."""
        if isinstance(article, str):
            article = make_article(article, published=published)
        elif not isinstance(article, Article):
            raise TypeError(f"extract() takes an Article or a str, not {type(article).__name__}")
        return build_report(article, self.nlp(article.text))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Report]:
        """Reports in input order; the model parses in batches."""
        def pairs() -> Iterator[tuple[str, Article]]:
            for a in articles:
                yield a.text, a
        for doc, article in self.nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
            yield build_report(article, doc)


def extract(text: str | Article, *, published: str | None = None, model: str | None = None) -> Report:
    """Convenience: one text (or Article) → Report."""
    return Pipeline(model).extract(text, published=published)


__all__ = ["Pipeline", "extract"]
