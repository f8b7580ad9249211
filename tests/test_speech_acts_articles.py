"""Speech acts on whole articles (issue 8, session 8), each construction on sentences written
for this test: denials, judged acts and their doers, directives, questions, sanctions and
figurative subjects — by construction and verb class, never by the words of a corpus."""
from __future__ import annotations

import pytest

from wirecoder.ingest import make_article
from wirecoder.pipeline import Pipeline


def _events(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(type, actor names, recipient names) of every event, threshold off, rules only."""
    r = Pipeline(min_confidence=0.0, types_model="none").extract(
        make_article(text, published="2031-06-05"))
    names = {a.id: a.name for a in r.actors}
    return [(str(getattr(e.type, "value", e.type)), [names[i] for i in e.actor],
             [names[i] for i in e.recipient]) for e in r.events]


def _of_type(text: str, type_: str) -> list[tuple[str, list[str], list[str]]]:
    return [e for e in _events(text) if e[0] == type_]


@pytest.mark.model
def test_a_denied_charge_is_aimed_at_the_accuser(pipeline) -> None:
    # the charge told before, the denial after: the one charged is never the target
    text = ("Tarsian prosecutors charged the journalist Ana Berg with espionage in March. "
            "Berg and her newspaper have denied the charges against her.")
    rejects = _of_type(text, "REJECT")
    assert rejects, _events(text)
    assert any("Tarsian prosecutors" in r for r in rejects[0][2])
    assert not any("Berg" in r for r in rejects[0][2])


@pytest.mark.model
def test_a_denied_accusation_with_its_author_is_aimed_at_the_author(pipeline) -> None:
    rejects = _of_type("Osterlich rejected Tarsia's accusations on Monday.", "REJECT")
    assert rejects and rejects[0][2] == ["Tarsia"]


@pytest.mark.model
def test_a_judged_trip_accuses_whoever_made_it(pipeline) -> None:
    text = ("Ruritanian President Karl Vogt chose the first week of his term to visit the "
            "Tarsian leader in Vellin. Osterlich's prime minister called the trip "
            "\"a disgraceful mission\".")
    accuse = _of_type(text, "ACCUSE")
    assert accuse and any("Vogt" in r for r in accuse[0][2])


@pytest.mark.model
def test_a_judged_thing_with_no_doer_told_accuses_nobody_in_particular(pipeline) -> None:
    text = "Karl Vogt visited Vellin last week. The Osterlich minister called the weather \"brutal\"."
    assert all(not e[2] for e in _of_type(text, "ACCUSE"))


@pytest.mark.model
def test_framing_a_party_with_a_pejorative_accuses_it(pipeline) -> None:
    accuse = _of_type("Karl Vogt framed the Tarsian government as \"traitors\" on Monday.",
                      "ACCUSE")
    assert accuse and accuse[0][1] == ["Karl Vogt"] and accuse[0][2]


@pytest.mark.model
def test_a_name_called_with_a_date_is_no_call_on(pipeline) -> None:
    # "called … on Monday" is no "call on X": the judgment accuses the plan's owner
    events = _events("Karl Vogt called Ruritania's plan \"a farce\" on Monday.")
    assert ("ACCUSE", ["Karl Vogt"], ["Ruritania"]) in events
    assert not any(e[0] == "REQUEST" for e in events)


@pytest.mark.model
def test_a_call_for_a_clause_is_a_request(pipeline) -> None:
    # the parser makes "for" the mark of "… to be released"
    assert _of_type("The Tarsian foreign minister called for Ana Berg to be released.", "REQUEST")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "\"Will you resign?\" the reporter asked the minister on Tuesday.",  # a question quoted
    "The reporter asked whether the talks would resume.",  # an indirect question
])
def test_ask_with_no_request_in_it_is_a_question(pipeline, text) -> None:
    assert not _of_type(text, "REQUEST")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Tarsia asked Ruritania to free the prisoners.",
    "Tarsia asked for international help.",
    "The opposition asked permission to hold a rally.",
])
def test_ask_with_a_complement_is_a_request(pipeline, text) -> None:
    assert _of_type(text, "REQUEST")


@pytest.mark.model
def test_visa_restrictions_on_a_foreign_party_are_a_sanction(pipeline) -> None:
    text = "The Tarsian government imposed visa restrictions on two Ruritanian generals on Monday."
    assert _of_type(text, "SANCTION") and not _of_type(text, "COERCE")
    # restrictions with no entry word stay coercion
    assert _of_type("Tarsia imposed restrictions on the Ruritanian embassy staff.", "COERCE")


@pytest.mark.model
def test_a_trailing_warning_of_a_past_fact_is_no_threat(pipeline) -> None:
    text = ("Since May 2, almost 40% of clinics run by the Red Crescent (TRC) in the valley have "
            "been hit, the organization warned.")
    assert not _of_type(text, "THREATEN")
    # a warning of what the speaker will do stays a threat
    assert _of_type("If the shelling continues, we will respond with force, the army warned.",
                    "THREATEN")


@pytest.mark.model
def test_undertake_promises_only_with_an_infinitive(pipeline) -> None:
    assert not _of_type("The prime minister has undertaken what he calls a peace tour.", "AGREE")
    assert _of_type("Tarsia undertook to pay compensation to the families.", "AGREE")


@pytest.mark.model
def test_a_figurative_subject_is_no_actor(pipeline) -> None:
    events = _events("The senator's slump in the polls offers the opposition a chance to win "
                     "the seat.")
    assert not any("slump" in a.lower() for _, actors, _ in events for a in actors)


@pytest.mark.model
def test_a_raised_case_is_aimed_at_whom_it_was_raised_with_or_the_captor(pipeline) -> None:
    accuse = _of_type("The Tarsian ambassador raised the journalist's case with Ruritanian "
                      "officials on Monday.", "ACCUSE")
    assert accuse and accuse[0][2] == ["Ruritanian officials"]
    accuse = _of_type("Ruritanian police arrested the reporter Ana Berg in May. On Friday, the "
                      "Tarsian ambassador also raised Berg's case at the council.", "ACCUSE")
    assert accuse and accuse[0][2] == ["Ruritanian police"]  # the venue is no target


@pytest.mark.model
def test_joining_the_criticism_of_a_party_accuses_it(pipeline) -> None:
    accuse = _of_type("The Osterlich government joined the chorus of criticism of Tarsia on Monday.",
                      "ACCUSE")
    assert accuse and accuse[0][2] == ["Tarsia"]
    assert not _events("The press union joined the chorus of praise for the new law.")


@pytest.mark.model
@pytest.mark.parametrize("text, type_", [
    ("In a letter to Vogt on Tuesday, Tarsian President Ana Berg hit back against many of the "
     "points made by the Ruritanian leader.", "ACCUSE"),
    ("Osterlich rejected the claims made by Tarsian officials.", "REJECT"),
])
def test_an_answered_claim_is_aimed_at_its_author(pipeline, text, type_) -> None:
    found = _of_type(text, type_)
    assert found and found[0][2] and all("Ruritanian" in r or "Tarsian" in r for r in found[0][2])


@pytest.mark.model
def test_condemning_an_act_done_to_someone_accuses_the_doer(pipeline) -> None:
    accuse = _of_type("The Tarsian minister condemned the killing of the journalist by "
                      "Ruritanian soldiers.", "ACCUSE")
    assert accuse and accuse[0][2] == ["Ruritanian soldiers"]


@pytest.mark.model
def test_a_judged_conviction_accuses_the_court_not_the_convicted(pipeline) -> None:
    accuse = _of_type("A Ruritanian court convicted the reporter Ana Berg in May. Karl Vogt "
                      "called Berg's conviction \"a mockery of justice\".", "ACCUSE")
    assert accuse and accuse[0][2] == ["Ruritanian court"]
    # with no conviction told, nobody — never the convicted
    accuse = _of_type("Karl Vogt called Berg's conviction \"a mockery of justice\" on Friday.",
                      "ACCUSE")
    assert accuse and not any("Berg" in r for r in accuse[0][2])


@pytest.mark.model
def test_a_charge_on_someone_else_is_not_the_prosecution_judged(pipeline) -> None:
    events = _events("Tarsian judges charged Karl Vogt with fraud. \"The prosecution of Ana Berg "
                     "is an attempt to punish her,\" her lawyer said.")
    assert not any(e[0] == "ACCUSE" and "Tarsian judges" in e[2] for e in events)


@pytest.mark.model
def test_a_side_telling_its_own_strike_on_terrorists_accuses_nobody(pipeline) -> None:
    text = ("In its statement on the strike, the Ruritanian army said that the Ruritanian air "
            "force struck a number of terrorists who were operating in the area.")
    assert not _of_type(text, "ACCUSE")
    # another side's strike told so is still an accusation
    assert _of_type("Tarsia said Ruritanian troops struck a number of terrorists in the valley.",
                    "ACCUSE")


@pytest.mark.model
def test_whom_a_speaker_tells_is_no_target(pipeline) -> None:
    accuse = _of_type("Neighbors in the camp told Ana Berg they were shocked to learn that the "
                      "doctor had kept hostages.", "ACCUSE")
    assert all("Ana Berg" not in e[2] for e in accuse)


@pytest.mark.model
def test_a_planned_cut_in_aid_is_a_sanction_not_a_threat(pipeline) -> None:
    assert _of_type("Osterlich plans to halve its military aid to Tarsia next year.", "SANCTION")
    # on a condition it threatens
    assert _of_type("Osterlich said it would halve its aid to Tarsia unless the talks resume.",
                    "THREATEN")
