"""ACLED view of PLOVER events: the mapping itself (no model) and weapon cues (real model)."""
from __future__ import annotations

import pytest

from wirecoder.extract.acled import is_armed, weapon_mode
from wirecoder.extract.acled_view import acled_view
from wirecoder.schema import ACLED_EVENT_TYPES


@pytest.mark.parametrize("type_,mode,flags,expected", [
    ("ASSAULT", "aerial", {}, ("Explosions/Remote violence", "Air/drone strike")),
    ("ASSAULT", "drone", {}, ("Explosions/Remote violence", "Air/drone strike")),
    ("ASSAULT", "heavy-weapons", {}, ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("ASSAULT", "explosives", {}, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("ASSAULT", "explosives", {"grenade": True}, ("Explosions/Remote violence", "Grenade")),
    ("ASSAULT", "suicide-attack", {}, ("Explosions/Remote violence", "Suicide bomb")),
    ("ASSAULT", "firearms", {"actor_armed": True, "recipient_armed": True}, ("Battles", "Armed clash")),
    ("ASSAULT", "heavy-weapons", {"reciprocal": True}, ("Battles", "Armed clash")),
    ("ASSAULT", "firearms", {"actor_armed": True}, ("Violence against civilians", "Attack")),
    ("ASSAULT", "abduct", {}, ("Violence against civilians", "Abduction/forced disappearance")),
    ("ASSAULT", "destroy", {}, ("Strategic developments", "Looting/property destruction")),
    ("ASSAULT", "primitive", {"mob": True}, ("Riots", "Mob violence")),
    ("COERCE", "arrest", {}, ("Strategic developments", "Arrests")),
    ("COERCE", "seize", {"territory": True, "actor_state": True}, ("Battles", "Government regains territory")),
    ("COERCE", "seize", {"territory": True}, ("Battles", "Non-state actor overtakes territory")),
    ("COERCE", "seize", {"disrupted": True}, ("Strategic developments", "Disrupted weapons use")),
    ("PROTEST", "demo", {}, ("Protests", "Peaceful protest")),
    ("PROTEST", "demo", {"intervention": True}, ("Protests", "Protest with intervention")),
    ("PROTEST", "riot", {}, ("Riots", "Violent demonstration")),
    ("RETREAT", "ceasefire", {}, ("Strategic developments", "Agreement")),
    ("MOBILIZE", "troops", {"base": True}, ("Strategic developments", "Headquarters or base established")),
    # security forces taking over public order change their activity (Change to group/activity)
    ("COERCE", "curfew", {}, ("Strategic developments", "Change to group/activity")),
    ("COERCE", "martial-law", {}, ("Strategic developments", "Change to group/activity")),
    ("MOBILIZE", "police", {}, ("Strategic developments", "Change to group/activity")),
    # ACLED's Agreement lists surrenders: fighters laying down their arms
    ("RETREAT", "disarm", {}, ("Strategic developments", "Agreement")),
    ("RETREAT", "withdraw", {}, (None, None)),
    ("CONSULT", "visit", {}, (None, None)),
    ("SUPPORT", None, {}, (None, None)),
])
def test_acled_mapping(type_, mode, flags, expected):
    v = acled_view(type_, mode, **flags)
    assert (v.event_type, v.sub_event_type) == expected
    if v.event_type is not None:
        assert v.sub_event_type in ACLED_EVENT_TYPES[v.event_type]


@pytest.mark.parametrize("phrase,mode", [
    ("Israeli warplanes and artillery", "aerial"),
    ("a suicide bomber", "suicide-attack"),
    ("anti-tank shells", "heavy-weapons"),
    ("an improvised explosive device", "explosives"),
    ("tear gas and rubber bullets", "crowd-control"),
    ("an armed drone", "drone"),
    ("the local council", None),
])
def test_weapon_mode(nlp, phrase, mode):
    assert weapon_mode(list(nlp(phrase))) == mode


def test_armed_words_and_sectors(nlp):
    assert is_armed(list(nlp("two army tanks")))
    assert not is_armed(list(nlp("a family home")))
    assert is_armed(list(nlp("the Front")), sectors=["REB"])


def subs(pipeline, text: str) -> list[str | None]:
    from wirecoder.ingest import make_article

    report = pipeline.extract(make_article(text, published="2024-03-14"))
    return [e.acled.sub_event_type for e in report.events]


@pytest.mark.parametrize("text", [
    "Warplanes dropped barrels loaded with sarin on the town of Marvel, killing 12 people.",
    "Artillery shells filled with mustard gas struck the village of Tenby on Sunday, wounding 30 people.",
    "Government forces attacked the village of Tarsen with chlorine gas on Monday.",
])
def test_a_chemical_agent_makes_a_chemical_weapon_attack_whatever_delivered_it(pipeline, text):
    assert "Chemical weapon" in subs(pipeline, text)


@pytest.mark.parametrize("text", [
    "The chemical plant exploded in the town of Oria, killing four workers.",
    "The army shelled the town of Prenn with white phosphorus on Monday, killing two people.",
    "Police fired tear gas at protesters in the capital on Friday.",
])
def test_no_chemical_weapon_without_a_chemical_agent_used(pipeline, text):
    got = subs(pipeline, text)
    assert got and "Chemical weapon" not in got


@pytest.mark.parametrize("text", [
    "The rebels captured the town of Ostrava without a fight after the garrison fled.",
    "Rebel fighters took control of the village of Harn on Monday. No clashes were reported.",
])
def test_a_place_taken_unopposed_is_a_non_violent_transfer(pipeline, text):
    got = subs(pipeline, text)
    assert "Non-violent transfer of territory" in got
    assert "Non-state actor overtakes territory" not in got


def test_a_place_taken_in_fighting_stays_a_battle(pipeline):
    got = subs(pipeline, "Rebel fighters took control of the village of Harn after heavy fighting "
                         "with the army.")
    assert "Non-state actor overtakes territory" in got
    assert "Non-violent transfer of territory" not in got


@pytest.mark.parametrize("text", [
    "The army withdrew its troops from the border town of Kaval on Wednesday.",
    "Government soldiers pulled out of the town of Ruma on Friday.",
])
def test_armed_forces_withdrawing_change_their_activity(pipeline, text):
    assert "Change to group/activity" in subs(pipeline, text)


def test_a_state_leaving_a_treaty_is_no_change_to_an_armed_group(pipeline):
    got = subs(pipeline, "The United States withdrew from the climate treaty on Wednesday.")
    assert got and "Change to group/activity" not in got


def test_a_curfew_imposed_by_the_army_is_a_change_to_its_activity(pipeline):
    assert "Change to group/activity" in subs(
        pipeline, "The army imposed a curfew on the town of Dellow on Tuesday.")
