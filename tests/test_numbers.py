"""Figures and bounds (extract/numbers.py): number words, digits, ranges, non-counts."""
from __future__ import annotations

import pytest

from wirecoder.extract.numbers import find_figures, parse_number


@pytest.mark.parametrize("words, value", [
    (["10,812"], 10812), (["1,400"], 1400), (["23"], 23), (["two"], 2),
    (["three", "hundred"], 300), (["1.2", "million"], 1_200_000), (["twenty-five"], 25),
    (["a", "dozen"], 12), (["two", "thousand", "five", "hundred"], 2500),
    (["one", "hundred", "and", "six"], 106),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words", [["dozens"], ["hundreds"], ["2.5"], ["many"]])
def test_parse_number_rejects_non_figures(words):
    assert parse_number(words) is None


def _figs(nlp, text):
    doc = nlp(text)
    return [(f.value, f.value_max, f.bound) for s in doc.sents for f in find_figures(s)]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("At least 14 villagers were hurt.", (14, None, "at_least")),
    ("More than 2,300 families fled the valley.", (2300, None, "more_than")),
    ("Some 60 fishermen are missing.", (60, None, "about")),
    ("Nearly 90 people died.", (90, None, "about")),
    ("Up to 45 miners were trapped.", (45, None, "at_most")),
    ("As many as 45 miners were trapped.", (45, None, "at_most")),
    ("Fewer than 30 voters came.", (30, None, "less_than")),
    ("Between 40 and 55 recruits deserted.", (40, 55, "range")),
    ("Officials said 70 to 80 herders were displaced.", (70, 80, "range")),
    ("Seventeen sailors were rescued.", (17, None, "exact")),
])
def test_bounds(nlp, text, expected):
    assert expected in _figs(nlp, text)


@pytest.mark.model
def test_dates_and_percentages_are_not_figures(nlp):
    figs = _figs(nlp, "On March 3, 2021, turnout rose 12 percent in 14 days.")
    assert all(v not in (3, 2021, 12, 14) for v, _, _ in figs)
