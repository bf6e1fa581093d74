"""Round 24, bodies and names: each rule pinned on an invented sentence (places only
Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica, Botswana or Vietnam;
invented people), with a neighbouring wording that must not give the entity."""

from __future__ import annotations

from kg.records import EntityType
from tests.extract.event_helpers import run


def _entities(r):
    return {(e.name, e.type) for e in r.entities}


# --- a quoted alias is a person's name (kg/extract/alias_names.py) ---------------------------
def test_alias_after_a_name_is_that_person_not_a_second_entity(nlp):
    r = run(nlp, "Police in Kingston arrested Dwayne Athelstan Morrow, alias \"El Cangrejo\", "
                 "on Monday, the Jamaica Constabulary Force said.")
    people = [e for e in r.entities if e.type is EntityType.PERSON]
    assert [e.name for e in people] == ["Dwayne Athelstan Morrow"]
    assert not any(e.name == "El Cangrejo" for e in r.entities)


def test_alias_without_a_name_is_a_person(nlp):
    r = run(nlp, "Soldiers in Benin captured a man known by the alias \"Kobito\" on Tuesday, "
                 "and the army offered a reward for the capture of alias \"Tamarin\".")
    ents = _entities(r)
    assert ("Kobito", EntityType.PERSON) in ents
    assert ("Tamarin", EntityType.PERSON) in ents


def test_a_quoted_name_without_the_cue_is_left_alone(nlp):
    r = run(nlp, "Residents of Gaborone call the new market \"Big Tent\", the council said.")
    assert ("Big Tent", EntityType.PERSON) not in _entities(r)


# --- a plural common noun opening a sentence is no person (kg/extract/entities.py) -----------
def test_plural_noun_opening_a_sentence_is_no_person(nlp):
    r = run(nlp, "The power cut hit Riga on Monday, the Latvian utility said. "
                 "Kindergartens remain open where generators are available. "
                 "Bakeries reopened on Tuesday.")
    people = {e.name for e in r.entities if e.type is EntityType.PERSON}
    assert not people & {"Kindergartens", "Bakeries"}


def test_a_surname_opening_a_sentence_stays_a_person(nlp):
    r = run(nlp, "Police in Tallinn questioned Marten Hastings on Monday. "
                 "Hastings said he had done nothing wrong.")
    assert any(e.name == "Marten Hastings" and e.type is EntityType.PERSON for e in r.entities)
