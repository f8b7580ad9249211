"""Construction rules of the candidate stage, each on a sentence written for this test:
the complement or object decides the type, and quoted wrongdoing is an accusation."""
from __future__ import annotations

import pytest

from wirecoder.ingest import make_article
from wirecoder.pipeline import Pipeline


def _events(text: str):
    r = Pipeline(min_confidence=0.0).extract(make_article(text, published="2031-06-05"))
    return r, [(e.type, e) for e in r.events]


def _types(text: str) -> list[str]:
    return [t for t, _ in _events(text)[1]]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The rebel commander vowed to retaliate for the raid.", "THREATEN"),
    ("The prime minister pledged to strike back at the militants.", "THREATEN"),
    ("The mayor pledged to rebuild the bridge.", "AGREE"),
    ("The tribunal on Monday suspended the tariffs for a month.", "CONCEDE"),
    ("Ruritania suspended diplomatic ties with Moldavia on Monday.", "SANCTION"),
    ("The parliament rolled back the fuel levies on Sunday.", "CONCEDE"),
])
def test_the_complement_decides_the_type(pipeline, text, expected) -> None:
    assert expected in _types(text)


@pytest.mark.model
def test_speaking_against_someone_accuses_them(pipeline) -> None:
    r, evs = _events("The senator spoke against the president on Tuesday.")
    [acc] = [e for t, e in evs if t == "ACCUSE"]
    assert [r.actor(a).name for a in acc.recipient] == ["president"]


@pytest.mark.model
def test_an_as_clause_under_come_is_news(pipeline) -> None:
    assert "AGREE" in _types("The pressure comes as Ruritania and Moldavia have agreed to a "
                             "framework deal.")
    # an ordinary as-clause stays background
    assert "AGREE" not in _types("Prices rose sharply as the two firms agreed to merge.")


@pytest.mark.model
@pytest.mark.parametrize("text, accused", [
    ("“Moldavia keeps giving smugglers a safe haven and enables their malicious raids,” a "
     "Ruritanian spokesperson said on Friday.", "Moldavia"),
    ("“Borduria shelled our villages again,” the Syldavian minister said.", "Borduria"),
    ("“Borduria supports, trains and finances the terror network,” the minister said.", "Borduria"),
])
def test_quoted_wrongdoing_of_a_named_party_is_an_accusation(pipeline, text, accused) -> None:
    r, evs = _events(text)
    accs = [e for t, e in evs if t == "ACCUSE"]
    assert accs and accused in [r.actor(a).name for e in accs for a in e.recipient]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "“Borduria does not arm the terror network,” the minister said.",  # denied
    "Police said the man shot three people.",  # nobody named, told not quoted
    "“We shelled the depot,” the Syldavian commander said.",  # the speaker's own act
])
def test_no_accusation_without_a_named_wrongdoer(pipeline, text) -> None:
    assert "ACCUSE" not in _types(text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The president struck an unusually subdued tone in his address.",
    "A video of the capture was released by their families in May.",
    "The alliance is struggling to meet its new recruitment goal.",
    "The two candidates will hold their first campaign rally on Saturday.",
])
def test_idioms_and_voiding_complements_are_no_event(pipeline, text) -> None:
    assert _types(text) == []


@pytest.mark.model
def test_hitting_back_at_claims_is_speech(pipeline) -> None:
    assert _types("The council president hit back at the premier's claims in a letter.") == ["ACCUSE"]
    assert "ASSAULT" in _types("The army hit the depot on Monday.")


@pytest.mark.model
def test_an_intercepted_missile_is_an_attack_on_the_interceptor(pipeline) -> None:
    r, evs = _events("Chile intercepted a Peruvian drone over Arica on Sunday.")
    [(t, e)] = evs
    assert t == "ASSAULT"
    assert [r.actor(a).name for a in e.actor] == ["Peru"]
    assert [r.actor(a).name for a in e.recipient] == ["Chile"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The rebels hold rallies which take place every Friday in the capital.",  # habitual
    "Protesters marched weekly through the capital.",
    "Hostages being held by villagers is unlikely, the analyst said.",  # assessment
    "The Tarvo Front is a militia backed by Borduria.",  # description
    "The Tarvo Front is heavily backed by Borduria.",
    "CNN has asked the ministry for comment.",  # the newsroom's question
    "When asked about the plan, the minister said nothing.",
])
def test_habits_descriptions_assessments_and_interviews_are_not_news(pipeline, text) -> None:
    assert _types(text) == []


