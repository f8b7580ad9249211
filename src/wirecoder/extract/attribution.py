"""Attribution: who says so. "according to X", "X said", "…, X said", "identified by X",
"X's health ministry reported" → the source phrase, the cue, the channel and the content.

Shared by claims (claimant), quotes (speaker) and events (Event.attribution). Every
source phrase is resolved to an actor through the ActorTable (ctx.actors.resolve_span),
pronouns to the nearest earlier actor. Vocabulary: lexicons/quote_cues*.yaml."""
from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..schema import ActorKind, Attribution, AttributionKind
from .coref import span_text  # Span.text joins its tokens again on every use
from .token_table import children, heads, positions, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .context import ExtractionContext

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"


@lru_cache(maxsize=16)
def load_lexicon(name: str) -> dict[str, Any]:
    """lexicons/NAME.yaml merged with NAME_*.yaml there and in $WIRECODER_LEXICONS dirs:
    lists are concatenated, mappings updated, so users extend without editing ours."""
    dirs = [LEXICON_DIR] + [Path(p) for p in os.environ.get("WIRECODER_LEXICONS", "").split(
        os.pathsep) if p]
    merged: dict[str, Any] = {}
    for d in dirs:
        for path in sorted(d.glob(f"{name}.yaml")) + sorted(d.glob(f"{name}_*.yaml")):
            with path.open(encoding="utf-8") as fh:
                data = yaml.safe_load(fh) or {}
            for key, value in data.items():
                old = merged.get(key)
                if isinstance(old, list) and isinstance(value, list):
                    merged[key] = old + value
                elif isinstance(old, dict) and isinstance(value, dict):
                    merged[key] = {**old, **{k: (old.get(k, []) + v if isinstance(v, list) and
                                                 isinstance(old.get(k), list) else v)
                                             for k, v in value.items()}}
                else:
                    merged[key] = value
    return merged


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    lex = load_lexicon("quote_cues")
    channels = sorted({str(c).lower() for c in lex.get("channels") or []},
                      key=lambda c: -len(c.split()))
    return {
        "reporting": frozenset(str(v).lower() for v in lex.get("reporting_verbs") or []),
        "stance": frozenset(str(v).lower() for v in lex.get("stance_verbs") or []),
        "report": frozenset(str(v).lower() for v in lex.get("report_verbs") or []),
        "preps": {str(k).lower(): (str(v).lower() if v else None)
                  for k, v in (lex.get("prepositional_cues") or {}).items()},
        "channels": channels,
        "anonymous": frozenset(str(v).lower() for v in lex.get("anonymous_heads") or []),
        "person_pronouns": frozenset(str(v).lower() for v in lex.get("person_pronouns") or []),
        "group_pronouns": frozenset(str(v).lower() for v in lex.get("group_pronouns") or []),
    }


@dataclass
class Source:
    """One attribution found in the parse."""

    speaker: Span  # the source noun phrase ("he", "the Islamist movement")
    cue: str  # "said", "according to", "identified by"
    cue_token: Token
    channel: str | None = None
    content: Span | None = None  # the attributed clause, when there is one
    how: str = "verb"  # verb | prep | agent
    full: Span | None = None  # the source as written, appositions included

    @property
    def surface(self) -> str:
        """The whole source phrase ("Jane Roe, a senior fellow at …"), for speaker_text."""
        return span_text(self.full if self.full is not None else self.speaker)

    @property
    def text(self) -> str:
        """The attribution as read: "according to X", "X said"."""
        doc = self.speaker.doc
        a, b = self.speaker, self.cue_token
        lo, hi = min(a.start, b.i), max(a.end, b.i + 1)
        if self.how == "prep":
            return f"{self.cue} {span_text(a)}"
        if hi - lo <= len(a) + 4:
            return span_text(doc[lo:hi])
        return f"{span_text(a)} {self.cue}"


_KEEP_RIGHT = frozenset({"prep", "compound", "amod", "nummod", "poss", "case", "flat", "nmod",
                         "cc", "conj", "det", "advmod", "pobj", "quantmod"})
