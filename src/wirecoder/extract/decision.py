"""Decision: a calibrated confidence for each incident, and the report's threshold.

The confidence is a logistic model over what the earlier stages found (participants,
an own date, re-mentions, status, modality …). Its weights live in
`lexicons/decision.json`, fitted by `scripts/calibrate_decision.py` on hand-annotated whole
articles so that, among events of confidence ≥ c, about c are right; that script prints the
reliability table on held-out articles (docs/extraction.md keeps the latest). Without the
file a conservative hand-set default applies."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .merge_mentions import Draft
from .token_table import sentences

if TYPE_CHECKING:
    from .context import ExtractionContext

DEFAULT_MIN_CONFIDENCE = 0.4
_MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "AID", "RETREAT"})
_NAMED_KINDS = frozenset({"person", "organization", "state", "group"})

FEATURES: tuple[str, ...] = (
    "has_actor", "has_recipient", "named_actor", "named_recipient", "date_own", "nominal",
    "untold", "modal", "assessed", "conditional", "remention", "lead", "material",
    "attributed", "generic_actor", "toll", "verbal_no_actor", "historical", "sequence", "late",
)

# the hand-set ranking: participants, an own date and re-mentions raise it; speculation,
# background and actorless statements lower it. calibrate_decision.py rescales it (Platt).
FALLBACK_WEIGHTS = {
    "bias": -0.6, "has_actor": 0.8, "has_recipient": 0.5, "named_actor": 0.4,
    "date_own": 0.4, "nominal": -0.4, "untold": -0.6, "modal": -0.6, "assessed": -0.5,
    "remention": 0.4, "lead": 0.3, "toll": 0.5, "verbal_no_actor": -0.8,
}


def features(ctx: "ExtractionContext", d: Draft, n_sents: int | None = None) -> dict[str, float]:
    """The decision features of one incident (0/1 each); `n_sents`: the article's sentences."""
    def named(ids: list[str]) -> bool:
        for a in ids:
            actor = ctx.actor(a)
            kind = getattr(getattr(actor, "kind", None), "value", getattr(actor, "kind", None))
            if actor is not None and kind in _NAMED_KINDS and (actor.country or actor.sector):
                return True
        return False

    if n_sents is None:
        n_sents = len(sentences(ctx.doc))
    f = {
        "has_actor": bool(d.actor),
        "has_recipient": bool(d.recipient),
        "named_actor": named(d.actor),
        "named_recipient": named(d.recipient),
        "date_own": d.date_own,
        "nominal": d.nominal,
        "untold": d.status not in ("occurred", "ongoing"),
        "modal": d.modal,
        "assessed": d.assessed,
        "conditional": d.conditional,
        "remention": d.mentions > 1,
        "lead": d.sent_i <= 1,
        "material": d.type in _MATERIAL,
        "attributed": bool(d.attribution),
        "generic_actor": d.generic_actor,
        "toll": d.dead is not None or d.injured is not None,
        "verbal_no_actor": d.type not in _MATERIAL and not d.actor,
        "historical": d.status == "historical",
        "sequence": d.sequence,
        # past the first third of the article: background and reactions gather there
        "late": d.sent_i > max(3, n_sents // 3),
    }
    return {k: float(v) for k, v in f.items()}


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The fitted weights (lexicons/decision.json), or the fallback."""
    try:
        raw = resources.files("wirecoder.lexicons").joinpath("decision.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return dict(FALLBACK_WEIGHTS)
    data = json.loads(raw)
    return {str(k): float(v) for k, v in data["weights"].items()}


def confidence(feats: dict[str, float]) -> float:
    """P(the incident is a real event told by the article), by the logistic model."""
    w = weights()
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-z))


SHORT_TEXT = 6  # sentences: a field note, a brief or a snippet is about the events it tells


def decide(ctx: "ExtractionContext", drafts: list[Draft], min_confidence: float) -> list[Draft]:
    """Set each incident's confidence; keep those at or above `min_confidence`. The
    threshold is for whole articles, where background, quotes and asides make most weak
    candidates wrong; a text of at most SHORT_TEXT sentences (an event note, a wire
    snippet) keeps every reportable incident with its confidence."""
    n_sents = len(sentences(ctx.doc))
    for d in drafts:
        d.features = features(ctx, d, n_sents)
        d.confidence = confidence(d.features)
    if n_sents <= SHORT_TEXT:
        return list(drafts)
    return [d for d in drafts if d.confidence >= min_confidence]


__all__ = ["DEFAULT_MIN_CONFIDENCE", "FEATURES", "FALLBACK_WEIGHTS", "features", "weights", "confidence", "decide"]
