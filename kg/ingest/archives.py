"""News archives as input: JSON Lines files (optionally gzip), one article per line.

A wire service's year or a crawl comes as JSON Lines, not as a folder of a million
text files. Each line is an object with the article's text and, optionally, its id,
URL, title and publication date; the field names are configurable (``kg build
--field text=body``). A bad line (not JSON, no text, a date that is not one) is
counted and reported with its file and line number and never stops the build: one
broken record in a million must not cost the other 999,999.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import BinaryIO

from kg.errors import InputError
from kg.ingest.sources import ARCHIVE_SUFFIXES


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

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")

    @property
    def sha256(self) -> str:
        """Of every field that reaches the graph, so a changed title or date rebuilds."""
        canonical = json.dumps([self.doc_id, self.url, self.title,
                                self.published.isoformat() if self.published else None,
                                self.text], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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
        for lineno, line in enumerate(stream, 1):
            if line.strip():
                yield _record(line, f"{name}:{lineno}", fields)
    except (OSError, EOFError, zlib.error) as exc:
        yield BadRecord(f"{name}:{lineno + 1}", f"the gzip stream is broken ({exc}); the "
                        "lines after it are lost")


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
    published = obj.get(fields.published)
    try:
        day = _date(published)
    except ValueError:
        return BadRecord(name, f"the {fields.published!r} field is not a date: "
                         f"{published!r} (use YYYY-MM-DD or an ISO 8601 date-time)")
    return ArchiveRecord(name=name, doc_id=_text(obj.get(fields.id)), text=text,
                         url=_text(obj.get(fields.url)), title=_text(obj.get(fields.title)),
                         published=day)


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
