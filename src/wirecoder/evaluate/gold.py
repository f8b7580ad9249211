"""Gold files (SPEC §3): read JSONL, check each document's shape, name bad lines by file:line."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldError, NotGoldFile

# The parts a gold document may annotate; a scorer scores only those listed.
ANNOTATED: frozenset[str] = frozenset({
    "events", "events.recall", "events.acled", "events.date", "events.location",
    "events.fatalities", "claims", "quotes", "related",
})
SLOTS: tuple[str, ...] = ("actor", "recipient", "mediator")


@dataclass(frozen=True)
class GoldDoc:
    """One gold document and where it was read from."""

    data: dict[str, Any]
    path: str
    line: int

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def dataset(self) -> str:
        return str(self.data.get("dataset") or Path(self.path).name.split(".")[0])

    @property
    def annotated(self) -> frozenset[str]:
        return frozenset(self.data.get("annotated") or ())

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def _fail(msg: str) -> None:
    raise ValueError(msg)


def _check_slot(value: Any, key: str) -> None:
    if not isinstance(value, list):
        _fail(f"`{key}` must be a list of actors")
    for actor in value:
        if isinstance(actor, dict):
            if not set(actor) <= {"country", "sector", "cameo"}:
                _fail(f"`{key}` code actor has unknown keys {sorted(set(actor) - {'country', 'sector', 'cameo'})}")
        elif not (isinstance(actor, list) and actor and all(isinstance(n, str) for n in actor)):
            _fail(f"`{key}` actor must be a non-empty list of names or a {{country, sector}} object")


def _check_date(value: Any) -> None:
    if isinstance(value, str):
        return
    if isinstance(value, dict) and isinstance(value.get("start"), str) and isinstance(value.get("end"), str):
        return
    _fail("`date` must be a day string or {start, end}")


def _check_event(ev: Any, key: str) -> None:
    if not isinstance(ev, dict):
        _fail(f"`{key}` items must be objects")
    if not any(ev.get(k) for k in ("type", "acled_sub_event_type", "acled_event_type", "case_label")):
        _fail(f"`{key}` item needs `type`, `acled_sub_event_type` or `case_label`")
    for slot in SLOTS:
        if slot in ev:
            _check_slot(ev[slot], f"{key}.{slot}")
    if "date" in ev:
        _check_date(ev["date"])
    loc = ev.get("location")
    if loc is not None and not (isinstance(loc, dict) and (loc.get("name") or loc.get("lat") is not None)):
        _fail(f"`{key}.location` must be an object with `name` or `lat`/`lon`")
    for k in ("dead", "injured"):
        if ev.get(k) is not None and not isinstance(ev[k], int):
            _fail(f"`{key}.{k}` must be an integer")


def validate(data: Any) -> None:
    """Raise ValueError with a short reason when `data` is not a SPEC §3 gold document."""
    if not isinstance(data, dict):
        _fail("a gold line must be a JSON object")
    for key in ("id", "text"):
        if not isinstance(data.get(key), str) or not data[key]:
            _fail(f"missing or empty `{key}`")
    ann = data.get("annotated")
    if not isinstance(ann, list):
        _fail("`annotated` must be a list")
    unknown = set(ann) - ANNOTATED
    if unknown:
        _fail(f"unknown `annotated` value(s) {sorted(unknown)}; known: {sorted(ANNOTATED)}")
    for key in ("events", "optional_events"):
        if key in data:
            if not isinstance(data[key], list):
                _fail(f"`{key}` must be a list")
            for ev in data[key]:
                _check_event(ev, key)
    for f in data.get("forbidden") or []:
        if not (isinstance(f, dict) and isinstance(f.get("evidence_contains"), str)):
            _fail("`forbidden` items need `evidence_contains`")
    for c in data.get("claims") or []:
        if not (isinstance(c, dict) and isinstance(c.get("quantity"), str) and isinstance(c.get("value"), int)):
            _fail("`claims` items need `quantity` and an integer `value`")
        if "claimant" in c:
            _check_slot(c["claimant"], "claims.claimant")
    for q in data.get("quotes") or []:
        if not (isinstance(q, dict) and isinstance(q.get("text"), str)):
            _fail("`quotes` items need `text`")
        if "speaker" in q:
            _check_slot(q["speaker"], "quotes.speaker")
    rel = data.get("related")
    if rel is not None and not (isinstance(rel, list) and all(isinstance(t, str) for t in rel)):
        _fail("`related` must be a list of titles")
    # Every annotated part needs its gold list, or "nothing there" is indistinguishable from a typo.
    for part, key in (("events", "events"), ("events.recall", "events"), ("claims", "claims"),
                      ("quotes", "quotes"), ("related", "related"), ("events.acled", "events")):
        if part in ann and not isinstance(data.get(key), list):
            _fail(f"`annotated` lists {part!r} but `{key}` is missing")


def read_gold(path: str | Path) -> Iterator[GoldDoc | GoldError]:
    """Every line of a gold file as a GoldDoc, or a GoldError naming file:line (never raises
    for one bad line). A file in which no line has `text` raises NotGoldFile."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise GoldError(f"cannot read gold file: {e.strerror or e}", source=str(p)) from None
    parsed: list[tuple[int, Any]] = []
    for n, raw in enumerate(lines, 1):
        if raw.strip():
            try:
                parsed.append((n, json.loads(raw)))
            except json.JSONDecodeError as e:
                parsed.append((n, GoldError(f"not JSON ({e.msg} at column {e.colno})",
                                            source=f"{p}:{n}", fix="One JSON object a line.")))
    objects = [d for _, d in parsed if isinstance(d, dict)]
    if objects and not any("text" in d for d in objects):
        raise NotGoldFile("no line has `text`: not a report gold file (SPEC §3), skipped",
                          source=str(p))
    for n, d in parsed:
        if isinstance(d, GoldError):
            yield d
            continue
        try:
            validate(d)
        except ValueError as e:
            yield GoldError(str(e), source=f"{p}:{n}", fix="See SPEC §3 'Gold files and scoring'.")
            continue
        yield GoldDoc(d, str(p), n)


def sample_key(doc_id: str) -> str:
    """Deterministic order for subsampling: sha1 of the id (stable across runs and machines)."""
    return hashlib.sha1(doc_id.encode("utf-8")).hexdigest()


def select(docs: list[GoldDoc], limit: int | None = None, sample: int | None = None) -> list[GoldDoc]:
    """The first `limit` documents, or a deterministic `sample` of them (kept in file order)."""
    if sample is not None and sample < len(docs):
        keep = {d.id for d in sorted(docs, key=lambda d: sample_key(d.id))[:sample]}
        docs = [d for d in docs if d.id in keep]
    if limit is not None:
        docs = docs[:limit]
    return docs


__all__ = [
    "ANNOTATED",
    "SLOTS",
    "GoldDoc",
    "NotGoldFile",
    "read_gold",
    "sample_key",
    "select",
    "validate",
]
