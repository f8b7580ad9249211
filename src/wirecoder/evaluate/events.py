"""Event scoring (SPEC §3): greedy matching on type, forbidden and optional events, ACLED view.

Decisions the SPEC leaves open, fixed here (docs/evaluation.md repeats them):
- A forbidden prediction is taken out before matching: it can neither match a gold event
  nor be excused by an optional one; it always counts as a false positive.
- Ranking of candidate pairs is lexicographic: matching actor slots, then agreeing date,
  country, location, status, mode, dead, injured; ties go to gold order, then to the
  predicted event's first evidence offset, then to its position in the report.
- Gold events are matched on `type` when they have one, else on the ACLED sub-event type.
- ACLED "best-matching" event for date and place: the predicted event ranked highest by
  (same sub-event type, same event type, then the ranking above); any event may be it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..schema import Event, Report
from .match import (
    date_right,
    event_agreements,
    location_right,
    pred_slot,
    rank_key,
    slot_right,
    value_of,
)
from .normalize import contains_tokens, normalize_text
from .tally import Tallies

SLOT_KEYS: tuple[str, ...] = ("actor", "recipient", "mediator")
NEAR_KM = 5.0  # the informative `acled.location_5km` radius


def _fold(value: str | None) -> str:
    return (value or "").strip().casefold()


def doc_order(ev: Event, index: int) -> tuple[int, int]:
    """Where an event is in the document: first evidence offset, then report position."""
    start = min((s.start for s in ev.evidence), default=10**12)
    return (start, index)


def evidence_text(report: Report, ev: Event) -> str:
    """The article text under an event's evidence spans (normalized, spans joined)."""
    text = report.article.text
    return normalize_text("\n".join(text[s.start:s.end] for s in ev.evidence))


def forbidden_indices(report: Report, forbidden: list[dict[str, Any]]) -> tuple[set[int], set[int]]:
    """(forbidden, allowed): predicted events whose evidence contains a forbidden text (whole
    tokens, normalized) are false positives, unless their status is one of that entry's
    `unless_status` — then the gold allows them ("uncoded or `historical`") and they are
    excused, counted neither as hits nor as false positives."""
    out: set[int] = set()
    allowed: set[int] = set()
    if not forbidden:
        return out, allowed
    for i, ev in enumerate(report.events):
        ev_text = evidence_text(report, ev)
        for f in forbidden:
            if not contains_tokens(ev_text, normalize_text(f["evidence_contains"])):
                continue
            if value_of(ev.status) in (f.get("unless_status") or ()):
                allowed.add(i)
                continue
            out.add(i)
            allowed.discard(i)
            break
    return out, allowed


def gold_key(gold: dict[str, Any]) -> tuple[str, str]:
    """What a gold event matches on: ("type", PLOVER type) or ("acled", sub-event type)."""
    if gold.get("type"):
        return ("type", str(gold["type"]))
    return ("acled", _fold(gold.get("acled_sub_event_type")))


def key_matches(ev: Event, key: tuple[str, str]) -> bool:
    kind, value = key
    if kind == "type":
        return value_of(ev.type) == value
    return bool(value) and _fold(ev.acled.sub_event_type) == value


def evidence_overlaps(ev: Event, spans: list[list[int]] | None) -> bool:
    """SPEC §3 `evidence_at`: with spans given, some evidence span of the prediction must
    overlap one of them by at least half of the shorter of the two; without, any pairs."""
    if not spans:
        return True
    for s in ev.evidence:
        for start, end in spans:
            overlap = min(s.end, end) - max(s.start, start)
            shorter = min(s.end - s.start, end - start)
            if shorter > 0 and overlap * 2 >= shorter:
                return True
    return False


def greedy_match(report: Report, golds: list[dict[str, Any]], candidates: list[int],
                 key: Callable[[dict[str, Any]], tuple[str, str]] = gold_key,
                 ) -> list[tuple[int, int, dict[str, bool]]]:
    """One-to-one (gold index, predicted index, agreements) pairs, best-ranked first."""
    pairs = []
    for gi, g in enumerate(golds):
        k = key(g)
        for pi in candidates:
            ev = report.events[pi]
            if key_matches(ev, k) and evidence_overlaps(ev, g.get("evidence_at")):
                agree = event_agreements(report, ev, g)
                neg = tuple(-x for x in rank_key(agree))
                pairs.append((neg, gi, doc_order(ev, pi), pi, agree))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, _, pi, agree in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi, agree))
    return out


def optional_matches(report: Report, ev: Event, opt: dict[str, Any]) -> bool:
    """A prediction matches an optional event on type and every actor slot the latter gives."""
    if not key_matches(ev, gold_key(opt)) or not evidence_overlaps(ev, opt.get("evidence_at")):
        return False
    return all(slot_right(pred_slot(report, getattr(ev, s)), opt[s]) for s in SLOT_KEYS if s in opt)