@pytest.mark.model
def test_dated_or_main_clause_relations_stay_news(pipeline) -> None:
    assert "SANCTION" in _types("Ruritania sanctioned the businessman on Monday.")
    assert "REQUEST" in _types("The minister asked Moldavia to release the prisoners.")
    assert "PROTEST" in _types("Protesters marched through the capital on Friday.")


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Ruritania raised concerns about the recent arrests of opposition figures.", "ACCUSE"),
    ("The party described the summons as outrageous.", "ACCUSE"),
    ("The mayor said he was shocked by the brazen drone attack.", "ACCUSE"),
    ("Ruritania and Moldavia spoke on Friday.", "CONSULT"),
    ("The president had a long phone call with the premier on Friday.", "CONSULT"),
    ("The minister informed his counterpart before the raid.", "CONSULT"),
    ("Two opposition candidates have been barred from running.", "COERCE"),
    ("The navy is ending its mission off the coast.", "RETREAT"),
    ("The firm wound down its operations in Moldavia last week.", "RETREAT"),
    ("The rebels promised a response that will be huge.", "THREATEN"),
    ("The envoy poured cold water on the idea on Sunday.", "REJECT"),
    ("Riot police fanned out at university campuses.", "MOBILIZE"),
])
def test_verb_classes_of_whole_articles(pipeline, text, expected) -> None:
    assert expected in _types(text)


@pytest.mark.model
def test_a_lone_speaker_is_no_meeting(pipeline) -> None:
    assert "CONSULT" not in _types("The president spoke on Friday.")


@pytest.mark.model
def test_the_incident_a_reaction_answers_is_told(pipeline) -> None:
    types = _types("The residents' forum expressed concern after a shop was looted in Tarvo "
                   "on Monday.")
    assert "ACCUSE" in types and "ASSAULT" in types


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a campaign's running toll is a claim, not an incident
    "The Ruritanian air and ground offensive has killed more than 9,000 people since March.",
    "Ruritania launched a war in Tarvo that has killed more than 9,000 villagers.",
    # the for-phrase of a punishment is the charge
    "The blogger was sentenced on Monday for criticizing the army.",
    # "the first X to be arrested since …" describes who X is
    "He is the first Syldavian reporter to be arrested on spying charges since the war.",
    # a present-simple relative clause says what a group habitually does
    "Activists joined a campaign called Free Tarvo, which calls on volunteers to travel there.",
    "Officials have never offered any public evidence to support their claims.",
    "The team fought back from a double-digit deficit to win 101-100 on Saturday.",
])
def test_tolls_charges_and_descriptions_are_not_incidents(pipeline, text) -> None:
    types = _types(text)
    assert "ASSAULT" not in types and "ACCUSE" not in types and "COERCE" not in types
    assert "REQUEST" not in types and "AGREE" not in types


@pytest.mark.model
def test_passive_conjunct_takes_the_shared_subject_as_patient(pipeline) -> None:
    r, evs = _events("Dara had travelled to Tarvo to see her mother, but was detained at the "
                     "airport in June.")
    [co] = [e for t, e in evs if t == "COERCE"]
    assert not co.actor and [r.actor(a).name for a in co.recipient] == ["Dara"]


@pytest.mark.model
def test_a_speaker_telling_its_own_strikes_accuses_nobody(pipeline) -> None:
    types = _types("The army said on Tuesday it had struck about 40 terror targets.")
    assert "ACCUSE" not in types and "ASSAULT" in types


