"""Typing stage of a candidate: the PLOVER type and mode its clause settles and the ACLED
cues (flags, weapon) its words carry. The lexicon gives a predicate's type (predicates.py);
the clause refines it: a weapon sets an attack's mode, people seized are arrested, a crowd
that protests demonstrates, and PLOVER codes the act of speaking — a promise of cooperation
is AGREE, an announced coercion THREATEN, a refused cooperation REJECT."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..schema import Status
from .acled import has_cue, is_armed, load_cues, weapon_mode
from .arguments import LIGHT_VERBS, Arguments, is_actor_like, phrase
from .context import ExtractionContext
from .predicates import PredicateHit, load_lexicon_file

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .acled import AcledCues

# verbs whose object is the weapon ("fired rockets", "launched a drone")
_PROJECTILE_VERBS = frozenset(
    {
        "fire",
        "launch",
        "drop",
        "use",
        "detonate",
        "plant",
        "throw",
        "hurl",
        "lob",
        "deploy",
        "employ",
    }
)
_PROTEST_WORDS = frozenset(
    {"protest", "demonstration", "rally", "protester", "demonstrator", "sit-in", "march"}
)
_FORMAL_PROTEST = frozenset(
    {"lodge", "file", "register", "deliver", "send", "issue", "submit", "make"}
)
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
_THREAT_MODE = {
    "COERCE": "restrict",
    "SANCTION": "relations",
    "ASSAULT": "violence",
    "PROTEST": "restrict",
    "MOBILIZE": "violence",
}
_CROWD = frozenset(
    {
        "protester",
        "protestor",
        "demonstrator",
        "student",
        "worker",
        "people",
        "thousand",
        "hundred",
        "resident",
        "crowd",
        "supporter",
        "farmer",
        "teacher",
        "employee",
        "villager",
        "activist",
        "woman",
        "youth",
        "citizen",
        "refugee",
    }
)


@dataclass
class EventKind:
    """What a candidate is: PLOVER type and mode, its status after a speech act's reading
    ("will not sign" is a REJECT that occurred), the ACLED flags and the weapon."""

    type: str
    mode: str | None
    status: Status
    flags: dict[str, bool] = field(default_factory=dict)
    weapon: str | None = None


def event_kind(ctx: ExtractionContext, hit: PredicateHit, args: Arguments, *, actor: list[str],
               recipient: list[str], status: Status, outcomes: list[PredicateHit],
               own: list["Token"], sent: "Span") -> EventKind:
    """The type, mode, status, ACLED flags and weapon of a predicate told as an event, from
    its clause (`own` tokens, `outcomes`, sentence), its argument heads `args` and the
    actor ids they resolved to."""
    tok = hit.token
    mode = hit.mode
    weapon = None
    type_ = hit.type
    flags: dict[str, bool] = {}
    cues = load_cues()
    subj_toks = _subject_tokens(tok) if not hit.nominal else []
    told = {t.i for t in subj_toks}  # Tokens are equal when their positions are
    actor_words = [t for a in args.actor for t in phrase(a)]  # made once: the cues reread them
    subj_toks += [t for t in actor_words if t.i not in told]
    if hit.nominal and tok.head.lemma_ in LIGHT_VERBS:
        subj_toks += _subject_tokens(tok.head)
    if type_ == "ASSAULT":
        outcome_words = [t for o in outcomes for t in o.token.subtree]
        mode, flags, weapon = _assault_cues(ctx, hit, args, actor, recipient, outcomes,
                                            own + outcome_words, subj_toks, sent, mode, cues,
                                            actor_words, outcome_words)
    elif type_ in ("COERCE", "MOBILIZE", "RETREAT", "SUPPORT", "CONCEDE", "AGREE"):
        mode, flags = _seizure_cues(ctx, hit, args, actor, recipient, subj_toks, sent, mode,
                                    cues)
    elif type_ == "PROTEST":
        mode, flags = _protest_cues(sent, mode, cues)
    type_, mode, status = _speech_act(hit, type_, mode, status, subj_toks)
    return EventKind(type_, mode, status, flags, weapon)


def _assault_cues(ctx: ExtractionContext, hit: PredicateHit, args: Arguments, actor: list[str],
                  recipient: list[str], outcomes: list[PredicateHit], clause: list["Token"],
                  subj_toks: list["Token"], sent: "Span", mode: str | None,
                  cues: "AcledCues", actor_words: list["Token"],
                  outcome_words: list["Token"]) -> tuple[str | None, dict[str, bool], str | None]:
    """An attack's mode, ACLED flags and weapon (`actor_words`: the actor phrases' tokens,
    `outcome_words`: the outcomes' subtrees; made once by the caller)."""
    tok = hit.token
    tok_kids = list(tok.children)  # read once: four questions below walk them
    # who or what struck, and with what — never what was struck ("fired at a drone")
    wtoks = subj_toks + [t for i in args.instrument for t in i.subtree]
    wtoks += [c for c in tok_kids if c.dep_ in ("compound", "amod", "nmod")]
    for n, o in enumerate([hit] + outcomes):
        kids = list(tok_kids) if n == 0 else list(o.token.children)
        # "targeted vehicles with anti-tank shells": the with-phrase may hang on the object
        kids += [
            g for c in kids if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"
        ]
        for c in kids:
            if (
                c.dep_ == "prep"
                and c.lower_ in ("with", "by", "using", "from")
                or (c.dep_ == "dobj" and o.token.lemma_ in _PROJECTILE_VERBS)
            ):
                wtoks += list(c.subtree)
            if c.dep_ == "advcl" and c.lemma_ in ("use",):
                wtoks += list(c.subtree)
    wm = weapon_mode(wtoks)
    weapon = wm
    targets = [t for r in args.recipient + args.topic for t in phrase(r)]
    target_armed = is_armed(
        targets, [getattr(ctx.actor(a), "sector", None) for a in recipient]
    )
    if mode == "destroy" and target_armed:
        mode = None  # destroying tanks is fighting, not property destruction
    if wm is not None and mode not in (
        "abduct",
        "destroy",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "crowd-control",
        "suicide-attack",
    ):
        mode = wm
    words = clause + subj_toks
    rec_toks = targets
    act_toks = actor_words + subj_toks
    sectors_a = [getattr(ctx.actor(a), "sector", None) for a in actor]
    sectors_r = [getattr(ctx.actor(a), "sector", None) for a in recipient]
    # is_armed(act_toks, …) is its sectors or has_cue(act_toks, cues.armed): asked once
    actor_armed = is_armed(act_toks, sectors_a)
    flags = {
        "mob": has_cue(act_toks, cues.mob),
        "excessive": has_cue(rec_toks + outcome_words, cues.protesters)
        or (
            has_cue(sent, _PROTEST_WORDS)
            and actor_armed
            and has_cue(sent, cues.excessive)
        ),
        "rioters": has_cue(act_toks, cues.protesters),
        "actor_armed": actor_armed,
        "recipient_armed": is_armed(rec_toks, sectors_r),
        "reciprocal": has_cue(
            [tok]
            + [c for c in tok_kids if c.dep_ in ("dobj", "prt")]
            + ([] if hit.cue is None else [hit.cue]),
            cues.reciprocal,
        )
        or (
            hit.nominal and hit.cue is not None and has_cue([tok, hit.cue], cues.reciprocal)
        )
        or has_cue(
            [tok]
            + [
                g
                for c in tok_kids
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.subtree
            ],
            cues.reciprocal,
        ),
        "grenade": has_cue(words, cues.grenade),
        "disrupted": has_cue([tok], cues.disrupted),
    }
    return mode, flags, weapon


