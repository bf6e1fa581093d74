"""Round 23, datelines and dates: forms of the page's furniture the reader missed, and
parts of a month or year named relative to the page date.

Every sentence here is invented; places are in Palau, Latvia, Qatar and Zambia.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest.pagedates import PageDate, parse_date
from kg.ingest.reader import parse_text
from kg.records import TimeExpr
from kg.resolve.dates import normalise_date

# --- a dateline under a headline and a deck ------------------------------------------------

STACKED = (
    "Coastguard rescues eleven fishermen after trawler capsizes in storm off the main harbour\n"
    "Owner says the vessel had passed its safety inspection only a month before it sank\n\n"
    "Posted 7:10 p.m. Tuesday, March 3, 2026\n\n"
    "KOROR — Eleven fishermen were rescued on Monday after their trawler capsized in heavy "
    "seas, the coastguard said.\n\n"
    "The crew were taken to hospital in Koror for checks, officials said.\n")


def test_a_dateline_under_a_long_headline_and_deck_is_found():
    doc = parse_text(STACKED, path="stacked.txt")
    unit = doc.units[0]
    assert unit.dateline is not None and unit.dateline.text == "KOROR"
    # the dateline is blanked: the sentence starts with its subject
    assert "KOROR" not in unit.text
    assert "Eleven fishermen were rescued" in unit.text


TAGGED = (
    "04 MAR 2026, 11:05\n\n"
    "Riga court remands former port director in custody over procurement fraud case\n\n"
    "The official is suspected of taking kickbacks from a dredging contractor\n\n"
    "RIGA, March 4. /LETA/. A Riga district court on Wednesday remanded a former port "
    "director, Edgars Kalnins, in custody for two months, the court said.\n")


def test_an_agency_dateline_under_a_deck_is_found_and_dated():
    doc = parse_text(TAGGED, path="tagged.txt")
    unit = doc.units[0]
    assert unit.dateline is not None and unit.dateline.text == "RIGA"
    assert unit.agency is not None and unit.agency.text == "LETA"
    assert unit.date_hint == date(2026, 3, 4)


# --- page dates -----------------------------------------------------------------------------


@pytest.mark.parametrize("line, expected", [
    ("8:15 am on 4 June 2025", PageDate(2025, 6, 4, 8, 15)),
    ("9:05 am on 2 June 2025", PageDate(2025, 6, 2, 9, 5)),
    ("Saturday, 11/07/2026", PageDate(2026, 7, 11)),
    ("Wed 14.01.2026", PageDate(2026, 1, 14)),
])
def test_page_date_forms(line, expected):
    assert parse_date(line) == expected


def test_a_time_on_a_date_under_a_byline_is_the_page_date():
    text = ("Dengue cases double in Palau as clinics extend hours\n\n"
            "Lerita Ngiraked, Pacific Journalist\n"
            "4:05 pm on 12 May 2026\n\n"
            "Palau's health ministry said on Monday that dengue cases had doubled in a week.\n")
    doc = parse_text(text, path="palau.txt")
    assert doc.published == date(2026, 5, 12)


def test_a_weekday_and_numeric_date_line_is_the_page_date_not_the_title():
    text = ("Customs officers seize smuggled cigarettes at Hamad Port\n\n"
            "Saturday, 11/07/2026\n\n"
            "Doha, 11 July (QNA) -- Customs officers seized 40,000 packets of cigarettes "
            "hidden in a container at Hamad Port on Thursday, the authority said.\n")
    doc = parse_text(text, path="qatar.txt")
    assert doc.published == date(2026, 7, 11)
    assert doc.title == "Customs officers seize smuggled cigarettes at Hamad Port"


# --- parts of a month or year, and a month of the year before or after -----------------

BASE = date(2026, 10, 15)


@pytest.mark.parametrize("phrase, value, precision", [
    ("Early this month", "2026-10-01", "month"),
    ("late last month", "2026-09-01", "month"),
    ("late last year", "2025-01-01", "year"),
    ("late next year", "2027-01-01", "year"),
    ("mid-next month", "2026-11-01", "month"),
    ("in August last year", "2025-08-01", "month"),
    ("October last year", "2025-10-01", "month"),
    ("April next year", "2027-04-01", "month"),
])
def test_relative_parts_of_months_and_years(phrase, value, precision):
    found = normalise_date(phrase, base=BASE)
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize("phrase", ["earlier this decade", "later this season",
                                    "earlier in the year"])
def test_other_parts_of_time_stay_unresolved(phrase):
    assert normalise_date(phrase, base=BASE).value is None


def test_a_dated_sentence_takes_the_month_of_last_year(nlp):
    from event_helpers import facts_of, run

    result = run(nlp, "Zambian police arrested Mwila Banda, a trader from Kitwe, in August last "
                      "year.")
    arrests = facts_of(result, "Arrest")
    dates = [v for f in arrests for v in f.roles.get("date", []) if isinstance(v, TimeExpr)]
    assert [(d.value, d.precision) for d in dates] == [("2022-08-01", "month")]


# --- "today", "tonight", "tomorrow" are days, not a date after "to" ------------------------


@pytest.mark.parametrize("sentence, day", [
    ("The Jamaica Constabulary Force said today that it had charged two men.",
     "2023-03-14"),
    ("The Botswana Police Service said tonight that the road had reopened.", "2023-03-14"),
])
def test_a_statement_made_today_is_dated_on_the_report_day(nlp, sentence, day):
    from event_helpers import facts_of, run

    statements = facts_of(run(nlp, sentence), "Statement")
    assert statements
    dates = [v.value for v in statements[0].roles.get("date", []) if isinstance(v, TimeExpr)]
    assert dates == [day]


def test_a_date_after_until_is_still_skipped_as_the_day_of_saying(nlp):
    from event_helpers import facts_of, run

    statements = facts_of(run(nlp, "Latvian officials said the border crossing was to remain "
                                   "shut until Friday."), "Statement")
    assert statements
    dates = [v.value for v in statements[0].roles.get("date", []) if isinstance(v, TimeExpr)]
    assert "2023-03-17" not in dates