@pytest.mark.model
def test_insisting_is_a_stance_unless_it_demands(pipeline) -> None:
    assert "REQUEST" not in _types("The spokesman insisted that the talks were confidential.")
    assert "REQUEST" in _types("The spokesman insisted on a public apology from Moldavia.")


@pytest.mark.model
def test_a_war_named_as_the_setting_is_no_incident(pipeline) -> None:
    assert "ASSAULT" not in _types("His trial comes as relations sour, with Borduria's brutal "
                                   "invasion of Syldavia raging on.")
    assert "ASSAULT" in _types("Borduria launched its invasion of Syldavia on 24 February 2022.")


def test_an_incident_keeps_its_most_precise_own_date() -> None:
    from wirecoder.extract.merge_mentions import Draft, absorb
    from wirecoder.schema import EventDate

    year = Draft(type="PROTEST", mode=None, pred_i=3, sent_i=0, date_own=True,
                 date=EventDate(start="2031-01-01", end="2031-12-31", precision="year"))
    day = Draft(type="PROTEST", mode=None, pred_i=30, sent_i=2, date_own=True,
                date=EventDate(start="2031-06-02", precision="day"))
    absorb(year, day)
    assert year.date.start == "2031-06-02"
    other_year = Draft(type="PROTEST", mode=None, pred_i=40, sent_i=3, date_own=True,
                       date=EventDate(start="2030-03-02", precision="day"))
    absorb(year, other_year)  # a day outside the period is another time, not a refinement
    assert year.date.start == "2031-06-02"


@pytest.mark.model
def test_a_place_in_an_after_clause_is_the_other_events(nlp) -> None:
    from wirecoder.extract.places import find_place_in

    doc = nlp("Troops shelled villages near Idlib on Monday, a day after rebels attacked a "
              "convoy in Aleppo.")
    sent = next(iter(doc.sents))
    clause = {t.i for t in doc if t.i < 9}  # "Troops shelled villages near Idlib on Monday"
    assert find_place_in(sent, only=clause).name == "Idlib"
    assert find_place_in(sent, only={t.i for t in doc if t.i >= 9}).name == "Aleppo"


def _draft(**kw):
    from wirecoder.extract.merge_mentions import Draft
    from wirecoder.schema import EventDate

    base = dict(type="ASSAULT", mode="aerial", pred_i=0, sent_i=0, date_own=True,
                date=EventDate(start="2031-06-01", precision="day"))
    base.update(kw)
    return Draft(**base)


def test_one_strike_told_with_different_targets_is_one_incident() -> None:
    from wirecoder.extract.incidents import same_incident
    from wirecoder.schema import Location

    first = _draft(actor=["a1"], recipient=["a2"], sent_i=0, pred_i=3)
    again = _draft(actor=["a1"], recipient=["a3"], sent_i=4, pred_i=80)
    assert same_incident(first, again)
    elsewhere = _draft(actor=["a1"], recipient=["a3"], sent_i=4, pred_i=80,
                       location=Location(name="Tyre", country="LBN", precision="city"))
    here = _draft(actor=["a1"], recipient=["a2"], sent_i=0, pred_i=3,
                  location=Location(name="Sidon", country="LBN", precision="city"))
    assert not same_incident(here, elsewhere)  # two places: two strikes
    other_toll = _draft(actor=["a1"], recipient=["a3"], sent_i=4, pred_i=80, dead=4)
    assert not same_incident(_draft(actor=["a1"], recipient=["a2"], dead=9), other_toll)


def test_an_actorless_toll_and_the_clash_that_caused_it_are_one_incident() -> None:
    from wirecoder.extract.incidents import same_incident

    toll = _draft(mode="crowd-control", recipient=["p"], dead=5, pred_i=3)
    clash = _draft(mode="crowd-control", actor=["police"], recipient=["students"], pred_i=20)
    assert same_incident(toll, clash)


@pytest.mark.model
def test_an_agentless_arrest_is_the_states_where_it_happened(pipeline) -> None:
    r, evs = _events("Nine people were arrested in Caracas on Tuesday for blocking a highway.")
    [co] = [e for t, e in evs if t == "COERCE"]
    assert [r.actor(a).country for a in co.actor] == ["VEN"]
    # an attack told without its attacker stays without one: only states arrest and ban
    r, evs = _events("Nine people were shot in Caracas on Tuesday.")
    assert all(not e.actor for t, e in evs if t == "ASSAULT")


