"""Corpus commands (ingest, events, claims, actors, quotes, timeline, export) — see issue 4."""
from __future__ import annotations
