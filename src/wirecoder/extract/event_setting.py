"""When, where, how many and told by whom: the date, place, toll and attribution of an
event from its clause (a mixin of the events builder; see docs/extraction.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import Attribution, DatePrecision, EventDate
from . import dates as _dates
from . import places as _places
from .arguments import is_actor_like, phrase
from .event_roles import _EARLIER, _LOCATIVE, _REPORTING, _TERRITORY_NOUNS, _governing_hit
from .merge_mentions import Draft
from .predicates import PredicateHit
from .tolls import leave_toll, toll_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from .context import ExtractionContext


class EventSetting:
    """Date, place, toll and attribution lookups; needs the builder's document indexes."""

    ctx: "ExtractionContext"
    doc: "Doc"
    sents: list["SpacySpan"]
    sent_index: dict[int, int]
    by_i: dict[int, PredicateHit]
    drafts: dict[int, Draft]
    _sent_dates: dict[int, list[tuple[int, int, EventDate]]]
    _main_place: object
    _main_place_done: bool
    _attrib: dict[int, list[Attribution]]

    # ------------------------------------------------------------ date, place
    def _dates_of(self, sent_n: int) -> list[tuple[int, int, EventDate]]:
        if sent_n not in self._sent_dates:
            finder = getattr(_dates, "find_dates", None)
            self._sent_dates[sent_n] = (
                finder(self.sents[sent_n], self.ctx.published) if finder else []
            )
        return self._sent_dates[sent_n]

    def _date(self, hit: PredicateHit, own: list["Token"]) -> tuple[EventDate, bool]:
        sent_n = self.sent_index[hit.token.i]
        found = self._dates_of(sent_n)
        own_chars = {(t.idx, t.idx + len(t)) for t in own}
        own_lo = min(t.idx for t in own)
        own_hi = max(t.idx + len(t) for t in own)
        mine = [
            d
            for d in found
            if own_lo <= d[0]
            and d[1] <= own_hi
            and any(s >= d[0] and e <= d[1] for s, e in own_chars)
        ]
        if mine:
            mine.sort(key=lambda d: abs(d[0] - hit.token.idx))
            return mine[0][2], True
        if hit.nominal and any(
            c.lower_ in _EARLIER for c in hit.token.children if c.dep_ == "amod"
        ):
            return EventDate(precision=DatePrecision.unknown, text="earlier"), True
        # a date of a governing clause ("said on Monday that …", "arrived on Thursday … a
        # delegation that discussed …") or the sentence's only date
        cur = hit.token
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i in self.by_i and cur.i in self.drafts:
                d = self.drafts[cur.i]
                return d.date, d.date_own
            for d in found:
                toks = self.doc.char_span(d[0], d[1], alignment_mode="expand")
                if toks is not None and any(
                    t.head.i == cur.i or (t.head.head.i == cur.i and t.head.dep_ == "prep")
                    for t in toks
                ):
                    return d[2], True
        others = [d for d in found if not self._owned_by_other(d, hit)]
        if len(others) == 1:
            return others[0][2], True
        return _dates.publication_date(self.ctx.published), False

    def _owned_by_other(self, d: tuple[int, int, EventDate], hit: PredicateHit) -> bool:
        toks = self.doc.char_span(d[0], d[1], alignment_mode="expand")
        if toks is None:
            return False
        for t in toks:
            gov, _ = _governing_hit(t, self.by_i, limit=4)
            if gov is not None and gov.token.i != hit.token.i:
                return True
        return False

    def _place(self, tok: "Token", own: list["Token"], sent: "SpacySpan"):  # type: ignore[no-untyped-def]
        finder = getattr(_places, "find_place_in", None)
        if finder is None:
            return None
        loc = None
        # a locative phrase of the predicate itself: "spoke in Egypt", "struck a house in X"
        for c in list(tok.children) + [
            g for c in tok.children if c.dep_ == "dobj" for g in c.children
        ]:
            if c.dep_ == "prep" and c.lower_ in _LOCATIVE:
                for g in c.children:
                    if g.dep_ == "pobj":
                        loc = loc or finder(self.doc[g.left_edge.i : g.right_edge.i + 1])
        if loc is None:
            loc = finder(self.doc[own[0].i : own[-1].i + 1])
        if loc is None:
            loc = self._territory(own)
        if loc is None:
            loc = self._target_country(tok)
        if loc is None:
            loc = finder(sent)
        if loc is None:
            if not self._main_place_done:
                mp = getattr(_places, "main_place", None)
                self._main_place = mp(self.doc) if mp else None
                self._main_place_done = True
            loc = self._main_place
        return loc

    def _target_country(self, tok: "Token"):  # type: ignore[no-untyped-def]
        """ "airstrikes on a Yemeni port", "shelled Lebanese villages": a target named by its
        nationality and no place name: the target's country (never the attacker's)."""
        country_of = getattr(_places, "country_of", None)
        if country_of is None:
            return None
        from ..schema import Location

        # the event word, and for "killed in airstrikes on a port" the verb it explains
        heads = [tok] + ([tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "in" else [])
        targets = [c for h in heads for c in h.children if c.dep_ == "dobj"]
        targets += [g for h in heads for c in h.children
                    if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
                    for g in c.children if g.dep_ == "pobj"]
        for t in targets:
            if t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN":
                continue  # a named place: the gazetteer's business
            for c in t.children:
                if c.dep_ == "amod" and (c.ent_type_ == "NORP" or c.pos_ in ("ADJ", "PROPN")):
                    iso = country_of(c.text)
                    if iso:
                        return Location(name=None, country=iso, precision="country",
                                        text=f"{c.text} {t.text}")
        return None

    def _territory(self, own: list["Token"]):  # type: ignore[no-untyped-def]
        """ "on Israeli territory", "on Lebanese soil": the country of the nationality word."""
        country_of = getattr(_places, "country_of", None)
        if country_of is None:
            return None
        from ..schema import Location

        for t in own:
            if t.lemma_.lower() in _TERRITORY_NOUNS:
                for c in t.children:
                    if c.dep_ == "amod":
                        iso = country_of(c.text)
                        if iso:
                            return Location(
                                name=None,
                                country=iso,
                                precision="country",
                                text=f"{c.text} {t.text}",
                            )
        return None

    # ------------------------------------------------------------ toll
    def _toll(
        self, hit: PredicateHit, own: list["Token"], outcomes: list[PredicateHit]
    ) -> tuple[int | None, int | None]:
        dead = inj = None

        def add(d: int | None, i: int | None) -> None:
            nonlocal dead, inj
            if d is not None:
                dead = d if dead is None else dead + d
            if i is not None:
                inj = i if inj is None else inj + i

        if not hit.nominal:
            add(*toll_of(hit.token))
        for o in outcomes:
            if o.token.lemma_ == "leave":
                add(*leave_toll(o.token))
            else:
                add(*toll_of(o.token))
        seen = {o.token.i for o in outcomes}
        for t in own:
            if t.i == hit.token.i or t.i in seen:
                continue
            if t.pos_ in ("NOUN", "ADJ") and t.lemma_.lower() in (
                "fatality",
                "death",
                "casualty",
                "injury",
                "dead",
                "injured",
                "wounded",
            ):
                add(*toll_of(t))
        # participial outcomes not in the lexicon: "leaving 3 dead", "resulting in 2 deaths"
        for c in hit.token.children:
            if (
                c.dep_ in ("advcl", "xcomp", "conj")
                and c.lemma_ in ("leave", "result", "cause")
                and c.i not in self.by_i
            ):
                if c.lemma_ == "leave":
                    add(*leave_toll(c))
                for g in c.subtree:
                    if (
                        g.lemma_.lower() in ("fatality", "death", "casualty", "injury")
                        and g.i != c.i
                    ):
                        add(*toll_of(g))
        return dead, inj

    # ------------------------------------------------------------ attribution
    def _attribution(self, tok: "Token") -> list[Attribution]:
        """Who the sentence is told by ("according to X", "X said"), once per sentence."""
        key = self.sent_index[tok.i]
        if key not in self._attrib:
            self._attrib[key] = self._sentence_attribution(tok)
        return list(self._attrib[key])

    def _sentence_attribution(self, tok: "Token") -> list[Attribution]:
        out: list[Attribution] = []
        sent = tok.sent
        for t in sent:
            if (
                t.lower_ == "according"
                and t.i + 1 < len(self.doc)
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
        if root.lemma_ in _REPORTING and root.i not in self.by_i:
            subj = [c for c in root.children if c.dep_ == "nsubj"]
            if subj and subj[0].pos_ != "PRON":
                span = phrase(subj[0])
                ids = self.ctx.actors.resolve_span(span)
                out.append(
                    Attribution(source=ids[0] if ids else None, text=span.text, kind="named")
                )
        return out[:2]


__all__ = ["EventSetting"]


_TIME_PREPS = frozenset({"in", "during", "since", "until", "before", "by", "from", "after"})


def _past_year_of(pred: "Token", year: int) -> bool:
    """Is there a year before `year` dating the clause of `pred` ("in 2004", "during the
    1967 war", "since 1901") — a year token whose preposition hangs on the predicate?"""
    for t in pred.sent:
        if not (t.shape_ == "dddd" and t.like_num and 1800 <= int(t.text) < year):
            continue
        up = t.head if t.dep_ != "pobj" else t
        if up.dep_ != "pobj" and up.head.dep_ == "pobj":
            up = up.head
        prep = up.head if up.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in _TIME_PREPS and prep.head.i == pred.i:
            return True
        if t.dep_ == "npadvmod" and t.head.i == pred.i:
            return True
    return False


def mark_background(ctx: "ExtractionContext", d: Draft) -> None:
    """Setting stage: an event dated in an earlier year than the article, or told with an
    explicit earlier year, is background (`historical`), not today's news."""
    if ctx.published is None or d.status not in ("occurred", "ongoing"):
        return
    end = d.date.end or d.date.start
    if d.date_own and end is not None and int(str(end)[:4]) < ctx.published.year:
        d.status = "historical"
    elif _past_year_of(ctx.doc[d.pred_i], ctx.published.year):
        d.status = "historical"
