"""Invented news sentences that report an event ACLED does not code (a meeting, an accusation,
a request, aid, sanctions …): where an event without an ACLED view must stay without one.

Every ACLED training note describes an ACLED event, so on ACLED notes alone, filling in an
ACLED view for a rule event that has none (the policy class `(none)`) always looks right. In
the news many rule events are outside ACLED's taxonomy (SPEC: "a meeting is not an ACLED
event"). At training time the rules run over these sentences; each single rule event without
an ACLED view is an item whose right answer is *no view*, and `(none)`'s threshold is chosen
over both (`learn.policy`). They never train a classifier.

The sentences are the invented PLOVER examples already in the package
(`plover_news_examples.jsonl`, `plover_sentence_examples.jsonl`) of the PLOVER types that have
no ACLED counterpart in ACLED's codebook; types that may be ACLED strategic developments
(AGREE → Agreement, COERCE → Arrests, MOBILIZE → Change to group/activity, RETREAT and
CONCEDE → territory transfer or agreements) and the violent and protest types are left out.
"""
from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
FILES = ("plover_news_examples.jsonl", "plover_sentence_examples.jsonl")
OUTSIDE_TYPES = frozenset({"ACCUSE", "AID", "CONSULT", "COOPERATE", "REJECT", "REQUEST", "SANCTION",
                           "SUPPORT", "THREATEN"})


def load_outside_acled_texts(folder: Path = DATA) -> list[str]:
    """Texts of the packaged invented PLOVER sentences of OUTSIDE_TYPES ([] when absent)."""
    out: list[str] = []
    for name in FILES:
        path = folder / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("type") in OUTSIDE_TYPES:
                    out.append(row["text"])
    return out


__all__ = ["OUTSIDE_TYPES", "load_outside_acled_texts"]
