"""Hypothesis: any report (odd unicode, empty parts, big figures) survives the store: the stored
JSON of each part equals the part, and the columns agree with it."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecoder.schema import Actor, Article, Claim, Event, EventDate, Mention, Quote, Report, Span
from wirecoder.store import Store

TEXT = st.text(min_size=1, max_size=40)
DAY = st.dates().map(lambda d: d.isoformat())


@st.composite
def reports(draw):
    text = draw(st.text(min_size=1, max_size=300))
    n = len(text)
    span = st.builds(lambda a, b: Span(start=min(a, b), end=max(a, b)),
                     st.integers(0, n), st.integers(0, n))
    actors = [Actor(id=f"a{i}", name=draw(TEXT), kind=draw(st.sampled_from(
                  ["person", "organization", "state", "group", "population"])),
                    country=draw(st.none() | st.sampled_from(["PSE", "ISR", "EGY"])),
                    mentions=[Mention(start=s.start, end=s.end, text=draw(TEXT))
                              for s in draw(st.lists(span, max_size=2))])
              for i in range(draw(st.integers(0, 3)))]
    ids = [a.id for a in actors]
    events = [Event(id=f"e{i}", type=draw(st.sampled_from(["ASSAULT", "CONSULT", "PROTEST"])),
                    actor=draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if ids else [],
                    date=EventDate(start=(d := draw(st.none() | DAY)), end=d,
                                   precision="day" if d else "unknown"),
                    dead=draw(st.none() | st.integers(0, 10**6)),
                    evidence=draw(st.lists(span, max_size=1)))
              for i in range(draw(st.integers(0, 3)))]
    claims = [Claim(id=f"c{i}", quantity="killed", value=draw(st.integers(0, 2**53)),
                    claimant=draw(st.none() | st.sampled_from(ids)) if ids else None,
                    claimant_text=draw(st.none() | TEXT), as_of=draw(st.none() | DAY),
                    qualifiers=draw(st.lists(TEXT, max_size=2)))
              for i in range(draw(st.integers(0, 2)))]
    quotes = [Quote(id=f"q{i}", text=draw(TEXT), speaker_text=draw(st.none() | TEXT))
              for i in range(draw(st.integers(0, 2)))]
    art = Article(id=draw(st.text("abcdef0123456789", min_size=4, max_size=12)), text=text,
                  published=draw(st.none() | DAY), title=draw(st.none() | TEXT))
    return Report(article=art, actors=actors, events=events, claims=claims, quotes=quotes)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(r=reports())
def test_report_parts_round_trip(tmp_path_factory, r):
    db = tmp_path_factory.mktemp("rt") / "rt.duckdb"
    with Store(db) as s:
        assert s.write_reports([r], "rt") == 1
        art = s.query("SELECT text, title, CAST(published AS VARCHAR) FROM articles").rows[0]
        assert art == (r.article.text, r.article.title, r.article.published)
        for table, parts in (("events", r.events), ("claims", r.claims), ("quotes", r.quotes)):
            docs = dict(s.query(f"SELECT uid, doc FROM {table}").rows)
            assert set(docs) == {f"{r.article.id}:{p.id}" for p in parts}
            for p in parts:
                assert json.loads(docs[f"{r.article.id}:{p.id}"]) == p.model_dump(mode="json")
        values = sorted(v for (v,) in s.query("SELECT value FROM claims").rows)
        assert values == sorted(c.value for c in r.claims)
        assert s.counts()["mentions"] == sum(len(a.mentions) for a in r.actors)
