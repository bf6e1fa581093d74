"""Containers from what the text says, never the home city by default, on invented
stories (kg/extract/containment.py, home_city.py): a site named after another town
("X International Airport", "X District Hospital"), a road between two towns, a
mountain range and a settlement the text calls a town of its own are not put in the
dateline city or the city the document names most."""

from __future__ import annotations

from tests.extract.event_helpers import located_pairs, run


def test_an_international_airport_named_after_another_town_is_not_the_dateline_citys(nlp):
    # "International" stands between the town's name and the site noun
    r = run(nlp, "Hanoi, 4 May 2026. Vietnam closed Da Nang International Airport on "
                 "Monday as the storm approached, Vietnam's aviation authority said. "
                 "Flights from Hanoi were cancelled.")
    pairs = located_pairs(r)
    assert ("Da Nang International Airport", "Hanoi") not in pairs
    assert ("Da Nang International Airport", "Vietnam") in pairs


def test_a_district_hospital_named_after_another_town_is_not_the_dateline_citys(nlp):
    r = run(nlp, "Riga, 4 May 2026. Four injured workers were taken to the Daugavpils "
                 "Regional Hospital on Monday, Latvia's health ministry said. Latvia has "
                 "opened an inquiry.")
    pairs = located_pairs(r)
    assert ("Daugavpils Regional Hospital", "Riga") not in pairs


def test_a_road_between_two_towns_is_not_put_in_the_dateline_city(nlp):
    r = run(nlp, "Tallinn, 4 May 2026. Police closed the Tartu-Voru road on Monday after a "
                 "bridge gave way, Estonia's transport board said. Estonia sent engineers.")
    pairs = located_pairs(r)
    assert not {c for p, c in pairs if p.endswith("road")} & {"Tallinn"}


def test_a_mountain_range_is_not_put_in_the_dateline_city(nlp):
    # the plural of a wide noun ("mountain") reaches beyond any one town too
    r = run(nlp, "Hanoi, 4 May 2026. Landslides blocked roads across the Truong Son "
                 "Mountains on Monday, Vietnam's disaster agency said. Vietnam sent troops "
                 "from Hanoi.")
    pairs = located_pairs(r)
    assert not {p for p, c in pairs if c == "Hanoi"} & {"Truong Son Mountains"}


def test_a_road_named_after_a_town_the_text_names_leads_there(nlp):
    # "the Vecsilmala road": the road to the town, not a street of the home city
    r = run(nlp, "Riga, 4 May 2026. Floods closed the Vecsilmala road on Monday, cutting "
                 "off about 400 residents in Vecsilmala, Latvia's interior ministry said. "
                 "Officials in Riga said the water was falling. Riga sent pumps.")
    pairs = located_pairs(r)
    assert ("Vecsilmala road", "Riga") not in pairs


def test_a_settlement_the_text_calls_a_town_is_no_quarter_of_the_capital(nlp):
    # the capital named in the same sentence does not make the town its neighbourhood
    r = run(nlp, "Riga, 4 May 2026. Floods cut off the fishing village of Vecsilmala on "
                 "Monday. Officials in Riga said they would rebuild the harbour of "
                 "Vecsilmala, Latvia's interior ministry said. Latvia sent pumps.")
    pairs = located_pairs(r)
    assert ("Vecsilmala", "Riga") not in pairs
    assert ("Vecsilmala", "Latvia") in pairs


def test_the_villages_of_a_story_about_one_district_lie_in_it(nlp):
    # "seven villages in X District" and then the villages by name alone
    r = run(nlp, "Gaborone, 4 May 2026. Botswana ordered the evacuation of seven villages "
                 "in Kweneng District on Monday as a wildfire spread, the Kweneng District "
                 "council said. Firefighters were battling the blaze near the village of "
                 "Ramankhung, and residents of Mmakgodumo were taken to schools in Molepolole. "
                 "Botswana sent two helicopters.")
    pairs = located_pairs(r)
    assert ("Ramankhung", "Kweneng District") in pairs
    assert ("Ramankhung", "Botswana") in pairs
    assert ("Ramankhung", "Molepolole") not in pairs  # nor the town named most
    assert ("Gaborone", "Kweneng District") not in pairs  # a town GeoNames places


