"""French actors: names (NER PER/ORG/LOC + the shared knowledge base through French aliases)
and argument phrases on UD labels → canonical actors of the shared ActorTable.

What a phrase headed by a token denotes, first rule that applies:
1. a relative pronoun ("qui", "que") → its antecedent; a personal pronoun ("il", "elle",
   "ils") → the subject of the nearest earlier predicate (FrenchActors.note_subject);
2. an apposition naming a person ("le chef du Hezbollah, Hassan Nasrallah") → that person;
3. the phrase or its head + adjectives is a known alias ("l'armée israélienne" → Israel
   Defense Forces), a person/organisation entity, or a country name → that actor;
4. a description of the knowledge base ("le groupe jihadiste", "leur mouvement") → the
   actor of the article it describes;
5. a role noun (role_phrases_fr.yaml): a leader ("le chef des services de renseignement turcs") → the
   office holder the knowledge base names, when the article names them; a member noun with an
   organisation ("les combattants du Hamas") → the organisation; with nationality adjectives
   ("les autorités ukrainiennes", "les ministres français et allemand") →
   one group per country, named in English ("Israeli authorities") so reports in both
   languages share it;
6. a plural demonym noun ("des Palestiniens") → the population ("Palestinians").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...schema import ActorKind, Article
from ..actors import ActorTable
from ..kb import KBActor, country_display, kb_lookup, knowledge_base, norm
from ..phrases import demonym
from .lexicon import load, mapping, words
from .names import country_fr, demonym_fr, descriptor_en, kb_actor_fr, key, strip_article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# dependents that belong to a noun phrase's words (relative clauses, appositions and
# coordinated phrases do not)
_PHRASE_DEPS = frozenset({"det", "amod", "nmod", "flat:name", "flat", "fixed", "compound",
                          "case", "nummod", "flat:foreign"})
_REL_PRONOUNS = frozenset({"qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels",
                           "lesquelles", "dont"})
_PERSONAL = frozenset({"il", "elle", "ils", "elles", "lui", "eux"})
_POSSESSIVE = frozenset({"son", "sa", "ses", "leur", "leurs"})
_MAX_WORDS = 12
_LOCATIVE_CASES = frozenset({"à", "au", "aux", "dans", "en", "près", "sur", "vers", "chez",
                             "devant", "derrière", "autour", "proche", "parmi"})


def _armed_words() -> frozenset[str]:
    """Troops and military hardware (weapons_fr.yaml: armed + weapons)."""
    data = load("weapons")
    out = {str(w).lower() for w in data.get("armed") or []}
    for ws in (data.get("weapons") or {}).values():
        out.update(str(w).lower() for w in ws or [] if " " not in str(w))
    return frozenset(out)


def _roles() -> dict[str, dict[str, Any]]:
    return {key(k): dict(v or {}) for k, v in mapping("role_phrases", "role_phrases").items()}


def phrase_span(tok: Token) -> Span:
    """The words of the noun phrase headed by tok (no relative clause, apposition or
    coordinated phrase), leading preposition dropped."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            bare_participle = c.dep_ == "acl" and c.pos_ == "VERB" and not any(c.children)
            if (c.dep_ in _PHRASE_DEPS or bare_participle) and c.i not in keep and \
                    not (c.dep_ == "case" and c.i < tok.i):
                keep.add(c.i)
                stack.append(c)
    lo, hi = min(keep), max(keep)
    doc = tok.doc
    while lo < tok.i and (doc[lo].is_punct or doc[lo].dep_ == "case"):
        lo += 1
    while hi > tok.i and doc[hi].is_punct:
        hi -= 1
    return doc[lo:hi + 1]


