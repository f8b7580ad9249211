"""Setting: when, where and told by whom. The date, place and attribution of an event from
its clause (`ArticleSetting`), and the background stage (`mark_background`): an event of an
earlier year is historical (docs/extraction.md)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING

from ..schema import Attribution, DatePrecision, EventDate, Location
from .arguments import is_actor_like, phrase
from .clauses import PredicateIndex, governing_hit
from .coref import doc_text
from .dates import anchored_days, find_dates, publication_date, shift
from .event_roles import REPORTING_VERBS
from .merge_mentions import Draft
from .kb import country_display
from .datelines import dateline
from .places import country_of, find_place_in, lookup_place, main_place
from .predicates import PredicateHit
from .token_table import (char_offsets, children, entities, entity_types, heads,
                          sentence_of, sentences, token_table)

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .context import ExtractionContext

_EARLIER = frozenset({"earlier", "previous", "past", "prior", "former", "recent"})
_LOCATIVE = frozenset({
    "in", "at", "near", "outside", "inside", "across", "into", "around", "throughout",
    "within", "off", "along", "east", "west", "north", "south"
})
_TERRITORY_NOUNS = frozenset({
    "territory", "soil", "land", "side", "border", "town", "village", "city", "area",
    "region", "port", "coast", "camp", "base", "airport", "harbour", "harbor", "island"
})


_SUBORDINATE = frozenset({"advcl", "ccomp", "parataxis"})


_RECORDS = frozenset({"first", "last", "most", "least"})


def measures_record(prep: "Token") -> bool:
    """Is this "since" on a superlative or ordinal noun ("the largest protests since 2019",
    "the first time since 2014")? It measures a record, it neither dates nor backdates."""
    head = prep.head
    return prep.lower_ == "since" and head.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "advmod") and (c.tag_ in ("JJS", "RBS") or c.lower_ in _RECORDS)
        for c in head.children)


def _outside_other_clauses(tok: "Token", sent: "SpacySpan") -> set[int]:
    """The sentence's tokens minus the subordinate clauses that do not hold `tok` ("…, a day
    after the group attacked Tel Aviv": Tel Aviv is the other attack's place). The predicates
    of a sentence mostly leave out the same clauses: one set per sentence and clauses left
    out, shared (callers must not change it)."""
    doc = sent.doc
    hs = heads(doc)
    # Token.ancestors: the head links up to the root (at most len(doc) steps)
    ancestors, j = {tok.i}, tok.i
    for _ in range(len(hs)):
        if hs[j] == j:
            break
        j = hs[j]
        ancestors.add(j)
    # per Doc: each sentence's clause heads and their subtrees (spaCy's walk), made once
    memo = doc.user_data.get("wirecoder.clause_subtrees")
    if memo is None or memo[0] != len(doc):
        memo = doc.user_data["wirecoder.clause_subtrees"] = (len(doc), {}, {}, {})
    clauses, subtrees, outside = memo[1], memo[2], memo[3]
    found = clauses.get(sent.start)
    if found is None:
        dep = token_table(doc).dep
        found = clauses[sent.start] = [i for i in range(sent.start, sent.end)
                                       if dep[i] in _SUBORDINATE]
    others = tuple(i for i in found if i not in ancestors)
    everything = outside.get((sent.start, sent.end, others))
    if everything is None:
        everything = outside[sent.start, sent.end, others] = set(range(sent.start, sent.end))
        for i in others:
            sub = subtrees.get(i)
            if sub is None:
                sub = subtrees[i] = _subtree(doc, i)
            everything.difference_update(sub)
    return everything  # type: ignore[no-any-return]


def _subtree(doc: "Doc", i: int) -> list[int]:
    """The indices of `doc[i].subtree` (in no order): spaCy's subtree is the token and the
    subtrees of its `children`, which `token_table.children` keeps per Doc (the subtree
    walk makes a Token and a generator per token and level)."""
    out, todo = [i], [i]
    while todo:
        kids = children(doc, todo.pop())
        out += kids
        todo += kids
    return out


class ArticleSetting:
    """Date, place and attribution of the events of one article, from their clauses; keeps
    the article's sentence dates, main place and sentence attributions once found."""

    def __init__(self, ctx: "ExtractionContext", index: PredicateIndex) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.sents = index.sents
        self.sent_index = index.sent_index
        self.by_i = index.by_i
        self._sent_dates: dict[int, list[tuple[int, int, EventDate]]] = {}
        self._attrib: dict[int, list[Attribution]] = {}
        self._date_spans: dict[tuple[int, int], "SpacySpan | None"] = {}

    @cached_property
    def _main_place(self) -> Location | None:
        """The article's main place (places.main_place), found once."""
        return main_place(self.doc)

    # ------------------------------------------------------------ date, place
    def _dates_of(self, sent_n: int) -> list[tuple[int, int, EventDate]]:
        if sent_n not in self._sent_dates:
            self._sent_dates[sent_n] = find_dates(self.sents[sent_n], self.ctx.published)
        return self._sent_dates[sent_n]

    def date(self, hit: PredicateHit, own: list["Token"],
             drafts: dict[int, Draft]) -> tuple[EventDate, bool]:
        """The event's date and whether it is its own: a date phrase of its clause, "earlier",
        the date of a governing clause or draft (`drafts`, built heads first), the sentence's
        only date; else the publication day (not its own)."""
        sent_n = self.sent_index[hit.token.i]
        found = self._dates_of(sent_n)
        # character offsets from the table (tokens never overlap: the first and last own
        # token bound the clause's characters)
        starts, ends = char_offsets(self.doc)
        own_i = [t.i for t in own]
        own_lo, own_hi = starts[min(own_i)], ends[max(own_i)]
        mine = []
        if found:
            own_chars = {(starts[i], ends[i]) for i in own_i}
            mine = [
                d
                for d in found
                if own_lo <= d[0]
                and d[1] <= own_hi
                and any(s >= d[0] and e <= d[1] for s, e in own_chars)
            ]
        # "agreed to the deal that X laid out in May": a relative clause on another noun
        # dates that noun's story, not this event
        mine = [d for d in mine if not self._in_other_relative(d, hit.token)]
        found = [d for d in found if not self._record_since(d)]
        mine = [d for d in mine if d in found]
        if mine:
            mine.sort(key=lambda d: abs(d[0] - hit.token.idx))
            return mine[0][2], True
        anchored = self._anchored_date(sent_n, own_lo, own_hi)
        if anchored is not None:
            return anchored, True
        if hit.nominal and any(
            c.lower_ in _EARLIER for c in hit.token.children if c.dep_ == "amod"
        ):
            return EventDate(precision=DatePrecision.unknown, text="earlier"), True
        # a date of a governing clause ("said on Monday that …", "arrived on Thursday … a
        # delegation that discussed …") or the sentence's only date
        hs = heads(self.doc)  # Token.head.i of every token
        cur = hit.token.i
        for _ in range(6):
            if hs[cur] == cur:
                break
            cur = hs[cur]
            if cur in self.by_i and cur in drafts:
                return drafts[cur].date, drafts[cur].date_own
            for d in found:
                toks = self._date_span(d)
                if toks is not None and any(
                    t.head.i == cur or (t.head.head.i == cur and t.head.dep_ == "prep")
                    for t in toks
                ):
                    return d[2], True
        others = [d for d in found if not self._owned_by_other(d, hit)
                  and not self._in_other_relative(d, hit.token)]
        if len(others) == 1:
            return others[0][2], True
        if not _told_now(hit.token) and self._lead_day is not None:
            return self._lead_day, False
        return publication_date(self.ctx.published), False

    @cached_property
    def _lead_day(self) -> EventDate | None:
        """The day the lead's news happened, when the lead names one in the days before
        publication ("… a Moscow court said Monday"): an undated act told further down
        is most likely that day's, not the publication day's."""
        pub = self.ctx.published
        if pub is None:
            return None
        for n in range(min(2, len(self.sents))):
            for _, _, d in self._dates_of(n):
                if d.precision == DatePrecision.day and d.start is not None and \
                        d.start == d.end and \
                        0 <= (pub - dt.date.fromisoformat(str(d.start))).days <= 3:
                    return d
        return None

    def _date_span(self, found: tuple) -> "SpacySpan | None":
        """The tokens of a date phrase (char_span, expanded), once per phrase: every
        predicate of its sentence asks about the same phrases."""
        key = (found[0], found[1])
        if key not in self._date_spans:
            self._date_spans[key] = self.doc.char_span(found[0], found[1],
                                                       alignment_mode="expand")
        return self._date_spans[key]

    def _record_since(self, found: tuple) -> bool:
        """ "the largest displacements since October", "the first time since 2014": a
        "since" on a superlative or ordinal measures a record, it does not date the act."""
        toks = self._date_span(found)
        if toks is None or toks[0].lower_ != "since":
            return False
        return measures_record(toks[0])

    def _in_other_relative(self, found: tuple, pred: "Token") -> bool:
        """Does the date phrase hang in a relative clause on a noun other than `pred`?"""
        toks = self._date_span(found)
        if toks is None:
            return False
        cur = toks.root
        for _ in range(8):
            if cur.i == pred.i or cur.head.i == cur.i:
                return False
            # a relative clause ("the deal that X laid out in May"), not a participle
            # ("a letter posted Monday" dates the statement it carries)
            relative = cur.dep_ == "relcl" or (cur.dep_ == "acl" and any(
                c.lower_ in _RELATIVIZERS for c in cur.children))
            if relative and cur.pos_ in ("VERB", "AUX") and cur.head.i != pred.i:
                return not cur.is_ancestor(pred)  # the event told inside that clause keeps it
            cur = cur.head
        return False

    def _anchored_date(self, sent_n: int, own_lo: int, own_hi: int) -> EventDate | None:
        """ "The following day, twelve were killed": the day after the nearest earlier
        day-precision date of the story (this sentence before the phrase, then up to three
        sentences back); unknown when there is none — never the publication day."""
        sent = self.sents[sent_n]
        base = sent.start_char
        for start, end, days in anchored_days(doc_text(self.doc)[base:sent.end_char]):
            start, end = start + base, end + base
            if not (own_lo <= start and end <= own_hi) and start - base > 2:
                continue  # neither in the clause nor opening the sentence
            text = doc_text(self.doc)[start:end]
            before = [d for d in self._dates_of(sent_n) if d[1] <= start]
            for n in range(sent_n - 1, max(sent_n - 4, -1), -1):
                if before:
                    break
                before = self._dates_of(n)
            for d in reversed(before):
                moved = shift(d[2], days, text)
                if moved is not None:
                    return moved
            return EventDate(precision=DatePrecision.unknown, text=text)
        return None

    def _owned_by_other(self, d: tuple[int, int, EventDate], hit: PredicateHit) -> bool:
        toks = self._date_span(d)
        if toks is None:
            return False
        for t in toks:
            gov, _ = governing_hit(t, self.by_i, limit=4)
            if gov is not None and gov.token.i != hit.token.i:
                return True
        return False

    def place(self, tok: "Token", own: list["Token"], sent: "SpacySpan",
              speaker_country: str | None = None,
              authority_country: str | None = None,
              material: bool = False) -> Location | None:
        """Where the event happened: a locative phrase of the predicate, a place in its own
        clause, a territory or a target's nationality, the sentence, the article's main place.
        A speech act with no locative phrase of its own happened where its speaker is
        (`speaker_country`), not in the places its content names; an arrest or a ban by a
        state's government, police or courts with no place in its clause, in that state
        (`authority_country`), not in the article's most named country. A story's dateline
        places what its lead tells and the violence, protest and coercion (`material`) it
        tells without a place of their own."""
        loc = self.locative_place(tok)
        if loc is None and speaker_country:
            return Location(name=None, country=speaker_country, precision="country")
        outside: set[int] | None = None
        if loc is None:
            # not in a clause of another act inside it ("killed in strikes on a port, a day
            # after the group attacked Tel Aviv")
            outside = _outside_other_clauses(tok, sent)
            loc = find_place_in(self.doc[own[0].i : own[-1].i + 1],
                                only={t.i for t in own} & outside)
        if loc is None and authority_country:
            return Location(name=None, country=authority_country, precision="country")
        if loc is None:
            loc = _territory(self.doc, [t.i for t in own])
        if loc is None:
            loc = _target_country(tok)
        if loc is None:
            if outside is None:
                outside = _outside_other_clauses(tok, sent)
            loc = find_place_in(sent, only=outside)
            if loc is None:  # "… injured in Israeli airstrikes on a Yemeni port"
                loc = _territory(self.doc, sorted(outside))
        if loc is None:
            filed = self._filed_at
            if filed is not None and (material or self.sent_index[tok.i] <= 1):
                return filed.model_copy()
            loc = self._main_place
            if loc is not None and self.sent_index[tok.i] > 1 and loc.precision in ("city", "point"):
                # past the lead, an event told without a place is in the story's country;
                # its main town is a guess the text does not make
                loc = self._story_country
        return loc

    @cached_property
    def _filed_at(self) -> Location | None:
        """The dateline's place ("CHARLOTTE, N.C. (AP) —"), when the story is about its
        country (the article's main place is there, or there is none): the text's own
        statement of where it is, where the main place is a count of names."""
        line = dateline(self.doc)
        if line is None:
            return None
        main = self._main_place
        return line.place if main is None or main.country == line.place.country else None

    @cached_property
    def _story_country(self) -> Location | None:
        main = self._main_place
        if main is None or not main.country:
            return None
        return lookup_place(country_display(main.country)) or Location(
            name=None, country=main.country, precision="country")

    def locative_place(self, tok: "Token") -> Location | None:
        """A locative phrase of the predicate itself: "spoke in Egypt", "struck a house in X"."""
        doc = self.doc
        table = token_table(doc)
        dep, lower = table.dep, table.lower
        # the children's indices and the table: a Token only for a locative's object
        kids = children(doc, tok.i)
        for c in kids + [g for c in kids if dep[c] == "dobj" for g in children(doc, c)]:
            if dep[c] == "prep" and lower[c] in _LOCATIVE:
                for g in children(doc, c):
                    if dep[g] == "pobj":
                        obj = doc[g]
                        loc = find_place_in(doc[obj.left_edge.i : obj.right_edge.i + 1])
                        if loc is not None:
                            return loc
        return None

    # ------------------------------------------------------------ attribution
    def attribution(self, tok: "Token") -> list[Attribution]:
        """Who the sentence is told by ("according to X", "X said"), once per sentence."""
        key = self.sent_index[tok.i]
        if key not in self._attrib:
            self._attrib[key] = self._sentence_attribution(tok)
        return list(self._attrib[key])

    def _sentence_attribution(self, tok: "Token") -> list[Attribution]:
        out: list[Attribution] = []
        sent = sentence_of(tok.doc, tok.i)
        lower = token_table(self.doc).lower  # a Token only where "according" stands
        words = lower[sent.start:sent.end]  # tested in C: most sentences hold none
        found = ([sent.start + k for k, w in enumerate(words) if w == "according"]
                 if "according" in words else [])
        for t in (self.doc[i] for i in found):
            if (
                t.i + 1 < len(self.doc)
                and self.doc[t.i + 1].lower_ == "to"
            ):
                objs = [g for g in self.doc[t.i + 1].children if g.dep_ == "pobj"]
                if objs:
                    span = phrase(objs[0])
                    ids = self.ctx.actors.resolve_span(span) if is_actor_like(objs[0]) else []
                    out.append(
                        Attribution(
                            source=ids[0] if ids else None,
                            text=self.doc[t.i : span.end].text,
                            kind="named" if ids else "anonymous",
                        )
                    )
        root = sent.root
        if root.lemma_ in REPORTING_VERBS and root.i not in self.by_i:
            subj = [c for c in root.children if c.dep_ == "nsubj"]
            if subj and subj[0].pos_ != "PRON":
                span = phrase(subj[0])
                ids = self.ctx.actors.resolve_span(span)
                out.append(
                    Attribution(source=ids[0] if ids else None, text=span.text, kind="named")
                )
        return out[:2]


