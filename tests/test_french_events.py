"""French events on invented sentences: one test per construction or verb class (the rules
must hold for sentences they were not written for)."""
from __future__ import annotations

import pytest

from wirecoder.ingest import make_article
from wirecoder.schema import Report

PUB = "2024-03-13"  # a Wednesday


@pytest.fixture(scope="module")
def fr(pipeline):
    def run(text: str, published: str | None = PUB) -> Report:
        return pipeline.extract(make_article(text, published=published, language="fr"))
    return run


def names(r: Report, ids: list[str]) -> list[str]:
    return [r.actor(i).name for i in ids]


def only(r: Report, type_: str):
    evs = [e for e in r.events if e.type == type_]
    assert len(evs) == 1, [(e.type, e.mode) for e in r.events]
    return evs[0]


def test_reflexive_meeting_with_avec(fr):
    r = fr("Le ministre libanais des Affaires étrangères s'est entretenu mardi à Beyrouth "
           "avec l'émissaire américain.")
    e = only(r, "CONSULT")
    assert e.date.start == "2024-03-12" and e.location.name == "Beirut"
    assert e.actor and e.recipient and e.status == "occurred"


def test_air_strike_mode_from_the_subject(fr):
    r = fr("Lundi, des hélicoptères russes ont frappé un marché de Kharkiv.")
    e = only(r, "ASSAULT")
    assert e.mode == "aerial"
    assert e.acled.sub_event_type == "Air/drone strike"
    assert e.date.start == "2024-03-11"
    assert names(r, e.actor) == ["Russian Armed Forces"] or e.actor


def test_open_fire_with_gerund_toll_is_one_event(fr):
    r = fr("Vendredi, des soldats maliens ont ouvert le feu sur des manifestants à Bamako, "
           "tuant 3 personnes.")
    e = only(r, "ASSAULT")
    assert e.mode == "firearms" and e.dead == 3
    assert e.location.name == "Bamako"
    assert e.acled.event_type in ("Violence against civilians", "Protests")


def test_light_verb_noun_through_a_quantity_noun(fr):
    r = fr("L'armée israélienne a mené des dizaines de frappes sur Khan Younès mercredi.")
    e = only(r, "ASSAULT")
    assert names(r, e.actor) == ["Israel Defense Forces"]
    assert e.mode == "aerial" and e.location.name == "Khan Younis"
    assert e.date.start == "2024-03-13"


def test_release_noun_takes_the_holder_as_actor(fr):
    r = fr("Samedi, la Turquie a obtenu la libération de cinq marins enlevés par des pirates "
           "somaliens.")
    e = only(r, "RETREAT")
    assert e.mode == "release"
    assert r.actor(e.recipient[0]).name == "cinq marins"
    assert e.actor, "the abductors release"


def test_passive_participle_with_agent(fr):
    r = fr("Trois humanitaires enlevés par des hommes armés le 2 mars restent introuvables.")
    e = only(r, "ASSAULT")
    assert e.mode == "abduct" and e.date.start == "2024-03-02"
    assert r.actor(e.recipient[0]).name == "Trois humanitaires"


def test_talk_topic_is_not_a_separate_event(fr):
    r = fr("La Norvège négocie une trêve entre les deux camps.")
    assert [e.type for e in r.events] == ["CONSULT"]
    assert r.events[0].status == "ongoing"  # simple present: still going on


def test_anaphoric_and_framing_nouns_are_not_new_events(fr):
    r = fr("Cette attaque a choqué le pays. Pendant les combats, les habitants se sont terrés.")
    assert r.events == []


def test_consequence_of_a_strike_is_its_toll(fr):
    r = fr("Des drones ont visé une voiture près de Tyr jeudi. La frappe a tué deux hommes et "
           "blessé un enfant.")
    assert len(r.events) == 1
    e = r.events[0]
    assert e.mode == "drone" and e.dead == 2 and e.injured == 1


def test_passive_killing_without_agent_is_a_toll(fr):
    r = fr("Des avions ont bombardé le quartier mardi. Au total, 14 civils ont été tués.")
    assert len(r.events) == 1 and r.events[0].dead == 14


def test_coded_toll_overrides_the_clauses(fr):
    r = fr("Le 3 mars 2024, des rebelles ont attaqué une patrouille de l'armée près de Gao, "
           "tuant 2 soldats. Nombre indéterminé de morts, codé 7.")
    e = only(r, "ASSAULT")
    assert e.dead == 7 and e.acled.sub_event_type == "Armed clash"


