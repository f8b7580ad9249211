"""Quotes: direct, partial and indirect speech with speaker, cue and channel.

Direct quotes are the text between quotation marks (curly or straight, a quote running
over paragraphs included); the speaker is the subject of the cue verb next to the marks
(“…,” he said / X said: “…”), else the source governing a partial quote inside a
sentence, else the speaker of the quote just before (a quote continued over sentences).
Indirect speech is the clausal content of a cue verb ("X said (that) …", "…, X said")
or the clause an "according to X" attributes. Speakers keep their surface text
(`speaker_text`, e.g. "he") and are resolved to actors (pronouns to the nearest one)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from ..schema import Quote
from ..schema import Span as SpanModel
from .attribution import (
    Source,
    channel_of,
    full_span,
    reporting_lemmas,
    resolve_source,
    sentence_sources,
    source_span,
    sources_on_path,
    speaker_of,
)
from .context import ExtractionContext
from .coref import span_text
from .token_table import TokenTable, char_offsets, sentences, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_CLOSING = frozenset(_PAIRS.values())
_MIN_WORDS = 2  # one-word quotes are scare quotes ("to “destroy” the group"), not speech
_WORD = re.compile(r"\w+")


# Where the scan of quote_segments has something to do: a newline, a straight quote, an
# opening curly mark; and, inside a curly quote, where it ends (its closing mark, a newline or
# another opening mark).
_SCAN = re.compile('[\n"' + "".join(_PAIRS) + "]")
_CLOSE = {close: re.compile("[\n" + "".join(sorted(set(_PAIRS) | {close})) + "]")
          for close in _PAIRS.values()}


def quote_segments(text: str) -> list[tuple[int, int]]:
    """Character ranges [start, end) of quoted text (marks excluded). A curly quote left
    open at a paragraph end closes there (the next paragraph reopens it, wire style)."""
    return list(_quote_segments(text))


@lru_cache(maxsize=4)  # the same article text is asked for by the quote and event stages
def _quote_segments(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    n = len(text)
    straight_open: int | None = None
    m = _SCAN.search(text)
    while m is not None:
        i = m.start()
        ch = text[i]
        if ch == "\n":
            straight_open = None  # unbalanced straight quote: drop it
        elif ch in _PAIRS:
            close = _PAIRS[ch]
            stop = _CLOSE[close].search(text, i + 1)
            j = stop.start() if stop is not None else n
            if j > i + 1:
                out.append((i + 1, j))
            m = _SCAN.search(text, j + 1 if j < n and text[j] == close else j)
            continue
        elif straight_open is None:  # '"'
            straight_open = i
        else:
            out.append((straight_open + 1, i))
            straight_open = None
        m = _SCAN.search(text, i + 1)
    return tuple((a, b) for a, b in out if len(_WORD.findall(text[a:b])) >= _MIN_WORDS)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace()):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
        b -= 1
    return a, b


class _Sents:
    """Sentence lookup by token index, built once per Doc (Token.sent rescans the Doc)."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(sentences(doc))
        self.starts = [s.start for s in self.spans]
        self.char_starts = [s.start_char for s in self.spans]

    def of(self, tok: Token) -> Span:
        return self.spans[max(bisect_right(self.starts, tok.i) - 1, 0)]

    def index_at_char(self, char: int) -> int:
        return max(bisect_right(self.char_starts, char) - 1, 0)


def _tok_at(doc: Doc, char: int) -> Token | None:
    """The token holding a character offset (or the nearest one before it)."""
    idx = char_offsets(doc)[0]  # read in one call, not by making a Token per token
    if not idx:
        return None
    return doc[max(bisect_right(idx, char) - 1, 0)]


