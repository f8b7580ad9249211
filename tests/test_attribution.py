"""Attribution helpers (extract/attribution.py): cues on the path of a clause, kinds,
event attribution, lexicon extension by users."""
from __future__ import annotations

import pytest

from wirecoder.extract import attribution as attr
from wirecoder.extract.actors import build_actor_table
from wirecoder.extract.context import ExtractionContext, parse_published
from wirecoder.ingest import make_article


def _ctx(nlp, text):
    article = make_article(text, published="2024-01-20")
    doc = nlp(article.text)
    return ExtractionContext(doc=doc, article=article, published=parse_published(article.published),
                             actors=build_actor_table(doc, article))


def _tok(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.model
def test_sources_on_path_innermost_first(nlp):
    ctx = _ctx(nlp, "Police stormed the camp, the governor said, according to a local radio station.")
    srcs = attr.sources_on_path(_tok(ctx.doc, "stormed"))
    assert [s.speaker.text for s in srcs] == ["the governor", "a local radio station"]
    assert srcs[1].text == "according to a local radio station"


@pytest.mark.model
def test_agent_of_report_verb(nlp):
    ctx = _ctx(nlp, "Forty bodies were identified by the coroner's office.")
    srcs = attr.sources_on_path(_tok(ctx.doc, "bodies"))
    assert srcs and srcs[0].speaker.text == "the coroner's office"


@pytest.mark.model
def test_event_attribution_kinds(nlp):
    ctx = _ctx(nlp, "The Pellan army shelled the border post on Friday, according to a person "
                    "familiar with the talks.")
    out = attr.attribute(ctx, _tok(ctx.doc, "shelled"))
    assert len(out) == 1
    assert out[0].kind == "anonymous"
    assert out[0].text == "according to a person familiar with the talks"


@pytest.mark.model
def test_self_attribution(nlp):
    ctx = _ctx(nlp, "Greenpeace said it blocked the tanker in the harbour.")
    actor = ctx.actors.find("Greenpeace")
    out = attr.attribute(ctx, _tok(ctx.doc, "blocked"), actor_ids=[actor] if actor else [])
    assert out and out[0].source == actor and out[0].kind == "self"


@pytest.mark.model
def test_channel(nlp):
    ctx = _ctx(nlp, "The port will reopen next week, the minister said in a press release.")
    (src,) = [s for s in attr.sentence_sources(next(ctx.doc.sents))]
    assert src.channel == "press release"
    assert "The port will reopen next week" in src.content.text


def test_user_lexicon_extends_ours(tmp_path, monkeypatch):
    (tmp_path / "quote_cues_local.yaml").write_text("reporting_verbs: [harrumph]\n")
    monkeypatch.setenv("WIRECODER_LEXICONS", str(tmp_path))
    attr.load_lexicon.cache_clear()
    try:
        lex = attr.load_lexicon("quote_cues")
        assert "harrumph" in lex["reporting_verbs"] and "say" in lex["reporting_verbs"]
    finally:
        monkeypatch.delenv("WIRECODER_LEXICONS")
        attr.load_lexicon.cache_clear()


def test_user_lexicon_merges_nested_lists(tmp_path, monkeypatch):
    (tmp_path / "claims_local.yaml").write_text("governors:\n  killed: [obliterate]\n")
    monkeypatch.setenv("WIRECODER_LEXICONS", str(tmp_path))
    attr.load_lexicon.cache_clear()
    try:
        killed = attr.load_lexicon("claims")["governors"]["killed"]
        assert "obliterate" in killed and "kill" in killed
    finally:
        monkeypatch.delenv("WIRECODER_LEXICONS")
        attr.load_lexicon.cache_clear()
