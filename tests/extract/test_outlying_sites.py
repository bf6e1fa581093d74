"""Sites that stand outside the town they serve (kg/extract/containment.py, the
``outlying`` kind nouns of kg/rules/entities/kinds.jsonl), on invented stories: an
air base, a military base, a depot, a dam or a power plant the text does not place is
not put in the story's home city, though it stays in the country; a hospital still is."""

from __future__ import annotations

from tests.extract.event_helpers import located_pairs, run


def test_an_air_base_is_not_put_in_the_home_city(nlp):
    # active clause: "landed at the X air base"
    r = run(nlp, "A cargo plane carrying tents landed at the Kgale air base on "
                 "Monday, the disaster office in Gaborone said. The injured were taken to "
                 "the Tlokweng Road Hospital, and the mayor of Gaborone visited them. "
                 "Botswana thanked its neighbours.")
    pairs = located_pairs(r)
    assert ("Kgale air base", "Gaborone") not in pairs
    assert ("Kgale air base", "Botswana") in pairs
    assert ("Tlokweng Road Hospital", "Gaborone") in pairs


def test_a_depot_set_on_fire_is_not_put_in_the_home_city(nlp):
    # passive clause: "the X fuel depot was set on fire"
    r = run(nlp, "The Akpakpa fuel depot was set on fire on Sunday night, the interior "
                 "ministry in Cotonou said. Police in Cotonou arrested three men. Benin has "
                 "opened an inquiry.")
    pairs = located_pairs(r)
    assert ("Akpakpa fuel depot", "Cotonou") not in pairs
    assert ("Akpakpa fuel depot", "Benin") in pairs


def test_a_dam_in_a_relative_clause_is_not_put_in_the_home_city(nlp):
    # relative clause: "the X dam, which supplies ..."
    r = run(nlp, "Engineers inspected the Mulungushi dam, which supplies power to the mines, "
                 "after the floods, officials in Lusaka said. Lusaka has asked Zambia's "
                 "donors for help.")
    pairs = located_pairs(r)
    assert ("Mulungushi dam", "Lusaka") not in pairs
    assert ("Mulungushi dam", "Zambia") in pairs


def test_a_stated_container_still_holds_an_outlying_site(nlp):
    # "X air base in Y": what the text states is kept
    r = run(nlp, "Soldiers guard the Selebi air base in Francistown, the defence ministry in "
                 "Gaborone said. Gaborone has asked Botswana's army to close the base.")
    pairs = located_pairs(r)
    assert ("Selebi air base", "Francistown") in pairs
    assert ("Selebi air base", "Gaborone") not in pairs