def _cue_after(doc: Doc, close_char: int, S: _Sents) -> Token | None:
    """A cue verb right after the closing mark: “…,” he said / “…,” said the minister."""
    tok = _tok_at(doc, close_char)
    if tok is None:
        return None
    sent = S.of(tok)
    k = tok.i + 1
    # the close mark may end the sentence: “….” He said. → look into a short next sentence
    limit = sent.end
    if k >= sent.end and sent.end < len(doc):
        nxt = S.of(doc[sent.end])
        if len(nxt) <= 10:
            limit = nxt.end
    cols = token_table(doc)  # a quotation mark's lowercase form is itself
    for i in range(k, min(limit, k + 8)):
        if cols.lower[i] in _PAIRS:
            break
        if _reporting_at(cols, i):
            return doc[i]
    return None


def _reporting_at(cols: TokenTable, i: int) -> bool:
    """is_reporting_verb(doc[i]), read from the token table."""
    return cols.pos[i] in ("VERB", "AUX") and cols.lemma[i] in reporting_lemmas()


def _cue_before(doc: Doc, mark_char: int, S: _Sents) -> Token | None:
    """A cue verb before the opening mark: X said: “…” / X told Y, “…” (the parser may
    start a new sentence at the mark: the previous one is searched when it ends in : or ,)."""
    tok = _tok_at(doc, mark_char)
    if tok is None:
        return None
    lo = S.of(tok).start
    if tok.i == lo or all(doc[k].is_space or doc[k].is_punct for k in range(lo, tok.i)):
        k = lo - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k >= 0 and doc[k].text in (":", ","):
            lo = S.of(doc[k]).start
    cols = token_table(doc)
    for i in range(tok.i - 1, max(lo, tok.i - 12) - 1, -1):
        if cols.lower[i] in _CLOSING:
            break
        if _reporting_at(cols, i) and (i >= tok.i - 4 or any(
                d.i >= tok.i for d in doc[i].subtree)):
            return doc[i]
    return None


_DASHES = frozenset({"―", "—", "–", "-", "--"})


def _dash_source(doc: Doc, close_char: int) -> Source | None:
    """“…” ― Jane Roe: a name after a dash following the closing mark is the speaker."""
    tok = _tok_at(doc, close_char)
    if tok is None:
        return None
    k = tok.i + 1
    while k < len(doc) and (doc[k].is_space or doc[k].text in _PAIRS.values()):
        k += 1
    if k + 1 >= len(doc) or doc[k].text not in _DASHES:
        return None
    first = k + 1
    while first < len(doc) and doc[first].is_space:
        first += 1
    end = first
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_type_ in ("PERSON", "ORG")) \
            and "\n" not in doc[end].text:
        end += 1
    if end == first:
        return None
    return Source(speaker=doc[first:end], cue=doc[k].text, cue_token=doc[k])


