"""Constructions that tell an event by construction rather than by its usual verb: a
speaker's own act in a quote, a wish or suggestion aimed at another party, "it's time to",
signing on to a plan, dismissing as, imposed blackouts. Texts invented; each has a sentence
the rule must leave alone."""
from __future__ import annotations

import pytest


def _types(events: list[tuple[str, list[str], list[str]]]) -> list[str]:
    return [t for t, _, _ in events]


@pytest.mark.model
def test_a_speakers_own_past_act_in_a_quote_is_reported(coded) -> None:
    events = coded("“We met the rebel commanders in Juba yesterday,” Defence Minister Aldo "
                   "Brenner said.")
    assert ("CONSULT", ["Aldo Brenner"], ["commanders"]) in events


@pytest.mark.model
def test_the_speaker_of_a_quote_introduced_by_a_reporting_verb_acts(coded) -> None:
    events = coded("President Lena Varga concluded, “We agreed with Premier Ivo Laine to meet "
                   "again in Tarsa.”")
    assert ("AGREE", ["Lena Varga"], ["Ivo Laine"]) in events


@pytest.mark.model
def test_a_vow_or_a_condition_in_a_quote_stays_content(coded) -> None:
    assert "CONSULT" not in _types(coded("“We will meet the rebel commanders in Juba,” "
                                         "Defence Minister Aldo Brenner said."))
    assert "CONSULT" not in _types(coded("“If we had met the rebel commanders, the war would "
                                         "be over,” Defence Minister Aldo Brenner said."))


@pytest.mark.model
def test_a_suggestion_that_another_party_should_act_is_a_request(coded) -> None:
    events = coded("President Lena Varga suggested Ruritania should send a delegation to the "
                   "next round of talks.")
    assert ("REQUEST", ["Lena Varga"], ["Ruritania"]) in events


@pytest.mark.model
def test_wanting_another_party_to_act_is_a_request(coded) -> None:
    events = coded("The journalist's family wants the Ruritanian government to declare her "
                   "wrongfully detained.")
    assert any(t == "REQUEST" and r == ["Ruritanian government"] for t, _, r in events)
    # a wish for oneself, or for a thing, asks nobody
    assert "REQUEST" not in _types(coded("The opposition leader wants to win the election."))
    assert "REQUEST" not in _types(coded("Farmers want grain prices to rise."))


@pytest.mark.model
def test_its_time_to_in_a_quote_is_the_speakers_demand(coded) -> None:
    events = coded("“It’s time to release him immediately,” the press union's director said "
                   "in a statement.")
    assert "REQUEST" in _types(events)
    assert "REQUEST" not in _types(coded("“It was time to leave the city,” the press union's "
                                         "director said."))


@pytest.mark.model
def test_signing_on_to_a_plan_agrees(coded) -> None:
    assert "AGREE" in _types(coded("Both the army and the rebels have signed on to a plan "
                                   "that would end the fighting."))
    # PLOVER codes signing a document as SUPPORT
    assert "AGREE" not in _types(coded("The mayor signed a letter to the governor."))


@pytest.mark.model
def test_dismissing_something_as_a_sham_judges_it(coded) -> None:
    assert "ACCUSE" in _types(coded("The opposition dismissed the vote count as a sham."))
    assert "REJECT" in _types(coded("The minister dismissed calls for his resignation."))


@pytest.mark.model
def test_an_imposed_communications_blackout_is_censorship(coded) -> None:
    events = coded("Phone lines stayed down after a government-imposed internet blackout on Friday.")
    assert ("COERCE", ["government"], []) in events
    assert "COERCE" in _types(coded("The junta ordered an internet shutdown in the capital."))
    # a power cut is no act of anyone, and it strikes nobody
    assert coded("A power blackout hit the city on Monday.") == []


@pytest.mark.model
def test_the_call_to_prayer_asks_nobody_and_a_call_between_leaders_is_a_phone_call(coded) -> None:
    assert coded("Imam Yusuf Dari led the call to prayer at the mosque in Tarsa.") == []
    events = coded("The call between the two presidents on Friday was their first since May.")
    assert "CONSULT" in _types(events) and "REQUEST" not in _types(events)
    assert "REQUEST" in _types(coded("The UN renewed its call for a ceasefire on Monday."))


@pytest.mark.model
def test_an_act_named_as_missing_did_not_happen(coded) -> None:
    assert "CONSULT" not in _types(coded("Without talks between the two sides, the siege "
                                         "dragged on for months."))
    assert "CONSULT" not in _types(coded("The lack of negotiations between the two sides "
                                         "worries diplomats in Geneva."))
    assert "CONSULT" in _types(coded("Talks between the two sides resumed in Geneva on "
                                     "Monday without preconditions."))


@pytest.mark.model
def test_meeting_a_spending_guideline_is_no_meeting(coded) -> None:
    assert "CONSULT" not in _types(coded("Osterlich met the alliance's spending guidelines "
                                         "last year."))