def test_no_story_region_when_two_regions_are_named_alike(nlp):
    # two districts named once each: neither is the story's
    r = run(nlp, "Gaborone, 4 May 2026. Floods hit Kweneng District and Kgatleng District "
                 "on Monday, Botswana's disaster office said. Residents of Ramankhung were "
                 "moved to schools. Botswana sent two helicopters.")
    pairs = located_pairs(r)
    assert not {c for p, c in pairs if p == "Ramankhung"} & {"Kweneng District",
                                                             "Kgatleng District"}


def test_a_region_the_model_alone_names_is_no_story_region(nlp):
    # "west" (a compass word) is no unit of the country
    r = run(nlp, "Tallinn, 4 May 2026. Lava flowed to the west on Monday, and residents of "
                 "Vecsilmala were moved out, Estonia's rescue board said. Estonia sent "
                 "troops to the west.")
    pairs = located_pairs(r)
    assert not {c for p, c in pairs if p == "Vecsilmala"} - {"Estonia"}


def test_a_street_lies_in_the_dateline_town_geonames_knows_only_as_a_unit(nlp):
    # a dateline names a town, though the gazetteer knows "Haapsalu" only as a
    # municipality: the march's street lies in it
    r = run(nlp, "HAAPSALU, Estonia (Reuters) - Several hundred people marched along Karja "
                 "Street on Sunday to demand the reopening of the town's hospital, and "
                 "Estonia's health minister promised a review.")
    pairs = located_pairs(r)
    assert ("Karja Street", "Haapsalu") in pairs
    assert ("Karja Street", "Estonia") in pairs


def test_the_village_of_a_story_about_a_peninsula_lies_on_it(nlp):
    # a named peninsula (no unit of the country) holds the story's village
    r = run(nlp, "Tallinn, 4 May 2026. A wildfire spread across the Sorve peninsula on "
                 "Monday, and about 200 residents of the village of Ulevere were taken to "
                 "schools, Estonia's rescue board said. The fire was still burning near "
                 "Ulevere on the Sorve peninsula in the evening, and Estonia sent two "
                 "helicopters.")
    pairs = located_pairs(r)
    assert ("Ulevere", "Sorve peninsula") in pairs
    assert ("Ulevere", "Estonia") in pairs
    assert ("Ulevere", "Tallinn") not in pairs


def test_a_bodys_district_is_no_story_region(nlp):
    # "the X Border Guard District" names a body's district (a body's head noun before
    # the unit noun), not a unit of the country holding the story's village
    r = run(nlp, "Tallinn, 4 May 2026. The Valga Border Guard District closed the crossing "
                 "on Monday after a fire, the Valga Border Guard District said. About 200 "
                 "residents of the village of Ulevere were moved to schools, Estonia's rescue "
                 "board said. Estonia sent troops.")
    pairs = located_pairs(r)
    assert ("Ulevere", "Valga Border Guard District") not in pairs
    assert ("Ulevere", "Estonia") in pairs


def test_a_place_named_one_of_a_group_of_islands_lies_in_the_group(nlp):
    # "X, one of the Y Islands": the group holds X, though the model makes the group a
    # Place and X a region
    r = run(nlp, "Koror, 4 May 2026. A ferry sank near Angaur, one of the Palau Islands, on "
                 "Monday, police said. Palau sent boats.")
    assert ("Angaur", "Palau Islands") in located_pairs(r)


def test_a_place_named_one_of_the_units_of_a_region_lies_in_it(nlp):
    # "X, one of the four districts of Y": the unit noun, then "of" and the container
    r = run(nlp, "Gaborone, 4 May 2026. Floods hit Tonota, one of the four districts of "
                 "Central District, on Monday. Botswana sent soldiers.")
    assert ("Tonota", "Central District") in located_pairs(r)


