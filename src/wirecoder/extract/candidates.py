"""Candidates stage: one draft per predicate told as an event, with its arguments, setting,
type and toll — the first stage of the event core (event_core.py runs the others).

    predicates (clauses.index_predicates) → role of each (event_roles.predicate_roles)
    → per event: arguments (participants) → setting (event_setting.ArticleSetting)
      → type and ACLED cues (event_type.event_kind) → toll (tolls.clause_toll)
    + demands told as "X said Y must …" and condemnations "X called it a violation"
    → links between drafts (draft_links.link_drafts)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import Span, Status
from .arguments import is_actor_like, non_agent_nouns, phrase, verb_subjects
from .clauses import PredicateIndex, index_predicates, own_tokens
from .context import ExtractionContext
from .coref import span_text
from .draft_links import link_drafts
from .event_roles import MATERIAL_CONFLICT, find_requests, outcomes_by_event, predicate_roles
from .event_setting import ArticleSetting
from .event_type import event_kind
from .implicit_actors import host_state
from .merge_mentions import Draft
from .participants import facility_targets, is_generic, predicate_arguments, resolve_actors
from .predicates import PredicateHit
from .speech_acts import condemnations, conditional_threats
from .status import event_status
from .token_table import depth
from .tolls import clause_toll

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def find_candidates(ctx: ExtractionContext) -> list[Draft]:
    """The candidate events of an article, in text order."""
    index = index_predicates(ctx.doc)
    requests = find_requests(ctx.doc)
    condemned = condemnations(ctx.doc)
    setting = ArticleSetting(ctx, index)
    roles = predicate_roles(index, requests)
    outcomes = outcomes_by_event(index, roles)
    drafts: dict[int, Draft] = {}
    # heads before dependents, so inherited dates exist when a dependent needs them
    doc = ctx.doc
    order = sorted(index.hits, key=lambda h: (depth(doc, h.token.i), h.token.i))
    for h in order:
        if roles[h.token.i][0] != "event":
            continue
        drafts[h.token.i] = predicate_draft(ctx, index, setting, drafts, h,
                                            outcomes.get(h.token.i, []))
    for i, reporter in requests.items():
        if i not in drafts:
            drafts[i] = request_draft(ctx, index, setting, drafts, ctx.doc[i], reporter)
    for i, targets in condemned.items():
        if i not in drafts and i not in index.by_i:
            drafts[i] = condemnation_draft(ctx, index, setting, drafts, ctx.doc[i], targets)
    for i, targets in conditional_threats(ctx.doc).items():
        if i not in drafts and i not in index.by_i:
            drafts[i] = condemnation_draft(ctx, index, setting, drafts, ctx.doc[i], targets,
                                           type_="THREATEN", mode=None)
    link_drafts(ctx, index, drafts, condemned)
    # supporting mentions are built last and linked to nothing: no clause inherits from them
    support: dict[int, Draft] = {}
    for h in order:
        if roles[h.token.i][0] == "support":
            d = predicate_draft(ctx, index, setting, drafts, h, outcomes.get(h.token.i, []))
            d.support = True
            support[h.token.i] = d
    drafts.update(support)
    return [drafts[i] for i in sorted(drafts)]


def _figurative_agent(ctx: ExtractionContext, tok: "Token") -> bool:
    """A common-noun subject naming a situation or an abstraction (arguments.non_agent_nouns)
    and no actor of the article."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in non_agent_nouns() or is_actor_like(tok):
        return False
    span = phrase(tok)
    return not ctx.actors.at(span.start_char, span.end_char)