_CONTENT_DEPS = ("ccomp", "parataxis", "xcomp")


def source_span(tok: Token) -> Span:
    """The noun phrase headed by tok, without relative clauses or appositions after a comma."""
    doc = tok.doc
    memo = _memo(doc, "source_span")  # the same speakers are asked for by several stages
    got = memo.get(tok.i)
    if got is not None:
        return got  # type: ignore[no-any-return]
    table = token_table(doc)
    punct, space, dep = table.punct, table.space, table.dep
    end = tok.i + 1
    for child in tok.rights:
        c = child.i
        # an apposition without a comma is the name itself: "the radio station Kestrel FM"
        close_appos = dep[c] == "appos" and not punct[child.left_edge.i - 1]
        if (dep[c] not in _KEEP_RIGHT and not close_appos) or punct[c]:
            break
        end = child.right_edge.i + 1
    start = tok.left_edge.i
    while start < tok.i and (punct[start] or space[start]):
        start += 1
    while end - 1 > tok.i and (punct[end - 1] or space[end - 1]):
        end -= 1
    got = memo[tok.i] = doc[start:end]
    return got


def full_span(tok: Token) -> Span:
    """The whole subtree of a source token, edge punctuation dropped: how a source reads
    in the text ("Jane Roe, director of the institute,")."""
    doc = tok.doc
    memo = _memo(doc, "full_span")
    got = memo.get(tok.i)
    if got is not None:
        return got  # type: ignore[no-any-return]
    table = token_table(doc)
    punct, space = table.punct, table.space
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    while start < tok.i and (punct[start] or space[start]):
        start += 1
    while end - 1 > tok.i and (punct[end - 1] or space[end - 1]):
        end -= 1
    got = memo[tok.i] = doc[start:end]
    return got


def _memo(doc: Doc, name: str) -> dict[Any, Any]:
    """A per-Doc memo of a pure function of one token or span (kept in `doc.user_data`, which
    build_report clears)."""
    key = f"wirecoder.attribution.{name}"
    got = doc.user_data.get(key)
    if got is None or got[0] != len(doc):
        got = doc.user_data[key] = (len(doc), {})
    return got[1]  # type: ignore[no-any-return]


def is_stance_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _cues()["stance"]


def is_reporting_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in _cues()["reporting"]


def reporting_lemmas() -> frozenset[str]:
    """The lowercased lemmas of reporting verbs (is_reporting_verb), for token-table scans."""
    return _cues()["reporting"]  # type: ignore[no-any-return]


def speaker_of(verb: Token) -> Token | None:
    """Subject of a cue verb; for "…, saying …" / "… and added …" the governing verb's
    subject; for passives "was told by X" the agent."""
    memo = _memo(verb.doc, "speaker_of")  # quotes, claims and events ask for the same verbs
    got = memo.get(verb.i, _UNSEEN)
    if got is _UNSEEN:
        got = memo[verb.i] = _speaker_of(verb)
    return got  # type: ignore[no-any-return]


_UNSEEN = object()


def _speaker_of(verb: Token) -> Token | None:
    doc = verb.doc
    table = token_table(doc)  # spaCy's children (walked once per Doc), labels from the table
    dep, lower = table.dep, table.lower
    for child in children(doc, verb.i):
        if dep[child] in ("nsubj", "csubj") and lower[child] not in ("it", "there", "that", "which", "who"):
            return doc[child]
        if dep[child] == "agent":
            for gc in children(doc, child):
                if dep[gc] == "pobj":
                    return doc[gc]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "the newspaper saying …"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "with":
        for c in verb.head.children:  # "with the newspaper saying …"
            if c.dep_ == "pobj" and c.i < verb.i:
                return c
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        if verb.tag_ == "VBG":
            # "…, adding that …" may hang low in the parse: the speaker is the subject of
            # the nearest cue verb above it
            for anc in verb.ancestors:
                if is_reporting_verb(anc):
                    return speaker_of(anc)
        return speaker_of(verb.head)
    return None


