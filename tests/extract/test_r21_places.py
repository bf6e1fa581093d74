"""Places of round 21 (r21-places), on invented sentences set in Zambia, Benin, Palau,
Nauru, Qatar, Latvia, Estonia, Jamaica, Botswana and Vietnam: named ways (a railway line
between two towns, a mountain pass, a trekking circuit) and stations take their noun into
their name (kg/rules/entities/kinds.jsonl); a station named after a town stands in it."""

from __future__ import annotations

from kg.records import EntityType as T
from tests.extract.event_helpers import entity_named, located_pairs, run


def _names(result) -> set[str]:
    return {e.name for e in result.entities} | {a for e in result.entities for a in e.aliases}


def test_a_line_between_two_towns_is_one_place_not_a_town(nlp):
    # "the A-B line": the way's two ends joined by a hyphen, then its noun
    r = run(nlp, "Lusaka, 4 May 2026. A goods train left the rails on the Kabwe-Ndola line "
                 "on Monday, Zambia Railways said. Zambia has opened an inquiry and "
                 "Zambia closed the route for two days.")
    assert entity_named(r, "Kabwe-Ndola line").type is T.PLACE
    assert "Kabwe-Ndola" not in _names(r)
    assert ("Kabwe-Ndola line", "Zambia") in located_pairs(r)


def test_a_railway_between_two_towns_is_a_place(nlp):
    r = run(nlp, "Hanoi, 4 May 2026. Floods washed away a section of the Hue-Danang railway "
                 "overnight, Vietnam's transport ministry said. Vietnam sent engineers.")
    assert entity_named(r, "Hue-Danang railway").type is T.PLACE
    assert ("Hue-Danang railway", "Vietnam") in located_pairs(r)


def test_a_station_named_after_a_town_stands_in_it(nlp):
    # (the town is named too: a site lies in a town of the document it is named after)
    r = run(nlp, "Gaborone, 4 May 2026. Police said two trains collided north of Palapye "
                 "station on Sunday, the worst rail accident in Botswana for a decade. "
                 "Ambulances took 30 injured people to the hospital in the town of Palapye. "
                 "Botswana declared a day of mourning.")
    assert entity_named(r, "Palapye station").type is T.PLACE
    pairs = located_pairs(r)
    assert ("Palapye station", "Palapye") in pairs
    assert ("Palapye station", "Botswana") in pairs


def test_a_broadcasters_station_is_no_place(nlp):
    # "their Radio X station": the medium's name, not a site named X
    r = run(nlp, "Cotonou, 4 May 2026. The gunmen claimed on their Radio Tanguieta station "
                 "to have killed four soldiers, Benin's army said.")
    assert "Radio Tanguieta station" not in _names(r)


def test_a_companys_railway_line_is_no_place(nlp):
    # "a X Railway line": the capitalised noun ends the company's name
    r = run(nlp, "Riga, 4 May 2026. Protesters set up a camp across a Baltic Freight Railway "
                 "line near Jelgava on Monday, Latvia's police said.")
    assert "Baltic Freight Railway line" not in _names(r)


def test_a_mountain_pass_and_a_trekking_circuit_are_places(nlp):
    r = run(nlp, "Hanoi, 4 May 2026. A landslide closed the Tram Ton pass in Lai Chau "
                 "Province on Tuesday, and rangers shut the Fansipan circuit to hikers, "
                 "Vietnam's disaster agency said. Vietnam sent troops.")
    assert entity_named(r, "Tram Ton pass").type is T.PLACE
    assert entity_named(r, "Fansipan circuit").type is T.PLACE
    pairs = located_pairs(r)
    assert ("Tram Ton pass", "Lai Chau Province") in pairs
    assert ("Fansipan circuit", "Vietnam") in pairs


def test_the_region_before_a_town_noun_holds_the_town(nlp):
    # "the Y town of X": Y is where the town lies, not a town named "Y town"
    r = run(nlp, "Lusaka, 4 May 2026. Police were searching farmland around the Luangwa "
                 "Valley town of Mfuwe on Wednesday after 20 inmates escaped, Zambia's "
                 "police said. Zambia sent more officers.")
    assert "Luangwa Valley town" not in _names(r)
    assert entity_named(r, "Luangwa Valley").type is T.REGION
    assert ("Mfuwe", "Luangwa Valley") in located_pairs(r)


def test_the_enclave_before_a_town_noun_holds_the_town(nlp):
    # the model's type for Y does not keep it from holding X
    r = run(nlp, "Doha, 4 May 2026. Talks on the border of the Khor enclave resumed in "
                 "Doha, and a new crossing will open near the Khor town of Simaisma, "
                 "Qatar's foreign ministry said. Qatar welcomed the talks.")
    pairs = located_pairs(r)
    assert any(p == "Simaisma" and "Khor" in c for p, c in pairs)
