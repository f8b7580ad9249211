"""The typing stage's learned half: rules and classifier decide together, per event.

`retype_events` never creates or drops events; it may change an event's PLOVER type and mode
and its ACLED view. Per head, the policy (chosen by cross-validation on the training data,
see `learn.policy`) says for each class the rules gave whether to keep the rules' answer or
to take the classifier's when its margin reaches a threshold.
"""
from __future__ import annotations

import re
from typing import Any

from ..schema import ACLED_EVENT_TYPES, Event
from .model import TypesModel

POLICIES = ("hybrid", "model", "rules")
NONE = "(none)"  # policy key: the rules gave no label (an event without an ACLED view)
PARA_CHARS = 1200
_SENT_END = re.compile(r"[.!?][\"”’)]?\s+|\n")

# Rule events below this confidence (the decision stage's bar is 0.4) have their own
# per-class thresholds: on training notes the rules' ACLED sub-type is right for about half
# of them, against about 70 % above it.
LOW_CONFIDENCE = 0.5

ACLED_PARENT = {sub: et for et, subs in ACLED_EVENT_TYPES.items() for sub in subs}


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding [start, end): from the last sentence end before `start` to the
    first one after `end` (plain punctuation rules; the evidence span is inside it)."""
    left = 0
    for m in _SENT_END.finditer(text, 0, start):
        left = m.end()
    after = _SENT_END.search(text, end)
    right = after.end() if after else len(text)
    return text[left:right].strip()


def sentence_count(text: str) -> int:
    """How many sentences a text has (the same plain punctuation rules)."""
    return sum(1 for part in _SENT_END.split(text) if part.strip(" \t\"”’)"))


def paragraph_around(text: str, start: int, end: int) -> str:
    """The paragraph holding the span (an ACLED note is one), at most PARA_CHARS around it."""
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    left = 0 if left < 0 else left + 2
    right = len(text) if right < 0 else right
    if right - left > PARA_CHARS:
        mid = (start + end) // 2
        left, right = max(left, mid - PARA_CHARS // 2), min(right, mid + PARA_CHARS // 2)
    return text[left:right].strip()


def event_bounds(ev: Event, text: str) -> tuple[int, int]:
    if not ev.evidence:
        return 0, len(text)
    return min(s.start for s in ev.evidence), max(s.end for s in ev.evidence)


def threshold_for(rule: str | None, head_policy: dict[str, Any], confidence: float = 1.0) -> float | None:
    """θ for a rule label: the low-confidence table's when the event is below LOW_CONFIDENCE
    and that table has the class, else the class's, else the pooled default (None = keep)."""
    key = rule if rule is not None else NONE
    low = head_policy.get("by_rule_low") or {}
    if confidence < LOW_CONFIDENCE and key in low:
        return low[key]
    by_rule = head_policy.get("by_rule") or {}
    return by_rule[key] if key in by_rule else head_policy.get("default")


def decide(rule: str | None, predicted: str, margin: float, head_policy: dict[str, Any], mode: str,
           confidence: float = 1.0) -> str | None:
    """The label an event ends with, given the rules' label and the classifier's (label, margin)."""
    if mode == "rules" or not predicted:
        return rule
    if mode == "model":
        return predicted
    if predicted == rule:
        return rule
    theta = threshold_for(rule, head_policy, confidence)
    return predicted if theta is not None and margin >= float(theta) else rule


def may_override(rule: str | None, head_policy: dict[str, Any], mode: str, confidence: float = 1.0) -> bool:
    """Can the classifier change this label at all? (If not, it is not run: the cost of the
    model falls on the events it may retype.)"""
    if mode == "model":
        return True
    return threshold_for(rule, head_policy, confidence) is not None


def classify(head: Any, texts: list[str]) -> list[tuple[str, float]]:
    """Predictions for texts, each distinct text scored once (events share sentences)."""
    uniq = list(dict.fromkeys(texts))
    got = dict(zip(uniq, head.predict(uniq))) if uniq else {}
    return [got[t] for t in texts]


def retype_events(events: list[Event], text: str, model: TypesModel, policy: str = "hybrid") -> list[Event]:
    """Events with type/mode and ACLED view decided by rules + classifier (`policy`:
    'hybrid' as trained, 'model' classifier only, 'rules' unchanged). Same events, same order."""
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {POLICIES}, not {policy!r}")
    if not events or policy == "rules":
        return list(events)
    bounds = [event_bounds(ev, text) for ev in events]
    updates: list[dict[str, Any]] = [{} for _ in events]
    ptype = model.heads.get("plover_type")
    if ptype is not None:
        pol = model.policy.get("plover_type") or {}
        rules = [str(getattr(ev.type, "value", ev.type)) for ev in events]
        todo = [i for i, r in enumerate(rules) if may_override(r, pol, policy, events[i].confidence)]
        sents = {i: sentence_around(text, *bounds[i]) or text[:PARA_CHARS] for i in todo}
        mode_head = model.heads.get("plover_mode")
        for i, (lab, m) in zip(todo, classify(ptype, [sents[i] for i in todo])):
            new = decide(rules[i], lab, m, pol, policy, events[i].confidence)
            if new and new != rules[i]:
                updates[i]["type"] = new
                mode = None
                if mode_head is not None:
                    allowed = [c for c in mode_head.classes if c.startswith(new + "/")]
                    got, _ = mode_head.predict([sents[i]], allowed=allowed)[0]
                    mode = (got.split("/", 1)[1] or None) if got else None
                updates[i]["mode"] = mode
    asub = model.heads.get("acled_sub")
    if asub is not None:
        pol = model.policy.get("acled_sub") or {}
        todo = [i for i, ev in enumerate(events)
                if may_override(ev.acled.sub_event_type, pol, policy, ev.confidence)]
        paras = [paragraph_around(text, *bounds[i]) or text[:PARA_CHARS] for i in todo]
        for i, (lab, m) in zip(todo, classify(asub, paras)):
            ev = events[i]
            new = decide(ev.acled.sub_event_type, lab, m, pol, policy, ev.confidence)
            if new and new != ev.acled.sub_event_type:
                parent = model.acled_parents.get(new) or ACLED_PARENT.get(new)
                updates[i]["acled"] = ev.acled.model_copy(update={"event_type": parent,
                                                                  "sub_event_type": new})
    return [ev.model_copy(update=upd) if upd else ev for ev, upd in zip(events, updates)]


__all__ = ["POLICIES", "NONE", "ACLED_PARENT", "PARA_CHARS", "sentence_around", "sentence_count", "paragraph_around", "event_bounds", "decide",
           "threshold_for", "LOW_CONFIDENCE", "may_override", "classify", "retype_events"]
