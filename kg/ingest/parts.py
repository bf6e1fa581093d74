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

Memory (docs/reliability.md, "Memory"): the whole text is held as UTF-8 bytes, not as
a Python string (which takes two or four bytes a character as soon as one character
is outside Latin-1), and a part sees only its own slice of it through a
:class:`PartText`, at the offsets of the whole text. When those bytes are a file's own
bytes (a UTF-8 file, the usual case), the build does not hold them either: it reads
each part, and at the end the whole text for the store, from the file
(:meth:`PartedDocument.spill`), after checking that the file still holds them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import InputError
from kg.ingest.chunks import cut_point
from kg.records import SourceDocument, Span, Unit

# Measured (docs/reliability.md): a 300,000-character part builds in about 0.5 GB over
# the model, and its resolution is about a tenth of its time. No news article comes
# near it (they are under 100 kB; a long live page under 1 MB is the rare exception).
DEFAULT_PART_CHARS = 300_000

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
# Characters of the whole text a part also holds before its own start: extractors look a
# little behind a name ("the Ghanaian president" 60 characters before it).
PART_MARGIN = 1_000


def part_bounds(text: str, part_chars: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts of ``text``: consecutive, covering it, each at most
    ``part_chars`` long, cut at a paragraph break, else as :func:`cut_point` cuts."""
    if part_chars < 1:
        raise ValueError("part_chars must be positive")
    bounds = []
    pos = 0
    while pos < len(text):
        cut = next_cut(text, pos, part_chars)
        bounds.append((pos, cut))
        pos = cut
    return bounds


def next_cut(text: str, pos: int, part_chars: int) -> int:
    """The end of the part that starts at ``pos``. It reads only ``text[pos:pos +
    part_chars + 1]`` (the last character only to know the text goes on), so a reader
    that holds no more than that window cuts exactly where :func:`part_bounds` does
    (kg/ingest/stream.py)."""
    hi = pos + part_chars
    if hi >= len(text):
        return len(text)
    floor = pos + part_chars // 2  # a paragraph break in the second half only
    last = None
    for last in _PARAGRAPH.finditer(text, floor, hi):  # noqa: B007 (the last one)
        pass
    return last.end() if last is not None else cut_point(text, pos, hi)


class PartText:
    """The whole text of a long document as one part sees it: sliced with the offsets
    of the whole text and as long as it, but holding only the part's own characters
    and a margin before them. A slice outside them raises IndexError, never a wrong
    answer (extraction works on one part; what needs the whole text is computed once,
    see :attr:`DocumentPart.cues`)."""

    __slots__ = ("length", "start", "text")

    def __init__(self, text: str, start: int, length: int):
        self.text, self.start, self.length = text, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, key: slice) -> str:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("a part's text is only sliced: text[start:end]")
        start, stop, _ = key.indices(self.length)
        if stop <= start:
            return ""
        if start < self.start or stop > self.start + len(self.text):
            raise IndexError(f"characters {start}-{stop} are outside this part's text "
                             f"({self.start}-{self.start + len(self.text)})")
        return self.text[start - self.start:stop - self.start]


@dataclass(slots=True)
class DocumentPart(SourceDocument):
    """One part of a long document: its units only, its text a :class:`PartText` of the
    whole text (offsets point into it), ``part`` of ``parts``, ``latest`` the latest
    update stamp of this part and the ones before it (the document's ``kg:updatedAt``
    is written with the last part), and ``cues`` what the extractors read from the whole
    text, computed once for all parts (``kg.extract.positions.text_cues``)."""

    part: int = 0
    parts: int = 1
    latest: datetime | None = None
    cues: Any = None

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


@dataclass(slots=True, weakref_slot=True)
class PartedDocument:
    """A decoded text too long to build at once; :meth:`parts` reads it part by part.

    ``data`` is the text in UTF-8 (the file's own bytes when they are UTF-8: ``own``),
    ``chars`` its length in characters and ``spans`` its parts as ``(start, end)`` in
    characters and in bytes. ``text`` is the text as a string until :meth:`release_text`
    drops it (the build reads what it needs from the whole text first). ``file``: the
    file ``data`` was read from, if any; :meth:`spill` then drops ``data`` and reads
    from the file. A file read as a stream (kg/ingest/stream.py) comes with ``data``
    None from the start: ``file`` is the file itself, or a temporary UTF-8 copy of a
    text in another encoding (``text_sha256`` its hash), and ``cues`` the whole text's.
    """

    doc_id: str
    path: str
    data: bytes | None
    chars: int
    spans: list[tuple[int, int, int, int]]
    sha256: str
    part_chars: int
    text: str | None = None
    published: object = None  # ``kg build --published`` (a date), for every part
    title: str | None = None  # an archive record's title, over the text's own
    url: str | None = None  # an archive record's URL
    warnings: list[str] = dataclasses.field(default_factory=list)
    own: bool = False  # ``data`` are the bytes the text was decoded from, unchanged
    file: Path | None = None  # the regular file those bytes were read from
    text_sha256: str | None = None  # of ``file`` when it is the text's UTF-8, not the source
    cues: Any = None  # what the extractors read from the whole text, read as it streamed
    keep: Any = None  # kept as long as the document: the spooled standard input ``file`` is
    _handle: BinaryIO | None = None  # the file, open while the parts are read from it
    _stamp: tuple[int, int] | None = None  # its size and mtime when it was checked

    @classmethod
    def of(cls, text: str, *, data: bytes, part_chars: int, **fields) -> PartedDocument:
        """``text`` cut into parts; ``data``, the bytes it was decoded from, is kept as
        they are when they are its UTF-8 (no copy), else the text is encoded."""
        spans, at, same = [], 0, True
        for start, end in part_bounds(text, part_chars):
            utf8 = text[start:end].encode("utf-8", "surrogatepass")
            same = same and data[at:at + len(utf8)] == utf8
            spans.append((start, end, at, at + len(utf8)))
            at += len(utf8)
            del utf8
        own = same and at == len(data)
        if not own:
            data = text.encode("utf-8", "surrogatepass")
        return cls(data=data, chars=len(text), spans=spans, text=text,
                   part_chars=part_chars, own=own, **fields)

    def bounds(self) -> list[tuple[int, int]]:
        return [(start, end) for start, end, _, _ in self.spans]

    def release_text(self) -> None:
        """Drop the text as a string: the parts are read from ``data``."""
        self.text = None

    def spill(self) -> bool:
        """Drop ``data`` and read the text from ``file`` from now on, if the file holds
        exactly these bytes (same size and SHA-256); True if it does. The build of a
        200 MB file then holds no copy of it (docs/reliability.md, "Memory")."""
        if self.data is None or not self.own or self.file is None:
            return self.data is None
        try:
            info = os.stat(self.file)
            if not stat.S_ISREG(info.st_mode) or info.st_size != len(self.data):
                return False
            if _file_sha256(self.file) != self.sha256:  # own: the hash of these bytes
                return False
        except OSError:
            return False
        self.data, self._stamp = None, (info.st_size, info.st_mtime_ns)
        return True

    def text_chunks(self, size: int = 2**20) -> Iterator[bytes]:
        """The whole text in UTF-8, ``size`` bytes at a time (for the store). Read from
        the file after :meth:`spill`, which must still hold the same bytes, or the text
        would not be the one the parts were built from: InputError says so."""
        if self.data is not None:
            for i in range(0, len(self.data), size):
                yield self.data[i:i + size]
            return
        if _file_sha256(self.file) != (self.text_sha256 or self.sha256):
            raise InputError("the file changed while it was being built; build it again",
                             path=self.path)
        with open(self.file, "rb") as fh:
            while chunk := fh.read(size):
                yield chunk

    def _bytes(self, lo: int, hi: int) -> bytes:
        if self.data is not None:
            return self.data[lo:hi]
        if self._handle is None:
            self._handle = open(self.file, "rb")  # noqa: SIM115 (closed by parts())
        info = os.fstat(self._handle.fileno())
        if (info.st_size, info.st_mtime_ns) != self._stamp:
            raise InputError("the file changed while it was being built; build it again",
                             path=self.path)
        self._handle.seek(lo)
        return self._handle.read(hi - lo)

    def _decoded(self, lo: int, hi: int) -> str:
        return self._bytes(lo, hi).decode("utf-8", "surrogatepass")

    def _before(self, at: int, chars: int) -> str:
        """Up to ``chars`` characters of the text that end at byte ``at``."""
        lo = max(0, at - 4 * chars)
        head = self._bytes(lo, at)
        skip = 0
        while skip < len(head) and head[skip] & 0xC0 == 0x80:  # not inside a character
            skip += 1
        return head[skip:].decode("utf-8", "surrogatepass")[-chars:] if chars else ""

    def parts(self, cues: Any = None) -> Iterator[DocumentPart]:
        """Each part read as the reader reads a document, moved to the whole text.

        The first part gives the document's title, page dates and live title; the later
        parts take its page date (relative dates resolve against it). A part holding no
        news text (only furniture) is an empty part, so the last one still comes.
        ``cues`` (what the extractors read from the whole text) goes to every part.
        """
        try:
            yield from self._parts(cues)
        finally:
            if self._handle is not None:
                self._handle.close()
                self._handle = None

    def _parts(self, cues: Any) -> Iterator[DocumentPart]:
        from kg.ingest.reader import parse_text

        head: SourceDocument | None = None
        latest: datetime | None = None
        index = 0
        for n, (start, _end, lo, hi) in enumerate(self.spans):
            own = self._decoded(lo, hi)
            try:
                read = parse_text(own, path=self.path, doc_id=self.doc_id,
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
            # the reader's notes on the text: from the first part only
            notes = list(read.warnings) if n == 0 and read else []
            margin = self._before(lo, min(start, PART_MARGIN))
            text = PartText(margin + own, start - len(margin), self.chars)
            del read, own
            yield DocumentPart(doc_id=self.doc_id, path=self.path, text=text,
                               sha256=self.sha256, title=self.title or head.title,
                               url=self.url,
                               published=head.published, live_title=head.live_title,
                               units=units, modified=head.modified, part=n,
                               parts=len(self.spans), latest=latest, cues=cues,
                               warnings=notes)


def _span(span: Span | None, shift: int) -> Span | None:
    return None if span is None else Span(span.start + shift, span.end + shift, span.text)


def _moved(unit: Unit, shift: int, index: int) -> Unit:
    """A part's unit with its offsets moved to the whole text and its update number."""
    return dataclasses.replace(
        unit, index=index, start=unit.start + shift, end=unit.end + shift,
        headline=_span(unit.headline, shift), dateline=_span(unit.dateline, shift),
        agency=_span(unit.agency, shift),
        bylines=[(_span(s, shift), kind) for s, kind in unit.bylines])


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(2**20):
            digest.update(chunk)
    return digest.hexdigest()


def _file_sha256(path: Path | None) -> str | None:
    """:func:`file_sha256`, or None when there is no file or it cannot be read."""
    if path is None:
        return None
    try:
        return file_sha256(path)
    except OSError:
        return None
