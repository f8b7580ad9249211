"""The per-Doc lists the whole-document scans read (extract/token_table.py) hold what the
spaCy Token attributes hold, and the cached sentences are the Doc's sentences."""
from __future__ import annotations

from wirecoder.extract.coref import span_text
from wirecoder.extract.quotes import quote_segments
from wirecoder.extract.token_table import sentences, token_table

TEXT = ("Harbour Guards detained 12 fishermen near Port Azul on Monday, the ministry said.\n\n"
        "“We were not warned,” said Ana Ruiz, who leads the Coastal Union. The UNION'S lawyers "
        "had repeatedly demanded talks since October.\nOfficials must release them, she said.")


def test_token_table_holds_the_token_attributes(nlp) -> None:
    doc = nlp(TEXT)
    table = token_table(doc)
    assert table.lemma == [t.lemma_.lower() for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.dep == [t.dep_ for t in doc]
    assert token_table(doc) is table  # made once per Doc
    assert "union's" in table.lower or "union" in table.lower


def test_an_empty_doc_has_an_empty_table(nlp) -> None:
    doc = nlp("")
    assert token_table(doc).lemma == [] and sentences(doc) == []


def test_sentences_are_the_docs_sentences_and_their_text(nlp) -> None:
    doc = nlp(TEXT)
    sents = sentences(doc)
    assert [(s.start, s.end) for s in sents] == [(s.start, s.end) for s in doc.sents]
    assert len(sents) >= 4 and sentences(doc) is sents
    assert [span_text(s) for s in sents] == [s.text for s in doc.sents]


def test_quote_segments_close_at_paragraph_ends_and_skip_scare_quotes() -> None:
    text = ('He said “we will stay here\n“until they leave” and “destroy” was '
            'the word. "Two words" here, an open " quote\n«Au revoir mes amis» „zwei Worte“'
            ' and a closing mark alone” here')
    segs = [text[a:b] for a, b in quote_segments(text)]
    assert segs == ["we will stay here", "until they leave", "Two words", "Au revoir mes amis",
                    "zwei Worte"]
    assert quote_segments(text) is not quote_segments(text)  # a fresh list for each caller
