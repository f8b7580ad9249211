"""Corpus commands: ingest, events, claims, actors, quotes, timeline, export (thin wrappers over
engine/, store/ and corpus/)."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import UsageError
from . import app
from .output import (
    FORMAT_OPTION,
    MIN_CONFIDENCE_OPTION,
    OUTPUT_OPTION,
    QUIET_OPTION,
    apply_min_confidence,
    emit,
)

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
TYPE_OPTION = typer.Option(None, "--type", help="Event type(s) (PLOVER), comma-separated, e.g. ASSAULT.")
ACTOR_OPTION = typer.Option(None, "--actor", help="Part of a participant's name (case-insensitive), or article_id:actor_id.")
COUNTRY_OPTION = typer.Option(None, "--country", help="ISO 3166 alpha-3 code(s) or country name(s), comma-separated, e.g. PSE.")
SINCE_OPTION = typer.Option(None, "--since", help="From this ISO date (inclusive).")
UNTIL_OPTION = typer.Option(None, "--until", help="Up to this ISO date (inclusive).")
STATUS_OPTION = typer.Option(None, "--status", help="occurred, ongoing, planned, possible, negated, historical (comma-separated).")
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
    input_format: str = typer.Option("auto", "--input-format", help="Force a reader: auto (sniff the content), text, html, feed, jsonl, json, csv or urls (one URL a line)."),
    text_field: str | None = typer.Option(None, "--text-field", help="Corpus field/column holding the text (default: text, body, content …)."),
    id_field: str | None = typer.Option(None, "--id-field", help="Corpus field/column holding the record's id (default: id)."),
    title_field: str | None = typer.Option(None, "--title-field", help="Corpus field/column holding the title (default: title, headline)."),
    url_field: str | None = typer.Option(None, "--url-field", help="Corpus field/column holding the url (default: url, link)."),
    published_field: str | None = typer.Option(None, "--published-field", help="Corpus field/column holding the date (default: published, date …)."),
    max_bytes: int | None = typer.Option(None, "--max-bytes", help="Largest article in bytes (default $WIRECODER_MAX_BYTES or 1,000,000)."),
    quiet: bool = QUIET_OPTION,
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
) -> None:
    """Extract every article of SOURCES into the store (idempotent: stored articles are skipped).
    Takes the same input options as `wirecoder extract`."""
    apply_min_confidence(min_confidence)
    from ..engine.local import run_ingest
    from ..ingest.sniff import parse_format
    from ..ingest.stream import resolve_max_bytes
    from .extract import column_options

    if engine not in ("local", "ray"):
        raise UsageError(f"--engine must be local or ray, got {engine!r}.")
    _check_date(published, "--published")
    options = {"columns": column_options(id_field, text_field, title_field, url_field, published_field),
               "input_format": parse_format(input_format),
               "max_bytes": resolve_max_bytes(max_bytes)}

    def say(line: str) -> None:
        print(f"wirecoder: {line}", file=sys.stderr)

    if quiet:
        summary = run_ingest(sources, str(db), workers=workers, engine=engine,
                             batch_size=batch_size, limit=limit, published=published, model=model,
                             ray_address=ray_address, merge=not no_merge,
                             language=language, types_model=types_model or "none",
                             on_failure=lambda f: say(str(f)), **options)
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
        failed = [0]
        with Progress(*cols, console=console, transient=False) as progress:
            task = progress.add_task("ingest", total=total, rate=0.0, failed=0)

            def on_progress(done: int, n_failed: int, words: int) -> None:
                elapsed = progress.tasks[0].elapsed or 1e-9
                failed[0] = max(failed[0], n_failed)
                progress.update(task, completed=done, rate=done / elapsed, failed=failed[0])

            def on_failure(f) -> None:  # type: ignore[no-untyped-def]
                # counted at once, so the bar never shows fewer failures than the summary
                failed[0] += 1
                progress.update(task, failed=failed[0])
                progress.console.print(f"wirecoder: {f}", markup=False, highlight=False,
                                       soft_wrap=True)

            def on_warning(line: str) -> None:
                progress.console.print(f"wirecoder: warning: {line}", markup=False,
                                       highlight=False, soft_wrap=True)

            summary = run_ingest(sources, str(db), workers=workers, engine=engine,
                                 batch_size=batch_size, limit=limit, published=published,
                                 model=model, ray_address=ray_address, merge=not no_merge,
                                 language=language, types_model=types_model or "none",
                                 on_progress=on_progress, on_failure=on_failure,
                                 on_warning=on_warning, **options)
            progress.update(task, completed=summary.seen, total=summary.seen,
                            failed=len(summary.failures))
    if not quiet:
        say(f"{summary.line()} → {db}")
    if summary.failures:
        # sys.exit, not typer.Exit: with standalone_mode=False click would swallow the code
        sys.exit(1)


def _filters(**kw):  # type: ignore[no-untyped-def]
    from ..store import Filters

    return Filters(**kw)


def _reader(db: Path):  # type: ignore[no-untyped-def]
    from ..store import open_reader

    return open_reader(db)


# What the human table shows per listing (csv/jsonl/parquet keep every column).
TABLE_COLUMNS = {
    "events": ("date_start", "type", "mode", "country", "location_name", "status", "actors",
               "recipients", "dead", "article_id", "merged_id"),
    "merged": ("date_start", "merged_id", "type", "mode", "date_end", "country",
               "location_name", "status", "actors", "recipients", "source_count", "dead"),
    "claims": ("as_of", "quantity", "value", "bound", "claimant", "country", "location_name",
               "article_id"),
    "actors": ("name", "kind", "country", "sector", "articles", "mentions", "events"),
    "quotes": ("published", "speaker", "speaker_text", "cue", "text", "article_id"),
    "timeline": ("as_of", "scope", "claimant", "kind", "value", "bound", "article_id", "revision",
                 "disagreement"),
}


def _listing(kind: str, db: Path, filters, fmt: str, output: Path | None,  # type: ignore[no-untyped-def]
             sort: str | None = None) -> None:
    """The listing through the one query layer (store/queries/), as the API runs it:
    same validation, same default order (newest first), same columns."""
    from ..store import queries
    from ..store.paging import parse_sort

    f = filters.checked(kind)  # a bad value fails before the store is opened
    parse_sort(kind, sort)
    with _reader(db) as store:
        rows = list(queries.iter_rows(store, kind, f, sort=sort, limit=f.limit))
        cols = list(rows[0]) if rows else queries.list_columns(store, kind)
    emit(cols, [[r.get(c) for c in cols] for r in rows], fmt, output, TABLE_COLUMNS[kind])


SORT_OPTION = typer.Option(None, "--sort", help="Order: -date (default, newest first), date, "
                           "or per listing -dead, -confidence (events), -value (claims), "
                           "-sources (merged), -events, -articles, name (actors).")
MODE_OPTION = typer.Option(None, "--mode", help="PLOVER mode(s), comma-separated.")
SEARCH_OPTION = typer.Option(None, "--search", "-s", help="Text in the evidence sentence or "
                             "place (events), the claim's sentence, the quote, the name (actors).")
ARTICLE_OPTION = typer.Option(None, "--article", help="Only this article id.")


@app.command("events")
def events_cmd(db: Path = DB_OPTION, type: str | None = TYPE_OPTION,
               actor: str | None = ACTOR_OPTION, country: str | None = COUNTRY_OPTION,
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               status: str | None = STATUS_OPTION, limit: int | None = LIMIT_OPTION,
               mode: str | None = MODE_OPTION,
               role: str | None = typer.Option(None, "--role", help="With --actor: actor, recipient or mediator."),
               search: str | None = SEARCH_OPTION, article: str | None = ARTICLE_OPTION,
               sort: str | None = SORT_OPTION,
               merged: bool = typer.Option(False, "--merged", help="One row per merged real-world event."),
               fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """List events (per article, or --merged across articles), newest first."""
    kind = "merged" if merged else "events"
    f = _filters(type=type, actor=actor, country=country, since=since, until=until,
                 status=status, limit=limit, mode=mode, role=role, q=search,
                 article=article)
    _listing(kind, db, f, fmt, output, sort)


@app.command("claims")
def claims_cmd(db: Path = DB_OPTION,
               quantity: str | None = typer.Option(None, "--quantity", help="killed, injured, hostages …"),
               claimant: str | None = CLAIMANT_OPTION, country: str | None = COUNTRY_OPTION,
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               search: str | None = SEARCH_OPTION, article: str | None = ARTICLE_OPTION,
               limit: int | None = LIMIT_OPTION, sort: str | None = SORT_OPTION,
               fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """List numeric claims with claimant, bound and as-of date, newest first."""
    _listing("claims", db, _filters(quantity=quantity, claimant=claimant, country=country,
                                    since=since, until=until, q=search, article=article,
                                    limit=limit), fmt, output, sort)


@app.command("actors")
def actors_cmd(db: Path = DB_OPTION,
               type: str | None = typer.Option(None, "--type", "--kind", help="Actor kind: person, organization, state, group, population."),
               actor: str | None = ACTOR_OPTION, country: str | None = COUNTRY_OPTION,
               sector: str | None = typer.Option(None, "--sector", help="PLOVER sector code, e.g. GOV."),
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               limit: int | None = LIMIT_OPTION, sort: str | None = SORT_OPTION,
               fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """List actors across articles, most active first."""
    _listing("actors", db, _filters(kind=type, actor=actor, country=country, sector=sector,
                                    since=since, until=until, limit=limit), fmt, output, sort)


@app.command("quotes")
def quotes_cmd(db: Path = DB_OPTION, claimant: str | None = CLAIMANT_OPTION,
               actor: str | None = ACTOR_OPTION, country: str | None = COUNTRY_OPTION,
               since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
               search: str | None = SEARCH_OPTION, article: str | None = ARTICLE_OPTION,
               limit: int | None = LIMIT_OPTION, sort: str | None = SORT_OPTION,
               fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """List quotes with their speakers, newest first."""
    _listing("quotes", db, _filters(claimant=claimant, actor=actor, country=country, since=since,
                                    until=until, q=search, article=article, limit=limit),
             fmt, output, sort)


@app.command("timeline")
def timeline_cmd(db: Path = DB_OPTION,
                 quantity: str = typer.Option("killed", "--quantity", help="killed, injured, hostages …"),
                 country: str | None = COUNTRY_OPTION, claimant: str | None = CLAIMANT_OPTION,
                 since: str | None = SINCE_OPTION, until: str | None = UNTIL_OPTION,
                 fmt: str = FORMAT_OPTION, output: Path | None = OUTPUT_OPTION) -> None:
    """A claimed figure over time per claimant, with revisions and disagreements flagged."""
    from ..corpus.series import SERIES_COLUMNS
    from ..store.queries import series_points

    f = _filters(quantity=quantity, country=country, claimant=claimant, since=since,
                 until=until).checked("series")
    with _reader(db) as store:
        pts = series_points(store, f)
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
