"""Places named with their unit word: "the parishes of A, B and C" (abbreviated saints'
names among them), "the county of X" kept apart from the town X the text also names."""

from __future__ import annotations

from kg.records import EntityType as T
from tests.extract.event_helpers import entity_named, located_pairs, run


def test_each_parish_of_a_list_with_saints_names_is_a_region(nlp):
    # pattern: "the parishes of St. A, St. B and St. C": "St." opens each name of the list
    r = run(nlp, "Jamaica's prime minister declared a state of emergency in the parishes of "
                 "St. Mary, St. Ann and St. Thomas on Friday.")
    for name in ("St. Mary", "St. Ann", "St. Thomas"):
        assert entity_named(r, name).type is T.REGION
        assert (name, "Jamaica") in located_pairs(r)


def test_a_county_named_after_its_chief_town_is_kept_apart_from_the_town(nlp):
    # pattern: "the county/canton/province of X" and X named bare beside a town: two places
    r = run(nlp, "Estonia's interior minister closed all schools in the county of Valga on "
                 "Monday. Soldiers were sent to Tartu and Valga to help evacuate residents.")
    unit = entity_named(r, "county of Valga")
    assert unit.type is T.REGION and unit.name == "county of Valga"
    town = entity_named(r, "Valga")
    assert town.type is T.CITY and town.name == "Valga"


def test_a_province_named_bare_again_stays_one_region(nlp):
    # guard: "the province of X" then "in X" with no town X: one region named X
    r = run(nlp, "Zambia declared a state of emergency in the northern province of Luapula "
                 "on Monday. Floods in Luapula have displaced 4,000 people, officials said.")
    places = [e for e in r.entities if e.type.is_place and "Luapula" in e.name]
    assert [(e.name, e.type) for e in places] == [("Luapula", T.REGION)]


def test_a_town_name_with_a_lower_case_connector_is_one_town(nlp):
    # pattern: "A y B", "Port of X", "A de B": the model cuts the name at the connector
    r = run(nlp, "Police said four people were shot dead in the northern suburbs of the "
                 "city, Treinta y Tres, on Sunday.")
    assert entity_named(r, "Treinta y Tres").type is T.CITY
    names = {e.name for e in r.entities}
    assert "Treinta" not in names and "Tres" not in names
