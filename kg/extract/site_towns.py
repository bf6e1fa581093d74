"""Sites and buildings named after the town they stand in: LocatedIn that town.

A hospital, prison, port, station or civic building is mostly named after the town it
serves: "the X civil prison", "X port", "the port of X",
"the X community hall", "the X Civic Centre" (a ``sited`` kind noun of
kg/rules/entities/kinds.jsonl ends or opens the name; a river or road named after a
town may run far beyond it and is left out). The town is a region, a city GeoNames
knows, or a small town GeoNames does not know that the text writes as a town ("in X",
"near X": a word before one of its mentions says so, which a bloc's or a firm's name the
model took for a town lacks; "at X" is as often a site, "the pumping station at X", whose
own "X station" is the site itself). Helper of
kg/extract/containment.py.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.entity_rules import entity_rules
from kg.extract.home_city import sited
from kg.records import Entity, EntityType
from kg.resolve.place_names import base_name
from kg.resolve.places import fold

# words before a name that write it as a town: "in X", "near X" (not "at X", "on X":
# a site or an island, "the pumping stations at X")
_TOWN_WORDS = {"in", "near", "outside", "from", "into", "towards", "toward", "around"}


def written_as_town(place: Entity, text: str) -> bool:
    """Whether a mention of the place follows a word that writes it as a town."""
    for m in place.mentions:
        before = text[max(0, m.start - 30):m.start].split()
        if before and before[-1].lower() in _TOWN_WORDS:
            return True
    return False


def named_after_town(places: list[Entity], add, told: Callable[[Entity], bool]) -> None:
    """Each site named after a town or region of the document is added in it (``add``:
    containment's adder; ``told``: whether the text writes a city as a town)."""
    kinds = entity_rules().kind_nouns
    towns: dict[str, Entity] = {}
    for e in places:  # a city GeoNames does not know may be a misread name (a bloc's or a firm's)
        if e.type is EntityType.REGION or (e.type is EntityType.CITY and e.country_code):
            for n in (e.name, *e.aliases):
                towns.setdefault(fold(base_name(n)[0]), e)
    for e in places:  # ... unless the text writes it as a place: a small town
        if e.type is EntityType.CITY and not e.country_code and e.geonames_id is None \
                and told(e):
            for n in (e.name, *e.aliases):
                towns.setdefault(fold(base_name(n)[0]), e)
    if not towns:
        return
    for e in places:
        if e.type is not EntityType.PLACE:
            continue
        for n in (e.name, *e.aliases):
            words = fold(n).split()
            town = None
            for k in range(1, len(words)):
                head, rest = " ".join(words[:k]), words[k:]
                if head in towns and sited(rest, kinds):  # "X civil prison"
                    town = towns[head]
                if words[k - 1] == "of" and " ".join(words[k:]) in towns and \
                        sited(words[:k - 1], kinds):  # "port of X"
                    town = towns[" ".join(words[k:])]
            if town is not None and town is not e:
                add(e, town, None, "locatedin/named-after")
                break