_NOW = frozenset({"now", "currently", "today", "still"})


def _told_now(tok: "Token") -> bool:
    """ "is now investigating", "says", "are demanding": told in the present, so of the
    publication day rather than of the lead's."""
    if tok.tag_ in ("VBZ", "VBP"):
        return True
    kids = list(tok.children)
    if any(c.dep_ == "advmod" and c.lower_ in _NOW for c in kids):
        return True
    return tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am")
                                     for c in kids)


def _target_country(tok: "Token") -> Location | None:
    """ "airstrikes on a Yemeni port", "shelled Lebanese villages": a target named by its
    nationality and no place name: the target's country (never the attacker's)."""
    # head indices, children and labels from the token table: a Token only for a modifier
    # that may be a nationality
    doc = tok.doc
    table, hs, ents = token_table(doc), heads(doc), entity_types(doc)
    dep, lower, pos = table.dep, table.lower, table.pos
    # the event word, and for "killed in airstrikes on a port" the verb it explains
    i = tok.i
    told = [i] + ([hs[hs[i]]] if dep[i] == "pobj" and lower[hs[i]] == "in" else [])
    targets = [c for h in told for c in children(doc, h) if dep[c] == "dobj"]
    targets += [g for h in told for c in children(doc, h)
                if dep[c] == "prep" and lower[c] in ("on", "at", "against")
                for g in children(doc, c) if dep[g] == "pobj"]
    for t in targets:
        if ents[t] in ("GPE", "LOC", "FAC") or pos[t] == "PROPN":
            continue  # a named place: the gazetteer's business
        for k in children(doc, t):
            if dep[k] != "amod" or not (ents[k] == "NORP" or pos[k] in ("ADJ", "PROPN")):
                continue
            c = doc[k]
            # a nationality is capitalised: "the same time" names no country
            if c.text[:1].isupper():
                iso = country_of(c.text)
                if iso:
                    return Location(name=None, country=iso, precision="country",
                                    text=f"{c.text} {doc[t].text}")
    return None


