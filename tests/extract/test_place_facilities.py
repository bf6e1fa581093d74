"""Facility and infrastructure places news names with a common noun after the name
(r8-places): "the X bus terminal", "the X metro station", "the X border post", "the B8
highway". Every sentence is invented (places of Zambia, Latvia, Benin, Togo, Botswana...
and invented villages and stations)."""

from __future__ import annotations

from kg.records import EntityType as T
from tests.extract.event_helpers import facts_of, run


def _entity(result, name):
    found = [e for e in result.entities if name == e.name or name in e.aliases]
    assert found, f"no entity {name!r} among {[(e.name, e.type) for e in result.entities]}"
    assert len(found) == 1, f"{name!r} is split: {[(e.name, e.type) for e in found]}"
    return found[0]


def _names(result) -> set[str]:
    return {e.name for e in result.entities} | {a for e in result.entities for a in e.aliases}


def _pairs(result) -> set[tuple[str, str]]:
    labels = {m: {e.name, *e.aliases} for e in result.entities for m in e.mentions}
    out = set()
    for f in facts_of(result, "LocatedIn"):
        place, container = f.roles["place"][0], f.roles["container"][0]
        for p in labels.get(place, {place.text}):
            for c in labels.get(container, {container.text}):
                out.add((p, c))
    return out


# --- transport and border sites ------------------------------------------------------------
def test_a_bus_terminal_is_a_place_not_a_person_named_before_it(nlp):
    r = run(nlp, "Two grenades exploded at the Kalembo bus terminal in Lusaka on Monday, "
                 "Zambia's police said.")
    assert _entity(r, "Kalembo bus terminal").type is T.PLACE
    assert "Kalembo" not in {e.name for e in r.entities}
    assert ("Kalembo bus terminal", "Lusaka") in _pairs(r)


def test_a_metro_station_is_a_place_in_its_city(nlp):
    r = run(nlp, "The interior ministry closed the Mandela metro station in Riga, Latvia, "
                 "on Friday.")
    assert _entity(r, "Mandela metro station").type is T.PLACE
    assert ("Mandela metro station", "Riga") in _pairs(r)


def test_a_border_post_is_a_place(nlp):
    r = run(nlp, "Troops were deployed at the Nakonde border post in Zambia on Sunday.")
    assert _entity(r, "Nakonde border post").type is T.PLACE
    assert ("Nakonde border post", "Zambia") in _pairs(r)


def test_a_numbered_highway_or_road_is_a_place(nlp):
    r = run(nlp, "Floods cut the T2 highway in Zambia. Police closed the M10 road near "
                 "Lusaka. Four people counted 12 checkpoints.")
    assert _entity(r, "T2 highway").type is T.PLACE
    assert _entity(r, "M10 road").type is T.PLACE
    assert ("T2 highway", "Zambia") in _pairs(r)
    assert not any(n.startswith("12") for n in _names(r))
