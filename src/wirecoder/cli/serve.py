"""`wirecoder serve` — see issue 5."""
from __future__ import annotations
