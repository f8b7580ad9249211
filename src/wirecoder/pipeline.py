"""The whole path from an Article to its Report: parse with the spaCy model of the article's
language, run that language's extractors."""
from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from .extract import build_report, uncoded_report
from .ingest import make_article
from .ingest.language import DEFAULT_LANGUAGE, is_coded
from .nlp import load_model
from .schema import Article, Report

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .learn.model import TypesModel


# The collector's first threshold while extracting (Python's default: 700). Extraction makes
# and frees tens of thousands of short-lived containers per article (token lists, dicts,
# pydantic models) but keeps few: with 700 the young generation is collected ~10 times an
# article and every tenth of those walks the older one, and every hundredth walks the whole
# heap — the loaded model, lexicons and gazetteer, ~240,000 objects, 0.2 s — although these
# collections find almost nothing (reports hold no cycles). Measured over 4 passes of the 64
# CNN 2024-07 articles: 0.35 CPU s of collections at 700, 0.01 s at 10,000 (about a tenth
# of the work beyond spaCy); the garbage cycles left wait a little longer (a few MB at most).
_YOUNG_THRESHOLD = 10_000


def tune_collector() -> None:
    """Raise the collector's young-generation threshold for extraction, unless the
    process has set its own thresholds (anything but Python's default)."""
    first, second, third = gc.get_threshold()
    if first == 700:
        gc.set_threshold(_YOUNG_THRESHOLD, second, third)


class Pipeline:
    """Load the English model once (other languages' models when their first article comes),
    extract many articles.

    `min_confidence`: events below it are left out of reports (default: the decision stage's
    calibrated default, or $WIRECODER_MIN_CONFIDENCE). `types_model`: a folder written by
    `wirecoder train` ('default' = the shipped one; None reads $WIRECODER_TYPES_MODEL; 'none'
    = rules only). `types_policy`: 'hybrid' (as trained), 'model' (classifier only) or
    'rules'."""

    # class defaults: a subclass that sets up only `nlp` (tests do) extracts with the rules
    min_confidence: float | None = None
    types_model: "TypesModel | None" = None
    types_policy: str = "hybrid"

    def __init__(self, model: str | None = None, *, min_confidence: float | None = None,
                 types_model: str | Path | None = None, types_policy: str = "hybrid") -> None:
        from .learn.model import load_types_model, resolve_types_model

        self.nlp = load_model(model)
        tune_collector()
        env = os.environ.get("WIRECODER_MIN_CONFIDENCE")
        self.min_confidence = min_confidence if min_confidence is not None else (
            float(env) if env else None)
        path = resolve_types_model(types_model)
        self.types_model = load_types_model(path) if path else None
        self.types_policy = types_policy

    def nlp_for(self, language: str | None) -> "Language | None":
        """The model for a language; None for a language wirecoder does not code."""
        lang = language or DEFAULT_LANGUAGE
        if lang == DEFAULT_LANGUAGE:
            return self.nlp
        return load_model(None, lang) if is_coded(lang) else None

    def _report(self, article: Article, doc: "Doc") -> Report:
        return build_report(article, doc, min_confidence=self.min_confidence,
                            types_model=self.types_model, types_policy=self.types_policy)

    def extract(self, article: Article | str, *, published: str | None = None) -> Report:
        """One article → its report. A plain string is taken as the article's text
        (`published` dates it, so that "yesterday" can be resolved)."""
        if isinstance(article, str):
            article = make_article(article, published=published)
        elif not isinstance(article, Article):
            raise TypeError(f"extract() takes an Article or a str, not {type(article).__name__}")
        nlp = self.nlp_for(article.language)
        if nlp is None:
            return uncoded_report(article)
        return self._report(article, nlp(article.text))

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
                yield self._report(article, doc)


def extract(text: str | Article, *, published: str | None = None, model: str | None = None,
            types_model: str | Path | None = None) -> Report:
    """Convenience: one text (or Article) → Report."""
    return Pipeline(model, types_model=types_model).extract(text, published=published)


__all__ = ["Pipeline", "extract", "tune_collector"]