def _seizure_cues(ctx: ExtractionContext, hit: PredicateHit, args: Arguments, actor: list[str],
                  recipient: list[str], subj_toks: list["Token"], sent: "Span", mode: str | None,
                  cues: "AcledCues") -> tuple[str | None, dict[str, bool]]:
    """The mode and ACLED flags of what was taken, found, set up or signed (COERCE,
    MOBILIZE, RETREAT, SUPPORT, CONCEDE, AGREE)."""
    tok = hit.token
    type_ = hit.type
    # what was taken, found, set up or signed: the object phrase(s)
    objs = [
        t
        for c in tok.children
        if c.dep_ in ("dobj", "nsubjpass", "attr")
        for t in c.subtree
    ]
    objs += [
        t
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "over")
        for t in c.subtree
    ]
    place_obj = any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in objs) or has_cue(
        objs, cues.territory_objects
    )
    flags = {
        "territory": (
            type_ == "COERCE"
            and has_cue([tok] + ([hit.cue] if hit.cue is not None else []), cues.territory)
            and place_obj
        )
        or (
            type_ == "RETREAT"
            and mode == "withdraw"
            and place_obj
            and has_cue(sent, _handed(cues.agreement_objects))
        ),
        "disrupted": type_ == "COERCE"
        and (
            has_cue([tok], cues.disrupted)
            or (mode == "seize" and has_cue(objs, cues.weapon_objects))
        ),
        "base": has_cue(objs, cues.base_objects),
        "agreement": has_cue(objs + [tok], cues.agreement_objects),
        "actor_state": any(
            getattr(ctx.actor(a), "sector", None) in ("MIL", "GOV", "COP")
            for a in actor
        )
        or has_cue(subj_toks, _STATE_FORCES),
        "actor_armed": is_armed(subj_toks),
    }
    if type_ != "COERCE":
        flags.pop("actor_armed")
        flags.pop("actor_state")
        flags.pop("disrupted")
    if flags.get("territory") and type_ == "COERCE":
        mode = "seize"
    elif (
        type_ == "COERCE"
        and mode == "seize"
        and not flags.get("disrupted")
        and recipient
        and any(
            is_actor_like(r) and r.ent_type_ not in ("GPE", "LOC", "FAC")
            for r in args.recipient
        )
    ):
        mode = "arrest"  # "captured a senior commander": people taken are arrested
    return mode, flags


