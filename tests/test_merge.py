"""Cross-article merging on hand-built reports: one strike and one meeting told by several
outlets merge; near-misses (other day, other city, other type, negated) stay apart."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from wirecoder.corpus.merge import merge_store
from wirecoder.store import Filters, Store

_spec = importlib.util.spec_from_file_location(
    "corpus_build", Path(__file__).parent / "fixtures" / "corpus" / "build.py")
B = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(B)  # type: ignore[union-attr]

AIR = B.actor("a1", "Northland Air Force", "organization", "NRL", "MIL")
TOWN = B.actor("a2", "Riverton", "population", "SLD", "CVL")
# Riverton ≈ (10.00, 20.00); Lakeside is ~110 km away; "Riverton outskirts" ~8 km away.


def _strike(aid, day, *, place="Riverton", lat=10.0, lon=20.0, type_="ASSAULT", status="occurred",
            actor=AIR, published=None, dead=None):
    return B.report(aid, published or day, outlet=aid.split("-")[0], actors=[actor, TOWN],
                    events=[B.event("e1", type_, day, actor_ids=["a1"], recipient_ids=["a2"],
                                    place=place, country="SLD", lat=lat, lon=lon, mode="aerial",
                                    status=status, dead=dead)])


def _meeting(aid, day, a_name="Minister Ola Brandt", b_name="Envoy Kai Moreau"):
    return B.report(aid, day, actors=[B.actor("a1", a_name, "person", "NRL", "GOV"),
                                      B.actor("a2", b_name, "person", "SLD", "GOV")],
                    events=[B.event("e1", "CONSULT", day, actor_ids=["a1"], recipient_ids=["a2"],
                                    country="SLD", mode="visit")])


def _store(tmp_path, reports):
    db = str(tmp_path / "m.duckdb")
    with Store(db) as s:
        s.write_reports(reports, "r")
    merge_store(db)
    return Store(db, read_only=True)


def test_outlets_telling_one_strike_and_one_meeting_merge(tmp_path):
    reports = [
        _strike("wire-1", "2031-05-10", dead=6),
        _strike("daily-2", "2031-05-11", published="2031-05-11", dead=6),  # told a day later
        _strike("radio-3", "2031-05-10", place="Riverton outskirts", lat=10.05, lon=20.03, dead=5),
        _meeting("wire-4", "2031-05-12"),
        _meeting("daily-5", "2031-05-12", a_name="Ola Brandt"),  # same person, other mention...
        _meeting("radio-6", "2031-05-13"),
    ]
    # ...the second meeting report names the minister differently but the envoy identically.
    with _store(tmp_path, reports) as s:
        merged = s.query_merged().records()
        by_type = {m["type"]: m for m in merged}
        assert len(merged) == 2
        strike, meeting = by_type["ASSAULT"], by_type["CONSULT"]
        assert strike["source_count"] == 3
        assert json.loads(strike["article_ids"]) == ["daily-2", "radio-3", "wire-1"]
        assert strike["dead"] == 6 and strike["location_name"] == "Riverton"
        assert str(strike["date_start"]) == "2031-05-10" and str(strike["date_end"]) == "2031-05-11"
        assert meeting["source_count"] == 3
        ev = s.query_events(Filters(type="ASSAULT")).records()
        assert {e["merged_id"] for e in ev} == {strike["merged_id"]}


def test_near_misses_do_not_merge(tmp_path):
    reports = [
        _strike("a-1", "2031-05-10"),
        _strike("b-2", "2031-05-13"),                                     # three days later
        _strike("c-3", "2031-05-10", place="Lakeside", lat=11.0, lon=20.0),  # ~110 km away
        _strike("d-4", "2031-05-10", type_="COERCE"),                     # other type
        _strike("e-5", "2031-05-10", status="negated"),                   # "did not strike"
        _strike("f-6", "2031-05-10", actor=B.actor("a1", "Eastmark Militia", "group", "EMK",
                                                   "REB")),               # other perpetrator
    ]
    # f-6 shares the recipient (Riverton) but names another perpetrator: the trustworthy-events
    # issue made actors decide (was: "an actor or recipient in common" merged them)
    with _store(tmp_path, reports) as s:
        merged = s.query_merged().records()
        sizes = sorted(m["source_count"] for m in merged)
        assert sizes == [1, 1, 1, 1, 1, 1]


def test_mirror_events_do_not_merge(tmp_path):
    """A's strike on B and B's strike on A the same day, same place, are two events."""
    militia = B.actor("a2", "Eastmark Militia", "group", "EMK", "REB")
    air = B.actor("a1", AIR.name, AIR.kind, AIR.country, AIR.sector)

    def strike(aid: str, actors: list, by: str, on: str):
        return B.report(aid, "2031-05-10", outlet=aid.split("-")[0], actors=actors,
                        events=[B.event("e1", "ASSAULT", "2031-05-10", actor_ids=[by],
                                        recipient_ids=[on], place="Riverton", country="SLD",
                                        lat=10.0, lon=20.0, mode="aerial")])

    there = strike("a-1", [air, militia], "a1", "a2")
    back = strike("b-2", [air, militia], "a2", "a1")
    again = strike("c-3", [air, militia], "a1", "a2")
    with _store(tmp_path, [there, back, again]) as s:
        sizes = sorted(m["source_count"] for m in s.query_merged().records())
    assert sizes == [1, 2]  # the two tellings of a-1's strike merge; the mirror stays apart


def test_merge_is_a_full_recompute_and_idempotent(tmp_path):
    db = str(tmp_path / "i.duckdb")
    with Store(db) as s:
        s.write_reports([_strike("a-1", "2031-05-10")], "r1")
    assert merge_store(db) == 1
    with Store(db) as s:
        s.write_reports([_strike("b-2", "2031-05-10")], "r2")
    assert merge_store(db) == 1
    assert merge_store(db) == 1
    with Store(db, read_only=True) as s:
        m = s.query_merged().records()
        assert len(m) == 1 and m[0]["source_count"] == 2
        assert s.counts()["merged_events"] == 1


def test_coarse_dates_do_not_swallow_day_events(tmp_path):
    year = B.report("y-1", "2031-05-11", actors=[AIR, TOWN], events=[
        B.event("e1", "ASSAULT", "2031-01-01", end="2031-12-31", precision="year",
                actor_ids=["a1"], recipient_ids=["a2"], place="Riverton", country="SLD",
                lat=10.0, lon=20.0)])
    month_a = B.report("m-1", "2031-05-11", actors=[AIR, TOWN], events=[
        B.event("e1", "ASSAULT", "2031-03-01", end="2031-03-31", precision="month",
                actor_ids=["a1"], recipient_ids=["a2"], country="SLD")])
    month_b = B.report("m-2", "2031-05-12", actors=[AIR, TOWN], events=[
        B.event("e1", "ASSAULT", "2031-03-01", end="2031-03-31", precision="month",
                actor_ids=["a1"], recipient_ids=["a2"], country="SLD")])
    with _store(tmp_path, [year, month_a, month_b, _strike("d-1", "2031-05-10")]) as s:
        sizes = sorted(m["source_count"] for m in s.query_merged().records())
    assert sizes == [1, 1, 2]   # the two "in March" reports merge; year and day stay apart


def test_day_chains_are_cut_at_the_cluster_span(tmp_path):
    # each report is within a day of the next, but 5/10 and 5/15 are not one event
    reports = [_strike(f"c-{d}", f"2031-05-{d}") for d in (10, 11, 12, 13, 14, 15)]
    with _store(tmp_path, reports) as s:
        merged = s.query_merged().records()
    for m in merged:
        assert (m["date_end"] - m["date_start"]).days <= 3
    assert sum(m["source_count"] for m in merged) == 6 and len(merged) >= 2


def test_a_report_naming_nobody_merges_only_on_a_fine_place(tmp_path):
    named = _strike("n-1", "2031-05-10")
    anon_town = B.report("n-2", "2031-05-10", events=[B.event(
        "e1", "ASSAULT", "2031-05-10", actor_ids=[], place="Riverton", country="SLD",
        lat=10.01, lon=20.0)])
    anon_country = B.report("n-3", "2031-05-10", events=[B.event(
        "e1", "ASSAULT", "2031-05-10", actor_ids=[], country="SLD")])
    anon_far = B.report("n-4", "2031-05-10", events=[B.event(
        "e1", "ASSAULT", "2031-05-10", actor_ids=[], place="Lakeside", country="SLD",
        lat=11.0, lon=20.0)])
    with _store(tmp_path, [named, anon_town, anon_country, anon_far]) as s:
        merged = s.query_merged().records()
    groups = sorted(sorted(json.loads(m["article_ids"])) for m in merged)
    assert groups == [["n-1", "n-2"], ["n-3"], ["n-4"]]


def test_a_chain_never_joins_a_strike_and_its_mirror(tmp_path):
    """A report naming nobody, at the town, is like both the air force's strike and the
    militia's strike back; single linkage must not make the three one event."""
    militia = B.actor("a2", "Eastmark Militia", "group", "EMK", "REB")
    air = B.actor("a1", AIR.name, AIR.kind, AIR.country, AIR.sector)

    def strike(aid: str, by: list[str], on: list[str]):
        return B.report(aid, "2031-05-10", outlet=aid.split("-")[0], actors=[air, militia],
                        events=[B.event("e1", "ASSAULT", "2031-05-10", actor_ids=by,
                                        recipient_ids=on, place="Riverton", country="SLD",
                                        lat=10.0, lon=20.0, mode="aerial")])

    reports = [strike("a-1", ["a1"], ["a2"]), strike("c-3", [], []), strike("b-2", ["a2"], ["a1"])]
    with _store(tmp_path, reports) as s:
        groups = sorted(sorted(json.loads(m["article_ids"])) for m in s.query_merged().records())
    assert groups == [["a-1", "c-3"], ["b-2"]]


