"""The per-Doc lists the whole-document scans read (extract/token_table.py) hold what the
spaCy Token attributes hold, and the cached sentences are the Doc's sentences."""
from __future__ import annotations

from wirecoder.extract.coref import span_text
from wirecoder.extract.quotes import quote_segments
from wirecoder.extract.token_table import (char_offsets, children, dependents, depth, entities,
                                          entity_types, positions, sentence_of,
                                          sentences, token_table)

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
    assert table.punct == [t.is_punct for t in doc]
    assert table.space == [t.is_space for t in doc]
    assert any(table.punct) and any(table.space)  # "," and the blank line
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


def test_sentence_of_is_the_tokens_sentence(nlp) -> None:
    doc = nlp("Rebels shelled the town. Two died.\n\nThe army said it would respond. Talks resume.")
    assert [(sentence_of(doc, t.i).start, sentence_of(doc, t.i).end) for t in doc] == \
        [(t.sent.start, t.sent.end) for t in doc]


def test_entities_are_the_docs_entities_made_once(nlp) -> None:
    doc = nlp(TEXT)
    ents = entities(doc)
    assert [(e.start, e.end, e.label_) for e in ents] == \
        [(e.start, e.end, e.label_) for e in doc.ents]
    assert ents and entities(doc) is ents


def test_quote_segments_close_at_paragraph_ends_and_skip_scare_quotes() -> None:
    text = ('He said “we will stay here\n“until they leave” and “destroy” was '
            'the word. "Two words" here, an open " quote\n«Au revoir mes amis» „zwei Worte“'
            ' and a closing mark alone” here')
    segs = [text[a:b] for a, b in quote_segments(text)]
    assert segs == ["we will stay here", "until they leave", "Two words", "Au revoir mes amis",
                    "zwei Worte"]
    assert quote_segments(text) is not quote_segments(text)  # a fresh list for each caller


# ---- speed helpers that must answer exactly what the slower code answered (issue 11) ----

def test_has_cue_answers_what_the_ngram_set_answers(nlp) -> None:
    """has_cue builds 2-/3-grams only where a word begins a vocabulary entry; the answer
    must be the one the full n-gram set gives, for token lists and for whole sentences."""
    from wirecoder.extract.acled import _grams, has_cue

    doc = nlp("Militiamen fired anti - tank rockets at a checkpoint near the old mill, and "
              "the cease fire held until the river crossing closed.")
    table = token_table(doc)
    vocabs = [frozenset({"anti-tank"}), frozenset({"anti - tank rocket"}),
              frozenset({"ceasefire"}), frozenset({"cease fire hold"}), frozenset({"river crossing"}),
              frozenset({"old mill"}), frozenset({"tank"}), frozenset({"fire"}),
              frozenset({"rocket launcher", "mill pond"}), frozenset({"militiaman"}),
              frozenset({"near the", "checkpoint near the"}), frozenset()]
    runs = [list(doc), list(doc[2:7]), [doc[3], doc[1], doc[5]], [doc[0]]]
    for vocab in vocabs:
        for run in runs:
            want = not frozenset(_grams([table.lemma[t.i] for t in run],
                                        [table.lower[t.i] for t in run], 3)).isdisjoint(vocab)
            assert has_cue(run, vocab) is want, (vocab, [t.text for t in run])
        sent = next(iter(doc.sents))
        assert has_cue(sent, vocab) is has_cue(list(sent), vocab)
    assert has_cue(list(doc), frozenset({"anti-tank"})) and has_cue(list(doc), frozenset({"ceasefire"}))
    assert not has_cue([], frozenset({"tank"})) and not has_cue(doc[0:0], frozenset({"tank"}))


