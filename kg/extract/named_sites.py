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
ROAD_CODE = re.compile(r"[A-Z]{1,2}-?\d{1,4}[A-Z]?")
_ROAD_NOUNS = {"highway", "road", "motorway", "expressway", "freeway"}


def road_code(doc: Doc, i: int, j: int) -> bool:
    """Whether a road's number stands right before the road noun at tokens [i, j)."""
    return i > 0 and doc[i:j].text.lower() in _ROAD_NOUNS and \
        ROAD_CODE.fullmatch(doc[i - 1].text) is not None


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


# the words that put a bare road number on the road: "on the T2", "along the M5", "off
# the A3" before it; "the B14 between A and B", "the T4 towards X", "the B4 near X" after
_ON_ROAD = {"on", "along", "off", "onto", "via"}
_ROAD_AFTER = {"between", "towards", "toward", "near"}
# what is done to a road: "closed the A14", "the T4 has been closed", "use the A3
# instead"; and what a road stays: "the A8 remained open"
_ROAD_VERBS = {"close", "reopen", "block", "shut", "blockade", "cut", "use", "divert"}
_ROAD_STATES = {"open", "closed", "shut", "blocked", "impassable", "passable"}


def bare_roads(doc: Doc, typed: dict) -> None:
    """A road named by its number alone: "on the T2", "the B14 between A and B", "the M9
    and other main roads", "police closed the A14", "the A8 remained open", "the T4
    lakeside road". The number is a road where the words around it say so (a road word
    before "the", a route word after it, a road noun it is listed with or that follows
    its adjectives, a verb done to roads); a number before a noun names something else
    ("the K2 TV channel", "the Z3 forms"), and one after "at" is a meeting as often as a
    road ("at the G20")."""
    for tok in doc:
        k = tok.i
        if k < 1 or doc[k - 1].lower_ != "the" or ROAD_CODE.fullmatch(tok.text) is None:
            continue
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        ends = [t.i for t in doc[k + 2:k + 4] if t.lower_ in _ROAD_NOUNS]
        described = bool(ends) and all(  # "the T4 lakeside road", "the B9 old coastal road"
            t.is_lower and t.is_alpha for t in doc[k + 1:ends[0]])
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") and not described:
            continue  # "the K2 TV channel", "the T4 highway" (road_code)
        listed = nxt is not None and nxt.lower_ in ("and", "or") and any(
            t.lemma_.lower() in _ROAD_NOUNS for t in doc[k + 2:k + 6])
        head = tok.head
        done = tok.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            head.lemma_.lower() in _ROAD_VERBS or (
                tok.dep_ == "nsubj" and any(c.lower_ in _ROAD_STATES for c in head.children)))
        if described or listed or done or (k >= 2 and doc[k - 2].lower_ in _ON_ROAD) or (
                nxt is not None and nxt.lower_ in _ROAD_AFTER):
            typed.setdefault((k, k + 1), (EntityType.PLACE, "rule:place-road-number"))