def _territory(doc: "Doc", own: list[int]) -> Location | None:
    """ "on Israeli territory", "on Lebanese soil": the country of the nationality word
    (`own`: token indices, in order; a Token only for a territory noun's modifier)."""
    table = token_table(doc)
    lemma, dep = table.lemma, table.dep
    for i in own:
        if lemma[i] in _TERRITORY_NOUNS:
            for k in children(doc, i):
                if dep[k] != "amod":
                    continue
                c = doc[k]
                if c.text[:1].isupper():
                    iso = country_of(c.text)
                    if iso:
                        return Location(
                            name=None,
                            country=iso,
                            precision="country",
                            text=f"{c.text} {doc[i].text}",
                        )
    return None


_RELATIVIZERS = frozenset({"that", "which", "who", "whom", "whose"})
_TIME_PREPS = frozenset({"in", "during", "since", "until", "before", "by", "from", "after"})


def _past_year_of(pred: "Token", year: int) -> bool:
    """Is there a year before `year` dating the clause of `pred` ("in 2004", "during the
    1967 war", "since 1901") — a year token whose preposition hangs on the predicate, or
    that names its subject ("the 2018 vote was boycotted")?"""
    sent, lower = sentence_of(pred.doc, pred.i), token_table(pred.doc).lower
    # shape "dddd" is four or more digits: only such tokens are made into Token objects
    for t in (pred.doc[i] for i in range(sent.start, sent.end)
              if len(lower[i]) >= 4 and lower[i].isdigit()):
        if not (t.shape_ == "dddd" and t.like_num and 1800 <= int(t.text) < year):
            continue
        up = t.head if t.dep_ != "pobj" else t
        if up.dep_ != "pobj" and up.head.dep_ == "pobj":
            up = up.head
        prep = up.head if up.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in _TIME_PREPS and prep.head.i == pred.i \
                and not measures_record(prep):
            return True
        if t.dep_ == "npadvmod" and t.head.i == pred.i:
            return True
        # "in 1884, when Bismarck hosted the conference": a relative clause on the year
        if pred.dep_ == "relcl" and pred.head.i == t.i:
            return True
        # "the 2018 election … was boycotted": a past year naming the predicate's subject
        if t.dep_ in ("nummod", "compound", "amod") and t.head.dep_ in ("nsubj", "nsubjpass") \
                and t.head.head.i == pred.i:
            return True
    return False


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _bare_weekday(text: str | None) -> bool:
    """ "on Tuesday", "Tuesday's": a weekday told without last/next/this."""
    words = (text or "").lower().replace("’s", "").replace("'s", "").split()
    return bool(words) and words[-1] in _WEEKDAY_NAMES and not any(
        w in ("last", "next", "this", "past") for w in words)


