"""`wirecoder eval` — scores gold files per SPEC §3."""
from __future__ import annotations
