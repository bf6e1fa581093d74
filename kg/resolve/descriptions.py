"""Descriptions that point to a named institution of the document.

"The police" in a story that names "the National Police Service" (of the same country)
is that force; "the army" in one that names "the Bangladesh Army" is that army. A
description is a mention the resolver named by rule (an institution phrase, a national
body with no country stated: "Police" -> "Police of Kenya") or a bare head word; it joins
the one named body of the document whose name holds the same head or an equivalent one
(kg/rules/entities/equivalents.jsonl: army ~ armed forces ~ military; parliament ~
national assembly ~ congress), of the same type and, when both are known, of the same
country. Two candidates: no link (which one is meant is unclear). The merge says why
(``kg:mergedBy "description: the named body of that kind"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.entity_rules import EntityRules
from kg.records import EntityType

RULE = "description: the named body of that kind"
_BODIES = (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE)


@dataclass(frozen=True, slots=True)
class Described:
    """What the resolver knows of one cluster root."""

    root: int
    name: str  # canonical name proposed ("Police of Kenya", "Kenya National Police Service")
    surface: str  # the mention text, folded ("police", "the kenyan police")
    type: EntityType
    country: str | None  # ISO code of the country it belongs to, when known
    description: bool  # named by rule from a common noun, or a bare head


def _heads(text: str, rules: EntityRules) -> set[frozenset[str]]:
    """The equivalence sets whose heads occur in ``text`` as whole words."""
    out = set()
    for head, group in rules.equivalents.items():
        if head in text and re.search(rf"(?<![\w-]){re.escape(head)}(?![\w-])", text):
            out.add(group)
    return out


def description_links(items: list[Described], rules: EntityRules) -> list[tuple[int, int]]:
    """(description root, named root) pairs to merge."""
    # a body the rules named from a description with its country ("Mali's military
    # government" -> "Military government of Mali") is a target too
    named = [d for d in items if d.type in _BODIES and len(d.name.split()) > 1
             and (not d.description or (d.country is not None and d.name.casefold()
                                        != d.surface))]
    out = []
    for d in items:
        if not d.description or d.type not in _BODIES:
            continue
        heads = _heads(d.surface, rules)
        if not heads:
            continue
        cands = {n.root for n in named if n.type is d.type and n.root != d.root
                 and heads & _heads(n.name.casefold(), rules)
                 and not _agency(n.name.casefold(), d.surface, heads)
                 and (d.country is None or n.country is None or d.country == n.country)}
        level = leveled(d.surface, rules)
        if level is not None:
            # "the municipal government": only a body named with that tier ("the X
            # municipal government"), not the country's government
            cands = {n.root for n in named if n.root in cands
                     and re.search(rf"(?<![\w-]){re.escape(level)}(?![\w-])",
                                   n.name.casefold())}
        if len(cands) > 1:
            # "the police" of a text naming "the Ruritania Police" and its "Zenda Police
            # Division": the body whose name ends in the head, not a unit named after it
            cands = {n.root for n in named if n.root in cands
                     and _ends_in_head(n.name.casefold(), heads)}
        if len(cands) == 1:
            out.append((d.root, cands.pop()))
    return out


def leveled(surface: str, rules: EntityRules) -> str | None:
    """"municipal government" -> "municipal government": a description made of a tier
    adjective and a head of a set that lists it (equivalents.jsonl ``levels``), else None."""
    words = surface.split(" ")
    if len(words) == 2 and words[0] in rules.levels.get(words[1], ()):
        return surface
    return None


def _ends_in_head(name: str, heads: set[frozenset[str]]) -> bool:
    """Whether the name's core (before "of") ends in a head of one of the sets."""
    core = re.split(r"\s+of\s+", name, maxsplit=1)[0]
    return any(core == h or core.endswith(" " + h) for group in heads for h in group)


def _agency(name: str, surface: str, heads: set[frozenset[str]]) -> bool:
    """"the government" and "the Administration for Civil Protection and Disaster Relief":
    a name whose head of the set is another word than the description's and stands
    before "for" names an agency by its task, not the institution the description means
    ("the Trump administration" is a government; an "Administration for X" is not)."""
    found = [h for group in heads for h in group
             if re.search(rf"(?<![\w-]){re.escape(h)}(?![\w-])", name)]
    return bool(found) and all(
        re.search(rf"(?<![\w-]){re.escape(h)}(?![\w-])", surface) is None
        and re.search(rf"(?<![\w-]){re.escape(h)}\s+for\s", name) is not None
        for h in found)
