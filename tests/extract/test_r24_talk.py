"""Statements in follow-up stories (round 24): a state reported of someone ("the people
reported missing") is no saying, and its subject no speaker.

Invented sentences set in Zambia, Botswana, Jamaica, Latvia and Vietnam, with invented
people.
"""

from __future__ import annotations

from event_helpers import facts_of, run, speakers_of


def test_people_reported_missing_inside_a_quote_is_not_a_speaker(nlp):
    r = run(nlp, '"The six fishermen reported missing since Friday are safe and back in '
                 'port," the head of the district disaster unit Mary Banda said in a '
                 'statement in Mongu.')
    assert speakers_of(r) and all("fishermen" not in " ".join(s) for s in speakers_of(r))
    assert any("Mary Banda" in s for s in speakers_of(r))


def test_woman_reported_missing_says_nothing(nlp):
    r = run(nlp, "A woman reported missing in Maun on Sunday has not yet been found.")
    assert not facts_of(r, "Statement")


def test_reported_killed_inside_a_report_is_not_a_second_speaker(nlp):
    r = run(nlp, "The mayor of Montego Bay, Andre Campbell, told local radio that two "
                 "divers reported missing on Monday had been found alive.")
    assert [s for s in speakers_of(r) if "divers" in " ".join(s)] == []


def test_a_body_reporting_deaths_still_speaks(nlp):
    r = run(nlp, "The Latvian health ministry reported three deaths in Riga on Tuesday.")
    assert facts_of(r, "Statement")
