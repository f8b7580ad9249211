"""Coded errors of `wirecoder train` and of loading a types model (E4xx)."""
from __future__ import annotations

from ..errors import WirecoderError


class TrainingDataError(WirecoderError):
    """Training data cannot be used (base of the training-data errors)."""

    code = "E400"


class MissingColumn(TrainingDataError):
    """A training file lacks a column (CSV/XLSX) or field (JSONL) its format needs."""

    code = "E401"


class EmptyClass(TrainingDataError):
    """A class has too few rows to train on or to cross-validate."""

    code = "E402"


class UnreadableTrainingFile(TrainingDataError):
    """A training file does not exist, cannot be read, or is in no known format."""

    code = "E403"


class TypesModelError(WirecoderError):
    """A types-model folder is missing, incomplete or from an incompatible version."""

    code = "E410"


__all__ = ["TrainingDataError", "MissingColumn", "EmptyClass", "UnreadableTrainingFile",
           "TypesModelError"]