def mark_background(ctx: "ExtractionContext", d: Draft) -> None:
    """Setting stage: an event dated in an earlier year than the article, or told with an
    explicit earlier year, is background (`historical`), not today's news; one dated after
    the article's day is `planned`."""
    if ctx.published is None:
        return
    if d.status == "planned" and d.date_own and d.date.start is not None \
            and str(d.date.start) < ctx.published.isoformat() and _bare_weekday(d.date.text):
        # "will meet on Tuesday": the coming Tuesday, not the last one
        d.date = shift(d.date, 7, d.date.text or "") or d.date
    if d.status not in ("occurred", "ongoing"):
        return
    end = d.date.end or d.date.start
    if d.date_own and d.date.start is not None and str(d.date.start) > ctx.published.isoformat():
        # what the article dates after its own day has not happened yet ("at the ceremony on
        # August 9"): planned, whatever the verb's tense said
        d.status = "planned"
    elif d.date_own and end is not None and int(str(end)[:4]) < ctx.published.year:
        d.status = "historical"
    elif _past_year_of(ctx.doc[d.pred_i], ctx.published.year):
        d.status = "historical"
    elif not d.date_own and _an_earlier_one(ctx.doc[d.pred_i]):
        d.status = "historical"


_EARLIER_ONES = frozenset({"last", "previous", "prior", "preceding"})
_TIME_UNITS = frozenset({"time", "day", "night", "week", "weekend", "month", "year", "decade",
                         "century", "season", "summer", "winter", "spring", "autumn", "fall"})


