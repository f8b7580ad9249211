"""Text → features: TF-IDF of words (1–2-grams) and characters within words (3–5-grams).

Saved as plain arrays (vocabulary + idf), never pickled: a model folder is data, so loading
one from a stranger cannot run code, and it survives scikit-learn upgrades.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from .errors import TypesModelError


@dataclass(frozen=True)
class FeatureConfig:
    word_max: int = 60_000
    char_max: int = 120_000  # 0 = words only
    min_df: int = 2

    def to_dict(self) -> dict[str, int]:
        return {"word_max": self.word_max, "char_max": self.char_max, "min_df": self.min_df}


def _word(cfg: FeatureConfig, min_df: int, vocab: dict[str, int] | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="word", ngram_range=(1, 2), lowercase=True, sublinear_tf=True,
                           min_df=min_df, max_features=cfg.word_max if vocab is None else None,
                           token_pattern=r"(?u)\b\w+\b", dtype=np.float32, vocabulary=vocab)


def _char(cfg: FeatureConfig, min_df: int, vocab: dict[str, int] | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True,
                           min_df=min_df, max_features=cfg.char_max if vocab is None else None,
                           dtype=np.float32, vocabulary=vocab)


class Featurizer:
    """Fitted word + char TF-IDF; `transform` gives one L2-normalised block per analyzer."""

    def __init__(self, cfg: FeatureConfig, parts: list[TfidfVectorizer]) -> None:
        self.cfg = cfg
        self.parts = parts

    @classmethod
    def fit(cls, texts: list[str], cfg: FeatureConfig) -> tuple["Featurizer", sparse.csr_matrix]:
        # tiny data sets (a user's first try, the tests) keep every n-gram
        min_df = cfg.min_df if len(texts) >= 500 else 1
        parts = [_word(cfg, min_df)] + ([_char(cfg, min_df)] if cfg.char_max else [])
        mats = [p.fit_transform(texts) for p in parts]
        return cls(cfg, parts), sparse.hstack(mats, format="csr", dtype=np.float32)

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        return sparse.hstack([p.transform(texts) for p in self.parts], format="csr", dtype=np.float32)

    @property
    def size(self) -> int:
        return sum(len(p.vocabulary_) for p in self.parts)

    def to_arrays(self) -> tuple[dict[str, list[str]], dict[str, np.ndarray]]:
        vocab: dict[str, list[str]] = {}
        idf: dict[str, np.ndarray] = {}
        for name, p in zip(("word", "char"), self.parts):
            terms = [""] * len(p.vocabulary_)
            for t, i in p.vocabulary_.items():
                terms[i] = t
            vocab[name] = terms
            idf[f"idf_{name}"] = p.idf_.astype(np.float32)
        return vocab, idf

    @classmethod
    def from_arrays(cls, cfg: FeatureConfig, vocab: dict[str, list[str]], arrays: Any) -> "Featurizer":
        parts = []
        for name, make in (("word", _word), ("char", _char)):
            if name not in vocab:
                continue
            terms = vocab[name]
            v = make(cfg, 1, {t: i for i, t in enumerate(terms)})
            idf = np.asarray(arrays[f"idf_{name}"], dtype=np.float32)
            if len(idf) != len(terms):
                raise TypesModelError(f"{name} vocabulary and idf differ in length ({len(terms)} ≠ {len(idf)})")
            v.idf_ = idf
            parts.append(v)
        return cls(cfg, parts)


__all__ = ["FeatureConfig", "Featurizer"]
