"""Session 10 constructions: charges told by how a speaker labels or describes a party
(quoted labels, "a bunch of …", a first-person belief, a gerund's claim), and what must stay
no event. Texts invented; each has a sentence the rule must leave alone."""
from __future__ import annotations

import pytest


def _types(events: list[tuple[str, list[str], list[str]]]) -> list[str]:
    return [t for t, _, _ in events]


@pytest.mark.model
def test_a_quoted_label_pinned_on_people_is_a_charge(coded) -> None:
    events = coded("Governor Ilse Marten branded the striking dockers “saboteurs” at a rally "
                   "in Tarsa on Monday.")
    assert any(t == "ACCUSE" and "Ilse Marten" in a[0] for t, a, _ in events if a)
    assert "ACCUSE" not in _types(coded("Senator Ivo Laine labeled the harbour bill as "
                                        "“historic” in Tarsa on Monday."))


@pytest.mark.model
def test_a_label_framed_as_is_a_charge_against_those_framed(coded) -> None:
    events = coded("President Aldo Brenner has framed his rivals as “fascist” and “corrupt.”")
    assert ("ACCUSE", ["Aldo Brenner"], ["his rivals"]) in events


@pytest.mark.model
def test_a_bunch_of_thugs_judges_the_named_topic(coded) -> None:
    events = coded("“The Red Hand militia, they are a bunch of thugs,” Premier Lena Varga said "
                   "on Tuesday.")
    assert any(t == "ACCUSE" and a == ["Lena Varga"] and r for t, a, r in events)
    assert "ACCUSE" not in _types(coded("“The volunteers, they are a bunch of heroes,” Premier "
                                        "Lena Varga said on Tuesday."))


@pytest.mark.model
def test_a_speakers_stated_belief_of_war_crimes_is_a_charge(coded) -> None:
    events = coded("“I believe that Ruritanian soldiers committed war crimes in Osterby,” the "
                   "investigator Mara Olsen said.")
    assert any(t == "ACCUSE" and a == ["Mara Olsen"] for t, a, _ in events)
    assert "ACCUSE" not in _types(coded("“I believe that Ruritanian soldiers rebuilt the school "
                                        "in Osterby,” the investigator Mara Olsen said."))


@pytest.mark.model
def test_a_claim_made_by_a_gerund_has_the_clause_subject_as_speaker(coded) -> None:
    events = coded("Premier Ivo Laine angered his allies on Friday by claiming that the "
                   "Ruritanian government ran a “sham” inquiry.")
    assert any(t == "ACCUSE" and a == ["Ivo Laine"] for t, a, _ in events)


@pytest.mark.model
def test_calling_it_a_sham_judges_the_object_of_the_verb_it_qualifies(coded) -> None:
    events = coded("Foreign Minister Lena Varga rejected the tribunal's ruling on Friday, "
                   "calling it “a travesty.”")
    assert not any(t == "ACCUSE" and "Lena Varga" in r for t, _, r in events)


def _coded_status(text: str) -> list[tuple[str, str]]:
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    r = Pipeline(min_confidence=0.0).extract(make_article(text, published="2031-06-05"))
    return [(e.type, e.status) for e in r.events]


@pytest.mark.model
def test_a_repeated_act_with_no_day_told_is_no_incident(coded) -> None:
    assert "ACCUSE" not in [t for t, a, _ in coded("Senator Ivo Laine repeatedly accused the "
                                                   "mayor of Tarsa of taking bribes.") if a]
    assert "SUPPORT" not in _types(coded("The former anchor Mara Olsen generally supported the "
                                         "Labour Party during her years on television."))
    assert "ASSAULT" in _types(coded("Ruritanian jets repeatedly struck the town of Osterby "
                                     "on Monday."))


@pytest.mark.model
def test_agreeing_with_a_person_is_sharing_a_view(coded) -> None:
    assert "AGREE" not in _types(coded("The voter Mara Olsen largely agreed with her neighbour "
                                       "about the debate."))
    assert "AGREE" not in _types(coded("The columnist agreed with Senator Ivo Laine about "
                                       "the winner of the debate."))
    assert "AGREE" in _types(coded("Ruritania agreed with Osterland on a three-day truce on "
                                   "Monday."))


@pytest.mark.model
def test_neither_nor_subject_negates_and_no_victims_does_not() -> None:
    assert ("ACCUSE", "negated") in _coded_status(
        "Neither the mayor of Tarsa nor his aides have been charged with any crime.")
    statuses = _coded_status("No soldiers were killed in the attack on the Osterby barracks on "
                             "Monday.")
    assert ("ASSAULT", "occurred") in statuses


@pytest.mark.model
def test_attacking_someone_as_a_fraud_or_in_a_speech_is_criticism(coded) -> None:
    events = coded("Senator Mara Olsen attacked Governor Ivo Laine as a fraud during the "
                   "debate on Monday night.")
    assert "ACCUSE" in _types(events) and "ASSAULT" not in _types(events)
    assert "ACCUSE" in _types(coded("Mara Olsen attacked Ivo Laine in a speech in Tarsa on "
                                    "Friday."))
    events = coded("Gunmen attacked a police post in Tarsa over the weekend, killing two "
                   "officers.")
    assert "ASSAULT" in _types(events) and "ACCUSE" not in _types(events)


@pytest.mark.model
def test_personal_attacks_and_uphill_battles_are_no_violence(coded) -> None:
    assert "ASSAULT" not in _types(coded("The race has been defined by personal attacks "
                                         "between Olsen and Laine."))
    assert "ASSAULT" not in _types(coded("Mara Olsen acknowledged the uphill battle her party "
                                         "faces in Tarsa."))
    assert "ASSAULT" not in _types(coded("The two firms are locked in a legal battle over the "
                                         "patent."))
    assert "ASSAULT" in _types(coded("Rebels and soldiers fought a fierce battle near Tarsa on "
                                     "Monday."))


