"""`wirecoder train` and `wirecoder model info`: learned event typing (docs/training.md)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import app

model_app = typer.Typer(help="Show a types model's card (types models are written by `wirecoder train`).",
                        no_args_is_help=True)
app.add_typer(model_app, name="model")


@app.command("train")
def train_cmd(
    files: List[Path] = typer.Argument(..., help="Training files: ACLED exports (.csv/.xlsx/.jsonl with notes, sub_event_type), SPEC gold JSONL (single-event documents), or story JSONL (text, type, mode)."),
    out: Path = typer.Option(..., "--out", "-o", help="Model folder to write (weights, model.json, card.json, CARD.md)."),
    cv: int = typer.Option(5, "--cv", min=2, help="Folds of the stratified cross-validation reported in the card."),
    seed: int = typer.Option(0, "--seed", help="Seed of folds, samples and the SVM: same data + seed = same model."),
    licence: Optional[str] = typer.Option(None, "--licence", help="Licence or terms of the data, for the card (guessed for ACLED and NGEC files)."),
    policy_sample: int = typer.Option(3000, "--policy-sample", min=0, help="Training documents the rules run on to choose the hybrid policy (0 = none: the hybrid keeps the rules; eval --types-policy model still uses the classifier alone)."),
    policy_data: Optional[List[Path]] = typer.Option(None, "--policy-data", help="Choose the hybrid policy on the rows of this training file only (repeatable; for files labelled per sentence when others are labelled per story)."),
    model: Optional[str] = typer.Option(None, "--model", envvar="WIRECODER_MODEL", help="spaCy model for the rules' run."),
    outside_evidence: bool = typer.Option(False, "--outside-evidence", help="Judge the ACLED head's '(none)' class also on invented sentences of events outside ACLED's taxonomy (keeps more non-ACLED news out of the ACLED view; costs sub-event accuracy on ACLED-like text)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Train a types model (classifier + hybrid policy) and write it with its model card."""
    from ..learn.card import render_card
    from ..learn.train import train_types_model

    m = train_types_model(files, out, cv=cv, seed=seed, licence=licence, policy_sample=policy_sample,
                          spacy_model=model, progress=not quiet, policy_files=policy_data,
                          outside_evidence=outside_evidence)
    if not quiet:
        print(render_card(m.card, confusion=False), file=sys.stderr)
    heads = ", ".join(f"{h} macro-F1 {c['cv']['macro_f1']:.3f}" for h, c in m.card["heads"].items())
    print(f"wirecoder: types model written to {out} ({heads})", file=sys.stderr)


@model_app.command("info")
def model_info_cmd(
    path: Path = typer.Argument(..., help="Types-model folder ('default' = the shipped one)."),
    as_json: bool = typer.Option(False, "--json", help="Print card.json instead of the text card."),
) -> None:
    """Show a types model's card: data and licences, per-class CV scores, hybrid policy."""
    from ..learn.card import render_card
    from ..learn.model import load_types_model, resolve_types_model

    resolved = resolve_types_model(str(path)) or str(path)
    m = load_types_model(resolved)
    print(json.dumps(m.card, indent=1, ensure_ascii=False) if as_json else render_card(m.card), end="" if not as_json else "\n")
