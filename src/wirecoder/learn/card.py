"""The model card as text (`wirecoder model info`, CARD.md beside the weights)."""
from __future__ import annotations

from typing import Any

from .hybrid import LOW_CONFIDENCE, NONE

HEAD_TITLES = {"plover_type": "PLOVER event type", "plover_mode": "PLOVER mode (TYPE/mode)",
               "acled_sub": "ACLED sub-event type"}


def _confusion(conf: dict[str, Any], width: int = 4) -> list[str]:
    labels = conf["labels"]
    short = [f"c{i}" for i in range(len(labels))]
    lines = ["    " + " ".join(f"{s:>{width}}" for s in short) + "   (rows gold, columns predicted)"]
    for s, lab, row in zip(short, labels, conf["matrix"]):
        lines.append(f"{s:>3} " + " ".join(f"{v:>{width}}" for v in row) + f"   {lab}")
    return lines


def render_card(card: dict[str, Any], confusion: bool = True) -> str:
    out = ["# wirecoder types model", ""]
    out.append(f"created {card.get('created')}  seed {card.get('seed')}  "
               f"{card.get('cv_folds')}-fold cross-validation  "
               f"trained in {card.get('training_seconds')} s")
    libs = card.get("libraries") or {}
    out.append("libraries: " + ", ".join(f"{k} {v}" for k, v in libs.items()))
    out.append(f"classifier: {card.get('classifier')}")
    out += ["", "## Data", ""]
    for f in card.get("data") or []:
        out.append(f"- {f['path']} ({f['kind']}; {f['rows']} rows, {f['used']} used, "
                   f"{f['skipped']} skipped) sha256 {f['sha256']}")
        out.append(f"  licence/terms: {f['licence']}")
    for name, h in (card.get("heads") or {}).items():
        cvs = h["cv"]
        out += ["", f"## {HEAD_TITLES.get(name, name)} ({name})", "",
                f"{h['rows']} rows, {len(h['rows_per_class'])} classes, {h['features']} features; "
                f"cross-validated accuracy {cvs['accuracy']:.3f}, macro-F1 {cvs['macro_f1']:.3f}", ""]
        if h.get("dropped_classes"):
            out.append(f"dropped (fewer rows than folds): {', '.join(h['dropped_classes'])}")
        out.append(f"{'class':<40} {'rows':>6} {'P':>6} {'R':>6} {'F1':>6}")
        for c, s in cvs["per_class"].items():
            rows = h["rows_per_class"].get(c, 0)
            out.append(f"{c[:40]:<40} {rows:>6} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}")
        if confusion:
            out += ["", "confusion matrix:"] + _confusion(cvs["confusion"])
        pol = (card.get("policy") or {}).get(name)
        if pol:
            out += ["", f"hybrid policy (rules run on {pol['sample_documents']} training documents of "
                        f"{', '.join(pol.get('files') or [])}, "
                        f"{pol['documents_without_rule_event']} short ones without any rule event, "
                        f"{pol.get('documents_with_several_rule_events', 0)} with several (not used); "
                        f"pooled threshold {pol['default']}; classifier predictions from the held-out "
                        f"{pol.get('held_out', 'group')}):",
                    f"{'rules said':<40} {'events':>6} {'rules':>6} {'model':>6} {'hybrid':>6}  decision"]
            for r, e in pol["evidence"].items():
                out.append(f"{r[:40]:<40} {e['events']:>6} {e['rules_right']:>6} {e['model_right']:>6} "
                           f"{e['hybrid_right']:>6}  {e['decision']}")
            if pol.get("outside_documents"):
                out.append(f"({NONE}'s events include {pol['outside_documents']} invented sentences of events "
                           "outside ACLED's taxonomy, where no ACLED view is right)")
            if pol.get("evidence_low"):
                out += ["", f"rule events below confidence {LOW_CONFIDENCE} (their own thresholds):"]
                for r, e in pol["evidence_low"].items():
                    out.append(f"{r[:40]:<40} {e['events']:>6} {e['rules_right']:>6} {e['model_right']:>6} "
                               f"{e['hybrid_right']:>6}  {e['decision']}")
            fb = pol.get("fallback")
            if fb:
                out += ["", f"no-event fallback (short texts without a rule event: {fb['documents']}, of which "
                            f"{fb.get('no_event_documents', 0)} invented texts reporting no event): "
                            f"{fb['decision']} — {fb['right']} right, {fb['wrong']} wrong"]
    return "\n".join(out) + "\n"


__all__ = ["render_card"]
