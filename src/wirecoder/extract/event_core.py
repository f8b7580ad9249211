"""The event core as named stages (docs/extraction.md, "Event extraction"):

candidates (candidates.find_candidates) → reportability (reportability.assess) → incidents
(incidents.group_incidents) → setting (event_setting.mark_background) → tolls
(event_output.apply_stated_toll, tolls.is_period_toll) → decision (decision.decide) →
the report's Events (event_output.to_event). Each stage has its own module and tests."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import Event
from .arguments import phrase
from .attribution import is_reporting_verb
from .candidates import find_candidates
from .context import ExtractionContext
from .decision import DEFAULT_MIN_CONFIDENCE, decide
from .event_output import apply_stated_toll, to_event
from .event_setting import inherit_past_frame, mark_background
from .event_roles import quoted_imperative, quoted_own_act, quoted_performative
from .holders import link_holders
from .implicit_actors import add_state_actor, town_actor_place
from .incidents import group_incidents, state_side
from .kb import norm, outlet_names
from .merge_mentions import Draft, absorb
from .places import main_place
from .quotes import quote_speaker
from .reportability import assess, quote_map
from .tolls import is_attack_tally, is_campaign_summary, is_undated_campaign
from .token_table import children, sentence_of, token_table

if TYPE_CHECKING:
    from spacy.tokens import Token


def candidate_drafts(ctx: ExtractionContext) -> list[Draft]:
    """Candidates with their arguments and setting: one draft per predicate told as an
    event (candidates.find_candidates), then the reportability stage drops quotes' content,
    headings, questions and hypotheticals and records the weaker signals."""
    quotes = quote_map(ctx.doc)
    out = []
    drafts = find_candidates(ctx)
    verbs = {d.pred_i: d for d in drafts if not d.nominal and not d.support}
    for d in drafts:
        tok = ctx.doc[d.pred_i]
        verb = verbs.get(tok.head.i) if tok.dep_ in ("nsubj", "nsubjpass") else None
        if d.nominal and (verb is None or verb.type != d.type):
            verb = _described_by(tok, d.type, verbs)
        if d.nominal and verb is not None and verb.type == d.type:
            absorb(verb, d)  # "airstrikes targeted X": the noun is the verb's event (its mode)
            continue
        if d.nominal and d.status in ("planned", "possible") and d.type != "RETREAT":
            continue
        r = assess(ctx.doc[d.pred_i], quotes, d.type)
        if not r.reportable or reported_by_newsroom(ctx, d) or newsroom_request(tok):
            continue
        if d.type == "ASSAULT" and is_campaign_summary(tok):
            continue  # a campaign's running toll is a claim (claims.py), not an incident
        d.summary = r.summary or (d.type == "ASSAULT" and is_attack_tally(tok)) or (
            # past the lead: a lead's perfect tells today's news ("police have arrested …")
            d.type in ("ASSAULT", "COERCE", "PROTEST") and d.dead is None and d.injured is None
            and d.sent_i > 1 and is_undated_campaign(tok))
        d.modal, d.conditional, d.assessed = r.modal, r.conditional, r.assessed
        # a quoted demand ("“Free him,” X said") is the speaker's act, not the quote's content
        own_act = r.quoted and not d.nominal and (
            quoted_own_act(tok) or (d.type in _PERFORMATIVE and quoted_performative(tok)))
        d.quoted_only = r.quoted and not (d.type == "REQUEST" and quoted_imperative(tok)
                                          or own_act)
        if own_act and (not d.actor or _first_person(tok)):  # "we" in the quote is its speaker
            d.actor = ([a.source for a in d.attribution[:1] if a.source]
                       or _quote_speaker(ctx, tok)
                       # a quote continued from the paragraph before: its speaker's
                       or quote_speaker(ctx, tok.idx))
            d.recipient = [x for x in d.recipient if x not in d.actor]
        d.sequence = r.earlier
        d.another = _told_as_another(tok)
        d.singular = d.nominal and tok.tag_ in ("NN", "NNP")
        out.append(d)
    return out


# speech acts a first-person present tense performs as it is said ("we condemn", "I
# believe they committed …", "we demand"); "I discuss X in the interview" tells, it does not
_PERFORMATIVE = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})


def _first_person(tok: "Token") -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in tok.children)


def _quote_speaker(ctx: ExtractionContext, tok: "Token") -> list[str]:
    """The named subject of the reporting verb a quoted clause hangs on ("Zelensky
    concluded, “We agreed …”")."""
    head = tok.head
    if tok.dep_ not in ("ccomp", "parataxis") or not is_reporting_verb(head):
        return []
    subj = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return ctx.actors.resolve_span(phrase(subj[0]))[:1] if subj else []


def _described_by(noun: "Token", type_: str, verbs: dict[int, Draft]) -> Draft | None:
    """ "The attack, which marked the first time Israel has struck Yemen, killed six": a
    clause of the same type inside the noun's relative clause tells the noun's own act."""
    for rel in (c for c in noun.children if c.dep_ == "relcl"):
        for t in rel.subtree:
            v = verbs.get(t.i)
            if v is None or v.type != type_:
                continue
            # "the strike, which came after rebels attacked a convoy": the after-clause
            # tells another act
            path = [a for a in t.ancestors if a.i != rel.i and rel.is_ancestor(a)] + [t]
            if not any(a.dep_ == "advcl" for a in path):
                return v
    return None


def _told_as_another(tok: "Token") -> bool:
    """ "another drone was intercepted", "another attack hit the port": one more of a kind."""
    doc = tok.doc
    table = token_table(doc)  # the children's indices and labels: no Token for each
    dep, lower = table.dep, table.lower
    told = [tok.i] + [c for c in children(doc, tok.i) if dep[c] in ("nsubj", "nsubjpass", "dobj")]
    return any(dep[c] == "det" and lower[c] == "another" for h in told for c in children(doc, h))


def reported_by_newsroom(ctx: ExtractionContext, d: Draft) -> bool:
    """A news outlet as the actor ("CNN has asked the ministry") or as the one met
    ("speaking with Kaieteur News on Thursday, X said") is the reporting, not an event of
    the story."""
    outlets = outlet_names()

    def outlet(a: str) -> bool:
        actor = ctx.actors.get(a)
        return actor is not None and norm(actor.name) in outlets

    if any(outlet(a) for a in d.actor):
        return True
    return d.type == "CONSULT" and bool(d.recipient) and all(outlet(r) for r in d.recipient)


# what a newsroom does to get a story: its sentence tells the reporting, not news
_NEWSROOM_ACTS = frozenset({"reach", "contact", "ask", "approach", "seek", "request", "email"})


def newsroom_request(tok: "Token") -> bool:
    """ "CNN has reached out to the prosecutor's office about the detentions": a mention in a
    sentence whose main clause is a news outlet asking for comment is about the reporting."""
    root = sentence_of(tok.doc, tok.i).root
    if root.lemma_.lower() not in _NEWSROOM_ACTS:
        return False
    outlets = outlet_names()
    return any(c.dep_ == "nsubj" and norm(" ".join(t.text for t in c.subtree)) in outlets
               for c in root.children)


def find_events(ctx: ExtractionContext, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                trace: list[dict[str, float]] | None = None) -> list[Event]:
    """Every event the article reports: candidates → reportability → incidents → setting
    (past years are background; an agentless arrest or ban is its country's state's) →
    tolls → decision (calibrated confidence, threshold)."""
    drafts = group_incidents(candidate_drafts(ctx), lambda a: state_side(ctx.actors.get(a), a))
    main = main_place(ctx.doc)
    for d in drafts:
        if d.type == "ASSAULT" and not d.recipient:
            d.recipient = list(d.struck)  # the site hit, when the incident names no side
        mark_background(ctx, d)
        add_state_actor(ctx, d, main)
        town_actor_place(ctx, d)
    inherit_past_frame(ctx, drafts)
    link_holders(ctx, drafts)
    apply_stated_toll(ctx, drafts)
    drafts = decide(ctx, drafts, min_confidence)
    if trace is not None:  # the decision features of each returned event, for calibration
        trace.extend(d.features for d in drafts)
    return [to_event(ctx, d) for d in drafts]


__all__ = ["candidate_drafts", "find_events", "newsroom_request", "reported_by_newsroom"]
