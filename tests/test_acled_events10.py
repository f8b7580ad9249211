"""Session 10: ACLED sub-types from the codebook's definitions — violence by crowds of locals or
supporters (Mob violence), pillaging and property attacked with nobody hurt (Looting/property
destruction), armed forces formed, regrouped, recruited or moved (Change to group/activity),
and a place taken after its holders left it (Non-violent transfer of territory). Invented
sentences, with one each rule must leave alone."""
from __future__ import annotations

import pytest


def coded(pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    from wirecoder.ingest import make_article

    report = pipeline.extract(make_article(text, published="2024-03-14"))
    return [(e.type, e.mode, e.acled.sub_event_type) for e in report.events]


def subs(pipeline, text: str) -> set[str | None]:
    return {s for _, _, s in coded(pipeline, text)}


@pytest.mark.parametrize("text", [
    "On 10 March 2024, locals assaulted and killed a suspected cattle thief in Harn village.",
    "On 11 March 2024, supporters of two rival candidates clashed with sticks in Dorvo town. "
    "Ten people were injured.",
])
def test_crowds_of_locals_or_supporters_are_mob_violence(pipeline, text):
    assert "Mob violence" in subs(pipeline, text)


@pytest.mark.parametrize("text", [
    # the crowd word names who was struck, not who struck
    "On 10 March 2024, three locals were wounded when gunmen opened fire on a bus in Harn.",
    "On 10 March 2024, a supporter of the ruling party was shot dead by unknown gunmen in Dorvo.",
])
def test_a_crowd_word_for_the_victims_is_no_mob(pipeline, text):
    assert "Mob violence" not in subs(pipeline, text)


@pytest.mark.parametrize("text", [
    "On 9 March 2024, suspected militants pillaged a shop in the village of Harn.",
    "On 9 March 2024, armed men plundered the market of Dorvo and left before dawn.",
    "On 9 March 2024, gunmen seized five carts and a donkey from farmers near Harn.",
])
def test_pillage_and_goods_carried_off_are_looting(pipeline, text):
    assert "Looting/property destruction" in subs(pipeline, text)


def test_gunmen_attacking_a_building_with_nobody_hurt_destroy_property(pipeline):
    got = subs(pipeline, "On 9 March 2024, unknown gunmen attacked and damaged the office of a "
                         "radio station in Harn. No casualties were reported.")
    assert "Looting/property destruction" in got


def test_gunmen_who_kill_in_a_building_attack_people(pipeline):
    got = subs(pipeline, "On 9 March 2024, unknown gunmen attacked a shop in Harn, killing the "
                         "owner.")
    assert "Looting/property destruction" not in got and "Attack" in got


@pytest.mark.parametrize("text", [
    "On 5 March 2024, rebels were seen regrouping near Dorvo village.",
    "A new militia was formed in Harn district to guard the farms, residents said.",
    "The rebels recruited hundreds of fighters in Harn last week.",
    "On 5 March 2024, the army moved two battalions to the border town of Harn.",
    "The armed group forwarded more fighters and trucks to the oilfield near Dorvo.",
    "Government reinforcements arrived in Harn on Monday.",
])
def test_armed_forces_formed_recruited_or_moved_change_their_activity(pipeline, text):
    assert "Change to group/activity" in subs(pipeline, text)


@pytest.mark.parametrize("text", [
    "The parties formed a coalition government in Harn.",
    "The hospital recruited 40 nurses this year.",
    "The committee moved the meeting to Tuesday.",
    "Police moved the protesters out of the square by force.",
])
def test_other_things_formed_recruited_or_moved_are_no_change_to_a_group(pipeline, text):
    assert "Change to group/activity" not in subs(pipeline, text)


@pytest.mark.parametrize("text", [
    "On 12 March 2024, rebels took control of Harn village after government forces fled.",
    "On 12 March 2024, the army withdrew from Dorvo for unknown reasons. Militants took control "
    "of the town the next day.",
])
def test_a_place_taken_after_its_holders_left_is_a_non_violent_transfer(pipeline, text):
    assert "Non-violent transfer of territory" in subs(pipeline, text)


@pytest.mark.parametrize("text", [
    # a fight or an attack told beside the taking: a battle, whoever withdrew
    "On 12 March 2024, rebels captured Harn village after heavy fighting, and government forces "
    "withdrew.",
    "On 12 March 2024, the army withdrew from Dorvo after an attack by militants. Militants took "
    "control of the town the next day.",
])
def test_a_place_taken_in_a_fight_is_no_non_violent_transfer(pipeline, text):
    assert "Non-violent transfer of territory" not in subs(pipeline, text)


def test_a_chemical_weapons_site_struck_is_no_chemical_attack(pipeline):
    # ACLED's Chemical weapon is the weapon used, not what was struck
    got = subs(pipeline, "On 10 March 2024, warplanes struck a chemical weapons depot near Harn.")
    assert "Chemical weapon" not in got and "Air/drone strike" in got


def test_a_gas_attack_carried_out_stays_a_chemical_attack(pipeline):
    got = subs(pipeline, "On 10 March 2024, the army carried out a poisonous gas attack on Harn.")
    assert "Chemical weapon" in got


def test_a_time_before_the_subject_hides_no_weapon(pipeline):
    # the parser hangs "military airplanes" under "at 8:09 pm": a time is no target
    got = subs(pipeline, "On 13 March 2024, at 8:09 pm military airplanes struck targets in "
                         "Harn camp. Casualties unknown.")
    assert "Air/drone strike" in got


def test_a_drone_fired_at_is_still_what_was_struck(pipeline):
    got = subs(pipeline, "On 13 March 2024, gunmen fired at a drone over Harn.")
    assert "Air/drone strike" not in got
