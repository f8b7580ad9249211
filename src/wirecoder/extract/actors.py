"""Actors: NER mentions → canonical actors (a first version: NER only, merged by name)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..schema import Actor, ActorKind, Article, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_KIND = {"PERSON": ActorKind.person, "ORG": ActorKind.organization, "GPE": ActorKind.state,
         "NORP": ActorKind.group}


def norm_name(name: str) -> str:
    """Key for merging names: casefolded, punctuation-free, one leading 'the ' dropped."""
    s = re.sub(r"[’'.]", "", name.casefold())
    s = re.sub(r"[^\w]+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


class ActorTable:
    """The actors of one report, with their mentions; ids are a1, a2, …"""

    def __init__(self) -> None:
        self.actors: list[Actor] = []
        self._by_id: dict[str, Actor] = {}
        self._by_key: dict[str, str] = {}

    def get(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def find(self, name: str) -> str | None:
        """Id of the actor with this canonical name or mention text, if any."""
        return self._by_key.get(norm_name(name))

    def add(self, name: str, kind: ActorKind | str, *, country: str | None = None,
            sector: str | None = None, affiliation: str | None = None,
            mention: tuple[int, int, str] | None = None) -> str:
        """Add (or find, by name) an actor and record the mention; returns its id."""
        key = norm_name(name)
        actor_id = self._by_key.get(key)
        if actor_id is None:
            actor_id = f"a{len(self.actors) + 1}"
            actor = Actor(id=actor_id, name=name, kind=kind, country=country, sector=sector,
                          affiliation=affiliation)
            self.actors.append(actor)
            self._by_id[actor_id] = actor
            self._by_key[key] = actor_id
        else:
            actor = self._by_id[actor_id]
            actor.country = actor.country or country
            actor.sector = actor.sector or sector
        if mention is not None:
            self.add_mention(actor_id, *mention)
        return actor_id

    def add_mention(self, actor_id: str, start: int, end: int, text: str) -> None:
        actor = self._by_id[actor_id]
        if not any(m.start == start and m.end == end for m in actor.mentions):
            actor.mentions.append(Mention(start=start, end=end, text=text))
        self._by_key.setdefault(norm_name(text), actor_id)

    def at(self, start: int, end: int) -> list[str]:
        """Ids of actors with a mention overlapping the character span [start, end)."""
        hits = []
        for a in self.actors:
            if any(m.start < end and start < m.end for m in a.mentions):
                hits.append(a.id)
        return hits

    def resolve_span(self, span: "Span") -> list[str]:
        """Actors a noun phrase denotes: those mentioned inside it, else a new actor for it."""
        ids = self.at(span.start_char, span.end_char)
        if ids:
            return ids
        text = span.text.strip()
        if not text:
            return []
        return [self.add(text, ActorKind.group, mention=(span.start_char, span.end_char, text))]


def build_actor_table(doc: "Doc", article: Article) -> ActorTable:
    """Actors from named entities (PERSON, ORG, GPE, NORP)."""
    table = ActorTable()
    for ent in doc.ents:
        kind = _KIND.get(ent.label_)
        if kind is None:
            continue
        table.add(ent.text, kind, mention=(ent.start_char, ent.end_char, ent.text))
    return table


__all__ = ["ActorTable", "build_actor_table", "norm_name"]
