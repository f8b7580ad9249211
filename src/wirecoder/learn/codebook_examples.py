"""Invented ACLED-style notes for the shipped model's ACLED head (written for wirecoder).

Each sub-event type has a few sentence templates following the definitions of ACLED's public
codebook, filled with made-up actors, places, dates and counts. No ACLED note is used or
paraphrased. `python -m wirecoder.learn.codebook_examples` rewrites
data/acled_codebook_examples.jsonl (deterministic).
"""
from __future__ import annotations

import json
import random
from pathlib import Path

PER_CLASS = 30
OUT = Path(__file__).resolve().parent / "data" / "acled_codebook_examples.jsonl"

FILL: dict[str, tuple[str, ...]] = {
    "D": ("On 3 March 2025", "On 14 June 2024", "On 27 January 2025", "On 9 October 2023",
          "Around 21 August 2024", "On the night of 5 May 2025", "On 30 November 2024",
          "Between 11 and 12 April 2025", "On 18 February 2024", "On 2 July 2025"),
    "P": ("Kerrow village (Talem district)", "the town of Ostrava Nova", "Bel Hamra (Wadi Sarun)",
          "the Mirza neighbourhood of Port Elim", "Samaka (Upper Delen province)",
          "the outskirts of Qasr Duna", "Tenbury market (Lowfield)", "Ardeni town",
          "the Kalo refugee camp", "Vesna hamlet (North Rampa)", "the city centre of Darrow",
          "Mabiri (Eastern region)"),
    "S": ("military forces", "the national army", "police forces", "soldiers of the army's 5th brigade",
          "security forces", "the gendarmerie", "government troops", "border police"),
    "A": ("militants of the Sarun Liberation Front", "an armed group", "fighters of the Popular Defence Movement",
          "members of a jihadist group", "rebels", "a local militia", "gunmen of the Eastern Brigade",
          "insurgents"),
    "U": ("unidentified gunmen", "unknown assailants", "unidentified armed men", "suspected militants"),
    "C": ("civilians", "a farmer", "two shepherds", "a schoolteacher", "residents", "a family of five",
          "a shop owner", "displaced people", "a journalist", "a village elder"),
    "G": ("demonstrators", "protesters", "residents", "students", "traders", "farmers",
          "members of a teachers' union", "supporters of an opposition party", "nurses", "taxi drivers"),
    "W": ("to demand higher wages", "against rising fuel prices", "against the detention of a local leader",
          "to denounce corruption in the municipality", "over water shortages", "in solidarity with striking miners",
          "against a new land law", "to call for the release of political prisoners"),
    "N": ("two", "three", "four", "five", "seven", "a dozen", "several", "dozens of", "around 20", "11"),
    "F": ("No fatalities were reported.", "Two people were killed.", "One person was injured.",
          "Casualties unknown.", "Three people were killed and several injured.", "Fatalities unknown.",
          "One civilian was killed.", "", "", ""),
}

