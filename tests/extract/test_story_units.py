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


def test_a_unit_written_without_its_kind_noun_counts_for_it(nlp):
    # "Mokgomane District" once and "Mokgomane" twice (a name no gazetteer knows): the
    # district is named as often as the province the text names twice in passing, so
    # neither is the story's region and the village is put in neither
    r = run(nlp, "Gaborone, 4 May 2026. Floods hit Mokgomane District on Monday, "
                 "Botswana's disaster office said. Police in Mokgomane closed the roads, and "
                 "residents of the village of Kgwatlheng were moved to schools in Mokgomane. "
                 "Rain also fell in Kgalagadi, and Kgalagadi sent two trucks.")
    pairs = located_pairs(r)
    assert ("Kgwatlheng", "Kgalagadi") not in pairs


def test_a_part_a_states_name_lists_is_no_place_of_the_storys_region():
    # a state named after its two parts ("A and B"): none of the listed
    # countries is named so, so the records are built by hand, with invented names, for
    # a story about one part that names the other
    from kg.extract.containment import document_locations
    from kg.records import Entity, EntityType, Mention

    text = ("Mokoro and Selibe sent police to Selibe after protests in Selibe, and ferries "
            "from Mokoro were stopped.")
    sentence = (0, len(text))

    def mentions(name: str, etype: EntityType, skip: int = 0) -> list[Mention]:
        out, at = [], 0
        while (at := text.find(name, at)) >= 0:
            out.append(Mention(at, at + len(name), name, etype, 0, sentence, "ner:GPE"))
            at += len(name)
        return out[skip:]

    state = Entity("Country:mokoro and selibe", "Mokoro and Selibe", EntityType.COUNTRY,
                   mentions("Mokoro and Selibe", EntityType.COUNTRY), country_code="BW")
    part = Entity("Region:selibe", "Selibe", EntityType.REGION,
                  mentions("Selibe", EntityType.REGION, skip=1), country_code="BW")
    peer = Entity("City:mokoro", "Mokoro", EntityType.CITY,
                  mentions("Mokoro", EntityType.CITY, skip=1))
    facts = document_locations([], [state, part, peer], text=text)
    pairs = {(f.roles["place"][0].text, f.roles["container"][0].text) for f in facts}
    assert ("Mokoro", "Selibe") not in pairs
    assert ("Mokoro", "Mokoro and Selibe") in pairs
