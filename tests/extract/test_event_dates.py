"""Event dates (issue 15): an event takes the date of its own clause, resolved against the
unit's anchor; no stated day, no date (docs/evaluation.md). Sentences written for the
purpose; the update is stamped Tuesday 14 March 2023."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, run


def _date(fact, role="date"):
    return [t.value for t in fact.roles.get(role, [])]


def test_a_part_of_the_day_keeps_the_day(nlp):
    (attack,) = facts_of(run(nlp, "Gunmen attacked a police post in Kidal late on Sunday."),
                         "Attack")
    assert _date(attack) == ["2023-03-12"]
    (arrest,) = facts_of(run(nlp, "Police arrested 12 people in Mopti on Monday afternoon."),
                         "Arrest")
    assert _date(arrest) == ["2023-03-13"]


def test_the_same_day_is_the_day_told_before(nlp):
    r = run(nlp, "Troops seized the airport in Gao on Sunday. Schools in Gao were shut the "
                 "same day.")
    (closure,) = facts_of(r, "Closure")
    assert _date(closure) == ["2023-03-12"]


def test_from_a_day_until_another(nlp):
    r = run(nlp, "The ministry closed all schools in Sikasso from today until Friday.")
    (closure,) = facts_of(r, "Closure")
    assert _date(closure) == ["2023-03-14"]
    assert _date(closure, "dateEnd") == ["2023-03-17"]  # an end lies ahead


def test_no_stated_day_no_date(nlp):
    (arrest,) = facts_of(run(nlp, "Police arrested 12 people in Mopti."), "Arrest")
    assert "date" not in arrest.roles


def test_a_date_under_since_is_not_the_events(nlp):
    r = run(nlp, "Mali has had five coups since independence from France in 1960.")
    for coup in facts_of(r, "Coup"):
        assert "date" not in coup.roles