def _without_place(tok: Token, span: Span) -> Span:
    """A people phrase without the place where they were ("deux enseignants près de Mopti",
    "15 militants de l'opposition à Dakar")."""
    cut = [min(t.i for t in c.subtree) for c in tok.children if c.i > tok.i and (
        c.lower_ in _LOCATIVE_CASES or (c.dep_ == "nmod" and (c.ent_type_ == "LOC" or any(
            g.dep_ == "case" and g.lower_ in _LOCATIVE_CASES for g in c.children))))]
    cut += [t.i for t in span if t.i > tok.i and t.dep_ == "case"
            and t.lower_ in _LOCATIVE_CASES and t.head.ent_type_ == "LOC"]
    if cut and min(cut) > span.start:
        return span.doc[span.start:min(cut)]
    return span


def _head_words(tok: Token) -> Span:
    """The head noun with its determiner and adjectives only ("l'armée israélienne")."""
    idx = [tok.i] + [c.i for c in tok.children if c.dep_ in ("det", "amod", "flat:name", "flat")]
    return tok.doc[min(idx):max(idx) + 1]


class FrenchActors:
    """The actors of one French article (an ActorTable underneath, so the report's actors
    look exactly like an English report's)."""

    def __init__(self, doc: Doc, article: Article | None = None) -> None:
        self.doc = doc
        self.table = ActorTable(doc)
        self._subjects: list[tuple[int, list[str]]] = []  # (token index, actor ids)
        self._memo: dict[int, list[str]] = {}
        self._text_keys = norm(doc.text)
        titles = words("role_phrases", "titles")
        for ent in doc.ents:
            if ent.label_ == "PER":
                self._person(ent, titles)
            elif ent.label_ in ("ORG", "MISC"):
                kba = kb_actor_fr(ent.text)
                if kba is not None:
                    self.table.add_kb(kba, (ent.start_char, ent.end_char, ent.text))

    # ------------------------------------------------------------ names
    def _person(self, ent: Span, titles: frozenset[str]) -> str | None:
        toks = [t for t in ent if not t.is_punct]
        while toks and toks[0].lower_ in titles:
            toks = toks[1:]
        if not toks:
            return None
        span = self.doc[toks[0].i:toks[-1].i + 1]
        kba = kb_actor_fr(span.text)
        if kba is not None:
            return self.table.add_kb(kba, (span.start_char, span.end_char, span.text))
        if len(toks) == 1:  # a surname: the person named in full earlier
            for a in self.table.actors:
                if str(a.kind) == "person" and a.name.split()[-1] == span.text:
                    self.table.add_mention(a.id, span.start_char, span.end_char, span.text)
                    return a.id
            if country_fr(span.text):
                return None  # NER calls some places persons
        return self.table.add(span.text, ActorKind.person,
                              mention=(span.start_char, span.end_char, span.text))

    def _state(self, iso: str, span: Span | None) -> str:
        mention = (span.start_char, span.end_char, span.text) if span is not None else None
        kba = kb_lookup(country_display(iso))
        if kba is not None:
            return self.table.add_kb(kba, mention)
        return self.table.add(country_display(iso), ActorKind.state, country=iso,
                              sector="GOV", mention=mention)

    def _named(self, kba: KBActor, span: Span) -> str:
        return self.table.add_kb(kba, (span.start_char, span.end_char, span.text))

    def state(self, iso: str) -> str:
        """The state actor of a country (ISO3)."""
        return self._state(iso, None)

    def resolve_possessive(self, det: Token) -> list[str]:
        """'son', 'leur' → the actors of the nearest earlier subject."""
        return self._pronoun(det)

    # ------------------------------------------------------------ subjects (for pronouns)
    def note_subject(self, tok: Token, ids: list[str]) -> None:
        """Remember the actors of a predicate's subject (pronouns later refer back to them)."""
        if ids:
            self._subjects.append((tok.i, ids))

    def _pronoun(self, tok: Token) -> list[str]:
        before = [ids for i, ids in self._subjects if i < tok.i]
        if before:
            return before[-1]
        # no predicate before: the last person or organisation named before the pronoun
        named = [a for a in self.table.actors
                 if any(m.end <= tok.idx for m in a.mentions)]
        return [named[-1].id] if named else []

    # ------------------------------------------------------------ resolution
    def resolve(self, tok: Token, depth: int = 0) -> list[str]:
        """The actors the phrase headed by tok denotes (conjuncts included)."""
        if tok.i in self._memo:
            return self._memo[tok.i]
        self._memo[tok.i] = []  # a cycle ends here
        ids = self._resolve_one(tok, depth)
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                ids = ids + [i for i in self.resolve(c, depth + 1) if i not in ids]
        self._memo[tok.i] = ids
        return ids

    def _mention(self, ids: list[str], span: Span) -> list[str]:
        if len(span) <= _MAX_WORDS:
            for actor_id in ids:
                self.table.add_mention(actor_id, span.start_char, span.end_char, span.text,
                                       name=False)
        return ids

    def _resolve_one(self, tok: Token, depth: int) -> list[str]:
        if depth > 4:
            return []
        low = tok.lower_.lstrip("-")  # "a-t-il déclaré": "-il"
        if tok.pos_ == "PRON" or low in _REL_PRONOUNS:
            if low in _REL_PRONOUNS and tok.head.dep_.startswith("acl"):
                return self.resolve(tok.head.head, depth + 1)
            if low in _PERSONAL:
                return self._pronoun(tok)
            return []
        span = phrase_span(tok)
        # 2. an apposition naming someone
        for c in tok.children:
            if c.dep_ == "appos":
                target = c
                if c.pos_ == "NOUN":  # "…, le colonel Jean Martin": the name inside
                    target = next((d for d in c.children if d.dep_ in ("appos", "flat:name")
                                   and d.pos_ == "PROPN"), c)
                if target.ent_type_ == "PER" or target.pos_ == "PROPN":
                    ids = self.resolve(target, depth + 1)
                    if ids:
                        return self._mention(ids, span)
        # 3. names: alias of the phrase or of the head words, entity, country
        for cand in (span, _head_words(tok)):
            kba = kb_actor_fr(cand.text)
            if kba is not None:
                return [self._named(kba, cand)]
        if tok.ent_type_ == "PER" or (tok.pos_ == "PROPN" and tok.ent_type_ != "LOC"):
            ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            found = self.table.at(tok.idx, tok.idx + len(tok))
            if found:
                return self._mention(found[:1], span)
            if ent is not None and ent.label_ == "PER":
                pid = self._person(ent, words("role_phrases", "titles"))
                return [pid] if pid else []
        iso = country_fr(span.text) or country_fr(_head_words(tok).text) or (
            country_fr(tok.text) if tok.pos_ == "PROPN" else None)
        if iso:
            return [self._state(iso, span)]
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "MISC"):
            return [self.table.add(span.text, ActorKind.organization,
                                   mention=(span.start_char, span.end_char, span.text))]
        # 4. a description of a known actor of the article
        ids = self._described(tok, span)
        if ids:
            return self._mention(ids, span)
        # 5. roles
        ids = self._role(tok, span, depth)
        if ids:
            return self._mention(ids, span)
        # armed hardware or troops of a country ("des hélicoptères russes") → its forces
        dems = [iso for iso, _ in self._demonyms(tok) if iso]
        if dems and (tok.lemma_.lower() in _armed_words() or tok.lower_ in _armed_words()):
            return self._mention([self._forces(iso) for iso in dems], span)
        # 6. a people by its demonym ("des Palestiniens")
        iso = demonym_fr(tok.text) if tok.pos_ in ("NOUN", "PROPN") else None
        if iso:
            name = demonym(iso)
            name = name if name.endswith("s") else name + "s"
            return [self.table.add(name, ActorKind.population, country=iso, sector="CVL",
                                   mention=(span.start_char, span.end_char, span.text))]
        return []

    def _forces(self, iso: str) -> str:
        """The armed forces of a country: the knowledge base's, else '<Demonym> forces'."""
        dem = demonym(iso)
        for name in (f"{dem} forces", f"{dem} army", f"{dem} military"):
            kba = kb_lookup(name)
            if kba is not None:
                return self.table.add_kb(kba)
        return self.table.add(f"{dem} forces", ActorKind.group, country=iso, sector="MIL")

    def people(self, tok: Token) -> list[str]:
        """A noun phrase naming people who are done something to (released, abducted …)
        that no rule resolves: the phrase itself as a population ("cinq marins")."""
        ids = self.resolve(tok)
        if ids or tok.pos_ not in ("NOUN",):
            return ids
        span = phrase_span(tok)
        span = _without_place(tok, span)
        iso = next((i for i, _ in self._demonyms(tok) if i), None)
        return [self.table.add(strip_article(span.text), ActorKind.population, country=iso,
                               mention=(span.start_char, span.end_char, span.text))]

    def agent(self, tok: Token) -> list[str]:
        """The doer of an action: resolved as usual; else a common noun with a nationality
        ("des pirates somaliens") is a group named by its phrase."""
        ids = self.resolve(tok)
        if ids or tok.pos_ != "NOUN":
            return ids
        iso = next((i for i, _ in self._demonyms(tok) if i), None)
        if iso is None:
            return []
        span = phrase_span(tok)
        return [self.table.add(strip_article(span.text), ActorKind.group, country=iso,
                               mention=(span.start_char, span.end_char, span.text))]

    def _described(self, tok: Token, span: Span) -> list[str]:
        """'le groupe jihadiste', 'leur mouvement' → the article's actor so described."""
        for cand in (_head_words(tok).text, tok.text):
            desc = descriptor_en(cand)
            if desc is None:
                continue
            known = knowledge_base().by_descriptor.get(norm(desc), [])
            names = {norm(k.name) for k in known}
            # the most recently named actor of the article that fits the description
            fits = [a for a in self.table.actors if norm(a.name) in names
                    and any(m.start < tok.idx for m in a.mentions)]
            if fits:
                last = max(fits, key=lambda a: max(m.start for m in a.mentions
                                                   if m.start < tok.idx))
                return [last.id]
        return []

    def _org_of(self, tok: Token, depth: int) -> tuple[list[str], list[str]]:
        """The 'de X' complement of a role noun: (actor ids, English office keys)."""
        for c in tok.children:
            if c.dep_ != "nmod" or not any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'", "d’")
                                           for g in c.children):
                continue
            sub = phrase_span(c)
            keys: list[str] = []
            kba = kb_actor_fr(sub.text) or kb_actor_fr(_head_words(c).text)
            role = _roles().get(key(_head_words(c).text)) or _roles().get(key(c.text))
            inner = self.resolve(c, depth + 1)
            if not inner and c.pos_ == "PROPN" and c.ent_type_ != "LOC" and not country_fr(c.text):
                # "les combattants du M23": an unknown name of a group
                inner = [self.table.add(sub.text, ActorKind.organization,
                                        mention=(sub.start_char, sub.end_char, sub.text))]
            if kba is not None:
                keys.append(kba.name)
            for actor_id in inner:
                actor = self.table.get(actor_id)
                if actor is not None:
                    keys.append(actor.name)
            if role is not None and role.get("en"):
                keys.append(str(role["en"]))
                keys += [f"{k} {role['en']}" for k in list(keys) if k != role["en"]]
            return inner, keys
        return [], []

    def _office_holder(self, office_keys: list[str]) -> KBActor | None:
        """The knowledge-base person holding an office over one of these bodies, if the
        article names them somewhere."""
        wanted = {norm(k) for k in office_keys}
        for kba in knowledge_base().actors:
            if kba.kind != "person" or not kba.office_of:
                continue
            if wanted & {norm(o) for o in kba.office_of}:
                names = [kba.name, *kba.aliases]
                if any(norm(n) in self._text_keys for n in names):
                    return kba
        return None

    def _demonyms(self, tok: Token) -> list[tuple[str | None, Token]]:
        """Nationality adjectives of a phrase's head or of its 'de' complement, each with its
        coordinated adjectives ('israélien et américain')."""
        out: list[tuple[str | None, Token]] = []
        heads = [tok] + [c for c in tok.children if c.dep_ == "nmod"]
        for h in heads:
            for c in h.children:
                if c.dep_ == "amod" and demonym_fr(c.text):
                    out.append((demonym_fr(c.text), c))
                    out += [(demonym_fr(d.text), d) for d in c.children
                            if d.dep_ == "conj" and demonym_fr(d.text)]
                elif c.dep_ == "conj" and c.pos_ == "ADJ" and demonym_fr(c.text):
                    out.append((demonym_fr(c.text), c))  # "les ministres français et allemand"
        return out

    def _role(self, tok: Token, span: Span, depth: int) -> list[str]:
        roles = _roles()
        # the longest role phrase starting at the head ("ministre des Affaires étrangères")
        role, role_end = None, tok.i
        for j in range(min(len(self.doc), tok.i + 4), tok.i, -1):
            words_ = self.doc[tok.i:j]
            r = roles.get(key(words_.text)) or roles.get(key(" ".join(t.lemma_ for t in words_)))
            if r is not None:
                role, role_end = r, j - 1
                break
        if role is None:
            return []
        en = str(role.get("en") or tok.lemma_)
        kind = str(role.get("kind") or "group")
        sector = role.get("sector")
        orgs, office_keys = self._org_of(tok, depth) if role_end == tok.i else ([], [])
        if role.get("leader"):
            holder = self._office_holder(office_keys)
            if holder is not None:
                return [self._named(holder, span)]
        if orgs and kind in ("group", "population") and not role.get("leader"):
            return orgs  # "les combattants du Hamas" → Hamas
        dems = [(iso, t) for iso, t in self._demonyms(tok) if iso]
        if dems:
            ids = []
            for iso, _ in dems:
                name = f"{demonym(iso)} {en}"
                kba = kb_lookup(name)
                ids.append(self.table.add_kb(kba) if kba is not None else
                           self.table.add(name, kind, country=iso, sector=sector))
            return ids
        if role.get("led"):
            # "une délégation du Hamas" → Hamas; "… est arrivé à la tête d'une délégation qui
            # a discuté …" → the one at its head
            if orgs:
                return orgs
            if tok.head.lemma_.lower() == "tête":
                verb = tok.head.head
                for c in verb.children:
                    if c.dep_ in ("nsubj", "nsubj:pass"):  # "est arrivé": être, not passive
                        return self.resolve(c, depth + 1)
        if kind in ("population", "group", "organization"):
            # counted, indefinite or otherwise unqualified people or bodies ("trois infirmiers",
            # "des manifestants", "les forces de sécurité", "la police"): the phrase itself
            name = strip_article(_without_place(tok, span).text)
            return [self.table.add(name, kind, sector=sector)]
        if orgs:
            org = self.table.get(orgs[0])
            name = strip_article(span.text)
            return [self.table.add(name, kind if kind != "population" else "group",
                                   country=org.country if org else None,
                                   sector=sector or (org.sector if org else None),
                                   affiliation=orgs[0] if kind == "person" else None)]
        return []


def source_heads(sent: Span) -> list[tuple[Token, Token]]:
    """(cue, head of the source phrase) of every "selon X", "d'après X", "de source X" of a
    sentence ("d'après" is tokenised "d'" + "après")."""
    preps = {p.replace("’", "'") for p in words("claim_cues", "source_preps")}
    out = []
    for t in sent:
        low = t.lower_.replace("’", "'")
        if t.dep_ == "case" and low in preps:
            out.append((t, t.head))
        elif t.dep_ == "fixed" and low == "après" and t.head.lower_.replace("’", "'") == "d'":
            out.append((t.head, t.head.head))
        elif t.dep_ == "case" and low == "d'" and any(c.dep_ == "fixed" and c.lower_ == "après"
                                                      for c in t.children):
            out.append((t, t.head))
    seen: set[int] = set()
    unique = []
    for c, h in out:
        if h.i not in seen:
            seen.add(h.i)
            unique.append((c, h))
    return unique


def verb_above(tok: Token, limit: int = 4) -> Token | None:
    """The nearest verb governing a token (parsers attach some counted nouns to an adverb:
    "Près de 60 civils ont été blessés")."""
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


__all__ = ["FrenchActors", "phrase_span", "source_heads", "verb_above"]
