"""Invented short texts that report no codable event (written for wirecoder).

The no-event fallback (`learn.fallback`) adds an event to a short text the rules found none
in. Every training document of a types model describes an event, so on training data alone
a fallback always looks useful; but many short texts in the news describe no event at all
(background, statistics, forecasts, accidents, weather, culture). These texts are where a
fallback must stay silent: at training time the rules run over them too, and wherever they
find nothing, a fallback event the classifier would propose counts as wrong
(`learn.policy.fallback_threshold`). They never train a classifier.
`python -m wirecoder.learn.no_event_examples` rewrites data/no_event_examples.jsonl.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

COUNT = 240
OUT = Path(__file__).resolve().parent / "data" / "no_event_examples.jsonl"

FILL: dict[str, tuple[str, ...]] = {
    "X": ("Norland", "Vesteria", "Kestan", "Orsa", "Caldera", "Duran", "Lusena", "Tarvia", "Belmar",
          "Valmora", "Corvala", "Marrakesia"),
    "L": ("Port Elim", "Darrow", "Ostrava Nova", "Kerrow", "Tenbury", "Bel Hamra", "Sel", "Mabiri",
          "Qasr Duna", "Ardeni"),
    "N": ("two", "three", "12", "40", "150", "about 300", "nearly 5,000", "7.5"),
    "M": ("January", "March", "May", "July", "September", "November"),
    "Q": ("trade", "energy prices", "the pension reform", "water supplies", "the new airport",
          "the national budget", "school meals", "rail freight"),
}

TEMPLATES: tuple[str, ...] = (
    "{X} has a population of about {N} million people.",
    "Inflation in {X} rose to {N} percent in {M}, the statistics office said.",
    "The economy of {X} grew by {N} percent last year.",
    "The central bank of {X} kept its main interest rate unchanged.",
    "Shares in the state airline of {X} fell sharply on Tuesday.",
    "Tourist arrivals in {X} reached a record high this summer.",
    "Heavy rain caused flooding in low-lying parts of {L}.",
    "Forecasters expect temperatures in {L} to stay above 35 degrees this week.",
    "A bus overturned on the highway near {L}, injuring {N} passengers.",
    "Firefighters said a blaze at a warehouse in {L} was caused by an electrical fault.",
    "{X} will host the regional football championship next year.",
    "The film festival in {L} opened with a record number of entries.",
    "Scientists in {X} have identified a new species of frog in the hills above {L}.",
    "The new bridge over the river at {L} is expected to cost {N} million dollars.",
    "The parliament of {X} has {N} seats, elected every four years.",
    "{X} became independent in 1961 after decades of colonial rule.",
    "Analysts say {Q} will dominate the agenda in {X} this year.",
    "Traffic in {L} was heavier than usual on Friday because of the holiday.",
    "Exports of coffee from {X} make up a third of its foreign earnings.",
    "The harvest in the plains around {L} is expected to be poor after a dry spring.",
    "Who will lead the governing party of {X} after the summer remains unclear.",
    "The museum of modern art in {L} reopened to visitors after a two-year renovation.",
    "Average rents in {L} have doubled over the past decade, a housing survey found.",
    "The national orchestra of {X} begins its autumn tour in {L} next month.",
    "A magnitude {N} earthquake shook {L} early on Sunday; no damage was reported.",
    "Students in {X} sit their final school exams in {M}.",
    "The report on {Q} in {X} runs to more than {N} pages.",
    "Mobile phone use in {X} has grown fast since the network was opened to competitors.",
    "A ferry linking {L} to the islands was delayed by high winds.",
    "The old port of {L}, built in the 18th century, is a world heritage site.",
)


def generate(count: int = COUNT, seed: int = 0) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    tries = 0
    while len(rows) < count and tries < count * 20:
        tries += 1
        ti = len(rows) % len(TEMPLATES)
        text = TEMPLATES[ti].format(**{k: rng.choice(v) for k, v in FILL.items()})
        if text not in seen:
            seen.add(text)
            rows.append({"text": text, "group": f"none#{ti}",
                         "source": "wirecoder no-event examples (invented)"})
    return rows


def load_no_event_texts(path: Path = OUT) -> list[str]:
    """The texts of the packaged no-event examples ([] when the file is absent)."""
    if not path.is_file():
        return []
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main() -> None:
    with OUT.open("w", encoding="utf-8") as f:
        for r in generate():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
