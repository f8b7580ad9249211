"""Gold files: validation, file:line errors, skipped files, deterministic sampling."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.errors import GoldError, NotGoldFile
from wirecoder.evaluate.gold import GoldDoc, read_gold, select, validate


def doc(i: int, **kw: object) -> dict:
    base = {"id": f"d{i}", "dataset": "mine", "text": f"Text number {i}.", "published": None,
            "annotated": ["events"], "events": []}
    base.update(kw)
    return base


def write(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_bad_lines_are_named_by_file_and_line_and_the_rest_continue(tmp_path: Path) -> None:
    p = write(tmp_path, [json.dumps(doc(1)), "{not json", json.dumps(doc(3, annotated=["evnts"])),
                         "", json.dumps(doc(5, events=[{"type": "ACCUSE", "actor": "Anna"}])),
                         json.dumps(doc(6))])
    items = list(read_gold(p))
    errors = [i for i in items if isinstance(i, GoldError)]
    docs = [i for i in items if isinstance(i, GoldDoc)]
    assert [d.id for d in docs] == ["d1", "d6"] and docs[1].where == f"{p}:6"
    assert [str(e).split(": ")[0].split(" ", 1)[1] for e in errors] == [f"{p}:2", f"{p}:3", f"{p}:5"]
    assert all(e.code == "E200" for e in errors)
    assert "unknown `annotated`" in str(errors[1])


def test_file_without_texts_is_not_gold(tmp_path: Path) -> None:
    p = write(tmp_path, [json.dumps({"file": "page.html", "with": ["a"], "without": []})])
    with pytest.raises(NotGoldFile):
        list(read_gold(p))


@pytest.mark.parametrize("bad, why", [
    ({"id": "x", "text": "", "annotated": []}, "text"),
    ({"id": "x", "text": "t", "annotated": "events"}, "annotated"),
    ({"id": "x", "text": "t", "annotated": ["claims"]}, "claims"),
    ({"id": "x", "text": "t", "annotated": ["events"], "events": [{"actor": []}]}, "type"),
    ({"id": "x", "text": "t", "annotated": ["events"], "events": [{"type": "AID", "date": 5}]}, "date"),
    ({"id": "x", "text": "t", "annotated": ["events"], "events": [
        {"type": "AID", "actor": [{"country": "ELB", "side": "x"}]}]}, "code actor"),
    ({"id": "x", "text": "t", "annotated": ["quotes"], "quotes": [{"speaker": []}]}, "text"),
])
def test_validate_rejects(bad: dict, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        validate(bad)


def test_validate_accepts_every_documented_shape() -> None:
    validate(doc(1, annotated=["events", "claims", "quotes", "related"], related=["A title"],
                 events=[{"type": "RETREAT", "mode": ["release", None], "actor": [["Anna"]],
                          "recipient": [{"country": "ELB", "sector": None, "cameo": "ELB"}],
                          "mediator": [], "date": {"start": "2031-01-01", "end": "2031-01-05"},
                          "country": "ELB", "status": ["occurred"], "dead": 0,
                          "location": {"name": "Zenda", "lat": 1.0, "lon": 2.0}}],
                 optional_events=[{"type": "AGREE", "status": ["planned"]}],
                 forbidden=[{"evidence_contains": "x", "unless_status": ["historical"]}],
                 claims=[{"quantity": "killed", "value": 3, "bound": ["about"], "claimant": []}],
                 quotes=[{"text": "q", "speaker": [["Anna"]], "channel": "radio"}]))
    validate(doc(2, annotated=["events.acled"], events=[{"case_label": "DIPLO"}]))


def test_select_limit_and_deterministic_sample(tmp_path: Path) -> None:
    p = write(tmp_path, [json.dumps(doc(i)) for i in range(40)])
    docs = [d for d in read_gold(p) if isinstance(d, GoldDoc)]
    assert [d.id for d in select(docs, limit=3)] == ["d0", "d1", "d2"]
    s1, s2 = select(docs, sample=10), select(list(reversed(docs)), sample=10)
    assert len(s1) == 10 and {d.id for d in s1} == {d.id for d in s2}
    assert [d.line for d in s1] == sorted(d.line for d in s1)  # file order kept
    assert {d.id for d in s1} != {f"d{i}" for i in range(10)}  # not just the head of the file
