"""Language identification in ingest (py3langid) and what the pipeline does with it:
French goes to the French extractors, a language we do not code gets W110 and no events."""
from __future__ import annotations

import json
import logging

import pytest

from wirecoder.ingest import iter_articles, make_article
from wirecoder.ingest.language import detect_language, is_coded, normalize_language

EN = "Rebels attacked an army base near the northern town on Sunday, officials said."
FR = "Les rebelles ont attaqué dimanche une base de l'armée près de la ville du nord, selon des responsables."
DE = "Die Rebellen griffen am Sonntag einen Stützpunkt der Armee in der Nähe der Stadt an."
AR = "هاجم المتمردون قاعدة للجيش قرب المدينة الشمالية يوم الأحد"


@pytest.mark.parametrize("text,lang", [(EN, "en"), (FR, "fr"), (DE, "de"), (AR, "ar")])
def test_detects_the_language_of_a_news_sentence(text, lang):
    assert detect_language(text) == lang


def test_short_or_name_heavy_text_falls_back_to_a_coded_language():
    assert detect_language("Gaza") == "en"  # too few letters to tell
    # names mislead py3langid (top guess Malay, low probability): stay with a coded language
    assert detect_language("Netanyahu met Biden in Washington.") in ("en", "fr")


def test_normalize_language_tags():
    assert normalize_language("fr-FR") == "fr"
    assert normalize_language("French") == "fr"
    assert normalize_language("EN_us") == "en"
    assert normalize_language("") is None
    assert is_coded("fr") and is_coded(None) and not is_coded("de")


def test_make_article_identifies_the_language_unless_given():
    assert make_article(FR).language == "fr"
    assert make_article(EN).language == "en"
    assert make_article(FR, language="en").language == "en"


def test_iter_articles_forces_a_language(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in
                              enumerate([EN, FR])) + "\n", encoding="utf-8")
    got = [a.language for a in iter_articles(str(path))]
    assert got == ["en", "fr"]
    forced = [a.language for a in iter_articles(str(path), language="fr")]
    assert forced == ["fr", "fr"]


def test_corpus_language_field_wins_over_identification(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "x", "text": FR, "language": "en-GB"}) + "\n",
                    encoding="utf-8")
    assert [a.language for a in iter_articles(str(path))] == ["en"]


def test_uncoded_language_gets_a_warning_and_no_events(pipeline, caplog):
    article = make_article("Am Montag griffen Soldaten das Dorf an und töteten zwölf Menschen. "
                           "Die Regierung verurteilte den Angriff scharf.", published="2024-05-06")
    assert article.language == "de"
    with caplog.at_level(logging.WARNING, logger="wirecoder.ingest.language"):
        report = pipeline.extract(article)
    assert report.events == [] and report.claims == [] and report.quotes == []
    assert any("[W110]" in r.getMessage() and "'de'" in r.getMessage() for r in caplog.records)
    # the same text forced to English is run through the English rules (no warning)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="wirecoder.ingest.language"):
        pipeline.extract(article.model_copy(update={"language": "en"}))
    assert not any("[W110]" in r.getMessage() for r in caplog.records)


def test_extract_many_keeps_order_across_languages(pipeline):
    arts = [make_article(t, published="2024-05-06") for t in (EN, FR, DE, EN)]
    reports = list(pipeline.extract_many(arts, batch_size=2))
    assert [r.article.language for r in reports] == ["en", "fr", "de", "en"]
    assert [r.article.id for r in reports] == [a.id for a in arts]
    assert reports[2].events == []
    assert reports[1].events and reports[1].events[0].type == "ASSAULT"


def test_cli_extract_language_flag_and_warning(tmp_path, monkeypatch, capsys):
    import sys

    from wirecoder.cli import main

    def run() -> None:
        try:
            main()
        except SystemExit as e:
            assert not e.code

    path = tmp_path / "de.txt"
    path.write_text(DE + "\n", encoding="utf-8")
    # dated, so the only warning is the language's (an undated text also gets one for its
    # unresolvable relative dates)
    monkeypatch.setattr(sys, "argv", ["wirecoder", "extract", str(path), "--published", "2031-01-05"])
    run()
    out, err = capsys.readouterr()
    assert json.loads(out)["events"] == [] and "[W110]" in err and "1 warning" in err
    fr = tmp_path / "fr.txt"
    fr.write_text(FR + "\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["wirecoder", "extract", str(fr), "--language", "de"])
    run()
    out, err = capsys.readouterr()
    assert json.loads(out)["article"]["language"] == "de" and "[W110]" in err


def test_every_dev_text_is_identified_in_its_language(shared_dir):
    """Measured on the dev sets: English notes and articles stay English (Nigerian Pidgin, a
    close variety py3langid proposes for a few ACLED notes, counts as English)."""
    dev = shared_dir / "eval" / "dev"
    for name in ("acled_gaza_dev", "case2021_dev", "plover_gsr_dev", "petr2_gsr_dev",
                 "polnear_dev", "acled_gaza_fr_dev"):
        for line in (dev / f"{name}.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            assert detect_language(d["text"]) == d.get("language", "en"), (name, d["id"])


def test_model_registry_per_language(monkeypatch):
    from wirecoder.errors import ModelNotFound
    from wirecoder.nlp import load_model, resolve_model_name

    assert resolve_model_name(language="fr").startswith("fr_core_news_")
    with pytest.raises(ModelNotFound) as e:
        resolve_model_name(language="de")
    assert e.value.code == "E010"
    monkeypatch.setenv("WIRECODER_MODEL_FR", "fr_core_news_xx_missing")
    with pytest.raises(ModelNotFound):
        resolve_model_name(language="fr")
    monkeypatch.delenv("WIRECODER_MODEL_FR")
    en, fr = load_model(), load_model(None, "fr")  # both live in one process
    assert en.lang == "en" and fr.lang == "fr"
    assert load_model(None, "fr") is fr  # loaded once
    doc = fr("« Le chef est arrivé », a-t-il dit.\n• À lire aussi")
    assert doc[1].is_sent_start is False  # an opening quote keeps its words
