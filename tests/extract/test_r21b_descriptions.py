"""Descriptions that point back to a named body, round 21 (second pass).

- "the board said", "a board official said", "the authority said": a definite description
  (or the noun beside an unnamed official) whose noun ends the name of a body named
  before ("the X Tourism Board", "the Y Ports Authority") is that body
  (kg/rules/events/statements.yaml, ``descriptions``);
- a body of another kind named before is not taken for it; of two bodies the noun names,
  the one whose name holds it before any "of" and not before "for" ("the Y Ports
  Authority", "Armed Forces of Z") before one named by its task ("the Authority for Z")
  or a part of the body meant ("the Joint Command of the Defence Force")
  (kg/extract/speakers.py, ``described``).

Sentences invented, set in Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica,
Botswana and Vietnam.
"""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import run, speakers_of


@pytest.mark.parametrize(("text", "body"), [
    ("The Palau Visitors Board suspended all diving tours on Monday. A board official said "
     "two boats had been damaged by the storm.", "Palau Visitors Board"),
    ("The Botswana Meat Board closed its abattoir in Lobatse on Tuesday. The board said 300 "
     "cattle had been tested for the disease.", "Botswana Meat Board"),
    ("The Jamaica Civil Aviation Authority closed the airport at Montego Bay on Friday. "
     "Two cargo flights were diverted to Kingston, the authority said.",
     "Jamaica Civil Aviation Authority"),
])
def test_a_description_of_a_named_body_speaks_for_it(nlp, text, body):
    result = run(nlp, text)
    assert {body} in speakers_of(result), speakers_of(result)


def test_a_body_of_another_kind_is_not_the_board(nlp):
    result = run(nlp, "The Zambia Red Cross Society sent tents to Mongu on Monday. A board "
                      "official said 40 families had been moved.")
    assert all("Zambia Red Cross Society" not in s for s in speakers_of(result)), \
        speakers_of(result)


def test_the_body_the_noun_heads_before_one_named_by_its_task(nlp):
    result = run(nlp, "The Estonian Rescue Authority evacuated 200 people from Tartu on "
                      "Monday. The Authority for Road Works closed the bridge at Narva. "
                      "The authority said 12 houses had been flooded.")
    speakers = speakers_of(result)
    assert any("Rescue Authority" in n for s in speakers for n in s), speakers


def test_the_force_itself_before_a_command_of_it(nlp):
    result = run(nlp, "The Botswana Defence Force sent two helicopters to Maun on Monday. "
                      "The Joint Command of the Defence Force said crews had rescued 40 "
                      "people. The flights will continue on Tuesday, the military said.")
    speakers = speakers_of(result)
    assert any("Defence Force" in n and "Command" not in n for s in speakers for n in s), \
        speakers
