"""`wirecoder train`, types models and the rules + classifier hybrid, on rows written here."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.learn import load_types_model, retype_events, train_types_model
from wirecoder.learn.errors import EmptyClass, MissingColumn, UnreadableTrainingFile
from wirecoder.schema import ACLED_EVENT_TYPES

PARENT = {sub: et for et, subs in ACLED_EVENT_TYPES.items() for sub in subs}
PLACES = ["Kerrow", "Talem", "Vesna", "Ardeni", "Samaka", "Darrow", "Mabiri", "Tenbury", "Qasr Duna"]
CLASSES = {
    "Looting/property destruction": [
        "Rebels of the {p} front stormed the market in {p} and carried off grain sacks and cattle.",
        "Armed men looted shops and stole livestock in {p} village.",
        "Militia fighters ransacked the clinic in {p} and carried off medicine and beds.",
    ],
    "Attack": [
        "Gunmen shot dead a farmer near {p}.",
        "Unknown assailants killed two shepherds in {p}.",
        "An armed group attacked villagers in {p}, killing a teacher.",
    ],
    "Peaceful protest": [
        "Traders demonstrated peacefully in {p} against new taxes.",
        "Students marched in {p} to demand lower fees.",
        "Nurses held a sit-in in {p} over unpaid wages.",
    ],
}


def write_acled_csv(path: Path, per_class: int = 8, drop: str | None = None,
                    blank_label_row: bool = False) -> Path:
    cols = ["event_date", "event_type", "sub_event_type", "notes"]
    cols = [c for c in cols if c != drop]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for sub, templates in CLASSES.items():
            for i in range(per_class):
                row = {"event_date": "2025-05-0%d" % (1 + i % 9), "event_type": PARENT[sub],
                       "sub_event_type": sub,
                       "notes": templates[i % len(templates)].format(p=PLACES[i % len(PLACES)])}
                w.writerow({k: v for k, v in row.items() if k in cols})
        if blank_label_row:
            w.writerow({c: ("Someone did something in Kerrow." if c == "notes" else "") for c in cols})
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("learn")
    data = write_acled_csv(d / "export.csv")
    train_types_model([data], d / "model", cv=3, seed=7, policy_sample=0, progress=False)
    return d / "model"


def test_card_fields(trained: Path) -> None:
    card = json.loads((trained / "card.json").read_text())
    assert card["seed"] == 7 and card["cv_folds"] == 3 and card["created"]
    assert {"scikit-learn", "numpy", "spacy", "wirecoder"} <= set(card["libraries"])
    (f,) = card["data"]
    assert f["kind"] == "acled" and len(f["sha256"]) == 64 and f["rows"] == 24
    assert "ACLED" in f["licence"] and card["licences"] == [f["licence"]]
    head = card["heads"]["acled_sub"]
    assert head["rows_per_class"] == {c: 8 for c in CLASSES}
    cv = head["cv"]
    assert 0.0 <= cv["macro_f1"] <= 1.0
    assert set(cv["per_class"]) >= set(CLASSES)
    for s in cv["per_class"].values():
        assert {"precision", "recall", "f1", "support"} <= set(s)
    m = np.array(cv["confusion"]["matrix"])
    assert m.sum() == 24 and m.shape == (len(cv["confusion"]["labels"]),) * 2
    assert (trained / "CARD.md").read_text().startswith("# wirecoder types model")


def test_same_seed_same_model(trained: Path, tmp_path: Path) -> None:
    data = write_acled_csv(tmp_path / "export.csv")
    train_types_model([data], tmp_path / "again", cv=3, seed=7, policy_sample=0, progress=False)
    with np.load(trained / "acled_sub.npz") as a, np.load(tmp_path / "again" / "acled_sub.npz") as b:
        assert set(a.files) == set(b.files)
        for k in a.files:
            assert np.array_equal(a[k], b[k]), k
    c1 = json.loads((trained / "card.json").read_text())["heads"]
    c2 = json.loads((tmp_path / "again" / "card.json").read_text())["heads"]
    assert c1 == c2


def test_missing_column(tmp_path: Path) -> None:
    data = write_acled_csv(tmp_path / "x.csv", drop="sub_event_type")
    with pytest.raises(MissingColumn) as e:
        train_types_model([data], tmp_path / "m", cv=3, policy_sample=0, progress=False)
    assert e.value.code == "E401" and "sub_event_type" in str(e.value)


def test_empty_class(tmp_path: Path) -> None:
    with pytest.raises(EmptyClass) as e:  # a row with notes but no label
        train_types_model([write_acled_csv(tmp_path / "a.csv", blank_label_row=True)], tmp_path / "m",
                          cv=3, policy_sample=0, progress=False)
    assert e.value.code == "E402"
    with pytest.raises(EmptyClass) as e:  # two rows per class cannot fill three folds
        train_types_model([write_acled_csv(tmp_path / "b.csv", per_class=2)], tmp_path / "m",
                          cv=3, policy_sample=0, progress=False)
    assert "fewer than 3 rows" in str(e.value)


def test_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "export.jsonl"
    bad.write_bytes(b"\x00\x01not json\n")
    for path in (tmp_path / "missing.csv", bad, tmp_path / "notes.docx"):
        if path.suffix == ".docx":
            path.write_text("x")
        with pytest.raises(UnreadableTrainingFile) as e:
            train_types_model([path], tmp_path / "m", cv=3, policy_sample=0, progress=False)
        assert e.value.code == "E403"


def test_cli_train_errors_and_model_info(tmp_path: Path) -> None:
    runner = CliRunner()
    data = write_acled_csv(tmp_path / "export.csv")
    r = runner.invoke(app, ["train", str(data), "-o", str(tmp_path / "m"), "--cv", "3",
                            "--policy-sample", "0", "-q"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["model", "info", str(tmp_path / "m")])
    assert r.exit_code == 0
    assert "ACLED sub-event type" in r.stdout and "macro-F1" in r.stdout and "sha256" in r.stdout
    bad = write_acled_csv(tmp_path / "bad.csv", drop="notes")
    r = runner.invoke(app, ["train", str(bad), "-o", str(tmp_path / "m2"), "--cv", "3", "-q"])
    assert isinstance(r.exception, MissingColumn)


def test_hybrid_retypes_where_rules_are_wrong(trained: Path) -> None:
    """The rules call storming a village and carrying off grain an ACLED 'Attack' (an attack
    on a market alone is property destruction to them since session 8); a model trained on
    looting notes makes it 'Looting/property destruction'. Events are kept."""
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    text = "Rebels of the Sarun front stormed Talem village and carried off grain sacks and cattle."
    rules = Pipeline(types_model="none").extract(make_article(text))
    assert rules.events and all(e.acled.sub_event_type != "Looting/property destruction"
                                for e in rules.events)
    hybrid = Pipeline(types_model=str(trained), types_policy="model").extract(make_article(text))
    assert [e.id for e in hybrid.events] == [e.id for e in rules.events]
    assert {e.acled.sub_event_type for e in hybrid.events} == {"Looting/property destruction"}
    assert {e.acled.event_type for e in hybrid.events} == {"Strategic developments"}
    # the same through the function the extraction core calls
    model = load_types_model(trained)
    again = retype_events(rules.events, text, model, policy="model")
    assert [e.acled.sub_event_type for e in again] == [e.acled.sub_event_type for e in hybrid.events]
    assert retype_events(rules.events, text, model, policy="rules") == rules.events


def test_extract_cli_types_model(trained: Path, tmp_path: Path) -> None:
    src = tmp_path / "note.txt"
    src.write_text("Armed men looted shops and stole livestock in Ardeni village on 3 May 2025.\n")
    runner = CliRunner()
    env = {k: v for k, v in os.environ.items() if k != "WIRECODER_TYPES_MODEL"}
    base = runner.invoke(app, ["extract", str(src), "-f", "json"], env=env)
    assert base.exit_code == 0
    with_model = runner.invoke(app, ["extract", str(src), "-f", "json", "--types-model", str(trained)],
                               env=env)
    assert with_model.exit_code == 0
    subs = {e["acled"]["sub_event_type"] for e in json.loads(with_model.stdout)["events"]}
    assert len(json.loads(with_model.stdout)["events"]) == len(json.loads(base.stdout)["events"])
    assert subs <= set(CLASSES) | {None}


def test_bad_types_model_folder(tmp_path: Path) -> None:
    from wirecoder.learn.errors import TypesModelError

    with pytest.raises(TypesModelError) as e:
        load_types_model(tmp_path)
    assert e.value.code == "E410"


def test_ingest_engine_passes_the_types_model(trained: Path, tmp_path: Path) -> None:
    from wirecoder.engine.local import make_extractor
    from wirecoder.ingest import make_article

    text = "Rebels of the Sarun front stormed the Talem market and carried off grain sacks and cattle."
    art = make_article(text, id="looting-1")
    plain = make_extractor("local", 1, None, types_model="none")
    learned = make_extractor("local", 1, None, types_model=str(trained))
    (r0,) = next(plain.map([[art]]))
    (r1,) = next(learned.map([[art]]))
    assert [e.id for e in r0.events] == [e.id for e in r1.events]
    # the hybrid policy of this small model (no rules run: --policy-sample 0) keeps the rules
    assert [e.acled for e in r1.events] == [e.acled for e in r0.events]
    assert learned.pipeline.types_model is not None and plain.pipeline.types_model is None


def test_xlsx_needs_openpyxl_or_is_read(tmp_path: Path) -> None:
    """An .xlsx export: a coded error naming the fix when openpyxl is absent; a damaged file is
    an unreadable file (E403) when it is present."""
    from wirecoder.errors import OptionalDependencyMissing

    bad = tmp_path / "export.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        with pytest.raises(OptionalDependencyMissing) as e:
            train_types_model([bad], tmp_path / "m", cv=3, policy_sample=0, progress=False)
        assert e.value.code == "E011" and "CSV" in str(e.value)
    else:
        with pytest.raises(UnreadableTrainingFile):
            train_types_model([bad], tmp_path / "m", cv=3, policy_sample=0, progress=False)


def test_outside_items_are_rule_events_without_a_view(trained: Path) -> None:
    from wirecoder.learn.train import outside_items, rules_labeller, taxonomy
    head = load_types_model(trained).heads["acled_sub"]
    texts = ["The foreign ministers of Norland and Vesteria met in Darrow on Tuesday to discuss trade.",
             "Vesteria accused Norland of spying on its embassy.",
             "Gunmen shot dead a farmer near Kerrow."]  # an ACLED event: the rules give it a view
    items = outside_items(head, rules_labeller("acled_sub", None), texts)
    assert len(items) == 2
    assert all(it.rule is None and it.gold is None and it.predicted in head.classes for it in items)
    assert "Chemical weapon" in taxonomy("acled_sub") and "CONSULT" in taxonomy("plover_type")


def test_acled_policy_keeps_unknown_classes_and_weighs_outside_events(tmp_path: Path) -> None:
    from wirecoder.learn.outside_acled import load_outside_acled_texts
    from wirecoder.learn.policy import UNKNOWN
    data = write_acled_csv(tmp_path / "export.csv", per_class=9)
    train_types_model([data], tmp_path / "m", cv=3, seed=0, policy_sample=27, progress=False,
                      outside_evidence=True)
    model = load_types_model(tmp_path / "m")
    pol, card = model.policy["acled_sub"], model.card["policy"]["acled_sub"]
    # the classifier knows three sub-types: every other one the rules can give keeps the rules
    assert pol["by_rule"]["Chemical weapon"] is None and pol["by_rule"]["Armed clash"] is None
    assert card["evidence"]["Chemical weapon"]["decision"] == UNKNOWN
    assert "Attack" not in pol["by_rule"] or card["evidence"]["Attack"]["decision"] != UNKNOWN
    # the invented sentences outside ACLED's taxonomy joined the (none) evidence
    assert 0 < card["outside_documents"] <= len(load_outside_acled_texts())
    assert card["evidence"]["(none)"]["no_label_items"] == card["outside_documents"]
    assert "outside ACLED's taxonomy" in (tmp_path / "m" / "CARD.md").read_text(encoding="utf-8")
    # off by default (it cost sub-event accuracy on the dev sets): (none) judged on ACLED rows only
    train_types_model([data], tmp_path / "d", cv=3, seed=0, policy_sample=27, progress=False)
    assert load_types_model(tmp_path / "d").card["policy"]["acled_sub"]["outside_documents"] == 0
