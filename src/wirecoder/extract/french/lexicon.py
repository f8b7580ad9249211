"""The French vocabularies (lexicons/*_fr.yaml, plus *_fr_*.yaml a user adds there or in
$WIRECODER_LEXICONS), read once. The English loaders never read these files: their names do
not match the English globs (predicates_*, roles*, claims_*, quote_cues_*), except
related_links_fr.yaml, which ingest/related.py merges on purpose (links are links)."""
from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from ..kb import lexicon_files


@cache
def load(name: str) -> dict[str, Any]:
    """NAME_fr.yaml merged with NAME_fr_*.yaml: mappings updated, lists concatenated."""
    merged: dict[str, Any] = {}
    for path in lexicon_files(f"{name}_fr.yaml") + lexicon_files(f"{name}_fr_*.yaml"):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
        for key, value in data.items():
            old = merged.get(key)
            if isinstance(old, dict) and isinstance(value, dict):
                old.update(value)
            elif isinstance(old, list) and isinstance(value, list):
                old.extend(value)
            else:
                merged[key] = value
    return merged


@cache
def words(name: str, key: str) -> frozenset[str]:
    """A list of a French lexicon as a set of lowercase strings."""
    return frozenset(str(w).lower() for w in load(name).get(key) or [])


def mapping(name: str, key: str) -> dict[str, Any]:
    """A mapping of a French lexicon with lowercase keys."""
    return {str(k).lower(): v for k, v in (load(name).get(key) or {}).items()}


__all__ = ["load", "mapping", "words"]