def _inner_source(doc: Doc, a: int, b: int) -> Source | None:
    """Who a partial quote inside a sentence belongs to: the cue governing it, else the
    subject of the clause it sits in ("X called the plan a “disaster”")."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    srcs = sources_on_path(root)
    if srcs:
        return srcs[0]
    node = root
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            spk = speaker_of(node)
            if spk is not None and spk.i not in range(span.start, span.end):
                return Source(speaker=source_span(spk), cue=node.text, cue_token=node,
                              full=full_span(spk))
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _source_of(doc: Doc, verb: Token) -> Source | None:
    spk = speaker_of(verb)
    if spk is None:
        return None
    return Source(speaker=source_span(spk), cue=verb.text, cue_token=verb, channel=channel_of(verb),
                  full=full_span(spk))


def _make(ctx: ExtractionContext, text: str, src: Source | None, direct: bool,
          evidence: tuple[int, int], skip: list[tuple[int, int]] | None = None) -> Quote:
    speaker_id = resolve_source(ctx, src.speaker, skip or ()) if src is not None else None
    text_all = ctx.article.text
    a, b = evidence
    while b > a and b <= len(text_all) and text_all[b - 1].isspace():
        b -= 1  # the sentence's trailing newline is not evidence
    evidence = (a, b)
    return Quote(id=ctx.next_id("q"), text=text, speaker=speaker_id,
                 speaker_text=src.surface if src is not None else None,
                 cue=src.cue if src is not None else None,
                 channel=src.channel if src is not None else None, direct=direct,
                 evidence=[SpanModel(start=evidence[0], end=evidence[1])])


def _text(ctx: ExtractionContext) -> str:
    """The article text (Doc.text rebuilds the string from tokens on every access)."""
    doc, text = ctx.doc, ctx.article.text
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        return text
    return doc.text


# one direct quote: its marks' range (a, b), the stripped text range, its source, evidence
QuoteSource = tuple[int, int, int, int, "Source | None", tuple[int, int]]
_SOURCES_KEY = "wirecoder.quote_sources"


def direct_quote_sources(doc: Doc, text: str) -> list[QuoteSource]:
    """Every quote between quotation marks with who says it (a continued quote takes the
    speaker of the one just before): found once per Doc, before any actor is resolved, so
    the event stage can ask whose words a clause is."""
    got = doc.user_data.get(_SOURCES_KEY)
    if got is not None and got[0] == len(doc):
        return got[1]  # type: ignore[no-any-return]
    out = _direct_quote_sources(doc, text)
    doc.user_data[_SOURCES_KEY] = (len(doc), out)
    return out


def quote_speaker_source(doc: Doc, text: str, char: int) -> "Source | None":
    """The source of the direct quote holding character `char`, if any."""
    for a, b, _, _, src, _ in direct_quote_sources(doc, text):
        if a <= char < b:
            return src
    return None


def _direct_quote_sources(doc: Doc, text: str) -> list[QuoteSource]:
    out: list[QuoteSource] = []
    last: tuple[Source | None, int] | None = None  # previous speaker, its sentence index
    S = _Sents(doc)
    for a, b in quote_segments(text):
        qa, qb = _strip(text, a, b)
        if qb <= qa:
            continue
        src: Source | None = None
        verb = _cue_after(doc, b, S) or _cue_before(doc, a - 1, S)
        if verb is not None:
            src = _source_of(doc, verb)
        if src is None:
            src = _dash_source(doc, b)
        if src is None:
            open_tok, close_tok = _tok_at(doc, a), _tok_at(doc, max(b - 1, a))
            whole = open_tok is not None and close_tok is not None and \
                S.of(open_tok).start_char >= a - 2 and S.of(close_tok).end_char <= b + 2
            if not whole:
                src = _inner_source(doc, qa, qb)
            if src is None and open_tok is not None:
                prev = _previous_sentence(doc, S.of(open_tok), S)
                if prev is not None and span_text(prev).rstrip().endswith(":"):
                    cols = token_table(doc)
                    verbs = [i for i in range(prev.start, prev.end) if _reporting_at(cols, i)]
                    if verbs:
                        src = _source_of(doc, doc[verbs[-1]])
            if src is None and last is not None:
                here = S.index_at_char(a)
                if here - last[1] <= 2:
                    src = last[0]
        sa = _tok_at(doc, a)
        sb = _tok_at(doc, max(b - 1, a))
        ev = (S.of(sa).start_char if sa is not None else a - 1,
              S.of(sb).end_char if sb is not None else b + 1)
        out.append((a, b, qa, qb, src, ev))
        last = (src, S.index_at_char(b))
    return out


def direct_quotes(ctx: ExtractionContext) -> list[tuple[Quote, tuple[int, int]]]:
    """Quotes between quotation marks, with the character range they cover."""
    text = _text(ctx)
    return [(_make(ctx, text[qa:qb], src, True, ev, [(a, b)]), (qa, qb))
            for a, b, qa, qb, src, ev in direct_quote_sources(ctx.doc, text)]


def quote_speaker(ctx: ExtractionContext, char: int) -> list[str]:
    """The resolved speaker of the direct quote holding character `char` ([] if none)."""
    src = quote_speaker_source(ctx.doc, _text(ctx), char)
    if src is None:
        return []
    for a, b, _, _, s, _ in direct_quote_sources(ctx.doc, _text(ctx)):
        if s is src:
            got = resolve_source(ctx, src.speaker, [(a, b)])
            return [got] if got else []
    return []


def _previous_sentence(doc: Doc, sent: Span, S: _Sents) -> Span | None:
    k = sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return S.of(doc[k]) if k >= 0 else None


def _covered(a: int, b: int, ranges: list[tuple[int, int]]) -> float:
    """Share of [a, b) inside the given ranges."""
    if b <= a:
        return 0.0
    inside = sum(max(0, min(b, y) - max(a, x)) for x, y in ranges)
    return inside / (b - a)


class _Ranges:
    """Ranges sorted by start, for `_covered` asked many times over the same ranges: only
    those that can overlap [a, b) are summed (the others add 0)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [x for x, _ in self.ranges]
        self.longest = max((y - x for x, y in self.ranges), default=0)

    def covered(self, a: int, b: int) -> float:
        lo = bisect_left(self.starts, a - self.longest)
        return _covered(a, b, self.ranges[lo:bisect_left(self.starts, b)])