def channel_of(verb: Token) -> str | None:
    """The medium of a statement: "said in a press release" → "press release"."""
    memo = _memo(verb.doc, "channel_of")
    got = memo.get(verb.i, _UNSEEN)
    if got is _UNSEEN:
        got = memo[verb.i] = _channel_of(verb)
    return got  # type: ignore[no-any-return]


def _channel_of(verb: Token) -> str | None:
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "during", "via", "through", "at"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            words = " ".join(t.lower_ for t in pobj.subtree if not t.is_punct and t.dep_ != "det"
                             and t.i <= pobj.i)
            # the first channel (in lexicon order) that is the words or follows one of
            # their spaces ("words.endswith(' ' + ch)"): set lookups of those endings
            parts = words.split(" ")
            order = _channel_order()
            hits = [order[e] for e in [" ".join(parts[k:]) for k in range(len(parts))]
                    if e in order]
            if hits:
                return _cues()["channels"][min(hits)]  # type: ignore[no-any-return]
    return None


@lru_cache(maxsize=1)
def _channel_order() -> dict[str, int]:
    """Each channel → its first position in `_cues()["channels"]`."""
    order: dict[str, int] = {}
    for n, ch in enumerate(_cues()["channels"]):
        order.setdefault(ch, n)
    return order


def _prep_source(tok: Token) -> Source | None:
    """ "according to X" / "citing X" on tok → Source."""
    low = tok.lower_
    preps = _cues()["preps"]
    if low not in preps:
        return None
    second = preps[low]
    obj_holder = tok
    if second:
        nxt = [c for c in tok.children if c.lower_ == second]
        if not nxt:
            return None
        obj_holder = nxt[0]
    for c in obj_holder.children:
        if c.dep_ in ("pobj", "dobj"):
            cue = f"{low} {second}" if second else low
            return Source(speaker=source_span(c), cue=cue, cue_token=tok, how="prep")
    return None


