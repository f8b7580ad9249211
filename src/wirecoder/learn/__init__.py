"""Learned event typing: `wirecoder train`, types models, and the rules + classifier hybrid."""
from __future__ import annotations

from .hybrid import retype_events
from .model import ENV_VAR, TypesModel, default_model_path, load_types_model, resolve_types_model
from .train import train_types_model

__all__ = ["retype_events", "ENV_VAR", "TypesModel", "default_model_path", "load_types_model",
           "resolve_types_model", "train_types_model"]