def predicate_draft(ctx: ExtractionContext, index: PredicateIndex, setting: ArticleSetting,
                    drafts: dict[int, Draft], hit: PredicateHit,
                    outcomes: list[PredicateHit]) -> Draft:
    """The draft of one predicate told as an event; `drafts` are those already built (a
    dependent clause takes its head's date)."""
    tok = hit.token
    args = predicate_arguments(hit, outcomes)
    own = own_tokens(tok, index.by_i)
    sent_n, sent = index.sentence(tok.i)
    actor_toks, recipient_toks = args.actor, args.recipient
    if hit.type == "MOBILIZE":
        # "deployed troops", "the force was deployed": the force mobilized is no target —
        # it is the actor when nobody else is said to deploy it
        moved = [t for t in recipient_toks if t.dep_ in ("dobj", "nsubjpass") and t.head.i == tok.i]
        recipient_toks = [t for t in recipient_toks if t not in moved]
        if not actor_toks:
            actor_toks = moved
    # "the conflict threatened to spill over", "a tipping point came when a drone attack …":
    # a situation acts only as a figure of speech
    actor_toks = [t for t in actor_toks if not _figurative_agent(ctx, t)]
    actor = resolve_actors(ctx, index.by_i, actor_toks, agentive=True)
    recipient = [r for r in resolve_actors(ctx, index.by_i, recipient_toks) if r not in actor]
    mediator = resolve_actors(ctx, index.by_i, args.mediator)
    # "shot and killed four classmates … in 2021": the outcome's day is the act's
    dated = own + [t for o in outcomes for t in own_tokens(o.token, index.by_i) if t not in own]
    date, date_own = setting.date(hit, dated, drafts)
    kind = event_kind(ctx, hit, args, actor=actor, recipient=recipient,
                      status=event_status(tok, hit.nominal), outcomes=outcomes, own=own,
                      sent=sent)
    if kind.type == "CONSULT":
        recipient = list(dict.fromkeys(host_state(ctx, r) for r in recipient))
    struck = ([r for r in facility_targets(ctx, index.by_i, args) if r not in actor]
              if kind.type == "ASSAULT" and not recipient else [])
    dead, injured = (clause_toll(hit, own, outcomes, index.by_i) if kind.type == "ASSAULT"
                     else (None, None))
    confidence = (
        0.45 + (0.2 if actor else 0) + (0.1 if recipient else 0) + (0.1 if date_own else 0)
    )
    status = kind.status
    location = setting.place(tok, own, sent, _speaker_country(ctx, kind.type, actor),
                             _authority_country(ctx, kind.type, actor),
                             material=kind.type in MATERIAL_CONFLICT)
    return Draft(
        type=kind.type, mode=kind.mode, pred_i=tok.i, nominal=hit.nominal, sent_i=sent_n,
        actor=actor, recipient=recipient, mediator=mediator, date=date, date_own=date_own,
        location=location,
        status=status.value if isinstance(status, Status) else status,
        dead=dead, injured=injured, evidence=[_sentence_span(sent)],
        attribution=setting.attribution(tok), acled_flags=kind.flags, weapon=kind.weapon,
        generic_actor=is_generic(args.actor) and bool(actor), confidence=min(confidence, 0.95),
        struck=struck,
    )


def request_draft(ctx: ExtractionContext, index: PredicateIndex, setting: ArticleSetting,
                  drafts: dict[int, Draft], tok: "Token", reporter: "Token") -> Draft:
    """ "X said Y must do Z": a REQUEST of X (the reporter's subject) to Y (tok's subject)."""
    a, _ = verb_subjects(reporter)
    actor = resolve_actors(ctx, index.by_i, list(a), agentive=True)  # a speaker is an actor
    asked = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    recipient = [r for r in resolve_actors(ctx, index.by_i, asked) if r not in actor]
    sent_n, sent = index.sentence(tok.i)
    own = own_tokens(reporter, index.by_i)
    date, date_own = setting.date(PredicateHit(reporter, "REQUEST", None, False), own, drafts)
    return Draft(type="REQUEST", mode=None, pred_i=tok.i, sent_i=sent_n, actor=actor,
                 recipient=recipient, date=date, date_own=date_own,
                 location=setting.place(tok, own_tokens(tok, index.by_i), sent),
                 evidence=[_sentence_span(sent)], confidence=0.5)


def condemnation_draft(ctx: ExtractionContext, index: PredicateIndex, setting: ArticleSetting,
                       drafts: dict[int, Draft], reporter: "Token",
                       targets: list["Token"], type_: str = "ACCUSE",
                       mode: str | None = "disapprove") -> Draft:
    """ "X called the charges baseless": X accuses whoever the judged phrase names; a speech
    act of another type (a conditional threat) is drafted the same way."""
    a, _ = verb_subjects(reporter)
    actor = resolve_actors(ctx, index.by_i, list(a), agentive=True)
    recipient = [r for r in resolve_actors(ctx, index.by_i, targets) if r not in actor]
    sent_n, sent = index.sentence(reporter.i)
    own = own_tokens(reporter, index.by_i)
    date, date_own = setting.date(PredicateHit(reporter, type_, mode, False), own, drafts)
    return Draft(type=type_, mode=mode, pred_i=reporter.i, sent_i=sent_n,
                 actor=actor, recipient=recipient, date=date, date_own=date_own,
                 location=setting.place(reporter, own, sent), status="occurred",
                 evidence=[_sentence_span(sent)], attribution=setting.attribution(reporter))


# speech acts: what is said happens where the speaker is, whatever places the words name
_SPEECH = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})


def _speaker_country(ctx: ExtractionContext, type_: str, actor: list[str]) -> str | None:
    """The home country of a speech act's one state or national speaker, if known."""
    if type_ not in _SPEECH or len(actor) != 1:
        return None
    a = ctx.actor(actor[0])
    return a.country if a is not None else None


# a state's own authorities: what they arrest or ban is in their state (not its army,
# which acts abroad too)
_AUTHORITIES = frozenset({"GOV", "COP", "JUD"})


def _authority_country(ctx: ExtractionContext, type_: str, actor: list[str]) -> str | None:
    """The country of a coercion's one domestic authority (government, police, court)."""
    if type_ != "COERCE" or len(actor) != 1:
        return None
    a = ctx.actor(actor[0])
    if a is None or a.sector not in _AUTHORITIES:
        return None
    return a.country


def _sentence_span(sent: "SpacySpan") -> Span:
    """The evidence span of a sentence, trailing white space left out."""
    return Span(start=sent.start_char, end=sent.start_char + len(span_text(sent).rstrip()))


__all__ = ["condemnation_draft", "find_candidates", "predicate_draft", "request_draft"]
