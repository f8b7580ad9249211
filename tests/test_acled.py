"""ACLED view of PLOVER events: the mapping itself (no model) and weapon cues (real model)."""
from __future__ import annotations

import pytest

from wirecoder.extract.acled import acled_view, is_armed, weapon_mode
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
