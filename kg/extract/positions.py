"""Positions that titles before names state: "Interior Minister David Omondi".

The entity rules split the title off the person's name (kg/extract/name_spans.py);
this module turns the title into a Position fact with the office's owner: what
precedes the title (a demonym -> its country, a named organisation), or, for a
national title with no country stated, the country the unit names most.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.spans import HEADLINE, doc_text, mention_from_span
from kg.extract.spans import fold as _fold
from kg.records import EntityType, Fact, Mention, Unit

_TITLE_WINDOW = 80  # characters before a name searched for "[qualifier] Title "


def title_positions(doc: Doc, unit: Unit, mentions: list[Mention]) -> list[Fact]:
    """Position facts from a title before a name: 'White House spokeswoman Jane Doe'.

    The holder is the person mention; the organisation is what precedes the title
    (a demonym -> its country, a named organisation), or, for a national title with
    no country stated ('State Secretary X'), the country the unit mentions most.
    """
    rules = entity_rules()
    suffix = _title_suffix_regex()
    facts: list[Fact] = []
    by_end = {m.end: m for m in mentions if m.type is not EntityType.PERSON}
    countries = [m for m in mentions if m.type is EntityType.COUNTRY]
    for person in mentions:
        if person.type is not EntityType.PERSON or person.unit != unit.index \
                or person.source.endswith(HEADLINE):
            continue  # a headline guess may be dropped by the resolver
        local = person.start - unit.start
        window = max(0, local - _TITLE_WINDOW)
        before = doc_text(doc)[window:local]
        match = suffix.search(before)
        if match is None:
            continue
        scope = _title_scope(match.group(1), rules)
        title = match.group(1)
        if not any(c.isupper() for c in title) and scope == "country":
            continue  # "the president Amara Okafor" with a lower-case title is rare; skip
        org, rule, confidence = None, "position:title-name", 0.9
        pre_end = match.start(1)
        pre = before[:pre_end].rstrip()
        qual = re.search(r"([A-Z][\w’'-]*)$", pre)
        if qual:
            word = qual.group(1)
            end_abs = unit.start + window + len(pre)
            if end_abs in by_end and by_end[end_abs].type is not EntityType.PERSON:
                org = by_end[end_abs]
            elif rules.demonym_country(word):
                span = doc.char_span(window + qual.start(1), window + len(pre))
                if span is not None:
                    org = mention_from_span(span, unit, EntityType.COUNTRY, "rule:demonym")
        if org is None and scope == "country":
            org = _unit_country(countries, person)
            rule, confidence = "position:title-name:unit-country", 0.6
        roles: dict = {"holder": [person], "role": [_title_case(title, rules)]}
        if org is not None:
            roles["organization"] = [org]
        sent = person.sentence
        facts.append(Fact(kind="Position", category="relation", roles=roles, unit=unit.index,
                          sentence=sent, rule=rule, confidence=confidence))
    return facts


def _title_form(key: str) -> str:
    """A title key as a regex: spaces stand for any run of blanks."""
    return re.escape(key).replace(r"\ ", r"\s+")


@cache
def _title_suffix_regex() -> re.Pattern[str]:
    """One regex for 'a title, then only spaces, at the end of the text'.

    Every match ends at the same place, so the leftmost one is the longest title:
    one search instead of one per title and name.
    """
    forms = [_title_form(key) for key, scope in entity_rules().titles.items()
             if scope != "honorific"]
    return re.compile(rf"(?:^|(?<=\W))({'|'.join(forms) or '(?!)'})\s+$", re.IGNORECASE)


def _title_scope(written: str, rules: EntityRules) -> str:
    """The scope of the (non-honorific) title key that ``written`` spells."""
    scope = rules.titles.get(_fold(written))
    if scope is not None and scope != "honorific":
        return scope
    for key, scope in rules.titles.items():  # a case-folding corner: match as the search did
        if scope != "honorific" and re.fullmatch(_title_form(key), written, re.IGNORECASE):
            return scope
    raise AssertionError(f"no title key spells {written!r}")


def _title_case(title: str, rules: EntityRules) -> str:
    return rules.title_forms.get(_fold(title), title)


def _unit_country(countries: list[Mention], person: Mention) -> Mention | None:
    """The country the unit names most (ties: none); its mention nearest the person."""
    if not countries:
        return None
    counts: dict[str, int] = {}
    for m in countries:
        counts[_fold(m.text)] = counts.get(_fold(m.text), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    top = [m for m in countries if _fold(m.text) == ranked[0][0]]
    return min(top, key=lambda m: abs(m.start - person.start))
