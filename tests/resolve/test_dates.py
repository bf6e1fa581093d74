"""Date normalisation against an update stamp (day-first, weekdays back from the stamp)."""

from datetime import UTC, date, datetime

import pytest

from kg.resolve.dates import normalise_date

STAMP = datetime(2023, 3, 14, 9, 30, tzinfo=UTC)  # a Tuesday


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("on Tuesday", "2023-03-14", "day"),        # the stamp's own weekday is that day
    ("on Sunday", "2023-03-12", "day"),
    ("Monday", "2023-03-13", "day"),
    ("last Tuesday", "2023-03-07", "day"),
    ("on 2 March", "2023-03-02", "day"),
    ("March 6, 2021", "2021-03-06", "day"),
    ("04.03.2023", "2023-03-04", "day"),        # day first
    ("yesterday", "2023-03-13", "day"),
    ("February 2022", "2022-02-01", "month"),
    ("early 2021", "2021-01-01", "year"),
])
def test_resolves_against_the_stamp(text, value, precision):
    t = normalise_date(text, base=STAMP)
    assert (t.value, t.precision, t.text) == (value, precision, text)


def test_ranges_keep_both_ends():
    t = normalise_date("March 4-8, 2023", base=STAMP)
    assert (t.value, t.end, t.precision) == ("2023-03-04", "2023-03-08", "range")
    week = normalise_date("last week", base=STAMP)
    assert (week.value, week.end, week.precision) == ("2023-03-06", "2023-03-12", "range")


def test_a_plain_date_is_a_valid_base():
    assert normalise_date("on Friday", base=date(2023, 3, 14)).value == "2023-03-10"


@pytest.mark.parametrize("text", ["some time", "the coming days", "recently"])
def test_unresolvable_is_left_unresolved(text):
    t = normalise_date(text, base=STAMP)
    assert t.value is None and t.precision == "unresolved"


def test_relative_dates_need_a_base():
    assert normalise_date("on Sunday", base=None).precision == "unresolved"
    assert normalise_date("2 March", base=None).value is None
    assert normalise_date("2 March 2020", base=None).value == "2020-03-02"


def test_impossible_dates_are_unresolved():
    assert normalise_date("31 February 2023", base=STAMP).value is None


@pytest.mark.parametrize(("text", "value"), [
    ("on Friday", "2023-03-17"),        # "will meet on Friday", stamped Tuesday: ahead
    ("Tuesday", "2023-03-14"),          # the stamp's own weekday: that day
    ("next Tuesday", "2023-03-21"),
    ("last Friday", "2023-03-10"),      # an explicit "last" stays in the past
    ("in May", "2023-05-01"),
    ("in January", "2024-01-01"),       # a month before the stamp's is next year's
])
def test_future_tense_resolves_forward(text, value):
    assert normalise_date(text, base=STAMP, future=True).value == value


def test_past_is_still_the_default():
    assert normalise_date("on Friday", base=STAMP).value == "2023-03-10"
    assert normalise_date("in May", base=STAMP).value == "2022-05-01"


@pytest.mark.parametrize("text", ["for 90 days", "another year", "three weeks", "30 days",
                                  "for several months"])
def test_a_duration_is_no_date(text):
    assert normalise_date(text, base=STAMP).value is None


WEDNESDAY = date(2024, 10, 9)


@pytest.mark.parametrize(("text", "value", "precision", "end"), [
    ("late on Monday", "2024-10-07", "day", None),
    ("on Sunday night", "2024-10-06", "day", None),
    ("in the early hours of Tuesday", "2024-10-08", "day", None),
    ("earlier on Wednesday", "2024-10-09", "day", None),
    ("on the 3rd", "2024-10-03", "day", None),
    ("on the 28th", "2024-09-28", "day", None),          # no 28th yet this month: last month's
    ("earlier this week", "2024-10-07", "range", "2024-10-09"),
    ("last weekend", "2024-10-05", "range", "2024-10-06"),
    ("last month", "2024-09-01", "month", None),
    ("last year", "2023-01-01", "year", None),
])
def test_day_parts_nth_days_and_relative_periods(text, value, precision, end):
    t = normalise_date(text, base=WEDNESDAY)
    assert (t.value, t.precision, t.end) == (value, precision, end)


def test_the_nth_in_the_future_tense_is_the_next_one():
    assert normalise_date("on the 3rd", base=WEDNESDAY, future=True).value == "2024-11-03"


@pytest.mark.parametrize(("text", "base", "future", "value"), [
    # a day more than half a year ahead of a past-tense page is last year's
    ("26 November", date(2023, 3, 10), False, "2022-11-26"),
    ("on 28 December", date(2024, 1, 10), False, "2023-12-28"),
    ("4-6 December", date(2024, 1, 10), False, "2023-12-04"),
    # a future clause near the year's end looks into next year
    ("3 January", date(2024, 12, 20), True, "2025-01-03"),
    # within half a year the base's year stands, either way
    ("5 April", date(2024, 3, 10), False, "2024-04-05"),
    ("August 15", date(2024, 3, 10), False, "2024-08-15"),
    ("2 January", date(2024, 12, 20), False, "2024-01-02"),
    # a stated year is never moved
    ("26 November 2023", date(2023, 3, 10), False, "2023-11-26"),
])
def test_a_day_without_its_year_takes_the_nearer_year(text, base, future, value):
    assert normalise_date(text, base=base, future=future).value == value


@pytest.mark.parametrize(("text", "value"), [
    ("early this afternoon", "2023-03-14"), ("late this evening", "2023-03-14"),
    ("early this morning", "2023-03-14"), ("late last night", "2023-03-13"),
    ("earlier today", "2023-03-14"), ("8am on Friday", "2023-03-10"),
    ("at 9.30 p.m. on 4 March", "2023-03-04"), ("midnight on Sunday", "2023-03-12"),
    ("noon today", "2023-03-14"),
])
def test_a_time_of_day_or_a_degree_says_no_more_than_its_day(text, value):
    assert normalise_date(text, base=STAMP).value == value


@pytest.mark.parametrize(("text", "start", "end"), [
    ("3 and 4 March", "2023-03-03", "2023-03-04"),
    ("Friday 3 and Saturday 4 March", "2023-03-03", "2023-03-04"),
    ("between 6 and 9 March", "2023-03-06", "2023-03-09"),
    ("March 6 to 9", "2023-03-06", "2023-03-09"),
])
def test_two_days_of_one_month_are_a_range_from_the_first(text, start, end):
    t = normalise_date(text, base=STAMP)
    assert (t.value, t.end, t.precision) == (start, end, "range")
