"""Where the name of an office called after its head starts: "the Prime Minister's Office",
"the Maun Chief Public Prosecutor's Office", "the Jelgava State Attorney General's Office",
"the Lobatse Magistrate's Court" (kg/extract/rule_mentions.py ``office_mentions``).

An office or court named after the title of the one who heads it is written as the title,
its possessive and the body noun; the title is one the entity rules list
(kg/rules/entities/titles.jsonl), or a capitalised run that ends in an office noun
(relations.yaml ``position.title_heads``: "Chief Public Prosecutor", "District Attorney",
"Magistrate"). The capitalised words right before the title belong to the name: they say
whose office it is, a town, a state, a district or a level ("Maun", "Jelgava State",
"Southern District", "National Anti-Terrorism"); a demonym or "The" does not.
"""
from __future__ import annotations

import re
from functools import cache

from kg.extract.entity_rules import EntityRules
from kg.rules.loader import event_rules

_WORD = re.compile(r"[\w.-]+")
# at most this many capitalised words before the title name whose office it is
_MAX_BEFORE = 3


@cache
def _office_nouns() -> frozenset[str]:
    return frozenset(event_rules().relations["position"]["title_heads"])


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").replace(".", "").isalpha()


def office_name_start(text: str, at: int, rules: EntityRules) -> int | None:
    """Where the name of the office whose title ends at ``at`` (right before "'s") starts:
    the title's start, moved back over the capitalised words before it; None when no title
    ends there."""
    base = max(0, at - 120)
    words = list(_WORD.finditer(text[base:at]))
    if not words or words[-1].end() + base != at:
        return None
    begin = None
    for n in (3, 2, 1):
        if len(words) >= n:
            title = " ".join(w.group(0) for w in words[-n:]).casefold()
            if rules.titles.get(title, "honorific") != "honorific" and len(title) > 3:
                begin = len(words) - n
                break
    if begin is None:
        last = words[-1].group(0)
        if not _capitalised(last) or last.casefold() not in _office_nouns():
            return None
        begin = len(words) - 1
    k = begin
    while k > 0 and begin - k < 4 + _MAX_BEFORE and _capitalised(words[k - 1].group(0)) \
            and text[base + words[k - 1].end():base + words[k].start()] == " " \
            and words[k - 1].group(0).casefold() not in ("the", "a", "an") \
            and words[k - 1].group(0).casefold() not in rules.demonyms:
        k -= 1
    if begin - k > _MAX_BEFORE:
        k = begin  # a long capitalised run (a headline in title case): the title alone
    return base + words[k].start()