def _verb_source(verb: Token, via: Token | None) -> Source | None:
    """A cue verb on the path from a claim/content up to the root → Source."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or not (lemma in _cues()["reporting"] or lemma in _cues()["report"]):
        return None
    if via is not None and via.dep_ in ("nsubj", "csubj", "agent"):
        return None
    spk = speaker_of(verb)
    if spk is None:
        return None
    content = None
    if via is not None and via.dep_ in _CONTENT_DEPS:
        content = verb.doc[via.left_edge.i:via.right_edge.i + 1]
    return Source(speaker=source_span(spk), cue=verb.text, cue_token=verb, full=full_span(spk),
                  channel=channel_of(verb), content=content, how="verb" if not any(
                      c.dep_ == "agent" for c in verb.children) else "agent")


def sources_on_path(tok: Token) -> list[Source]:
    """Attributions governing tok, innermost first: cue verbs among its heads ("which X
    said killed…", "X reported 20 deaths", "identified by X") and "according to X"
    attached to any of them."""
    found: list[Source] = []
    doc = tok.doc
    # the walk up over head indices and the token table; a Token only where a test can pass
    hs, table, cues = heads(doc), token_table(doc), _cues()
    lemma, pos = table.lemma, table.pos
    reporting, report = cues["reporting"], cues["report"]
    prep_heads = _prep_cue_heads(doc)
    via = -1
    node = tok.i
    seen = 0
    while seen < 40:
        seen += 1
        if via >= 0 and pos[node] in ("VERB", "AUX") and (
                lemma[node] in reporting or lemma[node] in report):  # _verb_source's own test
            src = _verb_source(doc[node], doc[via])
            if src is not None:
                found.append(src)
        if node in prep_heads:
            for child in doc[node].children:
                if child.dep_ in ("prep", "advcl", "advmod") and (via < 0 or child.i != via):
                    ps = _prep_source(child)
                    if ps is not None:
                        found.append(ps)
        if hs[node] == node:
            break
        via, node = node, hs[node]
    return found


_PREP_HEADS = "wirecoder.prep_cue_heads"


def _prep_cue_heads(doc: Doc) -> set[int]:
    """The heads of the tokens `_prep_source` can read ("according", "citing" as a prep,
    advcl or advmod), once per Doc: `Token.children` holds only tokens whose head is the
    token, so any other node of `sources_on_path` has no child to test."""
    got = doc.user_data.get(_PREP_HEADS)
    if got is None or got[0] != len(doc):
        table, hs, preps = token_table(doc), heads(doc), _cues()["preps"]
        dep = table.dep
        got = doc.user_data[_PREP_HEADS] = (len(doc), {
            hs[j] for j in positions(table.lower, frozenset(preps))  # a set: a C test per token
            if dep[j] in ("prep", "advcl", "advmod")})
    return got[1]  # type: ignore[no-any-return]


def sentence_sources(sent: Span) -> list[Source]:
    """Every attribution in a sentence: cue verbs with a speaker and a clausal content,
    and "according to X" phrases (content = the rest of the clause)."""
    out: list[Source] = []
    doc = sent.doc
    table = token_table(doc)
    dep, pos, lower = table.dep, table.pos, table.lower
    cands = _cue_candidates(doc)
    for i in cands[bisect_left(cands, sent.start):bisect_left(cands, sent.end)]:
        tok = doc[i]
        # "according to X" (even when parsed as the root); "citing X" is a stance verb
        # here: its object is what is cited, its subject the source
        ps = _prep_source(tok) if tok.lower_ == "according" else None
        if ps is not None:
            ps.content = _rest_of_clause(sent, tok, ps.speaker)
            out.append(ps)
            continue
        reporting = is_reporting_verb(tok)
        if not reporting and not is_stance_verb(tok):
            continue
        content = [doc[c] for c in children(doc, i) if (dep[c] in ("ccomp", "parataxis")
                   or (dep[c] == "xcomp" and pos[c] in ("VERB", "AUX") and not any(
                       dep[g] == "aux" and lower[g] == "to" for g in children(doc, c))))
                   and not _bare_cue(doc[c])]
        spk = speaker_of(tok)
        if spk is None:
            continue
        span: Span | None
        if content:
            c = content[0]
            span = _to_sentence_edge(sent, tok, sent.doc[c.left_edge.i:c.right_edge.i + 1])
        else:
            span = (_after_colon(sent, tok) or _around_parenthetical(sent, tok, spk)
                    if reporting else None) or _governed_right(tok, reporting)
        if span is None:
            continue
        out.append(Source(speaker=source_span(spk), cue=tok.text, cue_token=tok,
                          channel=channel_of(tok), content=span, full=full_span(spk)))
    return out


def _cue_candidates(doc: Doc) -> list[int]:
    """The tokens of a Doc that sentence_sources tests at all (no Token is made for the
    rest): "according", a reporting verb (is_reporting_verb) or a stance verb
    (is_stance_verb); in order, found once per Doc (kept in `doc.user_data`)."""
    got = doc.user_data.get(_CUE_CANDIDATES)
    if got is not None and got[0] == len(doc):
        return got[1]  # type: ignore[no-any-return]
    table, cues = token_table(doc), _cues()
    reporting_lemmas, stance_lemmas = cues["reporting"], cues["stance"]
    either = reporting_lemmas | stance_lemmas
    lower, pos, lemma = table.lower, table.pos, table.lemma
    # one set test per token, the exact test only where it passes
    found = sorted(set(positions(lemma, either)).union(positions(lower, ("according",))))
    found = [i for i in found if lower[i] == "according" or (
        pos[i] in ("VERB", "AUX") and lemma[i] in reporting_lemmas) or (
        pos[i] == "VERB" and lemma[i] in stance_lemmas)]
    doc.user_data[_CUE_CANDIDATES] = (len(doc), found)
    return found


_CUE_CANDIDATES = "wirecoder.cue_candidates"


def _to_sentence_edge(sent: Span, verb: Token, content: Span) -> Span:
    """Reported speech runs to the sentence edge away from its cue: "X said A, and B"
    attributes "A, and B" even where the parser closed the clause after A."""
    doc = sent.doc
    if content.start > verb.i:
        end = sent.end
        while end > content.end and _edge(doc, end - 1):
            end -= 1
        return doc[content.start:max(end, content.end)]
    if content.end <= verb.i:
        start = sent.start
        while start < content.start and _edge(doc, start):
            start += 1
        return doc[min(start, content.start):content.end]
    return content


def _edge(doc: Doc, i: int) -> bool:
    """doc[i].is_punct or doc[i].is_space, from the token table."""
    table = token_table(doc)
    return table.punct[i] or table.space[i]


def _bare_cue(tok: Token) -> bool:
    """A parenthetical "…, X said, …" the parser hung under the clause it attributes."""
    return is_reporting_verb(tok) and not any(
        c.dep_ in ("ccomp", "parataxis", "dobj", "xcomp") for c in tok.children)


def _after_colon(sent: Span, verb: Token) -> Span | None:
    """X said: we will win. → the text after the colon (to the end of the sentence)."""
    doc = sent.doc
    k = verb.i + 1
    if k < sent.end and doc[k].text == ":" and k + 2 < sent.end:
        return doc[k + 1:sent.end]
    return None


def _around_parenthetical(sent: Span, verb: Token, spk: Token) -> Span | None:
    """A cue set off by commas inside a clause ("Back home, Ms. Roe said, she began …";
    "…, he said, …") attributes the rest of the sentence: the longer side of it."""
    doc = sent.doc
    lo = min(spk.left_edge.i, verb.i)
    hi = max(verb.i, spk.right_edge.i) + 1
    while hi < sent.end and doc[hi].dep_ in ("prep", "pobj", "npadvmod", "advmod", "det",
                                             "compound") and doc[hi].head.i >= lo \
            and doc[hi].text != ",":
        hi += 1  # "he said on Monday,"
    if lo - 1 < sent.start or doc[lo - 1].text != ",":
        return None
    if hi < sent.end and doc[hi].text not in (",", ".", "!", "?"):
        return None
    before = (sent.start, lo - 1)
    after = (hi + 1, sent.end) if hi < sent.end and doc[hi].text == "," else (sent.end, sent.end)
    a, b = max((before, after), key=lambda r: r[1] - r[0])
    while b > a and _edge(doc, b - 1):
        b -= 1
    return doc[a:b] if b - a >= 2 else None


_OBJ_DEPS = frozenset({"dobj", "xcomp", "ccomp", "dative", "oprd", "attr", "acomp"})
_TAIL_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "oprd", "xcomp", "ccomp", "dobj",
                        "dative", "acomp", "attr", "pcomp"})


def _governed_right(verb: Token, reporting: bool) -> Span | None:
    """What a cue verb governs to its right when it has no clause: "announced the arrest of
    …", "wants to cut taxes", "attacked her opponent as a fraud", "called for a ceasefire".
    Reporting verbs need an object ("said in a statement" attributes nothing)."""
    rights = [c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj")]
    start = None
    for c in rights:
        if c.dep_ in _OBJ_DEPS or ((not reporting or is_stance_verb(verb)) and c.dep_ == "prep"
                                   and c.lower_ in ("for", "about", "on", "against", "to", "with")):
            start = c
            break
    if start is None:
        return None
    end = start.right_edge.i
    for c in rights:
        if c.i > start.i and c.dep_ in _TAIL_DEPS:
            end = max(end, c.right_edge.i)
    lo = start.left_edge.i
    if lo <= verb.i:
        lo = verb.i + 1
    span = verb.doc[lo:end + 1]
    return span if len(span) >= 1 else None


def _rest_of_clause(sent: Span, cue: Token, speaker: Span) -> Span | None:
    """The clause an "according to X" phrase attributes: the sentence minus the phrase."""
    doc = sent.doc
    # the phrase ends with the source noun phrase (an apposition or clause the parser
    # hung on it, even the rest of the sentence, is content)
    a, b = cue.i, speaker.end
    before = (sent.start, a)
    after = (b, sent.end)
    lo, hi = max((before, after), key=lambda r: r[1] - r[0])
    while lo < hi and _edge(doc, lo):
        lo += 1
    while hi > lo and _edge(doc, hi - 1):
        hi -= 1
    return doc[lo:hi] if hi > lo else None


def _is_pronoun(span: Span) -> bool:
    c = _cues()
    return len(span) == 1 and span[0].lower_ in c["person_pronouns"] | c["group_pronouns"]


def resolve_pronoun(ctx: ExtractionContext, tok: Token,
                    skip: Iterable[tuple[int, int]] = ()) -> str | None:
    """The actor a pronoun speaker stands for: the nearest earlier mention that is a
    clause subject (salient), else the nearest earlier mention; a person for he/she.
    Mentions inside `skip` ranges (the quote being attributed) do not count."""
    low = tok.lower_
    want_person = low in _cues()["person_pronouns"]
    skip = list(skip)
    doc = tok.doc
    best: tuple[int, int, str] | None = None  # (is_subject, end, id)
    subjects = _memo(doc, "mention_subjects")
    for actor in ctx.actors.actors:
        kind = actor.kind.value if hasattr(actor.kind, "value") else actor.kind
        if want_person != (kind == ActorKind.person.value):
            continue
        for m in actor.mentions:
            if m.end > tok.idx or any(a <= m.start < b for a, b in skip):
                continue
            if tok.idx - m.end > 3000:
                continue
            subj = subjects.get((m.start, m.end))
            if subj is None:  # once per mention and Doc: many pronouns look at the same ones
                mspan = doc.char_span(m.start, m.end, alignment_mode="expand")
                subj = subjects[m.start, m.end] = int(mspan is not None and len(mspan) > 0 and any(
                    t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass")
                    for t in mspan))
            key = (subj, m.end, actor.id)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def resolve_source(ctx: ExtractionContext, span: Span,
                   skip: Iterable[tuple[int, int]] = ()) -> str | None:
    """Actor id of a source phrase. Pronouns go to an earlier actor (resolve_pronoun);
    other phrases through the ActorTable (which creates unknown ones)."""
    if len(span) == 0:
        return None
    ids = ctx.actors.resolve_span(span)
    if _is_pronoun(span):
        # the ActorTable's coreference first; our salience rule when it finds nobody
        return ids[0] if ids else resolve_pronoun(ctx, span[0], skip)
    if not ids:
        return None
    # the head noun's actor first: "the Health Ministry of Hamas" → the ministry, not Hamas
    head_ids = ctx.actors.at(span.root.idx, span.root.idx + len(span.root.text))
    for i in head_ids:
        if i in ids:
            return i
    return ids[0]


def source_kind(span: Span, actor_id: str | None, self_ids: Iterable[str] = ()) -> AttributionKind:
    """named | anonymous | self (the source is one of the event's own actors)."""
    if actor_id is not None and actor_id in set(self_ids):
        return AttributionKind.self
    if not any(t.ent_type_ or t.pos_ == "PROPN" for t in span) and \
            span.root.lemma_.lower() in _cues()["anonymous"]:
        return AttributionKind.anonymous
    return AttributionKind.named


def attribute(ctx: ExtractionContext, target: Token | Span,
              actor_ids: Iterable[str] = ()) -> list[Attribution]:
    """Event.attribution for a predicate token (or a clause/sentence: its root): every
    source governing it, innermost first; kind `self` when the source is one of
    actor_ids (the event's actors)."""
    tok = target.root if hasattr(target, "root") else target
    out: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for src in sources_on_path(tok):
        key = (src.speaker.start, src.speaker.end)
        if key in seen:
            continue
        seen.add(key)
        aid = resolve_source(ctx, src.speaker)
        out.append(Attribution(source=aid, text=src.text,
                               kind=source_kind(src.speaker, aid, actor_ids)))
    return out


__all__ = [
    "LEXICON_DIR",
    "Source",
    "attribute",
    "channel_of",
    "full_span",
    "is_reporting_verb",
    "is_stance_verb",
    "load_lexicon",
    "reporting_lemmas",
    "resolve_pronoun",
    "resolve_source",
    "sentence_sources",
    "source_kind",
    "source_span",
    "sources_on_path",
    "speaker_of",
]
