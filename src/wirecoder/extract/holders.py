"""Who holds a detainee: a demand for someone's release, or a protest against their
detention, charges or conviction, is addressed to whoever holds them, not to them.

"The publisher called for the release of the reporter", "X urged her swift release",
"Y called the charges illegal", "Z denounced the reporter's detention": the recipient is
the state whose arrester, prosecutor or court holds that person (any other holder itself),
from the article's holding act against them (or, for "the charges" with nobody named, the
latest holding act before it). Runs after the implicit state actors are given, so an
agentless "was detained" already has its state."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import phrase
from .context import ExtractionContext
from .kb import country_display
from .merge_mentions import Draft

if TYPE_CHECKING:
    from spacy.tokens import Token

# what is done to a held person, as a noun ("her detention") or a verb ("to be released")
_HOLD_NOUNS = frozenset({
    "detention", "arrest", "imprisonment", "jailing", "incarceration", "custody",
    "conviction", "sentence", "sentencing", "verdict", "trial", "charge", "indictment",
    "prosecution", "release", "freedom", "case",
})
_HOLD_VERBS = frozenset({"release", "free", "detain", "jail", "imprison", "convict",
                         "sentence", "charge", "arrest", "hold"})
# the acts that make someone a holder: (type, mode) or an accusation told with these verbs
_HOLDING = {"COERCE": frozenset({"arrest"}), "SANCTION": frozenset({"convict"}),
            "ASSAULT": frozenset({"abduct"})}
_CHARGE_VERBS = frozenset({"charge", "indict", "prosecute"})
_REACTIONS = frozenset({"ACCUSE", "REQUEST"})
_PATH = frozenset({"dobj", "pobj", "prep", "xcomp", "ccomp", "nsubjpass", "oprd", "conj"})


def _held(tok: "Token", depth: int = 3) -> list["Token"]:
    """The hold nouns and verbs a reaction is about: its object, "for the release of",
    "for X to be released", "X's detention was decried"."""
    out: list["Token"] = []
    for c in tok.children:
        if c.dep_ not in _PATH:
            continue
        lemma = c.lemma_.lower()
        if (c.pos_ == "NOUN" and lemma in _HOLD_NOUNS) or (
                c.pos_ == "VERB" and lemma in _HOLD_VERBS and c.dep_ != "conj"):
            out.append(c)
        elif depth > 1 and c.pos_ in ("ADP", "NOUN", "VERB", "PROPN"):
            out += _held(c, depth - 1)
    return out


def _held_people(ctx: ExtractionContext, held: list["Token"]) -> list[str]:
    """The person held: "her/X's detention", "the release of X", "for X to be released"."""
    toks: list["Token"] = []
    for h in held:
        for c in h.children:
            if c.dep_ in ("poss", "nsubjpass", "dobj") and c.pos_ in ("PROPN", "NOUN", "PRON"):
                toks.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "against"):
                toks += [g for g in c.children if g.dep_ == "pobj"]
        if h.pos_ == "VERB" and h.dep_ in ("xcomp", "ccomp"):  # "for X to be released"
            toks += [c for c in h.head.children if c.dep_ in ("nsubj", "pobj")
                     and c.i < h.i and c.pos_ == "PROPN"]
    ids: list[str] = []
    for t in toks:
        span = phrase(t)
        for a in ctx.actors.resolve_span(span):
            if a not in ids:
                ids.append(a)
    return ids


def _holds(ctx: ExtractionContext, d: Draft) -> bool:
    if d.support or not d.actor:
        return False
    if d.mode in _HOLDING.get(d.type, ()):
        return True
    return d.type == "ACCUSE" and ctx.doc[d.pred_i].lemma_.lower() in _CHARGE_VERBS


def _names_a_hold(ctx: ExtractionContext, actor_id: str) -> bool:
    """An "actor" that is the hold itself ("this sham conviction")."""
    actor = ctx.actor(actor_id)
    words = str(getattr(actor, "name", "")).lower().split()
    return bool(words) and words[-1].rstrip("s") in {n.rstrip("s") for n in _HOLD_NOUNS}


def link_holders(ctx: ExtractionContext, drafts: list[Draft]) -> None:
    """Readdress demands and protests about a held person to their holder (in place)."""
    holding = [h for h in drafts if _holds(ctx, h)]
    if not holding:
        return
    for d in drafts:
        if d.type not in _REACTIONS or d.support or _holds(ctx, d):
            continue
        tok = ctx.doc[d.pred_i]
        held = _held(tok)
        if not held and not any(_names_a_hold(ctx, r) for r in d.recipient):
            continue
        people = _held_people(ctx, held) + [
            r for r in d.recipient if not _names_a_hold(ctx, r)]
        fits = [h for h in holding if h is not d and set(h.recipient) & set(people)]
        if not fits and not people:
            # "called the charges illegal": the latest holding act told before it
            fits = [h for h in holding if h.pred_i < d.pred_i]
        if not fits:
            continue
        before = [h for h in fits if h.pred_i < d.pred_i]
        holder = before[-1] if before else fits[0]
        new = [a for a in dict.fromkeys(_state_of(ctx, a) for a in holder.actor)
               if a not in d.actor]
        if new:
            d.recipient = new


# a state's own organs: a demand to free someone they hold is addressed to that state
_ORGANS = frozenset({"JUD", "COP", "GOV"})


def _state_of(ctx: ExtractionContext, actor_id: str) -> str:
    """The state whose court, police or government holds someone ("a Russian court" →
    Russia); any other holder is itself."""
    actor = ctx.actor(actor_id)
    kind = str(getattr(getattr(actor, "kind", None), "value", getattr(actor, "kind", "")))
    if actor is None or kind == "state" or actor.sector not in _ORGANS or not actor.country:
        return actor_id
    name = country_display(actor.country)
    return ctx.actors.find(name) or ctx.actors.add(name, "state", country=actor.country)


__all__ = ["link_holders"]