def _protest_cues(sent: "Span", mode: str | None,
                  cues: "AcledCues") -> tuple[str | None, dict[str, bool]]:
    """A protest's mode (a riot when protesters smash or clash) and ACLED flags."""
    if mode in ("demo", None) and has_cue(sent, cues.riot):
        mode = "riot"  # protesters smashing, burning, clashing
    flags = {
        "intervention": has_cue(sent, cues.intervention),
        "excessive": has_cue(sent, cues.excessive)
        and has_cue(sent, _PROTESTERS),
    }
    return mode, flags


def _speech_act(hit: PredicateHit, type_: str, mode: str | None, status: Status,
                subj_toks: list["Token"]) -> tuple[str, str | None, Status]:
    """The type a clause's construction gives: a formal protest is diplomatic, a crowd
    protesting demonstrates, a promise, announced coercion or refusal is a speech act."""
    tok = hit.token
    if hit.nominal and tok.lemma_ == "protest" and tok.head.lemma_ in _FORMAL_PROTEST:
        type_, mode = "ACCUSE", "disapprove"  # "lodged a protest with X" is diplomatic
    if tok.lemma_ == "protest" and not hit.nominal:
        if has_cue(subj_toks + ([tok.head] if tok.dep_ == "acl" else []), _CROWD) or any(
            t.like_num for t in subj_toks
        ):
            type_, mode = "PROTEST", "demo"
    if not hit.nominal and type_ == "REQUEST":
        type_, mode = _directive_kind(tok, type_, mode)
    if not hit.nominal and type_ == "MOBILIZE" and _unarmed_mobilization(tok):
        type_, mode = "SUPPORT", None  # "mobilized lobby groups to support X"
    # PLOVER codes the act of speaking: a promise of cooperation is AGREE, an announced
    # coercion is THREATEN, a refusal to cooperate is REJECT
    if not hit.nominal and type_ not in ("AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"):
        if status == Status.planned:
            if type_ in _WITHDRAWALS and _unless_clause(tok):
                # "will withdraw its monitors unless the talks resume": a condition on a
                # withdrawal of cooperation threatens
                type_, mode, status = "THREATEN", "relations", Status.occurred
            elif type_ in _OWN_DECIDED_TYPES and _decided(tok):
                status = Status.occurred  # "the court decided to allow him to run": allowed
            elif type_ in _OWN_FUTURE_TYPES and _narrated_future(tok):
                pass  # "the minister will resign", "the presidents are scheduled to meet"
            elif type_ == "SANCTION" and _planned_cut(tok):
                pass  # "Germany plans to halve its aid": a decided cut, no threat to anyone
            elif type_ == "ASSAULT" and _plotted(tok):
                pass  # "a plot to assassinate", "attempting to kill": an attack planned, unsaid
            elif type_ in _COOPERATIVE:
                type_, mode, status = "AGREE", None, Status.occurred
            elif type_ in _THREAT_MODE:
                mode = (
                    "arrest"
                    if mode == "arrest"
                    else "expel"
                    if mode == "expel"
                    else _THREAT_MODE[type_]
                )
                type_, status = "THREATEN", Status.occurred
        elif (
            status == Status.negated
            and type_ in _COOPERATIVE
            and any(
                c.lower_ in ("will", "would", "wo") for c in tok.children if c.dep_ == "aux"
            )
        ):
            type_, mode, status = "REJECT", _reject_mode(type_), Status.occurred
    elif (not hit.nominal and type_ == "AGREE" and status == Status.negated
          and not any(c.lower_ == "never" for c in tok.children)):
        # "did not agree" refuses; "have never offered evidence" refuses nothing
        type_, mode, status = "REJECT", None, Status.occurred
    return type_, mode, status


