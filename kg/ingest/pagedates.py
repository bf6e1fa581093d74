"""Dates and times as news pages print them in their furniture.

Page dates ("Published: 10 Jan 2025", "March 3, 2025", "2025-03-14", "11.03.2025"),
update stamps ("14:05 GMT 12.03.2025", "9:42 a.m. EDT", "Updated 11:20") and the
dates of datelines ("BAMAKO, June 3 (Reuters) -") are read here, strictly: a
line is a date line only when it holds nothing else. Numeric dates are day
first, as in the rest of kg. Running text is not this module's business
(kg/resolve/dates.py reads dates inside sentences).
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = [name.lower() for name in calendar.day_name]
_WD = (r"(?:(?:" + "|".join(_WEEKDAYS + [d[:3] for d in _WEEKDAYS]) + r")\.?,?\s+)?")
MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# Offsets of the zone abbreviations news pages print. Where an abbreviation is
# ambiguous the reading of English-language news wins: BST British Summer Time,
# IST India, CST US Central. "ET"/"PT"/"CT"/"MT" and Canada's Atlantic "AT" take
# daylight time from March to October (close enough for a calendar date).
ZONES: dict[str, float] = {
    "gmt": 0, "utc": 0, "z": 0, "wet": 0, "bst": 1, "west": 1, "cet": 1, "wat": 1,
    "cest": 2, "eet": 2, "cat": 2, "sast": 2, "eest": 3, "msk": 3, "eat": 3, "ast": 3,
    "trt": 3, "irst": 3.5, "gst": 4, "get": 4, "amt": 4, "azt": 4, "pkt": 5, "ist": 5.5,
    "npt": 5.75, "bdt": 6, "ict": 7, "wib": 7, "pht": 8, "sgt": 8, "myt": 8, "hkt": 8,
    "awst": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
    "edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7, "pdt": -7,
    "pst": -8, "clt": -4, "clst": -3, "art": -3, "brt": -3, "bot": -4, "pet": -5,
    "cot": -5, "ect": -5,
}
_SEASONAL = {"at": (-3, -4), "et": (-4, -5), "ct": (-5, -6), "mt": (-6, -7),
             "pt": (-7, -8)}
# Any other zone-shaped abbreviation ("ChST", "CKT", "AKDT"): three to five letters,
# the first and the last a capital, looked up in dateparser's table of zone
# abbreviations; a shape not in that table is no zone
ZONE = (r"(?:(?P<zone>" + "|".join(sorted([*ZONES, *_SEASONAL], key=len, reverse=True))
        + r")|(?-i:(?P<other>[A-Z][A-Za-z]{1,3}[A-Z])))\b\.?")
# 14:05 | 9:42 a.m. | 9.42pm | 2 p.m. | 14h05
TIME = (r"(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*"
        r"(?P<ampm>[ap]\.?\s?m\.?(?![a-z]))?")
_TIME_ZONE = (TIME + r"(?:\s*\(?(?:" + ZONE + r"|(?P<local>local(?:\s+time)?|[A-Z][a-z]+\s+time))"
              r"\)?)?")

# Absolute dates, each anchored on a whole string.
_DATE_FORMS = [
    # 2025-03-14 (ISO, optionally with a time: 2025-03-14T09:30:00Z)
    re.compile(r"(?P<year>\d{4})-(?P<month_n>\d{1,2})-(?P<day>\d{1,2})"
               r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    # 14.03.2025, 14/03/2025, 14-03-2025, Friday, 14/03/2025 (day first)
    re.compile(_WD + r"(?P<day>\d{1,2})[./-](?P<month_n>\d{1,2})[./-](?P<year>\d{4})", re.I),
    # Friday, 14 March 2025 | 14 Mar. 2025 | 14th March, 2025
    re.compile(_WD + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + MONTH
               + r")(?:,?\s+(?P<year>\d{4}))?", re.I),
    # Friday, March 14, 2025 | Mar. 14 2025 | March 14
    re.compile(_WD + r"(?P<month>" + MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
               r"(?:,?\s+(?P<year>\d{4}))?", re.I),
]


@dataclass(frozen=True, slots=True)
class PageDate:
    """A date read from page furniture, with the time when one was printed.

    ``year`` is None when the text gives only day and month (a dateline
    "June 3"); ``time`` is the UTC time of day when a zone (or none) was given.
    """

    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    offset: float | None = None  # hours east of UTC; None: no zone printed

    def date(self, year: int | None = None) -> date | None:
        """The calendar date as printed (local to the page), given a year if it lacks one."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            return date(y, self.month, self.day)
        except ValueError:
            return None

    def stamp(self, year: int | None = None) -> datetime | None:
        """The moment in UTC (a time without a zone is taken as UTC; no time: midnight)."""
        d = self.date(year)
        if d is None:
            return None
        local = datetime(d.year, d.month, d.day, self.hour or 0, self.minute or 0)
        return (local - timedelta(hours=self.offset or 0)).replace(tzinfo=UTC)


@functools.cache
def other_zones() -> dict[str, float]:
    """dateparser's zone abbreviations (hours east of UTC), first reading of each.

    Imported on first need: most pages print a zone of ZONES, and dateparser
    takes a tenth of a second to import.
    """
    from dateparser.timezones import timezone_info_list

    table: dict[str, float] = {}
    for group in timezone_info_list:
        for name, seconds in group["timezones"]:
            if name.isalpha():
                table.setdefault(name.upper(), seconds / 3600)
    return table


