"""Who speaks, round 21: a title's holder named beside it.

- "The district commissioner of X, Mr A B-C, told reporters": a name the model does not
  know (two or three capitalised words, a hyphenated surname among them) apposed to a
  definite office noun is a person (kg/extract/apposed_names.py), who speaks and holds
  the office; a capitalised noun after "the" that the model took for a person ("The
  Ombudsman") is a title, and its apposition speaks (kg/extract/speakers.py);
- an apposition that is a place ("The main port, X,") or a body is no person.

Sentences invented, set in Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica,
Botswana and Vietnam.
"""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import facts_of, names, run, speakers_of


@pytest.mark.parametrize(("text", "person"), [
    ("The district commissioner of Kgalagadi, Mr Tshepo Mmolawa-Dikgang, told reporters "
     "on Monday that 40 cattle had died.", "Tshepo Mmolawa-Dikgang"),
    ("The Ombudsman of Latvia, Mrs Ilze Kalnina-Ozola, reported in the evening that 300 "
     "families had left their homes.", "Ilze Kalnina-Ozola"),
])
def test_the_name_apposed_to_an_office_speaks(nlp, text, person):
    result = run(nlp, text)
    assert {person} in speakers_of(result), speakers_of(result)


def test_the_apposed_name_holds_the_office(nlp):
    result = run(nlp, "The district commissioner of Kgalagadi, Mr Tshepo Mmolawa-Dikgang, "
                      "told reporters on Monday that 40 cattle had died.")
    holders = [names(result, f.roles.get("holder")) for f in facts_of(result, "Position")]
    assert {"Tshepo Mmolawa-Dikgang"} in holders, holders


def test_an_apposed_place_is_no_person(nlp):
    result = run(nlp, "The main port, Cotonou, was closed on Monday, the ministry said.")
    people = {e.name for e in result.entities if e.type.value == "Person"}
    assert "Cotonou" not in people, people
