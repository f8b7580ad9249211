"""Actors: names, knowledge base, role phrases, coreference (invented sentences, real model)."""
from __future__ import annotations

import pytest

from wirecoder.extract.actors import ActorTable, build_actor_table
from wirecoder.extract.kb import country_code, kb_lookup, role_of


def _span(doc, text: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None
    return span


def _resolve(table: ActorTable, doc, text: str, nth: int = 0):
    return [table.get(i) for i in table.resolve_span(_span(doc, text, nth))]


def test_kb_and_lexicons() -> None:
    assert country_code("Qatari") == "QAT" and country_code("Americans") == "USA"
    assert country_code("Britain") == "GBR"
    hz = kb_lookup("Hizbollah")
    assert hz is not None and hz.name == "Hezbollah" and hz.sector == "REB"
    role, n = role_of(["Israeli", "foreign", "minister"])
    assert role is not None and role.sector == "GOV" and n == 2


def test_names_titles_and_surnames(nlp) -> None:
    doc = nlp("General Tariq Mansour met envoys in Amman. Mansour later flew home.")
    table = build_actor_table(doc)
    people = [a for a in table.actors if a.kind == "person"]
    assert len(people) == 1
    assert people[0].name == "Tariq Mansour"
    assert people[0].sector == "MIL"  # from the title
    assert {m.text for m in people[0].mentions} >= {"Tariq Mansour", "Mansour"}


def test_kb_person_affiliation_needs_the_org_in_the_report(nlp) -> None:
    doc = nlp("Hezbollah chief Hassan Nasrallah gave a speech on Friday.")
    table = build_actor_table(doc)
    nas = table.get(table.find("Hassan Nasrallah"))
    hez = table.find("Hezbollah")
    assert nas is not None and hez is not None and nas.affiliation == hez
    assert nas.country == "LBN"
    doc2 = nlp("Hassan Nasrallah gave a speech on Friday.")
    alone = build_actor_table(doc2)
    assert alone.get(alone.find("Nasrallah")).affiliation is None


def test_apposition_gives_the_role_phrase_to_the_person(nlp) -> None:
    doc = nlp("The governor of the northern province met the commander of the border guard. "
              "Officials said the talks with the commander of the border guard, Colonel "
              "Rashid Okonkwo, went well.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "the commander of the border guard")
    assert [a.name for a in got] == ["Rashid Okonkwo"]


def test_leader_role_resolves_to_kb_office_holder_named_in_article(nlp) -> None:
    doc = nlp("The head of the Mossad travelled to Cairo on Monday. David Barnea met "
              "Egyptian officials there.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "The head of the Mossad")
    assert [a.name for a in got] == ["David Barnea"]


def test_leader_role_without_holder_is_its_own_actor(nlp) -> None:
    doc = nlp("The head of Jordanian intelligence arrived in Paris.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "The head of Jordanian intelligence")
    assert len(got) == 1 and got[0].country == "JOR" and got[0].sector == "SPY"


def test_coordinated_demonyms_make_two_actors(nlp) -> None:
    doc = nlp("French and German defence officials met Turkish diplomats in Geneva.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "French and German defence officials")
    assert sorted(a.country for a in got) == ["DEU", "FRA"]
    assert all(a.sector == "GOV" for a in got)
    assert all("French and German defence officials" in {m.text for m in a.mentions}
               for a in got)
    turks = _resolve(table, doc, "Turkish diplomats")
    assert len(turks) == 1 and turks[0].country == "TUR" and turks[0].kind == "group"


def test_possessive_movement_and_descriptions_resolve_to_the_org(nlp) -> None:
    doc = nlp("Hezbollah leader Hassan Nasrallah warned that his movement would respond. "
              "The Shiite movement has fought Israel before. Hezbollah fighters fired "
              "rockets.")
    table = build_actor_table(doc)
    hez = table.find("Hezbollah")
    assert [a.id for a in _resolve(table, doc, "his movement")] == [hez]
    assert [a.id for a in _resolve(table, doc, "The Shiite movement")] == [hez]
    assert [a.id for a in _resolve(table, doc, "Hezbollah fighters")] == [hez]


def test_pronoun_after_quote_skips_names_inside_the_quote(nlp) -> None:
    doc = nlp("Foreign Minister Amina Diallo spoke to reporters in Dakar.\n"
              "\u201cWe told Omar Sy that the border stays open,\u201d she said.")
    table = build_actor_table(doc)
    she = next(t for t in doc if t.lower_ == "she")
    got = [table.get(i).name for i in table.resolve_span(doc[she.i:she.i + 1])]
    assert got == ["Amina Diallo"]


def test_state_actors_and_sectors(nlp) -> None:
    doc = nlp("Tunisia's court jailed two bloggers, and the army deployed troops while police "
              "dispersed protesters.")
    table = build_actor_table(doc)
    court = _resolve(table, doc, "Tunisia's court")
    assert len(court) == 1 and (court[0].country, court[0].sector) == ("TUN", "JUD")
    army = _resolve(table, doc, "the army")
    assert army[0].sector == "MIL"
    police = _resolve(table, doc, "police")
    assert police[0].sector == "COP"
    protesters = _resolve(table, doc, "protesters")
    assert protesters[0].kind == "group" and protesters[0].sector == "OPP"
    tunisia = table.get(table.find("Tunisia"))
    assert tunisia is None or (tunisia.kind == "state" and tunisia.country == "TUN")


@pytest.mark.parametrize("phrase,name,kind", [
    ("Three Kenyan nurses", "Kenyan nurses", "population"),
    ("dozens of civilians", "civilians", "population"),
])
def test_descriptive_groups(nlp, phrase: str, name: str, kind: str) -> None:
    doc = nlp(f"{phrase} were evacuated from the area on Monday.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, phrase)
    assert len(got) == 1 and got[0].name.lower() == name.lower()
    assert got[0].kind in (kind, "group")


def test_place_suffix_is_a_longer_mention(nlp) -> None:
    doc = nlp("Rebels in Chad rejected the offer.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "Rebels")
    assert got[0].country == "TCD" and got[0].sector == "REB"
    assert "Rebels in Chad" in {m.text for m in got[0].mentions}


def test_resolution_is_stable_and_locative_places_are_not_actors(nlp) -> None:
    doc = nlp("Qatari mediators met Hamas officials in Doha.")
    table = build_actor_table(doc)
    assert table.find("Doha") is None  # a place here, not an actor
    first = table.resolve_span(_span(doc, "Qatari mediators"))
    again = table.resolve_span(_span(doc, "Qatari mediators"))
    assert first == again and len(first) == 1
    hamas = _resolve(table, doc, "Hamas officials")
    assert [a.name for a in hamas] == ["Hamas"]


def test_seed_actors(shared_dir, nlp) -> None:
    """Seed targets of the actor part: role phrase → named person, demonym coordination,
    'his movement' (reads ../shared; skipped when absent)."""
    text = (shared_dir / "seed" / "000_80f3a052ce98dedf.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    table = build_actor_table(doc)
    recipient = _resolve(table, doc, "the head of Egyptian intelligence")
    assert [a.name for a in recipient] == ["Abbas Kamel"]
    assert recipient[0].country == "EGY"
    chiefs = _resolve(table, doc, "Israeli and American intelligence chiefs")
    assert sorted(a.country for a in chiefs) == ["ISR", "USA"]
    movement = _resolve(table, doc, "his movement")
    assert [a.name for a in movement] == ["Hamas"]
    haniyeh = table.get(table.find("Ismail Haniyeh"))
    assert haniyeh is not None and haniyeh.affiliation == movement[0].id


def test_it_refers_to_an_unnamed_subject_but_not_an_expletive(nlp) -> None:
    doc = nlp("The Malian army said it had repelled an attack. It is unclear who fired first.")
    table = build_actor_table(doc)
    its = [t for t in doc if t.lower_ == "it"]
    first = [table.get(i) for i in table.resolve_span(doc[its[0].i:its[0].i + 1])]
    assert len(first) == 1 and first[0].country == "MLI" and first[0].sector == "MIL"
    assert table.resolve_span(doc[its[1].i:its[1].i + 1]) == []


def test_sector_of_generic_and_specific_heads(nlp) -> None:
    doc = nlp("Pakistani intelligence officials said government forces fired first.")
    table = build_actor_table(doc)
    assert _resolve(table, doc, "Pakistani intelligence officials")[0].sector == "SPY"
    assert _resolve(table, doc, "government forces")[0].sector == "MIL"


def test_role_from_an_institution_and_apposed_title(nlp) -> None:
    doc = nlp("Envoys from the Chilean government met the French commander in Mali, "
              "General Pierre Dubois, on Friday.")
    table = build_actor_table(doc)
    envoys = _resolve(table, doc, "Envoys from the Chilean government")
    assert len(envoys) == 1 and envoys[0].country == "CHL"
    dubois = table.get(table.find("Pierre Dubois"))
    assert dubois is not None and (dubois.country, dubois.sector) == ("FRA", "MIL")


def test_possessive_pronoun_with_member_noun(nlp) -> None:
    doc = nlp("Armenia said it would pull back its troops from the border.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "its troops")
    assert len(got) == 1 and (got[0].country, got[0].sector) == ("ARM", "MIL")
    doc2 = nlp("Hezbollah said its fighters had withdrawn.")
    table2 = build_actor_table(doc2)
    assert [a.name for a in _resolve(table2, doc2, "its fighters")] == ["Hezbollah"]


def test_link_lines_name_no_actors(nlp) -> None:
    doc = nlp("Kenya's president visited Mombasa on Monday.\n"
              "• Also read: Hezbollah fires rockets at Haifa\n"
              "He met local officials.")
    table = build_actor_table(doc)
    assert table.find("Hezbollah") is None


def test_generic_head_also_names_its_institution(nlp) -> None:
    doc = nlp("Angry Peruvian intelligence officials shared files with Chile.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "Angry Peruvian intelligence officials")
    assert len(got) == 1 and got[0].name == "Peruvian intelligence officials"
    texts = {m.text for m in got[0].mentions}
    assert "Peruvian intelligence" in texts and (got[0].country, got[0].sector) == ("PER", "SPY")


def test_government_of_a_person_is_the_person(nlp) -> None:
    doc = nlp("The government of President Alpha Conde declared a curfew.")
    table = build_actor_table(doc)
    assert [a.name for a in _resolve(table, doc, "The government of President Alpha Conde")] \
        == ["Alpha Conde"]


def test_a_report_speaks_for_its_author_or_country(nlp) -> None:
    text = "A 300-page report released Monday in the Kenyan capital alleged that Uganda lied."
    doc = nlp(text)
    table = build_actor_table(doc)
    got = _resolve(table, doc, "A 300-page report")
    assert [(a.name, a.kind, a.country) for a in got] == [("Kenya", "state", "KEN")]
    doc2 = nlp("A report by Amnesty International accused the army of torture.")
    table2 = build_actor_table(doc2)
    got2 = _resolve(table2, doc2, "A report by Amnesty International")
    assert [a.name for a in got2] == ["Amnesty International"]


def test_title_refers_back_to_the_named_person(nlp) -> None:
    doc = nlp("Former President Lena Hart toured the port. Later the former president met "
              "dock workers.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "the former president")
    assert [a.name for a in got] == ["Lena Hart"]


def test_resolve_span_never_fails_on_odd_spans(nlp) -> None:
    text = ("“We will not leave,” they said. It rained. — The (unnamed) group, which "
            "Gen. Ode Ama's men joined on 3 May, and its allies in Tchad's north fired "
            "at them… 12 were hurt.\n• Also read: x\n\n")
    doc = nlp(text)
    table = build_actor_table(doc)
    for n in (1, 2, 3, 5):
        for i in range(0, len(doc) - n + 1):
            ids = table.resolve_span(doc[i:i + n])
            assert all(table.get(x) is not None for x in ids)
    for chunk in doc.noun_chunks:
        table.resolve_span(chunk)
    assert table.resolve_span(doc[0:0]) == []
    empty = build_actor_table(nlp(""))
    assert empty.actors == []


def test_titled_name_and_counted_place_phrase_are_mentions(nlp) -> None:
    doc = nlp("President Ana Ruiz met envoys. Seven opposition parties in Peru called a strike.")
    table = build_actor_table(doc)
    ruiz = table.get(table.find("Ana Ruiz"))
    assert ruiz is not None and "President Ana Ruiz" in {m.text for m in ruiz.mentions}
    got = _resolve(table, doc, "Seven opposition parties")
    texts = {m.text for m in got[0].mentions}
    assert "opposition parties in Peru" in texts and got[0].country == "PER"


def test_us_is_not_a_pronoun_and_misparsed_phrases_keep_their_subject(nlp) -> None:
    text = "The US rejected the plan, and the Red Cross operating in Yemen said so."
    doc = nlp(text)
    table = build_actor_table(doc)
    assert [a.name for a in _resolve(table, doc, "The US")] == ["United States"]
    red = _resolve(table, doc, "the Red Cross operating in Yemen")
    assert [a.name for a in red] == ["International Committee of the Red Cross"]
    doc2 = nlp("Officials rejected Israeli demands.")
    table2 = build_actor_table(doc2)
    got = _resolve(table2, doc2, "Israeli")
    assert [(a.name, a.kind) for a in got] == [("Israel", "state")]


def test_he_said_after_a_long_quote(nlp) -> None:
    doc = nlp("Her uncle Tomas Vidal spoke at the vigil.\n"
              "\u201cShe was brave. She wrote every day. She loved the sea. She wanted to "
              "study. We miss her,\u201d he said.")
    table = build_actor_table(doc)
    he = next(t for t in doc if t.lower_ == "he")
    assert [table.get(i).name for i in table.resolve_span(doc[he.i:he.i + 1])] == ["Tomas Vidal"]


def test_bare_surname_joins_the_person_whatever_ner_says(nlp) -> None:
    doc = nlp("Pollster Pat Kowalczyk spoke on Monday. \u201cIt is close,\u201d said Kowalczyk. "
              "Kowalczyk went on to discuss turnout.")
    table = build_actor_table(doc)
    pat = table.get(table.find("Pat Kowalczyk"))
    assert pat is not None
    assert sum(m.text == "Kowalczyk" for m in pat.mentions) == 2
    assert [a for a in table.actors if a.name == "Kowalczyk"] == []


def test_kb_one_word_aliases_are_case_sensitive(nlp) -> None:
    doc = nlp("The fire burns as a gallant crew fights it. Blinken flew to Doha.")
    table = build_actor_table(doc)
    assert table.find("William Burns") is None and table.find("Yoav Gallant") is None
    assert table.find("Antony Blinken") is not None


def test_kb_extension_file_people_link_to_their_organisation(nlp) -> None:
    doc = nlp("IDF spokesman Daniel Hagari said the army struck 40 targets.")
    table = build_actor_table(doc)
    hagari = table.get(table.find("Daniel Hagari"))
    idf = table.find("Israel Defense Forces")
    assert hagari is not None and idf is not None and hagari.affiliation == idf
    assert (hagari.country, hagari.sector) == ("ISR", "MIL")


def test_role_in_an_organisation_resolves_to_its_titled_member(nlp) -> None:
    doc = nlp("Hezbollah spokesman Ali Fawaz denied the report. Later the Hezbollah spokesman "
              "said talks had failed.")
    table = build_actor_table(doc)
    got = _resolve(table, doc, "the Hezbollah spokesman")
    assert [a.name for a in got] == ["Ali Fawaz"]


def test_she_skips_a_man_known_by_his_first_name(nlp) -> None:
    doc = nlp("Envoy Sarah Olsen met Ahmed Karimi in Oslo. Karimi left early, and she "
              "stayed for the talks.")
    table = build_actor_table(doc)
    she = next(t for t in doc if t.lower_ == "she")
    assert [table.get(i).name for i in table.resolve_span(doc[she.i:she.i + 1])] == \
        ["Sarah Olsen"]