TEMPLATES: dict[str, tuple[str, ...]] = {
    "Armed clash": (
        "{D}, {S} clashed with {A} in {P}. {F}",
        "{D}, {A} attacked a position of {S} in {P}, and both sides exchanged fire for hours. {F}",
        "{D}, fighting broke out between {A} and a rival armed group near {P}. {F}",
        "{D}, {S} ambushed {A} on the road to {P}; an exchange of gunfire followed. {F}",
    ),
    "Government regains territory": (
        "{D}, {S} recaptured {P} from {A} after heavy fighting. {F}",
        "{D}, {S} regained control of {P}, which had been held by {A} since last year. {F}",
        "{D}, {S} retook {P} and expelled {A} from the area. {F}",
    ),
    "Non-state actor overtakes territory": (
        "{D}, {A} seized control of {P} after {S} withdrew under attack. {F}",
        "{D}, {A} overran {P} and took over the local army base. {F}",
        "{D}, {A} captured {P} from a rival militia following clashes. {F}",
    ),
    "Air/drone strike": (
        "{D}, warplanes of the air force struck {P}. {F}",
        "{D}, a drone strike by {S} hit a vehicle carrying {A} near {P}. {F}",
        "{D}, {S} carried out airstrikes on positions of {A} in {P}. {F}",
        "{D}, an unmanned aerial vehicle dropped explosives on a house in {P}. {F}",
    ),
    "Suicide bomb": (
        "{D}, a suicide bomber detonated an explosive vest at a checkpoint in {P}. {F}",
        "{D}, a member of {A} drove a car laden with explosives into a base of {S} in {P} and blew himself up. {F}",
        "{D}, a suicide attacker blew himself up inside a mosque in {P}. {F}",
    ),
    "Shelling/artillery/missile attack": (
        "{D}, {S} shelled {P} with artillery. {F}",
        "{D}, {A} fired mortar rounds at {P}. {F}",
        "{D}, rockets launched by {A} landed in {P}. {F}",
        "{D}, tank fire by {S} hit houses in {P}. {F}",
    ),
    "Remote explosive/landmine/IED": (
        "{D}, an improvised explosive device planted by {U} exploded as a patrol of {S} passed near {P}. {F}",
        "{D}, {C} stepped on a landmine near {P}. {F}",
        "{D}, a roadside bomb hit a minibus on the road to {P}. {F}",
        "{D}, a car bomb exploded in a market in {P}. {F}",
        "{D}, a piece of unexploded ordnance went off while children played near {P}. {F}",
    ),
    "Grenade": (
        "{D}, {U} threw a grenade into a bar in {P}. {F}",
        "{D}, a hand grenade was thrown at a police post in {P}. {F}",
        "{D}, {U} hurled a grenade at the house of a local official in {P}. {F}",
    ),
    "Chemical weapon": (
        "{D}, {S} allegedly used chlorine gas against {P}. {F}",
        "{D}, shells releasing a toxic chemical agent hit {P}, causing breathing problems among residents. {F}",
        "{D}, {A} reportedly fired munitions carrying a chemical agent at {P}. {F}",
    ),
    "Sexual violence": (
        "{D}, {A} raped a woman in {P}. {F}",
        "{D}, members of {S} sexually assaulted two girls at a checkpoint near {P}. {F}",
        "{D}, {U} abducted and raped a woman returning from the fields near {P}. {F}",
    ),
    "Attack": (
        "{D}, {U} shot and killed {C} in {P}. {F}",
        "{D}, {A} attacked {C} in {P} and burned several houses. {F}",
        "{D}, {S} opened fire on {C} at a checkpoint in {P}. {F}",
        "{D}, {U} stabbed {C} to death in {P}. {F}",
        "{D}, {A} killed {C} accused of collaborating with the government in {P}. {F}",
    ),
    "Abduction/forced disappearance": (
        "{D}, {A} abducted {C} from {P}. {F}",
        "{D}, {U} kidnapped {C} on the road to {P} and demanded a ransom. {F}",
        "{D}, {C} went missing in {P} after being taken away by {A}. {F}",
    ),
    "Peaceful protest": (
        "{D}, {G} held a protest in {P} {W}. {F}",
        "{D}, {N} {G} gathered peacefully in front of the governor's office in {P} {W}.",
        "{D}, {G} marched through {P} {W}.",
        "{D}, {G} staged a sit-in in {P} {W}.",
    ),
    "Protest with intervention": (
        "{D}, {G} protested in {P} {W}. Police dispersed them with tear gas. {F}",
        "{D}, {G} demonstrated in {P} {W}; {S} arrested {N} of them.",
        "{D}, {S} broke up a protest by {G} in {P} {W}, using batons. {F}",
    ),
    "Excessive force against protesters": (
        "{D}, {S} opened live fire on {G} protesting peacefully in {P} {W}. {F}",
        "{D}, {S} shot dead a protester during a peaceful demonstration by {G} in {P}. {F}",
        "{D}, {S} fired live ammunition into a crowd of unarmed {G} in {P}, killing {N} of them.",
    ),
    "Violent demonstration": (
        "{D}, {G} rioted in {P} {W}, throwing stones at {S} and burning tyres. {F}",
        "{D}, {G} set a police station on fire in {P} {W}. {F}",
        "{D}, rioters clashed with {S} in {P}, hurling rocks and petrol bombs {W}. {F}",
        "{D}, {G} blocked roads with burning barricades and vandalised shops in {P} {W}. {F}",
    ),
    "Mob violence": (
        "{D}, a mob lynched a suspected thief in {P}. {F}",
        "{D}, a group of villagers attacked and beat {C} accused of witchcraft in {P}. {F}",
        "{D}, a crowd attacked the homes of a minority community in {P} and set them on fire. {F}",
        "{D}, settlers attacked {C} with stones and sticks in {P}. {F}",
    ),
    "Agreement": (
        "{D}, {S} and {A} signed a ceasefire agreement in {P}.",
        "{D}, the government and {A} agreed on a prisoner exchange, mediated by elders in {P}.",
        "{D}, leaders of two rival communities in {P} signed a peace deal to end the feud.",
    ),
    "Arrests": (
        "{D}, {S} arrested an opposition leader in {P}.",
        "{D}, {S} detained {N} members of {A} during a raid in {P}.",
        "{D}, {S} arrested a journalist in {P} on charges of spreading false news.",
        "{D}, {S} carried out an arrest campaign in {P} and detained {N} young men.",
    ),
    "Change to group/activity": (
        "{D}, {S} deployed reinforcements and armoured vehicles to {P}.",
        "{D}, {A} announced the formation of a new armed wing in {P}.",
        "{D}, {S} ordered residents of {P} to evacuate ahead of a military operation.",
        "{D}, {A} held a recruitment drive in {P} and trained new fighters.",
        "{D}, two armed groups in {P} announced their merger under a new name.",
        "{D}, {S} began a ground operation and moved troops into {P}.",
    ),
    "Disrupted weapons use": (
        "{D}, air defences intercepted a rocket fired by {A} towards {P}.",
        "{D}, {S} defused an improvised explosive device planted on the road near {P}.",
        "{D}, {S} seized a cache of weapons and ammunition belonging to {A} in {P}.",
        "{D}, {S} shot down a drone launched by {A} over {P}.",
    ),
    "Headquarters or base established": (
        "{D}, {A} established a new base in {P}.",
        "{D}, {S} set up a military camp in {P}.",
        "{D}, {A} opened a headquarters in {P} and raised its flag.",
    ),
    "Looting/property destruction": (
        "{D}, {A} looted shops and homes in {P}.",
        "{D}, {S} demolished {N} houses in {P}.",
        "{D}, {U} set fire to a school and a health centre in {P}.",
        "{D}, bulldozers of {S} razed farmland and destroyed water pipes in {P}.",
        "{D}, {A} stole livestock and burned granaries in {P}.",
    ),
    "Non-violent transfer of territory": (
        "{D}, {S} handed over {P} to {A} without fighting under a local deal.",
        "{D}, {A} withdrew from {P} and {S} took control of the town peacefully.",
        "{D}, {A} took over {P} after the army withdrew from the area without clashes.",
    ),
    "Other": (
        "{D}, the bodies of {N} people were found in {P}. The cause of death is unknown.",
        "{D}, a mass grave was discovered in {P}.",
        "{D}, an explosion of unknown origin was heard in {P}. {F}",
        "{D}, {S} imposed a siege on {P}, cutting off food and fuel.",
        "{D}, a prisoner died in custody of {S} in {P}.",
    ),
}


def generate(per_class: int = PER_CLASS, seed: int = 0) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for sub, templates in TEMPLATES.items():
        seen: set[str] = set()
        tries = 0
        while len(seen) < per_class and tries < per_class * 20:
            tries += 1
            ti = len(seen) % len(templates)
            t = templates[ti]
            text = t.format(**{k: rng.choice(v) for k, v in FILL.items()})
            text = " ".join(text.split())
            text = text[0].upper() + text[1:]
            if text not in seen:
                seen.add(text)
                rows.append({"notes": text, "sub_event_type": sub, "group": f"{sub}#{ti}",
                             "source": "wirecoder codebook examples (invented)"})
    return rows


def main() -> None:
    from ..schema import ACLED_EVENT_TYPES

    parent = {s: et for et, subs in ACLED_EVENT_TYPES.items() for s in subs}
    with OUT.open("w", encoding="utf-8") as f:
        for r in generate():
            f.write(json.dumps({"notes": r["notes"], "event_type": parent[r["sub_event_type"]],
                                "sub_event_type": r["sub_event_type"], "group": r["group"],
                                "source": r["source"]},
                               ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
