"""Place names and containers of the twenty-fourth round, on invented stories
(kg/extract/placed_names.py):

* a name opened by a place word of another language ("Pulau X", "Koh Y", "Wadi Z",
  "Jebel W": place_words.jsonl ``prefix``) is a place whatever the model took it for,
  and takes the containers the text gives it; not a person of that surname who speaks.
"""

from __future__ import annotations

from kg.records import EntityType
from tests.extract.event_helpers import entity_named, located_pairs, run


def test_an_island_opened_by_a_foreign_island_word_is_a_place_in_its_province(nlp):
    r = run(nlp, "HANOI, Vietnam - Armed men boarded a fish farm off Pulau Ba Lang, Kien "
                 "Giang, and abducted three workers, police said.")
    assert entity_named(r, "Pulau Ba Lang").type.is_place
    pairs = located_pairs(r)
    assert ("Pulau Ba Lang", "Kien Giang") in pairs
    assert ("Pulau Ba Lang", "Vietnam") in pairs


def test_a_valley_and_a_mountain_opened_by_arabic_words_are_places(nlp):
    r = run(nlp, "DOHA, Qatar - Two men died when their car was swept away while crossing "
                 "Wadi Umm Kharaz on Tuesday, and the road to Jebel Fuwairit was closed to "
                 "all traffic, the Ministry of Interior said.")
    assert entity_named(r, "Wadi Umm Kharaz").type.is_place
    assert entity_named(r, "Jebel Fuwairit").type.is_place


def test_a_person_of_such_a_surname_who_speaks_stays_a_person(nlp):
    r = run(nlp, "Koh Wen Liang said on Monday that the shipping firm would appeal the "
                 "ruling of the court in Riga, Latvia.")
    assert entity_named(r, "Koh Wen Liang").type is EntityType.PERSON



def test_a_person_of_such_a_surname_after_a_title_stays_a_person(nlp):
    r = run(nlp, "Trade Minister Kaspars Ozols met Mr Koh Wen Liang of the shipping firm in "
                 "Riga on Monday to discuss the port dispute.")
    assert entity_named(r, "Koh Wen Liang").type is EntityType.PERSON
