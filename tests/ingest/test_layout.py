"""Page layouts the reader finds (docs/input.md): one invented page per layout."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kg.ingest.layout import Kind, Line, classify, find_dateline
from kg.ingest.pagedates import parse_date, parse_time
from kg.ingest.reader import parse_text


def body(doc) -> str:
    return "\n".join(u.text for u in doc.units)


# --- dates and times of page furniture ------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("11.03.2025", (2025, 3, 11)),
    ("2025-03-14", (2025, 3, 14)),
    ("March 3, 2020", (2020, 3, 3)),
    ("Mar. 3 2020", (2020, 3, 3)),
    ("3 March 2020", (2020, 3, 3)),
    ("Tuesday, 4 February 2025", (2025, 2, 4)),
    ("Jan 5, 2022", (2022, 1, 5)),
    ("June 3", (None, 6, 3)),
])
def test_page_dates(text, expected):
    d = parse_date(text)
    assert (d.year, d.month, d.day) == expected


@pytest.mark.parametrize("text", ["Rebels seize port", "4 people", "2025", "Room 101",
                                  "March", "Published by the ministry"])
def test_not_page_dates(text):
    assert parse_date(text) is None


def test_date_and_time_with_zone_in_either_order():
    a = parse_date("14:05 GMT 12.03.2025")
    b = parse_date("March 12, 2025, 9:42 a.m. EDT")
    assert a.stamp() == datetime(2025, 3, 12, 14, 5, tzinfo=UTC)
    assert b.stamp() == datetime(2025, 3, 12, 13, 42, tzinfo=UTC)
    # late evening in Tbilisi is still the same calendar day there
    c = parse_date("14 May 2025 23:15 GET")
    assert c.date() == date(2025, 5, 14) and c.stamp() == datetime(2025, 5, 14, 19, 15,
                                                                 tzinfo=UTC)


@pytest.mark.parametrize(("text", "expected"), [
    ("9:42 a.m. EDT", (9, 42, -4)), ("18:05 BST", (18, 5, 1)), ("14:20 (Beirut time)",
                                                                (14, 20, None)),
    ("2 p.m.", (14, 0, None)), ("23:59", (23, 59, None)),
])
def test_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # zone abbreviations kg does not list itself, read from dateparser's table
    ("18:45 ChST", (18, 45, 10)), ("9:10 a.m. CKT", (9, 10, -10)),
    ("06:20 AKDT", (6, 20, -8)), ("11:05 pm HST", (23, 5, -10)),
])
def test_times_with_other_zone_abbreviations(text, expected):
    assert parse_time(text) == expected


def test_a_zone_shaped_word_that_is_no_zone_makes_no_time():
    assert parse_time("14:05 FIRE") is None
    assert parse_time("10:00 Police") is None


def test_a_stamp_with_another_zone_starts_an_update():
    page = ("Page date: 4 May 2025\nStorm nears Palau\n"
            "Updated 18:45 ChST\nThe weather service extended its warning to Koror.\n"
            "Updated 16:10 ChST\nSchools in Koror closed early.\n")
    doc = parse_text(page, path="p.txt")
    assert [u.kind for u in doc.units][-2:] == ["update", "update"]
    assert doc.units[-2].stamp == datetime(2025, 5, 4, 8, 45, tzinfo=UTC)


@pytest.mark.parametrize("text", ["12", "25:10", "13 p.m.", "The 9:30 train"])
def test_not_times(text):
    assert parse_time(text) is None


# --- kinds of lines ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind"), [
    ("Published: 10 Jan 2025", Kind.PUBLISHED),
    ("Updated: 22 September 2025 14:10 CAT", Kind.UPDATED),
    ("Last updated on March 4, 2025", Kind.UPDATED),
    ("By Aminata Diallo and Joao Silva, Reuters", Kind.BYLINE),
    ("Reporting by Ivan Petrov; Editing by Mary Jones", Kind.BYLINE),
    ("Share  Facebook  Twitter  WhatsApp", Kind.CLUTTER),
    ("Read more: Floods cut off three towns", Kind.CLUTTER),
    ("Sign up for our morning briefing", Kind.CLUTTER),
    ("Home | World | Africa", Kind.CLUTTER),
    # a site menu set apart by two spaces, the article offered in other languages, share
    # buttons after a label (round 12)
    ("Jamaica Daily | Home  Kingston  Business  Sport  Opinion  Subscribe", Kind.CLUTTER),
    ("Lees dit artikel in het Nederlands | Lire cet article en français", Kind.CLUTTER),
    ("Read this article in French", Kind.CLUTTER),
    ("Share: Facebook | X | LinkedIn | WhatsApp | Email", Kind.CLUTTER),
    ("Share this article: Facebook | X | Copy link", Kind.CLUTTER),
    ("Police in Kingston read the statement in English on Monday.", Kind.TEXT),
    ("© 2025 Example Media. All rights reserved.", Kind.CLUTTER),
    ("دعم الجيش في المدينة", Kind.CLUTTER),
    ("Protesters in the capital on Monday. Photo: AFP/Getty Images", Kind.CAPTION),
    ("REUTERS/Jane Roe", Kind.CAPTION),
    ("FOR IMMEDIATE RELEASE", Kind.RELEASE),
    ("Ref: PR/2025/041", Kind.RELEASE),
    ("Media contact: press@example.org", Kind.RELEASE),
    ("Troops Sent to Port", Kind.HEADLINE),
    ("By the end of the week, the army had left the town.", Kind.TEXT),
])
def test_line_kinds(text, kind):
    assert classify(Line(0, len(text), text)).kind is kind


@pytest.mark.parametrize(("text", "place", "agency", "day"), [
    ("BAMAKO, June 3 (Reuters) - Soldiers", "BAMAKO", "Reuters", (None, 6, 3)),
    ("MAPUTO, August 9. /TASS/. Insurgents", "MAPUTO", "TASS", (None, 8, 9)),
    ("KAMPALA, Jan 5, 2022 - Uganda", "KAMPALA", None, (2022, 1, 5)),
    ("GOMA, Congo (AP) — Rebels", "GOMA", "AP", None),
    ("PORT-AU-PRINCE (AFP) - Gangs", "PORT-AU-PRINCE", "AFP", None),
    ("NEW YORK — The council", "NEW YORK", None, None),
])
def test_datelines(text, place, agency, day):
    d = find_dateline(text)
    assert text[slice(*d.place)] == place
    assert (text[slice(*d.agency)] if d.agency else None) == agency
    assert ((d.date.year, d.date.month, d.date.day) if d.date else None) == day
    assert text[d.end:].split()[0] in {"Soldiers", "Insurgents", "Uganda", "Rebels", "Gangs",
                                       "The"}


@pytest.mark.parametrize("text", ["UN - the United Nations said", "A - B", "He said - later",
                                  "NATO's forces - here"])
def test_not_datelines(text):
    assert find_dateline(text) is None


# --- whole pages ------------------------------------------------------------------------------
def test_wire_report_with_a_dated_dateline():
    """The issue's case: the dateline's date is the page date, and no part of the text."""
    doc = parse_text("Ugandan Troops Deploy to Border\n"
                     "KAMPALA, Jan 5, 2022 - Uganda deployed 500 soldiers to the border on "
                     "Tuesday, the army said.\n", path="wire.txt")
    assert doc.published == date(2022, 1, 5)
    assert doc.title == "Ugandan Troops Deploy to Border"
    (unit,) = doc.units
    assert unit.dateline.text == "KAMPALA" and unit.agency is None
    assert unit.anchor == date(2022, 1, 5)
    assert "KAMPALA" not in unit.text and "Jan 5" not in unit.text
    assert "Uganda deployed 500 soldiers" in unit.text


def test_dateline_without_a_year_takes_the_page_year():
    doc = parse_text("Published: 2 June 2025\nJunta Bans Parties\n"
                     "BAMAKO, June 3 (Reuters) - Mali's military rulers banned parties.\n",
                     path="w.txt")
    assert doc.published == date(2025, 6, 2)
    assert doc.units[0].date_hint == date(2025, 6, 3)
    assert doc.units[0].agency.text == "Reuters"


def test_tass_dateline_without_any_year_gives_no_date():
    doc = parse_text("MAPUTO, August 9. /TASS/. Insurgents attacked a town on Sunday.\n",
                     path="t.txt")
    assert doc.published is None and doc.units[0].anchor is None
    assert doc.units[0].dateline.text == "MAPUTO" and doc.units[0].agency.text == "TASS"
    assert doc.units[0].text.strip().startswith("Insurgents attacked")


def test_a_yearless_dateline_takes_the_year_the_text_says_it_is_written_in():
    doc = parse_text("Rebels Storm Northern Garrison\n"
                     "KANDARA, April 8 (AFP) - Rebels stormed a garrison on Monday, the worst "
                     "raid so far in 2024, the army said. The war began in 2019.\n", path="w.txt")
    assert doc.published == date(2024, 4, 8)
    assert doc.units[0].anchor == date(2024, 4, 8)


@pytest.mark.parametrize("sentence", [
    "The war began in March 2019.",                      # a past event's year
    "Elections are due later in 2027.",                  # a future sentence
])
def test_a_year_of_past_or_future_events_does_not_date_a_yearless_dateline(sentence):
    doc = parse_text(f"KANDARA, April 8 (AFP) - Rebels stormed a garrison. {sentence}\n",
                     path="w.txt")
    assert doc.published is None and doc.units[0].anchor is None


def test_a_date_line_with_an_update_time_is_the_page_date():
    doc = parse_text("Floods Cut Off the Valley\nBy Ana Reyes\nLusaka, Harare\n"
                     "4 March 2024 · Updated 09:15\n\nFloodwaters cut the main road on Monday, "
                     "officials said.\n", path="p.txt")
    assert doc.published == date(2024, 3, 4)
    assert "09:15" not in body(doc)


def test_a_release_place_and_date_line_gives_the_page_date_and_the_place():
    doc = parse_text("UNITED NATIONS MISSION IN ORANIA\nZelbar, 4 March 2024\n"
                     "Peacekeepers Attacked Near Border\nPeacekeepers came under fire on "
                     "Sunday near the border, the mission said.\n", path="r.txt")
    assert doc.published == date(2024, 3, 4)
    assert doc.units[0].dateline.text == "Zelbar"
    assert "4 March 2024" not in body(doc)


def test_a_first_line_date_is_the_page_date_not_the_title():
    doc = parse_text("March 3, 2020\nFloods Hit the Delta\nRivers burst their banks.\n",
                     path="f.txt")
    assert doc.published == date(2020, 3, 3)
    assert doc.title == "Floods Hit the Delta"


def test_copied_page_clutter_is_blanked_and_the_article_kept():
    page = (
        "Skip to content\nNews\nWorld\nAfrica\nSport\n"
        "Army Retakes Coastal Town After Week of Fighting\n"
        "Government forces say they control the port again.\n"
        "By Ana Costa\n"
        "Published: 22 Sep 2025\n"
        "Updated: 23 Sep 2025 14:10 CAT\n"
        "Share Facebook Twitter WhatsApp\n"
        "Soldiers patrol the harbour on Monday.\n"
        "Photo: AFP/Getty Images\n"
        "Soldiers retook the port town on Sunday, the defence ministry said.\n"
        "Read more: Aid convoy reaches the north\n"
        "The ministry said 40 fighters were captured.\n"
        "Related\n"
        "Floods kill dozens in the south\n"
        "Election date set for March\n"
        "Sign up for our Africa newsletter\n"
        "الجيش يستعيد المدينة\n"
        "© 2025 Example News\n"
    )
    doc = parse_text(page, path="copied.txt")
    text = body(doc)
    assert doc.title == "Army Retakes Coastal Town After Week of Fighting"
    assert doc.published == date(2025, 9, 22)
    assert doc.updated == datetime(2025, 9, 23, 12, 10, tzinfo=UTC)
    for kept in ("Government forces say", "Soldiers retook the port town",
                 "40 fighters were captured"):
        assert kept in text
    for gone in ("Skip to content", "Africa", "Ana Costa", "Facebook", "Getty", "patrol the "
                 "harbour", "Aid convoy", "Floods kill", "Election date", "newsletter", "الجيش",
                 "Example News"):
        assert gone not in text, gone


def test_press_release_furniture_is_blanked():
    page = ("GOVERNMENT OF THE REPUBLIC\nMinistry of Information\nPRESS RELEASE\n"
            "Ref: MOI/PR/2025/17\n2025-03-14\n"
            "President Declares State of Disaster in Three Districts\n"
            "The President has declared a state of disaster in three districts.\n"
            "ENDS\nFor more information contact: press@example.gov\n+265 1 234 567\n")
    doc = parse_text(page, path="pr.txt")
    assert doc.published == date(2025, 3, 14)
    assert doc.title == "President Declares State of Disaster in Three Districts"
    text = body(doc)
    assert "declared a state of disaster" in text
    for gone in ("PRESS RELEASE", "MOI/PR", "ENDS", "press@example.gov", "234 567"):
        assert gone not in text, gone


def test_live_page_with_time_only_stamps_and_day_headers():
    page = ("Live: Storm hits the coast\n"
            "Tuesday, 4 March 2025\n"
            "21:40 CLT\nCurfew ordered in the capital.\nThe curfew starts on Wednesday.\n"
            "Wednesday, 5 March 2025\n"
            "08:15 CLT\nSchools close\nSchools stayed closed on Wednesday.\n")
    doc = parse_text(page, path="live.txt")
    updates = [u for u in doc.units if u.kind == "update"]
    assert len(updates) == 2
    assert updates[0].anchor == date(2025, 3, 4)
    assert updates[0].stamp == datetime(2025, 3, 5, 1, 40, tzinfo=UTC)
    assert updates[1].anchor == date(2025, 3, 5)
    assert updates[1].headline.text == "Schools close"
    assert "Wednesday, 5 March" not in body(doc)


def test_live_page_with_dated_stamps_treats_lone_times_as_fragments():
    page = ("12.03.2025\nBorder tension\nTroops massed near the border.\n"
            "14:05 GMT 12.03.2025\nTalks open in the capital.\n"
            "10:12 GMT\n7\n"
            "09:30 GMT 12.03.2025\nShelling reported overnight.\n")
    doc = parse_text(page, path="l.txt")
    assert [u.kind for u in doc.units] == ["lead", "update", "update"]
    assert "10:12" not in body(doc)


def test_a_single_date_and_time_line_is_the_page_date_not_an_update():
    doc = parse_text("Quake Strikes Mountains\n9 September 2025 07:30 GMT\n"
                     "A strong earthquake struck the mountains overnight.\n", path="q.txt")
    assert [u.kind for u in doc.units] == ["article"]
    assert doc.published == date(2025, 9, 9)


def test_a_given_page_date_wins_and_dates_a_yearless_dateline():
    text = ("Published: 2 June 2025\nJunta Bans Parties\n"
            "BAMAKO, June 3 (Reuters) - Mali's military rulers banned parties on Sunday.\n")
    doc = parse_text(text, path="w.txt", published=date(2024, 6, 4))
    assert doc.published == date(2024, 6, 4)
    assert doc.units[0].anchor == date(2024, 6, 4)
    assert doc.units[0].date_hint == date(2024, 6, 3)


@pytest.mark.parametrize(("line", "names"), [
    ("By Ana Costa", [("Ana Costa", "person")]),
    ("By Lena Varga and Tomás Quiroga, Reuters",
     [("Lena Varga", "person"), ("Tomás Quiroga", "person"), ("Reuters", "media")]),
    ("(Reporting by Oskar Lind in Riga and Dana Ivić in Zagreb; Editing by Pat Moss)",
     [("Oskar Lind", "person"), ("Riga", "place"), ("Dana Ivić", "person"),
      ("Zagreb", "place"), ("Pat Moss", "person")]),
    ("By Yusuf al-Rashidi in Mosul", [("Yusuf al-Rashidi", "person"), ("Mosul", "place")]),
    ("(Reporting by Lima newsroom; Writing by Ines Prado)", [("Ines Prado", "person")]),
    ("By Ana Costa, Africa correspondent", [("Ana Costa", "person")]),
])
def test_byline_names(line, names):
    from kg.ingest.layout import byline_names

    assert [(line[n.start:n.end], n.kind) for n in byline_names(line)] == names


def test_bylines_are_blanked_and_their_names_kept_on_the_unit():
    text = ("Port Reopens After Strike\nBy Lena Varga\n"
            "Dockers returned to work on Monday after a week-long strike.\n"
            "(Reporting by Oskar Lind in Riga; Editing by Pat Moss)\n")
    doc = parse_text(text, path="b.txt")
    (unit,) = doc.units
    assert "Lena Varga" not in unit.text and "Oskar Lind" not in unit.text
    assert [(s.text, kind) for s, kind in unit.bylines] == [
        ("Lena Varga", "person"), ("Oskar Lind", "person"), ("Riga", "place"),
        ("Pat Moss", "person")]
    for span, _ in unit.bylines:
        assert text[span.start:span.end] == span.text


# --- the Latin share counts only non-ASCII letters by name; same figure as by name ------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_latin_share_equals_the_count_by_unicode_name(text):
    import unicodedata

    from kg.ingest.layout import _latin_share

    letters = [c for c in text if c.isalpha()]
    expected = (sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
                / len(letters)) if letters else 1.0
    assert _latin_share(text) == expected


def test_a_labelled_first_line_is_the_pages_title():
    # "Explainer: ..." opening the page is the article's own title (with the country it
    # names); the same label further down links to another story
    doc = parse_text("Explainer: Why the Gambia's president shook up his cabinet\n\n"
                     "The president of Togo dismissed three ministers on Sunday.\n\n"
                     "Analysis: Benin's election in five charts\n", path="f.txt")
    assert doc.title == "Explainer: Why the Gambia's president shook up his cabinet"
    assert "Gambia" in body(doc)
    assert "Explainer" not in body(doc)  # the label is blanked: no name
    assert "five charts" not in body(doc)


def test_read_more_list_is_clutter():
    """"Read more:" over other stories' headlines (one per line, bulleted): none of them is
    the article's text (round 12: a listed strike became an Attack)."""
    page = (
        "Jamaica Daily\n"
        "Kingston port reopens after two-day strike\n"
        "By Ana Costa\n"
        "Published: 22 Sep 2025\n"
        "Dock workers in Kingston returned to work on Monday after the port authority agreed"
        " to review summer rosters, the union said.\n"
        "Read more:\n"
        " - Montego Bay airport workers strike over pay\n"
        " - Spanish Town mayor calls for more police\n"
        "See also\n"
        "Ocho Rios hotel reports record season\n"
        "© 2025 Jamaica Daily\n"
    )
    text = body(parse_text(page, path="copied.txt"))
    assert "Dock workers in Kingston returned" in text
    for gone in ("Montego Bay", "Spanish Town", "Ocho Rios"):
        assert gone not in text, gone


