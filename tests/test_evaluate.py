"""Unit tests of the SPEC §3 scorer on hand-built Reports (invented texts, no model)."""
from __future__ import annotations

from typing import Any

import pytest

from wirecoder.evaluate import aggregate, check, normalize_name, normalize_text, score_document
from wirecoder.evaluate.events import predicted_fatalities
from wirecoder.evaluate.match import date_right, haversine_km, location_right
from wirecoder.evaluate.parts import quote_overlap
from wirecoder.schema import (
    Actor,
    Article,
    Claim,
    Event,
    EventDate,
    Location,
    Mention,
    Quote,
    RelatedLink,
    Report,
    Span,
)

TEXT = ("Ruritanian envoy Anna Berg met Lukas Varga of the Grand Council in Strelsau on Monday. "
        "The Grand Council said 14 people were killed in the shelling of Zenda. "
        "Historically the council has hosted many such envoys.")


def actor(i: str, name: str, *mentions: str, country: str | None = None,
          sector: str | None = None, kind: str = "person") -> Actor:
    ms = []
    for m in mentions:
        start = TEXT.find(m)
        ms.append(Mention(start=max(start, 0), end=max(start, 0) + len(m), text=m))
    return Actor(id=i, name=name, kind=kind, country=country, sector=sector, mentions=ms)


def span_of(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start=start, end=start + len(fragment))


def event(i: str, type_: str, actor_ids: list[str], recipient: list[str] | None = None,
          day: str | None = "2031-03-03", end: str | None = None, evidence: str | None = None,
          **kw: Any) -> Event:
    date = EventDate(start=day, end=end or day, precision="day") if day else EventDate()
    return Event(id=i, type=type_, actor=actor_ids, recipient=recipient or [], date=date,
                 evidence=[span_of(evidence)] if evidence else [], **kw)


ACTORS = [
    actor("a1", "Anna Berg", "Anna Berg", "Ruritanian envoy Anna Berg", country="RUR"),
    actor("a2", "Lukas Varga", "Lukas Varga", country="ELB", sector="GOV"),
    actor("a3", "Grand Council", "the Grand Council", "Grand Council", kind="organization"),
]


def report(events: list[Event] | None = None, claims: list[Claim] | None = None,
           quotes: list[Quote] | None = None, related: list[str] | None = None,
           actors: list[Actor] | None = None) -> Report:
    art = Article(id="t1", text=TEXT, published="2031-03-04",
                  related=[RelatedLink(title=t) for t in related or []])
    return Report(article=art, actors=ACTORS if actors is None else actors, events=events or [],
                  claims=claims or [], quotes=quotes or [])


GOLD: dict[str, Any] = {
    "id": "t1", "dataset": "unit", "text": TEXT, "published": "2031-03-04",
    "annotated": ["events", "claims", "quotes", "related"],
    "related": ["Border talks resume"],
    "events": [{"type": "CONSULT", "mode": ["visit", None],
                "actor": [["Anna Berg", "the Ruritanian envoy"]], "recipient": [["Lukas Varga"]],
                "date": "2031-03-03", "country": "ELB", "status": ["occurred"]}],
    "claims": [{"quantity": "killed", "value": 14, "bound": ["exact"],
                "claimant": [["Grand Council"]], "as_of": "2031-03-04"}],
    "quotes": [{"text": "14 people were killed in the shelling of Zenda",
                "speaker": [["Grand Council", "the council"]]}],
}


def perfect() -> Report:
    ev = event("e1", "CONSULT", ["a1"], ["a2"], mode="visit", evidence="Anna Berg met Lukas Varga",
               location=Location(name="Strelsau", country="ELB"))
    cl = Claim(id="c1", quantity="killed", value=14, claimant="a3", as_of="2031-03-04",
               evidence=[span_of("14 people were killed")])
    qu = Quote(id="q1", text="14 people were killed in the shelling of Zenda.", speaker="a3",
               speaker_text="The Grand Council")
    return report([ev], [cl], [qu], related=["Border talks resume"])


