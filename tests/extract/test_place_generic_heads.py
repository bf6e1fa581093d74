"""Places named with a generic head noun, and elliptical coordinations of sites (r10-places):
"the X crossing point", "the A and B border crossing points", "the X power plant", "the X
military barracks", "the A and B settlements", "the port and airport of X". Every sentence
is invented (places of Latvia, Estonia, Zambia and Botswana, invented villages and sites)."""

from __future__ import annotations

from kg.records import EntityType as T
from tests.extract.event_helpers import entity_named, located_pairs, run


def _names(result) -> set[str]:
    return {e.name for e in result.entities} | {a for e in result.entities for a in e.aliases}


def test_a_crossing_point_keeps_its_head_noun(nlp):
    r = run(nlp, "The Zilupe crossing point in Ludza will stay open, the ministry said.")
    assert entity_named(r, "Zilupe crossing point").type is T.PLACE
    assert "Zilupe crossing" not in _names(r)
    assert ("Zilupe crossing point", "Ludza") in located_pairs(r)


def test_each_name_before_plural_border_crossing_points_is_a_place(nlp):
    r = run(nlp, "Latvia closed the Rezekne and Kaplava border crossing points on Monday, "
                 "the Interior Ministry said.")
    assert entity_named(r, "Rezekne").type is T.PLACE
    assert entity_named(r, "Kaplava").type is T.PLACE


def test_a_power_plant_is_a_place_not_an_organization(nlp):
    r = run(nlp, "Lava flowed towards the Kalnciems power plant near Jelgava, Latvian "
                 "officials said.")
    assert entity_named(r, "Kalnciems power plant").type is T.PLACE
    assert "Kalnciems" not in _names(r)


def test_a_named_barracks_is_a_place_in_its_town(nlp):
    r = run(nlp, "Gunmen attacked the Tiskadi military barracks in Riga. The troops "
                 "returned to their barracks.")
    assert entity_named(r, "Tiskadi military barracks").type is T.PLACE
    assert "Tiskadi" not in _names(r)
    assert ("Tiskadi military barracks", "Riga") in located_pairs(r)


def test_each_name_before_plural_settlements_is_a_place(nlp):
    r = run(nlp, "Floods hit the Kasoma and Nyimba Flats settlements in Mongu, Zambian "
                 "police said.")
    assert entity_named(r, "Kasoma").type is T.PLACE
    assert entity_named(r, "Nyimba Flats").type is T.PLACE


def test_the_port_and_airport_of_a_town_are_two_sites_of_it(nlp):
    r = run(nlp, "Troops secured the port and airport of Liepaja on Tuesday, Latvian "
                 "police said.")
    assert entity_named(r, "port of Liepaja").type is T.PLACE
    assert entity_named(r, "airport of Liepaja").type is T.PLACE
    assert ("port of Liepaja", "Liepaja") in located_pairs(r)
    assert ("airport of Liepaja", "Liepaja") in located_pairs(r)


def test_a_port_and_a_named_town_are_no_elliptical_pair(nlp):
    r = run(nlp, "Troops secured the port and the town of Liepaja on Tuesday, Latvian "
                 "police said.")
    assert "port of Liepaja" not in _names(r)


# --- coordinated place names ---------------------------------------------------------------
def test_parts_of_two_places_are_two_places_not_one_organization(nlp):
    r = run(nlp, "King tides flooded parts of Funafala and Nukuvai in February.")
    assert not any(" and " in e.name for e in r.entities)
    assert entity_named(r, "Funafala").type.is_place
    assert entity_named(r, "Nukuvai").type.is_place


def test_a_capitalised_plural_unit_noun_of_two_names_types_both(nlp):
    r = run(nlp, "The Cabinet decided to declare a state of emergency in the Quarters of "
                 "Salaspils and Ogre with effect from noon today.")
    assert entity_named(r, "Salaspils").type.is_place
    assert entity_named(r, "Ogre").type.is_place


def test_a_village_is_not_relabelled_with_a_foreign_namesakes_other_name(nlp):
    # the gazetteer knows Kingston, Canada, once called "Cataraqui"
    r = run(nlp, "Jamaican police reported shootings in Cataraqui, Kasoma and Nyimba in "
                 "Jamaica on Sunday.")
    assert entity_named(r, "Cataraqui").name == "Cataraqui"
    assert "Kingston" not in _names(r)


def test_a_site_named_bare_and_with_its_facility_noun_is_one_place(nlp):
    r = run(nlp, "Latvia closed the Zarinciems and Kaplava border crossing points on "
                 "Monday. Border guards detained four people near the Zarinciems crossing "
                 "point on Tuesday.")
    site = entity_named(r, "Zarinciems crossing point")
    assert "Zarinciems" in site.aliases
    assert sum(1 for e in r.entities if e.name.startswith("Zarinciems")) == 1


def test_a_town_and_its_port_stay_two_places(nlp):
    r = run(nlp, "Jets struck Liepaja port on Monday. Residents of Liepaja fled north.")
    assert entity_named(r, "Liepaja port").type is T.PLACE
    assert entity_named(r, "Liepaja").type is T.CITY


# --- numbered roads ------------------------------------------------------------------------
def test_a_capitalised_road_noun_and_its_number_name_one_road(nlp):
    r = run(nlp, "Police closed Highway 1 near Riga in Latvia on Monday. Road 12, the main "
                 "road into Jelgava, was also closed.")
    assert entity_named(r, "Highway 1").type is T.PLACE
    assert entity_named(r, "Road 12").type is T.PLACE


def test_a_road_noun_before_a_count_is_no_road_name(nlp):
    r = run(nlp, "The road 12 villages share was cut, Latvian police said on Monday.")
    assert not any(e.name.lower().startswith("road") for e in r.entities)
