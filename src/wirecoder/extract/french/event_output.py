"""French events → report: the ACLED view from the clause's words (weapons_fr.yaml), PLOVER
contexts, one event per incident mentioned several times, an ACLED note's label."""
from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ...schema import AcledView, Event
from ..acled import load_cues
from ..acled_view import acled_view
from .lexicon import load, mapping

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _grams(toks: list[Token]) -> set[str]:
    """Lemma and lowercase n-grams (1…4) of a token list."""
    out: set[str] = set()
    lem = [t.lemma_.lower() for t in toks]
    low = [t.lower_ for t in toks]
    for n in (1, 2, 3, 4):
        for i in range(len(toks) - n + 1):
            out.add(" ".join(lem[i:i + n]))
            out.add(" ".join(low[i:i + n]))
    return out


@cache
def _cue_set(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in load("weapons").get(key) or [])


@lru_cache(maxsize=1)
def _weapons() -> dict[str, str]:
    return {str(w).lower(): str(m) for m, ws in (load("weapons").get("weapons") or {}).items()
            for w in ws or []}


def _has(toks: list[Token], key: str) -> bool:
    return bool(_grams(toks) & _cue_set(key))


def acled_of(pred: Token, type_: str, mode: str | None, clause: list[Token],
             actor_toks: list[Token], recipient_toks: list[Token], *,
             actor_armed: bool, recipient_armed: bool,
             actor_state: bool) -> tuple[str | None, AcledView]:
    """(mode, ACLED view) of a French event: the weapon named in the clause sets an attack's
    mode (first in acled.yaml's priority; never from an armed target's words: "ont visé une
    convoi de blindés"), then the shared acled_view maps it."""
    armed_target = _has(recipient_toks, "armed") or recipient_armed
    weapon_toks = [t for t in clause if not (armed_target and t in recipient_toks)]
    found = {_weapons()[g] for g in _grams(weapon_toks) if g in _weapons()}
    if type_ == "ASSAULT" and mode not in ("destroy", "abduct", "sexual", "torture", "targeted",
                                           "beat"):
        for m in load_cues().priority:
            if m in found:
                if not (mode == "firearms" and m == "explosives"):
                    mode = m
                break
    p = [pred]
    view = acled_view(
        type_, mode,
        actor_armed=actor_armed or _has(actor_toks, "armed"),
        recipient_armed=armed_target,
        reciprocal=_has(p, "reciprocal"),
        territory=_has(p, "territory") and type_ == "COERCE",
        disrupted=_has(p, "disrupted"),
        grenade=_has(clause, "grenade"),
        intervention=_has(clause, "intervention") and type_ == "PROTEST",
        excessive=_has(clause, "excessive_force") and type_ == "PROTEST",
        actor_state=actor_state,
        mob=_has(actor_toks, "mob"),
        rioters=_has(actor_toks, "protesters") and type_ == "ASSAULT",
        base=_has(clause, "base_objects") and type_ == "MOBILIZE",
        agreement=_has(clause, "agreement_objects"),
    )
    return mode, view


def dedupe(ids: list[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out


@lru_cache(maxsize=1)
def _context_table() -> dict[str, list[str]]:
    """PLOVER contexts per type (predicates.yaml's `contexts`, shared by both languages)."""
    import yaml

    from ..kb import lexicon_files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in lexicon_files("predicates.yaml"):
        table = (yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}).get(
            "contexts") or {}
        return {str(k): [str(c) for c in v or []] for k, v in table.items()}
    return {}


def contexts(type_: str) -> list[str]:
    return list(_context_table().get(type_, []))


def merge_mentions(events: list[Event]) -> list[Event]:
    """Mentions of one incident in one article become one event: same type, same date, and
    the same actors (or one side without any)."""
    out: list[Event] = []
    for e in events:
        twin = None
        for o in out:
            if o.type != e.type or o.date.start != e.date.start or o.date.end != e.date.end:
                continue
            if o.status != e.status and "negated" in (o.status, e.status):
                continue
            if (set(o.actor) & set(e.actor)) or (not e.actor and set(e.recipient) & set(o.recipient)):
                twin = o
                break
        if twin is None:
            out.append(e)
            continue
        twin.recipient = dedupe(twin.recipient + e.recipient)
        twin.mediator = dedupe(twin.mediator + e.mediator)
        twin.evidence = twin.evidence + [s for s in e.evidence if s not in twin.evidence]
        twin.mode = twin.mode or e.mode
        if e.acled.sub_event_type == "Armed clash":  # fighting told as such is a battle
            twin.acled = e.acled
        twin.location = twin.location or e.location
        if twin.location is not None and e.location is not None and \
                (twin.location.precision == "country") and e.location.precision != "country" and \
                e.location.country == twin.location.country:
            twin.location = e.location
        twin.dead = twin.dead if twin.dead is not None else e.dead
        twin.attribution = twin.attribution + [a for a in e.attribution
                                               if a not in twin.attribution]
    return out


def note_label(doc: Doc) -> AcledView | None:
    """An ACLED note's leading label ("Destruction de biens : …") → its sub-event type."""
    labels = mapping("weapons", "note_labels")
    text = doc[: min(len(doc), 8)].text
    if ":" not in text:
        return None
    head = " ".join(text.split(":", 1)[0].lower().split())
    got = labels.get(head)
    if not got:
        return None
    return AcledView(event_type=str(got[0]), sub_event_type=str(got[1]))


__all__ = ["acled_of", "contexts", "dedupe", "merge_mentions", "note_label"]
