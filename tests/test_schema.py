"""The report schema: JSON round-trips (Hypothesis), enumerations, JSON Schema output."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wirecoder.schema import (
    Actor, Article, Bound, Claim, DatePrecision, Event, EventDate, EventType, Location,
    LocationPrecision, Mention, Quantity, Quote, RelatedLink, Report, Span, Status,
    report_json_schema,
)

text = st.text(max_size=40)
opt_text = st.none() | text
iso_day = st.dates().map(lambda d: d.isoformat())
span = st.builds(lambda a, b: Span(start=min(a, b), end=max(a, b)),
                 st.integers(0, 10_000), st.integers(0, 10_000))

articles = st.builds(
    Article, id=st.text(min_size=1, max_size=16), source=text, url=opt_text, title=opt_text,
    published=st.none() | iso_day, text=text,
    related=st.lists(st.builds(RelatedLink, title=text, url=opt_text), max_size=3),
)
actors = st.builds(
    Actor, id=st.from_regex(r"a[1-9][0-9]?", fullmatch=True), name=text,
    kind=st.sampled_from(["person", "organization", "state", "group", "population"]),
    country=st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True),
    sector=st.none() | st.sampled_from(["GOV", "MIL", "SPY", "REB", "CVL"]),
    mentions=st.lists(st.builds(Mention, start=st.integers(0, 99), end=st.integers(0, 99),
                                text=text), max_size=2),
)
events = st.builds(
    Event, id=st.from_regex(r"e[1-9]", fullmatch=True), type=st.sampled_from(list(EventType)),
    mode=opt_text, actor=st.lists(st.just("a1"), max_size=1),
    date=st.builds(EventDate, start=st.none() | iso_day, end=st.none() | iso_day,
                   precision=st.sampled_from(list(DatePrecision)), text=opt_text),
    location=st.none() | st.builds(Location, name=opt_text, lat=st.none() | st.floats(-90, 90),
                                   lon=st.none() | st.floats(-180, 180),
                                   precision=st.none() | st.sampled_from(list(LocationPrecision))),
    status=st.sampled_from(list(Status)), dead=st.none() | st.integers(0, 10**6),
    evidence=st.lists(span, max_size=2), confidence=st.floats(0, 1),
)
claims = st.builds(
    Claim, id=st.from_regex(r"c[1-9]", fullmatch=True), quantity=st.sampled_from(list(Quantity)),
    value=st.integers(0, 10**7), bound=st.sampled_from(list(Bound)), claimant_text=opt_text,
    as_of=st.none() | iso_day, qualifiers=st.lists(text, max_size=2),
)
quotes = st.builds(Quote, id=st.from_regex(r"q[1-9]", fullmatch=True), text=text,
                   speaker_text=opt_text, direct=st.booleans())
reports = st.builds(Report, article=articles, actors=st.lists(actors, max_size=3),
                    events=st.lists(events, max_size=3), claims=st.lists(claims, max_size=3),
                    quotes=st.lists(quotes, max_size=2))


@settings(max_examples=60, deadline=None)
@given(reports)
def test_report_json_round_trip(report: Report) -> None:
    data = json.loads(report.to_json())
    assert data["schema"] == "wirecoder.report/1"
    again = Report.model_validate(data)
    assert again == report
    assert json.loads(again.to_json()) == data


def test_enumerations_are_closed() -> None:
    art = Article(id="x", text="t")
    with pytest.raises(ValidationError):
        Claim(id="c1", quantity="casualties", value=3)
    with pytest.raises(ValidationError):
        Event(id="e1", type="FIGHT")
    with pytest.raises(ValidationError):
        Report(article=art, events=[], extra_field=1)


def test_json_schema_names_every_part() -> None:
    schema = report_json_schema()
    props = schema["properties"]
    assert {"schema", "article", "actors", "events", "claims", "quotes"} <= set(props)
    assert "AGREE" in json.dumps(schema) and "more_than" in json.dumps(schema)