@pytest.mark.parametrize(("line", "expected", "place"), [
    # a release's place and date line, the place holding lower-case particles
    ("Porto de Galinhas, 4 May 2026", date(2026, 5, 4), "Porto de Galinhas"),
    ("City of Gaborone, 9 February 2026", date(2026, 2, 9), "City of Gaborone"),
])
def test_place_and_date_lines_with_particles(line, expected, place):
    got = classify(Line(0, len(line), line))
    assert got.kind is Kind.DATE and got.date.date() == expected
    assert line[slice(*got.place)] == place


@pytest.mark.parametrize(("line", "expected"), [
    # a date with its year set apart by bars or dots from short labels
    ("Source: Vietnam News Agency | 2026-05-02 08:15:00", date(2026, 5, 2)),
    ("Live coverage | 2026-05-02 | Times are Hanoi time (GMT+7)", date(2026, 5, 2)),
    ("Politics · 2 May 2026", date(2026, 5, 2)),
    # a release's own label before its date
    ("Press release 2.5.2026 10:30", date(2026, 5, 2)),
    ("News release: 2 May 2026", date(2026, 5, 2)),
    # a label naming the page's own date by a noun of publishing
    ("Page date: 2026-05-02", date(2026, 5, 2)),
    ("Publication date: 2 May 2026", date(2026, 5, 2)),
    ("Date of issue: Saturday, May 2, 2026", date(2026, 5, 2)),
    # a broadcaster's line: writer, outlet, a posted date with its zone, a later update
    ("Lerato Sebina · Okavango Wave · Posted: May 2, 2026 9:37 AM AT | Last Updated: May 3, 2026",
     date(2026, 5, 2)),
    ("Posted: May 2, 2026 9:05 AM ET | Last Updated: May 4, 2026", date(2026, 5, 2)),
])
def test_labelled_page_dates(line, expected):
    got = classify(Line(0, len(line), line))
    assert got.kind in (Kind.DATE, Kind.STAMP, Kind.PUBLISHED) and got.date.date() == expected


