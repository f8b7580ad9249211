"""`wirecoder eval` end to end on gold we wrote ourselves: real model, real pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.errors import UsageError
from wirecoder.evaluate import evaluate_files

pytestmark = pytest.mark.model

DOCS = [
    {"id": "mine-1", "dataset": "mine", "language": "en", "published": "2031-05-02",
     "text": ("Elbonian police arrested twelve protesters in Zenda on Friday, the interior "
              "ministry said.\nRead more: Floods close the Zenda bridge\n"),
     "annotated": ["events", "claims", "related"], "related": ["Floods close the Zenda bridge"],
     "events": [{"type": "COERCE", "mode": ["arrest"], "actor": [["Elbonian police"]],
                 "recipient": [["protesters"]], "date": "2031-05-01"}],
     "claims": [{"quantity": "detained", "value": 12, "bound": ["exact"],
                 "claimant": [["interior ministry"]]}]},
    {"id": "mine-2", "dataset": "mine", "language": "en", "published": None,
     "text": "The mayor of Strelsau said: \"We will rebuild every school before winter.\"",
     "annotated": ["quotes"],
     "quotes": [{"text": "We will rebuild every school before winter", "speaker": [["mayor of Strelsau"]]}]},
    {"id": "mine-3", "dataset": "mine", "language": "en", "published": None,
     "text": "Nothing to see here.", "annotated": []},
]


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    p = tmp_path / "mine.jsonl"
    p.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    return p


def test_evaluate_files_counts_every_gold_item(gold_file: Path, pipeline) -> None:
    res = evaluate_files([gold_file], pipeline=pipeline, progress=False)
    ds = res["mine"]
    assert (ds.docs, ds.skipped, ds.errors) == (2, 1, [])
    counts = ds.tallies.counts()
    assert counts["events"]["tp"] + counts["events"]["fn"] == 1
    assert counts["claims"]["tp"] + counts["claims"]["fn"] == 1
    assert counts["quotes"]["tp"] + counts["quotes"]["fn"] == 1
    assert counts["related"]["tp"] + counts["related"]["fn"] == 1
    assert [d.id for d in ds.documents] == ["mine-1", "mine-2"]


def test_cli_json_limit_and_bad_line(gold_file: Path, tmp_path: Path, pipeline) -> None:
    out = tmp_path / "scores.json"
    runner = CliRunner()
    ok = runner.invoke(app, ["eval", str(gold_file), "--json", str(out), "--limit", "1", "-q",
                             "--documents"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(out.read_text())
    mine = data["datasets"]["mine"]
    assert mine["docs"] == 1 and [d["id"] for d in mine["documents"]] == ["mine-1"]
    assert {"events.recall", "claims.f1", "related.precision"} <= set(mine["metrics"])
    assert "mine" in ok.stdout and "events.f1" in ok.stdout

    with gold_file.open("a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": "x"}\n')
    bad = runner.invoke(app, ["eval", str(gold_file), "-q"])
    assert bad.exit_code == 1
    assert f"{gold_file}:4" in bad.stderr and "[E200]" in bad.stderr


def test_cli_baseline_floor_missed(gold_file: Path, tmp_path: Path, pipeline) -> None:
    base = tmp_path / "baseline.json"
    base.write_text(json.dumps({"datasets": {"mine": {"floors": {"claims.recall": 1.01}}}}))
    res = CliRunner().invoke(app, ["eval", str(gold_file), "-q", "--baseline", str(base)])
    assert res.exit_code == 1 and "below floor: mine claims.recall" in res.stderr


def test_cli_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert isinstance(res.exception, UsageError) and res.exception.exit_code == 2


def test_an_extraction_bug_costs_one_document_not_the_run(gold_file: Path, pipeline) -> None:
    from wirecoder.pipeline import Pipeline

    class Brittle(Pipeline):
        """The real pipeline, except that it raises on one article (a stand-in for a bug)."""

        def __init__(self, inner: Pipeline) -> None:
            self.nlp = inner.nlp

        def _check(self, article):
            if "Strelsau" in article.text:
                raise RuntimeError("boom")

        def extract(self, article):
            self._check(article)
            return super().extract(article)

        def extract_many(self, articles, batch_size: int = 16):
            for a in articles:
                self._check(a)
            return super().extract_many(articles, batch_size)

    errors: list[str] = []
    res = evaluate_files([gold_file], pipeline=Brittle(pipeline), progress=False,
                         on_error=errors.append)
    ds = res["mine"]
    assert ds.docs == 2 and len(errors) == 1 and f"{gold_file}:2" in errors[0] and "boom" in errors[0]
    assert ds.tallies.counts()["quotes"] == {"tp": 0, "fp": 0, "fn": 1}  # scored as an empty report
    assert ds.tallies.counts()["claims"]["tp"] + ds.tallies.counts()["claims"]["fn"] == 1
