"""Issue 12 part 3 at the command line: `ingest` takes `extract`'s input options, `--version`,
the progress bar and the summary count the same failures, a warning for articles without a
publication date, and `Pipeline.extract` on a plain string."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

WIRECODER = [sys.executable, "-c", "from wirecoder.cli import main; main()"]

TEXT = ("Rebels attacked a police post in Goma on Tuesday, killing three officers, the army "
        "said. The army said it would respond.")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*WIRECODER, *args], capture_output=True, text=True, timeout=600,
                          check=False)


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0 and re.fullmatch(r"wirecoder \d+\.\d+\S*\n", r.stdout)


@pytest.mark.model
def test_ingest_takes_extracts_input_options_and_counts_failures_alike(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": f"x{i}", "story": TEXT, "day": "2031-05-07"}) for i in range(3)]
    lines.append(json.dumps({"id": "undated", "story": TEXT}))
    lines.append("{broken json")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    # without --text-field the records have no text: every one fails, as extract says
    r = run("ingest", str(corpus), "--db", str(tmp_path / "no.duckdb"))
    assert r.returncode == 1 and "--text-field" in r.stderr
    r = run("ingest", str(corpus), "--db", str(db), "--text-field", "story",
            "--published-field", "day")
    assert r.returncode == 1, r.stderr  # the broken line
    summary = r.stderr.strip().splitlines()[-1]
    assert "4 stored" in summary and "1 failed" in summary, summary
    assert "1 without a publication date" in summary
    bars = re.findall(r"(\d+) failed", r.stderr.replace(summary, ""))
    assert bars and bars[-1] == "1", r.stderr  # the bar's last state agrees with the summary
    assert re.search(r"c\.jsonl:4: no publication date: relative dates", r.stderr), r.stderr
    out = run("events", "--db", str(db), "--format", "jsonl")
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert rows and {r["published"] for r in rows} <= {"2031-05-07", None}


@pytest.mark.model
def test_pipeline_extract_takes_a_string() -> None:
    from wirecoder import Pipeline

    p = Pipeline()
    rep = p.extract(TEXT, published="2031-05-07")
    assert rep.events and rep.article.published == "2031-05-07"
    assert p.extract(TEXT).article.text == TEXT
    with pytest.raises(TypeError):
        p.extract(42)  # type: ignore[arg-type]