@pytest.mark.model
def test_a_town_that_acts_acts_where_it_is(pipeline) -> None:
    from wirecoder.ingest import make_article

    report = pipeline.extract(make_article(
        "Tulsa, meanwhile, imposed a curfew on alcohol sales from 9pm on Thursday.",
        published="2031-06-05"))
    assert [e.location.name for e in report.events if e.type == "COERCE"] == ["Tulsa"]


@pytest.mark.model
def test_time_spent_in_detention_is_no_arrest(coded) -> None:
    assert "COERCE" not in _types(coded("According to the judge, the time Ivo Laine has spent "
                                        "in detention since last March will count towards "
                                        "his sentence."))
    assert "COERCE" in _types(coded("Police detained Ivo Laine in Tarsa last March."))


@pytest.mark.model
def test_a_swearing_in_threatens_nobody(coded) -> None:
    assert coded("Judge Ana Voss was sworn in on Monday.") == []
    assert "THREATEN" in _types(coded("The rebels swore revenge for the killing of their "
                                      "commander."))


@pytest.mark.model
def test_the_agent_of_an_act_noun_subject_is_its_by_phrase(coded) -> None:
    events = coded("The tightening of the siege by Osterlich has cut off food supplies to Tarsa.")
    assert [a for t, a, _ in events if t == "SANCTION"] == [["Osterlich"]]


@pytest.mark.model
def test_a_rule_acts_through_whoever_makes_it(coded) -> None:
    events = coded("New regulations ban bars from playing loud music.")
    assert all("regulations" not in a for _, a, _ in events)


@pytest.mark.model
def test_advice_to_the_public_at_large_is_no_request(coded) -> None:
    assert "REQUEST" not in _types(coded("Police are asking parents to talk to their children "
                                         "about the river."))
    assert "REQUEST" not in _types(coded("The health minister called on the public to stay "
                                         "calm."))
    # a party, named, counted or told before, is asked
    assert "REQUEST" in _types(coded("The UN urged the two countries to resume talks."))
    assert "REQUEST" in _types(coded("Ruritania's ambassador urged the country to cease its "
                                     "offensive."))
    assert "REQUEST" in _types(coded("Police urged residents to leave their homes."))


@pytest.mark.model
def test_agreeing_with_a_view_is_no_agreement(coded) -> None:
    assert "AGREE" not in _types(coded("Senator Ana Voss agrees that the new law is unfair."))
    assert "AGREE" in _types(coded("The two sides agreed that talks would resume in Geneva."))
    assert "AGREE" in _types(coded("The two sides agreed to a ceasefire on Monday."))


@pytest.mark.model
def test_the_writers_reading_of_an_act_is_no_act(coded) -> None:
    assert "REQUEST" not in _types(coded("He is essentially asking Ruritania to give up the "
                                         "border region without a fight."))


@pytest.mark.model
def test_the_effect_of_a_campaign_is_no_incident(coded) -> None:
    assert "ASSAULT" not in _types(coded("Rebel attacks on the river, for instance, have forced "
                                         "shipping firms to suspend transit."))
    # a toll is told of an incident, and a dated effect is news
    assert "ASSAULT" in _types(coded("Gun attacks near the town of Tarsa have left seven "
                                     "people dead."))
    assert "ASSAULT" in _types(coded("Rebel attacks on Monday forced two ships to turn back."))


@pytest.mark.model
def test_a_clause_with_with_is_no_meeting(coded) -> None:
    assert "CONSULT" not in _types(coded("The president spoke about the war at length – with "
                                         "most of his recent interviews being focused on his age."))
    assert "CONSULT" in _types(coded("The president spoke with the rebel leader on Monday."))


@pytest.mark.model
def test_a_time_chosen_to_act_is_no_actor(coded) -> None:
    events = coded("Premier Ivo Laine chose the first week of his presidency to visit "
                   "President Ana Voss in Tarsa.")
    assert [a for t, a, _ in events if t == "CONSULT"] == [["Ivo Laine"]]
    assert ("REQUEST", ["United Nations"], ["Osterlich"]) in coded(
        "The UN urged Osterlich to stop the offensive.")


@pytest.mark.model
def test_the_month_of_march_is_no_march(coded) -> None:
    assert "PROTEST" not in _types(coded("The journalist was jailed in March."))
    assert "PROTEST" in _types(coded("On 16 March, farmers marched to the parliament in Tarsa."))


@pytest.mark.model
def test_it_said_demanding_is_the_speaker_told_before(coded) -> None:
    events = coded("UNRWA warned of a cholera outbreak in the camps on Friday. “The outbreak "
                   "is a disaster,” it said in a statement, demanding an immediate end to the "
                   "siege.")
    assert any(t == "REQUEST" and a == ["UNRWA"] for t, a, _ in events)


@pytest.mark.model
def test_should_be_able_to_is_no_demand(coded) -> None:
    assert "REQUEST" not in _types(coded("The minister suggested Ruritania should be able to "
                                         "meet its own needs."))
