"""The API's read-only access to the store: `store.reader.Reader` (a shared connection that
gives way to `wirecoder ingest`), under the name the API modules have always imported."""

from __future__ import annotations

from ..store.reader import Reader as Store
from ..store.reader import StoreBusy, StoreMissing

__all__ = ["Store", "StoreBusy", "StoreMissing"]
