"""`wirecoder eval` — scores gold files per SPEC §3."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import UsageError
from . import app
from .output import MIN_CONFIDENCE_OPTION, apply_min_confidence


@app.command("eval")
def eval_cmd(
    gold: List[str] = typer.Argument(..., help="Gold JSONL files (SPEC §3), e.g. ../shared/eval/dev/*.jsonl."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write every number (and counts) to this JSON file."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N documents of each file."),
    sample: Optional[int] = typer.Option(None, "--sample", min=1, help="Score a deterministic sample of N documents per file (by sha1 of the id)."),
    model: Optional[str] = typer.Option(None, "--model", envvar="WIRECODER_MODEL", help="spaCy model package or path."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Fail (exit 1) when a metric is below its floor in this file (eval/baseline.json)."),
    raise_floors_: bool = typer.Option(False, "--raise-floors", help="Raise the --baseline floors to the measured values minus 0.02 and rewrite the file (never lowers one)."),
    documents: bool = typer.Option(False, "--documents", help="Also write per-document counts to --json."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    types_model: str | None = typer.Option(None, "--types-model", envvar="WIRECODER_TYPES_MODEL", help="Types model folder from `wirecoder train` ('default' = the shipped one): rules and classifier type events together."),
    types_policy: str = typer.Option("hybrid", "--types-policy", help="With --types-model: hybrid (as trained), model (classifier only) or rules."),
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
) -> None:
    """Score extraction against gold files: a table per dataset; exit 1 on bad gold lines or a missed floor."""
    apply_min_confidence(min_confidence)
    from ..evaluate import check, evaluate_files, load_baseline, print_tables, write_json
    from ..evaluate.baseline import raise_floors, write_baseline

    missing = [g for g in gold if not Path(g).is_file()]
    if missing:
        raise UsageError(f"no such gold file: {', '.join(missing)}")
    if raise_floors_ and not baseline:
        raise UsageError("--raise-floors needs --baseline FILE.")
    floors = load_baseline(baseline) if baseline else None
    errors: list[str] = []

    def on_error(msg: str) -> None:
        errors.append(msg)
        print(f"wirecoder eval: {msg}", file=sys.stderr)

    pipeline = None
    if types_model:
        from ..learn.hybrid import POLICIES
        from ..pipeline import Pipeline

        if types_policy not in POLICIES:
            raise UsageError(f"--types-policy must be one of {', '.join(POLICIES)}, not {types_policy!r}.")
        pipeline = Pipeline(model, types_model=types_model, types_policy=types_policy)
    results = evaluate_files(gold, pipeline, limit=limit, progress=not quiet, sample=sample, model=model,
                             on_error=on_error,
                             on_skip=lambda msg: print(f"wirecoder eval: {msg}", file=sys.stderr))
    print_tables(results)
    if json_out:
        write_json(json_out, results, documents=documents, files=list(gold), limit=limit,
                   sample=sample, errors=errors)
    if floors and baseline and raise_floors_:
        floors, changes = raise_floors(results, floors)
        write_baseline(baseline, floors)
        for c in changes:
            print(f"wirecoder eval: floor raised: {c}", file=sys.stderr)
    shortfalls = check(results, floors) if floors else []
    for s in shortfalls:
        print(f"wirecoder eval: below floor: {s}", file=sys.stderr)
    docs = sum(r.docs for r in results.values())
    print(f"wirecoder eval: {docs} document(s) scored in {len(results)} dataset(s), "
          f"{len(errors)} error(s), {len(shortfalls)} floor(s) missed", file=sys.stderr)
    if errors or shortfalls:
        # sys.exit, not typer.Exit: cli.main runs the app with standalone_mode=False, which
        # turns typer.Exit into a return value it does not pass on.
        sys.exit(1)