@pytest.mark.model
def test_a_by_phrase_hung_on_the_of_complement_is_the_passive_agent(pipeline) -> None:
    r, evs = _events("The mayor was accused of lying by the opposition party on Monday.")
    [acc] = [e for t, e in evs if t == "ACCUSE"]
    assert [r.actor(a).name for a in acc.actor] == ["opposition party"]
    assert [r.actor(a).name for a in acc.recipient] == ["mayor"]


@pytest.mark.model
def test_a_charge_brought_without_its_prosecutor_is_the_states(pipeline) -> None:
    r, evs = _events("The opposition leader was indicted on corruption charges in Caracas on "
                     "Monday.")
    [acc] = [e for t, e in evs if t == "ACCUSE"]
    assert [r.actor(a).country for a in acc.actor] == ["VEN"]
    # joined to an arrest, the accusation is the arresting state's
    r, evs = _events("The reporter was arrested in Minsk in May and later accused of spying.")
    [acc] = [e for t, e in evs if t == "ACCUSE"]
    assert [r.actor(a).country for a in acc.actor] == ["BLR"]
    # anyone may sue
    r, evs = _events("The company was sued in Texas on Monday.")
    assert all(not e.actor for t, e in evs if t == "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The army had stopped all aid convoys from going north on Wednesday.", "COERCE"),
    ("A new round of evacuation orders has prompted large displacements.", "COERCE"),
    ("The two leaders signed a security agreement on Monday.", "SUPPORT"),
])
def test_withheld_aid_evacuation_orders_and_signed_agreements(pipeline, text, expected) -> None:
    assert expected in _types(text)


@pytest.mark.model
def test_force_promised_on_a_condition_is_a_threat(pipeline) -> None:
    r, evs = _events("Ruritania has made clear it would expel the envoys if Moldavia does not "
                     "sign the plan, officials say.")
    threats = [e for t, e in evs if t == "THREATEN"]
    assert threats and [r.actor(a).name for a in threats[0].actor] == ["Ruritania"]
    assert _types("If the talks fail, the army would storm the valley.") == []


@pytest.mark.model
@pytest.mark.parametrize("second, kind", [
    ("The rebel spokesman vowed to respond to the strike.", "THREATEN"),
    ("Moldavia condemned the attack on Tarvo.", "ACCUSE"),
])
def test_a_reaction_to_an_attack_is_aimed_at_the_attacker(pipeline, second, kind) -> None:
    r, evs = _events("Ruritania struck the port of Tarvo on Saturday. " + second)
    [e] = [e for t, e in evs if t == kind]
    assert [r.actor(a).name for a in e.recipient] == ["Ruritania"]


@pytest.mark.model
def test_no_state_is_inferred_where_the_arresting_authority_is_contested(pipeline) -> None:
    r, evs = _events("Nine people were arrested in Nablus on Tuesday.")
    [co] = [e for t, e in evs if t == "COERCE"]
    assert co.location is not None and co.location.country == "PSE"
    assert co.actor == []


@pytest.mark.model
def test_a_statement_happens_where_its_speaker_is(pipeline) -> None:
    r, evs = _events("Qatar condemned the raid on the camp in Jenin on Monday.")
    [acc] = [e for t, e in evs if t == "ACCUSE"]
    assert acc.location is not None and acc.location.country == "QAT"
    # a locative phrase of the speech act itself still places it
    r, evs = _events("Qatar condemned the raid in a statement in Paris on Monday.")
    [acc] = [e for t, e in evs if t == "ACCUSE"]
    assert acc.location is not None and acc.location.country == "FRA"