@pytest.mark.model
def test_releasing_a_document_frees_nobody(coded) -> None:
    assert "RETREAT" not in _types(coded("Governor Mara Olsen released her tax returns on "
                                         "Friday."))
    assert "RETREAT" in _types(coded("The Red Hand militia released two hostages on Friday."))


@pytest.mark.model
def test_a_man_who_shot_himself_was_attacked_by_nobody(coded) -> None:
    assert "ASSAULT" not in _types(coded("Peter Olsen, 76, shot himself in the parking lot of "
                                         "a veterans hospital last month."))
    assert "ASSAULT" in _types(coded("A suicide bomber blew himself up at a checkpoint in "
                                     "Tarsa on Monday, killing five soldiers."))


@pytest.mark.model
def test_a_candidates_standing_promise_to_the_public_is_no_agreement(coded) -> None:
    assert "AGREE" not in _types(coded("Senator Mara Olsen has vowed to bring back lost mining "
                                       "jobs."))
    assert "AGREE" not in _types(coded("Olsen is promising lower taxes and more jobs."))
    assert "AGREE" in _types(coded("President Olsen has promised to send more weapons to "
                                   "Osterland."))
    assert "AGREE" in _types(coded("Ruritania has promised to withdraw its troops from the "
                                   "border."))


def _places(text: str) -> list[str | None]:
    from wirecoder.ingest import make_article
    from wirecoder.pipeline import Pipeline

    r = Pipeline(min_confidence=0.0).extract(make_article(text, published="2031-06-05"))
    return [e.location.name if e.location else None for e in r.events]


@pytest.mark.model
def test_a_person_named_like_a_town_is_no_place() -> None:
    # Clinton, Jordan and Lincoln are towns in the gazetteer too
    assert "Clinton" not in _places("The nurses' union endorses Clinton. Hillary Clinton "
                                    "thanked the nurses on Friday.")
    assert "Clinton" not in _places("Senator Ivo Laine criticized Hillary Clinton on Friday.")
    assert "Ohio" not in _places("Rep. Mara Olsen (R-Ohio) criticized the immunity deals on "
                                 "Friday.")
    assert "Bakhmut" in _places("Ruritanian forces shelled positions near Bakhmut on Monday.")
    assert "Riverton" in _places("Northland Army forces shelled Riverton on Monday.")


@pytest.mark.model
def test_offering_advice_is_no_offer(coded) -> None:
    assert "AGREE" not in _types(coded("Senator Ivo Laine offered some pointed advice to "
                                       "Governor Mara Olsen on Friday."))
    assert "AGREE" in _types(coded("Ruritania offered to host the peace talks on Friday."))


@pytest.mark.model
def test_a_habit_word_in_an_aside_describes_the_aside(coded) -> None:
    events = coded("At rallies this spring – usually noisy, crowded affairs – President Aldo "
                   "Brenner has branded his rivals “traitors.”")
    assert "ACCUSE" in _types(events)
    assert "PROTEST" not in _types(coded("Supporters of Aldo Brenner usually rally in Tarsa "
                                         "every Friday."))


@pytest.mark.model
def test_in_what_x_dismissed_as_a_sham_is_asserted(coded) -> None:
    events = coded("A verdict is expected in the spying case of the reporter, with prosecutors "
                   "seeking a long sentence in what his newspaper has dismissed as a sham.")
    assert "ACCUSE" in _types(events)
    assert ("ACCUSE", "occurred") not in _coded_status(
        "A verdict is expected in the spying case, which his newspaper may dismiss as a sham.")


@pytest.mark.model
def test_an_imposed_blackout_is_censorship(coded) -> None:
    assert "COERCE" in _types(coded("The junta imposed a blackout on Thursday."))
    assert "COERCE" not in _types(coded("A power blackout hit the city of Tarsa on Thursday."))


@pytest.mark.model
def test_a_first_person_speech_act_in_a_quote_is_the_speakers(coded) -> None:
    events = coded("“We condemn this cowardly attack on our border post,” Defence Minister Aldo "
                   "Brenner said on Monday.")
    assert any(t == "ACCUSE" and a == ["Aldo Brenner"] for t, a, _ in events)
    assert "ACCUSE" not in _types(coded("“We will condemn any attack,” Defence Minister Aldo "
                                        "Brenner said on Monday."))


@pytest.mark.model
def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(coded) -> None:
    text = ("“In the report, I describe what the soldiers did in Osterby,” the investigator "
            "Mara Olsen said on Monday.\n\n“Based on this work, I believe that Ruritanian "
            "soldiers committed war crimes in Osterby.”")
    assert any(t == "ACCUSE" and a == ["Mara Olsen"] for t, a, _ in coded(text))


@pytest.mark.model
def test_dozens_of_targets_struck_is_an_attack_and_a_score_is_not(coded) -> None:
    assert "ASSAULT" in _types(coded("Ruritanian warplanes struck dozens of targets near Tarsa "
                                     "on Monday."))
    assert "ASSAULT" not in _types(coded("The Tarsa guard hit 40 of 50 shots on Monday."))


@pytest.mark.model
def test_a_house_set_ablaze_is_destroyed(coded) -> None:
    assert "ASSAULT" in _types(coded("The mayor's house was set ablaze by an angry mob in Tarsa "
                                     "on Monday."))
