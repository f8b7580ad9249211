"""The ACLED view of an event: ACLED event_type / sub_event_type from the PLOVER type, the
mode (weapon) and who fought whom (armed actors on both sides make a battle, an armed actor
against unarmed people makes violence against civilians), with what the event's clause tells
(its weapon, a protest, rape, goods taken, who took a place). Cues: acled.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import AcledView
from .acled import has_cue, is_armed, load_cues, weapon_mode
from .token_table import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _clause(predicate: "Token") -> list["Token"]:
    """The predicate's clause: its subtree (a noun predicate's governing verb's, so "used
    sarin in an attack" is one clause; a participle's head's), without relative clauses, which tell of something
    else ("the army, which once used chlorine, shelled the town")."""
    root = predicate
    if predicate.pos_ in ("NOUN", "PROPN") and predicate.head.pos_ in ("VERB", "AUX"):
        root = predicate.head
    # "dropped barrels of sarin, killing 12": the participle's clause is its head's
    if root.dep_ in ("advcl", "xcomp") and root.tag_ in ("VBG", "VBN"):
        root = root.head
    skip = {t.i for c in root.subtree if c.dep_ == "relcl" and c is not predicate
            for t in c.subtree}
    return [t for t in root.subtree if t.i not in skip]


def uses_chemical_agent(predicate: "Token") -> bool:
    """Does the attack's own clause name a chemical agent as what was used (ACLED's Chemical
    weapon), and not only tear gas, napalm or white phosphorus?"""
    cues = load_cues()
    # what was struck is no weapon ("missiles targeting chemical weapons facilities")
    clause = unstruck(predicate)
    if not has_cue(clause, cues.chemical_agents):
        return False
    # "tear gas attack" holds "gas attack": a crowd-control gas alone is not a chemical weapon
    return not has_cue(clause, cues.not_chemical) or has_cue(
        [t for t in clause if t.lemma_.lower() not in ("tear", "gas", "teargas", "pepper")],
        cues.chemical_agents,
    )


def taken_unopposed(predicate: "Token") -> bool:
    """Was a place taken without a violent interaction (ACLED's Non-violent transfer of
    territory), said outright in the sentence or the next ("without resistance", "No clashes
    were reported.")? Inferring it from a withdrawal without fighting words cost more battles
    than it found (held-out halves of CASE dev), so the statement is required."""
    cues = load_cues()
    doc = predicate.doc
    sent = sentence_of(doc, predicate.i)
    if has_cue(sent, cues.unopposed):
        return True
    return sent.end < len(doc) and has_cue(sentence_of(doc, sent.end), cues.unopposed)


def taken_vacated(predicate: "Token") -> bool:
    """Was the place taken after its holders left it, with no fight told (ACLED's
    Non-violent transfer of territory: taken "after the previous occupying force voluntarily
    vacates the area")? A withdrawal, a flight or a place abandoned in the sentence or one
    beside it, and none of them tells of fighting, an attack or harm."""
    cues = load_cues()
    told = _neighbours(predicate)
    if not any(has_cue(s, cues.vacated) for s in told):
        return False
    return not any(has_cue(s, cues.reciprocal) or has_cue(s, cues.harm)
                   or has_cue(s, cues.combat) for s in told)


def forces_moved(predicate: "Token") -> bool:
    """Did armed forces move ("the army withdrew its troops from the border"): the subject or
    object of a withdrawal names armed people? A state leaving a treaty is no ACLED event."""
    args = [t for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent")
            for t in c.subtree]
    return is_armed(args)


# weapons that decide the sub-type whoever fought (remote violence: ACLED codes the weapon)
_REMOTE_MODES = frozenset({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack"})
# a noun under these prepositions is what was struck ("fired at a drone"), not the weapon
_STRUCK_PREPS = frozenset({"at", "on", "upon", "against", "toward", "towards", "into"})
# a cue under these prepositions is a charge or a topic ("accused of rape"), not the act
_TOPIC_PREPS = frozenset({"of", "for", "over", "against", "about"})


def clause_weapon(predicate: "Token") -> str | None:
    """The weapon an attack's own clause names, for an event told without one: its
    when-clause ("was killed when an IED detonated"), what was thrown or fired ("threw a hand
    grenade"), who struck ("military airplanes struck …") — never what was struck ("fired at
    a drone", "hit a tank")."""
    return weapon_mode(unstruck(predicate))


def unstruck(predicate: "Token") -> list["Token"]:
    """The attack's clause without what was struck: objects of verbs that do not fire or
    throw ("hit a tank", "targeting a depot"), at/on/against phrases ("fired at a drone")."""
    cues = load_cues()
    clause = _clause(predicate)
    struck: set[int] = set()
    for t in clause:
        if t.i == predicate.i:
            continue  # the event's own noun ("carried out a gas attack") is no target
        if (t.dep_ == "dobj" and t.head.lemma_.lower() not in cues.projectile_verbs) or (
            t.dep_ == "pobj" and t.head.lower_ in _STRUCK_PREPS and not _timed(t)
        ):
            struck.update(x.i for x in t.subtree)
    return [t for t in clause if t.i not in struck]


def _timed(pobj: "Token") -> bool:
    """Is the at/on phrase a time ("at 8:09 pm", "on Monday")? The parser may hang the
    subject that follows it there ("At 21:00 military aircraft struck …")."""
    return any(t.ent_type_ in ("TIME", "DATE") for t in pobj.subtree)


def _neighbours(predicate: "Token") -> list["Span"]:
    """The event's sentence, the one before and the one after."""
    doc = predicate.doc
    sent = sentence_of(doc, predicate.i)
    out = [sent]
    if sent.start > 0:
        out.append(sentence_of(doc, sent.start - 1))
    if sent.end < len(doc):
        out.append(sentence_of(doc, sent.end))
    return out


def protest_told(predicate: "Token", *, around: bool = False) -> bool:
    """Is a protest told in the event's sentence (`around`: or the one before or after)? The
    month "March" is a date, not a march."""
    words = load_cues().protest_words
    sents = _neighbours(predicate) if around else _neighbours(predicate)[:1]
    return any(has_cue([t for t in s if t.ent_type_ != "DATE"], words) for s in sents)


def crowd_fought(predicate: "Token") -> bool:
    """Does the attack's clause tell of fighting or rioting (a clash, stones thrown, fires
    set)? ACLED: demonstrators engaging in violence make a Violent demonstration, whatever
    force is used against them. "Riot police" is no riot."""
    cues = load_cues()
    clause = [t for t in _clause(predicate)
              if not (t.lower_ == "riot" and t.dep_ in ("compound", "amod"))]
    return has_cue(clause, cues.reciprocal) or has_cue(clause, cues.riot)


def sexual_violence(predicate: "Token") -> bool:
    """Does the attack's clause, or the verb it is coordinated with ("raped and killed"), tell
    of sexual violence (ACLED's Sexual violence: rape, sexual assault …)? A charge or a topic
    ("accused of rape", "a protest over sexual abuse") is not the act."""
    cues = load_cues()
    root = predicate.head if predicate.dep_ in ("conj", "advcl") else predicate
    told = [
        t for t in _clause(root)
        if not any(a.dep_ == "prep" and a.lower_ in _TOPIC_PREPS and root.is_ancestor(a)
                   for a in t.ancestors)
    ]
    return has_cue(told, cues.sexual)


def goods_taken(predicate: "Token") -> bool:
    """Is what was seized goods or property ("seized livestock and cash"), not people or a
    place? ACLED's Looting/property destruction: "looting or seizing goods or property"."""
    cues = load_cues()
    objs = [c for c in predicate.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for o in objs for g in o.conjuncts]
    return any(o.ent_type_ not in ("PERSON", "NORP", "GPE", "LOC", "FAC")
               and has_cue([o], cues.property_objects) for o in objs)


def only_property_struck(predicate: "Token") -> bool:
    """Was what the attack struck property alone ("attacked shops", "attacks on properties"),
    with nobody killed or hurt and no remote weapon in the sentence? ACLED's
    Looting/property destruction."""
    cues = load_cues()
    targets = [c for c in predicate.children if c.dep_ == "dobj"]
    if not targets:  # "attacked and damaged the office": the object the conjoined verb names
        targets = [g for c in predicate.children if c.dep_ == "conj" and c.pos_ == "VERB"
                   for g in c.children if g.dep_ == "dobj"]
    targets += [g for c in predicate.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for g in c.children if g.dep_ == "pobj"]
    targets += [g for t in targets for g in t.conjuncts]
    targets = [t for t in targets if t.ent_type_ not in ("DATE", "TIME")]  # "on Sunday"
    if not targets or not all(has_cue([t], cues.property_struck) for t in targets):
        return False
    sent = sentence_of(predicate.doc, predicate.i)
    # an airstrike or a bomb that hit property is remote violence (its weapon decides)
    return not has_cue(sent, cues.harm) and weapon_mode(list(sent)) not in _REMOTE_MODES


def state_took(predicate: "Token", actor_state: bool) -> bool:
    """Did state forces take the place? The subject or agent decides when it names them
    ("troopers captured two rebel camps") or a non-state armed group ("rebel soldiers
    seized the town"); otherwise the actor's sector (`actor_state`)."""
    cues = load_cues()
    side = subject_side(predicate)
    # the taker's own phrase, not what its modifiers tell of ("security forces in a crackdown
    # on Taliban militants")
    inner = {t.i for t in side if t.dep_ in ("prep", "relcl", "acl")}
    # (a person's name is no force: "Marine Le Pen")
    side = [t for t in side if t.i not in inner and not any(a.i in inner for a in t.ancestors)
            and t.ent_type_ != "PERSON"]
    if has_cue(side, cues.non_state):
        return False
    return actor_state or has_cue(side, cues.state_forces)


def crowd_struck(predicate: "Token") -> bool:
    """Is a crowd word (locals, villagers, supporters …) the one who struck: the subject or
    agent, or, with neither, not the one struck ("three locals were wounded")?"""
    mob = load_cues().mob
    side = subject_side(predicate)
    if side:
        return has_cue(side, mob)
    struck = [t for c in predicate.children if c.dep_ == "nsubjpass" for t in c.subtree]
    return not has_cue(struck, mob)


def lynching(predicate: "Token") -> bool:
    """Is the attack a lynching ("a suspected thief was lynched")? A mob's act by definition:
    ACLED's Mob violence, unless armed forces are named as doing it."""
    return has_cue([predicate], load_cues().mob_acts)


def peace_talks(predicate: "Token") -> bool:
    """Are the talks about peace, a ceasefire or a truce (ACLED's Agreement lists "peace
    agreements/talks")?"""
    return has_cue(_clause(predicate) + [predicate], load_cues().peace_talks)


def subject_side(predicate: "Token") -> list["Token"]:
    """Who acted: the subject or agent of the predicate, or, for a participle or conjunct
    without its own ("poured into the streets, denouncing …"), of the verb it hangs on."""
    for verb in (predicate, predicate.head):
        subj = [t for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
        if subj or verb is predicate.head or predicate.dep_ not in ("advcl", "conj", "xcomp"):
            return subj
    return []


def protesters_act(predicate: "Token") -> bool:
    """Is the subject of a demand, denunciation or refusal a crowd of protesters ("protesters
    demanded …", "demonstrators staged a sit-in, urging …")? Their act is the protest itself."""
    return has_cue(subject_side(predicate), load_cues().protesters)


def acled_view(
    type_: str,
    mode: str | None,
    *,
    predicate: "Token | None" = None,
    actor_armed: bool = False,
    recipient_armed: bool = False,
    reciprocal: bool = False,
    territory: bool = False,
    disrupted: bool = False,
    grenade: bool = False,
    intervention: bool = False,
    excessive: bool = False,
    actor_state: bool = False,
    mob: bool = False,
    rioters: bool = False,
    base: bool = False,
    agreement: bool = False,
) -> AcledView:
    """ACLED event_type / sub_event_type of a PLOVER event, or nulls outside ACLED's scope.
    With the event's `predicate` token the clause is read too: a chemical agent used, a place
    taken unopposed, a withdrawal of armed forces. Without it (French, the no-event fallback)
    the type, mode and flags decide alone."""

    def v(et: str, st: str) -> AcledView:
        return AcledView(event_type=et, sub_event_type=st)

    if disrupted:
        return v("Strategic developments", "Disrupted weapons use")
    fought = False
    if type_ == "ASSAULT" and predicate is not None:
        if mode is None:  # the weapon the clause names decides ("killed when an IED exploded")
            mode = clause_weapon(predicate)
            grenade = grenade or (mode == "explosives" and has_cue(_clause(predicate),
                                                                   load_cues().grenade))
        if mode not in _REMOTE_MODES and sexual_violence(predicate):
            return v("Violence against civilians", "Sexual violence")
        fought = reciprocal or crowd_fought(predicate)
        if mode not in _REMOTE_MODES and fought and protest_told(predicate):
            # demonstrators in a fight: a riot, whatever force met them (codebook)
            return v("Riots", "Violent demonstration")
        # the protest word that made the flag must be one ("16 March" is a date)
        excessive = excessive and protest_told(predicate, around=True)
        # a crowd word makes mob violence when the crowd struck, not when it was struck or
        # spoke ("residents said hoodlums looted …", "three locals were wounded")
        mob = (mob and crowd_struck(predicate)) or lynching(predicate)
    if (
        type_ == "ASSAULT"
        and excessive
        and not rioters
        and mode not in ("aerial", "drone", "heavy-weapons")
    ):
        return v("Protests", "Excessive force against protesters")
    if type_ == "ASSAULT" and rioters and mode not in ("aerial", "drone", "heavy-weapons"):
        return v("Riots", "Violent demonstration")
    if (
        type_ == "ASSAULT"
        and mob
        and not actor_armed
        and mode not in ("aerial", "drone", "heavy-weapons")
        # a gunfight with armed forces is a battle, whoever the crowd was
        and not (recipient_armed and mode == "firearms")
    ):
        return v("Riots", "Mob violence")
    if (
        type_ == "ASSAULT"
        and predicate is not None
        and mode in (None, "primitive", "firearms")
        and not excessive
        and only_property_struck(predicate)
    ):
        return v("Strategic developments", "Looting/property destruction")
    if (
        type_ == "ASSAULT"
        and predicate is not None
        and mode in (None, "firearms", "primitive", "beat")
        and not fought
        and not recipient_armed
        and protest_told(predicate, around=True)
        and has_cue(_clause(predicate), load_cues().excessive)
    ):
        # lethal force or serious injury where a protest is told, with no fight told: ACLED's
        # Excessive force against protesters ("protesters died from gunfire during a rally")
        return v("Protests", "Excessive force against protesters")
    if type_ == "ASSAULT" and predicate is not None:
        # the agent makes a chemical attack, whatever delivered it ("shells loaded with sarin");
        # a poisoning without one is not (mode "unconventional" from "poison")
        if uses_chemical_agent(predicate):
            return v("Explosions/Remote violence", "Chemical weapon")
        if mode == "unconventional":
            mode = None
    if type_ == "ASSAULT":
        # fighting told as such ("clashed with troops using anti-tank shells") is a battle
        if reciprocal and mode in (None, "firearms", "heavy-weapons", "explosives", "primitive"):
            return v("Battles", "Armed clash")
        if mode in ("aerial", "drone"):
            return v("Explosions/Remote violence", "Air/drone strike")
        if mode == "heavy-weapons":
            return v("Explosions/Remote violence", "Shelling/artillery/missile attack")
        if mode == "suicide-attack":
            return v("Explosions/Remote violence", "Suicide bomb")
        if mode == "unconventional":
            return v("Explosions/Remote violence", "Chemical weapon")
        if mode == "explosives":
            if grenade:
                return v("Explosions/Remote violence", "Grenade")
            return v("Explosions/Remote violence", "Remote explosive/landmine/IED")
        if mode == "abduct":
            return v("Violence against civilians", "Abduction/forced disappearance")
        if mode == "sexual":
            return v("Violence against civilians", "Sexual violence")
        if mode == "destroy":
            return v("Strategic developments", "Looting/property destruction")
        if mode == "crowd-control":
            return v(
                "Protests",
                "Excessive force against protesters" if excessive else "Protest with intervention",
            )
        if reciprocal or (mode in ("firearms", None) and actor_armed and recipient_armed):
            return v("Battles", "Armed clash")
        return v("Violence against civilians", "Attack")
    if type_ == "COERCE":
        if mode in ("seize", None) and predicate is not None and goods_taken(predicate):
            # goods taken from a place are looted, the place is not taken
            return v("Strategic developments", "Looting/property destruction")
        if territory:
            if predicate is not None and (taken_unopposed(predicate)
                                          or taken_vacated(predicate)):
                return v("Strategic developments", "Non-violent transfer of territory")
            return v(
                "Battles",
                "Government regains territory"
                if (state_took(predicate, actor_state) if predicate is not None else actor_state)
                else "Non-state actor overtakes territory",
            )
        if mode == "arrest":
            return v("Strategic developments", "Arrests")
        if mode in ("curfew", "martial-law"):
            # security forces take over public order: a change in their activity
            return v("Strategic developments", "Change to group/activity")
        return AcledView()
    if type_ == "PROTEST":
        if predicate is not None and predicate.ent_type_ == "DATE":
            return AcledView()  # "on 16 March" is a date, not a march
        if mode in ("riot", "vandalize"):
            return v("Riots", "Violent demonstration")
        if predicate is not None and crowd_fought(predicate):
            # a blockade with barricades and burning tyres, a sit-in that turned to stones
            return v("Riots", "Violent demonstration")
        if excessive:
            return v("Protests", "Excessive force against protesters")
        if intervention:
            return v("Protests", "Protest with intervention")
        return v("Protests", "Peaceful protest")
    if type_ == "RETREAT" and mode == "withdraw" and territory:
        return v("Strategic developments", "Non-violent transfer of territory")
    if type_ == "CONSULT" and predicate is not None and peace_talks(predicate):
        return v("Strategic developments", "Agreement")  # peace talks (codebook)
    if type_ in ("REQUEST", "ACCUSE", "REJECT") and predicate is not None and protesters_act(
            predicate):
        return v("Protests", "Peaceful protest")  # "protesters demanded …": the protest
    if type_ == "AGREE" and mode is None:
        return v("Strategic developments", "Agreement")
    if type_ == "RETREAT" and mode in ("ceasefire", "disarm"):
        # ACLED's Agreement lists ceasefires and surrenders (fighters laying down arms)
        return v("Strategic developments", "Agreement")
    if type_ in ("SUPPORT", "CONCEDE", "RETREAT") and agreement:
        return v("Strategic developments", "Agreement")
    if type_ == "MOBILIZE" and (base or territory):
        return v("Strategic developments", "Headquarters or base established")
    if type_ == "MOBILIZE" and mode in ("troops", "militia", "police", None):
        return v("Strategic developments", "Change to group/activity")  # forces moved
    if (type_ == "RETREAT" and mode == "withdraw" and predicate is not None
            and forces_moved(predicate)):
        return v("Strategic developments", "Change to group/activity")  # forces pulled out
    return AcledView()


__all__ = ["acled_view", "uses_chemical_agent", "taken_unopposed", "taken_vacated", "forces_moved",
           "clause_weapon", "protest_told", "crowd_fought", "sexual_violence", "goods_taken",
           "peace_talks", "protesters_act", "subject_side", "only_property_struck", "lynching",
           "crowd_struck", "unstruck",
           "state_took"]
