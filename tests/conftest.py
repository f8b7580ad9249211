"""Shared fixtures. Tests that read ../shared take its path from here and skip when absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIRECODER_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (SPEC, seed, eval data); the test skips when it is absent."""
    if not (SHARED / "eval" / "dev").is_dir():
        pytest.skip("../shared/eval/dev is not present")
    return SHARED


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy model, loaded once per test session."""
    from wirecoder.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline():
    """The whole extraction pipeline, loaded once per test session."""
    from wirecoder.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def coded():
    """text → [(type, actor names, recipient names)] of every event at any confidence,
    published 2031-06-05 (for tests of who did what to whom)."""
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    pipe = Pipeline(min_confidence=0.0)

    def run(text: str) -> list[tuple[str, list[str], list[str]]]:
        r = pipe.extract(make_article(text, published="2031-06-05"))
        return [(e.type, [r.actor(a).name for a in e.actor],
                 [r.actor(a).name for a in e.recipient]) for e in r.events]

    return run


CHROMIUM = os.environ.get("WIRECODER_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright: Debian's Chromium, never a downloaded browser (NOTES.md)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    return {
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"],
    }
