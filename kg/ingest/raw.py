"""Sources to raw documents: bytes, id and content hash, before any parsing.

Reading is split from parsing so a distributed build (kg/dask_build.py) can name and
de-duplicate every document in one place, cheaply (read and hash), and leave the
parsing to the workers. A file is one document; a JSON Lines archive
(kg/ingest/archives.py) is one per line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from kg.errors import KgError
from kg.ingest.archives import ArchiveFields, ArchiveRecord, BadRecord, is_archive, read_records
from kg.ingest.sources import Source, document_id
from kg.rdf.iri import slug


class Tally(Protocol):
    """What the raw stage counts into (a :class:`kg.build.BuildReport`)."""

    skipped: int
    failed: int
    bad_records: int
    errors: list[str]
    warnings: list[str]


@dataclass(slots=True)
class RawDocument:
    """One document's bytes and identity, read but not parsed."""

    name: str  # the file (or "archive.jsonl:12") named in messages
    doc_id: str
    data: bytes | None  # None: a long file, read as a stream when it is parsed
    sha256: str
    identity: str  # the source that tells it apart across builds (kg/store origins)
    published: date | None = None  # the page date, whatever the text says
    title: str | None = None  # an archive record's title (the text's own otherwise)
    url: str | None = None
    notes: list[str] = field(default_factory=list)  # warnings, given once it is parsed
    file: Path | None = None  # the regular file the bytes came from (a long one is read again)
    spool: Any = None  # long standard input's temporary file (kg/ingest/spool.py): ``file``
    file_sha256: str | None = None  # of ``file``, when ``sha256`` is not (a long archive record)
    temporary: bool = False  # ``file`` is a temporary file of this process (a spool)

    @property
    def size(self) -> int:
        """Its bytes: read, or in the file it will be read from."""
        if self.data is not None:
            return len(self.data)
        try:
            return self.file.stat().st_size if self.file is not None else 0
        except OSError:
            return 0

    def drop_spool(self) -> None:
        """Let go of standard input's temporary file (removed unless a document keeps it)."""
        self.spool = None

    def parse(self, *, part_chars: int | None = None, listener=None):
        """The parsed document (or a PartedDocument); raises InputError naming the file.

        A file not read yet (``data`` None: over ``stream.STREAM_BYTES``) is read as a
        stream (kg/ingest/stream.py), its text handed to ``listener`` part by part, unless
        it is short: then it is read whole, as any other. Long standard input
        is such a file, spooled (kg/ingest/spool.py), and so is a long archive record's
        text (kg/ingest/jsonstream.py); the document keeps it while it reads its parts
        from it, else it is removed once parsed."""
        from kg.ingest.parts import PartedDocument

        try:
            doc = self._parse(part_chars, listener)
            if self.spool is not None and isinstance(doc, PartedDocument) \
                    and doc.file == self.spool.path:
                doc.keep = self.spool  # its parts are read from it: it goes with the document
            return doc
        finally:
            self.drop_spool()  # parsed, or failed, or interrupted

    def _parse(self, part_chars: int | None, listener):
        from kg.ingest.parts import PartedDocument
        from kg.ingest.reader import parse_bytes

        if self.data is None:
            from kg.ingest.stream import read_parted

            assert self.file is not None
            self._check_file()
            doc = None
            if part_chars:
                doc = read_parted(self.file, path=self.name, doc_id=self.doc_id,
                                  sha256=self.sha256, part_chars=part_chars,
                                  published=self.published, listener=listener,
                                  file_sha256=self.file_sha256)
            if doc is not None:
                self._named(doc)
                return doc
            self.data = _read_again(self.file, self.name, self.file_sha256 or self.sha256)
        doc = parse_bytes(self.data, path=self.name, doc_id=self.doc_id,
                          published=self.published, part_chars=part_chars)
        doc.sha256 = self.sha256
        if self.file is not None and isinstance(doc, PartedDocument):
            doc.file = self.file  # it may read its parts from there (PartedDocument.spill)
        self._named(doc)
        return doc

    def _check_file(self) -> None:
        """A temporary file (spooled standard input, a long record's text) that is not
        there: a Dask worker on another machine than the process that read the input."""
        from kg.errors import InputError

        assert self.file is not None
        if self.temporary and not self.file.exists():
            raise InputError(f"its text was written to the temporary file {self.file}, "
                             "which is not there (a worker on another machine cannot "
                             "read the temporary folder of the process that read the "
                             "input)", path=self.name,
                             hint="build it without --scheduler, on one machine")

    def _named(self, doc) -> None:
        if self.title:
            doc.title = self.title
        if self.url:
            doc.url = self.url


