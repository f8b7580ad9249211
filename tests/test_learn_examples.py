"""The invented training sentences shipped in learn/data, and how the policy judges them."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from wirecoder.learn import (
    load_types_model,
    no_event_examples,
    plover_examples,
    plover_news_examples,
    train_types_model,
)
from wirecoder.schema import MODES

SLOT = re.compile(r"\{[A-Za-z]+\}")  # an unfilled template slot


def committed(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_news_examples_follow_the_codebook_modes_and_are_the_committed_file() -> None:
    rows = plover_news_examples.generate()
    per_type = Counter(r["type"] for r in rows)
    assert set(per_type) == set(MODES) and set(per_type.values()) == {plover_news_examples.PER_TYPE}
    for r in rows:
        assert r["mode"] is None or r["mode"] in MODES[r["type"]], r
        assert not SLOT.search(r["text"]) and not r["text"].lstrip("\u201c")[0].islower()
        assert r["group"].startswith(f"news:{r['type']}#")
    assert len({r["text"] for r in rows}) == len(rows)
    # each type has many constructions, every one of them used
    for type_, templates in plover_news_examples.TEMPLATES.items():
        assert len(templates) >= 30
        assert len({r["group"] for r in rows if r["type"] == type_}) == len(templates)
    # `make train` regenerates the file; the committed one is what generate() writes
    assert committed(plover_news_examples.OUT) == rows
    assert rows == plover_news_examples.generate()  # deterministic


def test_both_invented_sets_code_the_codebook_lines_the_same_way() -> None:
    # signing a treaty is SUPPORT, a declared ceasefire CONCEDE, an invitation AGREE (PLOVER 2.0)
    old, new = plover_examples.generate(), plover_news_examples.generate()
    assert {r["type"] for r in old + new if " signed an accord " in r["text"] or " signed a treaty " in r["text"]
            } == {"SUPPORT"}
    assert {r["type"] for r in old + new if " declared a " in r["text"] and "ceasefire" in r["text"]} == {"CONCEDE"}
    assert {r["type"] for r in old + new if " invited " in r["text"]} == {"AGREE"}
    assert committed(plover_examples.OUT) == old


def test_no_event_examples_cover_news_background_and_are_the_committed_file() -> None:
    rows = no_event_examples.generate()
    assert len(rows) == no_event_examples.COUNT == len({r["text"] for r in rows})
    assert not any(SLOT.search(r["text"]) for r in rows)
    assert len({r["group"] for r in rows}) == len(no_event_examples.TEMPLATES)
    assert committed(no_event_examples.OUT) == rows


def write_sentences(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"text": t, "type": ty, "group": f"{path.stem}#{i % 3}",
                                        "source": "test sentences (invented)"}) + "\n"
                            for i, (t, ty) in enumerate(rows)), encoding="utf-8")
    return path


def test_policy_files_are_judged_by_a_classifier_trained_on_the_other_files(tmp_path: Path) -> None:
    # With a training file outside the policy files, the policy file's predictions come from a
    # classifier trained on that file alone (held-out source); without one, from held-out groups.
    places = ["Kerrow", "Talem", "Vesna", "Ardeni", "Samaka", "Darrow"]
    a = write_sentences(tmp_path / "a.jsonl",
                        [(f"Troops shelled the village of {p}.", "ASSAULT") for p in places]
                        + [(f"Ministers met in {p} for talks.", "CONSULT") for p in places])
    b = write_sentences(tmp_path / "b.jsonl",
                        [(f"Artillery pounded houses in {p}.", "ASSAULT") for p in places]
                        + [(f"The envoys held talks in {p}.", "CONSULT") for p in places])
    train_types_model([a, b], tmp_path / "m", cv=2, seed=0, policy_sample=40, progress=False,
                      policy_files=[a])
    pol = load_types_model(tmp_path / "m").card["policy"]["plover_type"]
    assert pol["held_out"] == "source" and pol["sample_documents"] == 12
    assert [Path(f).name for f in pol["files"]] == ["a.jsonl"]
    train_types_model([a], tmp_path / "m1", cv=2, seed=0, policy_sample=40, progress=False,
                      policy_files=[a])
    assert load_types_model(tmp_path / "m1").card["policy"]["plover_type"]["held_out"] == "group"
