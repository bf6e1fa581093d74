"""What each line of a news page is: date, stamp, byline, dateline, clutter or text.

News reaches kg as wire reports ("BAMAKO, June 3 (Reuters) - ..."), live-update
pages (a stamp before every update), press releases (letterhead, "FOR IMMEDIATE
RELEASE", a contact block) and pages copied from a site, with menus, share
buttons, photo captions and credits, "Read more" links, lists of other headlines,
promo lines and lines in another script. This module sorts the lines of a page
into those kinds so that the reader (kg/ingest/reader.py) can date the page,
cut it into updates and blank what is not the article. Every rule is a pattern
of page furniture, not of any one site (docs/input.md lists them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from kg.ingest.pagedates import MONTH, PageDate, parse_date, parse_time


class Kind(StrEnum):
    BLANK = "blank"
    DATE = "date"            # a line that is a date (page date, or a day header of a live page)
    PUBLISHED = "published"  # "Published: 10 Jan 2025"
    UPDATED = "updated"      # "Updated: 10 Jan 2025 14:10 GMT"
    STAMP = "stamp"          # a time (and date) starting an update: "9:42 a.m. EDT"
    BYLINE = "byline"        # "By Jane Doe", "Reporting by ...; Editing by ..."
    CLUTTER = "clutter"      # menus, share buttons, promos, credits, other scripts, lists
    CAPTION = "caption"      # a photo caption and/or its credit
    RELEASE = "release"      # press-release furniture: FOR IMMEDIATE RELEASE, contacts, ENDS
    HEADLINE = "headline"    # a short line without a full stop
    TEXT = "text"            # running text


_I = re.IGNORECASE
_LABEL_DATE = re.compile(
    r"^(?P<label>"
    # "Page date: 2026-09-21", "Publication date: 2 May 2026", "Date of issue: ...": a
    # label naming the page's own date by a noun of publishing
    r"(?:page|publication|release|issue|story|article|post|report)\s+date|"
    r"date\s+(?:of\s+)?(?:publication|issue|release)|"
    r"(?:first\s+)?(?:published|posted|issued|released|dated?)|"
    # "Press release 14.1.2026 15:40", "Statement 3 March 2026": a release's own label
    r"(?:press|news|media)\s+(?:release|statement)|statement|communiqu[eé]|"
    r"(?:last\s+)?(?:updated|modified))(?:\s+(?:on|at))?\s*[:\-–—]?\s*(?P<rest>.+)$", _I)
_AGO = re.compile(r"^(?:(?:posted|updated)\s+)?(?:\d+|an?|one)\s*(?:min(?:ute)?s?|hours?|hrs?|h|m)"
                  r"\s+ago$|^just\s+now$", _I)
_NAME = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|da|van|von|al|el|bin|ibn|la|le|di))*"
_BYLINE = re.compile(
    r"^(?:\(?\s*(?:(?:additional\s+)?reporting|editing|writing|compiled|written|produced|"
    r"translated|research)\s+by\b.*|by\s+" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME
    + r")*(?:\s*(?:,|\||-|–|—|for|in)\s*.{0,60})?|(?:author|reporter|words)\s*:\s*.{1,80})$", _I)
_SOCIAL = re.compile(r"^(?:(?:share(?:\s+(?:this|on))?|facebook|twitter|x|whatsapp|linkedin|"
                     r"telegram|reddit|pinterest|email|e-mail|copy\s+link|messenger|print|"
                     r"flipboard|bluesky|threads|vk|weibo|line|viber)[\s,|/·•]*){1,12}$", _I)
_CLUTTER = [re.compile(p, _I) for p in (
    r"^(?:skip\s+to\s+(?:main\s+)?content|menu|search|sign\s+in|log\s+in|register|"
    r"subscribe(?:\s+now)?|advertisement|advert|sponsored(?:\s+content)?|watch\s+live|"
    r"listen(?:\s+to\s+(?:this\s+)?(?:article|story))?(?:\s*[\d:]+\s*(?:min)?)?|"
    r"\d+\s*min(?:ute)?s?\s+read|comments?(?:\s*\(\d+\))?|close|open|back\s+to\s+top|"
    r"toggle\s+\w+|loading\.*|play\s+video|video|audio|gallery|live|breaking(?:\s+news)?)$",
    r"^(?:read\s+more|read\s+also|also\s+read|see\s+also|related|watch|listen|recommended|"
    r"more|opinion|analysis|explainer)\s*[:>»|–—-]\s*.+$",
    r"^(?:sign\s+up|subscribe\s+to|get\s+(?:our|the)\b.*newsletter|download\s+(?:our|the)\s+app|"
    # (not a live page's opening line, "Follow our live coverage of X in Y ...": text)
    r"follow\s+(?:us|our|the)\b(?!\s+(?:live|latest|coverage|developments)\b)|"
    r"support\s+(?:our|independent|quality)\b|don'?t\s+miss\b|"
    r"become\s+a\s+(?:member|subscriber)|try\s+\d+\s+days|we\s+use\s+cookies|"
    r"(?:accept|reject)\s+(?:all\s+)?cookies|this\s+(?:article|story)\s+(?:was|is)\s+"
    r"(?:amended|updated|corrected))\b.*$",
    r"^(?:©|\(c\)\s|copyright\b).*$|.*\ball\s+rights\s+reserved\b.*$",
    r"^(?:topics|tags|filed\s+under|more\s+on|keywords|categories)\s*:.*$",
    # the article offered in another language: "Read this article in French", "Lire cet
    # article en français", "Lees dit artikel in het Nederlands", "Leer en español"
    r"^(?:(?:read|lire|lees|leer|leia|leggi|lesen\s+sie)(?:\s+(?:this|cet|dit|este|esta|"
    r"questo|diesen))?(?:\s+(?:article|artikel|artículo|articulo|artigo|articolo|story|"
    r"nota))?\s+(?:in|en|em|auf|in\s+het)\s+[^\W\d_]+(?:\s*[|/·•]\s*|$))+$",
    # share buttons after a label: "Share: Facebook | X", "Share this article: ..."
    r"^share(?:\s+this(?:\s+(?:article|story|page|post))?)?\s*:.*$",
    # a site menu: a run of one- to three-word items set apart by two spaces or bars
    # ("Harbour Times | Home  Nation  Business  Sport  Opinion  Subscribe")
    r"^(?:[\w'’.&-]+(?:\s[\w'’.&-]+){0,2}(?:\s{2,}|\s*\|\s*)){4,}[\w'’.&-]+(?:\s[\w'’.&-]+){0,2}$",
    r"^(?:[\w'’.&-]+(?:\s+[\w'’.&-]+){0,3}\s*(?:\||›|»|>|/|•)\s*){2,}[\w'’.&-]+(?:\s+[\w'’.&-]+){0,3}$",
)]
_LIST_HEADER = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|coverage|content|news|topics|links))?|"
    r"more\s+(?:on\s+this\s+story|from\s+[\w ]{1,30}|stories|news|coverage)|"
    r"most\s+(?:read|popular|viewed|shared|watched)|recommended(?:\s+(?:for\s+you|stories))?|"
    r"top\s+stories|latest(?:\s+(?:news|stories|headlines))?|trending(?:\s+now)?|"
    r"you\s+(?:may|might)\s+(?:also\s+)?like|read\s+next|editor'?s\s+picks|"
    r"in\s+other\s+news|what\s+to\s+read\s+next|more\s+in\s+[\w ]{1,30}|"
    r"elsewhere\s+on\s+[\w ]{1,30}|related\s+posts|further\s+reading|"
    # "Read more:" / "See also" over a list of other stories' headlines
    r"read\s+(?:more|also)|also\s+read|see\s+also|more\s+to\s+read|"
    r"you\s+may\s+have\s+missed|don'?t\s+miss|"
    r"more\s+(?:africa|world|europe|asia|americas|middle\s+east)\s+news)\s*:?$", _I)
_CREDIT = [re.compile(p, _I) for p in (
    r"\b(?:photo(?:graph)?s?|pictures?|images?|video|credit|illustration)\s*(?:credit)?\s*:\s*\S",
    r"\b(?:photo(?:graph)?|picture)\s+(?:by|courtesy)\b",
    r"\b(?:REUTERS|AFP|AP\s+Photo|AP|EPA(?:-EFE)?|EFE|Xinhua|Anadolu(?:\s+Agency)?|"
    r"Getty\s+Images|Bloomberg|SOPA\s+Images|TASS|Sputnik|ANP|DPA|NurPhoto)\s*/\s*[A-Z][a-z]",
    r"\bvia\s+Getty\s+Images\b|\bGetty\s+Images\b|\bShutterstock\b|\bAlamy\b",
    r"^image\s+(?:source|caption)\b|^caption\s*:",
    r"\s[-–—]\s[^,\n]{2,60},\s*\d{3,4},\s*\d{1,2}\.\d{1,2}\.\d{4}\s*$",
)]
_RELEASE = [re.compile(p, _I) for p in (
    r"^(?:for\s+immediate\s+release|(?:press|news|media)\s+(?:release|statement|advisory)|"
    r"communiqu[eé](?:\s+de\s+presse)?|embargoed?.*|ends?|-+\s*ends?\s*-+|#{3,}|\*{3,}|-{3,}|"
    r"—\s*ends?\s*—|\[?ends?\]?|issued\s+by\s*:?.*)$",
    r"^(?:ref(?:erence)?|our\s+ref|no|release\s+no|press\s+release\s+no|pr)\.?\s*(?:no\.?)?\s*"
    r"[:#]?\s*[\w/.\-]*\d[\w/.\-]*$",
    r"^(?:media\s+|press\s+)?(?:contacts?|enquiries|inquiries)\s*:?.*$",
    r"^for\s+(?:further|more)\s+(?:information|details)\b.*$",
    r"^(?:tel(?:ephone)?|phone|mobile|mob|fax|e-?mail|web(?:site)?)\s*[:.]?.*$",
    r"^\+?\(?\d[\d\s().\-]{7,}\d$",
    r"^\S+@\S+\.\w+$|^(?:https?://|www\.)\S+$",
)]
# a press release's place and date line: "Naqoura, 10 October 2025", "Geneva, 3 March 2025"
# ("Porto de Galinhas, 4 May 2026", "City of Gaborone, 9 February 2026": a place
# name may hold lower-case particles between its capitalised words)
_PLACE_NAME = (r"[A-Z][\w'’.\-]+(?:\s+(?:(?:of|la|le|de|del|della|di|do|da|du|des|el|al|en|"
               r"am|an|upon|on)\s+)?[A-Z][\w'’.\-]+){0,3}")
_PLACE_DATE = re.compile(r"^(?P<place>" + _PLACE_NAME + r"),\s+"
                         r"(?P<date>\d{1,2}\s+\w+\.?,?\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4})$")
# other place and date lines of a page's header: the places holding the place ("Palapye,
# Central District, Botswana"), a dash before the date, a weekday or a numeric date
# ("Maun, Tuesday 3 March 2026", "Palapye, Botswana – 03.03.2026"). The date is the
# page's; the line stays running text, its places read as any others (it is no dateline:
# the story may be told far from where it is issued)
_PLACES_DATE = re.compile(r"^" + _PLACE_NAME + r"(?:,\s+" + _PLACE_NAME + r"){0,2}"
                          r"(?:,|\s+[—–-])\s+(?P<date>[\w.,\s]+\d{4})$")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":", ";")


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str
    kind: Kind = Kind.TEXT
    date: PageDate | None = None  # DATE, PUBLISHED, UPDATED, STAMP
    time: tuple[int, int, float | None] | None = None  # a STAMP with a time only
    place: tuple[int, int] | None = None  # a DATE line "Naqoura, 10 October 2025"
    told: PageDate | None = None  # the date of a TEXT line "Maun, Tuesday 3 March 2026"
    relative: bool = False  # a STAMP like "2 hours ago"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _latin_share(text: str) -> float:
    letters = "".join(filter(str.isalpha, text))
    if not letters:
        return 1.0
    # every ASCII letter is LATIN; only the others need their Unicode name
    others = _NON_ASCII.findall(letters)
    latin = len(letters) - len(others) + sum(
        1 for c in others if unicodedata.name(c, "").startswith("LATIN"))
    return latin / len(letters)


def words(text: str) -> int:
    return len(text.split())


def is_headline(text: str) -> bool:
    return 0 < len(text) <= 250 and not text.rstrip().endswith(_SENTENCE_END[:3])


# "Source: AGENCY | 2026-05-02 08:15:00", "Live coverage | 2026-05-02 | Times are
# local": a date with its year set apart by bars or dots from short labels is the page's
_SEGMENTS = re.compile(r"\s*[|·•]\s*")


_PUBLISHED_LABEL = re.compile(r"^(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s+", re.I)


_UPDATE_SEGMENT = re.compile(r"^(?:last\s+)?(?:updated|modified)\b", re.I)


def _labelled_date(s: str) -> PageDate | None:
    """One date among short labels set apart by bars or dots: the page's date.

    A segment labelled as posted or published gives its date; a segment labelled as
    updated is left out, so "Name · Outlet · Posted: D T | Last Updated: D" gives D.
    """
    parts = [p for p in _SEGMENTS.split(s) if p]
    if not 2 <= len(parts) <= 4 or len(s) > 120 or _BYLINE.match(s):
        return None  # "By A. Writer | Published D" is a byline, which keeps its names
    parts = [p for p in parts if not _UPDATE_SEGMENT.match(p)] or parts
    parsed = [(p, parse_date(_PUBLISHED_LABEL.sub("", p))) for p in parts]
    dates = [d for _, d in parsed if d is not None]
    labels = [p for p, d in parsed if d is None]
    if len(dates) != 1 or dates[0].year is None or any(
            words(p) > 8 or p.rstrip().endswith((".", "!", "?"))
            or re.search(r"\b(?:19|20)\d{2}\b", p) for p in labels):
        return None
    return dates[0]


def classify(line: Line) -> Line:
    """Set the kind of one line from its own text (context is the reader's business)."""
    s = line.text
    if not s:
        line.kind = Kind.BLANK
        return line
    if len(s) > 1000:  # furniture is short; a long line is running text (and may be huge)
        line.kind = Kind.TEXT
        return line
    if (d := parse_date(s)) is not None:
        line.kind, line.date = (Kind.STAMP if d.hour is not None else Kind.DATE), d
        return line
    if (t := parse_time(s)) is not None:
        line.kind, line.time = Kind.STAMP, t
        return line
    if (m := _PLACE_DATE.match(s)) and (d := parse_date(m.group("date"))) is not None \
            and d.year is not None and d.hour is None:
        line.kind, line.date, line.place = Kind.DATE, d, m.span("place")
        return line
    if (m := _PLACES_DATE.match(s)) and (d := parse_date(m.group("date"))) is not None \
            and d.year is not None and d.hour is None:
        line.told = d
    if _AGO.match(s):
        line.kind, line.relative = Kind.STAMP, True
        return line
    if (d := _labelled_date(s)) is not None:
        line.kind, line.date = (Kind.STAMP if d.hour is not None else Kind.DATE), d
        return line
    m = _LABEL_DATE.match(s)
    if m:
        label = m.group("label").lower()
        rest = re.split(r"\s*\|\s*|\s+(?=(?:last\s+)?(?:updated|modified)\b)", m.group("rest"),
                        maxsplit=1, flags=_I)[0].strip()
        d = parse_date(rest)
        updated = "updat" in label or "modif" in label
        if d is not None:
            line.kind, line.date = (Kind.UPDATED if updated else Kind.PUBLISHED), d
            return line
        t = parse_time(rest)
        if t is not None and updated:
            line.kind, line.time = Kind.STAMP, t
            return line
    if re.fullmatch(r"\d{1,4}", s):
        line.kind = Kind.CLUTTER  # a stray count (comments, shares) or page number
        return line
    if _latin_share(s) < 0.5:
        line.kind = Kind.CLUTTER
        return line
    credits = re.match(r"^\(\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\b", s, _I)
    if credits or (words(s) <= 40 and _BYLINE.match(s)
                   and not s.rstrip().endswith((".", "!", "?"))):
        line.kind = Kind.BYLINE
        # "By A. Writer | Published 3 March 2026, 4:15 PM": the byline names the page date
        line.date = next((d for p in _SEGMENTS.split(s)[1:] if _PUBLISHED_LABEL.match(p)
                          and (d := parse_date(_PUBLISHED_LABEL.sub("", p))) is not None
                          and d.year is not None), None)
        return line
    if _SOCIAL.match(s) or any(p.match(s) for p in _CLUTTER):
        line.kind = Kind.CLUTTER
        return line
    if find_dateline(s) is not None:
        line.kind = Kind.TEXT  # a paragraph opening with a dateline is the article
        return line
    if len(s) <= 300 and any(p.search(s) for p in _CREDIT):
        line.kind = Kind.CAPTION
        return line
    if len(s) <= 200 and any(p.match(s) for p in _RELEASE):
        line.kind = Kind.RELEASE
        return line
    line.kind = Kind.HEADLINE if is_headline(s) else Kind.TEXT
    return line


def is_list_header(text: str) -> bool:
    return bool(_LIST_HEADER.match(text))


# --- datelines ----------------------------------------------------------------------------
# PLACE: upper-case words ("PORT-AU-PRINCE", "NEW YORK", "N'DJAMENA"), optionally followed
# by a country or state in mixed case ("GOMA, Congo").
_PLACE = r"(?P<place>[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,3})"
_REGION = r"(?:,\s*(?P<region>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}))?"
_MON = r"(?i:" + MONTH + r")"  # month names in any case, the place in capitals
_DDATE = (r"(?:,\s*(?P<date>(?:" + _MON + r")\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
          r"\d{1,2}\s+(?:" + _MON + r")(?:\s+\d{4})?))?")
_AGENCY = r"\((?P<agency>[A-Z][\w .&'’/-]{1,40})\)"
DATELINE_FORMS = [
    # BAMAKO, June 3 (Reuters) -   |   GOMA, Congo (AP) —   |   ABUJA (Reuters) -
    re.compile(r"^" + _PLACE + _REGION + _DDATE + r"\s*" + _AGENCY + r"\s*[-–—]+\s*"),
    # MAPUTO, August 9. /TASS/.
    re.compile(r"^" + _PLACE + _REGION + _DDATE
               + r"\.?\s*/(?P<agency>[A-Z][\w .&'’-]{1,40})/\s*\.?\s*"),
    # KAMPALA, Jan 5, 2022 -   |   TBILISI, May 14 —   (a date, no agency)
    re.compile(r"^" + _PLACE + _REGION + r",\s*(?P<date>(?:" + _MON + r")\s+\d{1,2}"
               r"(?:,?\s+\d{4})?|\d{1,2}\s+(?:" + _MON + r")(?:\s+\d{4})?)\s*[-–—:]+\s+"),
    # NAIROBI — (an em or en dash after an upper-case place; a hyphen is too common)
    re.compile(r"^" + _PLACE + _REGION + r"\s*[–—]+\s+(?=[A-Z\"“'‘])"),
]


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of a line: offsets relative to the line."""

    place: tuple[int, int]
    agency: tuple[int, int] | None
    date: PageDate | None
    end: int  # where the sentence after the dateline starts


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``, if it has one (the place must be upper case)."""
    for form in DATELINE_FORMS:
        m = form.match(text)
        if not m:
            continue
        place = m.group("place")
        if len(place.replace(" ", "")) < 3 or place.isdigit():
            continue
        gd = m.groupdict()
        agency = m.span("agency") if gd.get("agency") else None
        when = parse_date(gd["date"]) if gd.get("date") else None
        return Dateline(m.span("place"), agency, when, m.end())
    return None


@dataclass(slots=True)
class Furniture:
    """What the header of a page says about it."""

    published: PageDate | None = None
    updated: PageDate | None = None
    notes: list[str] = field(default_factory=list)


# --- bylines ------------------------------------------------------------------------------
_CREDIT_LEAD = re.compile(r"^\s*(?:(?:additional\s+)?(?:reporting|editing|writing|compiled|"
                          r"written|produced|translated|research|photos?|video)\s+by|by|"
                          r"(?:author|reporter|words)\s*:)\s+", _I)
_PARTICLES = ("al-", "el-", "ad-", "as-", "an-", "bin", "ibn", "de", "da", "dos", "du", "van",
              "von", "la", "le", "di", "del", "della", "der", "ben", "ter")
_STAFF = re.compile(r"\b(?:newsroom|staff|desk|team|correspondents?|reporters?|writers?|"
                    r"editors?|bureau|affairs)\b", _I)


def _name_like(text: str) -> bool:
    """Capitalised words, allowing name particles ("Zainab al-Khafaji", "Luis de la Cruz")."""
    parts = text.split()
    return bool(parts) and parts[0][0].isupper() and all(
        w[0].isupper() or w.lower().startswith(_PARTICLES) for w in parts) and all(
        c.isalpha() or c in "'’-." for w in parts for c in w)


@dataclass(frozen=True, slots=True)
class BylineName:
    """A name in a byline, with offsets relative to the line: a person, agency or place."""

    start: int
    end: int
    kind: str  # "person" | "media" | "place"


def byline_names(text: str) -> list[BylineName]:
    """The people, agencies and places of a byline ("By A and B in Lima, Reuters").

    A part of two to five capitalised words is a person; one capitalised word (or an
    acronym) after a person is the agency; what follows "in" is a place. Staff
    credits ("Mali newsroom", "Pacific affairs reporter") name nobody.
    """
    out: list[BylineName] = []
    for seg in re.finditer(r"[^;()]+", text):
        segment, base = seg.group(0), seg.start()
        lead = _CREDIT_LEAD.match(segment)
        if lead is None:
            continue
        seen_person = False
        for part in re.finditer(r"[^,&|]+", segment[lead.end():]):
            chunk_start = base + lead.end() + part.start()
            for piece in re.finditer(r"(?:(?<=\s)|^)(?!and\b)\S.*?(?=\s+and\s+|$)",
                                     part.group(0)):
                words = piece.group(0)
                name, sep, place = words.partition(" in ")
                name = name.strip()
                n_start = chunk_start + piece.start() + (len(words) - len(words.lstrip()))
                if not name or _STAFF.search(name) or not _name_like(name):
                    continue
                n = len(name.split())
                if 2 <= n <= 5:
                    out.append(BylineName(n_start, n_start + len(name), "person"))
                    seen_person = True
                elif n == 1 and seen_person:
                    out.append(BylineName(n_start, n_start + len(name), "media"))
                place = place.strip()
                if sep and place and _name_like(place):
                    p_start = chunk_start + piece.start() + words.index(" in ") + 4
                    out.append(BylineName(p_start, p_start + len(place), "place"))
    return out
