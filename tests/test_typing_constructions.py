"""Typing by construction (issue 9, session 7), each rule on sentences written for this test:
what a future, a directive, an order or a call is — by its construction and verb class, not
by its words in any corpus."""
from __future__ import annotations

import pytest

from wirecoder.ingest import make_article
from wirecoder.pipeline import Pipeline


def _events(text: str):
    r = Pipeline(min_confidence=0.0, types_model="none").extract(
        make_article(text, published="2031-06-05"))
    return r, [(str(getattr(e.type, "value", e.type)), e) for e in r.events]


def _types(text: str) -> list[str]:
    return [t for t, _ in _events(text)[1]]


@pytest.mark.model
@pytest.mark.parametrize("text, expected, not_expected", [
    # a future told by the narrator keeps the act's own type
    ("The governor of Tarsia will resign next week.", "RETREAT", "AGREE"),
    ("The two presidents are scheduled to meet in Vienna on Monday.", "CONSULT", "AGREE"),
    # a decision to concede is the concession
    ("The electoral board of Tarsia decided to allow the exiled candidate to run.", "CONCEDE",
     "AGREE"),
    # "unless": a withdrawal on a condition threatens
    ("Ruritania will withdraw its monitors from Osterlich unless the talks resume.", "THREATEN",
     "AGREE"),
])
def test_a_narrated_future_keeps_its_own_type(pipeline, text, expected, not_expected) -> None:
    types = _types(text)
    assert expected in types and not_expected not in types


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ruritania will cooperate with Osterlich on border security.",  # cooperation told ahead
    "Tarsia announced it would free 40 prisoners.",  # an announced release is a promise
    "Tarsia will provide food aid to the flood victims.",  # future aid (PLOVER 3.6)
])
def test_promises_and_cooperation_told_ahead_stay_agree(pipeline, text) -> None:
    assert "AGREE" in _types(text)


@pytest.mark.model
def test_an_order_to_a_subordinate_to_stop_is_coercion(pipeline) -> None:
    types = _types("The interior minister of Tarsia ordered the opposition newspaper to stop printing.")
    assert "COERCE" in types and "REQUEST" not in types
    # a state told to stop is asked, not repressed
    assert "REQUEST" in _types("The council ordered Osterlich to stop the shelling.")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The bishop of Tarsia called for sanctions against Osterlich on Monday.",
    "A Tarsian newspaper urged its readers to unite against the Osterlich regime.",
])
def test_a_call_for_action_against_a_party_accuses_it(pipeline, text) -> None:
    types = _types(text)
    assert "ACCUSE" in types and "REQUEST" not in types


@pytest.mark.model
def test_a_call_for_something_else_stays_a_request(pipeline) -> None:
    assert "REQUEST" in _types("The bishop of Tarsia called for calm on Monday.")


@pytest.mark.model
@pytest.mark.parametrize("text, absent", [
    # a rejected call
    ("Tarsia rejected calls to deploy troops on the northern border.", "MOBILIZE"),
    # the topic of talks, its phrase hung on the verb by the parser
    ("Ruritania and Osterlich resumed negotiations today on a Ruritanian troop withdrawal from "
     "the valley.", "RETREAT"),
    # a reported obligation, a clause inside it included
    ("Ruritania said Osterlich must return the tanker that its navy seized last week.", "COERCE"),
    # a wish that another party act
    ("Ruritania wants Osterlich to attack the rebel camps.", "ASSAULT"),
])
def test_the_content_of_a_directive_is_no_event(pipeline, text, absent) -> None:
    assert absent not in _types(text)


@pytest.mark.model
def test_the_directive_itself_stays(pipeline) -> None:
    assert "REQUEST" in _types("Ruritania insisted that Osterlich must release the sailors.")
    assert "REJECT" in _types("Tarsia rejected calls to deploy troops on the northern border.")
    # one's own intention to strike is still a threat
    assert "THREATEN" in _types("Ruritania wants to attack the rebel camps.")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The army of Tarsia prepared to resume its offensive against the rebels.",
    "Ruritanian troops are preparing for an assault on the port town.",
    "The governor of Tarsia ordered police patrols in the capital on Sunday.",
])
def test_orders_and_preparations_of_forces_mobilize(pipeline, text) -> None:
    types = _types(text)
    assert "MOBILIZE" in types and "ASSAULT" not in types and "REQUEST" not in types


