"""The country a page is about, minted as a Country entity when the text names it only
in its letterhead or inside other names.

A release whose letterhead reads "REPUBLIC OF X" may never write X again but in "the X
Defence Force Hospital"; a local paper may write its country only in "X City", "the X
District", "the Human Rights Commission of X" and its own byline ("Y, X Daily Wire").
The model then finds no country, so nothing places the towns in it and no office is
the country's. This module finds that country and gives it one mention, at the first
place the text writes its name, so that it resolves like any named country:

* the country of the release's letterhead (kg/extract/letterhead.py), always;
* else the one country the text writes as a noun at least twice, and at least twice as
  often as any other country is written: the country's name alone or ending a longer
  name ("the Human Rights Commission of X said"), or opening the name of a town or
  district named after it ("X City", "the X District"), once at least as a place (alone
  or in a town's or district's name: a text that writes X only in "the Armed Forces of
  X" and "the Civil Aviation Authority of X" tells of its bodies, their owner named in
  their names). The name opening a body's name ("the X Police Force", "the Republic of
  X Armed Forces", "X Daily Wire") is a label of the body, not the country named. A
  name that is the whole of a mention of another type ("Georgia" as a US state, "Chad"
  as a person) does not count either, nor one in a town the gazetteer puts in another
  country ("Benin City"), nor the waters named after it ("the Gulf of X").

Nothing is minted when the model found a mention of the country already.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from kg.extract.entity_rules import entity_rules
from kg.extract.spans import HEADLINE
from kg.records import EntityType, Mention, Unit
from kg.resolve.names import display_name
from kg.resolve.places import fold, gazetteer

SOURCE = "rule:home-country"


@cache
def _country_words() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for the gazetteer's country names (GeoNames' own name of each, and
    the ISO 3166 short name where it differs: a country's newer official English name,
    "Cabo Verde", "Eswatini", with its diacritics), longest first, and the code of each
    folded name."""
    import pycountry

    gaz = gazetteer()
    codes = {fold(p.name): code for code, p in gaz.by_code.items() if p.name}
    written = {fold(n): n for n in codes}
    for c in pycountry.countries:
        value = getattr(c, "name", None)
        if c.alpha_2 in gaz.by_code and value and not set(value) & set(",()") and \
                fold(value) not in codes:
            codes[fold(value)] = c.alpha_2
            written[fold(value)] = value
    names = sorted(written.values(), key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b",
                         re.IGNORECASE)
    return pattern, codes


def _country_code(m: Mention) -> str | None:
    """The country a mention names, a demonym's included ("Zambian police")."""
    if m.source == "rule:demonym":
        return entity_rules().demonym_country(m.text)
    if m.type is not EntityType.COUNTRY:
        return None
    place = gazetteer().country(display_name(m.text))
    return place.country_code if place is not None else None


def _written(text: str) -> bool:
    """Whether a country name is written as a name: capitals or a capital on each word."""
    return text.isupper() or all(w[:1].isupper() for w in text.split()
                                 if w.lower() not in ("and", "of", "the"))


def home_country_mention(text: str, units: list[Unit], mentions: list[Mention],
                         sentences: list[tuple[int, int, int]], *,
                         home: str | None = None) -> Mention | None:
    """A Country mention for the home country the model did not find, else None.
    ``sentences``: (unit, start, end) of the document's sentences; ``home``: the
    letterhead's country code."""
    named = {code for m in mentions if (code := _country_code(m)) is not None}
    if home is not None and home in named:
        return None
    pattern, codes = _country_words()
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int, Unit]] = {}
    anywhere: dict[str, tuple[int, int, Unit]] = {}
    placed: set[str] = set()
    for unit in units:
        for found in pattern.finditer(unit.text):
            word = found.group()
            if not _written(word):
                continue
            start, end = unit.start + found.start(), unit.start + found.end()
            code = codes[fold(word)]
            # (a town's own body, "Police in X City", holds the town's name: not counted)
            inside = [m for m in mentions if m.start <= start and end <= m.end
                      and m.source != "rule:local-body"]
            if any(m.source.endswith(HEADLINE) for m in inside):
                continue
            if any(m.type is not EntityType.COUNTRY and m.start == start and m.end == end
                   for m in inside) or any(m.type is EntityType.PERSON for m in inside):
                continue  # "Georgia" the US state, "Chad" the person
            anywhere.setdefault(code, (start, end, unit))
            if not any(m.type in _NOUN_TYPES for m in inside) and \
                    _label(unit.text, found.end()):
                continue  # "the X Police Force": a label of the body
            if any(m.type in (EntityType.CITY, EntityType.REGION) and
                   _elsewhere(m, code) for m in inside):
                continue  # "Benin City" lies in Nigeria
            if _WATERS.search(unit.text[max(0, found.start() - 12):found.start()]):
                continue  # "the Gulf of X": its waters, not the country
            counts[code] += 1
            first.setdefault(code, (start, end, unit))
            if not any(m.type not in _NOUN_TYPES for m in inside):
                placed.add(code)  # "X City", "the X District", X alone
    code = home if home is not None else _winner(counts)
    if home is None and code not in placed:
        return None  # only "the Armed Forces of X", "the Y Authority of X": their owner
    if code is None or code in named:
        return None
    # the letterhead's country where the text first writes it, in any name
    start, end, unit = first.get(code) or anywhere.get(code) or (None, None, None)
    if unit is None:
        return None
    sentence = next(((a, b) for u, a, b in sentences if a <= start < b), None)
    if sentence is None:  # a letterhead line outside the parsed sentences: its line
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        sentence = (lo, hi if hi >= 0 else len(text))
    return Mention(start=start, end=end, text=text[start:end], type=EntityType.COUNTRY,
                   unit=unit.index, sentence=sentence, source=SOURCE)


# a mention of these types holding the country's name writes it as a noun: the country
# itself, or a town or district named after it ("X City", "X District")
_NOUN_TYPES = {EntityType.COUNTRY, EntityType.CITY, EntityType.REGION}
# waters named after a country reach beyond it: "the Gulf of X", "the Sea of Y"
_WATERS = re.compile(r"\b(?:gulf|sea|bay|straits?|ocean) of\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w'-]*)")


def _label(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` goes on into a longer name: a capitalised word
    follows on its line ("X Police", "X DAILY WIRE"; not "X said", "X, the")."""
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1)[:1].isupper()


def _elsewhere(m: Mention, code: str) -> bool:
    """Whether the gazetteer knows a town or district of the mention's name, none of them
    in the country ``code``."""
    codes = {p.country_code for p in gazetteer().cities_named(display_name(m.text))}
    return bool(codes) and code not in codes


def _winner(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]
