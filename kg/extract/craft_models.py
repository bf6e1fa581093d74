"""Aircraft models after a force's name ("the X Air Force C-17", "a Hercules"): the craft
the force flies, not part of the force's name (kg/extract/entities.py, type_roles.py)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.entity_rules import entity_rules
from kg.records import EntityType
from kg.rules.loader import event_rules

_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,2}-?\d{1,4}[A-Z]?$")  # C-17, Mi-17, A400M


def is_craft_model(tok) -> bool:
    """Whether ``tok`` is an aircraft's model ("C-130", "KC-130J", "Hercules")."""
    return bool(_DESIGNATION.match(tok.text)) or \
        tok.lower_ in event_rules().lists["craft_models"]


def without_craft(span: Span) -> Span:
    """"New Zealand Defence Force Hercules", "Royal Air Force C-17": the model of an
    aircraft after a force's name is the craft the force flies, not part of its name; the
    name ends before it (only after a force head: "Airbus" alone is a company)."""
    doc = span.doc
    models = event_rules().lists["craft_models"]
    end = span.end
    cut = None
    if end - 2 > span.start and f"{doc[end - 2].lower_} {doc[end - 1].lower_}" in models:
        cut = end - 2
    elif end - 1 > span.start and is_craft_model(doc[end - 1]):
        cut = end - 1
    if cut is None or entity_rules().heads.get(doc[cut - 1].lower_) is not \
            EntityType.ARMED_FORCE:
        return span
    return doc[span.start:cut]
