"""Actors: named entities and knowledge-base names → canonical actors; noun phrases (role
phrases, demonym groups, "his movement", pronouns) → the actors they denote.

build_actor_table() (names.py) finds the names; ActorTable.resolve_span() is what events,
claims and quotes call for every argument phrase; see docs/actors.md for the rules.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from operator import attrgetter
from typing import TYPE_CHECKING, Iterable

from ..schema import Actor, ActorKind, Mention
from . import coref
from .coref import span_text  # Span.text joins its tokens again on every use
from .phrases import (DOCUMENT_NOUNS, POSS_PRON, PRONOUNS, QUANTITY_NOUNS, appos_parts,
                      base_name, clean, core, demonym, drop_det, institution_prefix, of_phrase,
                      trim, with_place, without_possessive)
from .token_table import children, token_table
from .kb import (KBActor, country_code, country_display, countries, kb_lookup, norm, role_of,
                 roles)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MAX_MENTION_TOKENS = 14
_START = attrgetter("start")  # a mention's sort key, without a Python call


def norm_name(name: str) -> str:
    """Key for merging names: casefolded, punctuation-free, one leading 'the ' dropped."""
    return norm(name)


class ActorTable:
    """The actors of one report, with their mentions; ids are a1, a2, …"""

    def __init__(self, doc: "Doc | None" = None) -> None:
        self.actors: list[Actor] = []
        self.doc = doc
        self._by_id: dict[str, Actor] = {}
        self._by_key: dict[str, str] = {}
        self._kb: dict[str, KBActor] = {}
        self._pending_aff: dict[str, str] = {}  # actor id → organisation name
        self._office: dict[str, list[str]] = {}  # person id → norm'd "of" phrases they head
        self._titles: dict[str, set[str]] = {}  # person id → role words before their name
        self._names: set[tuple[str, int]] = set()  # (actor id, start) of name mentions
        self._resolved: dict[tuple[int, int], list[str]] = {}  # span → ids (memo)
        self._spans: set[tuple[str, int, int]] = set()  # (actor id, start, end) recorded
        # Every recorded mention as (start, end, actor's position in `actors`), sorted by
        # start, with the longest mention's length: at() and _covering() look only at the
        # mentions that can reach the asked offsets instead of every mention of every actor.
        self._starts: list[int] = []
        self._extents: list[tuple[int, int, int]] = []
        self._longest = 0
        self._order: dict[str, int] = {}  # actor id → its position in `actors`

    # ------------------------------------------------------------ table basics
    def get(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def kb_entry(self, actor_id: str | None) -> KBActor | None:
        """The knowledge-base record behind an actor, if any."""
        return self._kb.get(actor_id) if actor_id else None

    def find(self, name: str) -> str | None:
        """Id of the actor with this canonical name or mention text, if any."""
        return self._by_key.get(norm(name))

    def add(self, name: str, kind: ActorKind | str, *, country: str | None = None,
            sector: str | None = None, affiliation: str | None = None,
            mention: tuple[int, int, str] | None = None) -> str:
        """Add (or find, by name) an actor and record the mention; returns its id."""
        key = norm(name)
        actor_id = self._by_key.get(key)
        if actor_id is None:
            actor_id = f"a{len(self.actors) + 1}"
            actor = Actor(id=actor_id, name=name, kind=ActorKind(kind), country=country,
                          sector=sector, affiliation=affiliation)
            self._order[actor_id] = len(self.actors)
            self.actors.append(actor)
            self._by_id[actor_id] = actor
            self._by_key[key] = actor_id
            self._link_pending()
        else:
            actor = self._by_id[actor_id]
            # `x = x or new`, assigning only a change: a model's __setattr__ is a Python call
            # (and the set of assigned fields is read nowhere)
            if not actor.country and actor.country != country:
                actor.country = country
            if not actor.sector and actor.sector != sector:
                actor.sector = sector
            if not actor.affiliation and actor.affiliation != affiliation:
                actor.affiliation = affiliation
        if mention is not None:
            self.add_mention(actor_id, *mention)
        return actor_id

    def add_kb(self, kba: KBActor, mention: tuple[int, int, str] | None = None) -> str:
        """Add a knowledge-base actor (canonical name, kind, country, sector, aliases)."""
        kind = kba.kind if kba.kind in ActorKind.__members__ else "organization"
        actor_id = self.add(kba.name, kind, country=kba.country, sector=kba.sector,
                            mention=mention)
        self._kb[actor_id] = kba
        for alias in kba.aliases:
            self._by_key.setdefault(norm(alias), actor_id)
        if kba.affiliation and not self._by_id[actor_id].affiliation:
            self._pending_aff[actor_id] = kba.affiliation
            self._link_pending()
        if kba.office_of:
            self._office.setdefault(actor_id, []).extend(norm(o) for o in kba.office_of)
        if kba.office_role:
            self._titles.setdefault(actor_id, set()).add(norm(kba.office_role.split()[-1]))
        return actor_id

    def add_mention(self, actor_id: str, start: int, end: int, text: str,
                    name: bool = True) -> None:
        """Record a mention; `name=False` for a phrase resolved to the actor (a role phrase,
        a pronoun's phrase), which never decides what a later phrase denotes."""
        actor = self._by_id[actor_id]
        if name:
            self._names.add((actor_id, start))
        key = (actor_id, start, end)
        if key not in self._spans:
            self._spans.add(key)
            insort(actor.mentions, Mention(start=start, end=end, text=text), key=_START)
            k = bisect_right(self._starts, start)
            self._starts.insert(k, start)
            self._extents.insert(k, (start, end, self._order[actor_id]))
            self._longest = max(self._longest, end - start)
        self._by_key.setdefault(norm(text), actor_id)

    def at(self, start: int, end: int) -> list[str]:
        """Ids of actors with a mention overlapping the character span [start, end), in
        table order."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        found = {n for s, e, n in self._extents[lo:hi] if start < e}
        actors = self.actors
        return [actors[n].id for n in sorted(found)]

    def mentions_starting(self, lo: int, hi: int) -> list[tuple[int, int, Actor]]:
        """(start, end, actor) of every mention starting in [lo, hi), by start."""
        actors = self.actors
        a, b = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return [(s, e, actors[n]) for s, e, n in self._extents[a:b]]

    def _link_pending(self) -> None:
        """Set affiliations whose organisation is now in the table (Haniyeh → Hamas)."""
        for actor_id, org_name in list(self._pending_aff.items()):
            org = self.find(org_name)
            if org is None:
                kba = kb_lookup(org_name)
                org = self.find(kba.name) if kba is not None else None
            if org is not None and org != actor_id:
                self._by_id[actor_id].affiliation = org
                del self._pending_aff[actor_id]

    def _covering(self, tok: "Token") -> str | None:
        """The actor with a name mention (not a resolved phrase) covering this token."""
        idx, names, actors = tok.idx, self._names, self.actors  # Token.idx is a call
        lo = bisect_left(self._starts, idx - self._longest)
        hi = bisect_right(self._starts, idx)
        best: int | None = None  # the first actor in table order wins
        for s, e, n in self._extents[lo:hi]:
            if idx < e and (best is None or n < best) and (actors[n].id, s) in names:
                best = n
        return actors[best].id if best is not None else None

    # ------------------------------------------------------------ resolution
    def resolve_span(self, span: "Span") -> list[str]:
        """The actors a noun phrase denotes (coordination → several); each gets the phrase
        as a mention. Creates a `group`/`population` actor for a descriptive phrase."""
        trimmed = trim(span)
        if trimmed is None:
            return []
        span = trimmed
        key = (span.start_char, span.end_char)
        if key in self._resolved:
            return list(self._resolved[key])
        self._resolved[key] = []  # in progress: a cycle through coreference ends here
        ids = _dedupe(self._resolve(span, depth=0))
        self._resolved[key] = ids
        if ids and len(span) <= _MAX_MENTION_TOKENS:
            for actor_id in ids:
                self.add_mention(actor_id, span.start_char, span.end_char, span_text(span),
                                 name=False)
        core_span = core(span)
        if ids and core_span.start_char != span.start_char and len(span) <= _MAX_MENTION_TOKENS \
                and span.root.pos_ != "PRON":
            for actor_id in ids:
                self.add_mention(actor_id, core_span.start_char, core_span.end_char,
                                 span_text(core_span), name=False)
        ext = with_place(span)
        if ext is not None and ids:
            from .places import country_of

            iso = country_of(span_text(ext[1]))
            ext_core = span.doc[core_span.start:ext[0].end]  # without counts: "parties in Nepal"
            for actor_id in ids:
                for e in {ext[0], ext_core}:
                    self.add_mention(actor_id, e.start_char, e.end_char, span_text(e), name=False)
                actor = self._by_id[actor_id]
                if iso and not actor.country and str(actor.kind) != "person":
                    actor.country = iso
        if len(ids) == 1:  # "Kenzo Oshima, the UN relief coordinator": each part names it
            for part in appos_parts(span):
                self.add_mention(ids[0], part.start_char, part.end_char, span_text(part),
                                 name=False)
        return ids

    def _resolve(self, span: "Span", depth: int) -> list[str]:
        if depth > 4:
            return []
        root = span.root
        low = root.lower_
        if root.pos_ == "PRON" or (low in PRONOUNS and not root.text.isupper()):  # not "US"
            hit = coref.resolve_pronoun(self, root)
            return [hit] if hit else []
        if len(span) == 1 and countries().demonyms.get(norm(root.text)) \
                and self._covering(root) is None:  # a bare demonym ("Israeli") → the state
            iso = countries().demonyms[norm(root.text)]
            return [self.add(country_display(iso), ActorKind.state, country=iso, sector="GOV")]
        # the root's children as indices, their labels from the token table: a Token only for
        # the children asked about
        doc = span.doc
        table = token_table(doc)
        dep, pos = table.dep, table.pos
        kids = children(doc, root.i)
        if root.pos_ in ("VERB", "AUX"):  # a misparse made a verb the head: its subject
            k = next((c for c in kids if dep[c] in ("nsubj", "nsubjpass")
                      and span.start <= c < span.end), None)
            if k is None:
                return []
            subj = doc[k]
            sub = trim(doc[max(span.start, subj.left_edge.i):min(span.end, subj.i + 1)])
            return self._resolve(sub, depth + 1) if sub is not None else []
        # Coordination of the head: "Israel and Hamas", "Kenya, along with Ethiopia".
        conjs = [doc[c] for c in kids if dep[c] == "conj" and span.start <= c < span.end
                 and pos[c] in ("NOUN", "PROPN", "PRON", "NUM", "ADJ")]
        if conjs:
            out: list[str] = []
            first_end = min(min(t.i for t in c.subtree) for c in conjs)
            left = trim(span.doc[span.start:first_end])
            if left is not None:
                out += self._resolve(left, depth + 1)
            for c in conjs:
                sub = trim(span.doc[max(span.start, min(t.i for t in c.subtree)):
                                     min(span.end, max(t.i for t in c.subtree if not (
                                         t.dep_ == "conj" and t.head.i == c.i)) + 1)])
                if sub is not None:
                    out += self._resolve(sub, depth + 1)
            return out
        # A name covering the head: "Hamas leader Ismail Haniyeh", "the Gaza Health Ministry".
        named = self._covering(root)
        if named is not None:
            return [named]
        # "the Palestinian movement Hamas": an apposed name decides.
        for c in kids:
            if dep[c] in ("appos", "compound") and c > root.i and span.start <= c < span.end:
                hit = self._covering(doc[c])
                if hit is not None:
                    return [hit]
        return self._resolve_role(span, root, depth)

    def _resolve_role(self, span: "Span", root: "Token", depth: int) -> list[str]:
        doc = span.doc
        if root.lower_ in QUANTITY_NOUNS or root.like_num:  # "thousands of Nigerians"
            inner = of_phrase(root, span)
            if inner is not None:
                return self._resolve(inner, depth + 1)
        mods = [t for t in root.lefts if span.start <= t.i]
        noun_words = [t.text for t in mods if t.dep_ in ("compound", "amod")]
        role, _ = role_of(noun_words + [root.text])
        if role is None and root.lemma_ != root.text:
            role, _ = role_of(noun_words + [root.lemma_])
        # Countries named by modifiers (with their conjuncts) or a possessive: "Israeli and
        # American", "Tunisia's", "US"; organisations among modifiers: "Hamas militants".
        isos: list[str] = []
        orgs: list[str] = []
        sector_hint: str | None = None
        for t in mods:
            if t.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            for u in [t, *[c for c in t.children if c.dep_ == "conj"]]:
                text = without_possessive(u.text)
                named = self._covering(u)
                named_actor = self.get(named)
                if named is not None and named_actor is not None and \
                        str(named_actor.kind) == "organization":
                    orgs.append(named)
                    continue
                iso = country_code(text)
                if iso and iso not in isos:
                    isos.append(iso)
                elif named_actor is not None and named_actor.country and \
                        str(named_actor.kind) == "state":
                    isos.append(named_actor.country)
                elif t.dep_ == "compound":
                    r2, _ = role_of([u.text])
                    if r2 is not None and r2.sector:
                        sector_hint = sector_hint or r2.sector
        possessor = next((t for t in mods if t.dep_ == "poss" and t.lower_ in POSS_PRON), None)
        of_ph = of_phrase(root, span)
        text = clean(span)
        # "a report released in the Rwandan capital", "a report by Amnesty": a document
        # speaks for its author, else for the country it was issued in.
        if root.lemma_.lower() in DOCUMENT_NOUNS and not isos and not orgs:
            doc_hit = self._document_source(root, depth)
            if doc_hit:
                return doc_hit
        # "his movement" / "the Islamist movement" / "the group": coreference.
        if role is not None and role.kind == "organization" and not isos and not orgs:
            if possessor is not None:
                found = coref.resolve_possessive(self, possessor, root, text)
                if found:
                    return [found]
            elif of_ph is None:
                found = coref.resolve_description(self, root, drop_det(text))
                if found:
                    return [found]
        # "its troops", "their fighters": the owner's members (the organisation itself) or
        # a group of the owner's country.
        if possessor is not None and role is not None and not isos and not orgs:
            owner = self.get(coref.resolve_pronoun(self, possessor))
            if owner is not None:
                if str(owner.kind) == "organization" and (
                        norm(root.text) in roles().members or norm(root.lemma_) in
                        roles().members):
                    return [owner.id]
                if owner.country:
                    isos.append(owner.country)
        if orgs and role is not None and role.kind == "person":
            titled = self._titled_member(root, orgs)
            if titled is not None:  # "the Hezbollah spokesman" → the one named so
                return [titled]
        # Members of an organisation denote it: "Hamas Islamists", "Hezbollah fighters".
        members = roles().members
        if orgs and (norm(root.text) in members or norm(root.lemma_) in members):
            return orgs[:1]
        if orgs and (role is None or role.kind in ("group", "organization")):
            return orgs[:1]  # "European Community foreign ministers", "U.N. helicopters"
        # "Haiti's efforts", "Israel's wish": a non-role noun stands for its possessor.
        if role is None and root.pos_ == "NOUN":
            for t in mods:
                if t.dep_ == "poss" and t.lower_ not in POSS_PRON:
                    owner_id = self._covering(t)
                    if owner_id is not None:
                        return [owner_id]
        # "the head of X": the person holding that office once the article names them.
        of_ids: list[str] = []
        if of_ph is not None:
            of_ids = self._resolve(of_ph, depth + 1)
            for oid in of_ids:
                a = self.get(oid)
                if a is not None and str(a.kind) == "state" and a.country and a.country not in isos:
                    isos.append(a.country)
        if role is not None and role.kind == "organization" and role.sector == "GOV" and \
                len(of_ids) == 1 and str(self._by_id[of_ids[0]].kind) == "person":
            return of_ids  # "the government of President X" acts as X (PLOVER codes it so)
        if role is not None and role.kind == "person" and not isos and not orgs \
                and of_ph is None and root.tag_ not in ("NNS", "NNPS"):
            titled = self._titled(root)
            if titled is not None:  # "the former president" → President Donald Trump
                return [titled]
        if role is not None and role.kind == "person" and (orgs or of_ids) \
                and root.tag_ not in ("NNS", "NNPS"):
            titled = self._titled_member(root, orgs + of_ids)
            if titled is not None:  # "the spokesman of the army" → the one named so
                return [titled]
        if role is not None and role.leader and role.kind == "person":
            holder = self._office_holder(of_ids or orgs, isos, sector_hint or _sector_of(
                self, of_ids) or role.sector, of_ph)
            if holder is not None:
                return [holder]
        # A generic head ("officials", "chiefs") takes its sector from the institution
        # noun before it ("intelligence chiefs" → SPY); a specific one keeps its own
        # ("government forces" → MIL).
        generic = role is None or role.sector in (None, "GOV") and role.kind != "organization"
        sector = ((sector_hint if generic else None) or (role.sector if role else None)
                  or sector_hint or _sector_of(self, of_ids))
        kind = role.kind if role is not None else "group"
        if kind == "person" and root.tag_ in ("NNS", "NNPS"):  # "envoys": several people
            kind = "group"
        if kind == "organization" and not isos and not of_ids and role is not None \
                and role.sector is None:
            kind = "group"
        affiliation = next((o for o in of_ids + orgs
                            if str(self._by_id[o].kind) == "organization"), None)
        institution = institution_prefix(root, span) if generic else None
        if len(isos) > 1:  # "Israeli and American intelligence chiefs" → one actor per country
            rest = " ".join(t.text for t in doc[root.left_edge.i:root.i + 1]
                            if t.dep_ not in ("det", "cc", "punct") and
                            country_code(t.text) is None)
            out = []
            for iso in isos:
                dem = demonym(iso)
                out.append(self.add(f"{dem} {rest}".strip(), kind, country=iso, sector=sector))
            return out
        country = isos[0] if isos else _country_of_ids(self, of_ids + orgs)
        if role is None and country is None and root.pos_ not in ("NOUN", "PROPN"):
            return []
        kba = kb_lookup(text)
        if kba is not None:
            return [self.add_kb(kba)]
        new = self.add(base_name(span), kind, country=country, sector=sector,
                       affiliation=affiliation)
        if institution is not None:  # "Israeli intelligence officials": "Israeli intelligence"
            self.add_mention(new, institution.start_char, institution.end_char,
                             span_text(institution), name=False)
        if len(isos) == 1:  # the demonym alone also names the group ("Egyptian")
            for t in mods:
                if country_code(t.text) == isos[0] and t.dep_ in ("amod", "compound"):
                    self.add_mention(new, t.idx, t.idx + len(t.text), t.text, name=False)
        return [new]

    def _titled_member(self, root: "Token", org_ids: list[str]) -> str | None:
        """The one person of these organisations named with this title ("IDF spokesman
        Daniel Hagari" → "the IDF spokesman"); singular phrases only."""
        if root.tag_ in ("NNS", "NNPS"):
            return None
        keys = {norm(root.text), norm(root.lemma_)}
        same = [a.id for a in self.actors if str(a.kind) == "person"
                and a.affiliation in org_ids and keys & self._titles.get(a.id, set())]
        return same[0] if len(same) == 1 else None

    def _titled(self, root: "Token") -> str | None:
        """The person last named with this title before the phrase ("President X")."""
        keys = {norm(root.text), norm(root.lemma_)}
        best: tuple[int, str] | None = None
        for pid, titles in self._titles.items():
            if not keys & titles:
                continue
            for m in self._by_id[pid].mentions:
                if m.end <= root.idx and (pid, m.start) in self._names and (
                        best is None or m.start > best[0]):
                    best = (m.start, pid)
        return best[1] if best is not None else None

    def _document_source(self, root: "Token", depth: int) -> list[str]:
        doc = root.doc
        for t in root.subtree:
            if t.dep_ == "agent" and t.head.head.i == root.i or (
                    t.dep_ == "prep" and t.lower_ == "by" and t.head.i == root.i):
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._resolve(doc[pobj.left_edge.i:pobj.right_edge.i + 1], depth + 1)
        for t in root.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("in", "from"):
                from .places import country_of

                phrase = doc[t.left_edge.i:t.i + 1]
                iso = next((country_code(w.text) for w in phrase if country_code(w.text)),
                           None) or country_of(span_text(phrase))
                if iso:
                    return [self.add(country_display(iso), ActorKind.state, country=iso,
                                     sector="GOV")]
        return []

    def _office_holder(self, org_ids: list[str], isos: list[str], sector: str | None,
                       of_span: "Span | None") -> str | None:
        """A person in the table heading the organisation / country-sector described."""
        people = [a for a in self.actors if str(a.kind) == "person"]
        of_key = norm(drop_det(span_text(of_span))) if of_span is not None else None
        hits = []
        for p in people:
            offices = self._office.get(p.id, [])
            if of_key and of_key in offices:
                hits.append(p.id)
            elif org_ids and (p.affiliation in org_ids and offices):
                hits.append(p.id)
            elif org_ids and any(norm(self._by_id[o].name) in offices for o in org_ids):
                hits.append(p.id)
            elif offices and sector and p.sector == sector and (
                    not isos or p.country in isos):
                hits.append(p.id)
        hits = _dedupe(hits)
        return hits[0] if len(hits) == 1 else None


# ---------------------------------------------------------------- helpers


def _dedupe(ids: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for i in ids:
        if i and i not in seen:
            seen.append(i)
    return seen


def _sector_of(table: ActorTable, ids: list[str]) -> str | None:
    for i in ids:
        a = table.get(i)
        if a is not None and a.sector and str(a.kind) != "state":
            return a.sector
    return None


def _country_of_ids(table: ActorTable, ids: list[str]) -> str | None:
    for i in ids:
        a = table.get(i)
        if a is not None and a.country:
            return a.country
    return None


# Re-exported here (the contract: extract.actors.build_actor_table); names.py imports
# ActorTable lazily, so either module can be imported first.
from .names import build_actor_table  # noqa: E402

__all__ = ["ActorTable", "build_actor_table", "norm_name"]
