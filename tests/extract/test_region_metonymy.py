"""A state or province the model takes for an organisation or a person (kg/extract/
entity_types.py, ``place_type(strict=True)``): a name that is exactly one country's
unit, and no town, is that region acting, as a country's or a large city's name is; a
name several countries' units share ("Eastern", "Centre") stays what the model said.
The model's labels are set by hand (tests/extract/event_helpers.py,
``mentions_with_ents``), so each rule is tested whatever the model guesses."""

from __future__ import annotations

from kg.records import EntityType
from tests.extract.event_helpers import mentions_with_ents


def test_a_province_acting_in_an_active_clause_is_a_region(nlp):
    text = "Luapula has closed its schools after the floods, Zambia's disaster office said."
    found = mentions_with_ents(nlp, text, [("Luapula", "ORG"), ("Zambia", "GPE")])
    assert found["Luapula"] is EntityType.REGION


def test_a_province_in_a_passive_clause_is_a_region(nlp):
    text = "Two helicopters were requested by Kgalagadi on Monday, Botswana's army said."
    found = mentions_with_ents(nlp, text, [("Kgalagadi", "ORG"), ("Botswana", "GPE")])
    assert found["Kgalagadi"] is EntityType.REGION


def test_a_parish_the_model_calls_a_person_is_a_region(nlp):
    # a relative clause; the model's person label on a parish name
    text = ("Officials thanked Saint Elizabeth, which sent 40 nurses to the coast, "
            "Jamaica's health ministry said.")
    found = mentions_with_ents(nlp, text, [("Saint Elizabeth", "PERSON"),
                                           ("Jamaica", "GPE")])
    assert found["Saint Elizabeth"] is EntityType.REGION


def test_a_one_word_person_name_a_province_shares_stays_a_person(nlp):
    # one word the model calls a person may be a surname or a given name
    text = "Luapula said on Monday that the floods had cut the road, Zambia's police said."
    found = mentions_with_ents(nlp, text, [("Luapula", "PERSON"), ("Zambia", "GPE")])
    assert found.get("Luapula") is not EntityType.REGION


def test_a_unit_name_several_countries_share_is_no_evidence(nlp):
    # "Eastern" names a province of several countries: the model's label stands
    text = "Eastern said on Monday that it would cut prices, Zambia's regulator said."
    found = mentions_with_ents(nlp, text, [("Eastern", "ORG"), ("Zambia", "GPE")])
    assert found.get("Eastern") is not EntityType.REGION


def test_a_unit_name_after_and_in_a_bodys_name_is_no_region(nlp):
    # "the Government of Zambia and" + "Luapula": a name the model may have cut short
    text = "The Commission of Copperbelt and Luapula met on Monday in Lusaka, Zambia."
    found = mentions_with_ents(nlp, text, [("Commission of Copperbelt", "ORG"),
                                           ("Luapula", "ORG"), ("Lusaka", "GPE")])
    assert found.get("Luapula") is not EntityType.REGION


def test_a_unit_name_before_more_capitals_is_no_region(nlp):
    # "Luapula" + "Deputy Governor X": the model's person span cut before the title
    text = "Luapula Deputy Governor Mutale Bwalya resigned on Monday, Zambia's cabinet said."
    found = mentions_with_ents(nlp, text, [("Luapula", "PERSON"), ("Zambia", "GPE")])
    assert found.get("Luapula") is not EntityType.REGION
