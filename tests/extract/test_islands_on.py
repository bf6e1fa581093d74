"""Islands (kg/extract/islands.py): a place the text writes "on", which no gazetteer
knows, is an island, a Region (the annotation guide's type), whatever clause holds the
"on"; the town an act falls on ("a curfew on X", "marched on X"), a medium or a topic
after "on", and a town GeoNames knows stay what they were. Invented sentences."""

from __future__ import annotations

from kg.records import EntityType
from tests.extract.event_helpers import entity_named, run


def _type(nlp, text: str, name: str) -> EntityType:
    return entity_named(run(nlp, text), name).type


def test_an_island_in_an_active_clause_is_a_region(nlp):
    text = ("The storm cut power to 4,000 homes on Ngeaur on Monday, Palau's disaster "
            "office said. Palau sent a patrol boat.")
    assert _type(nlp, text, "Ngeaur") is EntityType.REGION


def test_an_island_in_a_passive_clause_is_a_region(nlp):
    text = ("Two fishermen were found dead on Kaelo Tau on Sunday, Botswana's police said. "
            "Botswana opened an inquiry.")
    assert _type(nlp, text, "Kaelo Tau") is EntityType.REGION


def test_each_island_of_a_list_after_on_is_a_region(nlp):
    text = ("Schools on Mbaru, Tanisi and Ngolo will stay shut until Friday, Jamaica's "
            "education ministry said.")
    r = run(nlp, text)
    assert entity_named(r, "Tanisi").type is EntityType.REGION
    assert entity_named(r, "Ngolo").type is EntityType.REGION


def test_an_island_in_a_participle_clause_is_a_region(nlp):
    text = ("Tourists stranded on Ngolo since the ferry sank were taken off by "
            "helicopter, Qatar's coast guard said.")
    assert _type(nlp, text, "Ngolo") is EntityType.REGION


def test_an_island_in_a_negated_clause_is_a_region(nlp):
    text = ("No one was hurt on Ngeaur when the wave struck, Palau's disaster office said "
            "on Tuesday.")
    assert _type(nlp, text, "Ngeaur") is EntityType.REGION


def test_a_town_under_a_curfew_stays_a_town(nlp):
    # "a curfew on X", "imposed on X": the town the act falls on, not an island
    text = ("Police imposed a dusk-to-dawn curfew on Mabuto on Monday after the riots, "
            "Botswana's police said.")
    found = [e for e in run(nlp, text).entities if e.name == "Mabuto"]
    assert not found or found[0].type is not EntityType.REGION


def test_a_town_marched_on_stays_a_town(nlp):
    text = ("Rebels marched on Tanisi overnight, Benin's army said. Benin sent troops "
            "to Tanisi.")
    found = [e for e in run(nlp, text).entities if e.name == "Tanisi"]
    assert not found or found[0].type is not EntityType.REGION


def test_a_town_the_gazetteer_knows_stays_a_town(nlp):
    text = ("The ferry docked on Francistown's river bank, and three deaths on Maun were "
            "confirmed, Botswana's police said.")
    assert _type(nlp, text, "Maun") is EntityType.CITY
