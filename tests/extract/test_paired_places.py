"""Names the text pairs with a place are places (kg/extract/paired_places.py).

Patterns: the two ends of a way ("between A and B", "from A to B") in active, passive,
relative-clause and headline shapes; a list whose other items are places ("A, B, C and
D"); guards for people and bodies in the same frames. The model's labels are set by hand
(``mentions_with_ents``) so the repair is tested whatever the model guesses.
"""

from __future__ import annotations

from kg.records import EntityType as T
from tests.extract.event_helpers import entity_named, located_pairs, mentions_with_ents, run


# --- the two ends of a way ---------------------------------------------------------------
def test_the_ends_of_a_way_between_a_known_town_and_a_name_are_towns(nlp):
    # active, the known town called an organisation, the other name a person
    found = mentions_with_ents(
        nlp, "Trains between Mahalapye and Shoshong were suspended on Monday.",
        [("Mahalapye", "ORG"), ("Shoshong", "PERSON")])
    assert found["Mahalapye"] is T.CITY and found["Shoshong"] is T.CITY
    # passive, the unknown name first, both called persons
    found = mentions_with_ents(
        nlp, "The road between Shoshong and Mahalapye was closed by police on Monday.",
        [("Shoshong", "PERSON"), ("Mahalapye", "PERSON")])
    assert found["Shoshong"] is T.CITY and found["Mahalapye"] is T.CITY
    # headline form
    found = mentions_with_ents(
        nlp, "Floods shut highway between Mahalapye and Shoshong",
        [("Mahalapye", "ORG"), ("Shoshong", "PERSON")])
    assert found["Shoshong"] is T.CITY


def test_a_known_town_makes_both_ends_of_a_way_towns_whatever_the_model_said(nlp):
    # both names called persons; the gazetteer knows one of them as a town
    found = mentions_with_ents(
        nlp, "Trains between Daugavpils and Kraslava were suspended on Monday.",
        [("Daugavpils", "PERSON"), ("Kraslava", "PERSON")])
    assert found["Daugavpils"] is T.CITY
    assert found["Kraslava"] is T.CITY


def test_the_other_end_of_a_march_to_or_from_a_square_is_a_site(nlp):
    # relative clause: "who marched from X to Y Square"
    found = mentions_with_ents(
        nlp, "Protesters, who marched from Vermanes to Freedom Square, were dispersed on "
             "Saturday.",
        [("Vermanes", "ORG"), ("Freedom Square", "ORG")])
    assert found["Vermanes"] is T.PLACE
    # nominalisation, the square first
    found = mentions_with_ents(
        nlp, "Police blocked the march from Freedom Square to Vermanes on Saturday.",
        [("Freedom Square", "ORG"), ("Vermanes", "ORG")])
    assert found["Vermanes"] is T.PLACE


def test_people_and_bodies_between_two_sides_stay_what_they_are(nlp):
    found = mentions_with_ents(
        nlp, "Talks between Kiprono Mwale and Ruth Banda resumed on Monday.",
        [("Kiprono Mwale", "PERSON"), ("Ruth Banda", "PERSON")])
    assert found["Kiprono Mwale"] is T.PERSON and found["Ruth Banda"] is T.PERSON


# --- lists -------------------------------------------------------------------------------
def test_a_name_listed_with_known_towns_is_a_town(nlp):
    found = mentions_with_ents(
        nlp, "The weather office issued a red alert for Kingston, Mandeville and Porus on "
             "Friday.",
        [("Kingston", "GPE"), ("Mandeville", "GPE"), ("Porus", "PERSON")])
    assert found["Porus"] is T.CITY
    # the name first in the list, a serial comma
    found = mentions_with_ents(
        nlp, "Schools in Porus, Kingston, and Mandeville stayed shut.",
        [("Porus", "ORG"), ("Kingston", "GPE"), ("Mandeville", "GPE")])
    assert found["Porus"] is T.CITY


def test_a_person_listed_with_names_the_model_alone_called_places_stays_a_person(nlp):
    # no item of the list is a place the gazetteer knows: nothing to go by
    found = mentions_with_ents(
        nlp, "Mwale, Banda and Phiri were named to the committee.",
        [("Mwale", "GPE"), ("Banda", "PERSON"), ("Phiri", "GPE")])
    assert found["Banda"] is T.PERSON
    # a list of people and one town: the types differ
    found = mentions_with_ents(
        nlp, "Ruth Banda, Kiprono Mwale and Kasama Phiri met in Lusaka.",
        [("Ruth Banda", "PERSON"), ("Kiprono Mwale", "PERSON"), ("Kasama Phiri", "PERSON"),
         ("Lusaka", "GPE")])
    assert found["Kiprono Mwale"] is T.PERSON


def test_a_listed_town_then_lies_in_the_region_and_country(nlp):
    r = run(nlp, "Botswana's weather office issued a flood alert for Mahalapye, Palapye and "
                 "Shoshong in the Central District on Friday.")
    assert entity_named(r, "Shoshong").type is T.CITY
    assert ("Shoshong", "Botswana") in located_pairs(r)
