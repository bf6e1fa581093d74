"""The region a story is about, as a container of the places nothing else places.

A story about a flood in one province, a wildfire in one district or fighting in one
part of a country names that region ("seven villages in X District", "the X Region",
"in south X") and then its villages and sites by name alone ("the village of A", "B",
"the C bridge"): they lie in that region (docs/evaluation.md: every place is LocatedIn
the named region of the document that contains it). Helper of
kg/extract/containment.py, which applies it after the containers the text and the
gazetteer state, to the places that got no town or region from them.

The story's region is a region of the home country the document names most, at least
twice as often as any other region of it (a region inside another one the text names
counts for that one, "X Local Government Area" in "Y State"). Left out: a town GeoNames
knows (its own units say where it lies), a place named after another town ("Ndola
International Airport"), one that reaches beyond any one town (a river, mountain range
or highway), a place abroad and a site of the home city.
"""

from __future__ import annotations

from collections import Counter

from kg.extract.entity_rules import entity_rules
from kg.records import Entity, EntityType
from kg.resolve.admin import admin_index
from kg.resolve.place_names import base_name
from kg.resolve.places import fold, gazetteer

SOURCE_RULE = "locatedin/story-region"


def story_region(regions: list[Entity], main: Entity | None,
                 direct: dict[str, dict[str, tuple]], elsewhere: set[str],
                 namesakes: dict[str, int] | None = None) -> Entity | None:
    """The region of the home country the document is about, else None. ``regions``: the
    document's regions (no world regions, no quarters of a town); ``direct``: each
    place's containers by key (entity, fact, rule); ``elsewhere``: places a demonym puts
    in a country the document lacks; ``namesakes``: the mentions of towns no gazetteer
    knows, by folded name: "Kasane" beside "Kasane Governorate" is the unit written
    without its kind noun, and counts for it."""
    if main is None or not main.country_code:
        return None
    home = [r for r in regions if r.country_code in (None, main.country_code)
            and r.key not in elsewhere and not _abroad(r, main, direct) and _unit(r)]
    keys = {r.key for r in home}
    counts: Counter[str] = Counter()
    by_key = {r.key: r for r in home}
    for r in home:
        top = _top(r.key, keys, direct)
        counts[top] += sum(1 for m in r.mentions if not m.source.endswith(":headline"))
        words = fold(r.name).split()
        kind = entity_rules().kind_nouns.get(words[-1]) if len(words) > 1 else None
        if namesakes and kind is not None and kind.type is EntityType.REGION:
            counts[top] += namesakes.get(" ".join(words[:-1]), 0)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 1 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return by_key[ranked[0][0]]


# nouns that end the name of a part of a country that is no unit of it but holds towns:
# "the X peninsula", "Y island", "the Z valley"
_AREAS = {"peninsula", "island", "valley"}


def area(place: Entity) -> bool:
    """Whether a place is a named peninsula, island or valley ("the X peninsula", "Y
    island"): a part of the country that holds towns and sites."""
    words = fold(place.name).split()
    return place.type is EntityType.PLACE and len(words) > 1 and words[-1] in _AREAS \
        and place.name[:1].isupper()


def _unit(region: Entity) -> bool:
    """Whether a "region" is a unit of a country: one GeoNames knows, one ISO 3166-2
    knows that the text names twice, or one named as a
    unit ("X District", "Y Region", "Z Province"); not a name the model alone took for a
    region (a village it mislabels; "west"), nor a body's district ("the X Border Guard
    District")."""
    if region.geonames_id is not None or area(region):
        return True
    # a unit known only by its ISO 3166-2 name (most provinces and states outside a few
    # countries have no GeoNames record here: "Luapula", "Kgalagadi") is as much a unit,
    # when the text names it again: one named once, in passing, holds only what the text
    # puts in it (the gold files disagree there; kg/extract/containment.py,
    # _administrative, reads an English-name-only unit the same way)
    if region.country_code and sum(1 for m in region.mentions
                                   if not m.source.endswith(":headline")) >= 2:
        return True
    words = fold(region.name).split()
    if len(words) < 2 or not region.name[:1].isupper():
        return False
    rules = entity_rules()
    kind = rules.kind_nouns.get(words[-1])
    # "the X Border Guard District": a body's district, named with a body's head noun
    return kind is not None and kind.type is EntityType.REGION \
        and not any(w in rules.heads for w in words[:-1])


def own_town(place: Entity, main: Entity) -> bool:
    """Whether GeoNames knows a town of the place's name, or a country: its own units
    say where it lies ("Salto", "Daugavpils"), not the story's region."""
    name = base_name(place.name)[0]
    gaz = gazetteer()
    if gaz.country(place.name) is not None:
        return True
    return any(c.country_code == main.country_code for c in gaz.city_candidates(name)) \
        or bool(main.country_code and admin_index().towns(name, main.country_code))


def _abroad(region: Entity, main: Entity, direct: dict[str, dict[str, tuple]]) -> bool:
    """Whether the text puts the region in another country than the home country."""
    return any(c.type is EntityType.COUNTRY and c.key != main.key
               for c, _, _ in direct.get(region.key, {}).values())


def _top(key: str, keys: set[str], direct: dict[str, dict[str, tuple]]) -> str:
    """The highest region of ``keys`` that holds the region ``key`` (itself if none)."""
    seen = {key}
    todo = [key]
    top = key
    while todo:
        k = todo.pop()
        for c, _, _ in direct.get(k, {}).values():
            if c.key in keys and c.key not in seen:
                seen.add(c.key)
                todo.append(c.key)
                top = c.key
    return top
