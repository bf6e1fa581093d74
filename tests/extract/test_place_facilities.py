"""Facility and infrastructure places news names with a common noun after the name
(r8-places): "the X bus terminal", "the X metro station", "the X border post", "the B8
highway"; administrative units written with their unit noun. Every sentence is invented
(places of Zambia, Latvia, Benin, Togo, Botswana... and invented villages and stations)."""

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


def test_a_capitalised_bus_terminal_ends_the_name(nlp):
    r = run(nlp, "A grenade exploded at the Chilenje Bus Terminal in Lusaka on Monday, "
                 "Zambia's police said.")
    assert _entity(r, "Chilenje Bus Terminal").type is T.PLACE


# --- administrative units ------------------------------------------------------------------
def test_a_town_and_the_district_named_after_it_are_two_places(nlp):
    r = run(nlp, "Hundreds of people marched through central Gaborone on Wednesday. Police "
                 "later banned all gatherings in the Gaborone district for 14 days. The "
                 "SADC team arrived in Gaborone on Thursday.")
    assert _entity(r, "Gaborone").type is T.CITY
    assert _entity(r, "Gaborone district").type is T.REGION


def test_a_region_written_bare_and_with_its_noun_stays_one(nlp):
    # "the neighbouring districts of A and B" (the model reads "neighbouring" as a verb):
    # B is a district, so "B district" is the same region
    r = run(nlp, "Floods hit the neighbouring districts of Kweneng and Mukono on Monday. "
                 "Schools in Mukono district were closed.")
    assert _entity(r, "Mukono").type is T.REGION
    assert _entity(r, "Mukono district") is _entity(r, "Mukono")
    assert _entity(r, "Kweneng").type is T.REGION


def test_a_capitalised_unit_noun_stays_in_the_regions_name(nlp):
    r = run(nlp, "President Kamau declared a state of emergency in the northeastern Chobe "
                 "Region, where floodwaters from the swollen Chobe and Okavango rivers "
                 "displaced 4,000 people.")
    region = _entity(r, "Chobe Region")
    assert region.type is T.REGION and region.name == "Chobe Region"
    assert _entity(r, "Okavango").type is T.PLACE


def test_a_capitalised_plural_unit_noun_after_a_list_types_each_name(nlp):
    # the model reads "Kanye Districts" as a person: each listed name is a district
    r = run(nlp, "Floods hit Mochudi, Molepolole and Kanye Districts of the Southern Province "
                 "of Botswana on Monday.")
    for name in ("Mochudi", "Molepolole", "Kanye"):
        assert _entity(r, name).type is T.REGION
    assert "Kanye Districts" not in _names(r)
