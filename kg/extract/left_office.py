"""Who the text says left office, read from the whole text by surface (kg/extract/positions.py,
``current_positions``): names right before a verb of leaving office ("X resigned", "X
announced his resignation") and titled names right after a verb of removal ("suspended
Police Commissioner X", "were dismissed, among them Finance Minister Y, and Z"). The
verbs are data: kg/rules/events/relations.yaml (``position``); ``w`` is positions.py's
vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# a word of a name: capitalised, or a particle joined to it ("al-Jubouri", "bin Salman")
_NAME = r"(?:[A-Z][\w'’.-]+|(?:al|el|ad|as|bin|ibn|de|da|van|von)-?[A-Z]?[\w'’-]+)"


def resigned(text: str, w) -> list[str]:
    """Names written right before a verb of leaving office ("X resigned", "X, who
    stepped down")."""
    return [name for pattern, names in resigned_patterns(w)
            for m in pattern.finditer(text) for name in names(m)]


def removed(text: str, w) -> list[str]:
    """Names (with their title) right after a verb of removal ("suspended Police
    Commissioner X", "to relieve Electricity Minister Y of his duties")."""
    return [name for pattern, names in removed_patterns(w)
            for m in pattern.finditer(text) for name in names(m)]


Names = Callable[[re.Match], list[str]]


def resigned_patterns(w) -> list[tuple[re.Pattern, Names]]:
    """The patterns :func:`resigned` scans the text with, each with what it takes from a
    match (a long text is scanned piece by piece with them: positions.TextCueReader)."""
    verbs = "|".join(sorted(w.resign_verbs, key=len, reverse=True))
    out: list[tuple[re.Pattern, Names]] = [(re.compile(
        rf"({_NAME}(?:\s+{_NAME})*)(?:,\s+who)?\s+(?:has\s+|had\s+)?(?:{verbs})\b"), _first)]
    if w.resign_reported:  # "X said he was stepping down"
        told = "|".join(sorted(w.resign_reported, key=len, reverse=True))
        out.append((re.compile(rf"({_NAME}(?:\s+{_NAME})*)\s+(?:said|announced|told \w+)\s+"
                               rf"(?:that\s+)?(?:he|she)\s+(?:was\s+|is\s+)?(?:{told})\b"),
                    _first))
    if w.resign_announced:  # "X announced his resignation", "X tendered her resignation"
        said = "|".join(sorted(w.resign_announced, key=len, reverse=True))
        out.append((re.compile(rf"({_NAME}(?:\s+{_NAME})*)\s+(?:has\s+|had\s+)?(?:{said})\s+"
                               r"(?:his|her)\s+resignation\b"), _first))
    return out


def removed_patterns(w) -> list[tuple[re.Pattern, Names]]:
    """The patterns :func:`removed` scans the text with, as :func:`resigned_patterns`."""
    verbs = "|".join(sorted(w.removal_verbs, key=len, reverse=True))
    # "three ministers were dismissed, among them Finance Minister X, whom ..., and
    # Energy Minister Y": every titled name of the list after "among them"/"including"
    listed = re.compile(rf"\b(?:{verbs})\b[^.;,]{{0,40}},?\s+(?:among them|including)\s+"
                        r"([^.;]+)")
    return [(re.compile(rf"\b(?:{verbs})\s+((?:{_NAME}\s+)*{_NAME})"), _first),
            (listed, _listed)]


def _first(m: re.Match) -> list[str]:
    return [m.group(1)]


def _listed(m: re.Match) -> list[str]:
    out = []
    items = re.sub(r",\s+(?:whom|who|which)\b[^,]*", "", m.group(1))
    for item in re.split(r",\s*(?:and\s+)?", items):
        run = _TITLED.match(item)
        if run is not None:
            out.append(run.group(0))
    return out


# a title and name that may hold link words: "Petroleum and Mineral Resources Minister X"
_LINK = r"(?:and|of|for|de|da|do|dos|das|del|la|le)"
_TITLED = re.compile(rf"{_NAME}(?:\s+(?:{_NAME}|{_LINK}))*")