@pytest.mark.model
def test_a_quote_that_opens_with_a_bare_verb_is_the_speakers_demand(pipeline) -> None:
    r, evs = _events("“Release the journalists now,” the union's director said on Monday.")
    [req] = [e for t, e in evs if t == "REQUEST"]
    assert [r.actor(a).name for a in req.actor] == ["union's director"]
    # a quote that tells something stays the speaker's account
    assert "REQUEST" not in _types("“We released the journalists,” the commander said.")


def test_an_incident_takes_the_finer_place_of_its_mentions() -> None:
    from wirecoder.extract.merge_mentions import absorb
    from wirecoder.schema import Location

    first = _draft(actor=["a1"], location=Location(name="Yemen", country="YEM", precision="country"))
    port = _draft(actor=["a1"], pred_i=40, sent_i=3,
                  location=Location(name="Hodeidah", country="YEM", precision="city"))
    absorb(first, port)
    assert first.location.name == "Hodeidah"
    elsewhere = _draft(actor=["a1"], pred_i=60, sent_i=5,
                       location=Location(name="Tel Aviv", country="ISR", precision="city"))
    absorb(first, elsewhere)  # another country's city refines nothing
    assert first.location.name == "Hodeidah"


@pytest.mark.model
def test_an_interview_with_a_newsroom_is_no_meeting(pipeline) -> None:
    assert "CONSULT" not in _types("Speaking with CNN on Thursday, the minister said the border "
                                   "would stay closed.")
    assert "CONSULT" in _types("The minister met Qatari officials in Doha on Thursday.")


@pytest.mark.model
def test_an_office_taken_over_is_no_seizure(pipeline) -> None:
    assert "COERCE" not in _types("Ruritania took over the rotating council presidency last month.")
    assert "COERCE" in _types("Rebels took over the army base on Sunday.")


@pytest.mark.model
def test_hitting_back_at_points_is_speech(pipeline) -> None:
    types = _types("In a letter on Tuesday, the governor hit back against many of the points "
                   "made by the senator.")
    assert "ASSAULT" not in types and "ACCUSE" in types


@pytest.mark.model
def test_what_an_anniversary_marks_is_no_news(pipeline) -> None:
    assert "ASSAULT" not in _types(
        "Families of passengers killed when the airliner was shot down over the sea gathered "
        "on Wednesday to mark the 20th anniversary of the disaster.")


@pytest.mark.model
def test_a_day_after_the_article_has_not_happened_yet(pipeline) -> None:
    # published 2031-06-05; the past tense does not make a later date history
    r, evs = _events("The ministers met in Valletta on June 19, their offices said.")
    [meet] = [e for t, e in evs if t == "CONSULT"]
    assert meet.status == "planned"


@pytest.mark.model
def test_a_state_and_its_army_tell_one_incident(pipeline) -> None:
    from wirecoder.extract.incidents import state_side
    from wirecoder.schema import Actor

    army = Actor(id="a1", name="Ruritanian Army", kind="organization", country="RUR", sector="MIL")
    state = Actor(id="a2", name="Ruritania", kind="state", country="RUR", sector="GOV")
    rebels = Actor(id="a3", name="Valley Front", kind="group", country="RUR", sector="REB")
    assert state_side(army, "a1") == state_side(state, "a2")
    assert state_side(rebels, "a3") == "a3"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The militia has fired more than 300 rockets at the valley since March.",
    "Since March, the militia has carried out dozens of drone attacks on river barges.",
    "The militia has shelled the bridge four times since March.",
    "The governor said the airfield had been used to attack river barges.",
])
def test_a_summary_of_many_attacks_is_no_incident(pipeline, text) -> None:
    assert "ASSAULT" not in _types(text)


@pytest.mark.model
def test_one_counted_attack_on_a_day_stays_an_incident(pipeline) -> None:
    assert "ASSAULT" in _types("The militia fired 30 rockets at the valley on Tuesday.")


@pytest.mark.model
def test_a_gerund_after_by_acts_through_the_governing_subject(pipeline) -> None:
    r, evs = _events("The navy responded to the raids by launching airstrikes on militia "
                     "positions on Monday.")
    assaults = [e for t, e in evs if t == "ASSAULT" and e.actor]
    assert any(r.actor(a).name.lower().endswith("navy") for e in assaults for a in e.actor)


