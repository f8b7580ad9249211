"""The ACLED-style export on a real DuckDB store written through the real store and merge.

Every report here is invented for this test (fictional incidents in real places).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "api"))
import fixture_db

from wirecoder.cli import app
from wirecoder.schema import Report
from wirecoder.store import open_reader
from wirecoder.store.acled import actor_type, interaction, outlet_info, region_of, source_name
from wirecoder.store.export import ACLED_COLUMNS, acled_rows, export

ACTORS = {
    "army": ("Northern Army", "group", "MIL"),
    "rebels": ("Valley Front", "group", "REB"),
    "villagers": ("Villagers", "population", "CVL"),
    "crowd": ("Farmers", "population", "AGR"),
    "police": ("City Police", "organization", "COP"),
}


def report(aid: str, *, outlet: str | None = "Reuters", url: str | None = None,
           published: str = "2031-05-10", event: dict[str, Any]) -> Report:
    text = f"Invented report {aid}. " + event.pop("sentence")
    start = text.index(".") + 2
    roles = {r: [k] for r in ("actor", "recipient") for k in [event.pop(r, None)] if k}
    return Report.model_validate({
        "article": {"id": aid, "source": f"/home/someone/corpus/{aid}.txt", "title": f"Title {aid}",
                    "outlet": outlet, "url": url, "published": published, "text": text},
        "actors": [{"id": k, "name": ACTORS[k][0], "kind": ACTORS[k][1], "country": "SDN",
                    "sector": ACTORS[k][2], "mentions": []}
                   for k in {v[0] for v in roles.values()}],
        "events": [{"id": "e1", **{r: v for r, v in roles.items()},
                    "evidence": [{"start": start, "end": len(text)}],
                    **event}],
    })


def place(name: str = "Kassala", precision: str = "city", **kw: Any) -> dict[str, Any]:
    lat = 12 + sum(map(ord, name)) % 700 / 100  # a spot of its own per name: nothing merges
    return {"name": name, "country": "SDN", "lat": lat, "lon": 30 + lat / 3,
            "precision": precision, **kw}


def day(d: str = "2031-05-09", precision: str = "day", end: str | None = None,
        text: str | None = "on Friday") -> dict[str, Any]:
    """A date the report states (`text`); text=None: the publication-day fallback."""
    return {"start": d, "end": end or d, "precision": precision, "text": text}


STRIKE = {"acled": {"event_type": "Explosions/Remote violence",
                    "sub_event_type": "Shelling/artillery/missile attack"}}


def corpus() -> list[Report]:
    return [
        report("shell", url="https://www.reuters.com/world/x", event={
            "sentence": "The army shelled villagers in Kassala.", "type": "ASSAULT",
            "mode": "heavy-weapons", "actor": "army", "recipient": "villagers",
            "date": day(), "location": place(admin1="Kassala State"), "status": "occurred",
            "dead": 4, "confidence": 0.9, **STRIKE}),
        report("clash", outlet=None, url="https://sudantribune.example/a", event={
            "sentence": "The army fought the Valley Front near Kadugli.", "type": "ASSAULT",
            "mode": "firearms", "actor": "army", "recipient": "rebels",
            "date": day("2031-05-01", "week"), "location": place("South Kordofan", "admin1"),
            "status": "ongoing", "confidence": 0.8,
            "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"}}),
        report("protest", outlet=None, url=None, event={
            "sentence": "Farmers protested in Kassala; police dispersed them.", "type": "PROTEST",
            "mode": "demo", "actor": "crowd", "recipient": "police",
            "date": day("2031-05-01", "month"), "location": place(),
            "status": "occurred", "confidence": 0.6,
            "acled": {"event_type": "Protests", "sub_event_type": "Protest with intervention"}}),
        # never exported: planned, possible, negated, historical, undated, placeless, unsure
        # never exported: planned, possible, negated, historical, undated, placeless, unsure,
        # long before the report (each on its own day and place, so that none merge)
        *[report(f"no-{status}", event={
            "sentence": f"A strike that is {status}.", "type": "ASSAULT", "mode": "aerial",
            "actor": "rebels", "date": day(f"2031-04-0{i + 1}"), "location": place(town),
            "status": status, "confidence": 0.9, **STRIKE})
          for i, (status, town) in enumerate([("planned", "Atbara"), ("possible", "Dongola"),
                                              ("negated", "Kosti"), ("historical", "Sennar")])],
        report("no-date", event={"sentence": "A strike at some time.", "type": "ASSAULT",
                                 "mode": "aerial", "actor": "rebels", "location": place("Rabak"),
                                 "status": "occurred", "confidence": 0.9, **STRIKE}),
        report("no-date-told", event={"sentence": "A strike, the day not said.",
                                      "type": "ASSAULT", "mode": "aerial", "actor": "rebels",
                                      "date": day("2031-05-10", text=None),
                                      "location": place("Sinja"), "status": "occurred",
                                      "confidence": 0.9, **STRIKE}),
        report("no-date-resolved", event={
            "sentence": "The following day, a strike.", "type": "ASSAULT", "mode": "aerial",
            "actor": "rebels", "date": {"precision": "unknown", "text": "The following day"},
            "location": place("Wad Madani"), "status": "occurred", "confidence": 0.9,
            **STRIKE}),
        report("no-place", event={"sentence": "A strike somewhere.", "type": "ASSAULT",
                                  "mode": "aerial", "actor": "rebels", "date": day("2031-04-20"),
                                  "status": "occurred", "confidence": 0.9, **STRIKE}),
        report("unsure", event={"sentence": "A strike, maybe.", "type": "ASSAULT",
                                "mode": "aerial", "actor": "rebels", "date": day("2031-04-12"),
                                "location": place("Gedaref"), "status": "occurred",
                                "confidence": 0.3, **STRIKE}),
        report("old", event={"sentence": "A strike decades ago.", "type": "ASSAULT",
                             "mode": "aerial", "actor": "rebels", "date": day("1999-01-01"),
                             "location": place("Shendi"), "status": "occurred",
                             "confidence": 0.9, **STRIKE}),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_db.build_db(tmp_path_factory.mktemp("acled") / "acled.duckdb", corpus())


def notes(db: Path, **kw: Any) -> list[str]:
    with open_reader(db) as store:
        return sorted(r[ACLED_COLUMNS.index("notes")] for r in acled_rows(store, **kw))


def test_only_events_acled_would_code(db: Path) -> None:
    assert notes(db) == ["Farmers protested in Kassala; police dispersed them.",
                         "The army fought the Valley Front near Kadugli.",
                         "The army shelled villagers in Kassala."]


def test_min_confidence(db: Path) -> None:
    assert notes(db, min_confidence=0.0) == sorted(notes(db) + ["A strike, maybe."])
    assert notes(db, min_confidence=0.85) == ["The army shelled villagers in Kassala."]


def test_columns_are_derived(db: Path) -> None:
    with open_reader(db) as store:
        rows = {r[ACLED_COLUMNS.index("notes")]: dict(zip(ACLED_COLUMNS, r))
                for r in acled_rows(store)}
    shell = rows["The army shelled villagers in Kassala."]
    assert (shell["actor1"], shell["inter1"], shell["actor2"], shell["inter2"]) == (
        "Northern Army", 1, "Villagers", 7)
    assert shell["interaction"] == 17
    assert shell["civilian_targeting"] == "Civilian targeting"
    assert (shell["region"], shell["country"], shell["iso"]) == ("Northern Africa", "Sudan", 729)
    assert shell["admin1"] == "Kassala State"
    assert (shell["time_precision"], shell["geo_precision"]) == (1, 1)
    assert (shell["source"], shell["source_scale"]) == ("Reuters", "International")
    assert shell["fatalities"] == 4 and shell["event_date"] == "2031-05-09"
    assert shell["disorder_type"] == "Political violence"

    clash = rows["The army fought the Valley Front near Kadugli."]
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == (1, 2, 12)
    assert clash["civilian_targeting"] is None
    assert clash["admin1"] == "South Kordofan"  # the place is itself a province
    assert (clash["time_precision"], clash["geo_precision"]) == (2, 3)
    assert clash["source"] == "https://sudantribune.example/a"  # no outlet: the URL
    assert clash["source_scale"] is None  # an outlet the lexicon does not know

    demo = rows["Farmers protested in Kassala; police dispersed them."]
    assert (demo["inter1"], demo["inter2"], demo["interaction"]) == (6, 1, 16)
    assert demo["time_precision"] == 3
    assert demo["source"] == "Title protest"  # neither outlet nor URL: the title
    assert demo["disorder_type"] == "Demonstrations"
    for r in rows.values():
        assert "/home/someone" not in (r["source"] or "")


def test_cli_export_takes_min_confidence(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sudan.acled.csv"
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--to", str(out),
                                   "--min-confidence", "0.0", "--quiet"])
    assert res.exit_code == 0, res.output
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert len(rows) == 4
    assert export(open_reader(db), tmp_path / "b.acled.csv", "acled") == 3


@pytest.mark.parametrize("kind,sector,etype,role,code", [
    ("state", None, "Battles", "actor", 1),
    ("group", "REB", "Battles", "actor", 2),
    ("group", "UAF", "Battles", "recipient", 3),
    ("population", None, "Riots", "actor", 5),
    ("population", "CVL", "Protests", "actor", 6),
    ("organization", "COP", "Protests", "actor", 1),  # police keep their code
    ("population", "CVL", "Violence against civilians", "recipient", 7),
    ("organization", "IGO", "Strategic developments", "actor", 8),
    ("person", None, "Battles", "actor", None),
])
def test_actor_type(kind: str, sector: str | None, etype: str, role: str,
                    code: int | None) -> None:
    assert actor_type(kind, sector, etype, role) == code


def test_small_derivations() -> None:
    assert interaction(7, 1) == 17 and interaction(6, None) == 60 and interaction(None, None) is None
    assert region_of("PSE") == "Middle East" and region_of("JPN") == "East Asia"
    assert region_of("XYZ") is None
    assert outlet_info(None, "https://edition.cnn.com/2031/x").name == "CNN"
    assert outlet_info("AP", None).name == "Associated Press"
    assert source_name(None, "file:///tmp/a.txt", "A title") == "A title"


def test_a_place_struck_is_the_location_not_actor_2(tmp_path: Path) -> None:
    """ "The army shelled the Kadugli market street": ACLED names the place as the location;
    actor 2 is left empty rather than given a street's name."""
    ACTORS["street"] = ("Kadugli market street", "organization", None)
    try:
        rep = report("street", event={
            "sentence": "The army shelled the Kadugli market street.", "type": "ASSAULT",
            "mode": "heavy-weapons", "actor": "army", "recipient": "street", "date": day(),
            "location": place("Kadugli"), "status": "occurred", "confidence": 0.9, **STRIKE})
    finally:
        del ACTORS["street"]
    db = fixture_db.build_db(tmp_path / "street.duckdb", [rep])
    with open_reader(db) as store:
        [row] = [dict(zip(ACLED_COLUMNS, r)) for r in acled_rows(store)]
    assert row["actor1"] == "Northern Army" and row["actor2"] is None
    assert row["location"] == "Kadugli"
