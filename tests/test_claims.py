"""Claims (extract/claims.py) on invented sentences with the real model, and the seed
targets when ../shared is present."""
from __future__ import annotations

import json

import pytest

from wirecoder.ingest import make_article

pytestmark = pytest.mark.model


def _claims(pipeline, text, published="2024-03-14"):
    report = pipeline.extract(make_article(text, published=published))
    return report, report.claims


def _one(claims, quantity, value):
    hits = [c for c in claims if c.quantity == quantity and c.value == value]
    assert len(hits) == 1, [(c.quantity, c.value) for c in claims]
    return hits[0]


def test_participle_bound_and_trailing_claimant(pipeline):
    report, claims = _claims(pipeline, "Rebels shelled the town of Varnholm on Monday, killing at "
                                       "least 12 people, local officials said.")
    c = _one(claims, "killed", 12)
    assert c.bound == "at_least"
    assert c.claimant_text == "local officials"
    assert c.claimant is not None and report.actor(c.claimant) is not None
    assert c.as_of == "2024-03-14"
    assert c.evidence and c.evidence[0].start == 0


def test_passive_and_coordinated_counts(pipeline):
    _, claims = _claims(pipeline, "Twenty-three people were killed and 30 others wounded in "
                                  "the blast at the market.")
    assert _one(claims, "killed", 23).claimant is None
    assert _one(claims, "injured", 30).bound == "exact"


def test_toll_verbs_and_according_to(pipeline):
    _, claims = _claims(pipeline, "The number of people killed in the quake rose to 2,300, "
                                  "according to state media.")
    c = _one(claims, "killed", 2300)
    assert c.claimant_text == "state media"


def test_death_toll_with_relative_attribution(pipeline):
    _, claims = _claims(pipeline, "The storm hit the port, which the coast guard said killed "
                                  "more than 40 people, mostly dockworkers.")
    c = _one(claims, "killed", 40)
    assert c.bound == "more_than"
    assert c.claimant_text == "the coast guard"
    assert any("dockworkers" in q for q in c.qualifiers)


def test_release_of_counts_released_not_hostages(pipeline):
    _, claims = _claims(pipeline, "The talks led to the release of three men who had been "
                                  "abducted by the militia in May.")
    c = _one(claims, "released", 3)
    assert c.claimant is None
    assert not [x for x in claims if x.quantity == "hostages"]


def test_agent_claimant_and_range(pipeline):
    _, claims = _claims(pipeline, "Between 10 and 20 engineers were abducted near the dam, "
                                  "the ministry reported.")
    c = _one(claims, "hostages", 10)
    assert c.bound == "range" and c.value_max == 20
    assert c.claimant_text == "the ministry"


def test_since_gives_period(pipeline):
    _, claims = _claims(pipeline, "The army said it had arrested more than 300 protesters "
                                  "since March 1.")
    c = _one(claims, "detained", 300)
    assert c.claimant_text == "The army"
    assert c.period is not None and c.period.start == "2024-03-01"


def test_non_people_figures_are_not_claims(pipeline):
    _, claims = _claims(pipeline, "Three gunmen killed a policeman. The group fired 30 rockets "
                                  "over 10 days and the council approved 12 projects.")
    assert [(c.quantity, c.value) for c in claims] == []


def test_no_publication_date_no_as_of(pipeline):
    _, claims = _claims(pipeline, "Floods displaced about 5,000 residents.", published=None)
    c = _one(claims, "displaced", 5000)
    assert c.bound == "about"
    assert c.as_of is None


def test_seed_claims(pipeline, shared_dir):
    """Seed targets: 4 claims with the gold bound and claimant (SPEC §3 names)."""
    from wirecoder.evaluate.normalize import normalize_name

    gold = json.loads((shared_dir / "eval" / "dev" / "seed.gold.jsonl").read_text().splitlines()[0])
    report = pipeline.extract(make_article(gold["text"], published=gold["published"]))
    for g in gold["claims"]:
        c = _one(report.claims, g["quantity"], g["value"])
        assert c.bound in g["bound"]
        assert c.as_of == g["as_of"]
        if not g["claimant"]:
            assert c.claimant is None and c.claimant_text is None
            continue
        actor = report.actor(c.claimant)
        names = {normalize_name(c.claimant_text or "")}
        if actor is not None:
            names |= {normalize_name(actor.name)} | {normalize_name(m.text) for m in actor.mentions}
        assert any(normalize_name(n) in names for alts in g["claimant"] for n in alts)
        if g.get("period_start"):
            assert c.period is not None and c.period.start == g["period_start"]
        if g.get("qualifiers_contain"):
            assert any(g["qualifiers_contain"] in q for q in c.qualifiers)


