"""ACLED cues: the words of lexicons/acled.yaml (weapons, protesters, goods, …), matched as
lemma or word runs in a token list (has_cue), and the tests built on them (a weapon's mode,
an armed party, an instrument that is no actor). acled_view.py reads an event's clause with
them and maps it to ACLED's taxonomy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Iterable

from .predicates import load_lexicon_file
from .token_table import token_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "UAF", "SPY", "PRM"})


@dataclass(frozen=True)
class AcledCues:
    priority: tuple[str, ...]
    weapons: dict[str, str]  # lemma or "lemma lemma" → mode
    max_words: int
    armed: frozenset[str]
    reciprocal: frozenset[str]
    territory: frozenset[str]
    intervention: frozenset[str]
    excessive: frozenset[str]
    disrupted: frozenset[str]
    grenade: frozenset[str]
    mob: frozenset[str]
    protesters: frozenset[str]
    weapon_objects: frozenset[str]
    territory_objects: frozenset[str]
    base_objects: frozenset[str]
    agreement_objects: frozenset[str]
    riot: frozenset[str]
    chemical_agents: frozenset[str]
    not_chemical: frozenset[str]
    unopposed: frozenset[str]
    protest_words: frozenset[str]
    sexual: frozenset[str]
    property_objects: frozenset[str]
    projectile_verbs: frozenset[str]
    peace_talks: frozenset[str]
    property_struck: frozenset[str]
    harm: frozenset[str]
    mob_acts: frozenset[str]
    state_forces: frozenset[str]
    non_state: frozenset[str]
    vacated: frozenset[str]
    combat: frozenset[str]


def _norm(word: str) -> str:
    return str(word).lower().strip()


# weapon words that name a person or a force, not a thing: these can act
_AGENT_WEAPON_WORDS = frozenset({"gunman", "sniper", "bomber", "navy", "naval", "airforce",
                                 "air force", "suicide bomber"})


def is_instrument(tok: "Token") -> bool:
    """Is this noun a weapon, projectile or blast (never an actor)?"""
    words = load_cues().weapons
    lemma = tok.lemma_.lower()
    if lemma in _AGENT_WEAPON_WORDS or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return lemma in words or tok.lower_ in words or lemma in ("object", "device", "shrapnel")


@lru_cache(maxsize=1)
def load_cues() -> AcledCues:
    data = load_lexicon_file("acled.yaml")
    weapons: dict[str, str] = {}
    for mode, words in (data.get("weapons") or {}).items():
        for w in words or []:
            weapons.setdefault(_norm(w), mode)
    sets = {
        k: frozenset(_norm(w) for w in (data.get(k) or []))
        for k in (
            "armed",
            "reciprocal",
            "territory",
            "intervention",
            "excessive_force",
            "disrupted",
            "grenade",
            "mob",
            "protesters",
            "weapon_objects",
            "territory_objects",
            "base_objects",
            "agreement_objects",
            "riot",
            "chemical_agents",
            "not_chemical",
            "unopposed",
            "protest_words",
            "sexual",
            "property_objects",
            "projectile_verbs",
            "peace_talks",
            "property_struck",
            "harm",
            "mob_acts",
            "state_forces",
            "non_state",
            "vacated",
            "combat",
        )
    }
    longest = max((len(k.split()) for k in weapons), default=1)
    return AcledCues(
        tuple(data.get("mode_priority") or ()),
        weapons,
        longest,
        sets["armed"],
        sets["reciprocal"],
        sets["territory"],
        sets["intervention"],
        sets["excessive_force"],
        sets["disrupted"],
        sets["grenade"],
        sets["mob"],
        sets["protesters"],
        sets["weapon_objects"],
        sets["territory_objects"],
        sets["base_objects"],
        sets["agreement_objects"],
        sets["riot"],
        sets["chemical_agents"],
        sets["not_chemical"],
        sets["unopposed"],
        sets["protest_words"],
        sets["sexual"],
        sets["property_objects"],
        sets["projectile_verbs"],
        sets["peace_talks"],
        sets["property_struck"],
        sets["harm"],
        sets["mob_acts"],
        sets["state_forces"],
        sets["non_state"],
        sets["vacated"],
        sets["combat"],
    )


def _grams(lemmas: list[str], lowers: list[str], n: int) -> set[str]:
    """Lemma and lowercase n-grams (1…n) of a token run (its lowercased lemmas and lowercase
    forms), for phrase cue lookups; hyphenated words split by the tokenizer are joined too
    ("anti - tank" → "anti-tank"). has_cue() asks the same question without building them."""
    out = set(lemmas)
    out.update(lowers)
    for size in range(2, n + 1):
        out.update(map(" ".join, zip(*(lemmas[k:] for k in range(size)))))
        runs = list(zip(*(lowers[k:] for k in range(size))))
        out.update(map(" ".join, runs))
        out.update(map("".join, runs))
    return out


_STARTS: dict[frozenset[str], frozenset[str]] = {}


def _starts(vocab: frozenset[str]) -> frozenset[str]:
    """Every prefix of every entry of a vocabulary (made once per vocabulary): an n-gram can
    be in `vocab` only when its first word is one of them."""
    starts = _STARTS.get(vocab)
    if starts is None:
        if len(_STARTS) > 512:
            _STARTS.clear()
        starts = _STARTS[vocab] = frozenset(e[:k] for e in vocab for k in range(len(e) + 1))
    return starts


_POSITION = attrgetter("i")  # a Token's index, read in C (no Python step per token)


def has_cue(tokens: "list[Token] | Span", vocab: frozenset[str]) -> bool:
    """Does the token run (a list of tokens, or a whole span such as a sentence) contain a
    word or phrase of `vocab` (lemma or surface form)? The same as `_grams(lemmas, lowers,
    3)` meeting `vocab`, with the 2- and 3-grams made only where the first word begins an
    entry."""
    # The same runs (a sentence, an actor phrase) are asked about many vocabularies: their
    # words are read once per Doc and run. A span gives its indices without a Token each.
    if isinstance(tokens, list):
        key = tuple(map(_POSITION, tokens))
        if not key:
            return False
        doc = tokens[0].doc
    else:
        key = tuple(range(tokens.start, tokens.end))
        if not key:
            return False
        doc = tokens.doc
    cache = doc.user_data.setdefault("_wc_grams", {})
    run = cache.get(key)
    if run is None:
        table = token_table(doc)
        lem, low = [table.lemma[i] for i in key], [table.lower[i] for i in key]
        run = cache[key] = (lem, low, frozenset(lem).union(low), {})
    lem, low, words, answers = run
    # the same run and vocabulary come back (each predicate of a sentence asks again)
    found = answers.get(vocab)
    if found is None:
        found = answers[vocab] = _run_has(lem, low, words, vocab)
    return found  # type: ignore[no-any-return]


def _run_has(lem: list[str], low: list[str], words: frozenset[str],
             vocab: frozenset[str]) -> bool:
    """has_cue's test of one run (its lemmas, lowercase forms and their set)."""
    if not words.isdisjoint(vocab):
        return True
    starts = _starts(vocab)
    if words.isdisjoint(starts):
        return False
    n = len(lem)
    for i in range(n - 1):
        if lem[i] in starts and (" ".join(lem[i:i + 2]) in vocab
                                 or (i + 2 < n and " ".join(lem[i:i + 3]) in vocab)):
            return True
        if low[i] in starts and (" ".join(low[i:i + 2]) in vocab or "".join(low[i:i + 2]) in vocab
                                 or (i + 2 < n and (" ".join(low[i:i + 3]) in vocab
                                                    or "".join(low[i:i + 3]) in vocab))):
            return True
    return False


