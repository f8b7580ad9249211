"""Spans of an article to highlight for one event: its evidence and, inside it, the actor,
recipient, mediator, date, place and figures. Pure functions over stored rows; the browser
renders the spans as text nodes, never as HTML."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["evidence_marks"]


def _find_all(text: str, needle: str | None, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of `needle` inside text[lo:hi] (case-sensitive first, then insensitive)."""
    if not needle or not needle.strip():
        return []
    hay = text[lo:hi]
    out = []
    for h, n in ((hay, needle), (hay.lower(), needle.lower())):
        i = h.find(n)
        while i >= 0:
            out.append((lo + i, lo + i + len(n)))
            i = h.find(n, i + len(n))
        if out:
            break
    return out


def evidence_marks(
    ev: dict[str, Any],
    doc: dict[str, Any],
    text: str,
    parts: list[dict[str, Any]],
    mentions: list[dict[str, Any]],
    claims: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Spans of the article to highlight: evidence, and inside it actor, recipient, date, place,
    figures. The browser renders them as text nodes, never as HTML."""
    n = len(text)
    spans = [
        (int(s["start"]), int(s["end"]))
        for s in doc.get("evidence") or []
        if 0 <= int(s["start"]) < int(s["end"]) <= n
    ]
    es, ee = ev.get("evidence_start"), ev.get("evidence_end")
    if not spans and es is not None and ee is not None and 0 <= es < ee <= n:
        spans = [(es, ee)]
    marks: list[dict[str, Any]] = [{"start": s, "end": e, "kind": "evidence"} for s, e in spans]
    role_of = {p["actor_id"]: p["role"] for p in parts}
    for lo, hi in spans:
        for m in mentions:
            role = role_of.get(m["actor_id"])
            if role and lo <= m["start_char"] and m["end_char"] <= hi:
                marks.append({"start": m["start_char"], "end": m["end_char"], "kind": role})
        date_text = (doc.get("date") or {}).get("text")
        for s, e in _find_all(text, date_text, lo, hi)[:1]:
            marks.append({"start": s, "end": e, "kind": "date"})
        loc = doc.get("location") or {}
        for s, e in _find_all(text, loc.get("text") or loc.get("name"), lo, hi)[:1]:
            marks.append({"start": s, "end": e, "kind": "place"})
        figures = {str(v) for v in (ev.get("dead"), ev.get("injured")) if v is not None}
        figures |= {str(c["value"]) for c in claims if c.get("value") is not None}
        for fig in figures:
            variants = {fig, f"{int(fig):,}"} if fig.isdigit() else {fig}
            for v in variants:  # whole numbers only: "9" must not light up inside "2019"
                for hit in re.finditer(rf"(?<![\d,.]){re.escape(v)}(?![\d]|[,.]\d)", text[lo:hi]):
                    marks.append(
                        {"start": lo + hit.start(), "end": lo + hit.end(), "kind": "figure"}
                    )
    return sorted(marks, key=lambda m: (m["start"], -m["end"]))