_PLOTTING = frozenset({"attempt", "try", "plot", "conspire", "scheme"})


def _plotted(tok: "Token") -> bool:
    """ "Iran potentially attempting to assassinate X", "a plot to kill": the attack is
    schemed or tried, not announced — no threat is made to anyone."""
    head = tok.head
    return tok.dep_ in ("xcomp", "acl") and head.lemma_.lower() in _PLOTTING


# a planned act of these types told by the narrator keeps its type ("will resign", "is
# scheduled to meet"); support, cooperation, aid and concessions told ahead are AGREE (PLOVER
# 3.1, 3.6: a promise of future aid is AGREE); a decision to concede, release or meet is the act
_OWN_FUTURE_TYPES = frozenset({"CONSULT", "RETREAT"})
_OWN_DECIDED_TYPES = frozenset({"CONSULT", "RETREAT", "CONCEDE", "AID"})
_WITHDRAWALS = frozenset({"RETREAT", "SANCTION"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# heads that fix an act ahead without promising it to anyone
_SCHEDULING = frozenset({"schedule", "set", "decide", "due", "slate"})
_DECIDING = frozenset({"decide"})


def _plan_heads(tok: "Token") -> list["Token"]:
    """The words an infinitive hangs from ("decided to allow", "is scheduled to meet"),
    nearest first."""
    out = []
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head  # "scheduled to give a speech and meet X": the first conjunct's head
    while cur.dep_ in ("xcomp", "acomp") and cur.head.i != cur.i and len(out) < 3:
        cur = cur.head
        out.append(cur)
    return out


def _narrated_future(tok: "Token") -> bool:
    """ "The minister will resign next week", "Bush is scheduled to meet dissidents", "the
    court decided to allow him to run": the act told ahead as a fact of the story — not the
    content of a promise, an offer or an announcement ("announced it would free", "is willing
    to send", "said it will help" are AGREE)."""
    heads = _plan_heads(tok)
    if heads:
        if heads[-1].lemma_.lower() not in _SCHEDULING:
            return False
        top = heads[-1]
    else:
        top = tok
        while top.dep_ == "conj" and top.head.i != top.i and not any(
                c.dep_ == "aux" for c in top.children):
            top = top.head  # "will meet X and sign …": the shared auxiliary
        if not any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in top.children):
            return False  # "would" is reported speech ("said it would free …")
    # the narrator's sentence: not the complement of a verb of saying or promising
    return top.dep_ not in ("ccomp", "xcomp", "advcl", "parataxis")


_PLANNING = frozenset({"plan", "decide", "schedule", "set", "due", "slate", "intend"})


def _planned_cut(tok: "Token") -> bool:
    """ "X plans to halve its aid to Y", "is set to cut ties": a reduction the narrator tells
    as decided (a plan), not one announced on a condition or as a warning."""
    heads = _plan_heads(tok)
    return (bool(heads) and heads[-1].lemma_.lower() in _PLANNING and not _unless_clause(tok)
            and heads[-1].dep_ not in ("ccomp", "xcomp", "advcl", "parataxis"))


def _decided(tok: "Token") -> bool:
    heads = _plan_heads(tok)
    return bool(heads) and heads[-1].lemma_.lower() in _DECIDING


def _unless_clause(tok: "Token") -> bool:
    """A condition "unless …" or "if … not …" on the act."""
    for c in tok.children:
        if c.dep_ != "advcl":
            continue
        marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
        if "unless" in marks or ("if" in marks and any(g.dep_ == "neg" for g in c.children)):
            return True
    return False


# verbs of ordering someone, and what an order to stop names
_ORDERING = frozenset({"order", "instruct", "direct", "command", "tell", "force"})
_STOPPING = frozenset({"stop", "cease", "halt", "suspend", "close", "shut", "end", "quit",
                       "leave", "vacate", "evacuate"})
_CALLING = frozenset({"call", "urge", "appeal", "press", "push", "ask"})
# a state or a people is asked, not commanded
_SOVEREIGN = frozenset({"GPE", "NORP"})


def _directive_kind(tok: "Token", type_: str, mode: str | None) -> tuple[str, str | None]:
    """The type a directive's construction gives: an order to a subordinate to stop is
    repression (COERCE: "ordered the newspaper to stop publishing"); a call for action against
    a party condemns it (ACCUSE: "called for sanctions against X", "urged voters to unite
    against X")."""
    lemma = tok.lemma_.lower()
    if lemma in _ORDERING:
        ordered = [c for c in tok.children if c.dep_ == "dobj"]
        stop = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")
                and c.lemma_.lower() in _STOPPING]
        if ordered and stop and not any(o.ent_type_ in _SOVEREIGN for o in ordered):
            return "COERCE", "restrict"
    if lemma in _CALLING and _against_a_party(tok):
        return "ACCUSE", "disapprove"
    return type_, mode


