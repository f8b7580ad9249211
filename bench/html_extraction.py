"""HTML main-text extraction on trafilatura's 33 annotated pages (../shared/eval/dev/html).

For each trafilatura setting, over the article text wirecoder would parse (after related-link
lines are split off): the share of must-keep snippets (`with`) kept, the share of boilerplate
snippets (`without`) dropped, and date / title / author accuracy against the page's gold.

    .venv/bin/python bench/html_extraction.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from wirecoder.errors import InputError
from wirecoder.ingest.html import read_html

SETTINGS = {"default": False, "favor_precision": True}
_WS = re.compile(r"\s+")


def _norm(s: str | None) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", s or "")).strip().casefold()


@dataclass
class Score:
    """Counts over the pages of one setting."""

    kept: int = 0
    with_total: int = 0
    dropped: int = 0
    without_total: int = 0
    date_ok: int = 0
    date_total: int = 0
    title_ok: int = 0
    title_total: int = 0
    author_ok: int = 0
    author_total: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0

    def shares(self) -> dict[str, float | None]:
        def r(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "kept": r(self.kept, self.with_total),
            "dropped": r(self.dropped, self.without_total),
            "date": r(self.date_ok, self.date_total),
            "title": r(self.title_ok, self.title_total),
            "author": r(self.author_ok, self.author_total),
            "ms_per_page": round(1000 * self.seconds / self.pages, 1) if self.pages else None,
        }


def score_setting(shared: Path, favor_precision: bool) -> Score:
    """Run wirecoder's HTML reader with one setting over every annotated page."""
    dev = shared / "eval" / "dev"
    score = Score()
    for line in (dev / "html_dev.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        data = (dev / "html" / gold["file"]).read_bytes()
        t0 = time.perf_counter()
        try:
            art = read_html(
                io.BytesIO(data),
                gold["file"],
                max_bytes=10_000_000,
                favor_precision=favor_precision,
            )
            text, date, title, author = art.text, art.published, art.title, art.author
        except InputError as e:
            score.failures.append(f"{gold['file']}: {e}")
            text, date, title, author = "", None, None, None
        score.seconds += time.perf_counter() - t0
        score.pages += 1
        body = _norm(text)
        for snippet in gold.get("with") or []:
            score.with_total += 1
            score.kept += _norm(snippet) in body
        for snippet in gold.get("without") or []:
            score.without_total += 1
            score.dropped += _norm(snippet) not in body
        if gold.get("date"):
            score.date_total += 1
            score.date_ok += date == gold["date"]
        if gold.get("title"):
            score.title_total += 1
            score.title_ok += _norm(title) == _norm(gold["title"])
        if gold.get("author"):
            score.author_total += 1
            score.author_ok += _norm(author) == _norm(gold["author"])
    return score


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_shared = os.environ.get(
        "WIRECODER_SHARED", str(Path(__file__).resolve().parents[1].parent / "shared")
    )
    ap.add_argument("--shared", default=default_shared, help="path of ../shared")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval" / "dev" / "html_dev.jsonl").exists():
        print(f"no {shared}/eval/dev/html_dev.jsonl", file=sys.stderr)
        return 2
    print(
        f"{'setting':<16} {'kept':>6} {'dropped':>8} {'date':>6} {'title':>6} "
        f"{'author':>7} {'ms/page':>8}"
    )
    for name, precision in SETTINGS.items():
        s = score_setting(shared, precision)
        sh = s.shares()
        print(
            f"{name:<16} {sh['kept']:>6} {sh['dropped']:>8} {sh['date']:>6} {sh['title']:>6} "
            f"{sh['author']:>7} {sh['ms_per_page']:>8}   ({s.kept}/{s.with_total} kept, "
            f"{s.dropped}/{s.without_total} dropped, {len(s.failures)} page(s) without text)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
