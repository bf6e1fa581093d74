"""Places and what holds them, on invented sentences: a civic building named after a
small town the text writes as a place stands in that town; a city written as a verb's
object stands for its government, not for a place beside which a neighbourhood lies."""

from __future__ import annotations

from kg.extract.home_city import for_government
from kg.records import EntityType, Mention
from tests.extract.event_helpers import located_pairs, run


def _mention(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start=start, end=start + len(name), text=name, type=EntityType.CITY,
                   unit=0, sentence=(0, len(text)), source="ner:GPE")


def test_a_community_hall_named_after_a_small_town_stands_in_it(nlp):
    # the town is too small for the gazetteer, but the text writes it as a place
    r = run(nlp, "Floodwater rose in Mokatse on Monday night, and about 200 residents "
                 "spent the night at the Mokatse community hall, the Botswana Police "
                 "Service said on Tuesday. Inspector Kagiso Ramotswa said the water "
                 "was falling in Mokatse.")
    pairs = located_pairs(r)
    assert ("Mokatse community hall", "Mokatse") in pairs


def test_a_civic_centre_named_after_a_town_stands_in_it(nlp):
    r = run(nlp, "About 300 residents sheltered overnight in the Tikapa civic centre after "
                 "the storm cut power in Tikapa, a coastal town in Jamaica, Mayor Andrene "
                 "Blackwood said.")
    pairs = located_pairs(r)
    assert ("Tikapa civic centre", "Tikapa") in pairs
    assert ("Tikapa civic centre", "Jamaica") in pairs


def test_the_town_hall_of_a_town_names_no_building():
    # the civic nouns are cued after a name only: "the town hall of X" is no name
    from kg.extract.entity_rules import entity_rules

    kind = entity_rules().kind_nouns["community hall"]
    assert kind.sited and kind.cues == frozenset({"after"})


def test_a_capital_a_region_asks_for_money_stands_for_its_government():
    text = "The Kurzeme regional council has asked Riga for 3 million euros."
    assert for_government(text, _mention(text, "Riga"))
    text = "Farm groups in Latgale urged Tallinn to step in."
    assert for_government(text, _mention(text, "Tallinn"))


def test_a_capital_after_a_locative_or_before_a_possessive_is_the_place():
    text = "Police patrolled the market in central Riga and Riga's old town."
    first = _mention(text, "Riga")
    assert not for_government(text, first)
    second = Mention(start=text.rindex("Riga"), end=text.rindex("Riga") + 4, text="Riga",
                     type=EntityType.CITY, unit=0, sentence=(0, len(text)),
                     source="ner:GPE")
    assert not for_government(text, second)
    text = "Shops were looted in Tallinn and Tartu."
    assert not for_government(text, _mention(text, "Tartu"))


def test_a_country_written_only_in_its_iso_short_name_keeps_that_name():
    # the gazetteer's name is "Vietnam"; ISO 3166's short name is "Viet Nam"
    from kg.resolve.place_names import official

    assert official("Vietnam", ["Viet Nam"], EntityType.COUNTRY) == "Viet Nam"
    # a text that also writes the common name keeps the gazetteer's
    assert official("Vietnam", ["Vietnam", "Viet Nam"], EntityType.COUNTRY) == "Vietnam"


def test_the_iso_short_name_finds_the_home_country():
    from kg.extract.home_country import _country_words

    pattern, codes = _country_words()
    found = pattern.search("The ministry of Viet Nam said on Monday that floods had")
    assert found is not None and codes[found.group(1).casefold()] == "VN"
