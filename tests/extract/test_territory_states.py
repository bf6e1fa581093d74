"""Territories that are part of a state (kg/extract/territories.py,
kg/rules/entities/territories.jsonl), on invented stories: GeoNames lists such a
territory as a country of its own, so its towns lie in it; when the story names the state
too, the territory lies in the state, and so do its towns (through it, or directly when
the story never names the territory). A territory a state holds without making it a part
of it stays out of that state."""

from __future__ import annotations

from tests.extract.event_helpers import located_pairs, run


def test_a_special_region_lies_in_its_state_when_both_are_named(nlp):
    # a town of the region ("flights to Kowloon") and the region itself, each in a
    # sentence of its own, with the state named in the same story
    r = run(nlp, "Hanoi, 4 May 2026. Vietnam will resume flights to Kowloon next week, "
                 "the Transport Ministry said. The route was suspended in March. A trade "
                 "office will be opened in Hong Kong, and China welcomed the decision. "
                 "Vietnam and China signed the deal on Monday.")
    pairs = located_pairs(r)
    assert ("Hong Kong", "China") in pairs
    assert ("Kowloon", "China") in pairs
    assert ("Hong Kong", "Vietnam") not in pairs


def test_a_town_of_a_territory_lies_in_the_state_the_story_names(nlp):
    # the territory itself is never named, its state is: "flew ... to Noumea ... France"
    r = run(nlp, "Yaren, 4 May 2026. Nauru flew 20 patients to Noumea on Monday, the "
                 "Health Ministry said, and France paid for the flight. The patients, who "
                 "were injured in a fire, are being treated in Noumea. Nauru thanked France.")
    pairs = located_pairs(r)
    assert ("Noumea", "France") in pairs
    assert ("Noumea", "Nauru") not in pairs


def test_a_territory_without_its_state_lies_in_no_state(nlp):
    # "Noumea, New Caledonia": the state is not named, so nothing is put in it
    r = run(nlp, "Yaren, 4 May 2026. Nauru flew 20 patients to Noumea, New Caledonia, on "
                 "Monday, the Health Ministry said. Nauru thanked the hospital.")
    pairs = located_pairs(r)
    assert not {c for _, c in pairs} & {"France", "French Republic"}


def test_a_territory_held_but_not_part_of_a_state_stays_out_of_it(nlp):
    # a British overseas territory is not part of the United Kingdom
    r = run(nlp, "Kingston, 4 May 2026. Jamaica sent 30 soldiers to George Town in the "
                 "Cayman Islands after the storm, the Jamaica Defence Force said. Britain "
                 "thanked Jamaica for the help.")
    pairs = located_pairs(r)
    assert not {(p, c) for p, c in pairs if c in ("Britain", "United Kingdom")}


def _type_of(r, name: str) -> str | None:
    found = [e for e in r.entities if name == e.name or name in e.aliases]
    return found[0].type.value if found else None


def test_a_dependent_territory_is_a_region_not_a_country(nlp):
    # GeoNames lists them as countries; each is typed Region, whether part of its state
    # or not, named as a destination, as a possessor or as a subject
    r = run(nlp, "Kingston, 4 May 2026. Jamaica sent 30 soldiers to the Cayman Islands on "
                 "Monday. Guam's governor thanked Jamaica, and Puerto Rico offered two "
                 "ships. Flights to Martinique were cancelled, the ministry said.")
    assert _type_of(r, "Jamaica") == "Country"
    for name in ("Cayman Islands", "Guam", "Puerto Rico", "Martinique"):
        assert _type_of(r, name) == "Region", name


def test_a_constituent_country_of_a_realm_stays_a_country(nlp):
    # Greenland is a country of the Kingdom of Denmark, not a territory
    r = run(nlp, "Riga, 4 May 2026. Latvia and Greenland signed a fisheries agreement on "
                 "Monday, the Latvian Foreign Ministry said.")
    assert _type_of(r, "Greenland") == "Country"
