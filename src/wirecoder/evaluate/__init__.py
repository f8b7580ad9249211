"""SPEC §3 evaluation: gold files, scoring, the runner behind `wirecoder eval`, the gate.

The scorer (`score_document`, `aggregate`) is pure and needs no model; `evaluate_files`
runs the pipeline over gold documents and scores them per dataset.
"""
from __future__ import annotations

from .baseline import Shortfall, check, load_baseline
from .gold import GoldDoc, read_gold, select, validate
from .normalize import normalize_name, normalize_text
from .runner import evaluate_files, gold_article
from .score import DatasetScore, DocScore, aggregate, score_document
from .table import print_tables, results_json, write_json

__all__ = [
    "DatasetScore",
    "DocScore",
    "GoldDoc",
    "Shortfall",
    "aggregate",
    "check",
    "evaluate_files",
    "gold_article",
    "load_baseline",
    "normalize_name",
    "normalize_text",
    "print_tables",
    "read_gold",
    "results_json",
    "score_document",
    "select",
    "validate",
    "write_json",
]