def metrics(gold: dict[str, Any], rep: Report) -> dict[str, float | None]:
    return score_document(gold, rep).metrics()


# ---- names ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, want", [
    ("Hamas’", "hamas"), ("U.S.", "us"), ("The United Nations", "united nations"),
    ("the the band", "the band"), ("  Al-Shabaab\n(Somalia) ", "al shabaab somalia"),
    ("Israel's  army", "israels army"), ("ＵＮ", "un"), ("Thebes", "thebes"),
])
def test_normalize_name(raw: str, want: str) -> None:
    assert normalize_name(raw) == want


def test_normalize_text_keeps_leading_the() -> None:
    assert normalize_text("The talks, “frank” ones.") == "the talks frank ones"


# ---- events --------------------------------------------------------------------------------

def test_perfect_report_scores_one_everywhere() -> None:
    m = metrics(GOLD, perfect())
    for key in ("events.f1", "events.precision", "events.recall", "events.actor",
                "events.recipient", "events.date", "events.country", "events.status",
                "events.mode", "claims.f1", "claims.bound", "claims.claimant", "claims.as_of",
                "quotes.f1", "quotes.speaker", "related.f1"):
        assert m[key] == 1.0, key


def test_empty_report_recall_zero_precision_null() -> None:
    m = metrics(GOLD, report())
    assert m["events.recall"] == 0.0 and m["events.f1"] == 0.0
    assert m["events.precision"] is None  # 0/0 is null
    assert m["claims.recall"] == 0.0 and m["quotes.recall"] == 0.0 and m["related.recall"] == 0.0
    assert "events.actor" not in m  # no matched pair, no pair accuracy


def test_only_annotated_parts_are_scored() -> None:
    gold = {**GOLD, "annotated": ["claims"]}
    m = metrics(gold, perfect())
    assert {k.split(".")[0] for k in m} == {"claims"}


def test_wrong_type_is_fp_and_fn() -> None:
    rep = report([event("e1", "ACCUSE", ["a1"], ["a2"])])
    m = metrics(GOLD, rep)
    assert (m["events.precision"], m["events.recall"]) == (0.0, 0.0)


def test_forbidden_event_lowers_precision_and_cannot_match() -> None:
    good = perfect().events[0]
    bad = event("e2", "CONSULT", ["a3"], evidence="Historically the council has hosted")
    gold = {**GOLD, "forbidden": [{"evidence_contains": "has hosted many such envoys"}]}
    assert metrics(gold, report([good, bad]))["events.precision"] == 0.5
    # A forbidden prediction is out before matching, even when it would match a gold event.
    only_bad = event("e3", "CONSULT", ["a1"], ["a2"], evidence="Historically the council has hosted")
    m = metrics({**gold, "forbidden": [{"evidence_contains": "Historically the council"}]},
                report([only_bad]))
    assert (m["events.precision"], m["events.recall"]) == (0.0, 0.0)


def test_forbidden_unless_status_and_whole_tokens() -> None:
    hist = event("e2", "CONSULT", ["a3"], evidence="Historically the council has hosted",
                 status="historical")
    gold = {**GOLD, "forbidden": [{"evidence_contains": "has hosted", "unless_status": ["historical"]}],
            "optional_events": [{"type": "CONSULT", "actor": [["Grand Council"]], "status": ["historical"]}]}
    m = metrics(gold, report([perfect().events[0], hist]))
    assert m["events.precision"] == 1.0  # allowed by its status, then excused as optional
    part = event("e2", "CONSULT", ["a3"], evidence="Historically the council has hosted")
    # "has host" is not a whole-token part of "has hosted": not forbidden, but a plain FP.
    m2 = metrics({**GOLD, "forbidden": [{"evidence_contains": "has host"}]},
                 report([perfect().events[0], part]))
    assert m2["events.precision"] == 0.5


