"""French names → the shared canonical names: countries (pycountry's French translation plus
names_fr.yaml), demonym adjectives in all their forms, actor aliases, place names, the
descriptors of the knowledge base. The knowledge base, gazetteer and country table themselves
are the English ones (kb.py, places.py): one actor, one name, whatever the language."""
from __future__ import annotations

import re
from functools import lru_cache

from ...schema import Location
from ..kb import KBActor, country_code, kb_lookup, norm
from ..places import lookup_place
from .lexicon import mapping

_ARTICLE = re.compile(r"^(?:(?:les|le|la|des|du|un|une|aux|au)\s+|(?:de\s+la|de\s+l['’])\s*|"
                      r"(?:l|d)['’]\s*)", re.IGNORECASE)


def strip_article(text: str) -> str:
    """'la Cisjordanie' → 'Cisjordanie', "l'Égypte" → 'Égypte'."""
    prev = None
    s = text.strip()
    while prev != s:
        prev, s = s, _ARTICLE.sub("", s, count=1).strip()
    return s


def key(text: str) -> str:
    """Matching key of a French name: articles dropped, then the SPEC normalization (accents
    folded, case folded, punctuation dropped)."""
    return norm(strip_article(text))


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import gettext

    import pycountry

    out: dict[str, str] = {}
    try:
        fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:  # translations missing: the lexicon's names only
        fr = None
    if fr is not None:
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if not value:
                    continue
                name = fr.gettext(value)
                if name and name != value and "\n" not in name:
                    # "Palestine, État de" → "Palestine"; "Iran, République islamique d'" → "Iran"
                    out.setdefault(key(name.split(",")[0]), c.alpha_3)
                    out.setdefault(key(name), c.alpha_3)
    for name, iso in mapping("names", "countries").items():
        if iso:
            out[key(name)] = str(iso)
    return out


def _inflections(base: str) -> list[str]:
    """Feminine and plural forms of a French adjective: israélien → israélienne(s) …"""
    forms = {base, base + "s"}
    if base.endswith(("ien", "éen")):
        forms |= {base + "ne", base + "nes"}
    elif base.endswith("e"):
        pass
    elif base.endswith("c"):  # turc → turque
        forms |= {base + "que", base + "ques"}
    else:
        forms |= {base + "e", base + "es"}
    if base.endswith("s"):
        forms.add(base)
    return sorted(forms)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for base, iso in mapping("names", "demonyms").items():
        for form in _inflections(base):
            out[norm(form)] = str(iso) if iso else None
    return out


def country_fr(name: str) -> str | None:
    """ISO3 of a French (or English) country name: 'Égypte' → EGY, "l'Égypte" → EGY."""
    k = key(name)
    return _countries().get(k) or country_code(strip_article(name))


def demonym_fr(word: str) -> str | None:
    """ISO3 of a French demonym adjective in any form: 'israéliennes' → ISR."""
    return _demonyms().get(norm(word))


def is_demonym(word: str) -> bool:
    return norm(word) in _demonyms()


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {key(k): str(v) for k, v in mapping("names", "actors").items()}


def kb_actor_fr(name: str) -> KBActor | None:
    """The knowledge-base actor a French name denotes ('armée israélienne' → Israel Defense
    Forces; 'le Hezbollah' → Hezbollah), or None."""
    canonical = _aliases().get(key(name))
    if canonical is not None:
        return kb_lookup(canonical)
    return kb_lookup(strip_article(name))


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    return {key(k): str(v) for k, v in mapping("names", "places").items()}


def place_fr(name: str) -> Location | None:
    """A French place name → the gazetteer's Location (text keeps the French words)."""
    english = _places().get(key(name))
    loc = lookup_place(english) if english else None
    if loc is None:
        iso = _countries().get(key(name))
        if iso:
            from ..kb import country_display

            loc = lookup_place(country_display(iso))
        else:
            loc = lookup_place(strip_article(name))
    if loc is not None:
        loc = loc.model_copy(update={"text": name})
    return loc


def is_place_phrase(name: str) -> bool:
    """Is this a French place phrase of names_fr.yaml or a French country name?"""
    return key(name) in _places() or key(name) in _countries()


def place_names_fr() -> list[str]:
    """The French place names of names_fr.yaml (for a phrase matcher)."""
    return list(mapping("names", "places"))


@lru_cache(maxsize=1)
def _descriptors() -> dict[str, str]:
    return {key(k): str(v) for k, v in mapping("names", "descriptors").items()}


def descriptor_en(phrase: str) -> str | None:
    """The English knowledge-base descriptor of a French description ('le mouvement
    islamiste' → 'Islamist movement'), or None."""
    return _descriptors().get(key(phrase))


__all__ = [
    "country_fr",
    "demonym_fr",
    "descriptor_en",
    "is_demonym",
    "kb_actor_fr",
    "key",
    "place_fr",
    "place_names_fr",
    "strip_article",
]
