"""Event extraction for one parsed unit: triggers, roles, statements, relations, merging.

The trigger words and dependency shapes are data (kg/rules/events/*.yaml, loaded by
kg/rules/loader.py). The work is split by concern:

- kg/extract/syntax.py: clause heads, subjects, voice, prepositional objects;
- kg/extract/context.py: the unit's parse with its mentions, and role fillers;
- kg/extract/triggers.py: the trigger engine (which tokens are events of which type);
- kg/extract/arguments.py: the role reader (agent, theme, addressee ... by voice);
- kg/extract/circumstances.py: place, date and quantity of an event;
- kg/extract/unit_merge.py: one fact per event inside an update;
- kg/extract/list_items.py: enumerated measures take the subject of their header.

Statements (kg/extract/statements.py) and relations (kg/extract/relations.py) run on
the same parse; facts inside a statement are attributed to its speaker.
kg/extract/merge.py merges across updates once entities are resolved. Imports go one
way: this module uses the others; none of them imports it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.arguments import Reader
from kg.extract.context import Context
from kg.extract.counted_people import point_back_counts
from kg.extract.described_groups import point_back_groups
from kg.extract.inquiries import inquiries_set_up
from kg.extract.list_items import inherit_item_agents
from kg.extract.relations import relation_facts
from kg.extract.requests import refine_requests
from kg.extract.restated import second_figures
from kg.extract.silences import press_queries
from kg.extract.statements import _quote_spans, attribute, statement_facts
from kg.extract.theme_pronouns import spell_out_them
from kg.extract.triggers import engine_for, fix_capitalised_nouns
from kg.extract.unit_merge import (
    agreeing_parties,
    carry_cause_dates,
    carry_locations,
    merge_in_unit,
    name_event_themes,
    relate_same_acts,
    successor_offices,
)
from kg.records import EntityType, Fact, Mention, SourceDocument, Unit
from kg.rules.loader import event_rules

__all__ = ["engine_for", "extract_facts"]


def extract_facts(document: SourceDocument, unit: Unit, doc: Doc,
                  mentions: list[Mention]) -> list[Fact]:
    """Facts found in one parsed unit; ``mentions`` are its entity mentions."""
    rules = event_rules()
    ctx = Context(document, unit, doc, mentions, rules)
    engine = engine_for(doc.vocab)
    reader = Reader(ctx)
    reader.extra = []
    fix_capitalised_nouns(doc, rules)
    matches = engine.matches(doc)
    reader.trigger_tokens = {t.i: m.rules.kind for m in matches for t in m.phrase}
    reader.trigger_kinds = {(m.trigger.i, m.rules.kind) for m in matches}
    read: list[tuple[Fact, int, list[str]]] = []
    for m in matches:
        fact = reader.read(m)
        if fact is not None and _doerless_participle(m, fact):
            continue
        if fact is not None:
            named = next((p.theme_text for p in m.rules.patterns
                          if p.id == m.pattern_id and p.theme_text), None)
            if named:  # the pattern names what is given (kg/rules/loader.py theme_text)
                fact.roles["theme"] = [named]
            beside = m.rules.kept_beside.get(m.trigger.lemma_.lower(), ())
            read.append((fact, m.trigger.i, [k for k in m.rules.yields_to if k not in beside]))
    # a lemma several types share: the type whose constraints its roles meet wins
    # ("began leaving X": a force leaves, so a Withdrawal, not a Movement)
    kinds_at: dict[int, set[str]] = {}
    for fact, i, _ in read:
        kinds_at.setdefault(i, set()).add(fact.kind)
    content_kinds = {k for k, t in rules.types.items() if t.content}
    # ... also to the act its trigger's infinitive names ("voted to remove X": the
    # removal, not a decision to remove), or that infinitive's object ("decided to impose
    # a curfew": the curfew)
    def yielded(i: int, yields: list[str]) -> bool:
        comps = [c for c in doc[i].children if c.dep_ == "xcomp"]
        at = [i, *(c.i for c in comps),
              *(o.i for c in comps for o in c.children if o.dep_ == "dobj")]
        return any(kinds_at.get(j, set()) & set(yields) for j in at)

    queries = press_queries(doc)  # "did not respond to a request for comment"
    holds = rules.lists["calling_holds"]

    def called(f: Fact, t) -> bool:
        """"the union called a strike for Friday": dated, held by who called it (not "called
        off", not "called another march to demand X" with no day: a call on others)."""
        return t.dep_ == "dobj" and t.head.lemma_.lower() in holds.get(f.kind, ()) and \
            bool(f.roles.get("date")) and not any(c.dep_ == "prt" for c in t.head.children)

    events: list[Fact] = [f for f, i, yields in read if not yielded(i, yields)
                          and (f.kind in content_kinds or i not in reader.content_tokens
                               or called(f, doc[i]))
                          and i not in queries]
    events.extend(reader.extra)
    link_purposes(events, read, reader.purposes)
    # "The Command Post has: a) imposed a curfew ...; b) closed ...": the header's subject
    agent_kinds = {k for k, t in rules.types.items() if "agent" in t.args.values()}
    inherit_item_agents([(f, i) for f, i, _ in read], {id(f) for f in events}, doc,
                        reader._agentish, agent_kinds)
    inherit_attack_agents(events, read, doc)
    attack_targets(events, read, doc)
    events = inquiries_set_up(events, read, doc, ctx)  # "formed a committee to investigate"
    events = refine_requests(events, ctx)
    spell_out_them(events, ctx)  # "urged X to release them": the people named before
    point_back_counts(events, ctx)  # "the pair were charged": the two people named before
    events.extend(second_figures(events, ctx))  # "..., while X put the number at 1,700"
    statements, spans = statement_facts(ctx)
    attribute(events, statements, spans)
    point_back_groups(events + statements, ctx)  # "the group asked": the one named before
    for f in reader.speaker_agents:  # "We call on ...": the one who says so
        speaker = f.attributed_to or _previous_speaker(f, spans) or _issuer_voice(f, events, ctx)
        if speaker is not None and not f.roles.get("agent"):
            f.roles["agent"] = [speaker]
    events = merge_in_unit(events, ctx)
    successor_offices(events)
    name_event_themes(events, engine, ctx)
    carry_locations(events)
    carry_cause_dates(events, ctx)
    agreeing_parties(events, set(rules.lists["both_sides"]))
    relate_same_acts(events, rules.lists["same_act"])
    relations = relation_facts(ctx)
    facts = events + statements + relations
    return facts


def _doerless_participle(m, fact: Fact) -> bool:
    """A participle clause read only because it names its doer ("the Act, passed by
    parliament,": the verb-passive shape) whose doer could not be read is a description,
    not an event told (types that list verb-participle read any participle)."""
    t = m.trigger
    if t.tag_ != "VBN" or t.dep_ not in ("acl", "relcl") or fact.roles.get("agent"):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
        return False  # "a banker who was sentenced in absentia": a full passive clause
    shapes = {p.id: p.shape for p in m.rules.patterns}
    ids = [m.pattern_id, *(a for a, _ in m.alternatives)]
    return all(shapes.get(i) == "verb-passive" for i in ids)


def link_purposes(events: list[Fact], read: list[tuple[Fact, int, list[str]]],
                  purposes: list[tuple[Fact, int]]) -> None:
    """The event a purpose event is for points to it (kg:purposeEvent)."""
    kept = {id(f) for f in events}
    at = {i: f for f, i, _ in read if id(f) in kept}
    for fact, gov in purposes:
        target = at.get(gov)
        if target is not None and id(fact) in kept and target is not fact:
            target.links.setdefault("purposeEvent", []).append(fact)


_HARM_KINDS = ("Casualties", "Injury")
_CLAUSE_LINKS = ("advcl", "conj", "xcomp", "acl", "relcl")


def inherit_attack_agents(events: list[Fact], read: list[tuple[Fact, int, list[str]]],
                          doc: Doc) -> None:
    """Deaths or injuries told with the attack that caused them take its agent: "three
    were killed when police opened fire", "gunmen attacked X, killing 40", "killed in
    army air strikes", "raids by X killed 20"."""
    kept = {id(f) for f in events}
    attacks = {i: f for f, i, _ in read if f.kind == "Attack" and id(f) in kept
               and f.roles.get("agent")}
    if not attacks:
        return
    for f, i, _ in read:
        if f.kind not in _HARM_KINDS or id(f) not in kept or f.roles.get("agent"):
            continue
        t = doc[i]
        near = [c for c in t.children if c.dep_ in _CLAUSE_LINKS]
        if t.dep_ in _CLAUSE_LINKS:
            near.append(t.head)
        # "four were killed and seven wounded when X opened fire": a shared when-clause
        near += [g for c in (*t.children, t.head) if c.dep_ == "conj" or c is t.head
                 for g in c.children if g.dep_ == "advcl" and g is not t]
        near += [o for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                 for o in c.children if o.dep_ == "pobj"]
        # "attacks by X killed 900 people": the attack is the subject of the death
        near += [c for c in t.children if c.dep_ == "nsubj"]
        for a in near:
            if a.i in attacks:
                f.roles["agent"] = list(attacks[a.i].roles["agent"])
                break


def attack_targets(events: list[Fact], read: list[tuple[Fact, int, list[str]]],
                   doc: Doc) -> None:
    """An attack told as the cause of deaths or injuries hits those who died or were hurt:
    "300 civilians were killed by drone strikes" (the strikes' theme: the civilians)."""
    kept = {id(f) for f in events}
    harm = {i: f for f, i, _ in read if f.kind in _HARM_KINDS and id(f) in kept
            and f.roles.get("theme")}
    if not harm:
        return
    for f, i, _ in read:
        if f.kind != "Attack" or id(f) not in kept or f.roles.get("theme"):
            continue
        t = doc[i]
        if t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head.i in harm:
            f.roles["theme"] = list(harm[t.head.head.i].roles["theme"])


def _previous_speaker(f: Fact, spans: list[tuple[int, int, object, bool]]) -> Mention | None:
    """The named speaker of the statement just before ``f`` in its paragraph: a quote
    that goes on after '..., X said.' is X's."""
    if f.trigger is None:
        return None
    before = [(e, sp) for _s, e, sp, _q in spans if e <= f.trigger.start and
              f.trigger.start - e < _QUOTE_GAP and isinstance(sp, Mention)]
    return max(before, key=lambda p: p[0])[1] if before else None


def _issuer_voice(f: Fact, events: list[Fact], ctx: Context) -> Mention | None:
    """'We call upon SADC to ...' in a party's or a ministry's own release (no quotation
    marks, no speaker named): an unquoted "we" is the body the text speaks for, the body
    that last acted in its own sentences before it ("The Coalition has today requested
    ...")."""
    if f.trigger is None or f.unit != ctx.unit.index:
        return None
    local = f.trigger.start - ctx.unit.start
    quoted = _quote_spans(ctx.unit.text)
    if any(s <= local < e for s, e in quoted):
        return None
    best = None
    for g in events:
        if g is f or g.trigger is None or g.trigger.start >= f.trigger.start:
            continue
        agent = (g.roles.get("agent") or [None])[0]
        if not isinstance(agent, Mention) or not agent.type.is_agent or \
                agent.type is EntityType.PERSON or agent.source.startswith("coref"):
            continue
        if any(s <= g.trigger.start - ctx.unit.start < e for s, e in quoted):
            continue
        if best is None or g.trigger.start > best[0]:
            best = (g.trigger.start, agent)
    return best[1] if best else None


_QUOTE_GAP = 300  # characters between the end of one statement and a quote that goes on