def test_actor_table_overlap_and_covering_follow_table_order(nlp) -> None:
    """ActorTable.at / _covering look only at mentions that can reach the offsets; they must
    still give every overlapping actor in table order, and the first actor whose name
    mention covers a token."""
    from wirecoder.extract.actors import ActorTable

    doc = nlp("The Harbour Guard of Port Azul met the Coastal Union in Port Azul on Monday.")
    table = ActorTable(doc)
    guard = table.add("Harbour Guard of Port Azul", "organization", mention=(4, 30, "Harbour Guard of Port Azul"))
    port = table.add("Port Azul", "state", mention=(21, 30, "Port Azul"))
    union = table.add("Coastal Union", "organization", mention=(39, 52, "Coastal Union"))
    table.add_mention(port, 56, 65, "Port Azul")
    table.add_mention(union, 0, 3, "The", name=False)  # a resolved phrase, not a name
    assert table.at(22, 25) == [guard, port]
    assert table.at(0, 80) == [guard, port, union]
    assert table.at(31, 38) == []
    assert table.at(60, 61) == [port]
    covering = {t.i: table._covering(t) for t in doc}
    azul = next(t for t in doc if t.text == "Azul")
    assert covering[azul.i] == guard  # both cover it: the earlier actor in the table wins
    assert covering[0] is None  # "The" is only a resolved phrase of the union
    assert covering[next(t.i for t in doc if t.text == "Union")] == union
    assert covering[[t.i for t in doc if t.text == "Azul"][-1]] == port


def test_date_regex_matches_as_its_patterns_alternated() -> None:
    """The compiled date regex tests \\b(?=\\w) once before the alternatives: it must find
    exactly what the plain alternation of the patterns finds."""
    import re

    from wirecoder.extract import dates

    plain = re.compile("|".join(f"(?P<{n}>{rx})" for n, rx in dates._PATTERNS))
    text = ("On Monday, 12 March 2024, the talks (since October 7) resumed; between 3 and 5 "
            "May they paused. Late October, last week, two days ago, in 2019, by June, "
            "2024-03-12, Oct. 7, early-March, the day before yesterday, tonight. Mayday 1999x")
    got = [(m.span(), m.lastgroup, m.groups()) for m in dates._RX.finditer(text)]
    want = [(m.span(), m.lastgroup, m.groups()) for m in plain.finditer(text)]
    assert got == want and len(got) >= 12


def test_date_matches_tried_at_word_starts_are_finditers() -> None:
    """find_dates tries the pattern only at runs of word characters that can open one of its
    alternatives: the same matches as finditer, also for words glued to a month, Unicode
    digits and the characters IGNORECASE folds to ASCII letters."""
    import random

    from wirecoder.extract import dates

    words = ["on", "Monday", "mid", "-", "October", "12", "3rd", "of", "March", "2024", "late",
             "lateMay", "the", "end", "day", "before", "yesterday", "a", "week", "ago", "since",
             "in", "Jan.", "Sept", "between", "and", "to", "\u0663", "\u017fince", "\u0130n",
             "earlier", "this", "month", "past", "few", "days", ",", "'s", "endMarch", "Mayday",
             "2019-03-12", "tonight", "last", "night", "two", "years", "May", "x", "Summer",
             "winter", "fall", "over", "weekend", "next", "October", "spring"]
    rng = random.Random(11)

    def key(ms):  # type: ignore[no-untyped-def]
        return [(m.span(), m.lastgroup, m.groups()) for m in ms]


    # every pattern opens one of these phrases: a new pattern needs its own example here
    examples = ("2024-03-12: between 3 and 5 May, 12 March 2024, Oct. 7, late October, March "
                "2024, on Monday, last October, the summer of 2004, over the weekend, two days "
                "ago, by June, in 2019. Winter 2019, this spring, mid-July, yesterday.")
    assert key(dates._date_matches(examples)) == key(dates._RX.finditer(examples))
    assert {m.lastgroup for m in dates._RX.finditer(examples)} == {n for n, _ in dates._PATTERNS}
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", "-", ".", "\n"])
                       for _ in range(rng.randint(1, 10)))
        want = key(dates._RX.finditer(text))
        assert key(dates._date_matches(text)) == want, text
        found += len(want)
    assert found > 1000


