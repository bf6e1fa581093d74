"""Event extraction for one parsed unit: triggers, roles, statements, relations, merging.

The trigger words and dependency shapes are data (kg/rules/events/*.yaml, loaded by
kg/rules/loader.py). The work is split by concern:

- kg/extract/syntax.py: clause heads, subjects, voice, prepositional objects;
- kg/extract/context.py: the unit's parse with its mentions, and role fillers;
- kg/extract/triggers.py: the trigger engine (which tokens are events of which type);
- kg/extract/arguments.py: the role reader (agent, theme, addressee ... by voice);
- kg/extract/circumstances.py: place, date and quantity of an event;
- kg/extract/unit_merge.py: one fact per event inside an update.

Statements (kg/extract/statements.py) and relations (kg/extract/relations.py) run on
the same parse; facts inside a statement are attributed to its speaker.
kg/extract/merge.py merges across updates once entities are resolved. Imports go one
way: this module uses the others; none of them imports it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.arguments import Reader
from kg.extract.context import Context
from kg.extract.relations import relation_facts
from kg.extract.requests import refine_requests
from kg.extract.statements import attribute, statement_facts
from kg.extract.triggers import engine_for, fix_capitalised_nouns
from kg.extract.unit_merge import (
    carry_locations,
    merge_in_unit,
    name_event_themes,
    successor_offices,
)
from kg.records import Fact, Mention, SourceDocument, Unit
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
    events: list[Fact] = []
    for m in matches:
        fact = reader.read(m)
        if fact is not None:
            events.append(fact)
    events.extend(reader.extra)
    events = refine_requests(events, ctx)  # kg/extract/requests.py (issue 15b)
    statements, spans = statement_facts(ctx)
    attribute(events, statements, spans)
    events = merge_in_unit(events, ctx)
    successor_offices(events)
    name_event_themes(events, engine, ctx)
    carry_locations(events)
    relations = relation_facts(ctx)
    facts = events + statements + relations
    return facts
