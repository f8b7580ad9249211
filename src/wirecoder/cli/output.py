"""The one output helper shared by every listing command (events, claims, actors, quotes,
timeline): --format table|csv|jsonl|parquet and --output FILE, same behaviour everywhere.

Usage in a command:  fmt: str = FORMAT_OPTION, output: Optional[Path] = OUTPUT_OPTION, then
`emit(columns, rows, fmt, output)`. Parquet goes through DuckDB's COPY … (FORMAT parquet).
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer

from ..errors import UsageError

__all__ = ["FORMATS", "FORMAT_OPTION", "LIST_SEP", "OUTPUT_OPTION", "QUIET_OPTION", "emit",
           "rows_to_file"]

FORMATS = ("table", "csv", "jsonl", "parquet")
FORMAT_OPTION: Any = typer.Option("table", "--format", "-f",
                                  help="Output format: table, csv, jsonl or parquet (needs --output).")
OUTPUT_OPTION: Any = typer.Option(None, "--output", "-o",
                                  help="Write to this file instead of stdout.")
QUIET_OPTION: Any = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr.")
MIN_CONFIDENCE_OPTION: Any = typer.Option(
    None, "--min-confidence", min=0.0, max=1.0, envvar="WIRECODER_MIN_CONFIDENCE",
    help="Leave out events of a lower calibrated confidence (default 0.4; 0 keeps every "
         "candidate; texts of ≤ 6 sentences — field notes, briefs — keep all theirs).")


def apply_min_confidence(value: float | None) -> None:
    """Hand the threshold to every Pipeline of this run, worker processes included (they
    inherit the environment)."""
    import os

    if value is not None:
        os.environ["WIRECODER_MIN_CONFIDENCE"] = str(value)
_TABLE_CELL = 60
LIST_SEP = "; "


def _plain(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):  # every table and CSV shows a list the same way: "a; b"
        return LIST_SEP.join("" if x is None else str(_plain(x)) for x in v)
    return v


def _json_value(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_json_value(x) for x in v]
    return v


def _duck_type(values: list[Any]) -> str:
    for v in values:
        if v is None:
            continue
        if isinstance(v, (list, tuple)):
            return "VARCHAR[]"
        if isinstance(v, bool):
            return "BOOLEAN"
        if isinstance(v, int):
            return "BIGINT"
        if isinstance(v, float):
            return "DOUBLE"
        if isinstance(v, datetime):
            return "TIMESTAMP"
        if isinstance(v, date):
            return "DATE"
        return "VARCHAR"
    return "VARCHAR"


def rows_to_file(columns: Sequence[str], rows: Sequence[Sequence[Any]], path: Path | str,
                 fmt: str = "parquet") -> None:
    """Rows (typed from their Python values) to parquet/csv via an in-memory DuckDB COPY."""
    import duckdb

    con = duckdb.connect()
    try:
        cols = [f'"{c}" {_duck_type([r[i] for r in rows])}' for i, c in enumerate(columns)]
        con.execute(f"CREATE TABLE t ({', '.join(cols)})")
        if rows:
            con.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(columns))})",
                            [list(r) for r in rows])
        opts = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
        con.execute(f"COPY t TO '{str(path).replace(chr(39), chr(39) * 2)}' {opts}")
    finally:
        con.close()


def _table(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: Any,
           only: Sequence[str] | None) -> None:
    from rich.console import Console
    from rich.table import Table

    pos = {c: i for i, c in enumerate(columns)}
    keep = [pos[c] for c in only if c in pos] if only else list(range(len(columns)))
    t = Table(show_lines=False, header_style="bold")
    for i in keep:
        t.add_column(columns[i], overflow="fold")
    for r in rows:
        cells = []
        for i in keep:
            s = "" if r[i] is None else str(_plain(r[i]))
            cells.append(s if len(s) <= _TABLE_CELL else s[:_TABLE_CELL - 1] + "…")
        t.add_row(*cells)
    tty = out is sys.stdout and sys.stdout.isatty()
    Console(file=out, width=None if tty else 200, soft_wrap=False).print(t)
    if out is sys.stdout:
        print(f"{len(rows)} rows", file=sys.stderr)


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table",
         output: Path | None = None, table_columns: Sequence[str] | None = None) -> None:
    """Print or write rows in one of FORMATS; the single code path for every listing.
    `table_columns` narrows the human table (the other formats keep every column)."""
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}.")
    if fmt == "parquet":
        if output is None:
            raise UsageError("--format parquet writes a binary file: give --output FILE.parquet.")
        rows_to_file(columns, rows, output, "parquet")
        return
    buf: Any = io.StringIO() if output is not None else sys.stdout
    if fmt == "csv":
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_plain(v) for v in r] for r in rows])
    elif fmt == "jsonl":
        for r in rows:
            buf.write(json.dumps({c: _json_value(v) for c, v in zip(columns, r)},
                                 ensure_ascii=False) + "\n")
    else:
        _table(columns, rows, buf, table_columns)
    if output is not None:
        Path(output).write_text(buf.getvalue(), encoding="utf-8")
