"""Drafts → the report's Events: what a status implies, the ACLED view, stated totals."""

from __future__ import annotations

from ..schema import AcledView, DatePrecision, Event, EventDate, Status
from .acled_view import acled_view
from .context import ExtractionContext
from .merge_mentions import Draft
from .token_table import sentences
from .tolls import stated_toll

# not events the article tells as news: background/habitual statements, denials, speculation.
# They stay in the report with their status (SPEC §1) but carry no ACLED view (ACLED codes
# what happened), no publication-day date and, when denied or speculative, no toll.
_UNTOLD = frozenset({Status.historical.value, Status.negated.value, Status.possible.value})


def _contexts(type_: str) -> list[str]:
    from .predicates import load_lexicon_file

    table = load_lexicon_file("predicates.yaml").get("contexts") or {}
    return [str(c) for c in table.get(type_, [])]


def to_event(ctx: ExtractionContext, d: Draft) -> Event:
    """A finished draft as the report's Event (ids, contexts, ACLED view, status rules)."""
    acled = acled_view(d.type, d.mode, predicate=ctx.doc[d.pred_i], **d.acled_flags)
    mode = d.mode
    if d.status in _UNTOLD:
        acled = AcledView()
        if d.date.text is None:  # the publication-day default: background has no such date
            d.date = EventDate(precision=DatePrecision.unknown)
        if d.status != Status.historical.value:
            d.dead = d.injured = None
    return Event(
        id=ctx.next_id("e"),
        type=d.type,
        mode=mode,
        context=_contexts(d.type),
        actor=d.actor,
        recipient=d.recipient,
        mediator=d.mediator,
        date=d.date,
        location=d.location,
        status=d.status,
        attribution=d.attribution,
        dead=d.dead,
        injured=d.injured,
        acled=acled,
        evidence=d.evidence,
        confidence=round(d.confidence, 2),
    )


def apply_stated_toll(ctx: ExtractionContext, drafts: list[Draft]) -> None:
    """An explicit toll ("total fatalities stand at 4") replaces the clause counts: the
    deaths are put on the first violent event and not counted again elsewhere."""
    violent = [d for d in drafts if d.type == "ASSAULT" and d.status not in _UNTOLD]
    if not violent:
        return
    total = None
    parts: list[int] = []
    for sent in sentences(ctx.doc):
        n = stated_toll(sent)
        if n is None:
            continue
        if any(t.lower_ in ("total", "overall", "all") for t in sent):
            total = n
        else:
            parts.append(n)
    if total is None and not parts:
        return
    value = total if total is not None else sum(parts)
    for d in violent:
        d.dead = None
    violent[0].dead = value


__all__ = ["to_event", "apply_stated_toll"]
