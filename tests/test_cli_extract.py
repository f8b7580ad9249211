"""`wirecoder extract`: exit codes 0/1/2, failures listed with file[:line], never a traceback.

Most cases run the real entry point in-process (the model loads once per session); one runs
the installed console script in a subprocess to pin the real process exit code.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from wirecoder.cli import main
from wirecoder.schema import Report

ROOT = Path(__file__).resolve().parents[1]


def run(
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    stdin: bytes | None = None,
) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `wirecoder extract ARGS` through the console entry point."""
    monkeypatch.setattr(sys, "argv", ["wirecoder", "extract", *args])
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def reports(out: str) -> list[Report]:
    out = out.strip()
    if not out:
        return []
    if out.startswith("{\n"):
        return [Report.model_validate(json.loads(out))]
    return [Report.model_validate(json.loads(line)) for line in out.splitlines()]


TEXT = "The foreign ministers of Northland and Southland met in Valleta Bay on Tuesday.\n"


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.txt", b"", "E101"),
        ("binary.dat", b"\x00\x01\x02\x03binary" * 300, "E102"),
        (
            "nobody.html",
            b"<html><head><title>x</title></head><body><nav>Menu</nav></body></html>",
            "E104",
        ),
        ("feed.rss", b"this is not XML at all\n", "E105"),
    ],
)
def test_bad_input_exits_1_and_says_why(
    tmp_path: Path, monkeypatch, capsys, name: str, content: bytes, code: str
) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    rc, out, err = run([str(p)], monkeypatch, capsys)
    assert rc == 1 and out == ""
    assert f"wirecoder: {p}: [{code}]" in err
    assert err.rstrip().endswith("0 of 1 input(s) extracted, 1 failed")


def test_20_mb_text_file(tmp_path: Path, monkeypatch, capsys) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        chunk = TEXT.encode() * 1000
        while f.tell() < 20_000_000:
            f.write(chunk)
    rc, out, err = run([str(p)], monkeypatch, capsys)
    assert rc == 1 and out == ""
    assert "[E103]" in err and "1,000,000 bytes" in err and "--max-bytes" in err
    assert "WIRECODER_MAX_BYTES" in err


def test_invalid_utf8_warns_and_extracts(tmp_path: Path, monkeypatch, capsys) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes(
        "Le caf\u00e9 de Valleta a rouvert mardi apr\u00e8s la tr\u00eave.\n".encode("latin-1")
    )
    rc, out, err = run([str(p), "--published", "2025-03-11"], monkeypatch, capsys)
    assert rc == 0
    (r,) = reports(out)
    assert "\ufffd" in r.article.text and r.article.published == "2025-03-11"
    assert "warning:" in err and "invalid UTF-8" in err
    assert err.rstrip().endswith("1 of 1 input(s) extracted, 0 failed, 1 warning(s)")


def test_jsonl_with_one_malformed_line(tmp_path: Path, monkeypatch, capsys) -> None:
    p = tmp_path / "corpus.jsonl"
    p.write_text(
        '{"id": "n1", "text": "Southland police arrested 12 protesters on Monday."}\n'
        '{"id": "n2", "text": "unterminated\n'
        '{"id": "n3", "text": "Northland troops withdrew from the border on Friday."}\n',
        encoding="utf-8",
    )
    rc, out, err = run([str(p), "--published", "2025-01-10"], monkeypatch, capsys)
    assert rc == 1
    assert [r.article.id for r in reports(out)] == ["n1", "n3"]
    assert [r.article.source for r in reports(out)] == [f"{p}:1", f"{p}:3"]
    assert f"wirecoder: {p}:2: [E106]" in err
    assert "2 of 3 input(s) extracted, 1 failed" in err


def test_csv_with_named_columns(tmp_path: Path, monkeypatch, capsys) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        "key,story,day\nk1,Northland and Southland signed a ceasefire on Sunday.,2025-02-02\n",
        encoding="utf-8",
    )
    rc, out, err = run(
        [str(p), "--text-field", "story", "--id-field", "key", "--published-field", "day"],
        monkeypatch,
        capsys,
    )
    assert rc == 0, err
    (r,) = reports(out)
    assert r.article.id == "k1" and r.article.published == "2025-02-02"
    assert r.article.source == f"{p}:2"


def test_stdin_and_forced_format(monkeypatch, capsys) -> None:
    rc, out, _ = run(
        ["-", "--input-format", "text"],
        monkeypatch,
        capsys,
        stdin=b'{"text": "taken literally as text"}\n',
    )
    assert rc == 0
    (r,) = reports(out)
    assert r.article.source == "-" and r.article.text.startswith('{"text"')


def test_directory_mixes_good_and_bad(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(TEXT.replace("Tuesday", "Friday"), encoding="utf-8")
    rc, out, err = run([str(tmp_path), "--format", "jsonl"], monkeypatch, capsys)
    assert rc == 1
    assert [Path(r.article.source).name for r in reports(out)] == ["a.txt", "c.txt"]
    assert "b.txt: [E101]" in err and "2 of 3 input(s) extracted, 1 failed" in err


@pytest.mark.parametrize(
    "args, says",
    [
        (["--published", "yesterday"], "--published"),
        (["--input-format", "pdf"], "--input-format"),
        (["--max-bytes", "0"], "size limit"),
        (["--format", "xml"], "--format"),
        (["--text-field", " "], "--*-field"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, monkeypatch, capsys, args: list[str], says: str
) -> None:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    rc, out, err = run([str(p), *args], monkeypatch, capsys)
    assert rc == 2 and out == "" and "[E001]" in err and says in err


def test_console_script_exit_codes(tmp_path: Path) -> None:
    """The installed `wirecoder` process itself: exit 1 and a summary, no traceback."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "x.bin").write_bytes(b"\x00" * 64)
    exe = ROOT / ".venv" / "bin" / "wirecoder"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "wirecoder.cli"]
    proc = subprocess.run(
        [*cmd, "extract", str(tmp_path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert "[E101]" in proc.stderr and "[E102]" in proc.stderr
    assert proc.stderr.rstrip().endswith("0 of 2 input(s) extracted, 2 failed")


def test_seed_related_links(shared_dir: Path, monkeypatch, capsys) -> None:
    """The worked example: its "Also read" titles go to article.related, not into the text."""
    seed = shared_dir / "seed" / "000_80f3a052ce98dedf.txt"
    gold = json.loads(
        (shared_dir / "eval" / "dev" / "seed.gold.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()[0]
    )
    rc, out, err = run([str(seed), "--published", "2023-11-09"], monkeypatch, capsys)
    assert rc == 0, err
    (r,) = reports(out)
    titles = [link.title for link in r.article.related]
    assert len(titles) == 3
    assert titles[0] == gold["related"][0]
    for t in titles:
        assert t not in r.article.text
    assert "Also read" not in r.article.text
    assert r.article.published == "2023-11-09"
