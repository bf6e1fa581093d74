"""Territories that are part of a state (kg/rules/entities/territories.jsonl): GeoNames
lists "Martinique", "Macao" or "Aland" as countries of their own, so a town there is put
in the territory; when the document names the state as well, the territory lies in that
state, and so, through it, does every place of the territory (docs/evaluation.md: every
named place is LocatedIn its country). A territory a state holds without making it a part
of it (a British overseas territory, a territory of the United States) is left alone.
"""

from __future__ import annotations

from kg.extract.entity_rules import entity_rules
from kg.records import Entity, EntityType

TERRITORY_RULE = "locatedin/territory"


def territory_states(countries: dict[str, Entity]) -> list[tuple[Entity, Entity]]:
    """(territory, state) for each country entity of the document, by ISO code, that is
    a territory part of a state the document also names."""
    states = entity_rules().territory_states
    out = []
    for code, territory in countries.items():
        state = countries.get(states.get(code, ""))
        if state is not None and state is not territory:
            out.append((territory, state))
    return out


def state_of(code: str | None, countries: dict[str, Entity]) -> Entity | None:
    """The state a place of the territory ``code`` lies in when the document names the
    state but not the territory ("Mata-Utu" in a story that names France, not
    Wallis and Futuna)."""
    if not code or code in countries:
        return None
    return countries.get(entity_rules().territory_states.get(code, ""))


def territories_as_regions(entities: list[Entity]) -> None:
    """A dependent territory GeoNames lists as a country ("Martinique", "Guam", "the Cayman
    Islands") is a region, not a country (docs/evaluation.md: a country is a state);
    retyped once the document's containers are settled, which read it as a country."""
    codes = entity_rules().territories
    for e in entities:
        if e.type is EntityType.COUNTRY and e.country_code in codes:
            e.type = EntityType.REGION