def test_depth_is_the_number_of_ancestors(nlp) -> None:
    doc = nlp(TEXT)
    assert [depth(doc, t.i) for t in doc] == [len(list(t.ancestors)) for t in doc]
    assert max(depth(doc, t.i) for t in doc) >= 3


def test_dependents_hold_every_child_with_the_label(nlp) -> None:
    # a superset of Token.children (spaCy's child edges may miss a head link): every child
    # with the label is there, and every listed token has that head and label
    doc = nlp(TEXT)
    for label in ("prep", "appos", "nsubj", "aux"):
        by_head = dependents(doc, label)
        for t in doc:
            kids = [c.i for c in t.children if c.dep_ == label]
            assert set(kids) <= set(by_head.get(t.i, []))
        assert all(doc[j].head.i == h and doc[j].dep_ == label
                   for h, js in by_head.items() for j in js)
    assert dependents(doc, "prep")  # "near Port Azul", "on Monday"


def test_positions_are_the_indices_holding_the_words(nlp) -> None:
    doc = nlp(TEXT)
    table = token_table(doc)
    words = {"said", "talks", "them"}
    assert positions(table.lower, words) == [t.i for t in doc if t.lower_ in words]
    assert positions(table.pos, {"PROPN"}) == [t.i for t in doc if t.pos_ == "PROPN"]
    assert positions([], words) == []


def test_children_are_spacys_children_made_once(nlp) -> None:
    doc = nlp(TEXT)
    for t in doc:
        assert children(doc, t.i) == [c.i for c in t.children]
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert children(doc, root.i) is children(doc, root.i)  # memoised per token and Doc


def test_children_follow_spacys_edges_in_a_non_projective_parse(nlp) -> None:
    # crossing arcs: spaCy's stored left/right edges may leave out a token whose head link
    # points at the token; children() must answer what Token.children walks
    from spacy.tokens import Doc

    words = ["w0", "w1", "w2", "w3", "w4", "w5", "w6"]
    for heads in ([2, 4, 4, 4, 4, 0, 3], [3, 6, 0, 6, 1, 6, 6], [5, 0, 1, 5, 2, 5, 5]):
        doc = Doc(nlp.vocab, words=words, heads=heads, deps=["dep"] * 7)
        for t in doc:
            assert children(doc, t.i) == [c.i for c in t.children]


def test_char_offsets_are_the_tokens_offsets(nlp) -> None:
    doc = nlp(TEXT + " Café “déjà vu” 😀 ends.")
    starts, ends = char_offsets(doc)
    assert starts == [t.idx for t in doc]
    assert ends == [t.idx + len(t) for t in doc]
    assert char_offsets(nlp("")) == ([], [])


def test_entity_types_are_the_tokens_entity_labels(nlp) -> None:
    doc = nlp(TEXT)
    assert entity_types(doc) == [t.ent_type_ for t in doc]
    assert "DATE" in entity_types(doc) and "" in entity_types(doc)
    assert entity_types(nlp("")) == []


def test_possessive_and_white_space_helpers_answer_as_their_patterns() -> None:
    import re

    from wirecoder.extract.phrases import without_possessive

    texts = ["Israel's", "Israel’s", "the Hamas'", "Kyiv", "rebels ’s", "a'\n", "a's\n",
             "x'\n'", "O'Neil", "", "'", "  's", "tabs\tand\u00a0's"]
    for text in texts:
        assert without_possessive(text) == re.sub(r"[’']s?$", "", text), text
        assert without_possessive(text, spaced=True) == re.sub(r"\s*[’']s?$", "", text), text
    for text in ["a  b\n c", "\u00a0lead\u2003and\ttrail\n", "", " ", "one"]:
        assert " ".join(text.split()) == re.sub(r"\s+", " ", text).strip()
