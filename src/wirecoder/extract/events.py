"""Events: predicates (verbs and event nouns) → PLOVER type and mode, with their arguments.

Per predicate: decide whether it is an event of its own (not a topic of talks, not the
content of a promise or a purpose, not the outcome "killing 3" of another attack, not an
anaphor "this attack" of an earlier one), resolve its argument phrases to actors, date,
place, status, toll and ACLED view; then merge mentions of the same event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import Attribution, EventDate, Span, Status
from .acled import has_cue, is_armed, is_instrument, load_cues, weapon_mode
from .arguments import (
    LIGHT_VERBS,
    add_holder_as_releaser,
    arguments,
    is_actor_like,
    phrase,
)
from .context import ExtractionContext
from .event_roles import (
    _ANAPHORS,
    _COOPERATIVE,
    _CROWD,
    _FORMAL_PROTEST,
    _MATERIAL_CONFLICT,
    _PROJECTILE_VERBS,
    _PROTEST_WORDS,
    _THREAT_MODE,
    _VERBAL_TYPES,
    EventRoles,
    _is_date_tok,
    _own_tokens,
    _recipient_from_topic,
    _subject_tokens,
)
from .event_setting import EventSetting
from .merge_mentions import Draft
from .predicates import PredicateHit, find_predicates
from .recipients import outcome_arguments, refine_recipients
from .speech_acts import condemnations
from .status import event_status

if TYPE_CHECKING:
    from spacy.tokens import Token


class EventBuilder(EventRoles, EventSetting):
    """Candidates: one draft per predicate told as an event, with its arguments and setting
    (the first stage of the event core; event_core.py runs the others)."""

    def __init__(self, ctx: ExtractionContext) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.hits = find_predicates(self.doc)
        self.by_i = {h.token.i: h for h in self.hits}
        self.sents = list(self.doc.sents)
        self.sent_index = {}
        for n, s in enumerate(self.sents):
            for t in s:
                self.sent_index[t.i] = n
        self.drafts: dict[int, Draft] = {}
        self._sent_dates: dict[int, list[tuple[int, int, EventDate]]] = {}
        self._main_place = None
        self._main_place_done = False
        self._attrib: dict[int, list[Attribution]] = {}
        self.requests = self._requests()
        self.condemned = condemnations(self.doc)
        # nouns that gave a verb its meaning ("imposed sanctions", "held talks")
        self.cue_of = {h.cue.i for h in self.hits if h.cue is not None and not h.nominal}

    # ------------------------------------------------------------ arguments
    def _resolve(self, toks: list["Token"], agentive: bool = False) -> list[str]:
        """Actor ids of argument heads; who acts is always an actor ("warplanes" stand for
        whoever flies them), what is acted on only when it names people or groups."""
        ids: list[str] = []
        for t in toks:
            if _is_date_tok(t) or t.pos_ in ("NUM", "ADV", "VERB", "AUX", "ADP"):
                continue
            if t.i in self.by_i and self.by_i[t.i].nominal and not agentive:
                continue  # an event is no actor
            span = phrase(t)
            if t.pos_ == "PRON" and t.lower_ in ("who", "which", "that", "it", "there"):
                continue
            if not (
                agentive or is_actor_like(t) or self.ctx.actors.at(span.start_char, span.end_char)
            ):
                continue
            if agentive and (is_instrument(t) or (t.i in self.by_i and self.by_i[t.i].nominal)):
                # a weapon or an event is never the actor: whoever it belongs to is
                # ("Hezbollah's rockets", "Israeli airstrikes"); "a car bomb exploded" names nobody
                owners = [c for c in t.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                          and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")]
                # "the army said its jets struck …": the reporter owns what "its" names
                if not owners and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                      for c in t.children):
                    owners = _reporter_of(t)
                for c in owners:
                    for a in self.ctx.actors.resolve_span(phrase(c)):
                        if a not in ids:
                            ids.append(a)
                continue
            for a in self.ctx.actors.resolve_span(span):
                if a not in ids:
                    ids.append(a)
        return ids

    def _generic(self, toks: list["Token"]) -> bool:
        """Only indefinite descriptions ("a delegation", "gunmen")?"""
        if not toks:
            return False
        for t in toks:
            if t.ent_type_ or t.pos_ in ("PROPN", "PRON"):
                return False
            if any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in t.children):
                return False
            if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
                return False
        return True

    # ------------------------------------------------------------ one draft
    def build(self) -> list[Draft]:
        roles: dict[int, tuple[str, PredicateHit | None]] = {}
        for h in self.hits:
            roles[h.token.i] = self.role(h)
        # a background clause ("after a shop was looted") is the news when its sentence
        # tells nothing else: then violence, protest and repression in it are events
        told = {self.sent_index[i] for i, (k, _) in roles.items() if k == "event"}
        for h in self.hits:
            if roles[h.token.i][0] == "background":
                keep = (
                    (self.sent_index[h.token.i] not in told or _specific(h.token)
                     or _reacted_to(h.token, self.by_i))
                    and h.type in _MATERIAL_CONFLICT
                    and self._promotable(h)
                )
                roles[h.token.i] = ("event", None) if keep else ("skip", None)
        outcomes: dict[int, list[PredicateHit]] = {}
        for h in self.hits:
            kind, owner = roles[h.token.i]
            if kind == "outcome" and owner is not None:
                # an outcome of an outcome belongs to the first real event
                while roles.get(owner.token.i, ("event", None))[0] == "outcome":
                    owner = roles[owner.token.i][1]  # type: ignore[assignment]
                outcomes.setdefault(owner.token.i, []).append(h)
        # heads before dependents, so inherited dates exist when a dependent needs them
        order = sorted(self.hits, key=lambda h: (len(list(h.token.ancestors)), h.token.i))
        for h in order:
            if roles[h.token.i][0] != "event":
                continue
            self.drafts[h.token.i] = self._draft(h, outcomes.get(h.token.i, []))
        for i, reporter in self.requests.items():
            if i not in self.drafts:
                self.drafts[i] = self._request_draft(self.doc[i], reporter)
        for i, targets in self.condemned.items():
            if i not in self.drafts and i not in self.by_i:
                self.drafts[i] = self._condemnation_draft(self.doc[i], targets)
        self._link_anaphors()
        self._link_topics()
        self._link_reactions()
        self._link_mediators()
        self._orphan_tolls(roles)
        return [self.drafts[i] for i in sorted(self.drafts)]

    def _draft(self, hit: PredicateHit, outcomes: list[PredicateHit]) -> Draft:
        tok = hit.token
        args = arguments(hit)
        refine_recipients(hit, args)
        outcome_arguments(hit, args, outcomes)
        # "its attack" inside a clause: its = the agent of the governing clause
        if hit.nominal and args.actor and all(a.pos_ == "PRON" for a in args.actor):
            gov_verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
            if gov_verb is not None:
                from .arguments import passive_agents, verb_subjects

                a, _ = verb_subjects(gov_verb)
                cands = [t for t in a if t.pos_ != "PRON"] + passive_agents(gov_verb)
                if cands:
                    args.actor = cands
        # "discussed a ceasefire with Qatari officials": the with-phrase hangs on the topic
        if hit.type == "CONSULT" and not args.recipient:
            for t in args.topic:
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "with":
                        args.recipient.extend(g for g in c.children if g.dep_ == "pobj")
        # "handover in early May of three prisoners": the of-phrase hangs on the date
        if hit.nominal and not args.recipient:
            for c in tok.children:
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj" and _is_date_tok(g):
                            for p in g.children:
                                if p.dep_ == "prep" and p.lower_ == "of":
                                    args.recipient.extend(x for x in p.children if x.dep_ == "pobj")
            add_holder_as_releaser(hit, args)
        # (a meeting's other side is its with-phrase or the holder of what is negotiated)
        if not args.recipient and hit.type in (_VERBAL_TYPES - {"CONSULT"}) | {"AID", "SANCTION"}:
            args.recipient.extend(_recipient_from_topic(args.topic, args.actor, hit.type))
        own = _own_tokens(tok, self.by_i)
        sent_n = self.sent_index[tok.i]
        sent = self.sents[sent_n]
        actor = self._resolve(args.actor, agentive=True)
        recipient = [r for r in self._resolve(args.recipient) if r not in actor]
        mediator = self._resolve(args.mediator)
        date, date_own = self._date(hit, own)
        status = event_status(tok, hit.nominal)
        if (
            hit.type == "RETREAT"
            and hit.mode == "release"
            and status == Status.occurred
            and tok.tag_ == "VBN"
            and tok.dep_ == "amod"
        ):
            status = Status.occurred
        mode = hit.mode
        weapon = None
        type_ = hit.type
        flags: dict[str, bool] = {}
        cues = load_cues()
        clause = own + [t for o in outcomes for t in o.token.subtree]
        subj_toks = _subject_tokens(tok) if not hit.nominal else []
        subj_toks += [t for a in args.actor for t in phrase(a) if t not in subj_toks]
        if hit.nominal and tok.head.lemma_ in LIGHT_VERBS:
            subj_toks += _subject_tokens(tok.head)
        if type_ == "ASSAULT":
            # who or what struck, and with what — never what was struck ("fired at a drone")
            wtoks = subj_toks + [t for i in args.instrument for t in i.subtree]
            wtoks += [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
            for o in [hit] + outcomes:
                kids = list(o.token.children)
                # "targeted vehicles with anti-tank shells": the with-phrase may hang on the object
                kids += [
                    g for c in kids if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"
                ]
                for c in kids:
                    if (
                        c.dep_ == "prep"
                        and c.lower_ in ("with", "by", "using", "from")
                        or (c.dep_ == "dobj" and o.token.lemma_ in _PROJECTILE_VERBS)
                    ):
                        wtoks += list(c.subtree)
                    if c.dep_ == "advcl" and c.lemma_ in ("use",):
                        wtoks += list(c.subtree)
            wm = weapon_mode(wtoks)
            weapon = wm
            targets = [t for r in args.recipient + args.topic for t in phrase(r)]
            target_armed = is_armed(
                targets, [getattr(self.ctx.actor(a), "sector", None) for a in recipient]
            )
            if mode == "destroy" and target_armed:
                mode = None  # destroying tanks is fighting, not property destruction
            if wm is not None and mode not in (
                "abduct",
                "destroy",
                "beat",
                "torture",
                "sexual",
                "targeted",
                "crowd-control",
                "suicide-attack",
            ):
                mode = wm
            words = clause + subj_toks
            rec_toks = targets
            act_toks = [t for a in args.actor for t in phrase(a)] + subj_toks
            sectors_a = [getattr(self.ctx.actor(a), "sector", None) for a in actor]
            sectors_r = [getattr(self.ctx.actor(a), "sector", None) for a in recipient]
            flags = {
                "mob": has_cue(act_toks, cues.mob),
                "excessive": has_cue(
                    rec_toks + [t for o in outcomes for t in o.token.subtree], cues.protesters
                )
                or (
                    has_cue(list(sent), _PROTEST_WORDS)
                    and is_armed(act_toks, sectors_a)
                    and has_cue(list(sent), cues.excessive)
                ),
                "rioters": has_cue(act_toks, cues.protesters),
                "actor_armed": is_armed(act_toks, sectors_a) or has_cue(act_toks, cues.armed),
                "recipient_armed": is_armed(rec_toks, sectors_r),
                "reciprocal": has_cue(
                    [tok]
                    + [c for c in tok.children if c.dep_ in ("dobj", "prt")]
                    + ([] if hit.cue is None else [hit.cue]),
                    cues.reciprocal,
                )
                or (
                    hit.nominal and hit.cue is not None and has_cue([tok, hit.cue], cues.reciprocal)
                )
                or has_cue(
                    [tok]
                    + [
                        g
                        for c in tok.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.subtree
                    ],
                    cues.reciprocal,
                ),
                "grenade": has_cue(words, cues.grenade),
                "disrupted": has_cue([tok], cues.disrupted),
            }
        elif type_ in ("COERCE", "MOBILIZE", "RETREAT", "SUPPORT", "CONCEDE", "AGREE"):
            # what was taken, found, set up or signed: the object phrase(s)
            objs = [
                t
                for c in tok.children
                if c.dep_ in ("dobj", "nsubjpass", "attr")
                for t in c.subtree
            ]
            objs += [
                t
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("from", "of", "over")
                for t in c.subtree
            ]
            place_obj = any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in objs) or has_cue(
                objs, cues.territory_objects
            )
            flags = {
                "territory": (
                    type_ == "COERCE"
                    and has_cue([tok] + ([hit.cue] if hit.cue is not None else []), cues.territory)
                    and place_obj
                )
                or (
                    type_ == "RETREAT"
                    and mode == "withdraw"
                    and place_obj
                    and has_cue(list(sent), cues.agreement_objects | frozenset({"hand"}))
                ),
                "disrupted": type_ == "COERCE"
                and (
                    has_cue([tok], cues.disrupted)
                    or (mode == "seize" and has_cue(objs, cues.weapon_objects))
                ),
                "base": has_cue(objs, cues.base_objects),
                "agreement": has_cue(objs + [tok], cues.agreement_objects),
                "actor_state": any(
                    getattr(self.ctx.actor(a), "sector", None) in ("MIL", "GOV", "COP")
                    for a in actor
                )
                or has_cue(
                    subj_toks, frozenset({"army", "government", "military", "troop", "force"})
                ),
                "actor_armed": is_armed(subj_toks),
            }
            if type_ != "COERCE":
                flags.pop("actor_armed")
                flags.pop("actor_state")
                flags.pop("disrupted")
            if flags.get("territory") and type_ == "COERCE":
                mode = "seize"
            elif (
                type_ == "COERCE"
                and mode == "seize"
                and not flags.get("disrupted")
                and recipient
                and any(
                    is_actor_like(r) and r.ent_type_ not in ("GPE", "LOC", "FAC")
                    for r in args.recipient
                )
            ):
                mode = "arrest"  # "captured a senior commander": people taken are arrested
        elif type_ == "PROTEST":
            sent_toks = list(sent)
            if mode in ("demo", None) and has_cue(sent_toks, cues.riot):
                mode = "riot"  # protesters smashing, burning, clashing
            flags = {
                "intervention": has_cue(sent_toks, cues.intervention),
                "excessive": has_cue(sent_toks, cues.excessive)
                and has_cue(sent_toks, frozenset({"protester", "demonstrator", "protestor"})),
            }
        if hit.nominal and tok.lemma_ == "protest" and tok.head.lemma_ in _FORMAL_PROTEST:
            type_, mode = "ACCUSE", "disapprove"  # "lodged a protest with X" is diplomatic
        if tok.lemma_ == "protest" and not hit.nominal:
            if has_cue(subj_toks + ([tok.head] if tok.dep_ == "acl" else []), _CROWD) or any(
                t.like_num for t in subj_toks
            ):
                type_, mode = "PROTEST", "demo"
        # PLOVER codes the act of speaking: a promise of cooperation is AGREE, an announced
        # coercion is THREATEN, a refusal to cooperate is REJECT
        if not hit.nominal and type_ not in ("AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"):
            if status == Status.planned:
                if type_ in _COOPERATIVE:
                    type_, mode, status = "AGREE", None, Status.occurred
                elif type_ in _THREAT_MODE:
                    mode = (
                        "arrest"
                        if mode == "arrest"
                        else "expel"
                        if mode == "expel"
                        else _THREAT_MODE[type_]
                    )
                    type_, status = "THREATEN", Status.occurred
            elif (
                status == Status.negated
                and type_ in _COOPERATIVE
                and any(
                    c.lower_ in ("will", "would", "wo") for c in tok.children if c.dep_ == "aux"
                )
            ):
                type_, mode, status = "REJECT", _reject_mode(type_), Status.occurred
        elif (not hit.nominal and type_ == "AGREE" and status == Status.negated
              and not any(c.lower_ == "never" for c in tok.children)):
            # "did not agree" refuses; "have never offered evidence" refuses nothing
            type_, mode, status = "REJECT", None, Status.occurred

        dead, injured = self._toll(hit, own, outcomes) if type_ == "ASSAULT" else (None, None)
        generic = self._generic(args.actor) and bool(actor)
        confidence = (
            0.45 + (0.2 if actor else 0) + (0.1 if recipient else 0) + (0.1 if date_own else 0)
        )
        draft = Draft(
            type=type_,
            mode=mode,
            pred_i=tok.i,
            nominal=hit.nominal,
            sent_i=sent_n,
            actor=actor,
            recipient=recipient,
            mediator=mediator,
            date=date,
            date_own=date_own,
            location=self._place(tok, own, sent),
            status=status.value if isinstance(status, Status) else status,
            dead=dead,
            injured=injured,
            evidence=[Span(start=sent.start_char, end=sent.start_char + len(sent.text.rstrip()))],
            attribution=self._attribution(tok),
            acled_flags=flags,
            weapon=weapon,
            generic_actor=generic,
            confidence=min(confidence, 0.95),
        )
        return draft

    def _request_draft(self, tok: "Token", reporter: "Token") -> Draft:
        from .arguments import verb_subjects

        a, _ = verb_subjects(reporter)
        actor = self._resolve([t for t in a])
        recipient = [
            r
            for r in self._resolve([c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")])
            if r not in actor
        ]
        sent_n = self.sent_index[tok.i]
        sent = self.sents[sent_n]
        own = _own_tokens(reporter, self.by_i)
        date, date_own = self._date(PredicateHit(reporter, "REQUEST", None, False), own)
        return Draft(
            type="REQUEST",
            mode=None,
            pred_i=tok.i,
            sent_i=sent_n,
            actor=actor,
            recipient=recipient,
            date=date,
            date_own=date_own,
            location=self._place(tok, _own_tokens(tok, self.by_i), sent),
            evidence=[Span(start=sent.start_char, end=sent.start_char + len(sent.text.rstrip()))],
            confidence=0.5,
        )

    def _condemnation_draft(self, reporter: "Token", targets: list["Token"]) -> Draft:
        """ "X called the charges baseless": X accuses whoever the judged phrase names."""
        from .arguments import verb_subjects

        a, _ = verb_subjects(reporter)
        actor = self._resolve(list(a), agentive=True)
        recipient = [r for r in self._resolve(targets) if r not in actor]
        sent_n = self.sent_index[reporter.i]
        sent = self.sents[sent_n]
        own = _own_tokens(reporter, self.by_i)
        date, date_own = self._date(PredicateHit(reporter, "ACCUSE", "disapprove", False), own)
        return Draft(type="ACCUSE", mode="disapprove", pred_i=reporter.i, sent_i=sent_n,
                     actor=actor, recipient=recipient, date=date, date_own=date_own,
                     location=self._place(reporter, own, sent), status="occurred",
                     evidence=[Span(start=sent.start_char,
                                    end=sent.start_char + len(sent.text.rstrip()))],
                     attribution=self._attribution(reporter))

    def _link_anaphors(self) -> None:
        """In text order: anaphors find their antecedent; events told "during this attack"
        take the attack's date."""
        for i in sorted(self.drafts):
            d = self.drafts[i]
            if i in self.by_i:  # request drafts ("must …") have no predicate hit
                d.antecedent = self._antecedent(self.by_i[i], d)
        for i in sorted(self.drafts):
            d = self.drafts[i]
            if d.date_own or d.antecedent is not None:
                continue
            for c in self.doc[i].children:
                if c.dep_ == "prep" and c.lower_ in ("during", "in", "amid"):
                    for g in c.children:
                        if g.dep_ == "pobj" and g.i in self.drafts:
                            ante = self.drafts[g.i].antecedent or self.drafts[g.i]
                            d.date, d.date_own = ante.date, ante.date_own

    def _antecedent(self, hit: PredicateHit, draft: Draft) -> Draft | None:
        """For "this attack" / "these bombings" / "this visit": the earlier event it names."""
        if not hit.nominal:
            return None
        if not any(c.dep_ == "det" and c.lower_ in _ANAPHORS for c in hit.token.children):
            return None
        best = None
        ancestors = {a.i for a in hit.token.ancestors}  # "taken during this attack" ≠ the taking
        for i, d in self.drafts.items():
            if (
                i < hit.token.i
                and i not in ancestors
                and d.type == draft.type
                and (best is None or i > best[0])
            ):
                best = (i, d)
        if best is None:
            # drafts are built heads-first: look for earlier predicates not yet drafted
            return None
        return best[1]

    def _link_topics(self) -> None:
        """ "Norway is negotiating the release of prisoners held by the rebels": the holder is the
        other side of the talks."""
        for i, d in self.drafts.items():
            if d.type != "CONSULT" or d.recipient:
                continue
            tok = self.doc[i]
            for c in tok.children:
                if c.dep_ == "dobj" and c.i in self.by_i and c.i not in self.drafts:
                    sub = arguments(self.by_i[c.i])
                    ids = [a for a in self._resolve(sub.actor) if a not in d.actor]
                    d.recipient.extend(ids)

    def _link_reactions(self) -> None:
        """ "Iran condemned the Israeli strike", "Hamas condemned the attack": who is
        condemned, praised or rejected is who did what the object names — its nationality
        or owner, else the actor of the latest earlier incident of that type."""
        for i, d in self.drafts.items():
            if d.type not in _REACTIONS or d.recipient:
                continue
            for obj in (c for c in self.doc[i].children if c.dep_ == "dobj"):
                owners = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound")
                          and c.ent_type_ in ("NORP", "GPE", "ORG")]
                ids = self._resolve(owners, agentive=True)
                if not ids and obj.i in self.by_i:
                    kind = self.by_i[obj.i].type
                    earlier = [x for j, x in sorted(self.drafts.items())
                               if j < i and x.type == kind and x.actor and j != obj.i]
                    ids = list(earlier[-1].actor) if earlier else []
                d.recipient.extend(a for a in ids if a not in d.actor and a not in d.recipient)
            # "Iran said it was a violation": the judged "it" is the latest incident
            if not d.recipient and any(t.lower_ in ("it", "this") for t in self.condemned.get(i, [])):
                earlier = [x for j, x in sorted(self.drafts.items())
                           if j < i and x.actor and x.type in _MATERIAL_CONFLICT]
                if earlier:
                    d.recipient.extend(a for a in earlier[-1].actor if a not in d.actor)

    def _link_mediators(self) -> None:
        """ "talks that led to the release …": those who talked mediated the release."""
        for i, d in self.drafts.items():
            if d.type not in ("RETREAT", "AGREE") or d.mediator:
                continue
            tok = self.doc[i]
            if (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "to"
                and tok.head.head.lemma_ in ("lead", "result", "contribute")
            ):
                verb = tok.head.head
                talk = (
                    verb.head
                    if verb.dep_ == "relcl"
                    else next((c for c in verb.children if c.dep_ == "nsubj"), None)
                )
                if (
                    talk is not None
                    and talk.i in self.drafts
                    and self.drafts[talk.i].type == "CONSULT"
                ):
                    d.mediator = [a for a in self.drafts[talk.i].actor if a not in d.actor]
            for c in tok.children:
                if c.dep_ in ("acl", "amod") and c.lemma_ in ("broker", "mediate"):
                    for g in c.children:
                        if g.dep_ == "agent":
                            d.mediator.extend(
                                self._resolve([x for x in g.children if x.dep_ == "pobj"])
                            )

    def _orphan_tolls(self, roles: dict[int, tuple[str, PredicateHit | None]]) -> None:
        """ "At least 8 persons were killed." right after an attack with no toll: its toll."""
        for i in sorted(self.drafts):
            d = self.drafts[i]
            tok = self.doc[i]
            if (
                d.type != "ASSAULT"
                or d.actor
                or tok.pos_ != "VERB"
                or tok.lemma_ not in ("kill", "die", "injure", "wound")
            ):
                continue
            if any(
                c.dep_ in ("prep", "agent") and c.lower_ in ("by", "in", "with")
                for c in tok.children
            ):
                continue
            prev = [
                p
                for j, p in self.drafts.items()
                if j < i and p.type == "ASSAULT" and 0 < d.sent_i - p.sent_i <= 2
            ]
            if prev:
                p = prev[-1]
                if d.dead is not None and p.dead is None:
                    p.dead = d.dead
                if d.injured is not None and p.injured is None:
                    p.injured = d.injured
                p.evidence.extend(d.evidence)
                del self.drafts[i]


