"""Claims, quotes and related-links scoring (SPEC §3), each matched one-to-one, greedily."""
from __future__ import annotations

from typing import Any

from ..schema import Claim, Quote, Report
from .match import any_of, pred_actor, slot_right, value_of
from .normalize import contains_tokens, normalize_text
from .tally import Tallies


def _order(spans: list[Any], index: int) -> tuple[int, int]:
    return (min((s.start for s in spans), default=10**12), index)


Pair = tuple[tuple[int, ...], int, tuple[int, int], int, Any]


def _greedy(pairs: list[Pair]) -> list[tuple[int, int, Any]]:
    """pairs = (rank, gold index, predicted doc order, predicted index, payload); best rank first,
    ties by gold order then predicted document order; one-to-one."""
    pairs.sort(key=lambda p: (tuple(-x for x in p[0]), p[1], p[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, _, pi, payload in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi, payload))
    return out


def _speaker_slot(report: Report, actor_id: str | None, text: str | None) -> list[Any]:
    pa = pred_actor(report, actor_id, text)
    return [pa] if pa is not None else []


# ---- claims -------------------------------------------------------------------------------

def claim_agreements(report: Report, pred: Claim, gold: dict[str, Any]) -> dict[str, bool]:
    """Claimant, bound, as_of, period_start, qualifiers — each only when the gold gives it."""
    out: dict[str, bool] = {}
    if "claimant" in gold:
        out["claimant"] = slot_right(_speaker_slot(report, pred.claimant, pred.claimant_text),
                                     gold["claimant"])
    if "bound" in gold:
        out["bound"] = value_of(pred.bound) in any_of(gold["bound"])
    if gold.get("as_of"):
        out["as_of"] = (pred.as_of or "")[:10] == gold["as_of"][:10]
    if gold.get("period_start"):
        start = pred.period.start if pred.period else None
        out["period_start"] = (start or "")[:10] == gold["period_start"][:10]
    if gold.get("qualifiers_contain"):
        want = normalize_text(gold["qualifiers_contain"])
        out["qualifiers"] = any(want in normalize_text(q) for q in pred.qualifiers)
    return out


CLAIM_RANK: tuple[str, ...] = ("claimant", "bound", "as_of", "period_start", "qualifiers")


def score_claims(gold: dict[str, Any], report: Report, t: Tallies) -> None:
    """Claims match on quantity and exact value; then bound, claimant … are accuracies."""
    golds: list[dict[str, Any]] = gold.get("claims") or []
    pairs: list[Pair] = []
    for gi, g in enumerate(golds):
        for pi, c in enumerate(report.claims):
            if value_of(c.quantity) == g["quantity"] and c.value == g["value"]:
                agree = claim_agreements(report, c, g)
                rank = tuple(int(agree.get(k, False)) for k in CLAIM_RANK)
                pairs.append((rank, gi, _order(c.evidence, pi), pi, agree))
    matched = _greedy(pairs)
    prf = t.p("claims")
    prf.tp += len(matched)
    prf.fn += len(golds) - len(matched)
    prf.fp += len(report.claims) - len(matched)
    for _, _, agree in matched:
        for k, ok in agree.items():
            t.a(f"claims.{k}").score(ok)
    _note("claims", [f"{g['quantity']} {g['value']}" for g in golds],
          [f"{c.id} {value_of(c.quantity)} {c.value}" for c in report.claims], matched, t)


def _note(part: str, golds: list[str], preds: list[str], matched: list[tuple[int, int, Any]],
          t: Tallies) -> None:
    """Per-document notes: unmatched gold items, unmatched predictions, wrong fields."""
    mg = {gi for gi, _, _ in matched}
    mp = {pi for _, pi, _ in matched}
    for gi, desc in enumerate(golds):
        if gi not in mg:
            t.note(f"{part}: missed gold #{gi} {desc}".rstrip())
    for pi, desc in enumerate(preds):
        if pi not in mp:
            t.note(f"{part}: false positive {desc}")
    for gi, pi, agree in matched:
        wrong = [k for k, ok in agree.items() if not ok]
        if wrong:
            t.note(f"{part}: {preds[pi].split()[0]} ~ gold #{gi}: wrong {', '.join(wrong)}")


# ---- quotes -------------------------------------------------------------------------------

def quote_overlap(pred_text: str, gold_text: str) -> int:
    """2 when the predicted text contains the gold text, 1 when it lies inside the gold text
    covering at least half of its tokens, 0 otherwise (normalized, whole tokens)."""
    p, g = normalize_text(pred_text), normalize_text(gold_text)
    if contains_tokens(p, g):
        return 2
    if contains_tokens(g, p) and 2 * len(p.split()) >= len(g.split()):
        return 1
    return 0


def score_quotes(gold: dict[str, Any], report: Report, t: Tallies) -> None:
    """Quotes match by containment or half-coverage, one-to-one; then speaker (and channel)."""
    golds: list[dict[str, Any]] = gold.get("quotes") or []
    pairs: list[Pair] = []
    for gi, g in enumerate(golds):
        for pi, q in enumerate(report.quotes):
            kind = quote_overlap(q.text, g["text"])
            if kind:
                agree = quote_agreements(report, q, g)
                pairs.append(((int(agree.get("speaker", False)), kind), gi, _order(q.evidence, pi), pi, agree))
    matched = _greedy(pairs)
    prf = t.p("quotes")
    prf.tp += len(matched)
    prf.fn += len(golds) - len(matched)
    prf.fp += len(report.quotes) - len(matched)
    for _, _, agree in matched:
        for k, ok in agree.items():
            t.a(f"quotes.{k}").score(ok)
    _note("quotes", ["" for _ in golds], [q.id for q in report.quotes], matched, t)


def quote_agreements(report: Report, pred: Quote, gold: dict[str, Any]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    if "speaker" in gold:
        out["speaker"] = slot_right(_speaker_slot(report, pred.speaker, pred.speaker_text),
                                    gold["speaker"])
    if gold.get("channel"):
        out["channel"] = normalize_text(pred.channel or "") == normalize_text(gold["channel"])
    return out


# ---- related ------------------------------------------------------------------------------

def score_related(gold: dict[str, Any], report: Report, t: Tallies) -> None:
    """Related-story titles: normalized equality, one-to-one."""
    want = [normalize_text(x) for x in gold.get("related") or []]
    have = [normalize_text(r.title) for r in report.article.related]
    tp = 0
    for w in want:
        if w in have:
            have.remove(w)
            tp += 1
    prf = t.p("related")
    prf.tp += tp
    prf.fn += len(want) - tp
    prf.fp += len(have)


__all__ = [
    "claim_agreements",
    "quote_agreements",
    "quote_overlap",
    "score_claims",
    "score_quotes",
    "score_related",
]
