"""Corpus commands: ingest, events, claims, actors, quotes, timeline, export (thin wrappers over
engine/, store/ and corpus/)."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import UsageError
from . import app
from .output import FORMAT_OPTION, OUTPUT_OPTION, QUIET_OPTION, emit

__all__ = [
    "actors_cmd",
    "claims_cmd",
    "estimate_total",
    "events_cmd",
    "export_cmd",
    "ingest_cmd",
    "quotes_cmd",
    "timeline_cmd",
]

DB_OPTION = typer.Option(Path("wirecoder.duckdb"), "--db", help="DuckDB store file.")
TYPE_OPTION = typer.Option(None, "--type", help="Event type (PLOVER), e.g. ASSAULT.")
ACTOR_OPTION = typer.Option(None, "--actor", help="Actor name contains this (case-insensitive).")
COUNTRY_OPTION = typer.Option(None, "--country", help="ISO 3166 alpha-3 country, e.g. PSE.")
SINCE_OPTION = typer.Option(None, "--since", help="From this ISO date (inclusive).")
UNTIL_OPTION = typer.Option(None, "--until", help="Up to this ISO date (inclusive).")
STATUS_OPTION = typer.Option(None, "--status", help="occurred, ongoing, planned, possible, negated, historical.")
CLAIMANT_OPTION = typer.Option(None, "--claimant", help="Claimant/speaker name or text contains this.")
LIMIT_OPTION = typer.Option(None, "--limit", help="At most this many rows.")


def estimate_total(sources: list[str], limit: int | None) -> int | None:
    """Best-effort article count for the progress bar's ETA: lines of JSONL files, rows of CSV
    files, files in folders, 1 per other file; unknown (None) for stdin and feeds."""
    total = 0
    for s in sources:
        p = Path(s)
        if s == "-":
            return None
        if not p.exists():
            continue  # reported as a failure by ingest
        files = [f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")] \
            if p.is_dir() else [p]
        for f in files:
            suf = f.suffix.lower()
            if suf in (".jsonl", ".ndjson", ".csv", ".tsv"):
                with open(f, "rb") as fh:
                    n = sum(1 for line in fh if line.strip())
                total += n - 1 if suf in (".csv", ".tsv") else n
            elif suf in (".xml", ".rss", ".atom"):
                return None
            else:
                total += 1
    if limit is not None:
        total = min(total, limit)
    return total


def _check_date(value: str | None, flag: str) -> None:
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} must be an ISO date (YYYY-MM-DD), got {value!r}.") from None


@app.command("ingest")
def ingest_cmd(
    sources: list[str] = typer.Argument(..., help="Files, folders, feeds, JSONL/CSV corpora, or -."),
    db: Path = DB_OPTION,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes (local) or Ray actors."),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or ray (Ray Data)."),
    ray_address: str | None = typer.Option(None, "--ray-address", help="Join this Ray cluster instead of starting a local one."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch (= per store transaction)."),
    limit: int | None = typer.Option(None, "--limit", min=0, help="Stop after this many articles."),
    published: str | None = typer.Option(None, "--published", help="Publication date for inputs without one."),
    model: str | None = typer.Option(None, "--model", envvar="WIRECODER_MODEL", help="spaCy model package or path."),
    no_merge: bool = typer.Option(False, "--no-merge", help="Skip the cross-article merge after ingest."),
    language: str | None = typer.Option(None, "--language", help="Force the language of every article (en, fr); default: identified per article."),
    types_model: str | None = typer.Option(None, "--types-model", envvar="WIRECODER_TYPES_MODEL", help="Types model folder from `wirecoder train` ('default' = the shipped one): rules and classifier type events together."),
    quiet: bool = QUIET_OPTION,
) -> None:
    """Extract every article of SOURCES into the store (idempotent: stored articles are skipped)."""
    from ..engine.local import run_ingest

    if engine not in ("local", "ray"):
        raise UsageError(f"--engine must be local or ray, got {engine!r}.")
    _check_date(published, "--published")

    def report_failure(f) -> None:  # type: ignore[no-untyped-def]
        print(f"wirecoder: {f}", file=sys.stderr)

    if quiet:
        summary = run_ingest(sources, str(db), workers=workers, engine=engine,
                             batch_size=batch_size, limit=limit, published=published, model=model,
                             ray_address=ray_address, merge=not no_merge,
                             language=language, types_model=types_model or "none",
                             on_failure=report_failure)
    else:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        total = estimate_total(sources, limit)
        console = Console(file=sys.stderr)
        cols = [TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
                TextColumn("ETA"), TimeRemainingColumn(),
                TextColumn("[red]{task.fields[failed]} failed")]
        with Progress(*cols, console=console, transient=False) as progress:
            task = progress.add_task("ingest", total=total, rate=0.0, failed=0)

            def on_progress(done: int, failed: int, words: int) -> None:
                elapsed = progress.tasks[0].elapsed or 1e-9
                progress.update(task, completed=done, rate=done / elapsed, failed=failed)

            def on_failure(f) -> None:  # type: ignore[no-untyped-def]
                progress.console.print(f"wirecoder: {f}", markup=False, highlight=False)

            summary = run_ingest(sources, str(db), workers=workers, engine=engine,
                                 batch_size=batch_size, limit=limit, published=published,
                                 model=model, ray_address=ray_address, merge=not no_merge,
                                 language=language, types_model=types_model or "none",
                                 on_progress=on_progress, on_failure=on_failure)
            progress.update(task, completed=summary.seen, total=summary.seen)
    if not quiet:
        print(f"wirecoder: {summary.line()} → {db}", file=sys.stderr)
    if summary.failures:
        # sys.exit, not typer.Exit: with standalone_mode=False click would swallow the code
        sys.exit(1)


def _filters(**kw):  # type: ignore[no-untyped-def]
    from ..store import Filters

    _check_date(kw.get("since"), "--since")
    _check_date(kw.get("until"), "--until")
    return Filters(**kw)


def _reader(db: Path):  # type: ignore[no-untyped-def]
    from ..store import open_reader

    return open_reader(db)


# What the human table shows per listing (csv/jsonl/parquet keep every column).
TABLE_COLUMNS = {
    "events": ("article_id", "type", "mode", "date_start", "country", "location_name", "status",
               "actors", "recipients", "dead", "merged_id"),
    "merged": ("merged_id", "type", "mode", "date_start", "date_end", "country",
               "location_name", "status", "actors", "recipients", "source_count", "dead"),
    "claims": ("article_id", "quantity", "value", "bound", "claimant", "as_of", "country",
               "location_name"),
    "actors": ("name", "kind", "country", "sector", "articles", "mentions"),
    "quotes": ("article_id", "speaker", "speaker_text", "cue", "text"),
    "timeline": ("as_of", "scope", "claimant", "kind", "value", "bound", "article_id", "revision",
                 "disagreement"),
}


def _listing(kind: str, db: Path, filters, fmt: str, output: Path | None) -> None:  # type: ignore[no-untyped-def]
    with _reader(db) as store:
        res = store.listing(kind, filters)
    emit(res.columns, res.rows, fmt, output, TABLE_COLUMNS[kind])


@app.command("events")
def events_cmd(db: Path = DB_OPTION, type: str | None = TYPE_OPTION,
               actor: str | None = ACTOR_OPTION, country: str | None = COUNTRY_OPTION,
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               status: str | None = STATUS_OPTION, limit: int | None = LIMIT_OPTION,
               merged: bool = typer.Option(False, "--merged", help="One row per merged real-world event."),
               fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """List events (per article, or --merged across articles)."""
    f = _filters(type=type, actor=actor, country=country, since=since, until=until,
                 status=status, limit=limit)
    _listing("merged" if merged else "events", db, f, fmt, output)


@app.command("claims")
def claims_cmd(db: Path = DB_OPTION,
               quantity: str | None = typer.Option(None, "--quantity", help="killed, injured, hostages …"),
               claimant: str | None = CLAIMANT_OPTION, country: str | None = COUNTRY_OPTION,
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               limit: int | None = LIMIT_OPTION,
               fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """List numeric claims with claimant, bound and as-of date."""
    _listing("claims", db, _filters(quantity=quantity, claimant=claimant, country=country,
                                    since=since, until=until, limit=limit), fmt, output)


@app.command("actors")
def actors_cmd(db: Path = DB_OPTION,
               type: str | None = typer.Option(None, "--type", help="Actor kind: person, organization, state, group, population."),
               actor: str | None = ACTOR_OPTION, country: str | None = COUNTRY_OPTION,
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               limit: int | None = LIMIT_OPTION,
               fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """List actors across articles, most frequent first."""
    _listing("actors", db, _filters(type=type, actor=actor, country=country, since=since,
                                    until=until, limit=limit), fmt, output)


@app.command("quotes")
def quotes_cmd(db: Path = DB_OPTION, claimant: str | None = CLAIMANT_OPTION,
               actor: str | None = ACTOR_OPTION,
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               limit: int | None = LIMIT_OPTION,
               fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """List quotes with their speakers."""
    _listing("quotes", db, _filters(claimant=claimant, actor=actor, since=since, until=until,
                                    limit=limit), fmt, output)


@app.command("timeline")
def timeline_cmd(db: Path = DB_OPTION,
                 quantity: str = typer.Option("killed", "--quantity", help="killed, injured, hostages …"),
                 country: str | None = COUNTRY_OPTION, claimant: str | None = CLAIMANT_OPTION,
                 since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
                 fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """A claimed figure over time per claimant, with revisions and disagreements flagged."""
    from ..corpus.series import SERIES_COLUMNS, series_from_store

    _check_date(since, "--since")
    _check_date(until, "--until")
    with _reader(db) as store:
        pts = series_from_store(store, quantity=quantity, country=country, claimant=claimant,
                                since=since, until=until)
    emit(SERIES_COLUMNS, [p.row() for p in pts], fmt, output, TABLE_COLUMNS["timeline"])


@app.command("export")
def export_cmd(db: Path = DB_OPTION,
               to: Path = typer.Option(..., "--to", help="events.parquet, events.csv, acled.csv or plover.jsonl."),
               as_: str | None = typer.Option(None, "--as", help="parquet, csv, acled or plover (default: from the name)."),
               what: str = typer.Option("events", "--what", help="For parquet/csv: events, merged, claims, actors or quotes."),
               type: str | None = TYPE_OPTION, country: str | None = COUNTRY_OPTION,
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               min_confidence: float = typer.Option(
                   0.5, "--min-confidence", min=0.0, max=1.0,
                   help="ACLED export: leave out events below this confidence."),
               quiet: bool = QUIET_OPTION) -> None:
    """Export the store: parquet/CSV tables, ACLED-style CSV, or PLOVER JSON records."""
    from ..store.export import export, export_kind_for
    from ..store.queries import QUERY_KINDS

    kind = export_kind_for(str(to), as_)
    if what not in QUERY_KINDS:
        raise UsageError(f"--what must be one of {', '.join(QUERY_KINDS)}, got {what!r}.")
    with _reader(db) as store:
        n = export(store, to, kind, _filters(type=type, country=country, since=since, until=until),
                   what=what, min_confidence=min_confidence)
    if not quiet:
        print(f"wirecoder: {n} records → {to} ({kind})", file=sys.stderr)