def _reporter_of(arg: "Token") -> list["Token"]:
    """The subject of the reporting verb whose complement clause holds `arg`."""
    verb = arg.head
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in _REPORTING_VERBS:
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]


_REPORTING_VERBS = frozenset({"say", "tell", "announce", "claim", "state", "add", "report",
                              "confirm", "declare", "write"})


def _reacted_to(tok: "Token", by_i: dict[int, PredicateHit]) -> bool:
    """ "expressed concern after a shop was looted": the clause a verbal reaction answers
    tells the incident."""
    head = by_i.get(tok.head.i)
    return tok.dep_ == "advcl" and head is not None and head.type in _REACTIONS


def _specific(tok: "Token") -> bool:
    """A background clause told with its own day and its own count or place ("after
    fighters shelled a market in X on Monday, killing 23"): a specific incident the article
    reports, not a passing mention ("after the war began")."""
    sub = list(tok.subtree)
    dated = any(t.ent_type_ == "DATE" and t.head.i != t.i for t in sub)
    counted = any(t.like_num and t.ent_type_ in ("CARDINAL", "") for t in sub
                  if t.head.lemma_ not in ("year", "month", "day", "week"))
    placed = any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in sub)
    return tok.pos_ in ("VERB", "AUX") and dated and (counted or placed)


# verbal reactions to another's act: their recipient is whoever acted
_REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def _reject_mode(refused: str) -> str | None:
    """The REJECT mode of a refused cooperation of type `refused` (predicates.yaml)."""
    from .predicates import load_lexicon_file

    global _REJECT_MODES
    if _REJECT_MODES is None:
        _REJECT_MODES = dict(load_lexicon_file("predicates.yaml").get("reject_modes") or {})
    return _REJECT_MODES.get(refused)


_REJECT_MODES: dict[str, str] | None = None


__all__ = ["EventBuilder"]
