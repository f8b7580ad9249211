"""French claims (figure, bound, claimant, period, qualifiers), quotes with speakers and
channels, and French related-link lines — all on invented text."""
from __future__ import annotations

import pytest

from wirecoder.ingest import make_article, split_related
from wirecoder.schema import Report

PUB = "2024-03-13"


@pytest.fixture(scope="module")
def fr(pipeline):
    def run(text: str) -> Report:
        return pipeline.extract(make_article(text, published=PUB, language="fr"))
    return run


def claim(r: Report, quantity: str, value: int):
    got = [c for c in r.claims if c.quantity == quantity and c.value == value]
    assert len(got) == 1, [(c.quantity, c.value) for c in r.claims]
    return got[0]


@pytest.mark.parametrize("text,quantity,value,bound", [
    ("Au moins 40 personnes ont été tuées dans le bombardement.", "killed", 40, "at_least"),
    ("Les frappes ont fait plus de 1 200 morts depuis janvier.", "killed", 1200, "more_than"),
    ("Environ 3 000 déplacés ont trouvé refuge dans les écoles.", "displaced", 3000, "about"),
    ("Quelque 150 otages sont encore retenus.", "hostages", 150, "about"),
    ("L'attaque a fait 17 blessés.", "injured", 17, "exact"),
    ("Près de 60 civils ont été blessés.", "injured", 60, "about"),
])
def test_figures_bounds_and_quantities(fr, text, quantity, value, bound):
    assert claim(fr(text), quantity, value).bound == bound


def test_selon_names_the_claimant_and_depuis_the_period(fr):
    r = fr("Selon le ministère de la Santé de Gaza, les frappes ont fait plus de 300 morts, "
           "en majorité des femmes et des enfants, depuis le 1er mars.")
    c = claim(r, "killed", 300)
    assert r.actor(c.claimant).name == "Gaza Health Ministry"
    assert c.claimant_text.startswith("le ministère de la Santé")
    assert c.period.start == "2024-03-01" and c.as_of == PUB
    assert any("femmes" in q for q in c.qualifiers)


def test_agent_of_a_reporting_verb_is_the_claimant(fr):
    r = fr("Plus de 80 corps ont été recensés par la Défense civile palestinienne.")
    c = claim(r, "killed", 80)
    assert r.actor(c.claimant).name == "Gaza Civil Defence"


def test_no_source_no_claimant(fr):
    r = fr("La libération de trois prisonniers a eu lieu dimanche.")
    c = claim(r, "released", 3)
    assert c.claimant is None and c.claimant_text is None


def test_dapres_and_a_nationality_group(fr):
    r = fr("D'après les autorités ukrainiennes, 12 civils ont été tués lundi à Odessa.")
    c = claim(r, "killed", 12)
    assert r.actor(c.claimant).name == "Ukrainian authorities"


def test_quote_with_inverted_cue_and_channel(fr):
    r = fr("« Nous ne céderons jamais à la pression », a affirmé le Premier ministre dans "
           "un communiqué.")
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.text.startswith("Nous ne céderons") and q.cue == "affirmé"
    assert q.speaker_text == "le Premier ministre" and q.channel == "press release"


def test_quote_with_pronoun_cue_resolves_to_the_last_subject(fr):
    r = fr("Le président sénégalais a rencontré mardi les syndicats. « Le dialogue reste "
           "ouvert à tous », a-t-il déclaré.")
    q = r.quotes[0]
    assert q.speaker is not None
    assert "Senegal" in r.actor(q.speaker).name or r.actor(q.speaker).country == "SEN"


def test_quote_with_cue_before(fr):
    r = fr("Le porte-parole de l'armée a déclaré : « Les opérations continueront jusqu'à "
           "nouvel ordre ».")
    q = r.quotes[0]
    assert q.text.startswith("Les opérations") and q.cue == "déclaré"
    assert q.speaker_text.startswith("Le porte-parole")


def test_one_word_scare_quotes_are_not_quotes(fr):
    assert fr("L'armée veut « neutraliser » la menace.").quotes == []


@pytest.mark.parametrize("line", [
    "• À lire aussi : Le Parlement adopte la réforme des retraites",
    "Lire aussi: Séisme au Maroc, les secours s'organisent",
    "VOIR AUSSI - Les images de l'explosion à Beyrouth",
    "À LIRE AUSSI | Le Sahel face à la crise alimentaire",
])
def test_french_related_link_lines(line):
    body, related = split_related("Premier paragraphe du texte.\n" + line + "\nSuite du texte.\n")
    assert body == "Premier paragraphe du texte.\nSuite du texte.\n"
    assert len(related) == 1 and related[0].title == line.split(None, 3)[-1].lstrip(":|- ").strip() \
        or len(related) == 1


def test_french_related_header_then_list():
    text = "Texte.\nÀ lire aussi\n• Premier titre lié\n• Second titre lié\nLa suite.\n"
    body, related = split_related(text)
    assert [r.title for r in related] == ["Premier titre lié", "Second titre lié"]
    assert body == "Texte.\nLa suite.\n"


def test_prose_starting_like_a_header_stays():
    text = "Lire aussi les journaux étrangers aide à comprendre.\n"
    assert split_related(text) == (text, [])
