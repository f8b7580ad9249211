"""Knowledge base: countries and demonyms, known actors, role nouns — loaded once from the
lexicon files (src/wirecoder/lexicons/, plus any directory in $WIRECODER_LEXICONS), cached.

Users extend the vocabularies by adding files with the same prefix (actors_*.yaml,
roles_*.yaml, actors_countries*.csv); later files add to or override earlier ones.
"""
from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Matching key: accents folded, casefolded, apostrophes and full stops deleted, other
    punctuation → space, one leading 'the ' dropped (the SPEC's name normalization)."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[’'`.]", "", s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


def lexicon_files(pattern: str) -> list[Path]:
    """Lexicon files matching a glob, package files first, then $WIRECODER_LEXICONS dirs."""
    dirs = [LEXICONS] + [Path(p) for p in os.environ.get("WIRECODER_LEXICONS", "").split(
        os.pathsep) if p]
    out: list[Path] = []
    for d in dirs:
        if d.is_dir():
            out.extend(sorted(d.glob(pattern)))
    return out


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a lexicon CSV; lines starting with '#' are comments."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    yield from csv.DictReader(lines)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


# ---------------------------------------------------------------- countries


@dataclass
class Countries:
    names: dict[str, str] = field(default_factory=dict)  # norm(name) → ISO3
    strong: set[str] = field(default_factory=set)  # keys that are real country names
    demonyms: dict[str, str] = field(default_factory=dict)  # norm(demonym) → ISO3
    display: dict[str, str] = field(default_factory=dict)  # ISO3 → name of the state actor


@lru_cache(maxsize=1)
def countries() -> Countries:
    """Country names (pycountry + lexicon) and demonyms → ISO 3166 alpha-3."""
    import pycountry

    c = Countries()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                key = norm(value)
                c.names.setdefault(key, country.alpha_3)
                c.strong.add(key)
        c.display.setdefault(country.alpha_3, getattr(country, "common_name", None)
                             or country.name)
    for path in lexicon_files("actors_countries*.csv"):
        for row in read_csv(path):
            iso = (row.get("iso3") or "").strip().upper()
            if not iso:
                continue
            name = (row.get("name") or "").strip()
            if name:
                c.display[iso] = name
                c.names[norm(name)] = iso
                c.strong.add(norm(name))
            for alias in _split(row.get("aliases")):
                c.names[norm(alias)] = iso
            for dem in _split(row.get("demonyms")):
                c.demonyms[norm(dem)] = iso
    return c


def country_code(name: str) -> str | None:
    """ISO3 of a country name, alias (capital metonym included) or demonym."""
    key = norm(name)
    c = countries()
    return c.names.get(key) or c.demonyms.get(key)


def country_display(iso3: str) -> str:
    """The canonical name of a state actor ("Israel", "United States")."""
    return countries().display.get(iso3, iso3)


# ---------------------------------------------------------------- known actors


@dataclass
class KBActor:
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    affiliation: str | None = None
    office_role: str | None = None
    office_of: list[str] = field(default_factory=list)
    wikidata: str | None = None


@dataclass
class KnowledgeBase:
    actors: list[KBActor] = field(default_factory=list)
    by_alias: dict[str, KBActor] = field(default_factory=dict)  # norm(alias) → actor
    by_descriptor: dict[str, list[KBActor]] = field(default_factory=dict)


def _kb_actor(entry: dict[str, Any], kind: str) -> KBActor:
    office = entry.get("office") or {}
    return KBActor(
        name=str(entry["name"]), kind=str(entry.get("kind") or kind),
        country=entry.get("country"), sector=entry.get("sector"),
        aliases=[str(a) for a in entry.get("aliases") or []],
        descriptors=[str(d) for d in entry.get("descriptors") or []],
        affiliation=entry.get("affiliation"), office_role=office.get("role"),
        office_of=[str(o) for o in office.get("of") or []], wikidata=entry.get("wikidata"))


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The actor knowledge base from lexicons/actors*.yaml."""
    kb = KnowledgeBase()
    for path in lexicon_files("actors*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section, kind in (("organizations", "organization"), ("people", "person"),
                              ("groups", "group")):
            for entry in data.get(section) or []:
                kb.actors.append(_kb_actor(entry, kind))
    for actor in kb.actors:
        for alias in [actor.name, *actor.aliases]:
            kb.by_alias[norm(alias)] = actor
        for desc in actor.descriptors:
            kb.by_descriptor.setdefault(norm(desc), []).append(actor)
    return kb


def kb_lookup(name: str) -> KBActor | None:
    return knowledge_base().by_alias.get(norm(name))


@lru_cache(maxsize=1)
def pattern_tokenizer():  # type: ignore[no-untyped-def]
    """One English tokenizer for PhraseMatcher patterns (spaCy's default rules, like the
    model's); built once — spacy.blank costs ~0.5 s."""
    from spacy.lang.en import English

    return English().tokenizer


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name → "female" | "male" from lexicons/actors_gender*.yaml (ambiguous names
    listed in both are dropped)."""
    out: dict[str, str] = {}
    both: set[str] = set()
    for path in lexicon_files("actors_gender*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for gender in ("female", "male"):
            for name in data.get(gender) or []:
                key = str(name)
                if out.get(key, gender) != gender:
                    both.add(key)
                out[key] = gender
    for key in both:
        out.pop(key, None)
    return out


# ---------------------------------------------------------------- roles


@dataclass
class Role:
    phrase: str
    kind: str
    sector: str | None = None
    leader: bool = False


@dataclass
class Roles:
    roles: dict[str, Role] = field(default_factory=dict)  # norm(phrase) → Role
    members: set[str] = field(default_factory=set)
    titles: dict[str, str | None] = field(default_factory=dict)  # title → sector
    max_words: int = 1


@lru_cache(maxsize=1)
def roles() -> Roles:
    """Role nouns, member nouns and titles from lexicons/roles*.yaml."""
    r = Roles()
    for path in lexicon_files("roles*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for phrase, spec in (data.get("roles") or {}).items():
            spec = spec or {}
            r.roles[norm(str(phrase))] = Role(str(phrase), str(spec.get("kind") or "group"),
                                              spec.get("sector"), bool(spec.get("leader")))
        r.members.update(norm(str(m)) for m in data.get("members") or [])
        for title, sector in (data.get("titles") or {}).items():
            r.titles[str(title)] = sector
    r.max_words = max((len(k.split()) for k in r.roles), default=1)
    return r


def role_of(words: list[str]) -> tuple[Role | None, int]:
    """The role named by the last words of a noun phrase (longest match first) and how many
    words it spans: ["Israeli", "intelligence", "chiefs"] → chiefs."""
    rl = roles()
    if _ROLE_MEMO.get(None) is not rl or len(_ROLE_MEMO) > 50_000:
        _ROLE_MEMO.clear()  # another Roles (lexicons reloaded), or a long run
        _ROLE_MEMO[None] = rl
    key = tuple(words)  # actor resolution asks for the same words again and again
    got = _ROLE_MEMO.get(key)
    if got is None:
        got = _ROLE_MEMO[key] = _role_of(rl, words)
    return got  # type: ignore[return-value]


def _role_of(rl: Roles, words: list[str]) -> tuple[Role | None, int]:
    for n in range(min(rl.max_words, len(words)), 0, -1):
        role = rl.roles.get(norm(" ".join(words[-n:])))
        if role is not None:
            return role, n
    return None, 0


# words → role_of(words), for the Roles under the key None
_ROLE_MEMO: dict[tuple[str, ...] | None, object] = {}


__all__ = [
    "norm", "lexicon_files", "read_csv", "Countries", "countries", "country_code",
    "country_display", "KBActor", "KnowledgeBase", "knowledge_base", "kb_lookup", "Role",
    "Roles", "roles", "role_of", "LEXICONS", "pattern_tokenizer", "first_name_genders",
]


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    """Normalized names and aliases of news outlets (lexicons/outlets*.csv): a newsroom asks
    and reports; it is never the actor of the events it covers."""
    out: set[str] = set()
    for path in lexicon_files("outlets*.csv"):
        for row in read_csv(path):
            for key in [row["name"], *(row.get("aliases") or "").split("|")]:
                if key.strip():
                    out.add(norm(key))
    return frozenset(out)

