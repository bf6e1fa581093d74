"""Place names news uses (r7-placenames): apostrophes and okinas inside a name, a facility
noun ending a name, administrative suffixes, countries named with "the". Every sentence is
invented (places of Fiji, Palau, Togo, Botswana... and invented villages)."""

from __future__ import annotations

from kg.records import EntityType as T
from tests.extract.event_helpers import entity_named, located_pairs, mentions_with_ents, run


# --- apostrophes and okinas ----------------------------------------------------------------
def test_a_one_token_name_with_an_apostrophe_is_a_place(nlp):
    # "Sa'ilele" is one token with no is_alpha: it was dropped as if it had no letter
    r = run(nlp, "Floods hit Sa'ilele, Fiji, on Monday. He was born in Koro'lau, a town in "
                 "northern Fiji.")
    assert entity_named(r, "Sa'ilele").type in (T.CITY, T.PLACE)
    assert entity_named(r, "Koro'lau").type is T.CITY
    assert ("Sa'ilele", "Fiji") in located_pairs(r)
    assert ("Koro'lau", "Fiji") in located_pairs(r)


def test_a_name_the_model_ran_on_to_in_ends_before_it(nlp):
    # the model's "Vailoa Hospital in" (ORG): the name ends before "in" and its head
    # "Hospital" makes it a place
    found = mentions_with_ents(
        nlp, "Six people were treated at Vailoa Hospital in Nausori, Fiji's police said.",
        [("Vailoa Hospital in", "ORG"), ("Nausori", "GPE"), ("Fiji", "GPE")])
    assert found.get("Vailoa Hospital") is T.PLACE, found
    assert "Vailoa Hospital in" not in found


def test_one_word_and_before_a_place_is_the_first_place_of_a_list(nlp):
    # the model's "Nairai and" (ORG) + "Koro" (GPE): two islands, not a body "Nairai and
    # Koro"
    found = mentions_with_ents(
        nlp, "Villagers were brought by boat from Nairai and Koro to Levuka on Monday.",
        [("Nairai and", "ORG"), ("Koro", "GPE"), ("Levuka", "GPE")])
    assert found.get("Nairai") in (T.CITY, T.REGION, T.PLACE), found
    assert "Nairai and Koro" not in found


# --- a site noun ending a name -------------------------------------------------------------
def test_a_capitalised_site_noun_ends_the_name_of_a_place(nlp):
    # "Central Prison", "Regional Hospital": the model misses or mistypes the whole name
    r = run(nlp, "Forty inmates broke out of the Lobatse Central Prison early on Sunday, "
                 "Botswana's police said. Two guards were treated at the Serowe Regional "
                 "Hospital.")
    assert entity_named(r, "Lobatse Central Prison").type is T.PLACE
    assert entity_named(r, "Serowe Regional Hospital").type is T.PLACE


def test_a_lower_case_site_noun_after_a_name_with_a_number_or_particle(nlp):
    r = run(nlp, "Our agent was assaulted outside the Tsholofelo 3 polling station on "
                 "Saturday. A doctor at al-Noor hospital in Doha said two men died. A "
                 "section of the Letsibogo-2 reservoir gave way in Botswana.")
    assert entity_named(r, "Tsholofelo 3 polling station").type is T.PLACE
    assert entity_named(r, "al-Noor hospital").type is T.PLACE
    assert entity_named(r, "Letsibogo-2 reservoir").type is T.PLACE
    assert ("al-Noor hospital", "Doha") in located_pairs(r)


def test_a_sea_before_a_port_of_a_town_is_no_part_of_its_name(nlp):
    # "the Gulf port of X": the port is "port of X", not a "Gulf port"
    r = run(nlp, "Jets struck the Red Sea port of Mocha overnight, Yemen's army said. "
                 "Qatar sent aid to the Gulf port of Mesaieed.")
    names = {e.name for e in r.entities} | {a for e in r.entities for a in e.aliases}
    # (a port of a town no gazetteer knows is the port named so: "Mesaieed", r9-places)
    assert "port of Mesaieed" in names or "Mesaieed" in names
    assert "Gulf port" not in names and "Red Sea port" not in names


def test_a_bracket_cut_from_a_bodys_name_does_not_retype_it(nlp):
    # "the Southern Common Market (Mercosur": the bracket goes, the body stays a body
    # (only a dropped "in"/"at" lets the head of the name decide again)
    found = mentions_with_ents(
        nlp, "Leaders met in Asuncion for a summit of the Southern Common Market (Mercosur) "
             "on Monday.",
        [("Asuncion", "GPE"), ("Southern Common Market (Mercosur", "ORG")])
    assert found.get("Southern Common Market") is T.ORGANIZATION, found


def test_a_saints_place_name_keeps_its_s(nlp):
    # "St Mary's" is a suburb's whole name, not St Mary's possession
    found = mentions_with_ents(
        nlp, "Police detained observers at polling stations in St Mary's and Old Naledi, "
             "Botswana's opposition said.",
        [("St Mary's", "GPE"), ("Old Naledi", "GPE"), ("Botswana", "GPE")])
    assert "St Mary's" in found, found
    assert "St Mary" not in found


def test_a_hospital_that_speaks_stays_the_institution(nlp):
    r = run(nlp, "Police said seven people had been killed, while Gaborone General Hospital "
                 "told Reuters it had received 11 bodies. Francistown General Hospital "
                 "treated twenty others, Botswana's health ministry said.")
    assert entity_named(r, "Gaborone General Hospital").type is T.ORGANIZATION
    assert entity_named(r, "Francistown General Hospital").type is T.PLACE


def test_a_title_case_headline_is_not_read_as_a_sites_name(nlp):
    r = run(nlp, "Troops from Botswana landed in Gaborone on Monday to guard the airport, "
                 "SADC said.", headline="SADC Standby Force Guards Gaborone Airport")
    names = {e.name for e in r.entities}
    assert "SADC Standby Force Guards Gaborone Airport" not in names, names


def test_port_of_x_and_x_port_are_one_place(nlp):
    r = run(nlp, "Jets struck the Red Sea port of Mocha overnight, Yemen's army said. Cranes "
                 "at Mocha port were destroyed.")
    port = entity_named(r, "port of Mocha")
    assert "Mocha port" in {port.name, *port.aliases}


def test_an_acronyms_building_is_no_named_place(nlp):
    # "the CENI building": the offices of a body named by its acronym, not a place's name
    r = run(nlp, "Supporters held a sit-in outside the CEIB building in Lome on Wednesday, "
                 "Togo's police said. A crowd gathered at the Vogan municipal building.")
    names = {e.name for e in r.entities}
    assert "CEIB building" not in names, names
    assert "Vogan municipal building" in names, names
