"""Building the actor table of an article: knowledge-base names (a PhraseMatcher built
once) and spaCy's PERSON/ORG/GPE/NORP entities → canonical actors; titles stripped,
surnames joined to full names, appositions read as a person's office. Resolution of noun
phrases lives in actors.ActorTable.resolve_span."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..schema import ActorKind, Article
from . import coref
from .kb import country_code, country_display, countries, kb_lookup, norm, role_of, roles
from .phrases import LOCATIVE, drop_det, kb_matcher, of_phrase, strip_title, without_possessive
from .token_table import entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .actors import ActorTable




def _person(table: "ActorTable", name: str, mention: tuple[int, int, str],
            sector: str | None) -> str:
    """A person by name: the KB record, an earlier fuller/shorter form of the name, or new."""
    kba = kb_lookup(name)
    if kba is not None and kba.kind == "person":
        return table.add_kb(kba, mention)
    parts = name.split()
    for a in table.actors:
        if str(a.kind) != "person":
            continue
        aparts = a.name.split()
        if len(parts) == 1 and aparts and aparts[-1] == parts[0]:
            table.add_mention(a.id, *mention)
            return a.id
        if len(aparts) == 1 and parts and parts[-1] == aparts[0]:
            a.name = name  # the fuller form becomes canonical
            table._by_key[norm(name)] = a.id
            table.add_mention(a.id, *mention)
            return a.id
    return table.add(name, ActorKind.person, sector=sector, mention=mention)


def _person_context(table: "ActorTable", pid: str, ent: "Span") -> None:
    """Country, sector, affiliation and office of a person from the words before the name
    ("Lebanese Hezbollah chief Hassan Nasrallah") and an apposed role phrase."""
    doc = ent.doc
    person = table.get(pid)
    if person is None:
        return
    root = ent.root
    left = [t for t in root.lefts if t.i < ent.start]
    for t in left:
        for u in [t, *t.children]:
            if u.i >= ent.start:
                continue
            iso = country_code(without_possessive(u.text))
            if iso and not person.country:
                person.country = iso
            org = table._covering(u)
            org_actor = table.get(org)
            if org_actor is not None and str(org_actor.kind) == "organization":
                person.affiliation = person.affiliation or org
                person.country = person.country or org_actor.country
            role, _ = role_of([u.text])
            if role is not None and role.kind == "person":
                table._titles.setdefault(pid, set()).add(norm(u.text))
                person.sector = person.sector or role.sector or (
                    org_actor.sector if org_actor is not None else None)
                if role.leader and org_actor is not None:
                    table._office.setdefault(pid, []).append(norm(org_actor.name))
    # Apposition: "<role phrase>, [title] NAME" — spaCy often misses the arc, so read the text.
    i = ent.start - 1
    while i >= 0 and doc[i].text in roles().titles:
        i -= 1
    if i > 0 and doc[i].text == ",":
        prev = doc[i - 1]
        head = prev
        role, _ = role_of([head.text])
        while role is None and head.dep_ == "pobj" and head.head.dep_ == "prep" \
                and head.head.i < head.i:  # up to the role noun: "commander in Iraq"
            head = head.head.head
            role, _ = role_of([head.text])
        if role is not None and role.kind == "person" and head.i < i:
            np = doc[head.left_edge.i:i]
            table.add_mention(pid, np.start_char, np.end_char, np.text, name=False)
            of = of_phrase(head, np)
            if of is not None:
                table._office.setdefault(pid, []).append(norm(drop_det(of.text)))
            person.sector = person.sector or role.sector
            for t in head.lefts:  # "the US commander in Iraq, General X" → USA
                iso = country_code(without_possessive(t.text))
                if iso and not person.country:
                    person.country = iso


def build_actor_table(doc: "Doc", article: Article | None = None) -> "ActorTable":
    """Actors from the knowledge base and named entities (PERSON, ORG, GPE, NORP)."""
    from spacy.util import filter_spans

    from .actors import ActorTable

    table = ActorTable(doc)
    if article is not None and len(doc) and \
            doc[-1].idx + len(doc[-1].text_with_ws) == len(article.text):
        doc.user_data.setdefault("wirecoder.text", article.text)  # the Doc's own text
    lower, exact = kb_matcher(doc)
    kb_spans = filter_spans([doc[s:e] for _, s, e in list(lower(doc)) + list(exact(doc))])
    kb_tokens: set[int] = set()
    for span in kb_spans:
        if any(a <= span.start_char < b for a, b in coref.link_lines(doc)):
            continue
        span_str = coref.span_text(span)  # Span.text would join its tokens again
        kba = kb_lookup(span_str)
        if kba is None:
            continue
        table.add_kb(kba, (span.start_char, span.end_char, span_str))
        kb_tokens.update(range(span.start, span.end))
    persons: list[tuple[str, "Span"]] = []
    links = coref.link_lines(doc)  # "• Also read: …" lines name other stories' actors
    for ent in entities(doc):
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if any(a <= ent.start_char < b for a, b in links):
            continue
        if any(i in kb_tokens for i in range(ent.start, ent.end)):
            continue
        text = without_possessive(coref.span_text(ent), spaced=True).strip()
        if not text:
            continue
        end_char = ent.start_char + len(text)
        if ent.label_ == "PERSON" and len(ent) == 1 and norm(text) in countries().names:
            _gpe(table, ent, text, end_char)  # "Kyiv" tagged as a person
        elif ent.label_ == "PERSON" and norm(ent[0].text) in countries().demonyms:
            iso = countries().demonyms[norm(ent[0].text)]
            table.add(text, ActorKind.group, country=iso, mention=(ent.start_char, end_char, text))
        elif ent.label_ == "PERSON":
            start, sector = strip_title(doc, ent.start, ent.end)
            sub = doc[start:ent.end]
            name = without_possessive(sub.text, spaced=True).strip()
            pid = _person(table, name, (sub.start_char, sub.start_char + len(name), name), sector)
            if start > ent.start or (ent.start > 0 and doc[ent.start - 1].text in roles().titles):
                # "President Prosper Avril": the titled name is a mention too
                lo = ent.start if start > ent.start else max(0, ent.start - 1)
                titled = doc[lo:ent.end]
                shown = without_possessive(titled.text, spaced=True)
                table.add_mention(pid, titled.start_char, titled.start_char + len(shown), shown,
                                  name=False)
            before = doc[max(0, ent.start - 1):start] if start > ent.start else doc[
                max(0, ent.start - 1):ent.start]
            for t in before:  # "President Bush", "Gen. X": the title is a way to refer back
                if role_of([t.text])[0] is not None:
                    table._titles.setdefault(pid, set()).add(norm(t.text))
            persons.append((pid, ent))
        elif ent.label_ == "ORG":
            _org(table, ent, text, end_char)
        elif ent.label_ == "GPE":
            _gpe(table, ent, text, end_char)
        else:
            _norp(table, ent, text, end_char)
    for pid, ent in persons:
        _person_context(table, pid, ent)
    _surname_mentions(table, doc, links)
    table._link_pending()
    return table


def _surname_mentions(table: "ActorTable", doc: "Doc", links: list[tuple[int, int]]) -> None:
    """A bare surname NER left untagged ("Caddell said") is a mention of the person with
    that full name — one pass over the tokens with a dict, only when the surname is unique."""
    owners: dict[str, set[str]] = {}
    for a in table.actors:
        parts = a.name.split()
        if str(a.kind) == "person" and len(parts) > 1 and parts[-1][:1].isupper():
            owners.setdefault(parts[-1], set()).add(a.id)
    unique = {name: ids for name, ids in owners.items() if len(ids) == 1}
    if not unique:
        return
    # one regex pass over the text (a Python loop over every token costs ~25 µs a token);
    # the lookahead on the names' first letters lets the scan skip the other positions
    # without trying every name there (same matches, ~2.5x faster)
    firsts = "".join(sorted({re.escape(name[0]) for name in unique}))
    rx = re.compile(r"(?=[" + firsts + r"])\b("
                    + "|".join(map(re.escape, sorted(unique, key=len, reverse=True))) + r")\b")
    for m in rx.finditer(coref.doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if tok.pos_ == "PROPN" and not tok.ent_type_ and not any(
                a <= tok.idx < b for a, b in links):
            table.add_mention(next(iter(unique[m.group(1)])), m.start(), m.end(), m.group(1))


def _surname_of_person(table: "ActorTable", ent: "Span", text: str, end_char: int) -> bool:
    """A one-word ORG/GPE that is the surname of a person already named: their mention."""
    if len(ent) != 1:
        return False
    for a in table.actors:
        if str(a.kind) == "person" and len(a.name.split()) > 1 and a.name.split()[-1] == text:
            table.add_mention(a.id, ent.start_char, end_char, text)
            return True
    return False


def _org(table: "ActorTable", ent: "Span", text: str, end_char: int) -> None:
    if norm(text) in countries().demonyms:  # "Ugandan rebels": NER's ORG is a demonym
        _norp(table, ent, text, end_char)
        return
    if norm(text) in countries().strong:
        _gpe(table, ent, text, end_char)
        return
    kba = kb_lookup(text)
    if kba is not None:
        table.add_kb(kba, (ent.start_char, end_char, text))
        return
    if _surname_of_person(table, ent, text, end_char):
        return  # "said Caddell" tagged ORG
    words = text.split()
    role, _ = role_of(words)
    country = next((country_code(w) for w in words if country_code(w)), None)
    for t in ent:  # "the Health Ministry of Hamas": the organisation it belongs to
        owner = table._covering(t) if t.dep_ == "pobj" else None
        if owner is not None and country is None:
            country = table.get(owner).country  # type: ignore[union-attr]
    table.add(drop_det(text), ActorKind.organization, country=country,
              sector=role.sector if role else None,
              mention=(ent.start_char, end_char, text))


def _gpe(table: "ActorTable", ent: "Span", text: str, end_char: int) -> None:
    root = ent.root
    locative = root.dep_ == "pobj" and root.head.lower_ in LOCATIVE
    iso = country_code(text)
    strong = norm(text) in countries().strong
    if iso and (strong or not locative):
        # A country (or a capital used for its government: "Washington said").
        if not strong and root.dep_ not in ("nsubj", "nsubjpass", "poss", "agent", "pobj"):
            return
        table.add(country_display(iso), ActorKind.state, country=iso, sector="GOV",
                  mention=(ent.start_char, end_char, text))
        return
    if locative:
        return  # a place, not an actor
    if _surname_of_person(table, ent, text, end_char):
        return  # "a source close to Pompeo": NER's place is a person's surname
    from .places import country_of

    table.add(drop_det(text), ActorKind.population, country=country_of(text),
              mention=(ent.start_char, end_char, text))


def _norp(table: "ActorTable", ent: "Span", text: str, end_char: int) -> None:
    root = ent.root
    if root.dep_ in ("amod", "compound", "nmod") or root.pos_ == "ADJ":
        return  # "Israeli authorities": a modifier, resolved with its phrase
    iso = countries().demonyms.get(norm(text))
    if iso is None:
        return
    table.add(text, ActorKind.population, country=iso, sector="CVL",
              mention=(ent.start_char, end_char, text))


__all__ = ["build_actor_table"]
