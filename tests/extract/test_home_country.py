"""The country a page is about (its home country) from the text, on invented releases and
sentences: the issuer's letterhead before any count of names; a foreign country the
text only asks something of or borders is no home."""

from __future__ import annotations

from kg.records import EntityType
from tests.extract.event_helpers import entity_named, located_pairs, run


def test_a_long_letterhead_line_in_capitals_keeps_the_issuers_country(nlp):
    # the ministry's name runs past eight words: still the letterhead, whose state line
    # names the home country, however often the body names the neighbour it asks
    r = run(nlp, "REPUBLIC OF BOTSWANA\n"
                 "MINISTRY OF LOCAL GOVERNMENT, LANDS, WATER AND RURAL DEVELOPMENT\n\n"
                 "PRESS RELEASE\n\n"
                 "Armed men attacked the village of Mokgatlhe on Friday night and stole "
                 "forty head of cattle, the Ministry said. The Government calls on the "
                 "authorities of Zambia to arrest the suspects, who fled to Zambia. Zambia "
                 "has not replied.")
    pairs = located_pairs(r)
    assert ("Mokgatlhe", "Botswana") in pairs
    assert ("Mokgatlhe", "Zambia") not in pairs


def test_a_government_of_line_names_the_home_country_in_any_case(nlp):
    # "Government of X" opening a letterhead line, not in capitals
    r = run(nlp, "Government of Fiji\n"
                 "Office of the Prime Minister\n\n"
                 "Media Release\n\n"
                 "Flood water cut the road to the village of Nakorovou on Monday, the "
                 "Office said. Fiji asked Tonga and Tonga's navy for two boats; Tonga sent "
                 "them on Tuesday and Tonga will send a third.")
    pairs = located_pairs(r)
    assert ("Nakorovou", "Fiji") in pairs
    assert ("Nakorovou", "Tonga") not in pairs



def test_the_letterheads_country_is_minted_when_the_model_misses_it(nlp):
    # "GOVERNMENT OF JAMAICA" is the letterhead's state line; the body writes the country
    # only inside a hospital's name: the country is still an entity, and the towns lie in it
    r = run(nlp, "GOVERNMENT OF JAMAICA\n"
                 "MINISTRY OF NATIONAL SECURITY\n\n"
                 "PRESS RELEASE\n\n"
                 "Kingston, 3 May 2026\n\n"
                 "Two constables were injured in Spanish Town on Friday night and were "
                 "taken to the Jamaica Defence Force Hospital, the Ministry said.")
    assert entity_named(r, "Jamaica").type is EntityType.COUNTRY
    pairs = located_pairs(r)
    assert ("Spanish Town", "Jamaica") in pairs
    assert ("Kingston", "Jamaica") in pairs


def test_a_country_named_in_a_town_and_a_body_of_its_name_is_minted(nlp):
    # no standalone "Uruguay": a town named after it and a commission "of" it name the
    # country the story is about
    r = run(nlp, "Police in Uruguay City detained 14 people overnight, the Human Rights "
                 "Commission of Uruguay said on Monday.")
    assert entity_named(r, "Uruguay").type is EntityType.COUNTRY
    assert ("Uruguay City", "Uruguay") in located_pairs(r)


def test_a_country_only_labelling_bodies_or_waters_is_not_minted(nlp):
    # "the Zambia Police Service" twice: the country labels the body, no story place;
    # "the Gulf of Guinea" twice: waters named after a country are not in it
    r = run(nlp, "The Zambia Police Service said on Monday it had detained 14 people in "
                 "Chikankata. The Zambia Police Service spokesman, Ruth Mwelwa, said the "
                 "arrests were lawful.")
    assert not [e for e in r.entities if e.type is EntityType.COUNTRY]
    r = run(nlp, "Fishermen from Kribi said on Monday that a tanker had run aground in the "
                 "Gulf of Guinea. Boats searched the Gulf of Guinea overnight.")
    assert not [e for e in r.entities if e.type is EntityType.COUNTRY]


def test_a_country_only_owning_bodies_is_not_minted(nlp):
    # "the Armed Forces of X" and "the Civil Aviation Authority of X": the text tells of
    # the bodies, their owner written in their names; no town or standalone name of X
    r = run(nlp, "The Armed Forces of Botswana (BDF) sent 300 soldiers to Mokolodi on "
                 "Friday, and the Civil Aviation Authority of Botswana (CAAB) closed two "
                 "airstrips, a spokesman said.")
    assert not [e for e in r.entities if e.type is EntityType.COUNTRY]


def test_a_town_named_after_a_country_it_is_not_in_mints_no_country(nlp):
    # the gazetteer puts "Benin City" in Nigeria: Benin is no home here
    r = run(nlp, "Police in Benin City detained 14 people overnight, the Human Rights "
                 "Commission said on Monday. Governor Osaro Ehigie said the arrests in "
                 "Benin City were lawful.")
    assert "Benin" not in {e.name for e in r.entities if e.type is EntityType.COUNTRY}


def test_a_datelined_story_naming_two_countries_as_often_is_the_datelines(nlp):
    # pattern: "TOWN (Agency) -" and no country named twice as often as the other: the
    # dateline town's country, named more often than any other (its towns counted), is
    # the story's
    r = run(nlp, "GABORONE (Reuters) - Floods cut off the village of Mokgatlhe on Friday, "
                 "Botswana's disaster office said. Zambia sent two helicopters, more tents "
                 "will come from Zambia next week, and Botswana opened three shelters.")
    pairs = located_pairs(r)
    assert ("Mokgatlhe", "Botswana") in pairs
    assert ("Mokgatlhe", "Zambia") not in pairs


def test_a_dateline_abroad_does_not_outweigh_the_country_named_more_often(nlp):
    # guard: a correspondent's base ("LUSAKA -") over a story that names Botswana more
    # often than Zambia: the dateline's country is not the story's
    r = run(nlp, "LUSAKA (Reuters) - Floods cut off the village of Mokgatlhe on Friday, "
                 "Botswana's disaster office said. Zambia sent two helicopters, while "
                 "Botswana opened three shelters and Botswana's army flew in tents.")
    assert ("Mokgatlhe", "Zambia") not in located_pairs(r)
