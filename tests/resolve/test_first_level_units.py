"""First-level units known by GeoNames' English name, where ISO 3166-2 writes another
(kg.resolve.places.first_level_units): a region news names is a region, and the towns
GeoNames puts in it lie in it."""

from __future__ import annotations

import json

import pytest

from kg.records import EntityType
from kg.resolve.places import FIRST_LEVEL_TOWNS, first_level_index, gazetteer
from kg.resolve.town_data import town_table


def _table(units: dict[tuple[str, str], int]) -> str:
    """An invented town table: ``n`` towns in each (country, unit)."""
    rows = [{"country_code": code, "city": f"{unit} Town {i}", "latitude": 0.0,
             "longitude": 0.0, "population": 1500, "state": unit}
            for (code, unit), n in sorted(units.items()) for i in range(n)]
    return json.dumps(rows, ensure_ascii=True, separators=(",", ":"))


def test_a_unit_holding_many_towns_is_a_region_of_its_country():
    index = first_level_index(_table({("ZM", "Upper Kafue Highlands"): FIRST_LEVEL_TOWNS,
                                      ("BW", "Okavango Delta Region"): 40}))
    [place] = index["upper kafue highlands"]
    assert (place.type, place.country_code) == (EntityType.REGION, "ZM")
    assert place.key != index["okavango delta"][0].key  # found without its kind word too


def test_a_unit_of_one_or_two_towns_is_no_region():
    # a parish or municipality named after its town is that town
    index = first_level_index(_table({("LV", "Dzelzava"): 2, ("EE", "Kurevere"): 1}))
    assert index == {}


def test_a_unit_named_by_a_compass_word_alone_is_no_region():
    index = first_level_index(_table({("BJ", "Northern"): 50, ("BJ", "Eastern"): 30}))
    assert index == {}


def test_escaped_names_are_read_as_written():
    index = first_level_index(_table({("VN", "Qu\u1ea3ng B\u00ecnh Uplands"): 25}))
    assert [p.name for p in index["quang binh uplands"]] == ["Qu\u1ea3ng B\u00ecnh Uplands"]


@pytest.mark.skipif(not town_table(), reason="the GeoNames data package is missing")
@pytest.mark.parametrize("name,code", [("Styria", "AT"), ("Brittany", "FR"),
                                       ("Lower Saxony", "DE"), ("Carinthia", "AT")])
def test_regions_iso_writes_otherwise_are_found_by_their_english_name(name, code):
    gaz = gazetteer()
    assert [p.country_code for p in gaz.regions_named(name)] == [code]
    assert gaz.place_type(name) is EntityType.REGION
    assert gaz.link(name, EntityType.REGION).country_code == code


# --- regions named once each in a list hold only what the text puts in them -------------
def _invented_region(monkeypatch):
    """Invented Zambian units, "Upper Kafue Highlands" and "Lower Luano Plains", known only by
    their GeoNames names, the first holding the invented towns "Mwandi Flats" and "Kasumbi"."""
    import kg.extract.containment as containment
    import kg.resolve.places as places
    from kg.resolve.admin import AdminIndex

    towns = [{"country_code": "ZM", "city": name, "latitude": -13.0, "longitude": 28.0,
              "population": 4000, "state": "Upper Kafue Highlands"}
             for name in ("Mwandi Flats", "Kasumbi")]
    index = first_level_index(_table({("ZM", "Upper Kafue Highlands"): FIRST_LEVEL_TOWNS,
                                      ("ZM", "Lower Luano Plains"): FIRST_LEVEL_TOWNS}))
    monkeypatch.setattr(places, "first_level_units", lambda: index)
    monkeypatch.setattr(containment, "admin_index",
                        lambda: AdminIndex(json.dumps(towns, separators=(",", ":"))))


def _located(region_mentions: int, *, listed: bool = False) -> set[tuple[str, str]]:
    from kg.extract.containment import document_locations
    from kg.records import Entity, Mention

    def mention(text, etype, at):
        return Mention(at, at + len(text), text, etype, 0, (0, 200), "ner:GPE")

    zambia = Entity("Country:zambia", "Zambia", EntityType.COUNTRY,
                    [mention("Zambia", EntityType.COUNTRY, 0)], {"Zambia"}, country_code="ZM")
    region = Entity("Region:upper kafue highlands", "Upper Kafue Highlands", EntityType.REGION,
                    [mention("Upper Kafue Highlands", EntityType.REGION, 20 + 30 * i)
                     for i in range(region_mentions)], {"Upper Kafue Highlands"},
                    country_code="ZM")
    town = Entity("City:kasumbi", "Kasumbi", EntityType.CITY,
                  [mention("Kasumbi", EntityType.CITY, 150)], {"Kasumbi"})
    other = Entity("Region:lower luano plains", "Lower Luano Plains", EntityType.REGION,
                   [mention("Lower Luano Plains", EntityType.REGION, 120)],
                   {"Lower Luano Plains"}, country_code="ZM")
    entities = [zambia, region, town] + ([other] if listed else [])
    facts = document_locations([], entities, text=" " * 200)
    names = {}
    for e in entities:
        for m in e.mentions:
            names[m] = e.name
    return {(names[f.roles["place"][0]], names[f.roles["container"][0]]) for f in facts}


def test_a_region_the_story_names_again_holds_its_towns(monkeypatch):
    _invented_region(monkeypatch)
    assert ("Kasumbi", "Upper Kafue Highlands") in _located(2)


def test_regions_named_once_in_a_list_hold_no_town_the_text_does_not_put_in_them(monkeypatch):
    _invented_region(monkeypatch)
    assert ("Kasumbi", "Upper Kafue Highlands") not in _located(1, listed=True)


def test_the_one_region_the_story_names_once_holds_its_towns(monkeypatch):
    # (changed in r21b-regions: a lone region named once is the story's region)
    _invented_region(monkeypatch)
    assert ("Kasumbi", "Upper Kafue Highlands") in _located(1)
