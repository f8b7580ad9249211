"""A small, documented coreference for actors: pronouns, possessives and definite descriptions.

Rules (no statistical model; coreferee & co. need downloads that do not work here):
- "he/she/him/her" → the nearest person mentioned before it within `WINDOW` sentences;
  "they/them" → the nearest organisation, state, group or population; "it" → organisation
  or state. Candidates that are sentence subjects win over nearer non-subjects in the same
  sentence; names inside quotation marks are skipped when the pronoun is outside them
  (the speaker of a quote is not someone the quote mentions); "Also read" link lines are
  never antecedents.
- "his/her movement" → the organisation of the nearest person (their affiliation) when
  that organisation fits the noun, else the nearest organisation the noun can describe.
- "the Islamist movement", "the group" → the nearest organisation whose knowledge-base
  descriptors include the phrase (or its head noun), preceding mentions first.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from .kb import first_name_genders, norm
from .token_table import positions, sentence_start, sentences, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .actors import ActorTable

WINDOW = 3  # sentences back
_PERSON = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
_NEUTER = {"it", "its", "itself"}
_ORGLIKE = {"organization", "state", "group", "population"}
_QUOTE_RX = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_LINK_RX = re.compile(r"(?im)^[\s•·▪◦‣*–-]*(also read|read also|read more|related|see also)\b.*$")


def doc_text(doc: "Doc") -> str:
    """The Doc's text, cached: Doc.text joins every token again on each access."""
    data = doc.user_data  # a property: read it once
    text = data.get("wirecoder.text")
    if text is None:
        text = data["wirecoder.text"] = doc.text
    return text  # type: ignore[no-any-return]


def span_text(span: "Span") -> str:
    """Span.text, sliced from the cached Doc text (Span.text joins its tokens again)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def quote_regions(doc: "Doc") -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (cached on the Doc)."""
    key = "wirecoder.quote_regions"
    if key not in doc.user_data:
        doc.user_data[key] = [(m.start(), m.end()) for m in _QUOTE_RX.finditer(doc_text(doc))]
    return doc.user_data[key]  # type: ignore[no-any-return]


def link_lines(doc: "Doc") -> list[tuple[int, int]]:
    """Character ranges of 'Also read:' / 'Related:' lines."""
    key = "wirecoder.link_lines"
    if key not in doc.user_data:
        doc.user_data[key] = [(m.start(), m.end()) for m in _LINK_RX.finditer(doc_text(doc))]
    return doc.user_data[key]  # type: ignore[no-any-return]


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def _inside_sorted(pos: int, regions: list[tuple[int, int]], starts: list[int]) -> bool:
    """_inside for regions in text order that do not overlap (regex matches), `starts`
    their start offsets: only the last region starting at or before `pos` can hold it."""
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < regions[k][1]


def _counted_starts(doc: "Doc", in_quote: bool) -> tuple[list[int], list[int]]:
    """Token indices and char offsets of the sentence starts that count for the window:
    link lines never count, quoted sentences only for a pronoun inside a quotation.
    Computed once per Doc and kind (cached on the Doc)."""
    key = f"wirecoder.sent_starts.{int(in_quote)}"
    if key not in doc.user_data:
        skip = link_lines(doc) + ([] if in_quote else quote_regions(doc))
        starts = [s.start for s in sentences(doc) if not _inside(s.start_char, skip)]
        doc.user_data[key] = (starts, [doc[i].idx for i in starts])
    return doc.user_data[key]  # type: ignore[no-any-return]


def _candidates(table: "ActorTable", tok: "Token", kinds: set[str]) -> list[tuple[tuple, str]]:
    """(rank, actor id) of compatible mentions before `tok`, best first: sentence distance
    (counted sentences), then subjects first, then the nearest."""
    doc = tok.doc
    quotes = quote_regions(doc)
    links = link_lines(doc)
    pron_in_quote = _inside(tok.idx, quotes)
    starts, start_chars = _counted_starts(doc, pron_in_quote)
    here = bisect_right(starts, sentence_start(doc, tok.i))  # counted starts up to the pronoun's sentence
    lo_char = start_chars[max(0, here - 1 - WINDOW)] if start_chars else 0
    quote_starts = [a for a, _ in quotes]
    ranked: list[tuple[tuple, str]] = []
    idx = tok.idx
    roots = _mention_roots(doc)
    feats = _mention_roots(doc, "wirecoder.mention_features")
    dep = token_table(doc).dep
    # only the mentions in the window (the table keeps them sorted by start), not every
    # mention of every actor; the ranking below sorts them whatever their order
    for m_start, m_end, actor in table.mentions_starting(lo_char, idx + 1):
        if str(actor.kind) not in kinds:
            continue
        if m_end > idx or _inside(m_start, links):
            continue
        if not pron_in_quote and _inside_sorted(m_start, quotes, quote_starts):
            continue
        # the same mentions stand in the window of many pronouns: their root's counted
        # sentence and subject flag once per mention, Doc and kind of count
        feat = feats.get((m_start, m_end, pron_in_quote), _UNSEEN)
        if feat is _UNSEEN:
            root = roots.get((m_start, m_end), _UNSEEN)
            if root is _UNSEEN:
                span = doc.char_span(m_start, m_end, alignment_mode="expand")
                root = roots[m_start, m_end] = (span.root.i if span is not None and len(span)
                                                else None)
            feat = feats[m_start, m_end, pron_in_quote] = None if root is None else (
                bisect_right(starts, sentence_start(doc, root)),  # type: ignore[arg-type]
                dep[root] in ("nsubj", "nsubjpass"))  # type: ignore[index]
        if feat is None:
            continue
        counted, subject = feat  # type: ignore[misc]
        dist = here - counted
        if dist > WINDOW:
            continue
        ranked.append(((max(dist, 0), not subject, -m_start), actor.id))
    ranked.sort()
    return ranked