def test_optional_event_excuses_one_prediction_each() -> None:
    gold = {**GOLD, "optional_events": [{"type": "ASSAULT", "actor": [["Grand Council"]]}]}
    extra = event("e2", "ASSAULT", ["a3"])
    assert metrics(gold, report([perfect().events[0], extra]))["events.precision"] == 1.0
    twice = [perfect().events[0], extra, event("e3", "ASSAULT", ["a3"])]
    assert metrics(gold, report(twice))["events.precision"] == 0.5  # tp 1, fp 1, 1 excused
    wrong_actor = event("e4", "ASSAULT", ["a1"])
    assert metrics(gold, report([perfect().events[0], wrong_actor]))["events.precision"] == 0.5


def test_greedy_matching_prefers_actor_agreement() -> None:
    gold = {**GOLD, "annotated": ["events"], "events": [
        {"type": "ACCUSE", "actor": [["Anna Berg"]]},
        {"type": "ACCUSE", "actor": [["Lukas Varga"]]},
    ]}
    # Document order would pair gold 1 with e1; the ranking pairs by matching actors instead.
    rep = report([event("e1", "ACCUSE", ["a2"]), event("e2", "ACCUSE", ["a1"])])
    m = metrics(gold, rep)
    assert m["events.f1"] == 1.0 and m["events.actor"] == 1.0


def test_empty_gold_slot_right_only_when_nobody_named() -> None:
    gold = {**GOLD, "annotated": ["events"], "events": [{"type": "ACCUSE", "actor": [["Anna Berg"]],
                                                          "recipient": []}]}
    assert metrics(gold, report([event("e1", "ACCUSE", ["a1"])]))["events.recipient"] == 1.0
    assert metrics(gold, report([event("e1", "ACCUSE", ["a1"], ["a2"])]))["events.recipient"] == 0.0


def test_mention_text_matches_and_mode_null() -> None:
    gold = {**GOLD, "annotated": ["events"], "events": [
        {"type": "CONSULT", "actor": [["Ruritanian envoy Anna Berg"]], "mode": ["visit", None]}]}
    m = metrics(gold, report([event("e1", "CONSULT", ["a1"])]))  # mode None accepted by the null
    assert m["events.actor"] == 1.0 and m["events.mode"] == 1.0
    gold["events"][0]["mode"] = ["visit"]
    assert metrics(gold, report([event("e1", "CONSULT", ["a1"])]))["events.mode"] == 0.0


def test_recall_only_documents() -> None:
    gold = {**GOLD, "annotated": ["events.recall"]}
    rep = report([perfect().events[0], event("e2", "ASSAULT", ["a3"])])
    m = metrics(gold, rep)
    assert m == {"events.key_recall": 1.0}


def test_petr2_code_actors() -> None:
    gold = {**GOLD, "annotated": ["events"], "events": [
        {"type": "CONSULT", "actor": [{"country": "RUR", "sector": None, "cameo": "RUR"}],
         "recipient": [{"country": "ELB", "sector": "GOV", "cameo": "ELBGOV"}]}]}
    m = metrics(gold, report([event("e1", "CONSULT", ["a1"], ["a2"])]))
    assert m["events.actor"] == 1.0 and m["events.recipient"] == 1.0
    gold["events"][0]["recipient"] = [{"country": "ELB", "sector": "MIL", "cameo": "ELBMIL"}]
    assert metrics(gold, report([event("e1", "CONSULT", ["a1"], ["a2"])]))["events.recipient"] == 0.0
    gold["events"][0]["recipient"] = [{"country": None, "sector": "GOV", "cameo": "IGOGOV"}]
    assert metrics(gold, report([event("e1", "CONSULT", ["a1"], ["a2"])]))["events.recipient"] == 1.0


def test_date_rules() -> None:
    def d(start: str | None, end: str | None) -> EventDate:
        return EventDate(start=start, end=end)
    rng = {"start": "2031-02-01", "end": "2031-02-28"}
    assert date_right(d("2031-02-03", "2031-02-10"), rng)
    assert date_right(d("2031-02-01", "2031-02-28"), rng)
    assert not date_right(d("2031-02-20", "2031-03-02"), rng)
    assert not date_right(d("2031-01-31", "2031-02-02"), rng)
    assert date_right(d("2031-02-03", "2031-02-03"), "2031-02-03")
    assert not date_right(d("2031-02-03", "2031-02-04"), "2031-02-03")  # a day needs start = end
    assert not date_right(d(None, None), "2031-02-03")


