"""Status of an event from the grammar of its predicate (real model, invented sentences)."""
from __future__ import annotations

import pytest

from wirecoder.extract.status import event_status


def pred(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,nominal,status", [
    ("Troops attacked the village on Monday.", "attacked", False, "occurred"),
    ("Troops did not attack the village.", "attack", False, "negated"),
    ("Troops will attack the village.", "attack", False, "planned"),
    ("Troops could attack the village.", "attack", False, "possible"),
    ("The army plans to attack the village.", "attack", False, "planned"),
    ("The army refused to withdraw from the town.", "withdraw", False, "negated"),
    ("The air force has been bombing the valley since May.", "bombing", False, "ongoing"),
    ("The council is negotiating a truce.", "negotiating", False, "ongoing"),
    ("The ministry has traditionally mediated between the clans.", "mediated", False, "historical"),
    ("The envoys discussed a possible ceasefire.", "ceasefire", True, "possible"),
    ("Hostages were freed in exchange for a truce.", "truce", True, "planned"),
    ("The rebels called for a ceasefire.", "ceasefire", True, "planned"),
    # the small model misattaches "long" here ("hosted" as an adjective of "talks")
    ("Norway has long hosted talks between the rival factions.", "talks", True, "historical"),
    ("Traditionally, the elders mediate between the clans.", "mediate", False, "historical"),
])
def test_event_status(nlp, text, word, nominal, status):
    assert event_status(pred(nlp, text, word), nominal) == status


@pytest.mark.model
def test_repeated_with_the_perfect_is_background_not_news() -> None:
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    every = Pipeline(min_confidence=0.0)

    def status(text: str) -> list[str]:
        return [e.status for e in every.extract(make_article(text, published="2031-03-14")).events]

    # a repeated stance in the perfect is a habit: no event at all (not even a historical one)
    assert status("Moscow has repeatedly denied responsibility for the crash.") == []
    assert "occurred" in status("Soldiers repeatedly struck the town on Monday, residents said.")
