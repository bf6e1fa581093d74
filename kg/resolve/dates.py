"""Normalise date expressions against the update's stamp.

News dates are mostly relative ("on Sunday", "last week") or lack a year
("on 2 January"); they resolve against the stamp of the update that reports
them (or the document's publication date). Dates are read day-first. Anything
that cannot be pinned down stays ``TimeExpr(value=None, precision="unresolved")``
rather than being guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from kg.records import TimeExpr

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_M = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?:,?\s*(?P<year>\d{4}))?"
_WD_OPT = r"(?:(?:" + "|".join(_WEEKDAYS) + r"),?\s+)?"
_PATTERNS = [
    # 2022-01-10
    ("day", re.compile(r"\b(?P<year>\d{4})-(?P<month_n>\d{1,2})-(?P<day>\d{1,2})\b")),
    # 10.01.2022, 10/01/2022 (day first)
    ("day", re.compile(r"\b(?P<day>\d{1,2})[./](?P<month_n>\d{1,2})[./](?P<year>\d{4})\b")),
    # 4-8 January 2022
    ("range", re.compile(r"\b(?P<day>\d{1,2})\s*[-–]\s*(?P<day2>\d{1,2})\s+" + _M + _Y, re.I)),
    # January 4-8, 2022
    ("range", re.compile(r"\b" + _M + r"\s+(?P<day>\d{1,2})\s*[-–]\s*(?P<day2>\d{1,2})\b" + _Y,
                         re.I)),
    # 3 and 4 November, Tuesday 3 to Thursday 5 November: two days of one month, the first
    # the start
    ("range", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|until|through)\s+"
                         + _WD_OPT + r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M + _Y,
                         re.I)),
    # November 3 and 4
    ("range", re.compile(r"\b" + _M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+"
                         r"(?:and|to|until|through)\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?\b" + _Y,
                         re.I)),
    # 2 January 2022, 2nd of January
    ("day", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M + _Y, re.I)),
    # January 6, 2022
    ("day", re.compile(r"\b" + _M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b" + _Y, re.I)),
    # January 2022
    ("month", re.compile(r"\b" + _M + r"\s+(?P<year>\d{4})\b", re.I)),
    # (early|late|mid-) 2022
    ("year", re.compile(r"^(?:(?:early|late|mid|the end of|the beginning of)[\s-]+)?"
                        r"(?P<year>(?:19|20)\d{2})$", re.I)),
]
_WEEKDAY = re.compile(r"\b(?:(?P<which>last|this|next)\s+)?(?P<weekday>"
                      + "|".join(_WEEKDAYS) + r")\b", re.I)
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0,
             "overnight": -1, "last evening": -1, "yesterday evening": -1,
             "this evening": 0, "this afternoon": 0, "last night": -1}
_WEEKS = re.compile(r"\b(?P<which>last|this|next|past)\s+week\b", re.I)
_EARLIER_WEEK = re.compile(r"^(?:earlier|early)\s+this\s+week$", re.I)
_WEEKEND = re.compile(r"^(?:(?P<which>last|this|next|the)\s+)?weekend$", re.I)
_MONTHS_REL = re.compile(r"^(?P<which>last|this|next|past)\s+month$", re.I)
_YEARS_REL = re.compile(r"^(?P<which>last|this|next|past)\s+year$", re.I)
# "early this month", "late last year", "mid-next month", "late next year": a part of a
# month or year relative to the base names that month or year (the precision says no more)
_PART_OF = re.compile(r"^(?:earlier|later|early|late|mid)[\s-]+(?=(?:last|this|next|past)\s+"
                      r"(?:month|year)$)", re.I)
# "in August last year", "October last year", "April next year": a month of the year before
# or after the base's
_MONTH_OF_YEAR = re.compile(r"^(?:(?:early|late|mid)[\s-]+)?" + _M
                            + r",?\s+(?:of\s+)?(?P<which>last|this|next)\s+year$", re.I)
_NTH = re.compile(r"^(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)$", re.I)
# "last Sunday the 17th", "on Tuesday the 3rd": a weekday and the day of the month it falls
# on (the day of the month found as "the 17th" is, and kept only when the weekday agrees)
_WEEKDAY_NTH = re.compile(r"^(?:(?:last|this|next)\s+)?(?P<weekday>" + "|".join(_WEEKDAYS)
                          + r"),?\s+(?P<nth>(?:the\s+)?\d{1,2}(?:st|nd|rd|th))$", re.I)

_MONTH_ONLY = re.compile(r"^(?:in\s+|early\s+|late\s+|mid-?)?" + _M + r"$", re.I)
# "for 90 days", "another year", "three weeks": how long, not when
_DURATION = re.compile(r"^(?:for\s+|over\s+)?(?:the\s+)?(?:another|a|an|one|\d+|several|a\s+few|"
                       r"two|three|four|five|six|seven|eight|nine|ten|twelve|\d+-)"
                       r"\s*(?:more\s+|further\s+|additional\s+)?"
                       r"(?:day|week|month|year|hour|minute)s?$", re.I)


def _base_date(base: date | datetime | None) -> date | None:
    if base is None:
        return None
    return base.date() if isinstance(base, datetime) else base


# parts of a day around a weekday or a date: "late on Tuesday", "Tuesday night", "in the
# early hours of Sunday", "earlier on Monday" name that day
_DAY_PART_BEFORE = re.compile(
    r"^(?:(?:in\s+)?(?:early|small)\s+hours\s+of\s+|(?:late|early|earlier|later)\s+(?:on\s+)?|"
    r"(?:in\s+)?the\s+(?:early\s+|small\s+)?(?:hours|morning|afternoon|evening|night)\s+of\s+)",
    re.I)
_DAY_PART_AFTER = re.compile(r"\s+(?:morning|afternoon|evening|night|overnight)$", re.I)
# "8am on Friday", "at 9.30 p.m. on 4 May", "midnight on Sunday", "noon today": a time of
# day before the day it falls on says no more than the day; so with a preposition of order
# before it ("before dawn on Friday", "just after midnight on Sunday", "after dark on Monday")
_TIME_OF_DAY_BEFORE = re.compile(
    r"^(?:(?:about|around|(?:(?:just|shortly|soon|right|long|well)\s+)?(?:before|after))\s+)?"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?|\d{1,2}[:.h]\d{2}|noon|midday|midnight|dawn|dusk|"
    r"dark|daybreak|sunrise|sunset|nightfall)"
    r"(?:\s+local\s+time)?\s+(?:on\s+)?(?=\S)", re.I)


# "at 4:21 p.m.", "shortly before noon", "at about 05:40 local time", "in the early
# afternoon": a time of day alone, with no day of its own (it falls on the day told before)
_CLOCK_ONLY = re.compile(
    r"^(?:(?:at|by|from|about|around|approximately|some|(?:just|shortly|soon|right)\s+"
    r"(?:before|after))\s+)*(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?|\d{1,2}[:.h]\d{2}|noon|"
    r"midday|midnight|dawn|dusk|daybreak|nightfall|(?:in\s+)?the\s+(?:early\s+|late\s+)?"
    r"(?:morning|afternoon|evening))(?:\s+local\s+time)?$", re.I)


def time_of_day_only(text: str) -> bool:
    """Whether ``text`` is a time of day with no day ("at about 8:30 p.m.")."""
    return bool(_CLOCK_ONLY.match(" ".join(text.split()).strip(" ,.")))


def _strip(text: str) -> str:
    t = " ".join(text.split())
    t = re.sub(r"^(?:on|in|at|since|from|until|till|by|during|through)\s+", "", t, flags=re.I)
    t = t.strip(" ,.")
    # the model may take the preposition after a date into it ("Sunday the 17th after")
    t = re.sub(r"\s+(?:after|before|when)$", "", t, flags=re.I)
    before = _DAY_PART_BEFORE.sub("", _TIME_OF_DAY_BEFORE.sub("", t))
    if before != t and before.lower() in _RELATIVE:
        return before  # "early this afternoon", "late last night", "earlier today"
    core = _DAY_PART_AFTER.sub("", before)
    if core != t and (_WEEKDAY.fullmatch(core) or re.search(r"\d", core)):
        t = re.sub(r"^(?:on|in|at)\s+", "", core, flags=re.I)
    return t


def _ymd(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A day written without its year is taken in the base's year unless that puts it more
# than half a year on the wrong side of the base: a past-tense page of 10 January that
# says "on 28 December" means last December; a future clause on a page of 20 December
# that says "will vote on 3 January" means next January.
_HALF_YEAR = 183


def _nearest_year(year: int, month: int, day: int, ref: date, future: bool) -> int:
    found = _ymd(year, month, day)
    if found is None:
        return year
    if not future and (found - ref).days > _HALF_YEAR:
        return year - 1
    if future and (ref - found).days > _HALF_YEAR:
        return year + 1
    return year


def normalise_date(text: str, *, base: date | datetime | None,
                   future: bool = False) -> TimeExpr:
    """Resolve ``text`` ("on Sunday", "2 January", "January 4-8, 2022") against ``base``.

    Day-first; a missing year is the base's year, or the year before (after, in
    a future clause) when that is more than half a year nearer; weekday names refer to the
    latest such day on or before the base (news reports the past), or with
    ``future`` (the clause is in the future tense: "will meet on Friday") to the
    first such day on or after it. A duration ("for 90 days") is not a date.
    """
    return _normalise(text, _base_date(base), future)


@lru_cache(maxsize=8192)
def _normalise(text: str, ref: date | None, future: bool) -> TimeExpr:
    """``normalise_date`` on the base's day: news repeats its date phrases, and the
    dateparser fallback is slow."""
    body = _strip(text)
    low = body.lower()
    unresolved = TimeExpr(text=text, value=None, precision="unresolved")
    if _DURATION.match(low):
        return unresolved
    for precision, pattern in _PATTERNS:
        m = pattern.search(body)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["year"]) if g.get("year") else (ref.year if ref else None)
        if year is None:
            return unresolved
        if precision == "year":
            return TimeExpr(text=text, value=f"{year:04d}-01-01", precision="year")
        month = int(g["month_n"]) if g.get("month_n") else _MONTHS[g["month"].lower().rstrip(".")]
        if precision == "month":
            return TimeExpr(text=text, value=f"{year:04d}-{month:02d}-01", precision="month")
        if not g.get("year") and ref is not None:
            year = _nearest_year(year, month, int(g["day"]), ref, future)
        start = _ymd(year, month, int(g["day"]))
        if start is None:
            return unresolved
        if precision == "range":
            end = _ymd(year, month, int(g["day2"]))
            if end is None or end < start:
                return unresolved
            return TimeExpr(text=text, value=start.isoformat(), precision="range",
                            end=end.isoformat())
        return TimeExpr(text=text, value=start.isoformat(), precision="day")
    if ref is None:
        return unresolved
    if low in _RELATIVE:
        return TimeExpr(text=text, value=(ref + timedelta(days=_RELATIVE[low])).isoformat(),
                        precision="day")
    m = _WEEKDAY_NTH.fullmatch(low)
    if m:
        found = _normalise(m.group("nth"), ref, future)
        if found.value is None or date.fromisoformat(found.value).weekday() != \
                _WEEKDAYS[m.group("weekday").lower()]:
            return unresolved
        return TimeExpr(text=text, value=found.value, precision="day")
    m = _WEEKDAY.fullmatch(low)
    if m:
        back = (ref.weekday() - _WEEKDAYS[m.group("weekday").lower()]) % 7
        which = (m.group("which") or "").lower()
        if which == "last" and back == 0:
            back = 7
        if which == "next" or (future and which != "last"):
            ahead = (_WEEKDAYS[m.group("weekday").lower()] - ref.weekday()) % 7
            if which == "next" and ahead == 0:
                ahead = 7
            return TimeExpr(text=text, value=(ref + timedelta(days=ahead)).isoformat(),
                            precision="day")
        return TimeExpr(text=text, value=(ref - timedelta(days=back)).isoformat(),
                        precision="day")
    m = _WEEKS.fullmatch(low)
    if m:
        monday = ref - timedelta(days=ref.weekday())
        shift = {"last": -7, "past": -7, "this": 0, "next": 7}[m.group("which").lower()]
        start = monday + timedelta(days=shift)
        return TimeExpr(text=text, value=start.isoformat(), precision="range",
                        end=(start + timedelta(days=6)).isoformat())
    if _EARLIER_WEEK.match(low):
        monday = ref - timedelta(days=ref.weekday())
        return TimeExpr(text=text, value=monday.isoformat(), precision="range",
                        end=ref.isoformat())
    m = _WEEKEND.match(low)
    if m:
        which = (m.group("which") or "").lower()
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        if which == "next" or (future and which != "last"):
            saturday = ref + timedelta(days=(5 - ref.weekday()) % 7 or 7)
        elif which == "last" and ref.weekday() >= 5:
            saturday -= timedelta(days=7)
        return TimeExpr(text=text, value=saturday.isoformat(), precision="range",
                        end=(saturday + timedelta(days=1)).isoformat())
    low = _PART_OF.sub("", low)
    m = _MONTH_OF_YEAR.match(low)
    if m:
        year = ref.year + {"last": -1, "this": 0, "next": 1}[m.group("which").lower()]
        month = _MONTHS[m.group("month").lower().rstrip(".")]
        return TimeExpr(text=text, value=f"{year:04d}-{month:02d}-01", precision="month")
    m = _MONTHS_REL.match(low)
    if m:
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group("which").lower()]
        y, mo = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        return TimeExpr(text=text, value=f"{y:04d}-{mo + 1:02d}-01", precision="month")
    m = _YEARS_REL.match(low)
    if m:
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group("which").lower()]
        return TimeExpr(text=text, value=f"{ref.year + shift:04d}-01-01", precision="year")
    m = _NTH.match(low)
    if m:
        # "on the 5th": the latest 5th on or before the base (the next one when future)
        day = int(m.group("day"))
        y, mo = ref.year, ref.month
        found = _ymd(y, mo, day)
        if found is None or (found > ref and not future):
            y, mo = divmod(y * 12 + mo - 2, 12)
            found = _ymd(y, mo + 1, day)
        elif future and found < ref:
            y, mo = divmod(y * 12 + mo, 12)
            found = _ymd(y, mo + 1, day)
        if found is None:
            return unresolved
        return TimeExpr(text=text, value=found.isoformat(), precision="day")
    m = _MONTH_ONLY.fullmatch(low)
    if m:
        month = _MONTHS[m.group("month").lower().rstrip(".")]
        if future:
            year = ref.year if month >= ref.month else ref.year + 1
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        return TimeExpr(text=text, value=f"{year:04d}-{month:02d}-01", precision="month")
    return _dateparser(text, body, ref)


def _dateparser(text: str, body: str, ref: date) -> TimeExpr:
    """Last resort for phrasings the patterns above do not cover ("two days ago")."""
    if not re.search(r"\d|\bago\b", body):
        return TimeExpr(text=text, value=None, precision="unresolved")
    import dateparser

    settings = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past",
                "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day),
                "REQUIRE_PARTS": ["day", "month", "year"]}
    found = dateparser.parse(body, languages=["en"], settings=settings)
    if found is None:
        return TimeExpr(text=text, value=None, precision="unresolved")
    return TimeExpr(text=text, value=found.date().isoformat(), precision="day")
