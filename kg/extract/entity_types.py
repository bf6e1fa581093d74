"""Entity types of model spans: gazetteer places, organisation heads, context."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from kg.extract.entity_rules import EntityRules
from kg.extract.spans import NAME_STOP, fold
from kg.records import EntityType
from kg.resolve.places import gazetteer

# spaCy labels that name entities kg models; the rest (dates, money, ...) are
# handled as values by the event extractors.
LABEL_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.REGION,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.PLACE,  # kept only when it is a country name the model mislabelled
}


def head_type(text: str, rules: EntityRules) -> EntityType | None:
    """Type from the head of an organisation name ('National Guard' -> ArmedForce)."""
    core = re.split(r"\s+of\s+", fold(text), maxsplit=1)[0]
    words = core.split()
    for n in (2, 1):
        if len(words) >= n:
            t = rules.heads.get(" ".join(words[-n:]))
            if t is not None:
                return t
    # "Radio Sol Mansi", "Television Nacional": a media word opens a broadcaster's name
    if len(words) > 1 and rules.heads.get(words[0]) is EntityType.MEDIA_ORGANIZATION:
        return EntityType.MEDIA_ORGANIZATION
    return None


def place_type(text: str, *, strict: bool = False) -> EntityType | None:
    """Country, City or Region from the gazetteer.

    ``strict`` (for names the model called an organisation) accepts only countries and
    cities that are unique and large, so that a company named after a small town
    stays an organisation.
    """
    gaz = gazetteer()
    if gaz.country(text):
        return EntityType.COUNTRY
    if strict:
        found = gaz.cities_named(text)
        if len(found) == 1 and found[0].population >= 100_000:
            return EntityType.CITY
        return None
    return gaz.place_type(text)


@cache
def place_preps() -> frozenset[str]:
    """The event rules' locative prepositions but "of" ("the son of Jordan")."""
    from kg.rules.loader import event_rules

    return frozenset(event_rules().lists["locative_preps"]) - {"of"}


def span_type(span: Span, label: str, rules: EntityRules) -> EntityType | None:
    text = span.text
    if label.startswith("KG_"):
        return EntityType(label[3:])
    if label == "NORP":
        return EntityType.COUNTRY if gazetteer().country(text) else None
    base = LABEL_TYPES.get(label)
    if base is None:
        return None
    if base in (EntityType.ORGANIZATION, EntityType.PERSON) and len(span) <= 3 and \
            span.root.dep_ == "pobj" and span.root.head.lower_ in place_preps() and \
            head_type(text, rules) is None:
        # "Police in Gao", "the airport in Bissau": a known place after a locative
        # preposition is that place, whatever the model guessed
        found = place_type(text)
        if found is not None:
            return found
    if base is EntityType.ORGANIZATION:
        return head_type(text, rules) or place_type(text, strict=True) or base
    if base is EntityType.PERSON:
        # "Sahel People's Defence Forces" tagged a person: a long name ending in a body
        # head is that body ("Mary Guard" stays a person)
        if len(span) >= 3 or any(t.lower_ in NAME_STOP or t.tag_ == "POS" for t in span):
            found = head_type(text, rules)
            if found is not None and found is not EntityType.MEDIA_ORGANIZATION:
                return found
        return base
    if label == "GPE" or label == "LOC":
        found = place_type(text)
        if found is not None:
            return found
        ht = head_type(text, rules)
        return ht or base
    return base
