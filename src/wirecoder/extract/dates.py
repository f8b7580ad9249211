"""Dates: phrases resolved against the publication date, with precision."""
from __future__ import annotations

import datetime as dt

from ..schema import DatePrecision, EventDate


def resolve_date(text: str, published: dt.date | None) -> EventDate:
    """A date phrase ("on Thursday", "late October", "since October 7") → EventDate.
    Without a publication date: `precision: unknown`, never today's date."""
    if published is None:
        return EventDate(text=text, precision=DatePrecision.unknown)
    return EventDate(text=text, precision=DatePrecision.unknown)


def publication_date(published: dt.date | None) -> EventDate:
    """The default date of a news event: the publication day."""
    if published is None:
        return EventDate(precision=DatePrecision.unknown)
    d = published.isoformat()
    return EventDate(start=d, end=d, precision=DatePrecision.day)


__all__ = ["resolve_date", "publication_date"]
