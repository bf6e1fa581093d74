"""The country of a release's letterhead: the issuer's home country.

A government's, party's or agency's release opens with short lines naming its issuer and
where it sits ("GOVERNMENT OF THE KINGDOM OF X", "OFFICE OF THE PRIME MINISTER", "Town,
X") before its title and body. The country those lines name is the country the release
is about, however often its donors or neighbours are named in the body: the document's
home country for its unplaced towns (kg/extract/containment.py), its national bodies
(kg/resolve/entities.py) and its national offices (kg/extract/positions.py).

The letterhead is the block of lines before the first unit's headline (or, with no
headline, before the first line of more than eight words), at least two lines of at
most eight words each, within the first 600 characters. A country named there in a line
in capitals or after the town of an address line (not in a headline nor alone on a line,
as a copied page's menu names it) is the home country; two countries there name none.
"""

from __future__ import annotations

from kg.records import EntityType, Mention, Unit
from kg.resolve.names import display_name
from kg.resolve.places import gazetteer

_MAX_START = 600  # a letterhead stands at the top of the page
_LINE_WORDS = 8  # each of its lines is short
# ... or written in capitals: an issuer's name may be long ("MINISTRY OF THE INTERIOR,
# COMMUNITY DEVELOPMENT AND PUBLIC SECURITY")
_CAPS_WORDS = 12
# a line that opens with a state's own name names the issuer's country in any case:
# "Government of X", "Republic of X", "Kingdom of X", "Federal Democratic Republic of X"
_STATE_HEADS = {"government", "republic", "kingdom", "state", "principality", "sultanate",
                "commonwealth", "federation", "emirate"}
_STATE_ADJECTIVES = {"federal", "democratic", "people's", "socialist", "islamic", "united",
                     "arab", "cooperative", "plurinational", "bolivarian", "independent",
                     "grand"}


def letterhead_end(text: str, units: list[Unit]) -> int:
    """The offset where the letterhead block ends: 0 when the page opens with a long line
    or holds fewer than two short lines before its headline or body."""
    first = min(units, key=lambda u: u.start) if units else None
    stop = first.headline.start if first is not None and first.headline is not None \
        else None
    try:  # a later part of a long document (kg.ingest.parts.PartText) lacks the top
        top = text[:_MAX_START]
    except IndexError:
        return 0
    pos, lines = 0, 0
    for line in top.split("\n"):
        words = len(line.split())
        if (stop is not None and pos >= stop) or words > (
                _CAPS_WORDS if _capitals(line) else _LINE_WORDS):
            break
        lines += words > 0
        pos += len(line) + 1
    return pos if lines >= 2 else 0


def letterhead_country(text: str, units: list[Unit], mentions: list[Mention]) -> str | None:
    """The country code the letterhead names, else None."""
    end = letterhead_end(text, units)
    if end <= 0:
        return None
    gaz = gazetteer()
    codes = set()
    for m in mentions:
        if m.start >= end or m.type is not EntityType.COUNTRY or m.source.endswith("headline"):
            continue
        if not _heading_or_address(text, m):
            continue
        place = gaz.country(display_name(m.text))
        if place is not None and place.country_code:
            codes.add(place.country_code)
    codes |= _state_lines(text[:end])
    return codes.pop() if len(codes) == 1 else None


def _state_lines(block: str) -> set[str]:
    """The countries the letterhead's lines name as a state, whether or not the model
    found the name: "REPUBLIC OF X", "Government of the Kingdom of X" (the words after the
    last "of" of a line that opens with a state word, as the gazetteer names a country)."""
    gaz = gazetteer()
    out = set()
    for line in block.split("\n"):
        words = line.strip().lower().split()
        if not _state_opening(words):
            continue
        last = len(words) - 1 - words[::-1].index("of")
        rest = " ".join(words[last + 1:])
        place = gaz.country(rest[4:] if rest.startswith("the ") else rest) or gaz.country(rest)
        if place is not None and place.country_code:
            out.add(place.country_code)
    return out


def _heading_or_address(text: str, m: Mention) -> bool:
    """Whether a country stands in a letterhead's heading, a line in capitals ("REPUBLIC
    OF X"), or ends its address line ("Town, X"); not alone on a line, as a copied
    page's menu names it ("Home / World / X")."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    line = text[start:end if end >= 0 else len(text)]
    if _capitals(line) and len(line.split()) > 1:
        return True
    opening = text[start:m.start].lower().split()
    if _state_opening(opening) and opening[-1:] == ["of"]:
        return True  # "Government of X", "Government of the Republic of X"
    return text[start:m.start].rstrip().endswith(",")


def _state_opening(words: list[str]) -> bool:
    """Whether a line's words open with a state's name and "of": "republic of", "the
    government of", "federal democratic republic of"."""
    if words[:1] == ["the"]:
        words = words[1:]
    k = words.index("of") if "of" in words else 0
    return k >= 1 and words[k - 1] in _STATE_HEADS and all(
        w in _STATE_ADJECTIVES for w in words[:k - 1])


def _capitals(line: str) -> bool:
    return line.isupper() and len(line.split()) > 1