def test_particle_is_not_a_bound_and_refusal_is_no_release(pipeline):
    _, claims = _claims(pipeline, "The junta refused to hand over two pilots captured in May.")
    assert not [c for c in claims if c.quantity == "released"]


def test_sought_release_counts_hostages_not_released(pipeline):
    _, claims = _claims(pipeline, "Envoys want to win freedom for the release of more than 40 hostages "
                                  "held in the mountains.")
    assert [(c.quantity, c.value, c.bound) for c in claims] == [("hostages", 40, "more_than")]


def test_one_of_a_counted_group(pipeline):
    _, claims = _claims(pipeline, "The photographer is one of at least 12 journalists arrested since March.")
    assert [(c.quantity, c.value, c.bound) for c in claims] == [("detained", 12, "at_least")]


def test_participle_source_on_a_noun(pipeline):
    _, claims = _claims(pipeline, "Counts differ widely, with the radio station Kestrel FM "
                                  "saying 17 people died on Sunday.")
    c = _one(claims, "killed", 17)
    assert "Kestrel" in (c.claimant_text or "")


@pytest.mark.parametrize("text, expected", [
    ("Around 80,000 people have fled their homes in the past week.", ("displaced", 80000, "about")),
    ("At least 3 people died and 17 others were hospitalized.", ("killed", 3, "at_least")),
    ("Police arrested 23 suspects and seized 4 rifles.", ("detained", 23, "exact")),
    ("Medics said the toll from the storm stood at 63 as of Tuesday.", ("killed", 63, "exact")),
])
def test_more_shapes(pipeline, text, expected):
    _, claims = _claims(pipeline, text)
    assert expected in [(c.quantity, c.value, c.bound) for c in claims]


def test_active_perfect_subject_is_not_counted(pipeline):
    _, claims = _claims(pipeline, "Three gunmen have killed a policeman in the capital.")
    assert claims == []


def test_as_of_day(pipeline):
    _, claims = _claims(pipeline, "Medics said the toll from the storm stood at 63 as of Tuesday.")
    assert claims[0].as_of == "2024-03-12"


def test_period_between_two_dates(pipeline):
    _, claims = _claims(pipeline, "The agency recorded 312 deaths between 3 January and 9 "
                                  "February 2024 in the province.")
    c = _one(claims, "killed", 312)
    assert c.period is not None
    assert (c.period.start, c.period.end) == ("2024-01-03", "2024-02-09")


def test_human_only_verbs_count_any_person_noun(pipeline):
    _, claims = _claims(pipeline, "A gunman killed four classmates. Soldiers killed 30 cattle "
                                  "and arrested 6 herders. The crash claimed 298 lives.")
    got = [(c.quantity, c.value, c.claimant_text) for c in claims]
    assert ("killed", 4, None) in got and ("detained", 6, None) in got
    assert ("killed", 298, None) in got
    assert not [g for g in got if g[1] == 30]


@pytest.mark.model
@pytest.mark.parametrize("text, want", [
    ("Three of his sons were killed in the strike, the family said.", [("killed", 3)]),
    ("Three of the foreign victims spoke with reporters from hospital.", []),
    ("An explosion near the embassy that killed at least one person early Friday is being "
     "investigated, according to police.", [("killed", 1)]),
])
def test_partitive_counts_and_misattached_objects(pipeline, text, want) -> None:
    from wirecoder.ingest import make_article

    r = pipeline.extract(make_article(text, published="2031-03-14"))
    assert [(c.quantity, c.value) for c in r.claims] == want


@pytest.mark.model
def test_sustained_wounds_count_the_injured_and_including_is_a_qualifier() -> None:
    from wirecoder.pipeline import Pipeline

    r = Pipeline().extract("Five people sustained shrapnel wounds, the ambulance service said.",
                           published="2031-06-05")
    assert [(c.quantity, c.value) for c in r.claims] == [("injured", 5)]
    r = Pipeline().extract("Four people, including three pupils, were killed in the town.",
                           published="2031-06-05")
    assert [(c.quantity, c.value) for c in r.claims] == [("killed", 4)]
    assert r.claims[0].qualifiers == ["including three pupils"]


@pytest.mark.model
def test_people_who_are_missing_are_counted() -> None:
    from wirecoder.pipeline import Pipeline

    r = Pipeline().extract("At least four people were killed, two are missing and 30 were injured "
                           "in the blast, rescuers said.", published="2031-06-05")
    assert ("missing", 2) in [(c.quantity, c.value) for c in r.claims]


