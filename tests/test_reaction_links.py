"""Who a reaction is to, when its object is told indirectly (extract/draft_links.py):
a free relative ("slammed what he said was …") and an answer ("the response to …").
Texts invented."""
from __future__ import annotations

import pytest


@pytest.mark.model
def test_slamming_what_was_called_aggression_accuses_its_author(coded) -> None:
    events = coded("Ethiopia's army shelled the border town of Humera on Monday. The rebel "
                   "commander slammed what he said was brutal Ethiopian aggression.")
    assert ("ACCUSE", ["rebel commander"], ["Ethiopia"]) in events


@pytest.mark.model
def test_a_promised_response_to_aggression_threatens_its_author(coded) -> None:
    events = coded("Ethiopia's army shelled the border town of Humera on Monday. The response "
                   "to the Ethiopian aggression will be huge and painful, the rebels warned.")
    assert ("THREATEN", ["rebels"], ["Ethiopia"]) in events


@pytest.mark.model
def test_a_quoted_free_relative_names_whom_it_accuses(coded) -> None:
    events = coded("Ethiopia's army shelled the town of Humera on Monday. The rebel commander "
                   "slammed what he said was “brutal Ethiopian aggression” aimed at increasing "
                   "the suffering of the people.")
    assert ("ACCUSE", ["rebel commander"], ["Ethiopia"]) in events


@pytest.mark.model
def test_a_judged_thing_without_owner_is_the_one_told_earlier(coded) -> None:
    events = coded("The Constitutional Court of Ruritania issued an opinion on the border "
                   "dispute on Friday. Foreign Minister Eli Katz condemned the opinion.")
    assert ("ACCUSE", ["Eli Katz"], ["Constitutional Court of Ruritania"]) in events
