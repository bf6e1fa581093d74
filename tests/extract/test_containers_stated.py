"""Containers a text states or implies, on invented stories (kg/extract/locations.py,
containment.py; kg/resolve/places.py, names.py, entities.py):

* "X, in Y" / "X, on Y": Y holds X whatever types the model gave the two (a state on an
  island it took for a town);
* a story that names its own country mostly through its bodies ("the Latvian Coast
  Guard", "Latvian authorities") and a foreign one as often by name is about its own;
* "St"/"St." is "Saint" in the gazetteer's names ("St Catherine" is Jamaica's parish
  "Saint Catherine"), and a saint's name in the possessive keeps its "'s";
* a story that names no country: its towns' country decides which namesake a region is.
"""

from __future__ import annotations

from kg.resolve.names import display_name
from kg.resolve.places import saint_forms
from tests.extract.event_helpers import entity_named, located_pairs, run


def test_a_place_set_in_an_island_by_apposition_lies_on_it_in_every_clause_shape(nlp):
    # the states of Palau are regions, the island the model takes for a town: the text
    # still says the island holds them (main clause, participle, passive)
    r = run(nlp, "Ferries carried 200 people to Ngarchelong, in Babeldaob, on Tuesday, "
                 "Palau's disaster office said. Residents stranded in Melekeok, in Babeldaob, "
                 "were evacuated by boat. Palau thanked its neighbours.")
    pairs = located_pairs(r)
    assert ("Ngarchelong", "Babeldaob") in pairs
    assert ("Melekeok", "Babeldaob") in pairs
    assert ("Babeldaob", "Ngarchelong") not in pairs


def test_a_town_set_in_a_region_by_apposition_lies_in_it(nlp):
    r = run(nlp, "Hanoi, 4 May 2026. Some 300 people will be moved from the camp to Cam Ranh, "
                 "in Khanh Hoa, by ferry tonight, officials said. Vietnam sent ships.")
    pairs = located_pairs(r)
    assert ("Cam Ranh", "Khanh Hoa") in pairs
    assert ("Cam Ranh", "Vietnam") in pairs


def test_a_story_told_through_its_national_bodies_is_about_their_country(nlp):
    # Latvia three times by name, Estonia twice: no country twice as often as the other;
    # the Latvian Coast Guard, authorities and Armed Forces make the story Latvia's
    r = run(nlp, "The Latvian Coast Guard boarded a cargo ship near Vecsilmala on Sunday, "
                 "Latvian authorities said. Latvia asked Estonia for the ship's logs. The "
                 "Latvian Armed Forces sent a patrol boat to Vecsilmala, and Latvia closed the "
                 "harbour. Estonia said the ship had left Tallinn on Friday. Latvia thanked "
                 "the crew.")
    pairs = located_pairs(r)
    assert ("Vecsilmala", "Latvia") in pairs
    assert ("Vecsilmala", "Estonia") not in pairs


def test_a_parish_written_with_st_is_the_saint_parish_of_the_gazetteer(nlp):
    r = run(nlp, "Kingston, 4 May 2026. Floods cut roads in St Catherine and St. Elizabeth on "
                 "Monday, Jamaica's disaster office said. Jamaica sent trucks.")
    pairs = located_pairs(r)
    assert ("St Catherine", "Jamaica") in pairs
    assert ("St. Elizabeth", "Jamaica") in pairs
    assert entity_named(r, "St Catherine").country_code == "JM"


def test_saint_forms_spell_the_other_way():
    assert "saint john's" in saint_forms("st. john's")
    assert "st kitts" in saint_forms("saint kitts")
    assert "sainte rose" in saint_forms("ste rose")
    assert saint_forms("stanley") == []


def test_a_saints_possessive_is_part_of_the_name_a_countrys_is_not():
    assert display_name("St. George's") == "St. George's"
    assert display_name("Saint Mary's") == "Saint Mary's"
    assert display_name("Jamaica's") == "Jamaica"
    assert display_name("St Ann's Bay") == "St Ann's Bay"


def test_a_region_of_a_story_naming_no_country_is_the_one_in_its_towns_country(nlp):
    # no country named; Portmore and Spanish Town are Jamaica's, so "Saint Andrew" is
    # Jamaica's parish, not one of its namesakes in four other states
    r = run(nlp, "Floods cut roads between Portmore and Spanish Town on Monday, police in "
                 "Spanish Town said. Residents of Portmore were moved to schools in Spanish "
                 "Town, and officials in Saint Andrew asked for boats.")
    assert entity_named(r, "Saint Andrew").country_code == "JM"


