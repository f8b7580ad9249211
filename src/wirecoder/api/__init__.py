"""HTTP API and dashboard over the DuckDB store (`wirecoder serve`)."""

from __future__ import annotations

from .app import create_app
from .db import Store

__all__ = ["Store", "create_app"]
