"""Ingest engines: `local` (one process or a multiprocessing pool) and `ray` (Ray Data).

Both map batches of Articles to Reports in input order; `run_ingest` writes each batch in one
store transaction and recomputes the cross-article merge at the end.
"""
from __future__ import annotations

from .local import IngestSummary, run_ingest

__all__ = ["IngestSummary", "run_ingest"]
