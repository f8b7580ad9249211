"""A types model: one linear head per label set (PLOVER type, PLOVER mode, ACLED sub-type),
the hybrid policy chosen at training time, and the model card — saved as JSON + NumPy arrays."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.svm import LinearSVC

from .errors import TypesModelError
from .features import FeatureConfig, Featurizer

FORMAT = "wirecoder.types-model/1"
ENV_VAR = "WIRECODER_TYPES_MODEL"
# PLOVER modes are many small classes: words alone keep that head small on disk.
HEAD_FEATURES: dict[str, FeatureConfig] = {
    "plover_type": FeatureConfig(),
    "acled_sub": FeatureConfig(),
    "plover_mode": FeatureConfig(word_max=20_000, char_max=0),
}


def fit_linear(X: sparse.csr_matrix, y: list[str], seed: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Linear SVM (one-vs-rest, balanced class weights): classes, coef (k × n), intercept (k)."""
    clf = LinearSVC(C=0.5, class_weight="balanced", random_state=seed, max_iter=5000)
    clf.fit(X, y)
    classes = [str(c) for c in clf.classes_]
    coef, icpt = clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32)
    if len(classes) == 2:  # binary LinearSVC keeps one row: score of the second class
        coef, icpt = np.vstack([-coef[0], coef[0]]), np.array([-icpt[0], icpt[0]], dtype=np.float32)
    return classes, coef, icpt


@dataclass
class Head:
    name: str
    classes: list[str]
    featurizer: Featurizer
    coef: np.ndarray
    intercept: np.ndarray

    @classmethod
    def train(cls, name: str, texts: list[str], labels: list[str], seed: int) -> "Head":
        feat, X = Featurizer.fit(texts, HEAD_FEATURES.get(name, FeatureConfig()))
        classes, coef, icpt = fit_linear(X, labels, seed)
        return cls(name, classes, feat, coef, icpt)

    def scores(self, texts: list[str]) -> np.ndarray:
        X = self.featurizer.transform(texts)
        return np.asarray(X @ self.coef.T) + self.intercept

    def predict(self, texts: list[str], allowed: list[str] | None = None) -> list[tuple[str, float]]:
        """(label, margin) per text: margin = best score − second best (how sure, ≥ 0)."""
        s = self.scores(texts)
        if allowed is not None:
            mask = np.array([c in allowed for c in self.classes])
            if not mask.any():
                return [("", 0.0)] * len(texts)
            s = np.where(mask, s, -np.inf)
        out = []
        for row in s:
            order = np.argsort(-row)
            top = float(row[order[0]])
            second = float(row[order[1]]) if len(row) > 1 and np.isfinite(row[order[1]]) else top - 1.0
            out.append((self.classes[int(order[0])], top - second))
        return out


@dataclass
class TypesModel:
    path: str
    heads: dict[str, Head]
    policy: dict[str, Any] = field(default_factory=dict)
    acled_parents: dict[str, str] = field(default_factory=dict)
    card: dict[str, Any] = field(default_factory=dict)


def save_types_model(model: TypesModel, out: str | Path) -> Path:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    meta: dict[str, Any] = {"format": FORMAT, "heads": {}, "policy": model.policy,
                            "acled_parents": model.acled_parents}
    for name, h in model.heads.items():
        vocab, arrays = h.featurizer.to_arrays()
        # float16 weights: half the size, and scores move by < 1e-3 (ranked, never summed at scale)
        arrays["coef"] = h.coef.astype(np.float16)
        arrays["intercept"] = h.intercept
        np.savez_compressed(out / f"{name}.npz", **arrays)  # type: ignore[arg-type]
        (out / f"{name}.vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        meta["heads"][name] = {"classes": h.classes, "features": h.featurizer.cfg.to_dict()}
    (out / "model.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "card.json").write_text(json.dumps(model.card, indent=1, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    return out


_CACHE: dict[tuple[str, float], TypesModel] = {}


def load_types_model(path: str | Path) -> TypesModel:
    """Load (once per process and file version) a model folder written by `wirecoder train`."""
    p = Path(path)
    meta_path = p / "model.json"
    if not meta_path.is_file():
        raise TypesModelError("not a types-model folder (no model.json)", source=str(p),
                              fix="Give a folder written by `wirecoder train`.")
    key = (str(p.resolve()), meta_path.stat().st_mtime)
    if key in _CACHE:
        return _CACHE[key]
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise TypesModelError(f"format {meta.get('format')!r}, expected {FORMAT!r}", source=str(p))
        heads = {}
        for name, hm in meta["heads"].items():
            cfg = FeatureConfig(**hm["features"])
            vocab = json.loads((p / f"{name}.vocab.json").read_text(encoding="utf-8"))
            with np.load(p / f"{name}.npz") as arrays:
                feat = Featurizer.from_arrays(cfg, vocab, arrays)
                heads[name] = Head(name, list(hm["classes"]), feat,
                                   arrays["coef"].astype(np.float32), arrays["intercept"].astype(np.float32))
        card_path = p / "card.json"
        card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.is_file() else {}
    except (OSError, ValueError, KeyError) as e:
        raise TypesModelError(f"cannot load: {type(e).__name__}: {e}", source=str(p)) from e
    model = TypesModel(str(p), heads, meta.get("policy") or {}, meta.get("acled_parents") or {}, card)
    _CACHE[key] = model
    return model


def default_model_path() -> Path:
    """The model shipped in the package (trained on redistributable data only)."""
    return Path(__file__).resolve().parents[1] / "data" / "types_model"


def resolve_types_model(value: str | Path | None) -> str | None:
    """--types-model / Pipeline(types_model=…) / $WIRECODER_TYPES_MODEL → a folder or None.
    'default' names the shipped model; '' or 'none' switches learned typing off."""
    v = str(value) if value is not None else os.environ.get(ENV_VAR)
    if v is None or v.strip().casefold() in ("", "none", "off"):
        return None
    if v.strip().casefold() == "default":
        return str(default_model_path())
    return v


__all__ = ["FORMAT", "ENV_VAR", "HEAD_FEATURES", "fit_linear", "Head", "TypesModel",
           "save_types_model", "load_types_model", "default_model_path", "resolve_types_model"]
