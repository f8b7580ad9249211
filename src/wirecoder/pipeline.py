"""The whole path from an Article to its Report: parse with the spaCy model of the article's
language, run that language's extractors."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

from .extract import build_report, uncoded_report
from .ingest import make_article
from .ingest.language import DEFAULT_LANGUAGE, is_coded
from .nlp import load_model
from .schema import Article, Report

if TYPE_CHECKING:
    from spacy.language import Language


class Pipeline:
    """Load the English model once (other languages' models when their first article comes),
    extract many articles."""

    def __init__(self, model: str | None = None) -> None:
        self.nlp = load_model(model)

    def nlp_for(self, language: str | None) -> Language | None:
        """The model for a language; None for a language wirecoder does not code."""
        lang = language or DEFAULT_LANGUAGE
        if lang == DEFAULT_LANGUAGE:
            return self.nlp
        return load_model(None, lang) if is_coded(lang) else None

    def extract(self, article: Article) -> Report:
        nlp = self.nlp_for(article.language)
        if nlp is None:
            return uncoded_report(article)
        return build_report(article, nlp(article.text))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Report]:
        """Reports in input order; each run of articles in one language is parsed in batches
        by that language's model."""
        for language, run in groupby(articles, key=lambda a: a.language or DEFAULT_LANGUAGE):
            nlp = self.nlp_for(language)
            if nlp is None:
                yield from (uncoded_report(a) for a in run)
                continue
            pairs = ((a.text, a) for a in run)
            for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield build_report(article, doc)


def extract(text: str | Article, *, published: str | None = None, model: str | None = None) -> Report:
    """Convenience: one text (or Article) → Report."""
    article = text if isinstance(text, Article) else make_article(text, published=published)
    return Pipeline(model).extract(article)


__all__ = ["Pipeline", "extract"]