def _an_earlier_one(pred: "Token") -> bool:
    """ "His last race was boycotted", "the previous election was marred by violence": a past
    clause about the earlier one of a recurring event is background."""
    if pred.tag_ not in ("VBD", "VBN") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "MD") for c in pred.children):
        return False
    nouns = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(n.pos_ == "NOUN" and n.lemma_.lower() not in _TIME_UNITS and any(
        c.dep_ == "amod" and c.lower_ in _EARLIER_ONES for c in n.children) for n in nouns)


_CONTINUATIONS = frozenset({"but", "and", "yet"})


def _continues_the_past(tok: "Token") -> bool:
    """Does the clause of `tok` carry on the sentence before it: opening with "But"/"And",
    or reacting to "that vote" / "those talks" (a distal demonstrative points back)?"""
    sent = sentence_of(tok.doc, tok.i)
    if tok.doc[sent.start].lower_ in _CONTINUATIONS:
        return True
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "oprd") and c.pos_ == "NOUN"
               and c.lemma_.lower() not in _TIME_UNITS
               and any(g.dep_ == "det" and g.lower_ in ("that", "those") for g in c.children)
               for c in tok.children)


def _past_year_in(sent: "SpacySpan", year: int) -> bool:
    """Is the sentence set in an earlier year ("a swap in 2022 saw …"): every date it tells
    names a year before `year` ("took over last month … its 2016 motto" is not)?"""
    # Span.ents: the Doc's entities inside the span (Doc.ents makes every Span again)
    dates = [e for e in entities(sent.doc)
             if e.start >= sent.start and e.end <= sent.end and e.label_ == "DATE"]
    return bool(dates) and all(
        any(t.shape_ == "dddd" and t.like_num and 1800 <= int(t.text) < year for t in e)
        for e in dates)


def inherit_past_frame(ctx: "ExtractionContext", drafts: list[Draft]) -> None:
    """ "A swap in 2022 freed X. But Russia refused to release Y", "His last race was
    boycotted. The OAS called that vote a farce": an undated clause that carries on a
    sentence telling only background is background too (in place; after mark_background)."""
    if ctx.published is None:
        return
    told: dict[int, set[str]] = {}
    for d in drafts:
        told.setdefault(d.sent_i, set()).add(d.status)
    sents = sentences(ctx.doc)
    for d in drafts:
        if d.status != "occurred" or d.date_own or d.support or d.sent_i == 0:
            continue
        before = told.get(d.sent_i - 1)
        if before is None:  # no event told there: its own past year sets the frame
            if not _past_year_in(sents[d.sent_i - 1], ctx.published.year):
                continue
        elif before != {"historical"}:
            continue
        if _continues_the_past(ctx.doc[d.pred_i]):
            d.status = "historical"


__all__ = ["ArticleSetting", "inherit_past_frame", "mark_background", "measures_record"]
