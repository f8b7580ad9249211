"""French date phrases → EventDate against a publication date (a Wednesday)."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.extract.french.dates import dates_in_text, resolve_date_fr

PUB = dt.date(2024, 3, 13)  # a Wednesday


@pytest.mark.parametrize("text,start,end,precision", [
    ("Les combats ont repris lundi soir", "2024-03-11", "2024-03-11", "day"),
    ("le convoi est parti le 2 mars", "2024-03-02", "2024-03-02", "day"),
    ("Le 1er février 2024, des tirs", "2024-02-01", "2024-02-01", "day"),
    ("des pourparlers prévus fin février", "2024-02-21", "2024-02-29", "range"),
    ("début janvier", "2024-01-01", "2024-01-10", "range"),
    ("depuis le 20 février", "2024-02-20", "2024-03-13", "range"),
    ("entre le 4 et le 6 mars", "2024-03-04", "2024-03-06", "range"),
    ("hier", "2024-03-12", "2024-03-12", "day"),
    ("la semaine dernière", "2024-03-04", "2024-03-10", "week"),
    ("en décembre 2023", "2023-12-01", "2023-12-31", "month"),
    ("vendredi dernier", "2024-03-08", "2024-03-08", "day"),
])
def test_french_date_phrases(text, start, end, precision):
    found = dates_in_text(text, PUB)
    assert found, text
    ed = found[0][2]
    assert (ed.start, ed.end, ed.precision) == (start, end, precision)
    s, e = found[0][0], found[0][1]
    assert ed.text == text[s:e]


def test_offsets_are_shifted_and_text_kept():
    found = dates_in_text("Les ministres se sont réunis mardi à Paris.", PUB, base=100)
    assert len(found) == 1
    s, e, ed = found[0]
    assert (s, e, ed.text, ed.start) == (129, 134, "mardi", "2024-03-12")


def test_no_publication_date_means_unknown_never_today():
    ed = resolve_date_fr("jeudi", None)
    assert ed.start is None and ed.precision == "unknown"
    assert dates_in_text("Le 3 mai 2021", None)[0][2].start == "2021-05-03"


def test_words_that_are_not_dates():
    assert dates_in_text("Le mouvement a mis fin aux discussions.", PUB) == []
