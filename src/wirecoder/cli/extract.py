"""`wirecoder extract` and `wirecoder schema`."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from ..errors import UsageError
from ..ingest import InputFailure, iter_articles
from ..schema import report_json_schema
from . import app
from .render import print_report_table


@app.command("extract")
def extract_cmd(
    path: str = typer.Argument(..., help="File, folder, feed, JSONL/CSV corpus, or - for stdin."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) when the input has none."),
    fmt: str = typer.Option("", "--format", "-f", help="json (one article), jsonl (many), or table."),
    model: Optional[str] = typer.Option(None, "--model", envvar="WIRECODER_MODEL", help="spaCy model package or path."),
) -> None:
    """Extract events, actors, claims and quotes: one report per article."""
    from ..extract.context import parse_published
    from ..pipeline import Pipeline

    if published and parse_published(published) is None:
        raise UsageError(f"--published must be an ISO date (YYYY-MM-DD), got {published!r}.")
    if fmt not in ("", "json", "jsonl", "table"):
        raise UsageError(f"--format must be json, jsonl or table, got {fmt!r}.")
    failures: list[InputFailure] = []
    articles = []
    for item in iter_articles(path, published=published):
        if isinstance(item, InputFailure):
            failures.append(item)
            print(f"wirecoder: {item}", file=sys.stderr)
        else:
            articles.append(item)
    if articles:
        pipeline = Pipeline(model)
        reports = list(pipeline.extract_many(articles))
        mode = fmt or ("json" if len(reports) == 1 else "jsonl")
        for r in reports:
            if mode == "table":
                print_report_table(r)
            elif mode == "json":
                print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
            else:
                print(json.dumps(r.to_dict(), ensure_ascii=False))
    total = len(articles) + len(failures)
    print(f"wirecoder: {len(articles)} of {total} input(s) extracted, {len(failures)} failed",
          file=sys.stderr)
    if failures:
        raise typer.Exit(1)


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the report."""
    print(json.dumps(report_json_schema(), indent=2))
