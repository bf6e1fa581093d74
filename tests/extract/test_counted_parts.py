"""A list of places a counted apposition makes parts of a town ("A and B, two
working-class districts of X", "two of the poorest parts of the capital": both lie in it;
kg/extract/locations.py), and a kind noun that opens a hyphenated compound names no place
("an island-hopper flight": kg/extract/kind_cues.py), on invented stories."""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import located_pairs, run


@pytest.mark.parametrize("text", [
    # main clause, the town named
    "Hundreds of young men took to the streets of Jericho and Tivoli, two working-class "
    "districts of Kingston, Jamaica's police said.",
    # passive, "of the" before the part noun
    "Homes in Jericho and Tivoli, two of the poorest parts of Kingston, were flooded on "
    "Sunday, Jamaica's police said.",
])
def test_a_counted_apposition_puts_every_listed_place_in_its_town(nlp, text):
    pairs = located_pairs(run(nlp, text))
    assert ("Jericho", "Kingston") in pairs
    assert ("Tivoli", "Kingston") in pairs


def test_parts_of_the_capital_lie_in_the_documents_capital(nlp):
    r = run(nlp, "RIGA, 4 May 2026. Seawater flooded homes in Kengarags and Bolderaja, two of "
                 "the poorest parts of the capital, Latvia's disaster office said.")
    pairs = located_pairs(r)
    assert ("Kengarags", "Riga") in pairs
    assert ("Bolderaja", "Riga") in pairs


def test_people_listed_with_a_counted_apposition_get_no_container(nlp):
    r = run(nlp, "Police arrested Ana Kalnina and Juris Ozols, two activists of Riga, on "
                 "Monday, Latvia's police said.")
    assert not any(p in ("Ana Kalnina", "Juris Ozols") for p, _ in located_pairs(r))


def test_a_kind_noun_opening_a_compound_names_no_place(nlp):
    r = run(nlp, "Seawater flooded homes in Etsi and Lagua. A United Airlines island-hopper "
                 "flight from Guam turned back, Palau's disaster office said.")
    assert not any("island" in e.name for e in r.entities)
    assert not any("island" in c for _, c in located_pairs(r))
