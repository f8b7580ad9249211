"""The whole path from an Article to its Report: parse with spaCy, run every extractor."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .extract import build_report
from .ingest import make_article
from .nlp import load_model
from .schema import Article, Report

if TYPE_CHECKING:
    from .learn.model import TypesModel


class Pipeline:
    """Load the model once, extract many articles.

    `types_model`: a folder written by `wirecoder train` ('default' = the shipped one; None reads
    $WIRECODER_TYPES_MODEL; 'none' = rules only). `types_policy`: 'hybrid' (as trained),
    'model' (classifier only) or 'rules'."""

    # class defaults: a subclass that sets up only `nlp` (tests do) extracts with the rules
    types_model: "TypesModel | None" = None
    types_policy: str = "hybrid"

    def __init__(self, model: str | None = None, *, types_model: str | Path | None = None,
                 types_policy: str = "hybrid") -> None:
        from .learn.model import load_types_model, resolve_types_model

        self.nlp = load_model(model)
        path = resolve_types_model(types_model)
        self.types_model: TypesModel | None = load_types_model(path) if path else None
        self.types_policy = types_policy

    def extract(self, article: Article) -> Report:
        return build_report(article, self.nlp(article.text), types_model=self.types_model,
                            types_policy=self.types_policy)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Report]:
        """Reports in input order; the model parses in batches."""
        def pairs() -> Iterator[tuple[str, Article]]:
            for a in articles:
                yield a.text, a
        for doc, article in self.nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
            yield build_report(article, doc, types_model=self.types_model,
                               types_policy=self.types_policy)


def extract(text: str | Article, *, published: str | None = None, model: str | None = None,
            types_model: str | Path | None = None) -> Report:
    """Convenience: one text (or Article) → Report."""
    article = text if isinstance(text, Article) else make_article(text, published=published)
    return Pipeline(model, types_model=types_model).extract(article)


__all__ = ["Pipeline", "extract"]
