"""Compatibility names for API modules written against the earlier filter parsing: the one
filter model is `store.filters.Filters` (issue 11), shared with the CLI."""

from __future__ import annotations

from typing import Any

from ..store.filters import Filters, InvalidFilter, parse_country, parse_date

__all__ = ["EventFilters", "invalid", "parse_country", "parse_date", "parse_event_filters"]

EventFilters = Filters


def parse_event_filters(**kw: Any) -> Filters:
    """Event filters from query-string values, validated as /api/events validates them."""
    return Filters(**kw).checked("events")


def invalid(field_name: str, message: str) -> InvalidFilter:
    """The 422 for a bad query value (`raise invalid("format", "…")`)."""
    return InvalidFilter(field_name, message)
