"""Claim series on hand-built claims: ordering, revisions, disagreements, filters."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

from wirecoder.corpus.series import series_from_store
from wirecoder.store import Store

_spec = importlib.util.spec_from_file_location(
    "corpus_build", Path(__file__).parent / "fixtures" / "corpus" / "build.py")
B = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(B)  # type: ignore[union-attr]

MIN = B.actor("a1", "Southland Health Ministry", "organization", "SLD", "HLH")
UN = B.actor("a2", "Relief Office", "organization", None, "IGO")


def _r(aid, day, claims, actors=(MIN, UN)):
    return B.report(aid, day, actors=list(actors), claims=claims)


def _store(tmp_path):
    reports = [
        _r("n1", "2031-01-01", [B.claim("c1", "killed", 100, "2031-01-01", country="SLD")]),
        _r("n2", "2031-01-03", [B.claim("c1", "killed", 130, "2031-01-03", country="SLD"),
                                B.claim("c2", "killed", 129, "2031-01-03", claimant="a2",
                                        country="SLD")]),  # within 10 %: agrees
        _r("n3", "2031-01-05", [B.claim("c1", "killed", 125, "2031-01-05", country="SLD"),
                                B.claim("c2", "killed", 160, "2031-01-05", claimant="a2",
                                        country="SLD")]),  # revision + disagreement
        _r("n4", "2031-01-06", [B.claim("c1", "injured", 300, None, country="SLD",
                                        claimant=None, claimant_text="local officials")]),
        _r("n5", "2031-01-06", [B.claim("c1", "killed", 5, "2031-01-06", country="NRL")]),
    ]
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write_reports(reports, "r")
    return Store(db, read_only=True)


def test_series_order_revision_and_disagreement(tmp_path):
    with _store(tmp_path) as s:
        pts = series_from_store(s, quantity="killed", country="SLD")
        ministry = [p for p in pts if p.claimant == "southland health ministry"]
        assert [p.value for p in ministry] == [100, 130, 125]
        assert [p.as_of for p in ministry] == [date(2031, 1, 1), date(2031, 1, 3), date(2031, 1, 5)]
        assert ministry[2].revision == "down from 130 (2031-01-03)"
        assert ministry[0].revision is None and ministry[1].revision is None
        assert ministry[1].disagreement is None            # 130 vs 129: within the margin
        assert ministry[2].disagreement == "relief office: 160"
        relief = [p for p in pts if p.claimant == "relief office"]
        assert relief[1].disagreement == "southland health ministry: 125"
        assert relief[1].revision is None


def test_series_filters_and_fallbacks(tmp_path):
    with _store(tmp_path) as s:
        only = series_from_store(s, quantity="killed", country="SLD", claimant="Relief")
        assert {p.claimant for p in only} == {"relief office"}
        assert only[-1].disagreement  # flags computed before the claimant filter
        inj = series_from_store(s, quantity="injured")
        assert inj[0].claimant == "local officials" and inj[0].as_of == date(2031, 1, 6)
        assert [p.scope for p in series_from_store(s, quantity="killed", country="NRL")] == ["NRL"]
        assert len(series_from_store(s, since="2031-01-04", until="2031-01-05")) == 2


def test_claim_kind_uses_cues_period_and_event_link():
    from wirecoder.corpus.series import claim_kind

    assert claim_kind("The war has killed more than 900 people.", None, "x:e1") == "total"
    assert claim_kind("The toll rose to 41.", None, "x:e1") == "total"
    assert claim_kind("The strike killed 6 people.", None, "x:e1") == "incident"
    assert claim_kind("The strike killed 6 people.", "2031-01-01", "x:e1") == "total"
    assert claim_kind("Six people died.", None, None) == "total"


def test_incident_figures_disagree_only_about_the_same_merged_event(tmp_path):
    from wirecoder.corpus.merge import merge_store

    town = B.actor("a3", "Riverton", "population", "SLD", "CVL")

    def strike(aid, day, place, lat, value, claimant):
        rep = B.report(aid, day, actors=[MIN, UN, town], events=[
            B.event("e1", "ASSAULT", day, actor_ids=[], recipient_ids=["a3"], place=place,
                    country="SLD", lat=lat, lon=20.0)],
            claims=[B.claim("c1", "killed", value, day, claimant=claimant, country="SLD")],
            text="The strike killed people in the town, officials said.")
        rep.claims[0].event = "e1"
        return rep

    db = tmp_path / "inc.duckdb"
    with Store(db) as s:
        s.write_reports([strike("i1", "2031-02-01", "Riverton", 10.0, 6, "a1"),
                         strike("i2", "2031-02-01", "Riverton", 10.0, 9, "a2"),     # same strike
                         strike("i3", "2031-02-01", "Lakeside", 11.0, 40, "a2")], "r")  # other
    merge_store(str(db))
    with Store(db, read_only=True) as s:
        pts = {p.article_id: p for p in series_from_store(s, quantity="killed")}
    assert {p.kind for p in pts.values()} == {"incident"}
    assert pts["i1"].disagreement == "relief office: 9"
    assert pts["i2"].disagreement == "southland health ministry: 6"
    assert pts["i3"].disagreement is None


def test_figures_far_apart_count_different_things(tmp_path):
    db = tmp_path / "far.duckdb"
    with Store(db) as s:
        s.write_reports([_r("f1", "2031-03-01", [
            B.claim("c1", "killed", 9000, "2031-03-01", country="SLD"),
            B.claim("c2", "killed", 80, "2031-03-01", claimant="a2", country="SLD")])], "r")
    with Store(db, read_only=True) as s:
        assert all(p.disagreement is None for p in series_from_store(s, quantity="killed"))


def test_one_claimant_name_per_body_across_articles() -> None:
    from wirecoder.corpus.series import canonical_claimant

    # an alias of a knowledge-base body, and a generic name made specific by the claim's country
    assert canonical_claimant("hamas health ministry", "PSE") == "gaza health ministry"
    assert canonical_claimant("ministry of health", "PSE") == "gaza health ministry"
    # without a scope, or elsewhere, a generic name stays as it is
    assert canonical_claimant("ministry of health", None) == "ministry of health"
    assert canonical_claimant("ministry of health", "NOR") == "ministry of health"