@pytest.mark.model
def test_an_arrest_by_a_states_police_is_in_that_state(pipeline) -> None:
    """The detainee's nationality is not the place; the police's state is, when the clause
    names no place."""
    r, evs = _events("Russian police detained an American journalist on Friday.")
    [arrest] = [e for t, e in evs if t == "COERCE"]
    assert arrest.location is not None and arrest.location.country == "RUS"


@pytest.mark.model
def test_force_vowed_in_the_speakers_own_voice_is_a_threat(pipeline) -> None:
    assert "THREATEN" in _types("“We will continue to shell their positions,” the militia's "
                                "spokesman said on Monday.")
    assert "THREATEN" not in _types("“We will not attack civilians,” the commander said.")


@pytest.mark.model
def test_the_force_deployed_is_no_target(pipeline) -> None:
    r, evs = _events("The government deployed soldiers to the capital on Sunday.")
    [mob] = [e for t, e in evs if t == "MOBILIZE"]
    assert mob.recipient == [] and r.actor(mob.actor[0]).name == "government"
    r, evs = _events("The border guard force was deployed across the country on Sunday.")
    [mob] = [e for t, e in evs if t == "MOBILIZE"]
    assert mob.recipient == [] and "force" in r.actor(mob.actor[0]).name


@pytest.mark.model
def test_a_bare_plural_said_to_be_common_is_no_incident(pipeline) -> None:
    r, evs = _events("The ministry on Friday sanctioned two smugglers. Sanctions against "
                     "smugglers are increasingly common in the region.")
    [ban] = [e for t, e in evs if t == "SANCTION"]
    text = r.article.text
    assert all("increasingly common" not in text[s.start:s.end] for s in ban.evidence)


@pytest.mark.model
def test_a_past_year_naming_the_subject_makes_it_history(pipeline) -> None:
    r, evs = _events("The 2019 referendum was largely boycotted by the opposition.")
    assert [e.status for t, e in evs if t == "PROTEST"] == ["historical"]


@pytest.mark.model
def test_what_is_unclear_is_not_reported(pipeline) -> None:
    assert "ASSAULT" not in _types("It remains unclear whether the commander was killed in "
                                   "the strike.")


@pytest.mark.model
def test_a_newsroom_asking_for_comment_is_no_mention_of_the_news(pipeline) -> None:
    r, evs = _events("Monitors reported 40 arbitrary detentions on Monday. CNN has reached out "
                     "to the prosecutor's office for comment on the detentions.")
    text = r.article.text
    for t, e in evs:
        assert all("reached out" not in text[s.start:s.end] for s in e.evidence)


@pytest.mark.model
def test_renewed_calls_are_the_callers_request(pipeline) -> None:
    r, evs = _events("The minister arrived in Cairo and renewed calls for a ceasefire.")
    [req] = [e for t, e in evs if t == "REQUEST"]
    assert [r.actor(a).name for a in req.actor] == ["minister"]
    # a second verb the parser joins to the reported clause is still the speaker's
    r, evs = _events("The envoy said the destruction was shocking and reiterated calls for "
                     "the fighting to end.")
    [req] = [e for t, e in evs if t == "REQUEST"]
    assert [r.actor(a).name for a in req.actor] == ["envoy"]


@pytest.mark.model
def test_a_released_video_is_no_release_and_killed_two_is_no_score(pipeline) -> None:
    assert "RETREAT" not in _types("In a video released by the army that shows the rescue, "
                                   "soldiers are seen inside a house.")
    r, evs = _events("Gunmen killed two and wounded five in the village of Tarvo on Monday.")
    [e] = [e for t, e in evs if t == "ASSAULT"]
    assert e.dead == 2


@pytest.mark.model
def test_a_suspended_order_is_eased_and_ordered_goods_are_bought(pipeline) -> None:
    assert "CONCEDE" in _types("The constitutional court suspended the order on Monday.")
    assert _types("The two firms ordered goods from a supplier in Cyprus.") == []
