"""Per-Doc lists, made once per Doc and kept in `doc.user_data`: the token attributes that
whole-document scans test (lowercased lemma, lowercase form, coarse POS, dependency label,
punctuation and space flags, read with `Doc.to_array`), and the sentences.

Why: iterating a Doc makes a Python Token object per token, and each attribute read is a
call; the scans for predicates, condemnations, demands, attributions and period sentences
test every token of every document, and only a few tokens pass. They read these lists and
make a Token only for those. `Doc.sents` walks every token again on each use (its
annotation check makes a Token per token); seven stages ask for it."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection
from itertools import compress
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span

__all__ = ["TokenTable", "add_governors", "char_offsets", "children", "dependents", "depth", "entities", "entity_types", "heads", "positions", "sentence_of", "sentence_start", "sentences", "token_table"]

_KEY = "wirecoder.token_table"
_SENTS = "wirecoder.sentences"
_STARTS = "wirecoder.sentence_starts"
_HEADS = "wirecoder.heads"
_ENTS = "wirecoder.entities"
_KIDS = "wirecoder.children"
_ENT_TYPES = "wirecoder.entity_types"
_OFFSETS = "wirecoder.char_offsets"
# hash (or symbol id) → its string, and → that string lowercased: the same for every Doc
# and model
_NAMES: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
_MAX_NAMES = 500_000


@dataclass(frozen=True)
class TokenTable:
    """Attribute lists indexed like the Doc's tokens."""

    lemma: list[str]   # Token.lemma_.lower()
    lower: list[str]   # Token.lower_
    pos: list[str]     # Token.pos_
    dep: list[str]     # Token.dep_
    punct: list[bool]  # Token.is_punct
    space: list[bool]  # Token.is_space


def token_table(doc: Doc) -> TokenTable:
    """The table of a Doc, built on first use and kept in `doc.user_data`."""
    table = doc.user_data.get(_KEY)
    if table is not None and len(table.lemma) == len(doc):
        return table  # type: ignore[no-any-return]
    from spacy.attrs import DEP, IS_PUNCT, IS_SPACE, LEMMA, LOWER, POS

    if not len(doc):
        table = TokenTable([], [], [], [], [], [])
    else:
        arr = doc.to_array([LEMMA, LOWER, POS, DEP, IS_PUNCT, IS_SPACE])
        strings = doc.vocab.strings
        lemma, lower, pos, dep = (arr[:, c].tolist() for c in range(4))
        table = TokenTable(lemma=_column(lemma, _LOWERED, strings),
                           lower=_column(lower, _NAMES, strings),
                           pos=_column(pos, _NAMES, strings), dep=_column(dep, _NAMES, strings),
                           punct=arr[:, 4].astype(bool).tolist(),
                           space=arr[:, 5].astype(bool).tolist())
    doc.user_data[_KEY] = table
    return table


def _column(codes: list[int], names: dict[int, str], strings: "StringStore") -> list[str]:
    """The strings of a column of hashes (or symbol ids), through `names` (_NAMES, or
    _LOWERED for lowercased lemmas); a Doc's new hashes are looked up once."""
    try:
        return list(map(names.__getitem__, codes))  # C loop: no Python step per token
    except KeyError:
        if len(_NAMES) > _MAX_NAMES:
            _NAMES.clear()
            _LOWERED.clear()
        for k in set(codes).difference(_NAMES):
            _NAMES[k] = name = strings[k] if k else ""
            _LOWERED[k] = name.lower()
        return list(map(names.__getitem__, codes))


def sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, made once per Doc (callers must not change the list)."""
    sents = doc.user_data.get(_SENTS)
    if sents is None or (sents and sents[-1].end != len(doc)):
        sents = doc.user_data[_SENTS] = list(doc.sents)
    return sents  # type: ignore[no-any-return]


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, made once per Doc (`Doc.ents` makes a Span per entity on every access;
    the actor table and the place stages each ask for them)."""
    got = doc.user_data.get(_ENTS)
    if got is None or got[0] != len(doc):
        got = doc.user_data[_ENTS] = (len(doc), tuple(doc.ents))
    return got[1]  # type: ignore[no-any-return]


def heads(doc: Doc) -> list[int]:
    """`Token.head.i` of every token, read once per Doc with `Doc.to_array`."""
    got = doc.user_data.get(_HEADS)
    if got is None or len(got) != len(doc):
        import numpy as np
        from spacy.attrs import HEAD

        got = []
        if len(doc):  # HEAD is the offset to the head, stored unsigned
            offsets = doc.to_array([HEAD]).reshape(-1).astype(np.int64)
            got = (offsets + np.arange(len(doc), dtype=np.int64)).tolist()
        doc.user_data[_HEADS] = got
    return got  # type: ignore[no-any-return]


