"""Roads and sites as places, on invented stories (kg/extract/named_sites.py,
kind_cues.py, home_city.py):

* a road named by its number alone is a place where the words around it say it is a
  road ("on the T2", "the B14 between A and B", "the M9 and other main roads", "police
  closed the A14", "the A8 remained open", "the T4 lakeside road"); a number before a
  noun names something else ("the K2 TV channel"), and a numbered road runs between
  towns, so no town holds it;
* a named school ("the X Primary School", "Y Boys High School") is a place, in the town
  it is named after; one that speaks is the institution, and "the X school gym" names
  none.
"""

from __future__ import annotations

from kg.records import EntityType
from tests.extract.event_helpers import located_pairs, run


def _places(result) -> set[str]:
    return {e.name for e in result.entities if e.type is EntityType.PLACE}


def test_a_road_number_on_which_things_happen_is_a_place(nlp):
    r = run(nlp, "Farmers kept their tractors on the T2 towards Kasama on Friday, and others "
                 "blocked the M9 near Mongu in Zambia, police said.")
    places = _places(r)
    assert {"T2", "M9"} <= places
    pairs = located_pairs(r)
    assert ("T2", "Zambia") in pairs
    assert ("T2", "Kasama") not in pairs


def test_a_road_number_a_road_verb_or_a_listed_road_noun_names_is_a_place(nlp):
    r = run(nlp, "Police closed the A14 between Francistown and Nata on Monday and urged "
                 "motorists to use the A3 instead. Taxi drivers blocked the B12 and other "
                 "main roads into Palapye, Botswana. The A8 remained open under escort.")
    assert {"A14", "A3", "B12", "A8"} <= _places(r)


def test_a_road_number_before_its_adjective_and_road_noun_is_the_road(nlp):
    r = run(nlp, "Firefighters closed the T4 lakeside road between Yaren and Anabar in "
                 "Nauru on Sunday.")
    assert "T4" in _places(r)


def test_a_number_before_a_noun_or_after_at_is_no_road(nlp):
    r = run(nlp, "The minister of Jamaica spoke on the K2 TV channel on Tuesday, and the "
                 "prime minister, Desmond Carrow, met donors at the G20 in Montego Bay.")
    assert not {"K2", "G20"} & _places(r)


def test_a_named_school_is_a_place_in_the_town_it_is_named_after(nlp):
    r = run(nlp, "In Lobatse, police fired teargas at teachers who had marched from Lobatse "
                 "Boys High School to the regional offices on Monday, Botswana police said. "
                 "Pupils of Kanye North Primary School were sent home.")
    places = _places(r)
    assert {"Lobatse Boys High School", "Kanye North Primary School"} <= places
    pairs = located_pairs(r)
    assert ("Lobatse Boys High School", "Lobatse") in pairs
    assert ("Lobatse Boys High School", "Botswana") in pairs


def test_a_lower_case_school_before_another_noun_names_no_place(nlp):
    r = run(nlp, "Most of them went to a Red Cross shelter set up in the Palapye school gym, "
                 "officials in Botswana said.")
    assert not any("school" in n.lower() for n in _places(r))


def test_a_school_that_speaks_is_the_institution(nlp):
    r = run(nlp, "Mahalapye Secondary School said on Tuesday that 40 pupils had fallen ill "
                 "in Botswana.")
    assert "Mahalapye Secondary School" not in _places(r)

