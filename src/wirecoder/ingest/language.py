"""Language of an article: py3langid (its model ships inside the wheel; nothing is fetched).

wirecoder codes English and French. py3langid knows ~200 languages, and on a short news
sentence full of names ("Netanyahu met Biden in Washington.") its top guess is often a
neighbour (Malay, Welsh, Occitan) with a low probability. So another language wins only when
the model is fairly sure (`OTHER_MIN_PROB`); otherwise the text goes to the better of the
languages we code. An article in a language we do not code is never run through English rules:
the pipeline gives it an empty report and a coded warning (W110).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from ..errors import UncodedLanguage

# A child of the ingest logger: the CLI prints and counts its warnings.
log = logging.getLogger("wirecoder.ingest.language")

# Varieties py3langid tells apart from a coded language but whose news text is that language
# to us (measured: 4 of ~1,900 English dev notes came out as Nigerian Pidgin, "pcm").
CLOSE_VARIETIES: dict[str, str] = {"pcm": "en", "sco": "en", "jam": "en", "wa": "fr",
                                   "pcd": "fr", "nrm": "fr", "frp": "fr"}
# Languages with an extraction pipeline (wirecoder.extract dispatches on these).
CODED_LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"
# A language we do not code must be this probable (normalised over py3langid's languages).
OTHER_MIN_PROB = 0.5
# Below this many letters the guess is too weak to overrule the default.
MIN_LETTERS = 12
# Look at the start of long articles only: enough for a stable guess, cheap.
SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_scores(text: str) -> list[tuple[str, float]]:
    """(ISO 639 code, probability) for every language py3langid knows, best first."""
    return [(str(code), float(p)) for code, p in _identifier().rank(text[:SAMPLE_CHARS])]


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The ISO 639-1 code of a text's language (see the module doc for the decision rule)."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return default
    ranked = language_scores(sample)
    if not ranked:
        return default
    ranked = [(CLOSE_VARIETIES.get(code, code), q) for code, q in ranked]
    top, p = ranked[0]
    if top in CODED_LANGUAGES or p >= OTHER_MIN_PROB:
        return top
    coded = [(code, q) for code, q in ranked if code in CODED_LANGUAGES]
    return coded[0][0] if coded else default


def is_coded(language: str | None) -> bool:
    """Does wirecoder extract events from text in this language?"""
    return (language or DEFAULT_LANGUAGE) in CODED_LANGUAGES


def warn_uncoded(source: str, language: str | None) -> UncodedLanguage:
    """Log (and return) the coded warning for an article in a language we do not code."""
    warning = UncodedLanguage(
        f"the text is in language '{language}', which wirecoder does not code: no events, "
        "claims or quotes were extracted.", source=source,
        fix=f"If the language was misidentified, force it with --language "
            f"({'|'.join(CODED_LANGUAGES)}).")
    log.warning("%s", warning)
    return warning


def normalize_language(value: object) -> str | None:
    """A record's or feed's own language tag ("fr-FR", "French", "EN") → "fr" / "en" …;
    None when empty."""
    if value is None:
        return None
    s = str(value).strip().lower()
    if not s:
        return None
    names = {"english": "en", "french": "fr", "français": "fr", "francais": "fr",
             "german": "de", "deutsch": "de", "arabic": "ar", "spanish": "es"}
    if s in names:
        return names[s]
    return s.replace("_", "-").split("-")[0][:3]


__all__ = ["CODED_LANGUAGES", "DEFAULT_LANGUAGE", "detect_language", "is_coded",
           "language_scores", "normalize_language", "warn_uncoded"]
