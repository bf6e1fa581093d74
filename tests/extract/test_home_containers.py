"""Containers of the home country's places from what the text says, on invented stories
(kg/extract/containment.py, home_city.py, locations.py): open waters, continents and
towns abroad are never put in the home country or its capital; a site named after the
country is not the home city's; two ends of a way are not one in the other; "near Y"
is not "in Y"; "X, high in Y" is in Y; "on the X" names a place."""

from __future__ import annotations

from tests.extract.event_helpers import located_pairs, run


def test_open_waters_lie_in_no_country(nlp):
    # a sea ("the Baltic Sea") or a gulf ("the Gulf of Riga") washes several shores
    r = run(nlp, "Ventspils, 4 May 2026. A Latvian tanker crossed the Baltic Sea on Monday "
                 "and anchored in the Gulf of Riga, the Latvian coast guard said. Latvia has "
                 "asked Estonia for help. Latvia said the crew was safe.")
    pairs = located_pairs(r)
    assert not {p for p, _ in pairs} & {"Baltic Sea", "Gulf of Riga"}


def test_a_continent_lies_in_no_country_the_text_writes_after_it(nlp):
    # "in Africa, Botswana": the continent is not in the country that follows it
    r = run(nlp, "Gaborone, 4 May 2026. The most stable democracy in Africa, Botswana, "
                 "holds elections on Friday in Gaborone and Francistown, Botswana's "
                 "electoral commission said.")
    pairs = located_pairs(r)
    assert ("Africa", "Botswana") not in pairs
    assert ("Francistown", "Botswana") in pairs


def test_a_port_named_after_a_town_abroad_lies_in_that_towns_country(nlp):
    # "the port of Gdansk": a town GeoNames knows only in Poland, which the text names
    r = run(nlp, "Riga, 4 May 2026. Latvia and Poland agreed that grain would be shipped "
                 "from the port of Gdansk to Riga, Latvia's Foreign Ministry said. Poland "
                 "confirmed the deal. Latvia welcomed it.")
    pairs = located_pairs(r)
    assert ("port of Gdansk", "Poland") in pairs
    assert ("port of Gdansk", "Latvia") not in pairs
    assert ("port of Gdansk", "Riga") not in pairs


def test_the_two_ends_of_a_flight_are_not_one_in_the_other(nlp):
    # "from A to the hospital in B": A is not a neighbourhood of B
    r = run(nlp, "Tallinn, 4 May 2026. A fire destroyed four houses in Vormsiku on Monday. "
                 "Helicopters flew 12 injured people from Vormsiku to the East Tallinn "
                 "Central Hospital in Tallinn, Estonia's rescue board said. Estonia "
                 "declared a day of mourning.")
    pairs = located_pairs(r)
    assert ("Vormsiku", "Tallinn") not in pairs
    assert ("Vormsiku", "Estonia") in pairs


def test_a_site_named_after_the_country_is_not_put_in_the_dateline_city(nlp):
    # the release is dated from the capital; the hospital's name gives its country only
    r = run(nlp, "GOVERNMENT OF JAMAICA\n"
                 "MINISTRY OF NATIONAL SECURITY\n\n"
                 "PRESS RELEASE\n\n"
                 "Kingston, 3 May 2026\n\n"
                 "Two constables were injured in Spanish Town on Friday night and were "
                 "taken to the Jamaica Defence Force Hospital, the Ministry said.")
    pairs = located_pairs(r)
    assert ("Jamaica Defence Force Hospital", "Jamaica") in pairs
    assert ("Jamaica Defence Force Hospital", "Kingston") not in pairs
    assert ("Jamaica Defence Force Hospital", "Spanish Town") not in pairs


def test_near_a_village_in_a_province_is_in_the_province_not_the_village(nlp):
    r = run(nlp, "Lusaka, 4 May 2026. Police dispersed a crowd on the Great North Road near "
                 "the village of Kapiri in the Central Province on Monday, Zambia police "
                 "said. Zambia has opened an inquiry.")
    pairs = located_pairs(r)
    assert ("Great North Road", "Kapiri") not in pairs
    assert ("Great North Road", "Central Province") in pairs
    assert ("Kapiri", "Central Province") in pairs


def test_high_in_a_province_is_in_it(nlp):
    r = run(nlp, "Hanoi, 4 May 2026. Part of the dam holding back Ban Mo lake, high in Lai "
                 "Chau Province, gave way on Tuesday, Vietnam disaster officials said. "
                 "Vietnam sent troops.")
    assert ("Ban Mo lake", "Lai Chau Province") in located_pairs(r)


def test_a_name_told_with_on_is_a_place_of_the_home_country(nlp):
    # "the dams on the X": a river or road the model found, named as a place, is in the
    # country the story is about (the model's name alone, never used so, would be no place)
    r = run(nlp, "Riga, 4 May 2026. The two dams on the Daugavzeme gave way late on "
                 "Wednesday, Latvia's rescue service said. Latvia sent soldiers.")
    assert ("Daugavzeme", "Latvia") in located_pairs(r)


def test_a_town_of_the_home_country_is_not_its_namesake_abroad(nlp):
    # GeoNames' larger "Falmouth" is English; Jamaica's towns hold one too, and the story
    # is about Jamaica
    r = run(nlp, "Kingston, 4 May 2026. Police arrested six men in Falmouth on Monday after "
                 "a shooting, Jamaica police said. Jamaica has sent more officers to the "
                 "town. Jamaica's opposition criticised the arrests.")
    assert ("Falmouth", "Jamaica") in located_pairs(r)
