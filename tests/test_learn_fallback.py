"""The no-event fallback: its threshold (chosen on training documents) and the event it adds."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from wirecoder.learn import load_types_model, train_types_model
from wirecoder.learn.fallback import (
    ACLED_TO_PLOVER,
    FALLBACK_CONFIDENCE,
    fallback_event,
    fallback_label,
    fallback_thresholds,
)
from wirecoder.learn.hybrid import sentence_count
from wirecoder.learn.model import TypesModel
from wirecoder.learn.policy import RuleItem, fallback_gain, fallback_threshold, rule_items
from wirecoder.schema import ACLED_EVENT_TYPES, MODES

PLACES = ["Kerrow", "Talem", "Vesna", "Ardeni", "Samaka", "Darrow", "Mabiri", "Tenbury"]
NOTES = {
    "Looting/property destruction": ["Armed men looted shops and stole livestock in {p} village.",
                                     "Militia fighters ransacked the clinic in {p} and carried off beds."],
    "Attack": ["Gunmen shot dead a farmer near {p}.", "Unknown assailants killed two shepherds in {p}."],
    "Peaceful protest": ["Traders demonstrated peacefully in {p} against new taxes.",
                         "Nurses held a sit-in in {p} over unpaid wages."],
}


def write_notes(path: Path) -> Path:
    parent = {s: et for et, subs in ACLED_EVENT_TYPES.items() for s in subs}
    rows = ["event_type,sub_event_type,notes"]
    for sub, templates in NOTES.items():
        for i in range(8):
            rows.append(f'"{parent[sub]}","{sub}","{templates[i % 2].format(p=PLACES[i])}"')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_fallback_threshold_needs_more_right_than_wrong() -> None:
    # confident and right above 1.0, unsure and mostly wrong below
    items = ([RuleItem(None, "A", "A", 1.2)] * 9 + [RuleItem(None, "A", "B", 1.1)]
             + [RuleItem(None, "A", "B", 0.2)] * 5 + [RuleItem(None, "A", "A", 0.1)])
    got = fallback_threshold(items)
    assert got["threshold"] == 1.0 and (got["right"], got["wrong"]) == (9, 1)
    assert fallback_gain(items, 0.0) == (10, 6)
    # more right than wrong, but not beyond chance (6 − 2 < 2·√8): no fallback
    assert fallback_threshold([RuleItem(None, "A", "A", 2.0)] * 6 + [RuleItem(None, "A", "B", 2.0)] * 2
                              )["threshold"] is None
    # wrong as often as right: no fallback; too few documents: no fallback
    assert fallback_threshold([RuleItem(None, "A", "B", 2.0), RuleItem(None, "A", "A", 2.0)] * 5)["threshold"] is None
    assert fallback_threshold([RuleItem(None, "A", "A", 2.0)] * 3)["threshold"] is None


def test_rule_items_keeps_short_documents_without_events() -> None:
    def labels(texts: list[str]) -> list[list[tuple[str | None, float]]]:
        return [[], [("X", 0.45)], [("X", 0.9), ("Y", 0.8)], []]

    items, empty, several = rule_items(["a", "b", "c", "d"], ["G"] * 4, ["P"] * 4, [1.0] * 4, labels,
                                       short=[True, True, True, False])
    assert [(it.rule, it.confidence) for it in items] == [("X", 0.45)] and several == 1
    assert len(empty) == 1 and empty[0].rule is None and empty[0].gold == "G"


def test_sentence_count() -> None:
    assert sentence_count("One thing happened. Then another! Did a third? Yes.") == 4
    assert sentence_count("A single sentence without a full stop") == 1
    assert sentence_count("   ") == 0


def test_every_acled_sub_type_has_a_valid_plover_reading() -> None:
    subs = {s for v in ACLED_EVENT_TYPES.values() for s in v} - {"Other"}
    assert subs == set(ACLED_TO_PLOVER)
    for type_, mode in ACLED_TO_PLOVER.values():
        assert mode is None or mode in MODES[type_]


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> TypesModel:
    d = tmp_path_factory.mktemp("fallback")
    data = write_notes(d / "export.csv")
    train_types_model([data], d / "model", cv=3, seed=1, policy_sample=0, progress=False)
    return load_types_model(d / "model")


def with_fallback(model: TypesModel, theta: float | None) -> TypesModel:
    m = copy.copy(model)
    m.policy = {"acled_sub": {"default": None, "by_rule": {}, "fallback": theta}}
    return m


def test_fallback_event_types_a_short_text(small_model: TypesModel) -> None:
    text = "Armed men ransacked the pharmacy in Oldbridge and carried off sacks of rice."
    assert fallback_thresholds(small_model) == {}  # no policy trained: never a fallback
    assert fallback_event(text, small_model) is None
    model = with_fallback(small_model, 0.0)
    ev = fallback_event(text, model, event_id="e4")
    assert ev is not None and ev.id == "e4"
    assert ev.acled.sub_event_type == "Looting/property destruction"
    assert ev.acled.event_type == "Strategic developments"
    assert (ev.type, ev.mode) == ACLED_TO_PLOVER["Looting/property destruction"]
    assert ev.confidence == FALLBACK_CONFIDENCE
    assert text[ev.evidence[0].start:ev.evidence[0].end] == text
    # the policy 'rules' and long texts never get one; an unreachable threshold neither
    assert fallback_label(text, model, policy="rules") is None
    long_text = " ".join([text] * 4)
    assert fallback_label(long_text, model) is None
    assert fallback_label(text, with_fallback(small_model, 99.0)) is None


def test_pipeline_adds_the_fallback_only_without_rule_events(small_model: TypesModel) -> None:
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    model = with_fallback(small_model, 0.0)
    pipe = Pipeline(types_model="none")
    pipe.types_model = model
    empty = "Nurses of the Vesna clinic, in a sit-in over unpaid wages."  # no verb: no rule event
    assert Pipeline(types_model="none").extract(make_article(empty)).events == []
    got = pipe.extract(make_article(empty)).events
    assert len(got) == 1 and got[0].confidence == FALLBACK_CONFIDENCE
    assert got[0].acled.sub_event_type == "Peaceful protest"
    # a stricter minimum confidence leaves it out
    pipe.min_confidence = 0.6
    assert pipe.extract(make_article(empty)).events == []
    # texts where the rules find events keep exactly those
    pipe.min_confidence = None
    told = "Gunmen shot dead a farmer near Talem on Monday."
    rules = Pipeline(types_model="none").extract(make_article(told)).events
    assert rules and [e.id for e in pipe.extract(make_article(told)).events] == [e.id for e in rules]
