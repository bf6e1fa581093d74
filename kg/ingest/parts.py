"""Documents too long to build at once are built in parts (issue 17).

A document's records, its entity resolution and its quads grow with its text, and
resolution compares mentions with one another, so one 50 MB line cannot be built
whole in bounded memory. A text longer than the part size is cut into parts at
paragraph breaks (a blank line), else at line breaks, else after a sentence end, else
at whitespace. Each part is read by the reader on its own (its slice of the text),
then parsed, extracted, resolved and mapped on its own, and its quads are stored
before the next part is read. Every offset is moved to the whole text, update
numbers run on across parts, and every part's quads go into the document's one
named graph: the graph still has one ``nif:Context`` holding the whole text.

What is lost across parts (docs/design.md): a name in one part is not linked to a
mention in another (a surname, an acronym, "the committee" or "the country" whose
antecedent is in an earlier part stays unresolved or becomes an entity of its own),
the dominant country is counted per part, and the page's title, dates and live-page
layout are read from the first part only. Ordinary articles and live pages are far
below the part size and are never cut.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from kg.errors import InputError
from kg.ingest.chunks import cut_point
from kg.records import SourceDocument, Span, Unit

# Measured (docs/reliability.md): a 300,000-character part builds in about 0.5 GB over
# the model, and its resolution is about a tenth of its time. No news article comes
# near it (they are under 100 kB; a long live page under 1 MB is the rare exception).
DEFAULT_PART_CHARS = 300_000

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")


def part_bounds(text: str, part_chars: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts of ``text``: consecutive, covering it, each at most
    ``part_chars`` long, cut at a paragraph break, else as :func:`cut_point` cuts."""
    if part_chars < 1:
        raise ValueError("part_chars must be positive")
    bounds = []
    pos = 0
    while pos < len(text):
        hi = pos + part_chars
        if hi >= len(text):
            cut = len(text)
        else:
            floor = pos + part_chars // 2  # a paragraph break in the second half only
            last = None
            for last in _PARAGRAPH.finditer(text, floor, hi):  # noqa: B007 (the last one)
                pass
            cut = last.end() if last is not None else cut_point(text, pos, hi)
        bounds.append((pos, cut))
        pos = cut
    return bounds


@dataclass(slots=True)
class DocumentPart(SourceDocument):
    """One part of a long document: its units only, its text the whole text (offsets
    point into it), ``part`` of ``parts``, and ``latest`` the latest update stamp of
    this part and the ones before it (the document's ``kg:updatedAt`` is written with
    the last part)."""

    part: int = 0
    parts: int = 1
    latest: datetime | None = None

    @property
    def first(self) -> bool:
        return self.part == 0

    @property
    def last(self) -> bool:
        return self.part == self.parts - 1

    @property
    def updated(self) -> datetime | None:
        stamps = [s for s in (self.latest, self.modified) if s is not None]
        return max(stamps) if stamps else None


@dataclass(slots=True)
class PartedDocument:
    """A decoded text too long to build at once; :meth:`parts` reads it part by part."""

    doc_id: str
    path: str
    text: str
    sha256: str
    part_chars: int
    published: object = None  # ``kg build --published`` (a date), for every part
    title: str | None = None  # an archive record's title, over the text's own
    url: str | None = None  # an archive record's URL
    warnings: list[str] = dataclasses.field(default_factory=list)

    def bounds(self) -> list[tuple[int, int]]:
        return part_bounds(self.text, self.part_chars)

    def parts(self) -> Iterator[DocumentPart]:
        """Each part read as the reader reads a document, moved to the whole text.

        The first part gives the document's title, page dates and live title; the later
        parts take its page date (relative dates resolve against it). A part holding no
        news text (only furniture) is an empty part, so the last one still comes.
        """
        from kg.ingest.reader import parse_text

        bounds = self.bounds()
        head: SourceDocument | None = None
        latest: datetime | None = None
        index = 0
        for n, (start, end) in enumerate(bounds):
            try:
                read = parse_text(self.text[start:end], path=self.path, doc_id=self.doc_id,
                                  published=(head.published if head is not None
                                             else self.published))
            except InputError:  # only furniture in this part: nothing to build
                read = None
            units = [] if read is None else [_moved(u, start, index + k)
                                             for k, u in enumerate(read.units)]
            if head is None:
                head = read or SourceDocument(doc_id=self.doc_id, path=self.path, text="",
                                              sha256=self.sha256)
            index += len(units)
            for unit in units:
                if unit.stamp is not None and (latest is None or unit.stamp > latest):
                    latest = unit.stamp
            yield DocumentPart(doc_id=self.doc_id, path=self.path, text=self.text,
                               sha256=self.sha256, title=self.title or head.title,
                               url=self.url,
                               published=head.published, live_title=head.live_title,
                               units=units, modified=head.modified, part=n,
                               parts=len(bounds), latest=latest,
                               # the reader's notes on the text: from the first part only
                               warnings=list(read.warnings) if n == 0 and read else [])


def _span(span: Span | None, shift: int) -> Span | None:
    return None if span is None else Span(span.start + shift, span.end + shift, span.text)


def _moved(unit: Unit, shift: int, index: int) -> Unit:
    """A part's unit with its offsets moved to the whole text and its update number."""
    return dataclasses.replace(
        unit, index=index, start=unit.start + shift, end=unit.end + shift,
        headline=_span(unit.headline, shift), dateline=_span(unit.dateline, shift),
        agency=_span(unit.agency, shift),
        bylines=[(_span(s, shift), kind) for s, kind in unit.bylines])
