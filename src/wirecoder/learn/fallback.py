"""The no-event fallback: a short text in which the rules found no event, but the classifier
is confident, gets one low-confidence event typed by the classifier.

Only short texts (≤ MAX_SENTENCES sentences: a lead, a wire snippet, an ACLED-style note)
qualify — a training document of the types model is one such text describing one event, so
that is where the classifier's confidence was measured. Per head, the margin threshold was
chosen at training time (`learn.policy.fallback_threshold`, held-out-group CV on the
training documents in which the rules found nothing); a head without one never proposes an
event. The event carries a low confidence (FALLBACK_CONFIDENCE, the default bar), so a
stricter minimum confidence leaves it out.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..schema import AcledView, Event, EventType, Span
from .hybrid import ACLED_PARENT, PARA_CHARS, sentence_count
from .model import TypesModel

MAX_SENTENCES = 3
# At the decision stage's default bar (0.4): a stricter --min-confidence leaves fallbacks out.
FALLBACK_CONFIDENCE = 0.4

# The usual PLOVER reading of an ACLED sub-event type (used when only the ACLED head speaks).
ACLED_TO_PLOVER: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("ASSAULT", "firearms"),
    "Government regains territory": ("ASSAULT", None),
    "Non-state actor overtakes territory": ("ASSAULT", None),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Shelling/artillery/missile attack": ("ASSAULT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Grenade": ("ASSAULT", "explosives"),
    "Chemical weapon": ("ASSAULT", "unconventional"),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("ASSAULT", "crowd-control"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "beat"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", None),
    "Looting/property destruction": ("ASSAULT", "destroy"),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
}


@dataclass(frozen=True)
class FallbackLabel:
    """What the classifier says about a short text the rules found no event in."""

    type: str
    mode: str | None
    acled_sub: str | None
    margin: float


def fallback_thresholds(model: TypesModel) -> dict[str, float]:
    """{head: margin threshold} for the heads whose policy allows a fallback event."""
    out: dict[str, float] = {}
    for head, pol in model.policy.items():
        theta = (pol or {}).get("fallback")
        if theta is not None and head in model.heads:
            out[head] = float(theta)
    return out


def _mode_of(model: TypesModel, type_: str, text: str) -> str | None:
    head = model.heads.get("plover_mode")
    if head is None:
        return None
    allowed = [c for c in head.classes if c.startswith(type_ + "/")]
    got, _ = head.predict([text], allowed=allowed)[0]
    return (got.split("/", 1)[1] or None) if got else None


def fallback_label(text: str, model: TypesModel, policy: str = "hybrid") -> FallbackLabel | None:
    """The classifier's event for a short text, or None (too long, policy 'rules', no head
    with a fallback threshold, or every margin below its threshold)."""
    if policy == "rules" or not text.strip() or sentence_count(text) > MAX_SENTENCES:
        return None
    thetas = fallback_thresholds(model)
    if not thetas:
        return None
    snippet = text[:PARA_CHARS]
    ptype = asub = None
    pmargin = amargin = 0.0
    if "plover_type" in thetas:
        lab, m = model.heads["plover_type"].predict([snippet])[0]
        if lab and m >= thetas["plover_type"]:
            ptype, pmargin = lab, m
    if "acled_sub" in thetas:
        lab, m = model.heads["acled_sub"].predict([snippet])[0]
        if lab and m >= thetas["acled_sub"]:
            asub, amargin = lab, m
    if ptype is not None:
        return FallbackLabel(ptype, _mode_of(model, ptype, snippet), asub, pmargin)
    if asub is not None and asub in ACLED_TO_PLOVER:
        type_, mode = ACLED_TO_PLOVER[asub]
        return FallbackLabel(type_, mode, asub, amargin)
    return None


def fallback_event(text: str, model: TypesModel, *, event_id: str = "e1",
                   actors: list[Any] | None = None, policy: str = "hybrid") -> Event | None:
    """One low-confidence Event for a short text without rule events, or None.
    `actors`: the report's Actor objects; the first two mentioned become actor and
    recipient. The ACLED view comes from the ACLED head when it is confident, else the rules'
    mapping of the PLOVER type (`acled_view`)."""
    got = fallback_label(text, model, policy)
    if got is None:
        return None
    if got.acled_sub is not None:
        acled = AcledView(event_type=model.acled_parents.get(got.acled_sub) or ACLED_PARENT.get(got.acled_sub),
                          sub_event_type=got.acled_sub)
    else:
        from ..extract.acled_view import acled_view

        acled = acled_view(got.type, got.mode)
    mentioned = sorted((a for a in actors or () if a.mentions),
                       key=lambda a: min(m.start for m in a.mentions))
    first = [a.id for a in mentioned[:1]]
    second = [a.id for a in mentioned[1:2]]
    stripped = text.rstrip()
    start = len(text) - len(text.lstrip())
    return Event(id=event_id, type=EventType(got.type), mode=got.mode, actor=first, recipient=second,
                 acled=acled, evidence=[Span(start=start, end=len(stripped))],
                 confidence=FALLBACK_CONFIDENCE)


__all__ = ["MAX_SENTENCES", "FALLBACK_CONFIDENCE", "ACLED_TO_PLOVER", "FallbackLabel",
           "fallback_thresholds", "fallback_label", "fallback_event"]