_ENTRY_STARTS: dict[int, tuple[dict[str, str], frozenset[str]]] = {}


def _entry_starts(vocab: dict[str, str]) -> frozenset[str]:
    """`_starts` of a phrase → value vocabulary, made once per vocabulary (kept by
    identity with the vocabulary itself, so that a freed one is never mistaken)."""
    got = _ENTRY_STARTS.get(id(vocab))
    if got is None or got[0] is not vocab:
        if len(_ENTRY_STARTS) > 64:
            _ENTRY_STARTS.clear()
        got = _ENTRY_STARTS[id(vocab)] = (vocab, _starts(frozenset(vocab)))
    return got[1]


def _longest_matches(tokens: list["Token"], vocab: dict[str, str], n: int) -> set[str]:
    """Values of the longest vocabulary phrases in a token run ("anti-aircraft guns" is not
    "aircraft"): scan left to right, longest phrase first, skip what a match covered."""
    if not tokens:
        return set()
    # the run's positions, once each and in order; their words from the token table
    table = token_table(tokens[0].doc)
    toks = sorted(set(map(_POSITION, tokens)))
    lemmas = [table.lemma[k] for k in toks]
    lowers = [table.lower[k] for k in toks]
    found: set[str] = set()
    # a phrase of the vocabulary can begin only at a word that begins one of its entries
    starts = _entry_starts(vocab)
    i = 0
    while i < len(toks):
        step = 1
        if lemmas[i] not in starts and lowers[i] not in starts:
            i += 1
            continue
        for size in range(min(n, len(toks) - i), 0, -1):
            keys = (
                " ".join(lemmas[i : i + size]),
                " ".join(lowers[i : i + size]),
                "".join(lowers[i : i + size]),
            )
            hit = next((vocab[k] for k in keys if k in vocab), None)
            if hit is not None:
                found.add(hit)
                step = size
                break
        i += step
    return found


def weapon_mode(tokens: list["Token"]) -> str | None:
    """The ASSAULT mode the weapons named in these tokens imply, by priority."""
    cues = load_cues()
    found = _longest_matches(tokens, cues.weapons, max(cues.max_words, 3))
    for mode in cues.priority:
        if mode in found:
            return mode
    return None


def is_armed(tokens: list["Token"], sectors: Iterable[str | None] = ()) -> bool:
    """Does a phrase (or its resolved actors' sectors) name armed people or hardware?"""
    if any(s in _ARMED_SECTORS for s in sectors):
        return True
    return has_cue(tokens, load_cues().armed)


__all__ = ["weapon_mode", "is_armed", "is_instrument", "has_cue", "load_cues", "AcledCues"]
