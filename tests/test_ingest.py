"""Ingest: every input kind → Article, every bad input → a coded InputFailure (no model needed)."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecoder.errors import (
    BinaryInput,
    EmptyInput,
    FeedError,
    InputTooLarge,
    NoHtmlBody,
    NotFound,
    RecordError,
    UsageError,
)
from wirecoder.ingest import ColumnMap, InputFailure, InputFormat, iter_articles, make_article
from wirecoder.ingest.sniff import sniff_format
from wirecoder.schema import Article


@pytest.fixture()
def ingest_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "ingest"


def items(source, **kw) -> list[Article | InputFailure]:
    return list(iter_articles(source, **kw))


def one(source, **kw) -> Article:
    got = items(source, **kw)
    assert len(got) == 1 and isinstance(got[0], Article), got
    return got[0]


def failure(source, **kw) -> InputFailure:
    got = items(source, **kw)
    assert len(got) == 1 and isinstance(got[0], InputFailure), got
    return got[0]


# --- plain text --------------------------------------------------------------------------


def test_text_file_splits_related_and_keeps_other_lines_exactly(ingest_dir: Path) -> None:
    raw = (ingest_dir / "article.txt").read_text(encoding="utf-8")
    art = one(ingest_dir / "article.txt", published="2025-03-11")
    assert [r.title for r in art.related] == [
        "Floods cut the coastal railway for a second week",
        "Harbour workers end their strike",
        "Drought hits the northern wheat harvest",
        "Central bank holds rates steady",
    ]
    for r in art.related:
        assert r.title not in art.text
    assert "Related Articles" not in art.text and "READ MORE" not in art.text
    kept = [ln for ln in raw.splitlines(keepends=True) if ln in art.text]
    assert "".join(kept) == art.text  # only whole lines removed, nothing rewritten
    assert art.published == "2025-03-11" and art.source.endswith("article.txt")
    assert art.id == one(ingest_dir / "article.txt").id  # stable


def test_stdin_is_read_and_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (
        b'{"id": "s1", "text": "Talks resumed on Monday."}\n{"id": "s2", "text": "Talks ended."}\n'
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    got = items("-")
    assert [a.id for a in got] == ["s1", "s2"] and got[0].source == "-:1"


def test_invalid_utf8_is_replaced_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("Le caf\u00e9 de la place a rouvert lundi.\n".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="wirecoder.ingest"):
        art = one(p)
    assert art.text == "Le caf\ufffd de la place a rouvert lundi.\n"
    assert any(
        "invalid UTF-8" in r.getMessage() and str(p) in r.getMessage() for r in caplog.records
    )


def test_bom_and_crlf(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "First line.\r\nSecond line.\rThird.".encode("utf-16-le"))
    assert one(p).text == "First line.\nSecond line.\nThird."


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"Read more: Only a link\n"])
def test_empty_inputs(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    f = failure(p)
    assert isinstance(f.error, EmptyInput) and f.error.code == "E101"


@pytest.mark.parametrize(
    "content, says",
    [
        (b"abc\x00\x01\x02def" * 100, "NUL"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (bytes(range(1, 9)) * 200, "control"),
    ],
)
def test_binary_inputs(tmp_path: Path, content: bytes, says: str) -> None:
    p = tmp_path / "data.bin"
    p.write_bytes(content)
    f = failure(p)
    assert isinstance(f.error, BinaryInput) and says in str(f)


def test_binary_even_when_forced_to_text(tmp_path: Path) -> None:
    p = tmp_path / "data.txt"
    p.write_bytes(b"\x00" * 500)
    assert isinstance(failure(p, input_format="text").error, BinaryInput)


def test_too_large_says_the_limit_and_how_to_raise_it(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"Words of a very long report. " * 5000)  # 145,000 bytes
    f = failure(p, max_bytes=100_000)
    assert isinstance(f.error, InputTooLarge) and f.error.code == "E103"
    assert "100,000" in str(f) and "--max-bytes" in str(f) and "WIRECODER_MAX_BYTES" in str(f)
    assert "145,000" in str(f)
    monkeypatch.setenv("WIRECODER_MAX_BYTES", "200000")
    assert one(p).text.startswith("Words")
    monkeypatch.setenv("WIRECODER_MAX_BYTES", "lots")
    with pytest.raises(UsageError):
        items(p)


def test_missing_path() -> None:
    f = failure("/nonexistent/wirecoder/input.txt")
    assert isinstance(f.error, NotFound) and "E107" in str(f)


def test_bad_options_are_usage_errors(ingest_dir: Path) -> None:
    with pytest.raises(UsageError, match="--input-format"):
        items(ingest_dir / "article.txt", input_format="pdf")
    with pytest.raises(UsageError, match="published"):
        items(ingest_dir / "article.txt", published="last week")
    assert (
        one(ingest_dir / "article.txt", published="2025-03-11T08:00:00Z").published == "2025-03-11"
    )


# --- HTML ---------------------------------------------------------------------------------


def test_html_page_text_and_metadata(ingest_dir: Path) -> None:
    art = one(ingest_dir / "page.html", published="2020-01-01")
    assert art.title == "Ministers agree to reopen the river crossing"  # " | outlet" dropped
    assert art.author == "Mira Okonjo" and art.outlet == "The Valleta Courier"
    assert art.published == "2025-03-14"  # the page's own date beats the fallback
    assert art.url == "https://courier.example.org/2025/03/14/river-crossing"
    assert "reopen the Kessel river crossing" in art.text and "wrong people" in art.text
    for boilerplate in ("Most popular", "Ten gadgets", "Copyright 2025", "Subscribe"):
        assert boilerplate not in art.text
    assert [r.title for r in art.related] == ["Harbour workers end their strike"]
    assert "Read more" not in art.text


def test_html_without_body(tmp_path: Path) -> None:
    p = tmp_path / "nav.html"
    p.write_text(
        "<html><head><title>Home</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )
    f = failure(p)
    assert isinstance(f.error, NoHtmlBody) and f.error.code == "E104"


def test_html_drops_paragraphs_addressed_to_the_reader(tmp_path: Path) -> None:
    p = tmp_path / "notice.html"
    p.write_text(
        "<html><body><article><p>We use cookies to improve the offer we make you. Find out more "
        "in our data protection statement.</p><p>"
        + "The council met on Monday to discuss the budget of the harbour. " * 6
        + "</p><p>To urge your councillor to back the plan, click this blue box.</p>"
        "<p>Nous utilisons des cookies pour améliorer notre offre.</p></article></body></html>",
        encoding="utf-8",
    )
    text = one(p, published="2024-05-06").text
    assert "council met on Monday" in text
    assert "cookies" not in text and "blue box" not in text


def test_html_date_falls_back_to_published(tmp_path: Path) -> None:
    p = tmp_path / "plain.html"
    p.write_text(
        "<html><body><article><p>"
        + "The council met on Monday to discuss the budget. " * 8
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    assert one(p, published="2024-05-06").published == "2024-05-06"


# --- feeds --------------------------------------------------------------------------------


def test_rss_one_article_per_entry(ingest_dir: Path) -> None:
    got = items(ingest_dir / "feed.rss", published="2000-01-01")
    arts = [g for g in got if isinstance(g, Article)]
    fails = [g for g in got if isinstance(g, InputFailure)]
    assert [a.source.rsplit("#", 1)[1] for a in arts] == ["1", "2"]
    first, second = arts
    assert first.text.startswith("The transport ministers") and "<p>" not in first.text
    assert "Officials said freight would follow" in first.text  # inline tags joined, blocks split
    assert [r.title for r in first.related] == ["Harbour workers end their strike"]
    assert first.published == "2025-03-14" and first.outlet == "Valleta Courier World"
    assert first.url.endswith("river-crossing") and first.title.startswith("Ministers agree")
    assert second.text.startswith("Dock workers") and second.published == "2000-01-01"
    assert (
        len(fails) == 1
        and fails[0].source.endswith("feed.rss#3")
        and isinstance(fails[0].error, EmptyInput)
    )


def test_atom_feed(ingest_dir: Path) -> None:
    art = one(ingest_dir / "feed.atom")
    assert art.source.endswith("feed.atom#1") and art.published == "2025-02-02"
    assert art.author == "Desk Editor" and art.text.startswith("The town council lifted")


@pytest.mark.parametrize(
    "content",
    [
        "this is not XML, just a sentence.\n",
        "<?xml version='1.0'?><catalog><book>x</book></catalog>",
    ],
)
def test_feed_that_is_not_a_feed(tmp_path: Path, content: str) -> None:
    p = tmp_path / "news.rss"
    p.write_text(content, encoding="utf-8")
    f = failure(p)
    assert isinstance(f.error, FeedError) and f.error.code == "E105"


def test_truncated_feed_is_read_with_a_warning(tmp_path: Path, caplog) -> None:
    p = tmp_path / "cut.xml"
    p.write_text(
        "<rss><channel><item><title>T</title><description>Body text here.</description>"
        "</item><item><title>Cut off",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="wirecoder.ingest"):
        got = items(p)
    assert isinstance(got[0], Article) and got[0].text == "Body text here."
    assert any("not well-formed" in r.getMessage() for r in caplog.records)


# --- corpora ------------------------------------------------------------------------------


def test_jsonl_corpus(ingest_dir: Path) -> None:
    arts = items(ingest_dir / "corpus.jsonl", published="2025-01-31")
    assert [a.id for a in arts] == ["doc-1", "doc-2", "doc-3"]
    assert [a.source.rsplit(":", 1)[1] for a in arts] == ["1", "2", "3"]
    assert [a.published for a in arts] == ["2025-01-06", "2025-01-07", "2025-01-31"]
    assert arts[0].title == "Arrests in Kessel" and arts[0].url == "https://example.org/1"
    assert [r.title for r in arts[1].related] == ["Floods cut the coastal railway"]


def test_jsonl_malformed_lines_are_reported_by_number(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(
        '{"id": "a", "text": "First."}\n{"id": "b", "text": \n\n["not", "an object"]\n'
        '{"id": "c"}\n{"id": "d", "text": "Last."}\n',
        encoding="utf-8",
    )
    got = items(p)
    assert [g.id for g in got if isinstance(g, Article)] == ["a", "d"]
    fails = {g.line: g for g in got if isinstance(g, InputFailure)}
    assert sorted(fails) == [2, 4, 5] and all(
        isinstance(f.error, RecordError) for f in fails.values()
    )
    assert str(fails[2]).startswith(f"{p}:2: [E106]") and "--text-field" in str(fails[5])


def test_column_map_and_aliases(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(
        json.dumps({"uid": 7, "body": "Text in body.", "headline": "H", "date": "Jan 5, 2025"})
        + "\n",
        encoding="utf-8",
    )
    art = one(p)  # default names fall back to common aliases
    assert art.text == "Text in body." and art.title == "H" and art.published == "2025-01-05"
    assert art.id != "7"
    assert one(p, columns=ColumnMap(id="uid")).id == "7"
    f = failure(p, columns=ColumnMap(text="content"))  # an explicit name has no aliases
    assert isinstance(f.error, RecordError) and "'content'" in str(f)


def test_csv_corpus_with_multiline_rows(ingest_dir: Path) -> None:
    arts = items(ingest_dir / "corpus.csv")
    assert [a.id for a in arts] == ["row-1", "row-2"]
    assert [a.source.rsplit(":", 1)[1] for a in arts] == ["2", "3"]
    assert arts[1].text.endswith("near the river.") and arts[1].published == "2025-01-08"


def test_csv_bad_rows_and_tsv(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        'id,text\n1,"One, with a comma."\n2,two,extra\n3,"Three\nlines\nlong."\n4,Four.\n',
        encoding="utf-8",
    )
    got = items(p)
    assert [(g.id, g.source.rsplit(":", 1)[1]) for g in got if isinstance(g, Article)] == [
        ("1", "2"),
        ("3", "4"),
        ("4", "7"),
    ]
    (bad,) = [g for g in got if isinstance(g, InputFailure)]
    assert bad.line == 3 and isinstance(bad.error, RecordError)
    t = tmp_path / "c.tsv"
    t.write_text("doc_id\ttext\nx1\tTab separated.\n", encoding="utf-8")
    assert one(t).id == "x1"
    n = tmp_path / "notext.csv"
    n.write_text("a,b\n1,2\n", encoding="utf-8")
    assert isinstance(failure(n).error, RecordError)


def test_corpus_streams(tmp_path: Path) -> None:
    """A 100,000-line corpus is read record by record, never held in memory."""
    p = tmp_path / "big.jsonl"
    line = json.dumps({"text": "Officials reported new talks in the border region. " * 4}) + "\n"
    with p.open("w", encoding="utf-8") as f:
        for i in range(100_000):
            f.write(line.replace('{"text"', f'{{"id": "{i}", "text"', 1))
    size = p.stat().st_size
    gen = iter_articles(p)
    tracemalloc.start()
    for _ in range(2000):
        last = next(gen)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gen.close()
    assert last.id == "1999"
    assert peak < size / 20, (peak, size)  # reading the whole file would take > size


def test_gzip_corpus(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write('{"id": "g1", "text": "Compressed record."}\n')
    assert one(p).id == "g1"


# --- sniffing and directories ---------------------------------------------------------------


@pytest.mark.parametrize(
    "head, name, fmt",
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", InputFormat.html),
        (
            b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>",
            "a.txt",
            InputFormat.feed,
        ),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "", InputFormat.feed),
        (b'{"text": "a"}\n{"text": "b"}\n', "a.txt", InputFormat.jsonl),
        (b"id,title,text\n1,a,b\n", "a.dat", InputFormat.csv),
        (b"{curly} prose that is not JSON.\n", "a.txt", InputFormat.text),
        (b"Plain words, with commas, in a sentence.\n", "a.csv.txt", InputFormat.text),
        (b"Text, images and video were shared widely.\n", "a.txt", InputFormat.text),
        (b"doc id;publish date;text\n", "a.csv", InputFormat.csv),
        (b"not xml\n", "x.rss", InputFormat.feed),
        (b"Text\n", "x", InputFormat.text),
        (b'[\n  {"text": "a"}\n]', "x", InputFormat.json),
        (b'{\n  "text": "a"\n}', "x.json", InputFormat.json),
        (b"[citation needed] prose.\n", "x.txt", InputFormat.text),
    ],
)
def test_sniff_by_content(head: bytes, name: str, fmt: InputFormat) -> None:
    assert sniff_format(head, name) is fmt


def test_directory_is_walked_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second file.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First file.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    got = items(tmp_path)
    assert [Path(g.source).name for g in got] == ["a.txt", "c.txt", "2.txt"]
    assert isinstance(got[1], InputFailure) and isinstance(got[2], Article)


# --- related links --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, title, url",
    [
        ("• Also read: Storm floods coastal towns", "Storm floods coastal towns", None),
        ("READ MORE Markets rally after vote", "Markets rally after vote", None),
        ("Read more | Markets rally", "Markets rally", None),
        ("- See also – Port reopens", "Port reopens", None),
        (
            "Related: [Port strike ends](https://example.org/a)",
            "Port strike ends",
            "https://example.org/a",
        ),
        (
            "Also read: Port strike ends https://example.org/a",
            "Port strike ends",
            "https://example.org/a",
        ),
    ],
)
def test_related_inline(line: str, title: str, url: str | None) -> None:
    art = make_article(f"Body sentence one.\n{line}\nBody sentence two.")
    assert [(r.title, r.url) for r in art.related] == [(title, url)]
    assert art.text == "Body sentence one.\nBody sentence two."


@pytest.mark.parametrize(
    "prose",
    [
        "Related to this, the minister said talks would go on.",
        "Read more about the ceasefire in our live blog.",
        "See also the annex, which lists the crossings.",
    ],
)
def test_related_leaves_prose_alone(prose: str) -> None:
    art = make_article(f"{prose}\nNext line.")
    assert art.related == [] and art.text.startswith(prose)


def test_related_header_with_and_without_items() -> None:
    art = make_article(
        "Body.\nRELATED STORIES:\n\n• One story\nTwo story headline\n\nBody goes on.\nRead more\n"
    )
    assert [r.title for r in art.related] == ["One story", "Two story headline"]
    assert art.text == "Body.\n\n\nBody goes on.\n"


def test_related_button_header_keeps_a_following_subheading() -> None:
    art = make_article("Body.\nRead more\nTalks in Cairo\nThe minister spoke.\n")
    assert art.related == [] and art.text == "Body.\nTalks in Cairo\nThe minister spoke.\n"
    art = make_article("Body.\nAlso read:\nTalks in Cairo\n\nThe minister spoke.\n")
    assert [r.title for r in art.related] == ["Talks in Cairo"]


# --- later additions: JSON files, feed dates, one warning per corpus ----------------------------


def test_json_array_and_object(tmp_path: Path) -> None:
    arr = tmp_path / "docs.json"
    arr.write_text(
        json.dumps(
            [
                {"id": "j1", "text": "First record."},
                {"id": "j2"},
                {"id": "j3", "text": "Third record."},
            ],
            indent=2,
        ),
        encoding="utf-8",
    )
    got = items(arr)
    assert [g.id for g in got if isinstance(g, Article)] == ["j1", "j3"]
    assert got[0].source == f"{arr}#1"
    assert isinstance(got[1], InputFailure) and got[1].source == f"{arr}#2"
    obj = tmp_path / "one.json"
    obj.write_text(
        json.dumps({"text": "A single pretty-printed record.", "title": "T"}, indent=2),
        encoding="utf-8",
    )
    assert one(obj).title == "T"
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "no end"', encoding="utf-8")
    assert isinstance(failure(broken).error, RecordError)


def test_feed_date_is_the_publishers_local_date(tmp_path: Path) -> None:
    p = tmp_path / "late.xml"
    p.write_text(
        "<rss version='2.0'><channel><title>C</title><item><title>T</title>"
        "<pubDate>Fri, 14 Mar 2025 23:30:00 -0500</pubDate>"
        "<description>Late evening story text.</description></item></channel></rss>",
        encoding="utf-8",
    )
    assert one(p).published == "2025-03-14"  # 2025-03-15 in UTC


def test_mis_encoded_corpus_warns_once(tmp_path: Path, caplog) -> None:
    p = tmp_path / "latin1.jsonl"
    p.write_bytes(
        b"".join(
            f'{{"id": "{i}", "text": "Caf\u00e9 number {i}."}}\n'.encode("latin-1")
            for i in range(50)
        )
    )
    with caplog.at_level(logging.WARNING, logger="wirecoder.ingest"):
        got = items(p)
    assert len(got) == 50 and all(isinstance(g, Article) for g in got)
    msgs = [r.getMessage() for r in caplog.records]
    assert len(msgs) == 2 and "first on line 1" in msgs[0] and "50 lines" in msgs[1]


@pytest.mark.parametrize(
    "title, site, host, want",
    [
        (
            "Talks resume | Courier | 23.05.2011",
            "COURIER.EXAMPLE",
            "courier.example",
            "Talks resume",
        ),
        (
            "Israel - Hamas talks resume - Reuters",
            "Reuters",
            "reuters.com",
            "Israel - Hamas talks resume",
        ),
        (
            "Heart of the matter - Times of Kessel",
            "The Times of Kessel",
            "timesofkessel.com",
            "Heart of the matter",
        ),
        (
            "Talks - The heart of the matter",
            "The Times of Kessel",
            "timesofkessel.com",
            "Talks - The heart of the matter",
        ),
        ("Peace - at last", None, None, "Peace - at last"),
    ],
)
def test_clean_title(title: str, site: str | None, host: str | None, want: str) -> None:
    from wirecoder.ingest.html import clean_title

    assert clean_title(title, site, host) == want


def test_related_phrases_are_a_lexicon_users_extend(tmp_path: Path, monkeypatch) -> None:
    from wirecoder.ingest import related

    # French lines ship with wirecoder (related_links_fr.yaml); German ones do not
    text = "Der Rat stimmte am Montag ab.\nLesen Sie auch: Der Hafenstreik ist vorbei\n"
    assert make_article(text).related == []
    (tmp_path / "related_links_de.yaml").write_text(
        "list_headers:\n  - lesen sie auch\n", encoding="utf-8"
    )
    monkeypatch.setenv("WIRECODER_LEXICONS", str(tmp_path))
    related._rules.cache_clear()
    try:
        art = make_article(text)
        assert [r.title for r in art.related] == ["Der Hafenstreik ist vorbei"]
        assert art.text == "Der Rat stimmte am Montag ab.\n"
    finally:
        monkeypatch.delenv("WIRECODER_LEXICONS")
        related._rules.cache_clear()


# --- property: related-link lines come out, every other line stays byte-exact -----------------

_prose = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=60)
    .map(lambda s: "Body " + s + ".")
    .filter(lambda s: "\x85" not in s and "\x0b" not in s and "\x0c" not in s),
    min_size=1,
    max_size=8,
)
_links = st.lists(
    st.tuples(
        st.sampled_from(["• Also read: ", "READ MORE | ", "Related: ", "- See also – "]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=30).filter(
            lambda s: s.strip()
        ),
    ),
    max_size=4,
)


@settings(max_examples=60, deadline=None)
@given(body=_prose, links=_links, data=st.data())
def test_related_split_is_exact(body: list[str], links: list[tuple[str, str]], data) -> None:
    lines = [ln + "\n" for ln in body]
    for prefix, title in links:
        at = data.draw(st.integers(0, len(lines)))
        lines.insert(at, f"{prefix}Story {title}\n")
    art = make_article("".join(lines))
    assert art.text == "".join(ln + "\n" for ln in body)
    assert {r.title for r in art.related} == {f"Story {t}".strip() for _, t in links}
