"""Per-Doc lists, made once per Doc and kept in `doc.user_data`: the token attributes that
whole-document scans test (lowercased lemma, lowercase form, coarse POS, dependency label,
read with `Doc.to_array`), and the sentences.

Why: iterating a Doc makes a Python Token object per token, and each attribute read is a
call; the scans for predicates, condemnations, demands, attributions and period sentences
test every token of every document, and only a few tokens pass. They read these lists and
make a Token only for those. `Doc.sents` walks every token again on each use (its
annotation check makes a Token per token); seven stages ask for it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["TokenTable", "sentences", "token_table"]

_KEY = "wirecoder.token_table"
_SENTS = "wirecoder.sentences"
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


def token_table(doc: Doc) -> TokenTable:
    """The table of a Doc, built on first use and kept in `doc.user_data`."""
    table = doc.user_data.get(_KEY)
    if table is not None and len(table.lemma) == len(doc):
        return table  # type: ignore[no-any-return]
    from spacy.attrs import DEP, LEMMA, LOWER, POS

    if not len(doc):
        table = TokenTable([], [], [], [])
    else:
        import numpy as np

        arr = doc.to_array([LEMMA, LOWER, POS, DEP])
        # One Python string per distinct hash (numpy finds them), then each column indexed
        # in C through an object array: no Python step per token.
        keys, where = np.unique(arr, return_inverse=True)
        codes = keys.tolist()
        new = set(codes).difference(_NAMES)
        if new:
            if len(_NAMES) > _MAX_NAMES:
                _NAMES.clear()
                _LOWERED.clear()
                new = set(codes)
            strings = doc.vocab.strings
            for k in new:
                _NAMES[k] = name = strings[k] if k else ""
                _LOWERED[k] = name.lower()
        where = where.reshape(arr.shape)
        by_key = np.array(list(map(_NAMES.__getitem__, codes)), dtype=object)
        lowered = np.array(list(map(_LOWERED.__getitem__, codes)), dtype=object)
        table = TokenTable(lemma=lowered[where[:, 0]].tolist(),
                           lower=by_key[where[:, 1]].tolist(), pos=by_key[where[:, 2]].tolist(),
                           dep=by_key[where[:, 3]].tolist())
    doc.user_data[_KEY] = table
    return table


def sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, made once per Doc (callers must not change the list)."""
    sents = doc.user_data.get(_SENTS)
    if sents is None or (sents and sents[-1].end != len(doc)):
        sents = doc.user_data[_SENTS] = list(doc.sents)
    return sents  # type: ignore[no-any-return]
