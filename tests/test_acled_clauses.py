"""The ACLED view read from the event's clause (session 8): each rule follows an ACLED codebook
definition and is checked on invented sentences, with a sentence it must leave alone."""
from __future__ import annotations

import pytest


def subs(pipeline, text: str) -> list[str | None]:
    from wirecoder.ingest import make_article

    report = pipeline.extract(make_article(text, published="2024-03-14"))
    return [e.acled.sub_event_type for e in report.events]


@pytest.mark.parametrize("text,expected", [
    # the weapon is in the when-clause, not in the attack's own arguments
    ("A soldier was killed and four others were wounded when an improvised explosive device, "
     "planted by unknown militants, detonated near their patrol in Harn on Monday.",
     "Remote explosive/landmine/IED"),
    # the weapon is what was thrown
    ("Militants threw a grenade into a police station in Harn, wounding two officers.", "Grenade"),
])
def test_the_weapon_told_in_the_clause_decides_the_sub_type(pipeline, text, expected):
    got = subs(pipeline, text)
    assert expected in got
    assert not {"Attack", "Armed clash"} & set(got)


def test_what_was_struck_is_not_the_weapon(pipeline):
    got = subs(pipeline, "Fighters opened fire at a drone over the village of Harn on Monday.")
    assert "Air/drone strike" not in got


@pytest.mark.parametrize("text", [
    "Security forces clashed with stone-throwing demonstrators in the capital on Friday, "
    "wounding 20 people.",
    "Protesters threw stones at police during clashes outside parliament in Harn.",
])
def test_protesters_in_a_fight_make_a_violent_demonstration(pipeline, text):
    got = subs(pipeline, text)
    assert "Violent demonstration" in got
    assert not {"Armed clash", "Excessive force against protesters"} & set(got)


def test_a_clash_between_armed_groups_stays_a_battle(pipeline):
    got = subs(pipeline, "Government troops clashed with rebel fighters near the town of Harn "
                         "on Friday.")
    assert "Armed clash" in got and "Violent demonstration" not in got


@pytest.mark.parametrize("text", [
    "Two farmers died from gunfire during a demonstration outside the governor's office in "
    "Harn on Monday.",
    "Residents marched through Harn on Sunday against the new tax. Soldiers opened fire on "
    "the crowd, killing three people.",
])
def test_lethal_force_where_a_protest_is_told_is_excessive_force(pipeline, text):
    assert "Excessive force against protesters" in subs(pipeline, text)


def test_a_month_named_march_is_no_protest(pipeline):
    got = subs(pipeline, "Two soldiers were killed on 16 March when a roadside bomb exploded "
                         "near the town of Harn.")
    assert "Remote explosive/landmine/IED" in got
    assert not {"Excessive force against protesters", "Peaceful protest"} & set(got)


@pytest.mark.parametrize("text", [
    "Militiamen attacked the village of Harn on Sunday and raped several women.",
    "Unknown gunmen abducted and raped two women near the village of Harn.",
    "Soldiers sexually assaulted three women at a checkpoint outside Harn.",
])
def test_sexual_violence_in_the_attack_is_its_sub_type(pipeline, text):
    assert "Sexual violence" in subs(pipeline, text)


def test_a_charge_of_rape_is_not_sexual_violence(pipeline):
    got = subs(pipeline, "A mob beat to death a man accused of raping a girl in the village "
                         "of Harn.")
    assert got and "Sexual violence" not in got


def test_goods_seized_are_looting(pipeline):
    got = subs(pipeline, "Rebels seized 40 cattle from a farm near Harn.")
    assert "Looting/property destruction" in got
    assert "Non-state actor overtakes territory" not in got


def test_a_town_seized_is_still_territory(pipeline):
    got = subs(pipeline, "Rebels seized the town of Harn from the army on Monday.")
    assert "Non-state actor overtakes territory" in got


def test_peace_talks_are_an_agreement(pipeline):
    assert "Agreement" in subs(pipeline, "Government and rebel negotiators held ceasefire "
                                         "talks in Harn on Monday.")


def test_trade_talks_are_outside_acled(pipeline):
    got = subs(pipeline, "The two ministers held talks on trade in Harn on Monday.")
    assert "Agreement" not in got


def test_protesters_demanding_are_a_protest(pipeline):
    got = subs(pipeline, "Demonstrators demanded the resignation of the mayor in Harn on Monday.")
    assert "Peaceful protest" in got


def test_a_minister_demanding_is_no_protest(pipeline):
    got = subs(pipeline, "The minister demanded the resignation of the mayor on Monday.")
    assert "Peaceful protest" not in got


def test_protesters_denouncing_in_a_participle_are_a_protest(pipeline):
    got = subs(pipeline, "Protesters poured into the streets of Harn on Friday, denouncing the "
                         "election result.")
    assert "Peaceful protest" in got


def test_sexual_violence_in_the_main_clause_of_a_dispersal(pipeline):
    got = subs(pipeline, "Soldiers raped women as they dispersed protesters in Harn.")
    assert "Sexual violence" in got


def test_barricades_and_burning_tyres_make_a_violent_demonstration(pipeline):
    got = subs(pipeline, "Protesters blocked roads with barricades and burning tyres in Harn "
                         "on Monday.")
    assert "Violent demonstration" in got and "Peaceful protest" not in got


def test_a_road_blocked_without_violence_stays_peaceful(pipeline):
    got = subs(pipeline, "Farmers blocked the main road into Harn with their tractors on Monday.")
    assert "Violent demonstration" not in got


def test_residents_who_speak_are_no_mob(pipeline):
    got = subs(pipeline, "Residents of Harn said hoodlums attacked them, looted shops and set "
                         "houses on fire.")
    assert "Looting/property destruction" in got and "Mob violence" not in got


def test_an_attack_on_property_alone_is_property_destruction(pipeline):
    got = subs(pipeline, "Unknown men attacked shops and houses in the village of Harn on "
                         "Sunday night.")
    assert "Looting/property destruction" in got and "Attack" not in got


@pytest.mark.parametrize("text", [
    "Gunmen attacked shops in Harn, killing two traders.",
    "Enemy warplanes attacked houses in the village of Harn on Sunday.",
])
def test_an_attack_that_hurt_people_or_used_remote_weapons_is_no_property_destruction(pipeline,
                                                                                       text):
    got = subs(pipeline, text)
    assert got and "Looting/property destruction" not in got
