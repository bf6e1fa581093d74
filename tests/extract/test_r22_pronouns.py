"""He/she on invented sentences: a confident first name tells the person's gender
(kg/extract/name_gender.py), and the story's main person stands for a he/she subject
with no person near it (kg/extract/coref.py ``_main_person``)."""

from __future__ import annotations

from kg.extract.name_gender import first_name_gender, name_genders
from tests.extract.event_helpers import facts_of, names, run


def _entity_of(result, text):
    for e in result.entities:
        if any(m.text == text for m in e.mentions):
            return e
    raise AssertionError(f"no entity has a mention {text!r}")


def test_a_confident_first_name_tells_the_gender_an_ambiguous_one_does_not():
    assert first_name_gender("Thomas") == "m"
    assert first_name_gender("Elena") == "f"
    assert first_name_gender("Chanda") is None  # mostly women's, not only: unknown
    assert first_name_gender("Jean") is None  # borne by men and women alike
    assert first_name_gender("Zzqxv") is None  # not listed
    assert first_name_gender("the") is None  # not a name


def test_a_surname_alone_is_read_by_the_full_name_it_ends():
    got = name_genders(["Elena Kalnina", "Kalnina", "Ozols"])
    assert got == {"Elena Kalnina": "f", "Kalnina": "f"}  # "Ozols": no first name


def test_he_skips_a_woman_whom_only_her_first_name_marks(nlp):
    r = run(nlp, "Thomas Kalnins left the party in 2004. After Speaker Elena Ozola dissolved "
                 "the assembly in Riga, he declared a state of emergency in Latgale.")
    assert _entity_of(r, "he").name == "Thomas Kalnins"
    (emergency,) = facts_of(r, "StateOfEmergency")
    assert names(r, emergency.roles["agent"]) == {"Thomas Kalnins"}


def test_a_he_far_from_any_name_is_the_story_s_main_person(nlp):
    r = run(nlp, "Robert Mokgosi, a former mayor of Gaborone, has died at 77. Mokgosi led "
                 "the city council for a decade. The council built new roads in those years. "
                 "Traffic grew fast. Critics called the plan costly. He resigned as mayor "
                 "in 2001.")
    assert _entity_of(r, "He").name == "Robert Mokgosi"
    (resignation,) = facts_of(r, "Resignation")
    assert names(r, resignation.roles["theme"]) == {"Robert Mokgosi"}


def test_no_main_person_when_two_people_are_named_as_often(nlp):
    r = run(nlp, "Robert Mokgosi met Peter Sebego in Gaborone. Mokgosi and Sebego signed "
                 "a deal. The council built new roads. Traffic grew fast. Critics called "
                 "the plan costly. He resigned in 2001.")
    assert not any(m.text == "He" for e in r.entities for m in e.mentions)
