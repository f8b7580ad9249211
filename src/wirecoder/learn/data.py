"""Training examples from ACLED exports (CSV/XLSX/JSONL), SPEC gold JSONL and NGEC-style JSONL.

Every source becomes `Example`s of one or more *heads*: `acled_sub` (ACLED sub-event type),
`plover_type` (PLOVER event type) and `plover_mode` ("TYPE/mode"). The format is read from the
columns or fields present, so a user's own export works without flags.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OptionalDependencyMissing
from ..schema import MODES
from .errors import EmptyClass, MissingColumn, UnreadableTrainingFile

HEADS: tuple[str, ...] = ("plover_type", "plover_mode", "acled_sub")

ACLED_TERMS = ("ACLED Terms of Use: attribution required (ACLED, acleddata.com); the rows may not "
               "be redistributed and a model trained on them is derived from ACLED data — do not "
               "share or publish it beyond what your ACLED licence allows.")
NGEC_LICENCE = ("MIT (NGEC, ahalterman/NGEC-2025): synthetic stories written by a language model; "
                "their facts are invented.")
CODEBOOK_LICENCE = ("Written for wirecoder (invented sentences; the ACLED ones follow ACLED's "
                    "published codebook definitions, no ACLED rows); same licence as wirecoder.")
GOLD_LICENCE = "As the gold file's own licence (wirecoder does not know it)."

# NGEC spells two modes its own way and has modes PLOVER 2.0 does not list (→ no mode).
MODE_FIXES = {"primative": "primitive", "sieze": "seize"}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]+\}")


@dataclass
class Example:
    text: str
    head: str
    label: str
    source: str
    group: str = ""  # what held-out-group CV keeps together: country, story template, file


@dataclass
class SourceFile:
    """One training file as the model card lists it."""

    path: str
    sha256: str
    kind: str
    rows: int = 0
    used: int = 0
    skipped: int = 0
    licence: str = ""
    heads: list[str] = field(default_factory=list)


def lead(text: str, sentences: int = 1) -> str:
    """The first sentence(s) of a story: where a news story states its event."""
    text = " ".join(PLACEHOLDER.sub("", text).split())
    parts = SENTENCE_END.split(text, maxsplit=sentences)
    return " ".join(parts[:sentences]).strip()


def plover_mode_label(type_: str, mode: Any) -> str:
    """'TYPE/mode' with the mode in PLOVER 2.0's list for that type, else 'TYPE/' (no mode)."""
    m = str(mode).strip().casefold() if mode else ""
    m = MODE_FIXES.get(m, m)
    return f"{type_}/{m if m in MODES.get(type_, ()) else ''}"


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Write rows as JSON lines (UTF-8, non-ASCII kept): the invented-example generators."""
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _rows_csv(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f)


def _rows_xlsx(path: Path) -> Iterator[dict[str, Any]]:
    try:
        import openpyxl  # type: ignore[import-not-found,import-untyped]
    except ImportError as e:
        raise OptionalDependencyMissing(
            "reading an .xlsx export needs openpyxl, which is not installed", source=str(path),
            fix="Save the sheet as CSV, or `pip install openpyxl`.") from e
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = wb.active.iter_rows(values_only=True)
    header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
    for r in rows:
        yield {h: ("" if v is None else v) for h, v in zip(header, r)}


def _rows_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise UnreadableTrainingFile(f"line {n} is not JSON ({e.msg})", source=str(path)) from e
            if not isinstance(d, dict):
                raise UnreadableTrainingFile(f"line {n} is not a JSON object", source=str(path))
            yield d


def read_rows(path: Path) -> Iterator[dict[str, Any]]:
    suffix = path.suffix.casefold()
    if suffix in (".csv", ".tsv"):
        return _rows_csv(path)
    if suffix == ".xlsx":
        return _rows_xlsx(path)
    if suffix in (".jsonl", ".ndjson"):
        return _rows_jsonl(path)
    raise UnreadableTrainingFile(f"unknown training file type {suffix or '(none)'!r}", source=str(path),
                                 fix="Use an ACLED export (.csv/.xlsx) or JSONL (.jsonl).")


def row_kind(row: dict[str, Any]) -> str:
    """'acled', 'gold' (SPEC §3) or 'stories' (text + PLOVER type, the NGEC form)."""
    keys = {str(k).strip().casefold() for k in row}
    if "events" in keys and "annotated" in keys:
        return "gold"
    if "notes" in keys or "sub_event_type" in keys:
        return "acled"
    if "type" in keys and "text" in keys:
        return "stories"
    return "unknown"


def _need(row: dict[str, Any], cols: tuple[str, ...], path: Path, kind: str) -> None:
    keys = {str(k).strip().casefold() for k in row}
    missing = [c for c in cols if c not in keys]
    if missing:
        raise MissingColumn(f"{kind} rows need the column(s) {', '.join(missing)}; found "
                            f"{', '.join(sorted(keys)) or 'none'}", source=str(path))


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {str(k).strip().casefold(): v for k, v in row.items()}


def gold_examples(d: dict[str, Any], src: str) -> list[Example]:
    """A single-event gold document → its PLOVER type/mode and/or ACLED sub-type examples."""
    events = d.get("events") or []
    text = d.get("text")
    annotated = set(d.get("annotated") or ())
    if len(events) != 1 or not isinstance(text, str) or not text.strip():
        return []
    ev = events[0]
    out: list[Example] = []
    if "events" in annotated and ev.get("type"):
        out.append(Example(text, "plover_type", str(ev["type"]), src))
        modes = ev.get("mode")
        mode = modes[0] if isinstance(modes, list) and modes else modes
        out.append(Example(text, "plover_mode", plover_mode_label(str(ev["type"]), mode), src))
    if "events.acled" in annotated and ev.get("acled_sub_event_type"):
        out.append(Example(text, "acled_sub", str(ev["acled_sub_event_type"]), src))
    return out


def load_file(path: str | Path, licence: str | None = None) -> tuple[list[Example], SourceFile, dict[str, str]]:
    """Examples of one file, its card entry, and ACLED sub-type → event type seen in it."""
    p = Path(path)
    if not p.is_file():
        raise UnreadableTrainingFile("no such file", source=str(p))
    try:
        digest = sha256_of(p)
        rows = list(read_rows(p))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise UnreadableTrainingFile(f"cannot read: {e}", source=str(p)) from e
    except (TypeError, ValueError, KeyError, StopIteration, zipfile.BadZipFile) as e:
        # a damaged .xlsx surfaces as one of these from openpyxl/zipfile
        raise UnreadableTrainingFile(f"cannot read: {type(e).__name__}: {e}", source=str(p)) from e
    if not rows:
        raise UnreadableTrainingFile("holds no rows", source=str(p))
    kind = row_kind(rows[0])
    if kind == "unknown":
        raise MissingColumn("rows have neither ACLED columns (notes, sub_event_type), SPEC gold "
                            "fields (text, events, annotated) nor story fields (text, type); found "
                            f"{', '.join(sorted(map(str, rows[0])))}", source=str(p))
    examples: list[Example] = []
    parents: dict[str, str] = {}
    sf = SourceFile(path=str(p), sha256=digest, kind=kind, rows=len(rows))
    for row in rows:
        r = _clean(row)
        if kind == "acled":
            _need(r, ("notes", "sub_event_type"), p, "ACLED")
            notes, sub = str(r.get("notes") or "").strip(), str(r.get("sub_event_type") or "").strip()
            if notes and not sub:
                raise EmptyClass(f"row {sf.used + sf.skipped + 2} has notes but an empty sub_event_type",
                                 source=str(p), fix="Fill in or drop the row.")
            if not notes:
                sf.skipped += 1
                continue
            group = str(r.get("group") or r.get("country") or r.get("source") or p)
            examples.append(Example(notes, "acled_sub", sub, str(p), group))
            if r.get("event_type"):
                parents[sub] = str(r["event_type"]).strip()
        elif kind == "stories":
            _need(r, ("text", "type"), p, "story")
            text = lead(str(r.get("text") or ""))
            t = str(r.get("type") or "").strip().upper()
            if not text or t not in MODES:
                sf.skipped += 1
                continue
            group = str(r.get("group") or r.get("title") or p)
            examples.append(Example(text, "plover_type", t, str(p), group))
            examples.append(Example(text, "plover_mode", plover_mode_label(t, r.get("mode")), str(p), group))
        else:
            got = gold_examples(r, str(p))
            for g in got:
                g.group = str(r.get("dataset") or p)
            if not got:
                sf.skipped += 1
                continue
            examples.extend(got)
            for g in got:
                if g.head == "acled_sub" and r["events"][0].get("acled_event_type"):
                    parents[g.label] = str(r["events"][0]["acled_event_type"])
        sf.used += 1
    sf.heads = sorted({e.head for e in examples})
    sf.licence = licence or default_licence(p, kind, rows[0])
    return examples, sf, parents


def default_licence(path: Path, kind: str, first: dict[str, Any]) -> str:
    src = str(first.get("source") or "").casefold()
    if src.startswith("wirecoder "):  # the invented examples shipped in learn/data
        return CODEBOOK_LICENCE
    if kind == "acled":
        return ACLED_TERMS
    if "ngec" in src or first.get("synthetic") is True:
        return NGEC_LICENCE
    return GOLD_LICENCE if kind == "gold" else "unknown (give it with --licence)"


__all__ = ["write_jsonl", "HEADS", "ACLED_TERMS", "NGEC_LICENCE", "CODEBOOK_LICENCE", "Example", "SourceFile",
           "lead", "plover_mode_label", "sha256_of", "read_rows", "row_kind", "gold_examples",
           "load_file", "default_licence"]
