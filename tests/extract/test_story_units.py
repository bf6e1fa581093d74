"""The story's region when it is a unit known only by its ISO 3166-2 name (no GeoNames
record: most provinces, states and districts outside a few countries), on invented
stories (kg/extract/story_region.py): a province the story names again holds the
villages, hamlets and roads nothing else places; one named once, in passing, does not;
the country's capital never lies in it."""

from __future__ import annotations

from tests.extract.event_helpers import located_pairs, run


def test_a_province_named_again_holds_the_storys_village(nlp):
    # active clauses; the province is known by its ISO 3166-2 name alone
    r = run(nlp, "Lusaka, 4 May 2026. A wildfire spread across Luapula on Monday and "
                 "reached the hamlet of Chipili Mission, where 30 homes burned, Zambia's "
                 "disaster office said. Luapula has asked Zambia for two helicopters.")
    pairs = located_pairs(r)
    assert ("Chipili Mission", "Luapula") in pairs
    assert ("Chipili Mission", "Zambia") in pairs


def test_a_road_with_a_number_lies_in_the_storys_province(nlp):
    # passive clause, a relative clause naming the province again
    r = run(nlp, "Gaborone, 4 May 2026. Highway 9 was closed by police on Monday after "
                 "floods in Kgalagadi, which declared an emergency, Botswana's roads agency "
                 "said. About 200 people in Kgalagadi had been moved.")
    pairs = located_pairs(r)
    assert ("Highway 9", "Kgalagadi") in pairs


def test_a_province_named_once_in_passing_holds_nothing_unstated(nlp):
    # the province named once: the village is not put in it
    r = run(nlp, "Lusaka, 4 May 2026. Floods reached the hamlet of Chipili Mission on "
                 "Monday, and rain also fell in Luapula, Zambia's disaster office said. "
                 "Zambia sent two helicopters.")
    pairs = located_pairs(r)
    assert ("Chipili Mission", "Luapula") not in pairs
    assert ("Chipili Mission", "Zambia") in pairs


def test_the_capital_is_never_put_in_the_storys_province(nlp):
    # a nominalisation ("the evacuation of"), the province named twice
    r = run(nlp, "The evacuation of Quang Ninh began on Monday after the storm, the "
                 "ministry in Hanoi said. Quang Ninh had 30,000 people in shelters, and "
                 "Vietnam sent troops from Hanoi.")
    pairs = located_pairs(r)
    assert ("Hanoi", "Quảng Ninh") not in pairs and ("Hanoi", "Quang Ninh") not in pairs
