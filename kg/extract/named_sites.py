"""Helpers of kg/extract/kind_cues.py for the names a site or way noun goes with: a
road's number ("the T2 highway", "Road 17"), an owner's name before a site noun ("their
Radio X station", "a X Railway line": no site of that name), and "the Y town of X" (Y is
where the town X lies, not a "Y town")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.entity_rules import KindNoun, entity_rules
from kg.extract.entity_types import head_type
from kg.records import EntityType

# a road's number: "the T2 highway", "the N380 road", "the A-1 road" (a letter or two,
# then digits; not all digits: "the 12 checkpoints" counts them)
_ROAD_CODE = re.compile(r"[A-Z]{1,2}-?\d{1,4}[A-Z]?")
_ROAD_NOUNS = {"highway", "road", "motorway", "expressway", "freeway"}


def road_code(doc: Doc, i: int, j: int) -> bool:
    """Whether a road's number stands right before the road noun at tokens [i, j)."""
    return i > 0 and doc[i:j].text.lower() in _ROAD_NOUNS and \
        _ROAD_CODE.fullmatch(doc[i - 1].text) is not None


def numbered_road(doc: Doc, i: int, j: int, typed: dict) -> None:
    """"Road 17", "Highway 1": a capitalised road noun and the road's number after it
    name one road (a Place), not the bare noun and a count."""
    if doc[i:j].text.lower() in _ROAD_NOUNS and j < len(doc) and doc[j].is_digit and \
            len(doc[j].text) <= 4 and not (j + 1 < len(doc) and doc[j + 1].is_digit):
        typed.setdefault((i, j + 1), (EntityType.PLACE, "rule:kind-noun"))


def named_body(doc: Doc, names: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether the name before a site or way noun names its owner, not the site: its head
    word is a medium's ("their Radio X station": the broadcaster; a body's building, "the
    National Assembly building", is a place), or the noun opens capitalised and ends in
    lower case ("a X Railway line": "Railway" ends the company's name, the line is the
    company's)."""
    if len(names) != 1:
        return False
    if doc[i].text[:1].isupper() and j - i > 1 and doc[j - 1].is_lower:
        return True
    return head_type(doc[names[0][0]:names[0][1]].text, entity_rules()) \
        is EntityType.MEDIA_ORGANIZATION


def settlement_of(doc: Doc, j: int, noun: KindNoun) -> bool:
    """Whether a settlement noun ("town", "village") is followed by "of" and a name: "the
    Y town of X" names the town X, and Y where it lies."""
    return noun.type is EntityType.CITY and j + 1 < len(doc) and doc[j].lower_ == "of" \
        and doc[j + 1].text[:1].isupper() and doc[j + 1].pos_ == "PROPN"
