"""Invented one-sentence PLOVER examples (written for wirecoder), labelled with type and mode.

They give the shipped model sentence-level labels: NGEC's synthetic stories are labelled per
story, so they cannot tell whether the rules or the classifier typed a *sentence* right; these
can, and the hybrid policy of the shipped model is chosen on them (`make train`).
`python -m wirecoder.learn.plover_examples` rewrites data/plover_sentence_examples.jsonl.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

PER_TYPE = 24
OUT = Path(__file__).resolve().parent / "data" / "plover_sentence_examples.jsonl"

FILL: dict[str, tuple[str, ...]] = {
    "X": ("Norland", "the government of Vesteria", "Prime Minister Aldo Renn", "the Kestan foreign ministry",
          "President Mara Ilves", "the Orsan Union", "the opposition Unity Party", "the Duran army",
          "Ambassador Tomas Bekk", "the rebel Liberation Council"),
    "Y": ("Kestan", "neighbouring Orsa", "the Westmark government", "the United Nations", "rebel leaders",
          "the central bank of Duran", "Finance Minister Ola Varga", "the Eastern Alliance",
          "Belmar's president", "the striking dockworkers"),
    "T": ("on Monday", "on Tuesday", "last week", "on Friday", "late on Sunday", "this morning", ""),
    "Q": ("the border dispute", "trade tariffs", "the refugee crisis", "water rights on the Sava river",
          "the release of detained sailors", "the disputed election", "energy supplies"),
}

TEMPLATES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "AGREE": (("{X} and {Y} agreed {T} to settle {Q}.", None),
              ("{X} signed an accord with {Y} {T} on {Q}.", None),
              ("{X} accepted {Y}'s proposal on {Q} {T}.", None)),
    "CONSULT": (("{X} met {Y} {T} to discuss {Q}.", None),
                ("{X} travelled to the capital of {Y} {T} for talks on {Q}.", "visit"),
                ("{X} spoke by telephone with {Y} {T} about {Q}.", "phone"),
                ("Envoys mediated talks between {X} and {Y} on {Q} {T}.", "third-party")),
    "SUPPORT": (("{X} praised {Y} {T} for its handling of {Q}.", None),
                ("{X} voiced support for {Y} {T} over {Q}.", None),
                ("{X} endorsed {Y}'s position on {Q} {T}.", None)),
    "CONCEDE": (("{X} apologised to {Y} {T} over {Q}.", None),
                ("{X} admitted mistakes in its handling of {Q} {T}.", None),
                ("{X} gave in to {Y}'s demands on {Q} {T}.", None)),
    "COOPERATE": (("{X} and {Y} launched joint naval patrols {T}.", None),
                  ("{X} and {Y} agreed to share intelligence on smuggling {T}.", None),
                  ("{X} opened a joint commission with {Y} {T} to cooperate on {Q}.", None)),
    "AID": (("{X} sent food and medicine to {Y} {T}.", None),
            ("{X} pledged $40 million in humanitarian aid to {Y} {T}.", None),
            ("{X} delivered tents and water to flood victims in {Y} {T}.", None)),
    "RETREAT": (("{X} withdrew its troops from the border with {Y} {T}.", "withdraw"),
                ("{X} released 30 prisoners held since the war with {Y} {T}.", "release"),
                ("{X} declared a ceasefire with {Y} {T}.", "ceasefire"),
                ("The defence minister of {X} resigned {T} over {Q}.", "resign")),
    "REQUEST": (("{X} called on {Y} {T} to end {Q}.", "change"),
                ("{X} asked {Y} for emergency loans {T}.", "assist"),
                ("{X} urged {Y} {T} to hold talks on {Q}.", "meet"),
                ("{X} appealed to {Y} {T} to step down.", "yield")),
    "ACCUSE": (("{X} accused {Y} {T} of violating the agreement on {Q}.", "allege"),
               ("{X} condemned {Y} {T} for its role in {Q}.", "disapprove"),
               ("{X} opened an investigation into {Y}'s handling of {Q} {T}.", "investigate"),
               ("{X} criticised {Y} {T} over {Q}.", "disapprove")),
    "REJECT": (("{X} rejected {Y}'s proposal on {Q} {T}.", None),
               ("{X} refused to meet {Y} {T}.", "meet"),
               ("{X} turned down a request from {Y} for aid {T}.", "assist"),
               ("{X} refused {T} to step down despite pressure from {Y}.", "yield")),
    "THREATEN": (("{X} threatened {T} to impose sanctions on {Y} over {Q}.", None),
                 ("{X} warned {Y} {T} that it would use force if the dispute over {Q} went on.", "violence"),
                 ("{X} threatened to expel diplomats of {Y} {T}.", "expel"),
                 ("{X} threatened {T} to cut diplomatic ties with {Y}.", "relations")),
    "PROTEST": (("Thousands of people demonstrated against {X} {T} over {Q}.", "demo"),
                ("Workers went on strike {T} to protest against {X}.", "strike"),
                ("Prisoners began a hunger strike {T} against {X}.", "hunger"),
                ("Protesters blocked the main highway {T} in protest at {Q}.", "obstruct")),
    "SANCTION": (("{X} imposed sanctions on {Y} {T} over {Q}.", None),
                 ("{X} expelled {Y}'s ambassador {T}.", "expel"),
                 ("A court in {X} convicted a former minister of corruption {T}.", "convict"),
                 ("{X} suspended aid to {Y} {T} over {Q}.", "discontinue")),
    "MOBILIZE": (("{X} deployed troops along the border with {Y} {T}.", "troops"),
                 ("{X} put its forces on high alert {T} amid tension over {Q}.", "troops"),
                 ("{X} moved missile batteries close to the frontier with {Y} {T}.", "weapons"),
                 ("{X} sent riot police to the capital {T}.", "police")),
    "COERCE": (("Police in {X} arrested opposition activists {T}.", "arrest"),
               ("{X} imposed a curfew in the capital {T}.", "curfew"),
               ("{X} blocked access to social media {T}.", "censor"),
               ("{X} deported hundreds of migrants to {Y} {T}.", "deport"),
               ("{X} seized a tanker belonging to {Y} {T}.", "seize")),
    "ASSAULT": (("Troops of {X} shelled villages held by {Y} {T}.", "heavy-weapons"),
                ("Warplanes of {X} bombed positions of {Y} {T}.", "aerial"),
                ("Gunmen loyal to {X} shot dead five villagers {T}.", "firearms"),
                ("A roadside bomb killed three soldiers of {X} {T}.", "explosives"),
                ("Militants abducted two aid workers {T}.", "abduct")),
}


def generate(per_type: int = PER_TYPE, seed: int = 0) -> list[dict[str, str | None]]:
    rng = random.Random(seed)
    rows: list[dict[str, str | None]] = []
    for type_, templates in TEMPLATES.items():
        seen: set[str] = set()
        tries = 0
        while len(seen) < per_type and tries < per_type * 20:
            tries += 1
            ti = len(rows) % len(templates)
            t, mode = templates[ti]
            fill = {k: rng.choice(v) for k, v in FILL.items()}
            if fill["X"] == fill["Y"]:
                continue
            text = " ".join(t.format(**fill).split()).replace(" .", ".")
            text = text[0].upper() + text[1:]
            if text not in seen:
                seen.add(text)
                rows.append({"text": text, "type": type_, "mode": mode, "group": f"{type_}#{ti}",
                             "source": "wirecoder sentence examples (invented)"})
    return rows


def main() -> None:
    with OUT.open("w", encoding="utf-8") as f:
        for r in generate():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