def test_an_article_telling_one_strike_twice_is_one_exported_event(tmp_path):
    """An article that tells one strike in two places (its lead and a later paragraph, not
    joined as one incident) merges with the other outlets' reports rather than making two
    export rows; a strike far away in the same article stays apart."""
    twice = B.report("x-1", "2031-05-10", actors=[AIR, TOWN], events=[
        B.event("e1", "ASSAULT", "2031-05-10", actor_ids=["a1"], recipient_ids=["a2"],
                place="Riverton", country="SLD", lat=10.0, lon=20.0, dead=3),
        B.event("e2", "ASSAULT", "2031-05-10", actor_ids=["a1"], recipient_ids=[],
                place="Riverton", country="SLD", lat=10.01, lon=20.0),
        B.event("e3", "ASSAULT", "2031-05-10", actor_ids=["a1"], recipient_ids=["a2"],
                place="Lakeside", country="SLD", lat=11.0, lon=20.0)])
    with _store(tmp_path, [twice, _strike("y-2", "2031-05-10", dead=3)]) as s:
        merged = s.query_merged().records()
    assert sorted(len(json.loads(m["uids"])) for m in merged) == [1, 3]


def test_a_state_and_its_forces_are_one_side_and_a_tied_toll_is_the_lower(tmp_path):
    state = B.actor("a1", "Northland", "state", "NRL", None)
    reports = [_strike("a-1", "2031-05-10", dead=4),
               _strike("b-2", "2031-05-10", actor=state, dead=9)]
    with _store(tmp_path, reports) as s:
        merged = s.query_merged().records()
    assert len(merged) == 1 and merged[0]["source_count"] == 2
    assert merged[0]["dead"] == 4  # 4 and 9 told once each: ACLED's conservative figure