def test_location_rules() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.2)
    gold = {"name": "Old Mill Square", "lat": 50.0, "lon": 10.0}
    near = Location(name="elsewhere", lat=50.1, lon=10.0)  # ~11 km
    far = Location(name="Old Mill Square", lat=50.3, lon=10.0)  # ~33 km: the name does not help
    assert location_right(near, gold) and not location_right(far, gold)
    assert not location_right(Location(name="Old Mill Square"), gold)
    by_name = {"name": "Zenda"}
    assert location_right(Location(name="Zenda Castle"), by_name)
    assert location_right(Location(name="x", text="near zenda"), by_name)
    assert not location_right(Location(name="Zendaville"), by_name)


# ---- ACLED view ----------------------------------------------------------------------------

ACLED_GOLD: dict[str, Any] = {
    "id": "ac1", "dataset": "acled-unit", "text": TEXT, "published": "2031-03-04",
    "annotated": ["events.acled", "events.date", "events.location", "events.fatalities"],
    "events": [{"acled_event_type": "Explosions/Remote violence",
                "acled_sub_event_type": "Shelling/artillery/missile attack", "type": "ASSAULT",
                "actor": [["Grand Council"]], "date": "2031-03-03",
                "location": {"name": "Zenda", "lat": 48.0, "lon": 16.0}, "dead": 14}],
}


def acled_event(i: str, sub: str | None, etype: str | None, **kw: Any) -> Event:
    ev = event(i, "ASSAULT", ["a3"], **kw)
    ev.acled.sub_event_type, ev.acled.event_type = sub, etype
    return ev


def test_acled_sub_event_any_event_and_best_match_date_place() -> None:
    other = acled_event("e1", "Armed clash", "Battles", day="2031-01-01")
    shell = acled_event("e2", "Shelling/artillery/missile attack", "Explosions/Remote violence",
                        day="2031-03-03", location=Location(name="Zenda", lat=48.05, lon=16.0),
                        dead=14)
    m = metrics(ACLED_GOLD, report([other, shell]))
    assert m["acled.sub_event"] == m["acled.event_type"] == 1.0
    assert m["acled.date"] == m["acled.location"] == 1.0  # from e2, the best-matching event
    assert m["acled.location_5km"] == 0.0  # ~5.6 km away: right at 25 km, wrong at 5 km
    assert m["acled.fatalities"] == 1.0
    assert not any(k.startswith("events.") for k in m)  # ACLED rows do not score PLOVER P/R/F1
    m2 = metrics(ACLED_GOLD, report([other]))
    assert m2["acled.sub_event"] == 0.0 and m2["acled.event_type"] == 0.0
    assert m2["acled.date"] == 0.0 and m2["acled.fatalities"] == 0.0  # 0 predicted, 14 gold


def test_acled_fatalities_rules() -> None:
    kill = [Claim(id="c1", quantity="killed", value=3), Claim(id="c2", quantity="killed", value=9),
            Claim(id="c3", quantity="injured", value=40)]
    with_dead = [acled_event("e1", None, None, dead=5), acled_event("e2", None, None, dead=2),
                 acled_event("e3", None, None)]
    assert predicted_fatalities(report(with_dead, kill)) == 7  # sum of dead wins over claims
    assert predicted_fatalities(report([acled_event("e1", None, None)], kill)) == 9  # largest killed
    assert predicted_fatalities(report(claims=kill)) == 9  # claims count even without events
    assert predicted_fatalities(report([acled_event("e1", None, None)])) == 0
    assert predicted_fatalities(report()) is None
    zero = {**ACLED_GOLD, "events": [{**ACLED_GOLD["events"][0], "dead": 0}]}
    assert metrics(zero, report([acled_event("e1", None, None)]))["acled.fatalities"] == 1.0
    assert metrics(zero, report())["acled.fatalities"] == 0.0  # no events: always wrong


