"""Datelines ("TARSA, Ruritania (AP) —"): found at the top of a story, never part of the first
subject, and the place of the lead's events and of violence told without a place. Texts
invented (real city names: the gazetteer must know them)."""
from __future__ import annotations

import pytest

from wirecoder.extract.datelines import find_dateline


@pytest.mark.parametrize("text,city", [
    ("Curfew lifted.\n\nCHARLOTTE, N.C. (AP) — Protesters marched again.", "Charlotte"),
    ("Summit.\n\nBRUSSELS - European leaders gathered on Friday.", "Brussels"),
    ("WASHINGTON -- The senator said on Monday …", "Washington"),
    ("Kyiv, Ukraine (Reuters) — Drones struck the capital overnight.", "Kyiv"),
])
def test_a_dateline_is_found_with_its_place(text: str, city: str) -> None:
    line = find_dateline(text)
    assert line is not None and line.place.name == city
    assert text[line.end:line.end + 1].isalpha()  # the body starts right after the dash


@pytest.mark.parametrize("text", [
    "NATO - the alliance said it would meet.",          # an organisation, not a place
    "UPDATE - the story was corrected.",
    "The US - and its allies - agreed on Monday.",       # a dash inside a sentence
    "Title.\n\nFAIRVIEW, W.Va. - The coal was piled high.",  # a town the gazetteer reads as another
])
def test_no_dateline_without_a_known_place_at_a_paragraph_start(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.model
def test_the_dateline_places_violence_and_is_no_part_of_the_subject() -> None:
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    text = ("Unrest goes on.\n\nCHARLOTTE, N.C. (AP) — Police arrested a man on Saturday. "
            "The mayor said the city was calm. Protesters marched through the streets on "
            "Sunday.")
    r = Pipeline(min_confidence=0.0).extract(make_article(text, published="2031-06-05"))
    places = {e.type: (e.location.name if e.location else None) for e in r.events}
    assert places.get("COERCE") == "Charlotte" and places.get("PROTEST") == "Charlotte"
    text = "Summit.\n\nBRUSSELS - European leaders met on Friday in a bid to agree a budget."
    r = Pipeline(min_confidence=0.0).extract(make_article(text, published="2031-06-05"))
    names = [r.actor(a).name for e in r.events for a in e.actor]
    assert names and not any("BRUSSELS" in n for n in names)