def score_events(gold: dict[str, Any], report: Report, t: Tallies, *, recall_only: bool = False) -> None:
    """`events` (P/R/F1 on type, accuracies on matched pairs) or `events.recall` (key-event
    recall only, as `events.key_recall`)."""
    golds: list[dict[str, Any]] = gold.get("events") or []
    forbidden, allowed = forbidden_indices(report, gold.get("forbidden") or [])
    candidates = [i for i in range(len(report.events)) if i not in forbidden]
    pairs = greedy_match(report, golds, candidates)
    if recall_only:
        acc = t.a("events.key_recall")
        acc.right += len(pairs)
        acc.total += len(golds)
        return
    matched = {pi for _, pi, _ in pairs}
    leftovers = sorted((i for i in candidates if i not in matched),
                       key=lambda i: doc_order(report.events[i], i))
    optionals: list[dict[str, Any]] = list(gold.get("optional_events") or [])
    used_opt: set[int] = set()
    excused_ids: set[int] = {pi for pi in leftovers if pi in allowed}
    for pi in leftovers:
        if pi in excused_ids:
            continue
        for oi, opt in enumerate(optionals):
            if oi not in used_opt and optional_matches(report, report.events[pi], opt):
                used_opt.add(oi)
                excused_ids.add(pi)
                break
    excused = len(excused_ids)
    prf = t.p("events")
    prf.tp += len(pairs)
    prf.fn += len(golds) - len(pairs)
    prf.fp += len(leftovers) - excused + len(forbidden)
    for gi, pi, agree in pairs:
        for field, ok in agree.items():
            t.a(f"events.{field}").score(ok)
        wrong = [f for f, ok in agree.items() if not ok]
        if wrong:
            t.note(f"events: {report.events[pi].id} ~ gold #{gi}: wrong {', '.join(wrong)}")
    _note_misses(report, golds, pairs, leftovers, excused_ids, forbidden, t)


def _note_misses(report: Report, golds: list[dict[str, Any]], pairs: list[tuple[int, int, Any]],
                 leftovers: list[int], excused: set[int], forbidden: set[int], t: Tallies) -> None:
    matched_g = {gi for gi, _, _ in pairs}
    for gi, g in enumerate(golds):
        if gi not in matched_g:
            t.note(f"events: missed gold #{gi} {gold_key(g)[1]}")
    for pi in leftovers:
        if pi not in excused:
            ev = report.events[pi]
            t.note(f"events: false positive {ev.id} {value_of(ev.type)}")
    for pi in sorted(forbidden):
        ev = report.events[pi]
        t.note(f"events: forbidden {ev.id} {value_of(ev.type)}")


def _best_event(report: Report, g: dict[str, Any], candidates: list[int]) -> Event | None:
    sub, etype = _fold(g.get("acled_sub_event_type")), _fold(g.get("acled_event_type"))
    best: tuple[Any, ...] | None = None
    best_ev = None
    for pi in candidates:
        ev = report.events[pi]
        rank = (bool(sub) and _fold(ev.acled.sub_event_type) == sub,
                bool(etype) and _fold(ev.acled.event_type) == etype,
                *rank_key(event_agreements(report, ev, g)))
        key = (tuple(-int(x) for x in rank), doc_order(ev, pi))
        if best is None or key < best:
            best, best_ev = key, ev
    return best_ev


def predicted_fatalities(report: Report) -> int | None:
    """SPEC: sum of `dead` over events; else the largest `killed` claim; else 0 when there are
    events; None (always wrong) when the report has no event."""
    deads = [e.dead for e in report.events if e.dead is not None]
    if deads:
        return sum(deads)
    killed = [c.value for c in report.claims if value_of(c.quantity) == "killed"]
    if killed:
        return max(killed)
    return 0 if report.events else None


def score_acled(gold: dict[str, Any], report: Report, t: Tallies, annotated: frozenset[str]) -> None:
    """ACLED-style gold (ACLED notes, CASE 2021): sub-event / event type present anywhere,
    date and place of the best-matching event, fatalities of the whole note."""
    golds = [g for g in gold.get("events") or []]
    forbidden, _ = forbidden_indices(report, gold.get("forbidden") or [])
    candidates = [i for i in range(len(report.events)) if i not in forbidden]
    pred_subs = {_fold(report.events[i].acled.sub_event_type) for i in candidates} - {""}
    pred_types = {_fold(report.events[i].acled.event_type) for i in candidates} - {""}
    for g in golds:
        if "events.acled" in annotated:
            sub, etype = _fold(g.get("acled_sub_event_type")), _fold(g.get("acled_event_type"))
            if sub:
                t.a("acled.sub_event").score(sub in pred_subs)
                if sub not in pred_subs:
                    t.note(f"acled: sub-event {g.get('acled_sub_event_type')!r} not predicted")
            if etype:
                t.a("acled.event_type").score(etype in pred_types)
            if not sub and not etype and g.get("case_label"):
                # A label outside ACLED's taxonomy (CASE DIPLO, ORG_CRIME …): right when the
                # report gives no event an ACLED sub-event type. Reported apart, not in sub_event.
                t.a("acled.outside").score(not pred_subs)
        best = _best_event(report, g, candidates)
        if "events.date" in annotated and g.get("date") is not None:
            ok = best is not None and date_right(best.date, g["date"])
            t.a("acled.date").score(ok)
            if not ok:
                t.note(f"acled: date {best.date.start if best else None}…{best.date.end if best else None}"
                       f" for gold {g['date']}")
        if "events.location" in annotated and isinstance(g.get("location"), dict):
            t.a("acled.location").score(best is not None and location_right(best.location, g["location"]))
            if g["location"].get("lat") is not None:
                # Not in the SPEC: 25 km cannot tell places apart in a region as small as the
                # Gaza Strip (41 km long), so a town-level radius is reported beside it.
                t.a("acled.location_5km").score(
                    best is not None and location_right(best.location, g["location"], km=NEAR_KM))
    if "events.fatalities" in annotated:
        deads = [g["dead"] for g in golds if g.get("dead") is not None]
        if deads:
            pred = predicted_fatalities(report)
            t.a("acled.fatalities").score(pred is not None and pred == sum(deads))
            if pred != sum(deads):
                t.note(f"acled: fatalities predicted {pred}, gold {sum(deads)}")


__all__ = [
    "evidence_text",
    "forbidden_indices",
    "gold_key",
    "greedy_match",
    "optional_matches",
    "predicted_fatalities",
    "score_acled",
    "score_events",
]