def _ymd(m: re.Match[str]) -> tuple[int | None, int, int] | None:
    g = m.groupdict()
    month = int(g["month_n"]) if g.get("month_n") else _MONTHS[g["month"].lower().rstrip(".")]
    year = int(g["year"]) if g.get("year") else None
    day = int(g["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def _time(m: re.Match[str], when: tuple[int, int, int] | None = None
          ) -> tuple[int, int, float | None] | None:
    g = m.groupdict()
    hour, minute = int(g["hour"]), int(g["minute"] or 0)
    ampm = (g.get("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif g["minute"] is None:
        return None  # a bare number is no time
    if hour > 23 or minute > 59:
        return None
    zone = (g.get("zone") or "").lower().rstrip(".")
    offset: float | None = None
    if g.get("other"):
        offset = other_zones().get(g["other"].upper())
        if offset is None:
            return None
    elif zone in ZONES:
        offset = ZONES[zone]
    elif zone in _SEASONAL:
        summer = when is not None and 3 <= when[1] <= 10
        offset = _SEASONAL[zone][0 if summer or when is None else 1]
    return hour, minute, offset


def _whole_date(s: str) -> tuple[int | None, int, int] | None:
    for form in _DATE_FORMS:
        m = form.fullmatch(s)
        if m:
            return _ymd(m)
    return None


# "June 12, 2026 4:47 PM GMT+2": a wire's time stamp beside its date may give its zone as
# an offset from GMT or UTC (read only beside a date: a time alone on its line is a live
# page's stamp, whose zone the page states once)
_SHIFTED = re.compile(TIME + r"\s*(?:gmt|utc)\s*(?P<sign>[+\-−])\s*(?P<h>\d{1,2})"
                      r"(?::?(?P<m>\d{2}))?", re.I)


def _whole_time(s: str, ymd=None) -> tuple[int, int, float | None] | None:
    s = re.sub(r"^(?:at|@)\s+", "", s, flags=re.I)
    m = re.fullmatch(_TIME_ZONE, s, re.I)
    if m is None and ymd is not None and (m := _SHIFTED.fullmatch(s)) is not None:
        t = _time(m, ymd)
        if t is None or int(m["h"]) > 14:
            return None
        shift = (int(m["h"]) + int(m["m"] or 0) / 60) * (1 if m["sign"] == "+" else -1)
        return t[0], t[1], shift
    return _time(m, ymd) if m else None


_CUT = re.compile(r"[\s,|·•]+(?:[-–—]\s+)?")
# "10 June 2025 · Updated 18:42": the update's time without its day says nothing of
# the page date; the line is that date
_UPDATE_TIME = re.compile(r"(?:last\s+)?(?:updated|modified)(?:\s+at)?\s*:?\s*(?P<rest>.+)", re.I)


def parse_date(text: str) -> PageDate | None:
    """A line that is a date, optionally with a time and zone, in either order."""
    s = " ".join(text.split()).strip(" .,")
    if not s or len(s) > 60:
        return None
    ymd = _whole_date(s)
    if ymd:
        return PageDate(*ymd)
    for cut in _CUT.finditer(s):
        left, right = s[:cut.start()].strip(" ,|"), s[cut.end():].strip(" ,|")
        if not left or not right:
            continue
        ymd = _whole_date(left)
        if ymd:
            t = _whole_time(right, ymd)
            if t:
                return PageDate(*ymd, *t)
            update = _UPDATE_TIME.fullmatch(right)
            if update and _whole_time(update.group("rest"), ymd):
                return PageDate(*ymd)
        # "8:15 am on 4 June 2025": a time, then "on" and the date
        ymd = _whole_date(re.sub(r"^on\s+", "", right, flags=re.I))
        if ymd:
            t = _whole_time(left, ymd)
            if t:
                return PageDate(*ymd, *t)
    return None


def parse_time(text: str) -> tuple[int, int, float | None] | None:
    """A line that is only a time of day, with or without a zone: (hour, minute, offset)."""
    s = " ".join(text.split()).strip(" ,")
    m = re.fullmatch(_TIME_ZONE, s, re.I)
    return _time(m) if m else None


def fixed_zone(offset: float | None) -> timezone:
    return UTC if not offset else timezone(timedelta(hours=offset))


# "the deadliest attack so far in 2025", "earlier in 2025", "in 2025 alone": the text
# names the year it is written in; a year of past events ("seized power in 2020",
# "tabled in March 2025") does not say the story is of that year
_CURRENT_YEAR = re.compile(r"\b(?:so\s+far\s+in|earlier\s+in|later\s+in|until\s+now\s+in)\s+"
                           r"(?P<a>(?:19|20)\d{2})\b|\b(?:in|of|for)\s+(?P<b>(?:19|20)\d{2})\s+"
                           r"(?:so\s+far|to\s+date|alone)\b"
                           # "police have arrested 400 people across the country in 2025":
                           # a present perfect with a year is of the year it is written in
                           r"|\b(?:has|have)\s+(?:been\s+)?[a-z]+(?:ed|en)\b[^.!?;,]{0,80}?"
                           r"\bin\s+(?P<c>(?:19|20)\d{2})\b(?!\s*[-–]|\s+and\b)", re.I)


def text_year(text: str) -> int | None:
    """The year of a page that prints a day and month only ("TBILISI, May 14 (Reuters)"),
    when its running text says which year it is written in; else None."""
    years = [int(m.group("a") or m.group("b") or m.group("c"))
             for sentence in re.split(r"(?<=[.!?])\s+", text) if not _FUTURE.search(sentence)
             for m in _CURRENT_YEAR.finditer(sentence)]
    return max(years) if years else None


# a sentence about what is to come ("elections are due later in 2027")
_FUTURE = re.compile(r"\b(?:will|would|shall|due|scheduled|expected|planned|plans?)\b", re.I)
