"""Facility and infrastructure places news names with a common noun after the name
(r8-places): "the X bus terminal", "the X metro station", "the X border post", "the B8
highway"; administrative units written with their unit noun. Every sentence is invented
(places of Zambia, Latvia, Benin, Togo, Botswana... and invented villages and stations)."""

from __future__ import annotations

from kg.records import EntityType as T
from tests.extract.event_helpers import entity_named, located_pairs, run


def _names(result) -> set[str]:
    return {e.name for e in result.entities} | {a for e in result.entities for a in e.aliases}


# --- transport and border sites ------------------------------------------------------------
def test_a_bus_terminal_is_a_place_not_a_person_named_before_it(nlp):
    r = run(nlp, "Two grenades exploded at the Kalembo bus terminal in Lusaka on Monday, "
                 "Zambia's police said.")
    assert entity_named(r, "Kalembo bus terminal").type is T.PLACE
    assert "Kalembo" not in {e.name for e in r.entities}
    assert ("Kalembo bus terminal", "Lusaka") in located_pairs(r)


def test_a_metro_station_is_a_place_in_its_city(nlp):
    r = run(nlp, "The interior ministry closed the Mandela metro station in Riga, Latvia, "
                 "on Friday.")
    assert entity_named(r, "Mandela metro station").type is T.PLACE
    assert ("Mandela metro station", "Riga") in located_pairs(r)


def test_a_border_post_is_a_place(nlp):
    r = run(nlp, "Troops were deployed at the Nakonde border post in Zambia on Sunday.")
    assert entity_named(r, "Nakonde border post").type is T.PLACE
    assert ("Nakonde border post", "Zambia") in located_pairs(r)


def test_a_numbered_highway_or_road_is_a_place(nlp):
    r = run(nlp, "Floods cut the T2 highway in Zambia. Police closed the M10 road near "
                 "Lusaka. Four people counted 12 checkpoints.")
    assert entity_named(r, "T2 highway").type is T.PLACE
    assert entity_named(r, "M10 road").type is T.PLACE
    assert ("T2 highway", "Zambia") in located_pairs(r)
    assert not any(n.startswith("12") for n in _names(r))


def test_a_capitalised_bus_terminal_ends_the_name(nlp):
    r = run(nlp, "A grenade exploded at the Chilenje Bus Terminal in Lusaka on Monday, "
                 "Zambia's police said.")
    assert entity_named(r, "Chilenje Bus Terminal").type is T.PLACE


# --- administrative units ------------------------------------------------------------------
def test_a_town_and_the_district_named_after_it_are_two_places(nlp):
    r = run(nlp, "Hundreds of people marched through central Gaborone on Wednesday. Police "
                 "later banned all gatherings in the Gaborone district for 14 days. The "
                 "SADC team arrived in Gaborone on Thursday.")
    assert entity_named(r, "Gaborone").type is T.CITY
    assert entity_named(r, "Gaborone district").type is T.REGION


def test_a_region_written_bare_and_with_its_noun_stays_one(nlp):
    # "the neighbouring districts of A and B" (the model reads "neighbouring" as a verb):
    # B is a district, so "B district" is the same region
    r = run(nlp, "Floods hit the neighbouring districts of Kweneng and Mukono on Monday. "
                 "Schools in Mukono district were closed.")
    assert entity_named(r, "Mukono").type is T.REGION
    assert entity_named(r, "Mukono district") is entity_named(r, "Mukono")
    assert entity_named(r, "Kweneng").type is T.REGION


def test_a_capitalised_unit_noun_stays_in_the_regions_name(nlp):
    r = run(nlp, "President Kamau declared a state of emergency in the northeastern Chobe "
                 "Region, where floodwaters from the swollen Chobe and Okavango rivers "
                 "displaced 4,000 people.")
    region = entity_named(r, "Chobe Region")
    assert region.type is T.REGION and region.name == "Chobe Region"
    assert entity_named(r, "Okavango").type is T.PLACE


def test_a_capitalised_plural_unit_noun_after_a_list_types_each_name(nlp):
    # the model reads "Kanye Districts" as a person: each listed name is a district
    r = run(nlp, "Floods hit Mochudi, Molepolole and Kanye Districts of the Southern Province "
                 "of Botswana on Monday.")
    for name in ("Mochudi", "Molepolole", "Kanye"):
        assert entity_named(r, name).type is T.REGION
    assert "Kanye Districts" not in _names(r)
