"""The predicates of one article, indexed by token and sentence, and the clause structure
around them that the candidate stages share: the tokens a predicate owns and the predicate
governing a token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .predicates import PredicateHit, find_predicates
from .token_table import children, heads, sentences, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# clause-making dependents: their subtrees belong to other predicates
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "conj", "xcomp", "acl", "csubj", "parataxis"})


@dataclass(frozen=True)
class PredicateIndex:
    """The lexicon's predicates of one Doc (predicates.find_predicates) and where they stand."""

    doc: "Doc"
    hits: list[PredicateHit]
    by_i: dict[int, PredicateHit]  # token index → its predicate hit
    sents: list["Span"]
    sent_index: list[int]  # token index → sentence number
    cue_of: set[int]  # nouns that gave a verb its meaning ("imposed sanctions", "held talks")

    def sentence(self, tok_i: int) -> tuple[int, "Span"]:
        """The number and the span of the sentence holding token `tok_i`."""
        n = self.sent_index[tok_i]
        return n, self.sents[n]


def index_predicates(doc: "Doc") -> PredicateIndex:
    """Find the predicates of a Doc and index them and its sentences."""
    hits = find_predicates(doc)
    sents = list(sentences(doc))
    sent_index: list[int] = []  # the sentences tile the Doc: token i is in sentence sent_index[i]
    for n, s in enumerate(sents):
        sent_index += [n] * (s.end - s.start)
    return PredicateIndex(
        doc=doc,
        hits=hits,
        by_i={h.token.i: h for h in hits},
        sents=sents,
        sent_index=sent_index,
        cue_of={h.cue.i for h in hits if h.cue is not None and not h.nominal},
    )


def governing_hit(
    tok: "Token", by_i: dict[int, PredicateHit], limit: int = 6, same_clause: bool = False
) -> tuple[PredicateHit | None, "Token"]:
    """The nearest predicate above tok in the tree (and the child of it on the path);
    with `same_clause`, only when no other verb stands between them."""
    doc = tok.doc
    hs, pos = heads(doc), token_table(doc).pos  # the head walk without a Token per step
    cur = tok.i
    for _ in range(limit):
        if hs[cur] == cur:
            return None, doc[cur]
        child, cur = cur, hs[cur]
        if cur in by_i:
            return by_i[cur], doc[child]
        if same_clause and pos[cur] in ("VERB", "AUX"):
            return None, doc[cur]
    return None, doc[cur]


_NESTED_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})


def own_tokens(tok: "Token", hits: dict[int, PredicateHit]) -> list["Token"]:
    """The predicate and its dependents, minus nested clauses and other predicates' phrases."""
    # spaCy's children of each token (walked once per Doc), labels from the token table
    doc = tok.doc
    dep = token_table(doc).dep
    out = [tok.i]
    stack = [c for c in children(doc, tok.i) if dep[c] not in _CLAUSE_DEPS]
    while stack:
        t = stack.pop()
        if t in hits and t != tok.i and not hits[t].nominal:
            continue
        out.append(t)
        stack.extend([c for c in children(doc, t) if dep[c] not in _NESTED_DEPS])
    out.sort()
    return list(map(doc.__getitem__, out))  # the Tokens made in C


__all__ = ["PredicateIndex", "governing_hit", "index_predicates", "own_tokens"]
