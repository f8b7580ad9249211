"""Events the rules did not find before session 9, each an ACLED sub-type by the codebook: a
rape told alone, a grenade thrown, armed men defecting, a lynching; and who took a place
(state forces or a non-state group). Invented sentences, with one each rule must leave alone."""
from __future__ import annotations

import pytest


def coded(pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    from wirecoder.ingest import make_article

    report = pipeline.extract(make_article(text, published="2024-03-14"))
    return [(e.type, e.mode, e.acled.sub_event_type) for e in report.events]


def subs(pipeline, text: str) -> set[str | None]:
    return {s for _, _, s in coded(pipeline, text)}


@pytest.mark.parametrize("text", [
    "Gunmen raped two women in the village of Harn on Tuesday, residents said.",
    "A militiaman was accused by villagers of raping a teenage girl near the market in Dorvo, "
    "and soldiers raped three farm workers in the same village on Friday.",
])
def test_a_rape_told_alone_is_sexual_violence(pipeline, text):
    # the tagger lemmatises "raped" as "rap": the form is listed as itself
    assert ("ASSAULT", "sexual", "Sexual violence") in coded(pipeline, text)


def test_a_rapper_is_no_event(pipeline):
    assert coded(pipeline, "The rapper rapped about the election at a concert in Harn.") == []


@pytest.mark.parametrize("text", [
    "Soldiers threw a hand grenade at a checkpoint in Harn on Monday.",
    "Unknown assailants hurled a grenade into a bar in Dorvo late on Friday.",
])
def test_a_grenade_thrown_is_a_grenade_attack(pipeline, text):
    assert "Grenade" in subs(pipeline, text)


@pytest.mark.parametrize("text", [
    "The minister threw his support behind the new budget in Harn.",
    "Children threw snowballs at each other in a park in Dorvo.",
])
def test_other_things_thrown_are_no_attack(pipeline, text):
    assert not [t for t, _, _ in coded(pipeline, text) if t == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "About 300 rebel fighters defected to the army in Harn district, officials said.",
    "Two battalions of the presidential guard defected to the rebels in Dorvo on Sunday.",
])
def test_armed_men_defecting_change_their_group(pipeline, text):
    assert "Change to group/activity" in subs(pipeline, text)


def test_a_politician_defecting_to_a_party_is_no_event(pipeline):
    assert coded(pipeline, "The opposition senator defected to the ruling party on Monday.") == []


@pytest.mark.parametrize("text", [
    "A mob lynched a man accused of theft in the town of Harn.",
    "A suspected thief was lynched in Dorvo on Sunday, police said.",
])
def test_a_lynching_is_mob_violence(pipeline, text):
    assert "Mob violence" in subs(pipeline, text)


def test_a_person_named_lynch_is_no_lynching(pipeline):
    got = coded(pipeline, "Attorney General Loretta Lynch said the department would review "
                          "the case.")
    assert not [t for t, _, _ in got if t == "ASSAULT"]


def test_soldiers_lynching_a_prisoner_are_no_mob(pipeline):
    got = subs(pipeline, "Soldiers lynched a captured rebel in Dorvo on Sunday.")
    assert "Mob violence" not in got and "Attack" in got


@pytest.mark.parametrize("text,expected", [
    ("Troopers captured two rebel camps in Harn province over the weekend.",
     "Government regains territory"),
    ("Rebel soldiers captured the town of Dorvo on Monday.", "Non-state actor overtakes territory"),
    ("The town of Dorvo was recaptured by government troops on Monday.",
     "Government regains territory"),
    # what the taker's modifiers tell of is not the taker
    ("Afghan security forces in a new offensive against rebel militants recaptured the "
     "district of Harn on Friday.", "Government regains territory"),
])
def test_who_took_the_place_decides_the_territory_type(pipeline, text, expected):
    got = subs(pipeline, text)
    assert expected in got
    other = {"Government regains territory", "Non-state actor overtakes territory"} - {expected}
    assert not other & got