_UNSEEN = object()


def _mention_roots(doc: "Doc", key: str = "wirecoder.mention_roots") -> dict[tuple, object]:
    """(start, end) of a mention → the root token index of its span (None when the offsets
    make no span), kept per Doc (`doc.user_data`, cleared by build_report); under another
    key, another such per-Doc map of mentions."""
    got = doc.user_data.get(key)
    if got is None or got[0] != len(doc):
        got = doc.user_data[key] = (len(doc), {})
    return got[1]  # type: ignore[no-any-return]


def _expletive(tok: "Token") -> bool:
    """'it' that refers to nothing: "it is clear that …", "it is the army that …"."""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    return tok.dep_ == "nsubj" and head.lemma_ in ("be", "seem", "appear") and any(
        c.dep_ in ("attr", "acomp", "ccomp", "xcomp") for c in head.children)


def _preresolve_subjects(table: "ActorTable", tok: "Token") -> None:
    """Give unnamed subject phrases in the window ("The Nigerian army said it …") a chance
    to become actors before ranking candidates; resolve_span memoises, so this is cheap."""
    from .kb import role_of

    doc = tok.doc
    first = sentence_start(doc, tok.i)
    seen = 0
    while first > 0 and seen < WINDOW:
        first = sentence_start(doc, first - 1)
        seen += 1
    subjects = _noun_subjects(doc)  # a Token only for the noun subjects
    for i in subjects[bisect_left(subjects, first):bisect_left(subjects, tok.i)]:
        t = doc[i]
        role, _ = role_of([t.text])
        if role is not None:
            table.resolve_span(doc[t.left_edge.i:t.i + 1])


def _noun_subjects(doc: "Doc") -> list[int]:
    """The common-noun subjects of a Doc (nsubj, nsubjpass), in order, found once per Doc."""
    got = doc.user_data.get(_SUBJECTS_KEY)
    if got is None or got[0] != len(doc):
        cols = token_table(doc)
        pos = cols.pos
        got = doc.user_data[_SUBJECTS_KEY] = (len(doc), [
            i for i in positions(cols.dep, ("nsubj", "nsubjpass")) if pos[i] == "NOUN"])
    return got[1]  # type: ignore[no-any-return]


_SUBJECTS_KEY = "wirecoder.noun_subjects"


def resolve_pronoun(table: "ActorTable", tok: "Token") -> str | None:
    """The actor a personal pronoun refers to, or None."""
    low = tok.lower_
    if low == "it" and _expletive(tok):
        return None
    if low in _PLURAL or low in _NEUTER:
        _preresolve_subjects(table, tok)
    if low in _PERSON:
        kinds = {"person"}
    elif low in _PLURAL:
        kinds = _ORGLIKE
    elif low in _NEUTER:
        kinds = {"organization", "state"}
    else:
        return None
    ranked = _candidates(table, tok, kinds)
    if low in _PERSON:  # "she" is not a man known by his first name, nor "he" a woman
        want = "female" if low in _FEMALE else "male"
        ranked = [r for r in ranked if _gender(table, r[1]) in (None, want)]
    return ranked[0][1] if ranked else None


_FEMALE = {"she", "her", "hers", "herself"}


def _gender(table: "ActorTable", actor_id: str) -> str | None:
    actor = table.get(actor_id)
    if actor is None or not actor.name.split():
        return None
    return first_name_genders().get(actor.name.split()[0])


def _fits(table: "ActorTable", actor_id: str, phrase: str, head: str) -> bool:
    """Can this organisation be described by the phrase ("Islamist movement") or its head?"""
    kba = table.kb_entry(actor_id)
    if kba is None:
        return False
    descs = {norm(d) for d in kba.descriptors}
    return norm(phrase) in descs or norm(head) in descs


def resolve_possessive(table: "ActorTable", poss: "Token", head: "Token",
                       phrase: str) -> str | None:
    """'his movement' → the affiliation of the person 'his' refers to (when it fits)."""
    owner = resolve_pronoun(table, poss)
    if owner is not None:
        actor = table.get(owner)
        if actor is not None and actor.affiliation and _fits(table, actor.affiliation, phrase,
                                                             head.text):
            return actor.affiliation
        if actor is not None and str(actor.kind) != "person" and _fits(table, owner, phrase,
                                                                       head.text):
            return owner
    return resolve_description(table, head, phrase)


def resolve_description(table: "ActorTable", head: "Token", phrase: str) -> str | None:
    """'the Islamist movement' → the nearest organisation it can describe: a mention before
    the phrase first, else the first one after it."""
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    for actor in table.actors:
        if str(actor.kind) not in ("organization", "group") or not _fits(table, actor.id, phrase,
                                                                         head.text):
            continue
        for m in actor.mentions:
            if m.end <= head.idx:
                before.append((head.idx - m.end, actor.id))
            elif m.start > head.idx + len(head.text):
                after.append((m.start, actor.id))
    if before:
        return min(before)[1]
    if after:
        return min(after)[1]
    # Not in the article yet: a knowledge-base organisation the phrase names exactly.
    return None


__all__ = ["doc_text", "resolve_pronoun", "resolve_possessive", "resolve_description",
           "quote_regions", "link_lines", "WINDOW"]