def test_case_label_only_documents_are_reported_apart() -> None:
    gold = {"id": "c1", "text": TEXT, "annotated": ["events.acled"],
            "events": [{"case_label": "DIPLO"}]}
    m = metrics(gold, report([event("e1", "CONSULT", ["a1"])]))
    assert m == {"acled.outside": 1.0}
    m2 = metrics(gold, report([acled_event("e1", "Armed clash", "Battles")]))
    assert m2 == {"acled.outside": 0.0}


# ---- claims, quotes, related ---------------------------------------------------------------

def test_claims_match_on_quantity_and_value_then_bound_and_claimant() -> None:
    gold = {**GOLD, "annotated": ["claims"], "claims": [
        {"quantity": "killed", "value": 14, "bound": ["at_least", "more_than"],
         "claimant": [["Grand Council"]], "qualifiers_contain": "civilian", "period_start": "2031-03-01"}]}
    via_text = Claim(id="c1", quantity="killed", value=14, bound="more_than",
                     claimant_text="the Grand Council", qualifiers=["mostly civilians"],
                     period={"start": "2031-03-01", "end": "2031-03-04"})
    m = metrics(gold, report(claims=[via_text, Claim(id="c2", quantity="injured", value=14)]))
    assert (m["claims.precision"], m["claims.recall"]) == (0.5, 1.0)
    assert m["claims.bound"] == m["claims.claimant"] == m["claims.qualifiers"] == m["claims.period_start"] == 1.0
    other_value = Claim(id="c1", quantity="killed", value=15, claimant="a3")
    assert metrics(gold, report(claims=[other_value]))["claims.recall"] == 0.0
    nobody = {**gold, "claims": [{"quantity": "killed", "value": 14, "claimant": []}]}
    assert metrics(nobody, report(claims=[via_text]))["claims.claimant"] == 0.0
    assert metrics(nobody, report(claims=[Claim(id="c1", quantity="killed", value=14)]))["claims.claimant"] == 1.0


def test_quote_containment_and_half_coverage() -> None:
    gold_text = "the shelling of Zenda killed fourteen people"
    assert quote_overlap("He said the shelling of Zenda killed fourteen people, sadly.", gold_text) == 2
    assert quote_overlap("shelling of Zenda killed", gold_text) == 1  # 4 of 7 tokens, inside
    assert quote_overlap("Zenda killed", gold_text) == 0  # 2 of 7: under half
    assert quote_overlap("the shelling of Zen", gold_text) == 0  # not whole tokens
    assert quote_overlap("fourteen people died", gold_text) == 0  # not inside
    assert quote_overlap("THE SHELLING OF ZENDA — killed “fourteen” people", gold_text) == 2


def test_quotes_one_to_one_speaker_and_channel() -> None:
    gold = {**GOLD, "annotated": ["quotes"], "quotes": [
        {"text": "14 people were killed in the shelling of Zenda", "speaker": [["Grand Council"]],
         "channel": "statement"}]}
    q1 = Quote(id="q1", text="14 people were killed in the shelling of Zenda", speaker_text="Anna Berg")
    q2 = Quote(id="q2", text="people were killed in the shelling of Zenda", speaker="a3",
               channel="Statement")
    m = metrics(gold, report(quotes=[q1, q2]))
    # One-to-one: the pair whose speaker is right wins, the other quote is a false positive.
    assert (m["quotes.precision"], m["quotes.recall"]) == (0.5, 1.0)
    assert m["quotes.speaker"] == 1.0 and m["quotes.channel"] == 1.0


def test_related_titles() -> None:
    gold = {**GOLD, "annotated": ["related"], "related": ["Border talks resume", "Floods in Zenda"]}
    m = metrics(gold, report(related=["Border Talks Resume.", "Weather"]))
    assert (m["related.precision"], m["related.recall"]) == (0.5, 0.5)


# ---- aggregation, gate ---------------------------------------------------------------------

