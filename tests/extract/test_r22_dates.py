"""Dates of events, round 22: the page dates that relative dates resolve against.

Every sentence here is invented and set in Zambia, Benin, Palau, Nauru, Qatar, Latvia,
Estonia, Jamaica, Botswana or Vietnam, with invented people.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.document import extract_document
from kg.ingest.reader import parse_text

RELEASE = """MINISTRY OF HOME AFFAIRS
Press release
{line}

Two miners were killed and five were injured when a shaft collapsed at Selebi-Phikwe on Sunday.
"""


@pytest.mark.parametrize("line", [
    "Gaborone, Tuesday 3 March 2026",  # a weekday before the day
    "Palapye, Central District, Botswana – Tuesday 3 March 2026",  # the places holding it, a dash
    "Francistown, Botswana — Tuesday, March 3, 2026",  # month first, an em dash
    "Maun, 03.03.2026",  # numeric, day first
])
def test_place_and_date_line_is_the_page_date(line):
    doc = parse_text(RELEASE.format(line=line))
    assert doc.published == date(2026, 3, 3)


def test_place_and_date_line_dates_the_events(nlp):
    line = "Palapye, Central District, Botswana – Tuesday 3 March 2026"
    doc = parse_text(RELEASE.format(line=line))
    result = extract_document(doc, [(u, nlp(u.text)) for u in doc.units])
    dated = {f.kind: [t.value for t in f.roles.get("date", [])] for f in result.facts
             if f.kind in ("Casualties", "Injury")}
    assert dated == {"Casualties": ["2026-03-01"], "Injury": ["2026-03-01"]}


def test_byline_published_segment_is_the_page_date():
    text = ("Flooding closes schools across Jamaica's south coast\n"
            "By Marcia Thwaites | Published March 3, 2026, 4:15 PM\n\n"
            "The education ministry closed 40 schools in Clarendon on Monday.\n")
    doc = parse_text(text)
    assert doc.published == date(2026, 3, 3)
    # the line stays a byline: its writer is still read
    assert [s.text for u in doc.units for s, kind in u.bylines if kind == "person"] == [
        "Marcia Thwaites"]


def test_gmt_offset_beside_a_date_is_the_stamp_zone():
    text = ("Latvian court jails former port official for fraud\n"
            "By Ilze Kalnina\n"
            "June 12, 2026 11:47 PM GMT-3\n\n"
            "A court in Riga on Friday sentenced a former official of the Liepaja port "
            "authority to six years in prison.\n")
    doc = parse_text(text)
    assert doc.published == date(2026, 6, 12)  # the day as the page prints it


def test_time_alone_with_an_offset_is_no_stamp():
    from kg.ingest.pagedates import parse_time

    assert parse_time("18:40 (GMT+3)") is None