@pytest.mark.model
def test_a_count_that_rose_from_one_figure_to_another_is_two_counts() -> None:
    from wirecoder.pipeline import Pipeline
    r = Pipeline().extract("Renewed shelling raised the number of people displaced in the province "
                           "from 1.2 million to 1.4 million, according to a UN assessment.",
                           published="2031-06-05")
    got = sorted((c.quantity.value if hasattr(c.quantity, "value") else c.quantity, c.value,
                  c.bound.value if hasattr(c.bound, "value") else c.bound) for c in r.claims)
    assert got == [("displaced", 1200000, "exact"), ("displaced", 1400000, "exact")]


def test_a_figure_told_again_is_one_claim_with_both_pieces_of_evidence(pipeline):
    _, claims = _claims(pipeline, (
        "At least four people were killed in Turkish airstrikes on a village near Mosul, Iraqi "
        "officials said, a day after militants attacked a checkpoint in Kirkuk. Iraqi officials "
        "said at least four people were killed in the strikes, which hit a farm."))
    c = _one(claims, "killed", 4)
    assert len(c.evidence) == 2 and [x.id for x in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]


def test_a_toll_is_placed_where_its_incident_happened(pipeline):
    report, claims = _claims(pipeline, (
        "A day after militants attacked a checkpoint in Kirkuk, at least four people were killed "
        "in Turkish airstrikes near Mosul, officials said."))
    c = _one(claims, "killed", 4)
    assert c.location is not None and c.location.name == "Mosul"
    [struck] = [e for e in report.events if e.id == c.event]
    assert struck.dead == 4 and struck.location.name == "Mosul"
    # the earlier attack is another incident and carries no toll
    assert [e.dead for e in report.events if e.location and e.location.name == "Kirkuk"] == [None]


def test_people_behind_bars_or_taken_to_hospital_are_counted(pipeline):
    _, claims = _claims(pipeline, "Ruritania holds at least 14 reporters behind bars, the "
                                  "watchdog said.")
    assert _one(claims, "detained", 14).claimant_text == "the watchdog"
    _, claims = _claims(pipeline, "Six miners were rushed to hospital after the collapse, the "
                                  "company said.")
    _one(claims, "injured", 6)
    # a sentence's length in prison counts years, not people
    _, claims = _claims(pipeline, "The court sentenced him to 12 years in prison.")
    assert claims == []


def test_a_conjoined_singular_adds_one_to_the_count(pipeline):
    _, claims = _claims(pipeline, "Two farmers and a Danish volunteer were wounded in the "
                                  "attack, the group said.")
    _one(claims, "injured", 3)
    # a conjunct with its own figure is its own count
    _, claims = _claims(pipeline, "Two farmers and three volunteers were wounded in the "
                                  "attack, the group said.")
    assert sorted(c.value for c in claims if c.quantity == "injured") == [2, 3]


def test_a_pronoun_reporting_verb_carries_the_earlier_claimant(pipeline):
    report, claims = _claims(pipeline, "The blast killed a guard and injured at least six others, "
                                       "the Varnholm ambulance service said. Three people "
                                       "sustained shrapnel wounds, it added.")
    first, later = _one(claims, "injured", 6), _one(claims, "injured", 3)
    assert first.claimant is not None and later.claimant == first.claimant


def test_a_speaker_parsed_as_apposition_of_the_figure_is_the_claimant(pipeline):
    # the parse the model gives some long sentences: "eight others, X's … service" is one
    # subject of "said", the service an apposition of "others"
    from spacy.tokens import Doc

    from wirecoder.extract.claims import root_speaker

    words = ["It", "injured", "eight", "others", ",", "the", "Red", "Star", "service", "said", "."]
    heads = [1, 9, 3, 9, 3, 8, 7, 8, 3, 9, 9]
    deps = ["nsubj", "ccomp", "nummod", "nsubj", "punct", "det", "compound", "compound",
            "appos", "ROOT", "punct"]
    pos = ["PRON", "VERB", "NUM", "NOUN", "PUNCT", "DET", "PROPN", "PROPN", "NOUN", "VERB",
           "PUNCT"]
    doc = Doc(pipeline.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=["it", "injure", "eight", "other", ",", "the", "Red", "Star", "service",
                      "say", "."])
    assert root_speaker(doc[:]).text == "the Red Star service"
    deps[8] = "conj"  # no apposition: no speaker
    doc = Doc(pipeline.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=["it", "injure", "eight", "other", ",", "the", "Red", "Star", "service",
                      "say", "."])
    assert root_speaker(doc[:]) is None
