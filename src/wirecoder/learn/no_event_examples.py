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

from .data import write_jsonl

COUNT = 800  # ≈ the short policy documents without a rule event in the shipped model's sample (671)
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
    # News-style sentences that sit next to events but report none: background, habitual,
    # historical, hypothetical, expected, negated or unattributed states of affairs.
    "{X} has for decades acted as a go-between for its quarrelling neighbours.",
    "Relations between {X} and its neighbours have been tense since independence.",
    "The president of {X}, a former army officer, came to power in a disputed vote in 2015.",
    "If the talks on {Q} fail, diplomats fear the dispute could spread across the region.",
    "Elections are due in {M} next year, and the ruling party is expected to win.",
    "The army of {X} usually holds its exercises in {M}.",
    "The border town of {L} lies about 40 kilometres from the capital.",
    "The region around {L} has been plagued by armed groups and banditry for years.",
    "Whether the ceasefire in {X} will hold remains to be seen.",
    "The government of {X} would need the approval of parliament to change {Q}.",
    "The leaders of {X} and its neighbour have met several times since 2019.",
    "The treaty, signed in 1994, expires at the end of next year.",
    "Officials in {X} did not say when the negotiations on {Q} might resume.",
    "No group has claimed responsibility for the attack in {L} so far.",
    "Prices of bread and fuel in {X} have tripled since the start of the year.",
    "Many residents of {L} fear a return to the fighting of the 1990s.",
    "It is the third time this year that the vote in {X} has been postponed.",
    "The United Nations estimates that half the population of {X} needs food assistance.",
    "The opposition in {X}, which is divided, has struggled to agree on a single candidate.",
    "{X} is one of the largest producers of cocoa in the world.",
    "Ties between {X} and the former colonial power have been strained for a decade.",
    "The mission would cost about {N} million dollars a year, according to a budget document.",
    "The port of {L} handles most of the country's fuel imports.",
    "It was unclear how many people remained in {L}.",
    "The movement emerged in {L} in the 1980s as a student group before turning to politics.",
    "Analysts say the economy of {X} is too dependent on the price of copper.",
    "The governor of the province around {L}, who is serving his second term, cannot stand again.",
    "The ministry has about {N} thousand employees across the country.",
    "Any deal on {Q} would have to be approved in a referendum in {X}.",
    "The insurgency in {X} began in 2012 and has since spread to the area around {L}.",
    "A final decision is not expected before {M}.",
    "Most of the displaced in {L} are women and children, aid agencies say.",
    "The budget committee of {X} meets once a month to review spending on {Q}.",
    "Schools in {L} normally reopen after the rainy season.",
    "{L} has been under the control of the central government of {X} since 2016.",
    "The finance minister of {X} is seen as a possible successor to the president.",
)


def generate(count: int = COUNT, seed: int = 0) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    tries = 0
    while len(rows) < count and tries < count * 20:
        ti = tries % len(TEMPLATES)  # round-robin by attempt: a slot-free template yields one text
        tries += 1
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
    write_jsonl(OUT, generate())


if __name__ == "__main__":
    main()
