"""wirecoder: news reports → source-attributed PLOVER events, actors, claims and quotes."""
from __future__ import annotations

from .pipeline import Pipeline, extract
from .schema import Article, Report

__version__ = "0.1.0"
__all__ = ["Pipeline", "extract", "Article", "Report", "__version__"]