def test_towns_lie_in_the_parish_the_gazetteer_names_with_its_kind_word(nlp):
    # GeoNames writes "Saint Catherine Parish", the text "Saint Catherine"
    r = run(nlp, "Floods cut roads between Portmore and Spanish Town on Monday, Jamaica's "
                 "disaster office said. Officials in Saint Catherine asked Jamaica for boats.")
    pairs = located_pairs(r)
    assert ("Portmore", "Saint Catherine") in pairs
    assert ("Spanish Town", "Saint Catherine") in pairs


def test_an_unlinked_town_of_a_story_naming_no_country_is_looked_up_in_its_towns_country(nlp):
    # no country named: Old Harbour (a site by its name's kind word, linked to no
    # country) is found in the admin data of Jamaica, where Portmore and Spanish Town lie
    r = run(nlp, "Floods cut roads between Portmore and Spanish Town on Monday, police in "
                 "Spanish Town said. Residents of Linstead and Old Harbour were moved to "
                 "schools in Spanish Town, and officials in Saint Catherine asked for boats.")
    pairs = located_pairs(r)
    assert ("Old Harbour", "Saint Catherine") in pairs


def test_a_named_site_in_a_town_the_model_misses_lies_in_that_town(nlp):
    # "the X Hospital in Y": the town after the site is a place (not a title's "in")
    # passive, main clause and relative clause; a hyphenated town is one name
    r = run(nlp, "Five injured people were taken to the Central Hospital in Kuressaare-Nasva "
                 "on Sunday, Estonia's rescue board said. Estonia sent a helicopter.")
    pairs = located_pairs(r)
    assert ("Central Hospital", "Kuressaare-Nasva") in pairs
    assert ("Kuressaare-Nasva", "Estonia") in pairs
    r = run(nlp, "Doctors at the Mwandi Mission Hospital in Sesheke-Mulobezi treated eleven "
                 "people on Monday, Zambia's health ministry said. Zambia sent medicines.")
    assert ("Mwandi Mission Hospital", "Sesheke-Mulobezi") in located_pairs(r)
    r = run(nlp, "The crew was flown to the Letlhakane Prison in Mmadinare, which guards "
                 "reopened on Friday, Botswana's prisons service said. Botswana sent guards.")
    assert ("Letlhakane Prison", "Mmadinare") in located_pairs(r)


def test_a_hyphenated_town_after_in_is_one_place(nlp):
    r = run(nlp, "Floods cut roads in Kuressaare-Nasva on Sunday, Estonia's rescue board "
                 "said. Estonia sent pumps.")
    pairs = located_pairs(r)
    assert ("Kuressaare-Nasva", "Estonia") in pairs


def test_an_accented_village_is_not_a_plainly_spelt_namesake_abroad(nlp):
    # "Rõuge" folds to the "Rouge" of Canada, which GeoNames never spells with accents
    r = run(nlp, "Floods cut the road to Rõuge on Sunday, Estonia's rescue board said. "
                 "Residents of Rõuge were moved to a school. Estonia sent pumps.")
    pairs = located_pairs(r)
    assert ("Rõuge", "Estonia") in pairs
    assert entity_named(r, "Rõuge").country_code != "CA"


def test_a_sea_region_named_alone_is_in_no_country(nlp):
    # "the Baltic", "the Baltics": waters and states around them, not the story's country
    r = run(nlp, "Latvia's navy sent two ships to patrol the central Baltic on Sunday, "
                 "Latvia's defence ministry said. Latvia asked its allies for help.")
    assert not {c for p, c in located_pairs(r) if p == "Baltic"}


def test_showgrounds_and_fairgrounds_named_after_a_town_stand_in_it(nlp):
    # a lowercase site head after a town's name: passive, main clause, "at" phrase
    r = run(nlp, "Some 400 evacuees were taken to the Mongu showgrounds on Sunday, Zambia's "
                 "disaster office said. Police guarded the Mongu showgrounds overnight. "
                 "Zambia sent tents to Mongu.")
    assert ("Mongu showgrounds", "Mongu") in located_pairs(r)
    r = run(nlp, "Volunteers set up beds at the Tartu fairgrounds on Monday as the river rose "
                 "in Tartu, Estonia's rescue board said. Estonia sent pumps.")
    assert ("Tartu fairgrounds", "Tartu") in located_pairs(r)


def test_a_unit_a_force_is_sent_to_is_cut_from_the_forces_name(nlp):
    # the model reads "the X Defence Forces to Y Province" as one body
    r = run(nlp, "The Zambian government has also sent 150 soldiers of the Zambian Defence "
                 "Forces to Chingola-Solwezi Province to reinforce the police along the border, "
                 "spokesman Mwila Banda told reporters. Zambia closed the border.")
    names = {e.name for e in r.entities}
    assert not {n for n in names if " to " in n}
    assert ("Chingola-Solwezi Province", "Zambia") in located_pairs(r)