def _read_again(path: Path, name: str, sha256: str) -> bytes:
    """The bytes of a file hashed earlier and read now; the same bytes or an error."""
    from kg.errors import InputError

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=name) from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise InputError("the file changed while it was being read; build it again", path=name)
    return data


def raw_documents(sources: list[Source], report: Tally, *, max_bytes: int | None = None,
                  published: date | None = None, fields: ArchiveFields | None = None,
                  stream_over: int | None = None, spool_over: int | None = None
                  ) -> Iterator[RawDocument]:
    """Read every source, reporting unreadable ones and duplicates instead of stopping.

    Ids come from each source's path relative to its argument
    (:func:`kg.ingest.sources.document_id`); sources whose ids collide all get the
    first 12 hex digits of their content's hash appended, whatever their order. An
    archive record's id is its ``id`` field, else its URL, else ``FILE-LINE``; its
    ``published`` field wins over ``published`` (``kg build --published``).
    A regular file over ``stream_over`` bytes is hashed, not read: its ``data`` is None
    and :meth:`RawDocument.parse` reads it as a stream. Standard input over
    ``spool_over`` bytes (by default ``stream_over``) is spooled to a temporary file
    (kg/ingest/spool.py) and read as a stream the same way.
    """
    if spool_over is None:
        spool_over = stream_over
    by_id: dict[str, int] = {}  # keyed by the id's IRI segment: "Report" and "report" share one
    for src in sources:
        if not is_archive(src.name):
            key = slug(document_id(src.rel or src.name))
            by_id[key] = by_id.get(key, 0) + 1
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}

    def accept(raw: RawDocument) -> RawDocument | None:
        if raw.sha256 in seen_hashes:
            report.skipped += 1
            report.warnings.append(f"{raw.name}: same content as {seen_hashes[raw.sha256]}; "
                                   "skipped")
            return None
        if slug(raw.doc_id) in seen_ids:
            report.skipped += 1
            report.warnings.append(f"{raw.name}: same document id {raw.doc_id!r} as "
                                   f"{seen_ids[slug(raw.doc_id)]}; skipped")
            return None
        seen_ids[slug(raw.doc_id)] = raw.name
        seen_hashes[raw.sha256] = raw.name
        return raw

    for src in sources:
        if is_archive(src.name):
            for record in _archive(src, report, fields, published):
                if slug(record.doc_id) in seen_ids and record.sha256 not in seen_hashes:
                    record.doc_id = f"{record.doc_id}-{record.sha256[:12]}"
                    record.notes.append(f"{record.name}: another record has the same id, so "
                                        f"this one's is {record.doc_id!r} (id + content hash)")
                if accept(record) is not None:
                    yield record
                record.drop_spool()  # skipped, or parsed (the document keeps it if it needs it)
            continue
        base = document_id(src.rel or src.name)
        shared = by_id.get(slug(base), 0) > 1
        spool = None
        try:
            size = (src.regular_size(max_bytes=max_bytes) if stream_over is not None
                    else None)
            if size is not None and size > stream_over:
                data, sha = None, _hashed(src)
            elif src.stdin and spool_over is not None and src.problem is None:
                got = src.read_or_spool(max_bytes=max_bytes, over=spool_over)
                if isinstance(got, bytes):
                    data, sha = got, hashlib.sha256(got).hexdigest()
                else:  # long: a temporary file, read as a stream as a long file is
                    data, sha, spool = None, got.sha256, got
                del got
            else:
                data = src.read(max_bytes=max_bytes)
                sha = hashlib.sha256(data).hexdigest()
        except KgError as exc:
            if src.skip:
                report.skipped += 1
                report.warnings.append(str(exc))
                continue
            report.failed += 1
            report.errors.append(str(exc))
            continue
        # a hash already if no letters
        doc_id = document_id(src.rel or src.name, sha256=sha)
        if shared and doc_id == base:
            doc_id = f"{base}-{sha[:12]}"
        else:
            shared = False
        raw = RawDocument(name=src.name, doc_id=doc_id, data=data, sha256=sha,
                          identity=src.identity, published=published,
                          file=(spool.path if spool is not None else
                                src.path if src.data is None and not src.stdin else None),
                          spool=spool, temporary=spool is not None)
        del data, spool  # the document holds them; the parser may drop them
        if shared:
            raw.notes.append(f"{src.name}: another input has the same name, so its "
                             f"document id is {doc_id!r} (name + content hash)")
        if accept(raw) is not None:
            yield raw
        raw.drop_spool()  # skipped, or parsed (the document keeps it if it needs it)


