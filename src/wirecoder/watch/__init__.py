"""`wirecoder watch`: ingest folders, growing JSONL files and feed URLs as they change."""
from __future__ import annotations

from .loop import WatchStatus, WatchSummary, run_watch
from .sources import SourceSpec, parse_interval, parse_source

__all__ = ["SourceSpec", "WatchStatus", "WatchSummary", "parse_interval", "parse_source",
           "run_watch"]
