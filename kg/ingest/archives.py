"""News archives as input: JSON Lines files (optionally gzip), one article per line.

A wire service's year or a crawl comes as JSON Lines, not as a folder of a million
text files. Each line is an object with the article's text and, optionally, its id,
URL, title and publication date; the field names are configurable (``kg build
--field text=body``). A bad line (not JSON, no text, a date that is not one) is
counted and reported with its file and line number and never stops the build: one
broken record in a million must not cost the other 999,999.

A line is read whole only up to ``RECORD_BYTES``: a longer record (a 200 MB article, or
a file that never ends its line) is read as a stream (kg/ingest/jsonstream.py), its text
field spooled to a temporary file that the build reads as it reads a long file, so no
line is ever held whole (issue 17).
"""

from __future__ import annotations

import codecs
import dataclasses
import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, BinaryIO

from kg.errors import InputError
from kg.ingest.sources import ARCHIVE_SUFFIXES

# A line longer than this is not read whole: its record is read as a stream and its text
# spooled to a temporary file (kg/ingest/jsonstream.py). (Tests lower it.)
RECORD_BYTES = 8 * 2**20
CHUNK = 2**20  # bytes of a long line read at a time


def is_archive(name: str) -> bool:
    """Whether a file name is a JSON Lines archive (by its suffix)."""
    return name.lower().endswith(ARCHIVE_SUFFIXES)


@dataclass(frozen=True, slots=True)
class ArchiveFields:
    """The JSON keys of an archive record's parts (``kg build --field NAME=KEY``)."""

    id: str = "id"
    url: str = "url"
    title: str = "title"
    published: str = "published"
    text: str = "text"

    @classmethod
    def parse(cls, items: list[str] | tuple[str, ...]) -> ArchiveFields:
        """``["text=body", "id=guid"]`` -> fields; an unknown name is an InputError."""
        names = {f.name for f in fields(cls)}
        given: dict[str, str] = {}
        for item in items:
            name, sep, key = item.partition("=")
            if not sep or name.strip() not in names or not key.strip():
                raise InputError(f"--field takes NAME=KEY with NAME one of "
                                 f"{', '.join(sorted(names))}; got {item!r}")
            given[name.strip()] = key.strip()
        return cls(**given)


@dataclass(frozen=True, slots=True)
class ArchiveRecord:
    """One article of an archive, before the reader parses its text."""

    name: str  # "file.jsonl:12": where it came from, for messages
    doc_id: str | None
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    spool: Any = None  # a long record's text, in a temporary file (``text`` is then "")
    digest: str | None = None  # ``sha256``, when it was computed already

    @property
    def data(self) -> bytes | None:
        """The text in UTF-8 (None: it is in the ``spool`` file)."""
        return None if self.spool is not None else self.text.encode("utf-8")

    @property
    def sha256(self) -> str:
        """Of every field that reaches the graph, so a changed title or date rebuilds."""
        return self.digest or record_sha256(self, [self.text])


