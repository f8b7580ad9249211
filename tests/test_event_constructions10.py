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
