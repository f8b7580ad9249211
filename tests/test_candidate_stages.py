"""The candidates stage through its public steps, on sentences written for these tests:
predicate roles and demands (event_roles), arguments (participants), setting
(event_setting.ArticleSetting), type (event_type), toll (tolls.clause_toll) and the links
between drafts (candidates.find_candidates → draft_links)."""
from __future__ import annotations

import pytest

from wirecoder.extract.actors import build_actor_table
from wirecoder.extract.candidates import find_candidates
from wirecoder.extract.clauses import index_predicates, own_tokens
from wirecoder.extract.context import ExtractionContext, parse_published
from wirecoder.extract.event_roles import find_requests, outcomes_by_event, predicate_roles
from wirecoder.extract.event_setting import ArticleSetting
from wirecoder.extract.event_type import event_kind
from wirecoder.extract.participants import predicate_arguments, resolve_actors
from wirecoder.extract.status import event_status
from wirecoder.extract.tolls import clause_toll
from wirecoder.ingest import make_article
from wirecoder.schema import Status

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def context(nlp):
    def make(text: str) -> ExtractionContext:
        article = make_article(text, published="2031-06-05")  # a Thursday
        doc = nlp(article.text)
        return ExtractionContext(doc=doc, article=article,
                                 published=parse_published(article.published),
                                 actors=build_actor_table(doc, article))
    return make


def _hit(index, word: str):
    return next(h for h in index.hits if h.token.text == word)


def _names(ctx: ExtractionContext, ids: list[str]) -> list[str]:
    return [ctx.actor(a).name for a in ids]


def test_an_outcome_belongs_to_the_attack_it_results_from(context) -> None:
    ctx = context("Gunmen attacked a village in Ostrava on Monday, killing 12 people.")
    index = index_predicates(ctx.doc)
    roles = predicate_roles(index, find_requests(ctx.doc))
    told = {ctx.doc[i].text: (kind, owner and owner.token.text)
            for i, (kind, owner) in roles.items()}
    assert told == {"attacked": ("event", None), "killing": ("outcome", "attacked")}
    outcomes = outcomes_by_event(index, roles)
    assert {ctx.doc[i].text: [h.token.text for h in hs] for i, hs in outcomes.items()} == {
        "attacked": ["killing"]}


def test_an_attack_takes_its_own_date_and_the_toll_of_its_outcome(context) -> None:
    ctx = context("Gunmen attacked a village in Ostrava on Monday, killing 12 people.")
    index = index_predicates(ctx.doc)
    attack, killing = _hit(index, "attacked"), _hit(index, "killing")
    own = own_tokens(attack.token, index.by_i)
    date, own_date = ArticleSetting(ctx, index).date(attack, own, {})
    assert (date.start, own_date) == ("2031-06-02", True)
    assert clause_toll(attack, own, [killing], index.by_i) == (12, None)
    [draft] = find_candidates(ctx)
    assert (draft.type, draft.dead, _names(ctx, draft.actor)) == ("ASSAULT", 12, ["Gunmen"])
    assert draft.location is not None and draft.location.country == "CZE"


def test_a_demand_told_by_a_reporter_is_a_request_of_the_reporter(context) -> None:
    ctx = context("The minister said the army must withdraw from the valley.")
    requests = find_requests(ctx.doc)
    assert {ctx.doc[i].text: r.text for i, r in requests.items()} == {"withdraw": "said"}
    roles = predicate_roles(index_predicates(ctx.doc), requests)
    assert [kind for kind, _ in roles.values()] == ["skip"]  # told as the demand instead
    [draft] = find_candidates(ctx)
    assert (draft.type, _names(ctx, draft.actor), _names(ctx, draft.recipient)) == (
        "REQUEST", ["minister"], ["army"])


def test_a_refused_cooperation_is_a_reject_that_occurred(context) -> None:
    ctx = context("The rebels will not release the hostages, their commander said.")
    index = index_predicates(ctx.doc)
    release = _hit(index, "release")
    assert event_status(release.token, False) == Status.negated
    args = predicate_arguments(release, [])
    kind = event_kind(ctx, release, args, actor=[], recipient=[],
                      status=event_status(release.token, False), outcomes=[],
                      own=own_tokens(release.token, index.by_i), sent=release.token.sent)
    assert (kind.type, kind.status) == ("REJECT", Status.occurred)


def test_a_weapon_is_never_the_actor_its_owner_is(context) -> None:
    ctx = context("Syrian rockets hit the town of Kestov on Tuesday.")
    index = index_predicates(ctx.doc)
    heads = predicate_arguments(_hit(index, "hit"), []).actor
    assert [t.text for t in heads] == ["rockets"]
    assert _names(ctx, resolve_actors(ctx, index.by_i, heads, agentive=True)) == ["Syria"]


def test_a_bare_toll_sentence_joins_the_attack_before_it(context) -> None:
    ctx = context("Gunmen attacked a bus near Ostrava on Monday. "
                  "At least eight people were killed.")
    [draft] = find_candidates(ctx)
    assert (draft.type, draft.dead, len(draft.evidence)) == ("ASSAULT", 8, 2)