def record_sha256(record: ArchiveRecord, text: Iterable[str]) -> str:
    """The SHA-256 of a record's fields and its ``text`` (given in pieces): of the JSON
    array ``[id, url, title, published, text]`` in UTF-8, written compactly."""
    head = json.dumps([record.doc_id, record.url, record.title,
                       record.published.isoformat() if record.published else None],
                      ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(head[:-1].encode("utf-8") + b',"')
    for piece in text:  # escaping is character by character: pieces escape as the whole
        digest.update(json.dumps(piece, ensure_ascii=False)[1:-1].encode("utf-8"))
    digest.update(b'"]')
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A line that is not an article: where and why (a warning, never fatal)."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: bad record, skipped: {self.reason}"


def read_records(stream: BinaryIO, *, name: str, fields: ArchiveFields | None = None
                 ) -> Iterator[ArchiveRecord | BadRecord]:
    """Every line of a JSON Lines archive (a seekable binary ``stream``, gzip or not) as
    a record or a :class:`BadRecord`; blank lines are skipped. A truncated gzip stream
    yields the lines before the break, then one BadRecord saying so. Lines are read one
    at a time: an archive of any size is read in bounded memory."""
    fields = fields or ArchiveFields()
    if stream.read(2) == b"\x1f\x8b":
        stream.seek(0)
        stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
    else:
        stream.seek(0)
    lineno = 0
    try:
        while line := stream.readline(RECORD_BYTES + 1):
            lineno += 1
            if len(line) > RECORD_BYTES and not line.endswith(b"\n"):
                yield _long_record(line, stream, f"{name}:{lineno}", fields)
            elif line.strip():
                yield _record(line, f"{name}:{lineno}", fields)
            del line
    except (OSError, EOFError, zlib.error) as exc:
        yield BadRecord(f"{name}:{lineno + 1}", f"the gzip stream is broken ({exc}); the "
                        "lines after it are lost")


def _rest_of_line(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """``first`` and the rest of its line, ``CHUNK`` bytes at a time."""
    chunk = first
    while chunk:
        yield chunk
        if chunk.endswith(b"\n"):
            return
        chunk = stream.readline(CHUNK)


def count_records(stream: BinaryIO) -> int:
    """How many lines of ``stream`` are not blank, reading at most ``CHUNK`` bytes at a time."""
    count, blank = 0, True
    while chunk := stream.readline(CHUNK):
        blank = blank and not chunk.strip()
        if chunk.endswith(b"\n"):
            count += not blank
            blank = True
    return count + (not blank)


def _record(line: bytes, name: str, fields: ArchiveFields) -> ArchiveRecord | BadRecord:
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return BadRecord(name, f"not JSON ({exc})")
    if not isinstance(obj, dict):
        return BadRecord(name, f"not a JSON object but {type(obj).__name__}")
    text = obj.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        return BadRecord(name, f"no text: the {fields.text!r} field is missing, empty or "
                         "not a string")
    record = _fields(obj, name, fields, text)
    if isinstance(record, BadRecord):
        return record
    try:  # the hash is computed now, so a string that is not Unicode is caught here
        return dataclasses.replace(record, digest=record.sha256)
    except UnicodeEncodeError as exc:
        return BadRecord(name, f"a field holds a lone surrogate ({exc.object[exc.start]!r}), "
                         "which is not a character")


def _fields(obj: dict, name: str, fields: ArchiveFields, text: str
            ) -> ArchiveRecord | BadRecord:
    published = obj.get(fields.published)
    try:
        day = _date(published)
    except ValueError:
        return BadRecord(name, f"the {fields.published!r} field is not a date: "
                         f"{published!r} (use YYYY-MM-DD or an ISO 8601 date-time)")
    return ArchiveRecord(name=name, doc_id=_text(obj.get(fields.id)), text=text,
                         url=_text(obj.get(fields.url)), title=_text(obj.get(fields.title)),
                         published=day)


def _long_record(first: bytes, stream: BinaryIO, name: str, fields: ArchiveFields
                 ) -> ArchiveRecord | BadRecord:
    """A line over ``RECORD_BYTES`` (``first``: its first bytes) read as a stream, its
    text field in a temporary file; the rest of the line is read in any case."""
    from kg.ingest.jsonstream import NotRecord, megabytes, read_object

    try:
        obj, spooled = read_object(_rest_of_line(first, stream), stream_key=fields.text,
                                   cap=RECORD_BYTES)
    except NotRecord as exc:
        return BadRecord(name, f"{exc} (a line of over {megabytes(RECORD_BYTES)}, read as a "
                         "stream)")
    if spooled is None or spooled.blank:
        if spooled is not None:
            spooled.remove()
        return BadRecord(name, f"no text: the {fields.text!r} field is missing, empty or "
                         "not a string")
    record = _fields(obj, name, fields, "")
    if isinstance(record, BadRecord):
        spooled.remove()
        return record
    try:
        digest = record_sha256(record, _file_text(spooled.spool.path))
    except (OSError, UnicodeEncodeError) as exc:
        spooled.remove()
        return BadRecord(name, f"cannot read its text back from {spooled.spool.path}: {exc}")
    return dataclasses.replace(record, spool=spooled.spool, digest=digest)


def _file_text(path) -> Iterator[str]:
    """A UTF-8 file's text, a piece at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _text(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str | int):
        return str(value).strip() or None
    return None


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) == 10 else \
            datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(value) from None
