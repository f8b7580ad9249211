"""Claims: figures with what they count, bound, claimant, as-of date and period.

A figure is a claim when the parse ties it to people and to a quantity: the noun it
counts ("23 deaths", "239 hostages"), the verb or event noun governing the counted
people ("killed more than 10 people", "12 people were wounded", "the release of two
women"), a "toll" moved to it ("the death toll rose to 40"), or a modifier ("5 people
missing"). The claimant comes from attribution.py (the cue governing the figure, else
the sentence's "according to"). Vocabulary: lexicons/claims*.yaml."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..schema import Bound, Claim, ClaimLocation, Event, Period, Quantity
from ..schema import Span as SpanModel
from .attribution import load_lexicon, resolve_source, sources_on_path
from .context import ExtractionContext
from .dates import resolve_date
from .numbers import Figure, find_figures
from .places import find_place_in
from .coref import span_text  # Span.text joins its tokens again on every use
from .token_table import sentence_start, sentences, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Which event type a quantity most likely measures (to link Claim.event).
_EVENT_FOR = {"killed": ("ASSAULT",), "injured": ("ASSAULT",), "hostages": ("ASSAULT",),
              "released": ("RETREAT",), "detained": ("COERCE",), "displaced": ("ASSAULT", "COERCE"),
              "evacuated": ("RETREAT", "AID")}


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    lex = load_lexicon("claims")

    def inverse(key: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for quantity, words in (lex.get(key) or {}).items():
            for w in words or []:
                out.setdefault(str(w).lower(), str(quantity))
        return out

    return {
        "nouns": inverse("quantity_nouns"),
        "governors": inverse("governors"),
        "subject_governors": inverse("subject_governors"),
        "modifiers": inverse("modifiers"),
        "state_phrases": inverse("state_phrases"),
        "toll_verbs": frozenset(str(w).lower() for w in lex.get("toll_verbs") or []),
        "count_nouns": frozenset(str(w).lower() for w in lex.get("count_nouns") or []),
        "people": frozenset(str(w).lower() for w in lex.get("people") or []),
        "qualifier_cues": frozenset(str(w).lower() for w in lex.get("qualifier_cues") or []),
        "as_of_cues": tuple(str(w).lower() for w in lex.get("as_of_cues") or []),
        "human_governors": frozenset(str(w).lower() for w in lex.get("human_governors") or []),
        "non_people": frozenset(str(w).lower() for w in lex.get("non_people") or []),
        "goal_verbs": frozenset(str(w).lower() for w in lex.get("goal_verbs") or []),
        "denial_verbs": frozenset(str(w).lower() for w in lex.get("denial_verbs") or []),
    }


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _phrasal(tok: Token) -> str:
    """Verb lemma with its particle or fixed object: "hand over", "take hostage"."""
    for c in tok.children:
        if c.dep_ in ("prt", "acomp", "oprd") or (c.dep_ in ("dobj", "npadvmod") and c.lower_ in (
                "hostage", "hostages", "captive", "dead")):
            return f"{_lemma(tok)} {c.lower_}"
        if c.dep_ == "dobj" and _lemma(c) in ("wound", "injury"):
            return f"{_lemma(tok)} {_lemma(c)}"  # "sustained shrapnel wounds"
    return _lemma(tok)


def _governed(tok: Token, table: dict[str, str]) -> str | None:
    key = _phrasal(tok)
    return table.get(key) or table.get(_lemma(tok)) or table.get(tok.lower_)


def _is_people(noun: Token) -> bool:
    return _lemma(noun) in _lex()["people"] or noun.lower_ in _lex()["people"] or \
        noun.ent_type_ == "NORP"


_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ee", "ant", "ent", "man", "men", "ess")


def _person_like(noun: Token) -> bool:
    """An agent noun ("engineers", "activists", "detainees") counts as people when a verb of
    harm or captivity already governs it (never on its own: "12 containers" is not people)."""
    low = _lemma(noun)
    return noun.pos_ == "NOUN" and len(low) > 4 and low.endswith(_AGENT_SUFFIXES)


def _toll_quantity(verb: Token) -> str | None:
    """ "the death toll rose to 40" / "the number of dead reached 40" → killed."""
    lex = _lex()
    if _lemma(verb) not in lex["toll_verbs"]:
        return None
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass", "dobj") or _lemma(subj) not in lex["count_nouns"]:
            continue
        for mod in subj.children:
            if mod.dep_ in ("compound", "amod", "nmod"):
                q = lex["nouns"].get(_lemma(mod)) or lex["modifiers"].get(mod.lower_) or \
                    lex["nouns"].get(mod.lower_)
                if q:
                    return q
            if mod.dep_ == "prep" and mod.lower_ == "of":
                for pobj in mod.children:
                    q = lex["nouns"].get(_lemma(pobj)) or lex["modifiers"].get(pobj.lower_) \
                        or lex["nouns"].get(pobj.lower_)
                    if q:
                        return q
                    # "the number of people killed"
                    for acl in pobj.children:
                        if acl.dep_ in ("acl", "relcl", "amod"):
                            q = _governed(acl, lex["governors"]) or lex["modifiers"].get(acl.lower_)
                            if q:
                                return q
        if _lemma(subj) == "toll":
            return "killed"
    return None


def _one_more(noun: Token) -> int:
    """People added by a conjoined singular: "two Americans and a German national" are three
    (a conjunct with its own figure is its own claim)."""
    return sum(1 for c in noun.children
               if c.dep_ == "conj" and c.tag_ in ("NN", "NNP")
               and any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in c.children)
               and (_is_people(c) or _person_like(c)))


def _state_phrase(verb: Token) -> str | None:
    """The quantity a place phrase on the verb puts its people in ("behind bars": detained,
    "to hospital": injured)."""
    for c in verb.children:
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj":
                    q = _lex()["state_phrases"].get(f"{c.lower_} {p.lower_}")
                    if q:
                        return q
    return None


def _denied(np: Token) -> bool:
    """The act counted is negated or refused: "did not kill", "refused to hand over"."""
    verb = np.head
    for _ in range(2):
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and _lemma(verb.head) in _lex()["denial_verbs"]:
            return True
        if verb.dep_ != "prep" and verb.pos_ != "ADP":
            break
        verb = verb.head
    return False


def _quantity(doc_tok: Token) -> str | None:
    """What the figure whose attaching token is doc_tok counts, by the parse; None when it
    counts no people (days, rockets, votes) or nothing says what happened to them."""
    lex = _lex()
    num = doc_tok
    noun = num.head if num.dep_ in ("nummod", "quantmod", "amod") and num.head.i != num.i else num
    own = noun.i != num.i
    partitive = False
    # "the bodies of 12 people", "12 of the hostages": the counted noun is in an of-phrase
    if not own:
        for c in num.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        if any(g.dep_ == "nummod" for g in p.children):
                            return None  # "one of a dozen citizens": the dozen is the count
                        noun, own, partitive = p, True, True
    people = own and _is_people(noun)
    noun_q = lex["nouns"].get(_lemma(noun)) or lex["nouns"].get(noun.lower_) if own else None
    # climb through conjunctions/appositions/"including" to the phrase that is governed
    np = noun
    for _ in range(4):
        if np.dep_ in ("conj", "appos") and np.head.i != np.i and np.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            np = np.head
        elif np.dep_ == "pobj" and np.head.lower_ == "including":
            return None  # "three people, including two students": a qualifier of the three
        elif np.dep_ == "pobj" and np.head.lower_ == "among" and np.head.head.i != np.head.i:
            np = np.head.head
        else:
            break
    gov = None
    # a transitive harm verb with no object after its "subject" is a reduced passive the
    # parser misread ("a dozen reporters detained this year")
    reduced = np.dep_ == "nsubj" and not any(
        c.dep_ in ("dobj", "aux", "ccomp", "xcomp") for c in np.head.children)
    if np.dep_ == "nsubj":
        gov = _governed(np.head, lex["subject_governors"])
    if gov is None and (np.dep_ in ("dobj", "nsubjpass", "oprd", "attr", "dative") or reduced):
        gov = _governed(np.head, lex["governors"])
    if gov is None and np.dep_ == "pobj" and np.head.lower_ in ("between", "about", "around", "over", "under"):
        # "Between 10 and 20 soldiers were abducted": a bound word parsed as a preposition
        verb = np.head.head
        gov = _governed(verb, lex["governors"]) or _governed(verb, lex["subject_governors"])
    elif gov is None and np.dep_ == "pobj" and np.head.head.i != np.head.i:
        prep, head = np.head, np.head.head
        # "the handover in early May of three prisoners": skip the date/place the of-phrase hangs on
        for _ in range(3):
            if head.ent_type_ in ("DATE", "TIME", "GPE", "LOC") and head.dep_ == "pobj" \
                    and head.head.head.i != head.head.i:
                head = head.head.head
            else:
                break
        if prep.lower_ in ("of", "for") and head.pos_ in ("NOUN", "PROPN"):
            gov = lex["governors"].get(_lemma(head)) or lex["nouns"].get(_lemma(head))
            if gov and head.dep_ in ("dobj", "pobj", "xcomp") and (
                    _lemma(head.head) in lex["goal_verbs"] or _lemma(head.head.head) in lex["goal_verbs"]
                    and head.head.dep_ == "prep"):
                gov = None  # a release sought, not one that happened
        elif prep.lower_ in ("to", "at", "past", "above") and head.pos_ in ("VERB", "AUX"):
            gov = _toll_quantity(head)
    if np.dep_ in ("dobj",) and gov is None:
        gov = _toll_quantity(np.head)  # "the toll reached 40"
    if gov is None and np.dep_ == "pobj" and np.head.lower_ in ("from", "to"):
        # "raised the number of people displaced from 1.7 million to 1.9 million": the
        # parser hangs the range anywhere under the verb of change
        verb = next((a for a in list(np.ancestors)[:8] if a.pos_ == "VERB"
                     and _lemma(a) in lex["toll_verbs"]), None)
        gov = _toll_quantity(verb) if verb is not None else None
    if gov is None and np.i == num.i and num.dep_ in ("dobj", "nsubjpass"):
        gov = _governed(num.head, lex["governors"])
    if gov is None and own:
        gov = _state_phrase(noun)  # "holds 22 journalists behind bars"
    if gov is None and np.dep_ in ("nsubj", "nsubjpass", "dobj"):
        gov = _state_phrase(np.head)  # "22 journalists are behind bars"
    if gov is None and partitive and num.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "three of his sons were killed" counts the killed; "three of the victims spoke"
        # counts speakers: the partitive's own verb decides, not the noun
        table = lex["subject_governors"] if num.dep_ == "nsubj" else lex["governors"]
        return None if _denied(num) else _governed(num.head, table)
    if gov and _denied(np):
        return None
    if gov:
        human = _lemma(np.head) in lex["human_governors"] and noun.pos_ == "NOUN" \
            and _lemma(noun) not in lex["non_people"]
        if own and not (people or noun_q or human or (_person_like(noun) and gov != "released")):
            return None
        return gov
    if noun_q:
        return noun_q
    if not people and own:
        return None
    # modifiers on the counted people: "12 wounded soldiers", "5 people missing", "who were kidnapped"
    for c in noun.children:
        if c.dep_ in ("amod", "acomp", "oprd", "appos", "acl", "relcl", "advmod", "compound"):
            q = lex["modifiers"].get(c.lower_) or (
                _governed(c, lex["governors"]) if c.dep_ in ("acl", "relcl") else None)
            if q:
                return q
    # "left 20 people dead": the result phrase hangs on the verb
    if np.dep_ == "dobj":
        for c in np.head.children:
            if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lower_ in lex["modifiers"]:
                return lex["modifiers"][c.lower_]
    if np.dep_ in ("nsubj", "nsubjpass"):
        for c in np.head.children:
            if c.dep_ in ("acomp", "oprd", "attr") and c.lower_ in lex["modifiers"]:
                return lex["modifiers"][c.lower_]
    # the small parser misattaches counted objects ("… that killed at least one person early
    # Friday is being investigated" hangs "person" on "investigated"): a harm verb right
    # before the figure phrase governs it
    start = min(num.left_edge.i, noun.left_edge.i if own else num.left_edge.i)
    if (people or not own) and start > 0:
        prev = num.doc[start - 1]
        if prev.pos_ in ("VERB", "AUX") and prev.i >= sentence_start(num.doc, num.i):
            return _governed(prev, lex["governors"])
    return None


def _qualifiers(noun: Token) -> list[str]:
    """ "…people, mostly civilians", "…, including 4,000 children", "…, among them …"."""
    lex = _lex()
    out: list[str] = []
    for c in noun.children:
        if c.dep_ in ("appos", "prep", "acl", "advmod", "amod", "conj", "npadvmod") and c.i > noun.i:
            span = noun.doc[c.left_edge.i:c.right_edge.i + 1]
            first = span[0].lower_
            if first in lex["qualifier_cues"] or c.lower_ in lex["qualifier_cues"]:
                out.append(span_text(span).strip(" ,"))
    return out


def _as_of_and_period(sent: Span, published: dt.date | None) -> tuple[str | None, Period | None]:
    """as_of = publication day unless "as of …"/"by …" dates the count; "since X" → period."""
    pub = published.isoformat() if published else None
    as_of, period = pub, None
    doc, n = sent.doc, len(sent)
    # lowercase forms from the token table: a Token is made only where a cue word stands
    low_toks = token_table(doc).lower[sent.start:sent.end]
    cues, firsts = _as_of_cue_words()
    for i, low in enumerate(low_toks):
        if low == "since" and i + 1 < n:
            t = doc[sent.start + i]
            phrase = span_text(doc[t.i:t.right_edge.i + 1]) if t.right_edge.i > t.i else \
                span_text(doc[t.i:min(t.i + 4, sent.end)])
            d = resolve_date(phrase, published)
            if d.start:
                period = Period(start=d.start, end=pub)
        if low in ("between", "from") and i + 1 < n and sent[i + 1].ent_type_ == "DATE":
            period = _date_range(sent, i + 1, published) or period
        if firsts is not None and low not in firsts:
            continue
        for words in cues:
            if low_toks[i:i + len(words)] == words and i + len(words) < n:
                nxt = sent[i + len(words)]
                if nxt.ent_type_ in ("DATE", "TIME"):
                    hi = nxt.i
                    while hi + 1 < sent.end and doc[hi + 1].ent_type_ in ("DATE", "TIME"):
                        hi += 1
                    d = resolve_date(span_text(doc[sent.start + i:hi + 1]), published)
                    if d.start and d.precision == "day":
                        as_of = d.start
    return as_of, period


@lru_cache(maxsize=1)
def _as_of_cue_words() -> tuple[list[list[str]], frozenset[str] | None]:
    """The as-of cues split into words, and the words they begin with (None when a cue has
    no words: it matches anywhere)."""
    cues = [cue.split() for cue in _lex()["as_of_cues"]]
    if any(not words for words in cues):
        return cues, None
    return cues, frozenset(words[0] for words in cues)


def _date_range(sent: Span, i: int, published: dt.date | None) -> Period | None:
    """ "between 7 October and 20 November", "from May 1 to May 9" → Period."""
    doc = sent.doc
    j = sent.start + i
    parts: list[list[str]] = [[]]
    def dateish(t: Token) -> bool:  # the NER often drops the day of the second date
        return t.ent_type_ == "DATE" or (t.like_num and t.head.ent_type_ == "DATE")

    while j < sent.end and (dateish(doc[j]) or doc[j].lower_ in ("and", "to", "-", "–")):
        if doc[j].lower_ in ("and", "to", "-", "–") and parts[-1]:
            parts.append([])
        elif dateish(doc[j]):
            parts[-1].append(doc[j].text)
        j += 1
    if len(parts) != 2 or not all(parts):
        return None
    a = resolve_date(" ".join(parts[0]), published)
    b = resolve_date(" ".join(parts[1]), published)
    if a.start and b.end and a.start <= b.end:
        return Period(start=a.start, end=b.end)
    return None


def _location(ctx: ExtractionContext, sent: Span) -> ClaimLocation | None:
    loc = find_place_in(sent)
    if loc is None:
        return None
    # a name the actor table knows as an organisation or person is not the place
    aid = ctx.actors.find(loc.text) if loc.text else None
    actor = ctx.actors.get(aid) if aid else None
    if actor is not None and str(getattr(actor.kind, "value", actor.kind)) in (
            "organization", "group", "person"):
        return None
    return ClaimLocation(name=loc.name, country=loc.country)


def _event_for(events: list[Event], sent: Span, quantity: str, value: int) -> str | None:
    """The event told in the same sentence that this figure measures: the one whose toll it
    is, else the first of a type the quantity counts."""
    here = [e for e in events if any(s.start < sent.end_char and sent.start_char < s.end
                                     for s in e.evidence)]
    if not here:
        return None
    toll = {"killed": "dead", "injured": "injured"}.get(quantity)
    if toll is not None:
        own = [e for e in here if getattr(e, toll) == value]
        if len(own) == 1:
            return own[0].id
    wanted = _EVENT_FOR.get(quantity, ())
    for e in here:
        etype = e.type.value if hasattr(e.type, "value") else e.type
        if etype in wanted:
            return e.id
    return here[0].id if len(here) == 1 else None


_SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she"})


def root_speaker(sent: Span) -> Span | None:
    """The speaker of a sentence whose reporting verb the figure's path misses: a pronoun
    ("Four people were wounded, it added": the source told before) or an apposition the
    parser hung on the figure ("… injured eight others, the Red Crescent service said",
    read as "others, the service" said)."""
    root = sent.root
    if root.pos_ != "VERB" or _lemma(root) not in _reporting_verbs():
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    doc = sent.doc
    if subj.pos_ == "PRON" and subj.lower_ in _SPEAKER_PRONOUNS:
        return doc[subj.i:subj.i + 1]
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
    if appos is not None and subj.pos_ == "NOUN" and _lemma(subj) in _lex()["people"]:
        return doc[appos.left_edge.i:appos.right_edge.i + 1]
    return None


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(str(v).lower() for v in load_lexicon("quote_cues").get("reporting_verbs") or [])


def claims_in_sentence(ctx: ExtractionContext, sent: Span, events: list[Event],
                       previous: tuple[str, str] | None = None) -> list[Claim]:
    """The claims of one sentence; `previous` is the (claimant, its text) of the claim
    told last in the sentences before, for a pronoun source ("it added")."""
    out: list[Claim] = []
    figures = find_figures(sent)
    if not figures:
        return out
    as_of, period = _as_of_and_period(sent, ctx.published)
    location = None
    for fig in figures:
        tok = sent.doc[fig.head]
        quantity = _quantity(tok)
        if quantity is None:
            continue
        noun = tok.head if tok.dep_ in ("nummod", "quantmod") else tok
        # a verb that does the counted act ("the crash claimed 298 lives") reports nothing
        sources = [s for s in sources_on_path(tok)
                   if s.how == "prep" or _lemma(s.cue_token) not in _lex()["governors"]]
        claimant, claimant_text = None, None
        if not sources:
            # "According to X, …" attached elsewhere in the sentence still attributes it
            sources = [s for s in sources_on_path(sent.root) if s.how == "prep"]
        if sources:
            src = sources[0]
            claimant_text = span_text(src.speaker)
            claimant = resolve_source(ctx, src.speaker)
        else:
            speaker = root_speaker(sent)
            if speaker is not None and speaker.root.pos_ == "PRON":
                # "…, it added": the source of the claim told just before
                if previous is not None:
                    claimant, claimant_text = previous
            elif speaker is not None:
                claimant_text = span_text(speaker)
                claimant = resolve_source(ctx, speaker)
        if location is None:
            location = _location(ctx, sent)
        text = span_text(sent)  # evidence without the sentence's trailing whitespace / newline
        evidence = SpanModel(start=sent.start_char, end=sent.start_char + len(text.rstrip()))
        event = _event_for(events, sent, quantity, fig.value)
        # the toll of a told incident is counted where the incident happened ("six killed in
        # strikes on a Yemeni port, a day after … Tel Aviv": not Tel Aviv)
        where = next((e.location for e in events if e.id == event and e.location is not None
                      and e.location.name), None)
        place = ClaimLocation(name=where.name, country=where.country) if where else location
        more = _one_more(noun)
        for value, value_max, bound in _values(sent.doc, fig):
            if value_max is None:
                value += more
            out.append(Claim(
                id=ctx.next_id("c"), quantity=Quantity(quantity), value=value, value_max=value_max,
                bound=Bound(bound), unit="people", claimant=claimant, claimant_text=claimant_text,
                as_of=as_of, period=period, location=place,
                event=event, qualifiers=_qualifiers(noun),
                evidence=[evidence]))
    return out


def _values(doc: "Doc", fig: Figure) -> list[tuple[int, int | None, str]]:
    """(value, value_max, bound) of a figure: "rose from 1.7 million to 1.9 million" is two
    counts at two times, not a range of uncertainty."""
    if fig.bound == "range" and fig.value_max is not None and fig.start > 0 \
            and doc[fig.start - 1].lower_ == "from":
        return [(fig.value, None, "exact"), (fig.value_max, None, "exact")]
    return [(fig.value, fig.value_max, fig.bound)]


def find_claims(ctx: ExtractionContext, events: list[Event]) -> list[Claim]:
    """Every numeric claim of the article (people counts only)."""
    claims: list[Claim] = []
    seen: dict[tuple[Any, ...], Claim] = {}
    previous: tuple[str, str] | None = None
    for sent in sentences(ctx.doc):
        found = claims_in_sentence(ctx, sent, events, previous)
        told = [c for c in found if c.claimant is not None and c.claimant_text]
        if told:
            previous = (told[-1].claimant, told[-1].claimant_text)
        elif found:
            previous = None  # a new figure without a source: "it" is no longer that source
        for c in found:
            # the lead's figure told again in the body ("X said at least six were killed")
            # is one claim with two pieces of evidence, not two claims
            key = (c.quantity, c.value, c.value_max, c.bound, c.claimant, c.as_of,
                   c.period and c.period.model_dump_json(), c.event)
            first = seen.get(key)
            if first is not None and (c.event is not None or first.location is None
                                      or c.location is None or first.location == c.location):
                first.evidence.extend(c.evidence)
                first.location = first.location or c.location
                continue
            seen.setdefault(key, c)
            claims.append(c)
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"  # ids stay consecutive in text order
    return claims


__all__ = ["claims_in_sentence", "find_claims", "root_speaker"]
