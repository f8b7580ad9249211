"""Work over the whole store: cross-article event merging and claim series."""
from __future__ import annotations

from .merge import cluster_events, merge_store, same_event
from .series import build_series, series_from_store

__all__ = ["build_series", "cluster_events", "merge_store", "same_event", "series_from_store"]
