"""Islands: a place the text writes "on", which no gazetteer knows, is an island.

English puts a thing "in" a town or a province but "on" an island: "schools on A, B and
C", "three deaths on X", "the cruise port on Y", "X, on neighbouring Y", "voters on A and
B". The small model and the gazetteer know few islands; a name the model found but no
gazetteer knows falls back to a town (City), while the annotation guide types an island
as a Region (docs/evaluation.md; the dev gold files type 30 islands so).

An entity is retyped when it is a City GeoNames does not link (a town GeoNames knows,
"Gaborone", "Lusaka", stays one) and the gazetteer knows its name as no place at all,
and one of its mentions stands after "on", or at the end of a list after "on" ("on A, B
and C"), where "on" says where: not after a head whose "on X" is an argument, a topic
or a medium ("called on X", "a statement on X": ``argument_on`` of
kg/rules/entities/place_words.jsonl) nor the town an act falls on ("a curfew on X",
"the assault on X", "marched on X": ``target_on``). Streets and squares are never
Cities here (their nouns are part of their names: kg/extract/kind_cues.py).

Run on the resolved entities once the document's containers are read, like
kg/extract/territories.py: the containers were settled with the island read as a town
(a town of the story's region; read as a region, an island named most would become the
story's region and take in every place of the story, the main island in a story about
an island state), so only the type changes.
"""

from __future__ import annotations

import re

from kg.extract.entity_rules import entity_rules
from kg.records import Entity, EntityType, Mention
from kg.resolve.places import fold, gazetteer

# words a list of names may hold before its last item ("on A, B and C")
_LIST_WORDS = frozenset({"and", "or", "&"})
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_DATE_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday"})
# endings a word may carry beyond the lexicon's form ("imposed", "calls", "curfews")
_ENDINGS = ("", "s", "es", "d", "ed", "ing")


def islands_as_regions(entities: list[Entity], text: str) -> None:
    """Retype as a Region every City the text writes "on" and no gazetteer knows (module
    doc)."""
    gaz = gazetteer()
    for e in entities:
        if e.type is not EntityType.CITY or e.geonames_id is not None or e.country_code:
            continue
        if any(gaz.place_type(n) is not None for n in (e.name, *e.aliases)):
            continue
        if any(written_on(m, text) for m in e.mentions):
            e.type = EntityType.REGION


def written_on(m: Mention, text: str) -> bool:
    """Whether the mention stands after a locative "on", alone or at the end of a list
    of names ("on A, B and C": each of A, B and C)."""
    words = _WORD.findall(text[max(0, m.start - 120):m.start])
    listed = False
    while words and words[-1].lower() != "on" and (words[-1] in (",", *_LIST_WORDS) or (
            words[-1][:1].isupper() and fold(words[-1]) not in _DATE_WORDS)):
        listed = True  # back over "A, B and" to the word before the list
        words.pop()
    if len(words) < 2 or words[-1].lower() != "on":
        return False
    if listed and not _list_before(text, m):
        return False
    head = words[-2].lower()
    rules = entity_rules()
    return not any(head.endswith(end) and head[:len(head) - len(end)] in words_
                   for end in _ENDINGS for words_ in (rules.argument_on, rules.target_on)
                   if len(head) > len(end))


def _list_before(text: str, m: Mention) -> bool:
    """Whether what stands between "on" and the mention is a list of names ending in a
    comma or "and"/"or" (not "on Tuesday Kotu ...")."""
    before = text[max(0, m.start - 120):m.start].rstrip()
    return before.endswith(",") or before.split()[-1].lower() in _LIST_WORDS \
        if before else False
