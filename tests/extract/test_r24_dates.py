"""Dates of recapped events in follow-up stories (round 24): a count told in a relative
clause on a recapped event takes that event's date, and the dead and hurt told with no day
are the toll of the violence told before them. Sentences invented for the purpose;
the update is stamped Tuesday 14 March 2023."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, run


def _date(fact, role="date"):
    return [t.value for t in fact.roles.get(role, [])]


def test_relative_clause_on_a_possessive_day_takes_that_day(nlp):
    r = run(nlp, "Police on Thursday questioned the manager over Monday's blast at the plant "
                 "in Tartu, which killed six workers.")
    (dead,) = facts_of(r, "Casualties")
    assert _date(dead) == ["2023-03-13"]  # the blast's Monday, not the Thursday of the raid


def test_relative_clause_climbs_from_the_place_to_the_event_noun(nlp):
    r = run(nlp, "Investigators on Friday questioned two engineers over Sunday's collapse of "
                 "the hotel in Jurmala, which killed nine guests.")
    (dead,) = facts_of(r, "Casualties")
    assert _date(dead) == ["2023-03-12"]


def test_relative_clause_on_a_noun_with_its_month(nlp):
    r = run(nlp, "Two men were charged last month over an arson attack on a hostel in Tartu "
                 "in October 2025, in which a guard was injured.")
    (hurt,) = facts_of(r, "Injury")
    assert _date(hurt) == ["2025-10-01"]


def test_relative_clause_inside_a_dated_lower_clause(nlp):
    r = run(nlp, "Troops on Thursday captured a man who took part in the raid on Sunday in "
                 "which three guards were killed and two were hurt.")
    (dead,) = facts_of(r, "Casualties")
    assert _date(dead) == ["2023-03-12"]  # the day of the ambush, not of the capture


def test_relative_clause_with_an_undated_antecedent_keeps_the_sentence_day(nlp):
    r = run(nlp, "Police in Gaborone on Monday arrested a driver whose lorry killed three "
                 "pedestrians.")
    (dead,) = facts_of(r, "Casualties")
    assert _date(dead) in ([], ["2023-03-13"])  # no day of its own: never another one



def test_the_dead_and_hurt_with_no_day_take_the_day_of_the_violence_before(nlp):
    r = run(nlp, "Gunmen attacked a police post in Francistown on Sunday. Six officers were "
                 "killed and nine were wounded.")
    (dead,) = facts_of(r, "Casualties")
    (hurt,) = facts_of(r, "Injury")
    assert _date(dead) == _date(hurt) == ["2023-03-12"]


def test_a_toll_put_with_no_day_is_the_toll_of_the_clash_before(nlp):
    r = run(nlp, "Rival groups clashed in Ngerulmud on Saturday. The police put the toll at "
                 "four.")
    (dead,) = facts_of(r, "Casualties")
    assert _date(dead) == ["2023-03-11"]


def test_a_running_toll_since_a_time_takes_no_day_of_one_attack(nlp):
    r = run(nlp, "Gunmen attacked a police post in Francistown on Sunday. Six officers have "
                 "been killed in the region since January.")
    (dead,) = facts_of(r, "Casualties")
    assert _date(dead) != ["2023-03-12"]
