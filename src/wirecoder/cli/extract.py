"""`wirecoder extract` and `wirecoder schema`.

Exit codes (trafilatura's batch habit): 0 every input extracted, 1 some inputs failed (each
listed on stderr with file[:line] and reason), 2 usage error. A summary line always ends stderr.
"""

from __future__ import annotations

import itertools
import json
import logging
import sys
from collections.abc import Iterator

import typer

from ..errors import UsageError
from ..ingest import ColumnMap, InputFailure, iter_articles
from ..ingest.sniff import parse_format
from ..ingest.stream import resolve_max_bytes
from ..schema import Article, Report, report_json_schema
from . import app
from .output import MIN_CONFIDENCE_OPTION, apply_min_confidence
from .render import print_report_table


class _StderrWarnings(logging.Handler):
    """Ingest warnings (e.g. invalid UTF-8 replaced) as 'wirecoder: warning: …' lines, counted."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        print(f"wirecoder: warning: {record.getMessage()}", file=sys.stderr)


def column_options(
    id_field: str | None,
    text_field: str | None,
    title_field: str | None,
    url_field: str | None,
    published_field: str | None,
) -> ColumnMap | None:
    given = {
        "id": id_field,
        "text": text_field,
        "title": title_field,
        "url": url_field,
        "published": published_field,
    }
    chosen = {k: v.strip() for k, v in given.items() if v is not None}
    if any(not v for v in chosen.values()):
        raise UsageError("--*-field options need a field or column name.")
    return ColumnMap(**chosen) if chosen else None


@app.command("extract")
def extract_cmd(
    path: str = typer.Argument(
        ..., help="File, folder, feed, JSON(L)/CSV corpus, URL or file of URLs, or - for stdin."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) when the input has none."
    ),
    fmt: str = typer.Option(
        "", "--format", "-f", help="json (one article), jsonl (many), or table."
    ),
    model: str | None = typer.Option(
        None, "--model", envvar="WIRECODER_MODEL", help="spaCy model package or path."
    ),
    types_model: str | None = typer.Option(
        None, "--types-model", envvar="WIRECODER_TYPES_MODEL",
        help="Types model folder from `wirecoder train` ('default' = the shipped one): rules and classifier type events together.",
    ),
    input_format: str = typer.Option(
        "auto",
        "--input-format",
        help="Force a reader: auto (sniff the content), text, html, feed, jsonl, json, csv "
        "or urls (one URL a line).",
    ),
    text_field: str | None = typer.Option(
        None,
        "--text-field",
        help="Corpus field/column holding the text (default: text, body, content …).",
    ),
    id_field: str | None = typer.Option(
        None, "--id-field", help="Corpus field/column holding the record's id (default: id)."
    ),
    title_field: str | None = typer.Option(
        None,
        "--title-field",
        help="Corpus field/column holding the title (default: title, headline).",
    ),
    url_field: str | None = typer.Option(
        None, "--url-field", help="Corpus field/column holding the url (default: url, link)."
    ),
    published_field: str | None = typer.Option(
        None,
        "--published-field",
        help="Corpus field/column holding the date (default: published, date …).",
    ),
    max_bytes: int | None = typer.Option(
        None,
        "--max-bytes",
        help="Largest article in bytes (default $WIRECODER_MAX_BYTES or 1,000,000).",
    ),
    language: str | None = typer.Option(
        None,
        "--language",
        help="Force the language of every article (en, fr); default: identified per article.",
    ),
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
) -> None:
    """Extract events, actors, claims and quotes: one report per article."""
    apply_min_confidence(min_confidence)
    from ..extract.context import parse_published

    if published and parse_published(published) is None:
        raise UsageError(f"--published must be an ISO date (YYYY-MM-DD), got {published!r}.")
    if fmt not in ("", "json", "jsonl", "table"):
        raise UsageError(f"--format must be json, jsonl or table, got {fmt!r}.")
    kind = parse_format(input_format)
    limit = resolve_max_bytes(max_bytes)
    columns = column_options(id_field, text_field, title_field, url_field, published_field)

    warnings = _StderrWarnings()
    ingest_log = logging.getLogger("wirecoder.ingest")
    ingest_log.addHandler(warnings)
    ingest_log.propagate = False
    counts = {"ok": 0, "failed": 0}

    def fail(item: InputFailure) -> None:
        counts["failed"] += 1
        print(f"wirecoder: {item}", file=sys.stderr)

    def articles() -> Iterator[Article]:
        # Streams: a corpus of any size is read, extracted and printed record by record.
        for item in iter_articles(
            path, published=published, columns=columns, input_format=kind, max_bytes=limit,
            language=language,
        ):
            if isinstance(item, InputFailure):
                fail(item)
            else:
                yield item

    try:
        stream = articles()
        first = list(itertools.islice(stream, 2))  # one article → pretty JSON, more → JSONL
        if first:
            mode = fmt or ("json" if len(first) == 1 else "jsonl")
            for r in _reports(itertools.chain(first, stream), model, limit, types_model):
                if isinstance(r, InputFailure):
                    fail(r)
                else:
                    counts["ok"] += 1
                    _print_report(r, mode)
    finally:
        ingest_log.removeHandler(warnings)
        ingest_log.propagate = True
    ok, failed = counts["ok"], counts["failed"]
    warned = f", {warnings.count} warning(s)" if warnings.count else ""
    print(
        f"wirecoder: {ok} of {ok + failed} input(s) extracted, {failed} failed{warned}",
        file=sys.stderr,
    )
    if failed:
        # sys.exit, not typer.Exit: the entry point runs Typer with standalone_mode=False, which
        # turns typer.Exit into a return value and would lose the code.
        sys.exit(1)


def _reports(
    articles: Iterator[Article], model: str | None, limit: int, types_model: str | None = None
) -> Iterator[Report | InputFailure]:
    """Reports in input order; an article whose extraction raises becomes an InputFailure
    (the engine's batch isolation), so one odd article never ends a batch with a traceback."""
    from ..engine.local import batched, extract_batch
    from ..pipeline import Pipeline

    pipeline = Pipeline(model, types_model=types_model or "none")
    # Ingest already capped each article at `limit` bytes (≥ its characters): spaCy must accept it.
    pipeline.nlp.max_length = max(pipeline.nlp.max_length, limit + 1)
    for batch in batched(articles, 16):
        yield from extract_batch(pipeline, batch)


def _print_report(r: Report, mode: str) -> None:
    if mode == "table":
        print_report_table(r)
    elif mode == "json":
        print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(json.dumps(r.to_dict(), ensure_ascii=False), flush=True)


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the report."""
    print(json.dumps(report_json_schema(), indent=2))
