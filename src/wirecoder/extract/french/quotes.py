"""French quotes: text between « » (or “ ”, " "), of two words or more, with its speaker:
- a reporting verb right after the closing mark, subject inverted or a pronoun
  ("…», a indiqué le ministère", "…», a-t-il déclaré", "…», déclare X");
- else a reporting verb before the opening mark ("X a déclaré : « … »");
- else the sentence's "selon X" / "d'après X" source, or the subject of its reporting verb.
The channel comes from the cue verb's complement ("dans un communiqué" → press release).
Verbs and channels live in lexicons/quote_verbs_fr.yaml."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...schema import Quote, Span
from ..coref import doc_text
from ..quotes import quote_segments
from .actors import FrenchActors, phrase_span, source_heads
from .lexicon import mapping, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def _reporting(tok: Token) -> bool:
    return tok.lemma_.lower() in words("quote_verbs", "reporting_verbs")


def _verb_of(tok: Token) -> Token:
    return tok.head if tok.pos_ == "AUX" or tok.dep_.startswith(("aux", "nsubj")) else tok


class FrenchQuotes:
    def __init__(self, doc: Doc, actors: FrenchActors, next_id: Callable[[str], str]) -> None:
        self.doc = doc
        self.actors = actors
        self.next_id = next_id
        self._starts = [t.idx for t in doc]

    def _tok(self, char: int) -> Token | None:
        """The token at a character offset, or the next one (offsets may fall on spaces)."""
        i = bisect_right(self._starts, char) - 1
        doc = self.doc
        if i >= 0 and doc[i].idx + len(doc[i]) > char and not doc[i].is_space:
            return doc[i]
        for t in doc[max(i + 1, 0):]:
            if not t.is_space:
                return t
        return None

    def _cue_after(self, close: int, sent: SpacySpan) -> Token | None:
        tok = self._tok(close)
        if tok is None:
            return None
        for t in self.doc[tok.i + 1:sent.end]:
            if t.is_punct or t.is_space:
                continue
            v = _verb_of(t)
            return v if _reporting(v) else None
        return None

    def _cue_before(self, open_: int, sent: SpacySpan) -> Token | None:
        tok = self._tok(open_)
        if tok is None:
            return None
        for t in reversed(list(self.doc[sent.start:tok.i])):
            if t.is_punct or t.is_space:
                continue
            if t.pos_ in ("VERB", "AUX"):
                v = _verb_of(t)
                return v if _reporting(v) else None
        return None

    def _speaker(self, verb: Token, inverted: bool = False) -> tuple[list[str], str | None]:
        """The subject of a cue verb; after a quote the subject is inverted and parsers often
        label it obj ("», a affirmé le Premier ministre"); "a-t-il dit": the pronoun."""
        for c in verb.children:
            if c.dep_ in ("nsubj", "obl:agent"):
                return self.actors.resolve(c), phrase_span(c).text
        for c in verb.children:
            if c.dep_ == "expl:subj" and c.lower_.lstrip("-") in ("il", "elle", "ils", "elles"):
                return self.actors.resolve(c), c.text.lstrip("-")
        if inverted:
            for c in verb.children:
                if c.dep_ == "obj" and c.i > verb.i:
                    return self.actors.resolve(c), phrase_span(c).text
        return [], None

    def _selon(self, sent: SpacySpan) -> tuple[list[str], str | None]:
        for _, head in source_heads(sent):
            return self.actors.resolve(head), phrase_span(head).text
        for t in sent:
            if t.pos_ == "VERB" and _reporting(t):
                ids, text = self._speaker(t)
                if text:
                    return ids, text
        return [], None

    def _channel(self, verb: Token | None) -> str | None:
        if verb is None:
            return None
        channels = mapping("quote_verbs", "channels")
        for c in verb.children:
            if c.dep_.startswith("obl"):
                got = channels.get(c.lemma_.lower()) or channels.get(c.lower_)
                if got:
                    return str(got)
        return None

    def build(self) -> list[Quote]:
        out: list[Quote] = []
        text = doc_text(self.doc)
        for a, b in quote_segments(text):
            first = self._tok(a)
            if first is None:
                continue
            sent = first.sent
            after = self._cue_after(b, sent)
            verb = after or self._cue_before(a - 1, sent)
            if verb is not None:
                ids, speaker_text = self._speaker(verb, inverted=after is not None)
            else:
                ids, speaker_text = self._selon(sent)
            qa, qb = a, b
            while qa < qb and text[qa].isspace():
                qa += 1
            while qb > qa and text[qb - 1].isspace():
                qb -= 1
            out.append(Quote(id=self.next_id("q"), text=text[qa:qb],
                             speaker=ids[0] if ids else None, speaker_text=speaker_text,
                             cue=verb.text if verb is not None else None,
                             channel=self._channel(verb), direct=True,
                             evidence=[Span(start=sent.start_char, end=sent.end_char)]))
        return out


__all__ = ["FrenchQuotes"]
