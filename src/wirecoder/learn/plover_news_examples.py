"""Invented news-style PLOVER sentences (written for wirecoder from the PLOVER 2.0 codebook).

The second, independently written set of sentence-level PLOVER examples (the first is
`learn.plover_examples`: invented countries, 10–15 templates per type). These are written
the way wire copy reads — real country names and demonyms, titled officials with invented
names, armed groups, reporting frames ("…, the ministry said"), passives, nominalisations
("the arrest of …"), headline forms, quotes — 30–40 constructions per type, each a template
of its own (the held-out-group CV keeps a template's rows together). The events are
invented; no sentence was taken from or modelled on an evaluation set. Where the codebook
draws a line (signing a treaty is SUPPORT, a promised withdrawal is CONCEDE, a hostage
rescue is AID, summoning an ambassador to complain is ACCUSE, cancelling a meeting is
REJECT, an arrest warrant in absentia is THREATEN, combatants captured are ASSAULT abduct),
the sentences follow it.
`python -m wirecoder.learn.plover_news_examples` rewrites data/plover_news_examples.jsonl.
"""
from __future__ import annotations

import random
from pathlib import Path

from .data import write_jsonl
from .plover_news_templates import COUNTRIES, FILL, TEMPLATES

PER_TYPE = 100
OUT = Path(__file__).resolve().parent / "data" / "plover_news_examples.jsonl"
SOURCE = "wirecoder news-style sentence examples (invented)"

def fill_template(template: str, rng: random.Random) -> str:
    """One sentence: two different countries (A, B) with their demonyms and capitals, titled
    people of each, and the other slots drawn independently."""
    a, b = rng.sample(COUNTRIES, 2)
    slots = {k: rng.choice(v) for k, v in FILL.items()}
    slots.update(A=a[0], a=a[1], acap=a[2], B=b[0], b=b[1], bcap=b[2],
                 PA=f"{a[1]} {rng.choice(FILL['TITLE'])} {rng.choice(FILL['NAME'])}",
                 PB=f"{b[1]} {rng.choice(FILL['TITLE'])} {rng.choice(FILL['NAME'])}")
    text = " ".join(template.format(**slots).split()).replace(" .", ".").replace(" ,", ",")
    return text[0].upper() + text[1:]


def generate(per_type: int = PER_TYPE, seed: int = 0) -> list[dict[str, str | None]]:
    rng = random.Random(seed)
    rows: list[dict[str, str | None]] = []
    for type_, templates in TEMPLATES.items():
        seen: set[str] = set()
        tries = 0
        while len(seen) < per_type and tries < per_type * 20:
            ti = tries % len(templates)  # round-robin by attempt: a slot-free template yields one row
            tries += 1
            tpl, mode = templates[ti]
            text = fill_template(tpl, rng)
            if text not in seen:
                seen.add(text)
                rows.append({"text": text, "type": type_, "mode": mode, "group": f"news:{type_}#{ti}",
                             "source": SOURCE})
    return rows


def main() -> None:
    write_jsonl(OUT, generate())


if __name__ == "__main__":
    main()


__all__ = ["COUNTRIES", "FILL", "OUT", "PER_TYPE", "TEMPLATES", "fill_template", "generate"]
