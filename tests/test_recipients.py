"""Recipients beyond the plain object (extract/recipients.py), through the real pipeline, on
sentences written for these tests."""
from __future__ import annotations

import pytest

from wirecoder.ingest import make_article
from wirecoder.schema import Report


def run(pipeline, text: str) -> Report:
    return pipeline.extract(make_article(text, published="2024-03-14"))


def names(report: Report, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for i in ids:
        a = report.actor(i)
        assert a is not None
        out.add(a.name)
        out.update(m.text for m in a.mentions)
    return out


def only(report: Report, type_: str):
    evs = [e for e in report.events if e.type == type_]
    assert len(evs) == 1, [(e.type, e.mode) for e in report.events]
    return evs[0]


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        # the preposition hangs on the noun that gives the verb its meaning
        ("Canada imposed sanctions on Venezuela.", "SANCTION", "Canada", "Venezuela"),
        ("The Egyptian foreign minister held talks with Prime Minister Mark Rutte.",
         "CONSULT", "Egyptian foreign minister", "Mark Rutte"),
        ("Germany presented evidence against Iran.", "ACCUSE", "Germany", "Iran"),
        # … also when that noun is the passive subject
        ("Evidence against Turkey was presented by France.", "ACCUSE", "France", "Turkey"),
        # "to" parsed as a dative of the verb
        ("Merkel said she would not provide support to Turkey", "REJECT", "Merkel", "Turkey"),
        # a rejected proposal is aimed at whoever made it
        ("Japan rejected calls by China to withdraw its troops.", "REJECT", "Japan", "China"),
        # an allegation is aimed at the subject of what is alleged
        ("The French government alleged that Italy was aware of the plot.", "ACCUSE",
         "French government", "Italy"),
        # curfews are imposed on a place
        ("Turkish authorities imposed a curfew in the town of Mardin.", "COERCE",
         "Turkish authorities", "Mardin"),
    ],
)
def test_recipient_found(pipeline, text, type_, actor, recipient):
    r = run(pipeline, text)
    e = only(r, type_)
    assert actor in names(r, e.actor)
    assert recipient in names(r, e.recipient)


def test_host_is_recipient_and_visitors_act(pipeline):
    r = run(pipeline, "Egyptian officials received ministers from the Jordanian government.")
    e = only(r, "CONSULT")
    assert e.mode == "visit"
    actor = [r.actor(a) for a in e.actor]
    assert [(a.country, a.sector) for a in actor] == [("JOR", "GOV")]
    assert "Egyptian officials" in names(r, e.recipient)


def test_pronoun_subject_of_reported_clause_is_the_reporter(pipeline):
    r = run(pipeline, "Israel announced it would free 40 Palestinian prisoners.")
    e = only(r, "AGREE")
    assert "Israel" in names(r, e.actor)
    assert [r.actor(a).country for a in e.recipient] == ["PSE"]


def test_deepening_a_partnership_is_cooperation(pipeline):
    r = run(pipeline, "Chile and Peru deepened their partnership in mining last year.")
    e = only(r, "COOPERATE")
    assert {"Chile", "Peru"} <= names(r, e.actor)
    # an intended deepening is a promise of cooperation
    r = run(pipeline, "Chile and Peru are seeking to deepen a partnership in mining.")
    assert [e.type for e in r.events] == ["AGREE"]


def test_plain_object_still_wins(pipeline):
    # a named object stays the recipient (the with/for phrases add nothing)
    r = run(pipeline, "Norway praised Kenya for its reforms.")
    e = only(r, "SUPPORT")
    assert names(r, e.recipient) >= {"Kenya"}


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        # the author of a rejected proposal, also when it modifies the noun ("a UN appeal")
        ("Beirut again rejected Thursday a United Nations appeal for deploying troops.",
         "REJECT", "Beirut", "United Nations"),
        ("South Korea has rejected North Korea's demand to sever the alliance.", "REJECT",
         "South Korea", "North Korea"),
        # a day is no recipient; the place of the lifted emergency is
        ("Sudan's government on Sunday lifted a state of emergency in Kassala State.",
         "CONCEDE", "Sudan's government", "Kassala State"),
        # the place of a threatened restriction
        ("Israel threatened to ban voting in Hebron if the party ran.", "THREATEN", "Israel",
         "Hebron"),
        # withdrawn troops are the withdrawing side; the place withdrawn from is the recipient
        ("Syria says it is willing to withdraw its troops from neighboring Jordan.", "AGREE",
         "Syria", "Jordan"),
        ("The United States speeded up the withdrawal of some forces from Honduras on Wednesday.",
         "RETREAT", "forces", "Honduras"),
    ],
)
def test_recipient_of_proposals_places_and_withdrawals(pipeline, text, type_, actor, recipient):
    r = run(pipeline, text)
    e = only(r, type_)
    assert actor in names(r, e.actor)
    assert recipient in names(r, e.recipient)


def test_venue_of_promised_talks_is_no_recipient(pipeline):
    r = run(pipeline, "Kenya agreed to hold talks in Geneva.")
    e = only(r, "AGREE")
    assert e.recipient == []


def test_attack_takes_victims_and_attacker_from_the_killing(pipeline):
    r = run(pipeline, "At least four Somali civilians have been killed in a suicide car bombing "
                      "in central Mogadishu.")
    e = only(r, "ASSAULT")
    assert "Somali civilians" in names(r, e.recipient)
    r = run(pipeline, "Ethiopian aircraft killed 12 Somali villagers in an attack on a market.")
    e = only(r, "ASSAULT")
    assert "Ethiopian aircraft" in names(r, e.actor)
    assert "Somali villagers" in names(r, e.recipient)


def test_suspended_links_with_a_country(pipeline):
    r = run(pipeline, "Spain announced a suspension of air links with Morocco on Monday.")
    e = only(r, "SANCTION")
    assert "Morocco" in names(r, e.recipient)


def test_counted_victims_are_no_recipient(pipeline):
    # "6 people" identifies nobody: as a recipient it would make the victims of every attack
    # one actor, and attacks sharing it would merge (losing a toll)
    r = run(pipeline, "Six people were killed in an airstrike in Korvani on Monday.")
    e = only(r, "ASSAULT")
    assert e.recipient == [] and e.dead == 6
