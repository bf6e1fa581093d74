"""Rule-based in-document coreference (kg/extract/coref.py, kg/resolve/entities.py) on
invented sentences: pronouns, definite descriptions, name parts and initials."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _entity_of(result, text):
    for e in result.entities:
        if any(m.text == text for m in e.mentions):
            return e
    raise AssertionError(f"no entity has a mention {text!r}")


def test_she_is_the_woman_named_before_and_fills_the_agent_role(nlp):
    r = run(nlp, "Interior Minister Lucia Varela visited Arequipa on Monday. She also urged "
                 "protesters to go home.")
    she = _entity_of(r, "She")
    assert she.name == "Lucia Varela"
    assert "She" not in she.aliases  # a pronoun is a mention, never a label
    rules = {m.source for m in she.mentions if m.text == "She"}
    assert rules <= {"coref:recency", "coref:reported-subject"}
    (request,) = facts_of(r, "Request")
    assert names(r, request.roles["agent"]) == {"Lucia Varela"}


def test_he_after_said_is_the_speaker(nlp):
    r = run(nlp, "Mr Tomas Eriksen arrived in Oslo. He told reporters the talks had failed.")
    assert _entity_of(r, "He").name == "Tomas Eriksen"


def test_gender_cues_pick_the_right_person(nlp):
    r = run(nlp, "Mrs Amina Dube met Mr Peter Banda in Lilongwe. She said the aid would "
                 "arrive on Friday.")
    assert _entity_of(r, "She").name == "Amina Dube"


def test_it_in_reported_speech_is_the_organisation_that_speaks(nlp):
    r = run(nlp, "The Southern Grain Board said it would release 40,000 tonnes of maize.")
    assert "Southern Grain Board" in _entity_of(r, "it").name


def test_an_expletive_it_refers_to_nothing(nlp):
    r = run(nlp, "The Southern Grain Board met on Monday. It is unclear when aid will come.")
    assert not any(m.text == "It" for e in r.entities for m in e.mentions)


def test_a_possessive_pronoun_is_not_the_person(nlp):
    r = run(nlp, "Opposition leader Carla Mendes urged her supporters to stay calm.")
    assert not any(m.text == "her" for e in r.entities for m in e.mentions)


def test_the_bloc_is_the_one_organisation_of_its_kind(nlp):
    r = run(nlp, "The Economic Community of Central African States (ECCAS) met in Libreville. "
                 "The bloc said it would send observers.")
    assert "Economic Community of Central African States" in _entity_of(r, "bloc").name


def test_another_part_of_a_full_name_and_an_initial_join_the_person(nlp):
    r = run(nlp, "General Rodrigo Salinas Quispe was arrested on Thursday. Salinas denied "
                 "the charges. Lawyers for R. Quispe said he would appeal.")
    person = _entity_of(r, "Salinas")
    assert person.name == "Rodrigo Salinas Quispe"
    assert _entity_of(r, "R. Quispe") is person