@pytest.mark.model
def test_a_demand_nouns_clause_hung_on_its_verb_is_content(nlp) -> None:
    from wirecoder.extract.reportability import assess, quote_map

    doc = nlp("The Red Cross repeated its demand today that Syria ease restrictions on the "
              "movement of Lebanese farmers.")
    ease = next(t for t in doc if t.lower_ == "ease")
    assert ease.dep_ == "ccomp" and ease.head.lower_ == "repeated"  # the parse this needs
    r = assess(ease, quote_map(doc), "CONCEDE")
    assert not r.reportable and r.reason == "directed content"


@pytest.mark.model
@pytest.mark.parametrize("text, accused", [
    ("Osterlich said Ruritanian troops had attacked its border posts.", "Ruritanian troops"),
    ("The Tarsian Rights Monitor said five civilians were killed in an air strike by Ruritanian "
     "forces.", "Ruritanian forces"),
])
def test_a_claim_of_violence_by_another_side_is_an_accusation(pipeline, text, accused) -> None:
    r, evs = _events(text)
    accs = [e for t, e in evs if t == "ACCUSE"]
    assert accs and accused in [r.actor(a).name for e in accs for a in e.recipient]
    assert "ASSAULT" in [t for t, _ in evs]  # the violence told stays an event


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Tarsian army said its troops killed five gunmen.",  # its own side
    "Police said gunmen killed three villagers on Sunday.",  # an unnamed source
    "Osterlich said Ruritanian troops will attack its border posts.",  # not past violence
])
def test_no_accusation_without_a_claim_against_another_side(pipeline, text) -> None:
    assert "ACCUSE" not in _types(text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Police in Tarsia arrested a journalist on charges of spying for Osterlich.",
    "Tarsian authorities jailed ten activists on allegations of treason.",
    "A teacher was detained in Tarsia for insulting the king.",
])
def test_holding_someone_on_a_charge_also_accuses_them(pipeline, text) -> None:
    types = _types(text)
    assert "COERCE" in types and "ACCUSE" in types


@pytest.mark.model
def test_the_charge_is_no_event_and_no_charge_no_accusation(pipeline) -> None:
    # the act charged is told by the arrest, also when the parser hangs it on the held man
    assert "ASSAULT" not in _types("Police arrested a man for attacking a bus driver.")
    assert "ACCUSE" not in _types("Police detained two men for questioning.")
    assert "ACCUSE" not in _types("Police arrested five protesters on Monday.")


@pytest.mark.model
def test_a_scheduled_meeting_in_a_conjunct_is_consult(pipeline) -> None:
    types = _types("The Tarsian president is scheduled to give a lecture on trade and meet with "
                   "exiled Osterlich writers.")
    assert "CONSULT" in types and "AGREE" not in types


@pytest.mark.model
def test_rallying_people_who_are_no_force_for_a_cause_is_support(pipeline) -> None:
    types = _types("Ruritania has mobilized lobby groups in Osterlich to help support the rights "
                   "of Tarsian farmers.")
    assert "SUPPORT" in types and "MOBILIZE" not in types
    assert "MOBILIZE" in _types("Ruritania mobilized its reserve troops to defend the border.")


@pytest.mark.model
def test_a_light_verb_with_a_mediation_noun_consults(pipeline) -> None:
    types = _types("The former envoy of Tarsia undertook a mediation mission between Ruritania "
                   "and Osterlich.")
    assert "CONSULT" in types and "AGREE" not in types



@pytest.mark.model
def test_an_attack_plotted_or_attempted_is_no_threat(pipeline) -> None:
    r = pipeline.extract(make_article(
        "Police say the cell was attempting to assassinate two judges in Tarvo.",
        published="2031-06-05"))
    types = {(e.type, e.status) for e in r.events}
    assert ("THREATEN", "occurred") not in types and ("ASSAULT", "planned") in types
