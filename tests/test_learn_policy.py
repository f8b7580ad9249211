"""The hybrid policy (pure functions) and the shipped default types model."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.learn.data import lead, plover_mode_label, sha256_of
from wirecoder.learn.hybrid import NONE, decide, may_override, paragraph_around, sentence_around
from wirecoder.learn.model import default_model_path, load_types_model, resolve_types_model
from wirecoder.learn.policy import RuleItem, balanced_sample, best_threshold, beyond_chance, choose_policy

SHARED_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "train"


def test_decide_follows_the_policy() -> None:
    pol = {"default": 0.5, "by_rule": {"Air/drone strike": None, "Attack": 0.3, NONE: 0.0}}
    assert decide("Air/drone strike", "Shelling", 9.0, pol, "hybrid") == "Air/drone strike"
    assert decide("Attack", "Looting", 0.31, pol, "hybrid") == "Looting"
    assert decide("Attack", "Looting", 0.29, pol, "hybrid") == "Attack"
    assert decide(None, "Other", 0.0, pol, "hybrid") == "Other"
    assert decide("Grenade", "Attack", 0.4, pol, "hybrid") == "Grenade"  # default 0.5
    assert decide("Grenade", "Attack", 0.0, pol, "model") == "Attack"
    assert decide("Grenade", "Attack", 9.0, pol, "rules") == "Grenade"


def test_choose_policy_keeps_rules_where_they_are_right() -> None:
    good = [RuleItem("A", "A", "B", 2.0)] * 10  # rules right, classifier confidently wrong
    bad = [RuleItem("C", "D", "D", 0.4)] * 9 + [RuleItem("C", "C", "D", 0.1)]
    few = [RuleItem("E", "F", "F", 3.0)] * 3  # too few to judge: keep the rules
    pol = choose_policy(good + bad + few)
    assert pol["by_rule"]["A"] is None
    assert pol["by_rule"]["C"] is not None and 0.1 < pol["by_rule"]["C"] <= 0.4
    assert pol["by_rule"]["E"] is None
    assert pol["evidence"]["C"]["hybrid_right"] == 10 and pol["evidence"]["C"]["rules_right"] == 1
    assert best_threshold([])[0] is None


def test_low_confidence_rule_events_get_their_own_thresholds() -> None:
    sure = [RuleItem("A", "A", "B", 2.0, 0.9)] * 10  # confident rule events: rules right
    unsure = [RuleItem("A", "B", "B", 0.6, 0.42)] * 9  # below LOW_CONFIDENCE: classifier right
    pol = choose_policy(sure + unsure)
    assert pol["by_rule_low"]["A"] is not None and pol["by_rule"]["A"] is None
    assert decide("A", "B", 0.7, pol, "hybrid", confidence=0.45) == "B"
    assert decide("A", "B", 0.7, pol, "hybrid", confidence=0.8) == "A"
    assert may_override("A", pol, "hybrid", 0.45) and not may_override("A", pol, "hybrid", 0.8)
    # too few low-confidence events of a class: no table entry, the class's θ applies
    assert "A" not in choose_policy(sure + unsure[:3])["by_rule_low"]


def test_policy_changes_must_be_beyond_chance() -> None:
    assert beyond_chance(8, 0) and beyond_chance(12, 2) and not beyond_chance(3, 0)
    assert not beyond_chance(5, 5) and not beyond_chance(0, 0)
    # the classifier fixes 3 of 12 events and breaks none: too few to trust, the rules stay
    items = [RuleItem("A", "B", "B", 1.0)] * 3 + [RuleItem("A", "A", "A", 1.0)] * 9
    assert best_threshold(items)[0] is None
    assert best_threshold(items * 4)[0] is not None  # the same gain on 48 events is trusted
    # each step down needs its own evidence: 1.0 is clearly better than the rules, going on
    # to 0.15 would win 2 events and lose 1 more — noise, so the policy stays at 1.0
    sure = [RuleItem("A", "B", "B", 1.2)] * 20 + [RuleItem("A", "A", "A", 1.2)] * 20
    noise = [RuleItem("A", "B", "B", 0.2)] * 2 + [RuleItem("A", "A", "B", 0.2)]
    assert best_threshold(sure + noise)[0] == 1.0


def test_balanced_sample_is_deterministic_and_takes_rare_classes() -> None:
    labels = ["big"] * 1000 + ["rare"] * 5
    s = balanced_sample(labels, 50, seed=3)
    assert s == balanced_sample(labels, 50, seed=3) and len(s) == 50
    assert sum(labels[i] == "rare" for i in s) == 5


def test_text_windows() -> None:
    text = "First sentence here. The army shelled Kerrow at dawn. Third one.\n\nNext paragraph."
    start = text.index("shelled")
    assert sentence_around(text, start, start + 7) == "The army shelled Kerrow at dawn."
    assert paragraph_around(text, start, start + 7) == text.split("\n\n")[0]
    assert lead("Over {country_1} it rained. Then more.") == "Over it rained."
    assert plover_mode_label("ASSAULT", "PRIMATIVE") == "ASSAULT/primitive"
    assert plover_mode_label("ASSAULT", "MASSACRE") == "ASSAULT/"


def test_shipped_model_loads_and_is_redistributable() -> None:
    assert resolve_types_model("default") == str(default_model_path())
    assert resolve_types_model("none") is None
    m = load_types_model(default_model_path())
    assert {"plover_type", "plover_mode", "acled_sub"} <= set(m.heads)
    size = sum(p.stat().st_size for p in default_model_path().iterdir())
    assert size <= 25 * 2**20
    for f in m.card["data"]:
        assert "ACLED Terms" not in f["licence"] and "acled_notes" not in f["path"]


@pytest.mark.skipif(not (SHARED_TRAIN / "plover_synthetic_ngec.jsonl").exists(),
                    reason="../shared/train not present")
def test_shipped_model_was_trained_on_the_shared_ngec_file() -> None:
    card = json.loads((default_model_path() / "card.json").read_text())
    ngec = [f for f in card["data"] if f["path"].endswith("plover_synthetic_ngec.jsonl")]
    assert ngec and ngec[0]["sha256"] == sha256_of(SHARED_TRAIN / "plover_synthetic_ngec.jsonl")
    invented = [f for f in card["data"] if "learn/data" in f["path"]]
    root = Path(__file__).resolve().parents[1]
    for f in invented:  # the committed example files are the ones the model was trained on
        assert f["sha256"] == sha256_of(root / f["path"])


def test_a_decision_must_hold_on_each_policy_source() -> None:
    from wirecoder.learn.policy import fallback_threshold
    # source a: the classifier is right at any margin; source b: wrong below 1.0
    a = [RuleItem("A", "B", "B", 0.4, source="a")] * 20 + [RuleItem("A", "B", "B", 1.2, source="a")] * 20
    b = [RuleItem("A", "A", "B", 0.4, source="b")] * 6 + [RuleItem("A", "B", "B", 1.2, source="b")] * 20
    pooled = [RuleItem(it.rule, it.gold, it.predicted, it.margin) for it in a + b]
    assert best_threshold(pooled)[0] == 0.3  # one source: 0.3 wins 20, loses 6 — taken
    pol = choose_policy(a + b)  # two sources: the step to 0.3 loses on b
    assert pol["by_rule"]["A"] == 1.0 and pol["default"] == 1.0
    assert pol["evidence"]["A"]["hybrid_right"] == 46  # b's 6 kept with the rules, a's 20 below 1.0 not fixed
    assert choose_policy(a + b[6:])["by_rule"]["A"] == 0.3  # a source the step does not touch has no veto
    c = [RuleItem("A", "A", "B", 1.2, source="c")] * 10  # the classifier never helps on c
    assert choose_policy(a + c)["by_rule"]["A"] is None
    assert choose_policy(a + c[:3])["by_rule"]["A"] == 0.3  # too few items of c to have a say
    # the fallback: b's documents are typed wrong below 1.0, so the step to 0.3 is refused
    fa = [RuleItem(None, "B", "B", 0.4, source="a")] * 20
    fb = [RuleItem(None, "B", "C", 0.4, source="b")] * 10 + [RuleItem(None, "B", "B", 1.2, source="b")] * 10
    neg = [RuleItem(None, "", "B", 0.1)] * 20
    assert fallback_threshold(fa + fb[10:], neg)["threshold"] == 0.3
    got = fallback_threshold(fa + fb, neg)
    assert got["threshold"] == 1.0 and (got["right"], got["wrong"]) == (10, 0)


def test_a_rule_class_the_classifier_never_saw_keeps_the_rules() -> None:
    # the classifier is right on every sampled class, so the pooled default lets it in …
    sampled = [RuleItem("A", "B", "B", 1.2)] * 30
    unseen_but_sampled = [RuleItem("Z", "B", "B", 1.2)] * 30
    pol = choose_policy(sampled + unseen_but_sampled, unknown=["Y", "Z"])
    assert pol["default"] is not None and pol["by_rule"]["A"] is not None
    # … but never to a class it has no rows of, sampled (Z) or not (Y)
    assert pol["by_rule"]["Z"] is None and pol["by_rule"]["Y"] is None
    assert decide("Y", "B", 9.0, pol, "hybrid") == "Y" and decide("Q", "B", 9.0, pol, "hybrid") == "B"
    assert pol["evidence"]["Y"]["events"] == 0 and "no training rows" in pol["evidence"]["Y"]["decision"]


def test_events_outside_acled_weigh_against_filling_in_a_view() -> None:
    # on training notes every rule event without a view is an ACLED event: filling is right …
    notes = [RuleItem(None, "Attack", "Attack", 0.4, source="notes")] * 20 + \
        [RuleItem(None, "Attack", "Attack", 1.2, source="notes")] * 20
    assert choose_policy(notes)["by_rule"][NONE] == 0.3
    # … but an event outside ACLED's taxonomy (gold None) must stay without one: the classifier
    # is unsure there (margins below 1.0), so only its confident labels fill the view
    outside = [RuleItem(None, None, "Peaceful protest", 0.5)] * 30 + [RuleItem(None, None, "Attack", 1.1)] * 2
    pol = choose_policy(notes + outside)
    assert pol["by_rule"][NONE] == 1.0 and pol["default"] == 0.3  # the default is for rule labels
    assert pol["evidence"][NONE]["no_label_items"] == 32 and pol["evidence"][NONE]["hybrid_right"] == 50
    # no-label items are not a policy source: they would veto every fill
    assert choose_policy(notes + outside[-2:])["by_rule"][NONE] == 0.3


def test_outside_acled_sentences_are_the_invented_non_acled_types(tmp_path: Path) -> None:
    from wirecoder.learn.outside_acled import OUTSIDE_TYPES, load_outside_acled_texts
    rows = [{"text": "Ministers of Norland and Vesteria met in Darrow.", "type": "CONSULT"},
            {"text": "Troops shelled the outskirts of Kerrow.", "type": "ASSAULT"},
            {"text": "Norland and Vesteria signed a truce.", "type": "AGREE"}]
    (tmp_path / "plover_news_examples.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert load_outside_acled_texts(tmp_path) == [rows[0]["text"]]
    assert load_outside_acled_texts(tmp_path / "absent") == []
    assert "ASSAULT" not in OUTSIDE_TYPES and "PROTEST" not in OUTSIDE_TYPES and "CONSULT" in OUTSIDE_TYPES
    assert len(load_outside_acled_texts()) >= 500  # the packaged invented sentences