def test_one_of_a_kind_that_is_no_group_of_places_gives_no_container(nlp):
    # "one of the Y's ministers": a person's group, not a place's
    r = run(nlp, "Koror, 4 May 2026. Angaur, one of the poorest places in Palau, lost power "
                 "on Monday, police said. Palau sent boats.")
    assert not {c for p, c in located_pairs(r) if p == "Angaur"} - {"Palau"}


def test_a_town_in_the_central_part_of_an_island_lies_on_the_island(nlp):
    # "the town of X, in eastern Y": the compass word makes Y wider than X, though the
    # model gave both the type of a town
    r = run(nlp, "Koror, 4 May 2026. Two men drowned in the town of Melekeok, in eastern "
                 "Babeldaob, on Monday, police said. Palau sent boats.")
    assert ("Melekeok", "Babeldaob") in located_pairs(r)


def test_the_citys_district_lies_in_the_city_named_before_not_the_dateline_city(nlp):
    # "the city's X district" after "the eastern city of Y": X lies in Y, not in the
    # dateline's capital
    r = run(nlp, "RIGA (Reuters) - Police detained nine staff members of a local charity in "
                 "the eastern city of Daugavpils on Monday. The nine were taken from the "
                 "offices of Gaisma Aid in the city's Jaunbuve district by police officers, the "
                 "group said. Latvia's ombudsman protested.")
    pairs = located_pairs(r)
    assert ("Jaunbuve district", "Daugavpils") in pairs
    assert ("Jaunbuve district", "Riga") not in pairs


def test_a_dam_named_after_a_town_the_text_names_is_not_the_dateline_citys(nlp):
    # "the X Dam" stands by the town X, not in the capital the release is dated from
    r = run(nlp, "Lusaka, 14 March 2026. Floods hit Siavonga in Southern Province on Monday. "
                 "The Siavonga Dam has not been affected by the floods, the government said. "
                 "Zambia sent boats.")
    pairs = located_pairs(r)
    assert ("Siavonga Dam", "Lusaka") not in pairs
    assert ("Siavonga Dam", "Zambia") in pairs


def test_a_hospital_is_not_put_in_a_town_the_text_names_only_once(nlp):
    # no dateline; the one town named once is no town the story is set in
    r = run(nlp, "Two workers were killed in a blast at a chemical plant in Botswana on "
                 "Monday, police said. Eleven of the injured were taken to Nyangabgwe Referral "
                 "Hospital. Police in Selebi-Phikwe said the air was safe.")
    pairs = located_pairs(r)
    assert ("Nyangabgwe Referral Hospital", "Selebi-Phikwe") not in pairs
    assert ("Nyangabgwe Referral Hospital", "Botswana") in pairs


def test_the_capital_is_known_by_the_name_the_text_writes_when_resolved_to_another_spelling():
    # the capital resolved to another spelling than the gazetteer's list of capitals
    # ("Ha Noi" for "Hanoi") is still the capital: a building nothing places stands there
    # even when the text names the capital once
    from kg.extract.containment import document_locations
    from kg.records import Entity, EntityType, Mention

    text = ("Police detained 38 people outside Government House. Protests in Hanoi went "
            "on. Vietnam sent police.")

    def mention(name: str, kind: EntityType) -> Mention:
        start = text.index(name)
        return Mention(start, start + len(name), name, kind, 0, (0, len(text)), "ner:GPE")

    country = Entity("vn", "Vietnam", EntityType.COUNTRY,
                     [mention("Vietnam", EntityType.COUNTRY)], country_code="VN")
    city = Entity("hn", "Ha Noi", EntityType.CITY, [mention("Hanoi", EntityType.CITY)],
                  country_code="VN", geonames_id=1581130)
    site = Entity("gh", "Government House", EntityType.PLACE,
                  [mention("Government House", EntityType.PLACE)])
    facts = document_locations([], [country, city, site], text=text)
    by_key = {"vn": "Vietnam", "hn": "Ha Noi", "gh": "Government House"}
    entity_of = {m: e.key for e in (country, city, site) for m in e.mentions}
    pairs = {(by_key[entity_of[f.roles["place"][0]]], by_key[entity_of[f.roles["container"][0]]])
             for f in facts}
    assert ("Government House", "Ha Noi") in pairs