def _against_a_party(tok: "Token") -> bool:
    """An "against X" in what a call asks for, X a party (a name or a group noun)."""
    for c in tok.children:
        if c.dep_ not in ("prep", "xcomp", "ccomp", "dobj"):
            continue
        for t in c.subtree:
            if t.dep_ != "prep" or t.lower_ != "against":
                continue
            for o in t.children:
                if o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                                         or o.pos_ == "PROPN" or is_actor_like(o)):
                    return True
    return False


_RALLYING = frozenset({"mobilize", "mobilise", "rally", "marshal"})
_SUPPORTING = frozenset({"support", "back", "defend", "promote", "champion", "endorse"})


def _unarmed_mobilization(tok: "Token") -> bool:
    """ "X mobilized pressure groups to help support Y": rallying people who are no force,
    for a cause, is support (PLOVER MOBILIZE is military or police forces)."""
    if tok.lemma_.lower() not in _RALLYING:
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs or is_armed([t for o in objs for t in o.subtree]):
        return False
    purpose = [t for c in tok.children if c.dep_ in ("xcomp", "advcl") for t in c.subtree]
    return any(t.lemma_.lower() in _SUPPORTING and t.pos_ == "VERB" for t in purpose)


def _subject_tokens(tok: "Token") -> list["Token"]:
    """The words of a verb's subjects and passive agents."""
    toks: list["Token"] = []
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "agent"):
            toks.extend(c.subtree)
    return toks


# vocabularies made once (has_cue keys its prefix sets by the vocabulary)
_STATE_FORCES = frozenset({"army", "government", "military", "troop", "force"})
_PROTESTERS = frozenset({"protester", "demonstrator", "protestor"})


@lru_cache(maxsize=4)
def _handed(agreement_objects: frozenset[str]) -> frozenset[str]:
    """What a withdrawal hands over: an agreement's objects, or "hand"."""
    return agreement_objects | frozenset({"hand"})


def _reject_mode(refused: str) -> str | None:
    """The REJECT mode of a refused cooperation of type `refused` (predicates.yaml)."""
    global _REJECT_MODES
    if _REJECT_MODES is None:
        _REJECT_MODES = dict(load_lexicon_file("predicates.yaml").get("reject_modes") or {})
    return _REJECT_MODES.get(refused)


_REJECT_MODES: dict[str, str] | None = None


__all__ = ["EventKind", "event_kind"]
