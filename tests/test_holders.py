"""A demand for someone's release, or a protest against their detention, charges or
conviction, is addressed to whoever holds them (extract/holders.py). Texts invented."""
from __future__ import annotations

import pytest


@pytest.mark.model
def test_a_call_for_release_goes_to_the_court_that_convicted(coded) -> None:
    events = coded("A court in Minsk convicted the blogger Pavel Dorin of treason on Monday. "
                   "His employer called for the release of Dorin.")
    assert ("REQUEST", ["His employer"], ["Belarus"]) in events


@pytest.mark.model
def test_an_urged_release_goes_to_the_police_that_arrested(coded) -> None:
    events = coded("Police in Lagos arrested the activist Ada Obi on Sunday. The rights group "
                   "Amnesty International urged her immediate release.")
    assert ("REQUEST", ["Amnesty International"], ["Nigeria"]) in events


@pytest.mark.model
def test_calling_the_charges_baseless_accuses_the_prosecutors(coded) -> None:
    events = coded("Prosecutors in Ankara charged the journalist Emre Kaya with espionage on "
                   "Friday. His newspaper called the charges baseless.")
    assert ("ACCUSE", ["His newspaper"], ["Turkey"]) in events


@pytest.mark.model
def test_a_demand_with_no_holding_act_keeps_its_addressee(coded) -> None:
    events = coded("The opposition called on the electoral commission to release the results "
                   "of the vote.")
    assert [r for t, _, r in events if t == "REQUEST"] == [["electoral commission"]]


@pytest.mark.model
def test_raising_a_detainees_case_accuses_the_state_holding_him(coded) -> None:
    events = coded("A Russian court convicted the reporter Ivan Petrov of espionage on Friday. "
                   "The US ambassador also raised Petrov's case.")
    assert ("ACCUSE", ["US ambassador"], ["Russia"]) in events


@pytest.mark.model
def test_a_release_demand_to_kidnappers_goes_to_the_kidnappers(coded) -> None:
    events = coded("Gunmen of the Free Front kidnapped the engineer John Mensah on Sunday. "
                   "His company urged his immediate release.")
    assert ("REQUEST", ["His company"], ["Gunmen of the Free Front"]) in events