def indirect_quotes(ctx: ExtractionContext, direct: list[tuple[int, int]]) -> list[Quote]:
    """Reported speech: the content clause of cue verbs and of "according to X"."""
    out: list[Quote] = []
    text = _text(ctx)
    seen: set[tuple[int, int]] = set()
    quoted = _Ranges(direct)
    for sent in sentences(ctx.doc):
        sources = sentence_sources(sent)
        for src in sources:
            content = src.content
            if content is None or len(content) < 2:
                continue
            if src.how == "prep" and any(
                    o is not src and o.how != "prep" and content.start <= o.cue_token.i < content.end
                    for o in sources):
                continue  # "“…,” he said, according to X": the cue verb's quote holds it
            a, b = _strip(text, content.start_char, content.end_char)
            while a < b and (text[a] in "\"“”«»',;:—–" or text[a].isspace()):
                a += 1
            if b - a < 8 or (a, b) in seen or quoted.covered(a, b) >= 0.9:
                continue
            seen.add((a, b))
            out.append(_make(ctx, text[a:b], src, False, (sent.start_char, sent.end_char),
                             [(a, b)]))
    return out


_SPEAKER_LINE = re.compile(r"^[ \t\"“]*((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*)\s*:\s+(\S.{5,})$",
                           re.MULTILINE)


def transcript_quotes(ctx: ExtractionContext, direct: list[tuple[int, int]]) -> list[Quote]:
    """Transcript lines "NAME: words" (interviews, debates): the name speaks the line."""
    out: list[Quote] = []
    text = _text(ctx)
    for m in _SPEAKER_LINE.finditer(text):
        name_a, name_b = m.span(1)
        a, b = _strip(text, *m.span(2))
        if _covered(a, b, direct) >= 0.9:
            continue
        speaker = ctx.doc.char_span(name_a, name_b, alignment_mode="expand")
        colon = _tok_at(ctx.doc, name_b)
        if speaker is None or colon is None or len(speaker) == 0:
            continue
        src = Source(speaker=speaker, cue=":", cue_token=colon)
        out.append(_make(ctx, text[a:b], src, True, (m.start(), m.end()), [(a, b)]))
    return out


def find_quotes(ctx: ExtractionContext) -> list[Quote]:
    """Every quote of the article, in text order: direct first where both overlap."""
    direct = direct_quotes(ctx)
    ranges = [r for _, r in direct]
    transcript = transcript_quotes(ctx, ranges)
    ranges += [(q.evidence[0].start, q.evidence[0].end) for q in transcript]
    quotes = [q for q, _ in direct] + transcript + indirect_quotes(ctx, ranges)
    quotes.sort(key=lambda q: (q.evidence[0].start if q.evidence else 0, not q.direct))
    for k, q in enumerate(quotes, 1):
        q.id = f"q{k}"
    return quotes


__all__ = ["QuoteSource", "direct_quote_sources", "direct_quotes", "find_quotes",
           "indirect_quotes", "quote_segments", "quote_speaker", "quote_speaker_source",
           "transcript_quotes"]