@pytest.mark.parametrize("line", [
    "Flood toll rises to 40. | 2026-03-12",  # a sentence beside a date: a list of stories
    "Vientiane | Hanoi | Phnom Penh",  # no date
    "Schedule: 2 May 2026 | 9 May 2026",  # two dates: no single page date
    "Election date: 2 May 2026",  # a date the page speaks of, not its own
])
def test_not_labelled_page_dates(line):
    assert classify(Line(0, len(line), line)).date is None


def test_atlantic_time_is_a_zone_with_daylight_time():
    # Canada's Atlantic zone: three hours behind UTC in summer, four in winter
    assert parse_date("July 2, 2026 9:37 AM AT").offset == -3
    assert parse_date("January 2, 2026 9:37 AM AT").offset == -4


def test_a_labelled_page_date_dates_the_page():
    doc = parse_text("Source: Latvian Radio | 2026-04-21 16:40:12\n"
                     "Floods close roads in Latgale\n"
                     "Floods closed 30 roads in eastern Latvia on Monday, officials said.\n",
                     path="lv.txt")
    assert doc.published == date(2026, 4, 21)


# --- a live page's opening line (bug: read as a "Follow us" line and dropped) --------------
LIVE_INTRO = (
    "LIVE: Floods cut roads in northern Vietnam\n"
    "\n"
    "Tuesday 7 July 2026\n"
    "\n"
    "Follow our live coverage of the floods in Vietnam's Lao Cai province, now in their "
    "third day. All times are local.\n"
    "\n"
    "14:10 GMT\n"
    "Army sends boats\n"
    "\n"
    "The army sent 40 boats to Lao Cai city on Tuesday afternoon.\n"
    "\n"
    "12:30 GMT\n"
    "Schools shut\n"
    "\n"
    "The province closed 120 schools until Friday.\n"
    "\n"
    "Follow us on Facebook and X for more.\n"
)


def test_a_live_pages_opening_line_is_read_with_its_lead():
    doc = parse_text(LIVE_INTRO)
    lead = doc.units[0]
    assert lead.kind == "lead"
    assert "Follow our live coverage of the floods in Vietnam's Lao Cai province" in lead.text
    assert "Follow us on Facebook" not in body(doc)  # a follow-us line stays furniture


@pytest.mark.parametrize("text", [
    "Follow our live coverage of the strike in Riga.",
    "Follow the latest developments as the storm nears the coast.",
])
def test_follow_our_live_coverage_is_text(text):
    assert classify(Line(0, len(text), text)).kind is not Kind.CLUTTER


@pytest.mark.parametrize("text", ["Follow us on X", "Follow our WhatsApp channel",
                                  "Follow the Daily Ledger on Facebook"])
def test_follow_us_lines_are_furniture(text):
    assert classify(Line(0, len(text), text)).kind is Kind.CLUTTER