def test_aggregate_is_micro_averaged() -> None:
    s1 = score_document(GOLD, perfect())  # events tp 1
    gold2 = {**GOLD, "events": GOLD["events"] * 3}  # 3 gold events, 1 found
    s2 = score_document(gold2, perfect())
    ds = aggregate([s1, s2], "unit")
    assert ds.docs == 2
    assert ds.metrics()["events.recall"] == pytest.approx(2 / 4)  # micro, not (1 + 1/3) / 2
    assert ds.tallies.counts()["events"] == {"tp": 2, "fp": 0, "fn": 2}


def test_baseline_check() -> None:
    ds = aggregate([score_document(GOLD, report())], "unit")
    base = {"datasets": {"unit": {"floors": {"events.recall": 0.0, "events.precision": 0.0,
                                             "quotes.recall": 0.1}},
                         "absent": {"floors": {"events.f1": 0.2}}}}
    short = {(s.dataset, s.metric) for s in check({"unit": ds}, base)}
    assert short == {("unit", "quotes.recall"), ("absent", "events.f1")}


def test_notes_say_what_went_wrong() -> None:
    rep = report([event("e9", "ACCUSE", ["a1"]), event("e1", "CONSULT", ["a1"], ["a2"], day="2031-03-01")],
                 claims=[Claim(id="c7", quantity="injured", value=2)])
    notes = score_document(GOLD, rep).tallies.notes
    assert "events: false positive e9 ACCUSE" in notes
    assert any(n.startswith("events: e1 ~ gold #0: wrong") and "date" in n for n in notes)
    assert "claims: missed gold #0 killed 14" in notes and "claims: false positive c7 injured 2" in notes
    assert "quotes: missed gold #0" in notes
    assert score_document(GOLD, perfect()).tallies.notes == []


def test_forbidden_with_allowed_status_is_excused_not_a_false_positive() -> None:
    """Regression: a background sentence coded `historical` (which the gold allows through
    `unless_status`) used to count as a false positive."""
    from wirecoder.evaluate.events import forbidden_indices
    from wirecoder.schema import Article, Event, Report, Span

    text = "Norway has long mediated between the parties. Troops shelled the port on Monday."
    report = Report(article=Article(id="t", text=text, published="2025-01-08"), events=[
        Event(id="e1", type="CONSULT", status="historical", evidence=[Span(start=0, end=45)]),
        Event(id="e2", type="CONSULT", status="occurred", evidence=[Span(start=0, end=45)]),
    ])
    rule = [{"evidence_contains": "has long mediated", "unless_status": ["historical"]}]
    assert forbidden_indices(report, rule) == ({1}, {0})


# ---- evidence_at pairing (SPEC §3) ------------------------------------------------------------

def test_evidence_at_pairs_only_overlapping_predictions() -> None:
    council = TEXT.index("The Grand Council said")
    first_sent = [0, TEXT.index(". The Grand") + 1]
    gold = {**GOLD, "annotated": ["events"], "events": [{**GOLD["events"][0], "evidence_at": [first_sent]}]}
    # the right type, actors and date, but told in another sentence: no hit
    elsewhere = event("e1", "CONSULT", ["a1"], ["a2"], mode="visit",
                      evidence="The Grand Council said 14 people")
    assert elsewhere.evidence[0].start >= council
    m = metrics(gold, report([elsewhere]))
    assert m["events.recall"] == 0.0 and m["events.precision"] == 0.0
    # evidence inside the gold sentence: a hit
    here = event("e1", "CONSULT", ["a1"], ["a2"], mode="visit", evidence="Anna Berg met Lukas Varga")
    assert metrics(gold, report([here]))["events.f1"] == 1.0


def test_evidence_at_needs_half_of_the_shorter_span() -> None:
    from wirecoder.evaluate.events import evidence_overlaps

    ev = event("e1", "CONSULT", ["a1"], evidence="Anna Berg met Lukas Varga")
    s = ev.evidence[0]
    assert evidence_overlaps(ev, None)
    assert evidence_overlaps(ev, [[s.start + 5, s.end + 50]])  # most of the event's span
    assert not evidence_overlaps(ev, [[s.end - 3, s.end + 50]])  # three characters only