def add_governors(hs: list[int], start: int, seen: set[int]) -> None:
    """Add `start` and its governors by head index to `seen` (in place), stopping at the
    root or at a token already in `seen` (whose governors are then there too)."""
    j = start
    while j not in seen:
        seen.add(j)
        if hs[j] == j:
            break
        j = hs[j]


def positions(column: list[str], words: Collection[str]) -> list[int]:
    """The indices of a token-table column whose value is one of `words`, in order — a
    scan in C (`compress` over `map`), no Python step per token."""
    return list(compress(range(len(column)), map(words.__contains__, column)))


def dependents(doc: Doc, label: str) -> dict[int, list[int]]:
    """Head index → the tokens with this dependency label that hang from it, by the head
    indices (made once per Doc and label). A superset of what `Token.children` yields (it
    reads spaCy's child edges, which may miss a head link, never add one): a token with no
    such dependent here has none among its children."""
    key = f"wirecoder.dependents.{label}"
    got = doc.user_data.get(key)
    if got is None or got[0] != len(doc):
        hs = heads(doc)
        out: dict[int, list[int]] = {}
        for j in positions(token_table(doc).dep, {label}):
            out.setdefault(hs[j], []).append(j)
        got = doc.user_data[key] = (len(doc), out)
    return got[1]  # type: ignore[no-any-return]


def children(doc: Doc, i: int) -> list[int]:
    """The indices of `doc[i].children`, in order, from the head indices (one pass per Doc;
    callers must not change the lists). spaCy's walk yields the tokens between the stored
    left and right edges whose head is `i`, and its edges are set (set_children_from_heads,
    after the parser, `Doc.from_array`, retokenizing) by widening every head's edges over
    each of its children's: every token whose head is `i` lies inside them, crossing arcs
    too. Same answers on 182,623 tokens of the dev sets and on crossing arcs (tests)."""
    got = doc.user_data.get(_KIDS)
    if got is None or got[0] != len(doc):
        hs = heads(doc)
        kids: list[list[int]] = [[] for _ in hs]
        for j, h in enumerate(hs):
            if h != j:
                kids[h].append(j)
        got = doc.user_data[_KIDS] = (len(doc), kids)
    return got[1][i]  # type: ignore[no-any-return]


def char_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """(`Token.idx`, `Token.idx + len(Token)`) of every token, read once per Doc with
    `Doc.to_array` (each read of a Token's offsets is a Token and a call)."""
    got = doc.user_data.get(_OFFSETS)
    if got is None or len(got[0]) != len(doc):
        from spacy.attrs import IDX, LENGTH

        got = ([], [])
        if len(doc):
            arr = doc.to_array([IDX, LENGTH]).astype("int64")
            got = (arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist())
        doc.user_data[_OFFSETS] = got
    return got  # type: ignore[no-any-return]


def entity_types(doc: Doc) -> list[str]:
    """`Token.ent_type_` of every token, read once per Doc with `Doc.to_array`."""
    got = doc.user_data.get(_ENT_TYPES)
    if got is None or len(got) != len(doc):
        from spacy.attrs import ENT_TYPE

        got = []
        if len(doc):
            got = _column(doc.to_array([ENT_TYPE]).reshape(-1).tolist(), _NAMES, doc.vocab.strings)
        doc.user_data[_ENT_TYPES] = got
    return got  # type: ignore[no-any-return]


def depth(doc: Doc, i: int) -> int:
    """`len(list(doc[i].ancestors))` from the head indices: no Token per ancestor (spaCy
    walks the same head offsets, up to the Doc's length)."""
    hs = heads(doc)
    n, j, limit = 0, i, len(hs)
    while hs[j] != j and n < limit:
        j = hs[j]
        n += 1
    return n


def sentence_of(doc: Doc, i: int) -> Span:
    """`doc[i].sent`, by bisection over the sentence starts (Token.sent walks the sentence)."""
    sentence_start(doc, i)  # makes the list of starts once per Doc
    return sentences(doc)[bisect_right(doc.user_data[_STARTS], i) - 1]


def sentence_start(doc: Doc, i: int) -> int:
    """`doc[i].sent.start` by bisection over the sentence starts (Token.sent walks the
    tokens back to the sentence start and forward to its end on every call)."""
    sents = sentences(doc)
    starts = doc.user_data.get(_STARTS)
    if starts is None or len(starts) != len(sents) or (sents and starts[-1] != sents[-1].start):
        starts = doc.user_data[_STARTS] = [s.start for s in sents]
    return starts[bisect_right(starts, i) - 1] if starts else 0