@pytest.mark.parametrize("text,status", [
    ("L'armée n'a pas attaqué le village.", "negated"),
    ("Le gouvernement pourrait arrêter les opposants.", "possible"),
    ("Les rebelles attaqueront la ville.", "planned"),
    ("Ici, les colons attaquent traditionnellement les bergers.", "historical"),
])
def test_status(fr, text, status):
    r = fr(text)
    assert r.events and r.events[0].status == status


def test_coordinated_nationalities_make_two_groups(fr):
    r = fr("Les ministres français et allemand ont rencontré jeudi des responsables ukrainiens.")
    e = only(r, "CONSULT")
    assert sorted(names(r, e.actor)) == ["French minister", "German minister"] or \
        len(e.actor) == 2
    assert names(r, e.recipient) == ["Ukrainian officials"]


def test_french_names_map_to_shared_canonical_actors(fr):
    r = fr("L'Égypte a accueilli dimanche une délégation du Hezbollah au Caire.")
    e = only(r, "CONSULT")
    assert names(r, e.actor) == ["Egypt"]
    assert e.location.name == "Cairo" and e.location.country == "EGY"


def test_acled_note_label(fr):
    r = fr("Destruction de biens : le 5 mars 2024, des soldats ont démoli une maison à "
           "Naplouse.")
    assert r.events[0].acled.sub_event_type == "Looting/property destruction"
    assert r.events[0].location.name == "Nablus"


def test_arrest(fr):
    r = fr("Le 8 mars 2024, la police a arrêté une dizaine de manifestants à Alger.")
    e = only(r, "COERCE")
    assert e.mode == "arrest" and e.acled.sub_event_type == "Arrests"
    assert names(r, e.actor) == ["police"] and e.location.name == "Algiers"


def test_arrested_group_is_named_without_its_place(fr):
    r = fr("Le 20 mars 2024, les gendarmes ont arrêté 12 membres du syndicat à Abidjan.")
    e = only(r, "COERCE")
    assert names(r, e.recipient) == ["12 membres du syndicat"]


def test_purpose_clause_is_not_an_event(fr):
    r = fr("Le 5 février 2024, des manifestants ont défilé à Dakar pour dénoncer la hausse "
           "des prix.")
    assert [e.type for e in r.events] == ["PROTEST"]
    assert names(r, r.events[0].actor) == ["manifestants"]


def test_members_of_an_unknown_group_are_the_group(fr):
    r = fr("Le 9 mars 2024, des combattants du FLM ont affronté l'armée malienne près de "
           "Tombouctou.")
    e = only(r, "ASSAULT")
    assert names(r, e.actor) == ["FLM"] and names(r, e.recipient) == ["Malian army"]
    assert e.acled.sub_event_type == "Armed clash"


def test_abducted_people_are_named_without_their_place(fr):
    r = fr("Le 3 février 2024, des hommes armés ont enlevé trois infirmiers près de Kidal.")
    e = only(r, "ASSAULT")
    assert names(r, e.recipient) == ["trois infirmiers"]
    assert e.location.name == "Kidal"


def test_a_delegation_stands_for_its_head(fr):
    r = fr("Le ministre turc est arrivé lundi à Bagdad à la tête d'une délégation qui a "
           "rencontré le Premier ministre irakien.")
    e = only(r, "CONSULT")
    assert names(r, e.actor) == ["Turkish minister"]


def test_coordinated_verbs_share_their_object(fr):
    r = fr("Le 6 mars 2024, des drones russes ont visé et détruit un entrepôt à Odessa.")
    assert len(r.events) == 1
    e = r.events[0]
    assert e.mode == "drone" and e.acled.sub_event_type == "Air/drone strike"
    assert len(e.evidence) == 1


def test_acled_coded_place_is_the_note_place(fr):
    r = fr("Le 6 mars 2024, des soldats ont ouvert le feu sur des bergers près de la frontière "
           "(codé Rafah). Bilan inconnu.")
    assert r.events[0].location.name == "Rafah"


def test_a_common_noun_object_is_never_a_place(fr):
    r = fr("Le 7 mars 2024, des rebelles ont frappé un char près de Goma.")
    e = only(r, "ASSAULT")
    assert all(r.actor(a).name != "char" for a in e.recipient)
    assert all(r.actor(a).kind != "population" for a in e.recipient)


def test_fighting_told_as_such_makes_the_merged_event_a_battle(fr):
    r = fr("Le 8 mars 2024, des rebelles ont attaqué une patrouille avec des engins explosifs, "
           "puis l'ont affrontée près de Ménaka.")
    assert len(r.events) == 1
    assert r.events[0].acled.sub_event_type == "Armed clash"
