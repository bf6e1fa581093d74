"""Split long units into pieces the parser can take, keeping source offsets.

spaCy refuses texts longer than ``nlp.max_length`` and needs about 1 GB of
memory per 100,000 characters for the parser and NER, so a 50 MB article on
one line must be cut before parsing. A piece is a :class:`~kg.records.Unit`
with the same index, kind and stamp as its unit and ``start``/``end`` moved,
so everything the extractors compute as ``unit.start + offset`` still points
into the original file, and the graph still has one update per unit.

Cuts fall on the last paragraph break (a line break) in the window, else
after the last sentence end, else on the last whitespace, else (a single
word longer than the window) anywhere.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from kg.records import Unit

# Big enough that no ordinary article is cut, small enough to parse in bounded memory.
DEFAULT_MAX_CHARS = 100_000
# Characters handed to spaCy in one batch: its parser and NER need about 3.7 kB per
# character of a batch while it runs (measured: 1 MB in one batch of 100,000-character
# pieces peaked at 3.0 GB), so batches are bounded by characters as well as by count.
DEFAULT_BATCH_CHARS = 100_000

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
_SPACE = re.compile(r"\s")


def cut_point(text: str, lo: int, hi: int) -> int:
    """Where to end a piece that starts at ``lo`` and may not pass ``hi``.

    Returns a position in ``(lo, hi]``; the piece is ``text[lo:cut]``.
    """
    if hi >= len(text):
        return len(text)
    floor = lo + (hi - lo) // 4  # never cut so early that pieces become tiny
    nl = text.rfind("\n", floor, hi)
    if nl >= floor:
        return nl + 1
    last = None
    # Scan only the window's tail: sentence ends are dense in prose.
    for span in (2_000, hi - floor):
        start = max(floor, hi - span)
        for m in _SENTENCE_END.finditer(text, start, hi):
            last = m
        if last is not None:
            return last.end()
    for span in (200, hi - floor):
        start = max(floor, hi - span)
        for m in _SPACE.finditer(text, start, hi):
            last = m
        if last is not None:
            return last.end()
    return hi


def split_unit(unit: Unit, max_chars: int) -> Iterator[Unit]:
    """``unit`` itself if short enough, else pieces of at most ``max_chars`` characters."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    if len(unit.text) <= max_chars:
        yield unit
        return
    text = unit.text
    pos = 0
    while pos < len(text):
        cut = cut_point(text, pos, pos + max_chars)
        yield dataclasses.replace(unit, start=unit.start + pos, end=unit.start + cut,
                                  text=text[pos:cut])
        pos = cut
