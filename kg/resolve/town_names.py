"""Towns written inside the names of local bodies and sites: evidence of a story's country.

A local paper writes its town mostly inside the names of its council, port, police and
constituency ("X City Council", "the Port of X", "X Central"), and may name a country
only where one event of the story happened abroad ("a man arrested in Y", "Y's police").
Counting each such name for its town's country keeps that foreign country from being
taken for the story's (kg/resolve/entities.py, the bodies' country; kg/extract/
containment.py, the LocatedIn country).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kg.records import EntityType

# bodies and sites a local paper names after its town; not media ("the X Times" is read
# far from X), people or places themselves
NAMED_AFTER_TOWNS = frozenset({EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION,
                               EntityType.PLACE, EntityType.ARMED_FORCE})


def named_after_towns(names: Iterable[tuple[str, EntityType]],
                      towns: dict[str, str]) -> Counter[str]:
    """Per country code, how many ``names`` (a mention's text and type) of bodies and sites
    hold the whole name of one of ``towns`` (town name -> its country code) as words,
    beside other words ("Tartu City Council", not "Tartu" alone)."""
    counts: Counter[str] = Counter()
    if not towns:
        return counts
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(towns, key=len, reverse=True)))
                         + r")\b")
    for text, etype in names:
        if etype in NAMED_AFTER_TOWNS and (hit := pattern.search(text)) and hit.group(0) != text:
            counts[towns[hit.group(1)]] += 1
    return counts
