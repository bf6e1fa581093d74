"""Round 23, second wave, dates: a time of day with a preposition of order before its day
("before dawn on Friday"), the early hours of a day without their article, and dates that
point back to the day told before ("that evening", "hours later").

Every sentence here is invented; places are in Zambia, Latvia, Botswana and Jamaica. The
update is stamped Tuesday 14 March 2023.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.resolve.dates import normalise_date
from tests.extract.event_helpers import facts_of, run

BASE = date(2023, 3, 14)  # a Tuesday


def _date(fact, role="date"):
    return [t.value for t in fact.roles.get(role, [])]


@pytest.mark.parametrize("text, expected", [
    ("before dawn on Sunday", "2023-03-12"),
    ("just before dawn on Monday", "2023-03-13"),
    ("shortly after midnight on Saturday", "2023-03-11"),
    ("after dark on Sunday", "2023-03-12"),
    ("before 6am on Monday", "2023-03-13"),
    ("early hours of Sunday", "2023-03-12"),
    ("in early hours of Monday", "2023-03-13"),
])
def test_a_time_of_day_with_an_order_word_names_its_day(text, expected):
    assert normalise_date(text, base=BASE).value == expected


@pytest.mark.parametrize("text", ["before Monday", "after Friday", "before dawn"])
def test_an_order_word_before_a_day_alone_is_no_day(text):
    # "before Monday" is not Monday; a time of day with no day names none
    assert normalise_date(text, base=BASE).value is None


def test_an_arrest_before_dawn_is_dated_by_its_day(nlp):
    (arrest,) = facts_of(run(nlp, "Police in Lusaka arrested opposition leader Mwila Banda "
                                  "at his home before dawn on Sunday."), "Arrest")
    assert _date(arrest) == ["2023-03-12"]


def test_that_evening_is_the_day_told_before(nlp):
    r = run(nlp, "Protesters marched through Gaborone on Sunday. Later that evening, police "
                 "arrested 14 of them.")
    (arrest,) = facts_of(r, "Arrest")
    assert _date(arrest) == ["2023-03-12"]


def test_hours_later_is_the_day_told_before_but_not_when_counted_past_a_day(nlp):
    r = run(nlp, "Soldiers seized the radio station in Kingston on Sunday. Hours later, "
                 "police arrested the station's director, Delroy Campbell.")
    (arrest,) = facts_of(r, "Arrest")
    assert _date(arrest) == ["2023-03-12"]
    r = run(nlp, "Soldiers seized the radio station in Kingston on Sunday. More than 30 hours "
                 "later, police arrested the station's director, Delroy Campbell.")
    (arrest,) = facts_of(r, "Arrest")
    assert _date(arrest) != ["2023-03-12"]


def test_a_pointing_back_phrase_the_model_leaves_out_is_read(nlp):
    # at the start of a sentence the model finds no date in "Hours later" or "That evening"
    r = run(nlp, "Soldiers seized the radio station in Riga on Sunday. That evening, police "
                 "arrested 11 people near the station.")
    (arrest,) = facts_of(r, "Arrest")
    assert _date(arrest) == ["2023-03-12"]


@pytest.mark.parametrize("text, expected", [
    ("last Sunday the 12th", "2023-03-12"),
    ("Monday the 13th", "2023-03-13"),
    ("in the early hours of last Sunday the 12th after", "2023-03-12"),
    ("Friday the 12th", None),  # the weekday and the day disagree: no day
])
def test_a_weekday_with_its_day_of_the_month(text, expected):
    assert normalise_date(text, base=BASE).value == expected


def test_the_same_weekday_is_the_day_told_before(nlp):
    r = run(nlp, "A dam burst above the village of Kanye in the early hours of last Sunday "
                 "the 12th. Soldiers evacuated some 200 residents to a school in Kanye on "
                 "the same Sunday.")
    (evacuation,) = facts_of(r, "Evacuation")
    assert _date(evacuation) == ["2023-03-12"]


def test_a_time_of_day_alone_is_on_the_day_told_before(nlp):
    r = run(nlp, "Floods cut the main road into Maun on Sunday. At about 8:30 p.m., soldiers "
                 "evacuated 150 residents of the village to a school.")
    (evacuation,) = facts_of(r, "Evacuation")
    assert _date(evacuation) == ["2023-03-12"]
    # with no day told before, a time of day dates nothing
    (evacuation,) = facts_of(run(nlp, "At about 8:30 p.m., soldiers evacuated 150 residents "
                                      "of the village to a school in Maun."), "Evacuation")
    assert _date(evacuation) == []


def test_a_time_of_day_before_its_own_day_takes_that_day(nlp):
    r = run(nlp, "Floods cut the main road into Maun on Monday. The cabinet met in emergency "
                 "session in Gaborone at 06:00 on Sunday.")
    (meeting,) = facts_of(r, "Meeting")
    assert _date(meeting) == ["2023-03-12"]