def _hashed(src: Source) -> str:
    """The SHA-256 of a regular file, read a chunk at a time."""
    from kg.errors import InputError
    from kg.ingest.parts import file_sha256

    try:
        return file_sha256(src.path)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=src.name) from exc


def _archive(src: Source, report: Tally, fields: ArchiveFields | None,
             published: date | None) -> Iterator[RawDocument]:
    """The records of one archive as raw documents; bad lines counted and reported."""
    try:
        stream = src.open()
    except KgError as exc:
        report.failed += 1
        report.errors.append(str(exc))
        return
    stem = document_id(Path(src.rel or src.name).name.split(".")[0] or "archive")
    with stream:
        for item in read_records(stream, name=src.name, fields=fields):
            if isinstance(item, BadRecord):
                report.skipped += 1
                report.bad_records += 1
                report.warnings.append(str(item))
                continue
            yield _from_record(item, src, stem, published)


def _from_record(record: ArchiveRecord, src: Source, stem: str,
                 published: date | None) -> RawDocument:
    """A record as a raw document; a long one's text stays in its temporary file, which
    is then read as a stream (:meth:`RawDocument.parse`), as long standard input is."""
    line = record.name.rsplit(":", 1)[-1]
    doc_id = record.doc_id or record.url or f"{stem}-{line}"
    spool = record.spool
    return RawDocument(name=record.name, doc_id=doc_id, data=record.data,
                       sha256=record.sha256, identity=f"{src.identity}#{doc_id}",
                       published=record.published or published, title=record.title,
                       url=record.url, file=spool.path if spool is not None else None,
                       spool=spool, file_sha256=spool.sha256 if spool is not None else None,
                       temporary=spool is not None)


def count_documents(sources: list[Source]) -> int:
    """How many documents the sources hold at most (one per file, one per non-blank line
    of an archive), for a progress bar's total; archives are read once more for it, a
    megabyte at a time at most (a line is never held whole)."""
    import gzip

    from kg.ingest.archives import count_records

    total = 0
    for src in sources:
        if not is_archive(src.name):
            total += 1
            continue
        try:
            with src.open() as raw:
                stream = raw
                if raw.read(2) == b"\x1f\x8b":
                    raw.seek(0)
                    stream = gzip.GzipFile(fileobj=raw)
                else:
                    raw.seek(0)
                total += count_records(stream)
        except (KgError, OSError, EOFError):
            continue  # reported when it is read for real
    return total
