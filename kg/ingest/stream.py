"""A long file read as a stream: decoded, cut into parts and read for the whole text's
cues without ever holding its whole text (issue 17, docs/reliability.md "Memory").

The reader (kg/ingest/reader.py) decodes a file whole, as one string, and a long text
is then cut into parts (kg/ingest/parts.py). For a 200 MB file that string took 400 MB
(two bytes a character as soon as one name is outside Latin-1) beside the file's
200 MB of bytes, so reading grew with the file. Here a regular file over
``STREAM_BYTES`` is read ``CHUNK`` bytes at a time through an incremental decoder
(UTF-8, UTF-16/32 with a BOM, UTF-16 without one, the legacy encodings
:func:`kg.ingest.encoding.legacy_codecs` picks), and what is held is one window of
``part_chars + 1`` characters:

* parts are cut window by window with :func:`kg.ingest.parts.next_cut`, which reads
  only that window, so they are exactly the parts :func:`~kg.ingest.parts.part_bounds`
  cuts from the whole string;
* each part's text is handed to ``listener`` (the build's
  :class:`kg.extract.positions.TextCueReader`: ingest does not import extract), which
  keeps what the extractors read from the whole text;
* a UTF-8 file is its text's own bytes: the parts are read from it later
  (:class:`~kg.ingest.parts.PartedDocument` with no bytes in memory). Another encoding
  (a BOM, UTF-16, Windows-1252) is written as UTF-8 to a temporary file, removed when
  the document is dropped, and the parts are read from that.

An HTML page is decoded and its text extracted as it is read
(:class:`kg.ingest.html.HtmlText`, html.parser fed a chunk at a time), the text written
as UTF-8 to a temporary file (removed with the document) and read from there as above.
A file whose text turns out no longer than ``part_chars`` is not read here (``None``):
the reader reads it whole, as before. Long standard input comes here as the temporary
file it was spooled to (kg/ingest/spool.py).
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import tempfile
import weakref
from pathlib import Path
from typing import Protocol

from kg.errors import InputError
from kg.ingest.encoding import BOMS, bomless_utf16, legacy_codecs, refuse_pdf
from kg.ingest.parts import PartedDocument, next_cut

# A regular file over this many bytes is not read whole by a build that cuts long
# texts into parts: it is hashed and read as a stream. (Tests lower it.)
STREAM_BYTES = 8 * 2**20
CHUNK = 2**20  # bytes read and decoded at a time
_HEAD = 200_000  # characters the language checks read (kg/ingest/language.py)


class Listener(Protocol):
    def feed(self, piece: str, *, final: bool = False) -> None: ...


class _Undecodable(Exception):
    def __init__(self, at: int):
        self.at = at


def read_parted(file: Path, *, path: str, doc_id: str, sha256: str, part_chars: int,
                published=None, listener: Listener | None = None,
                file_sha256: str | None = None) -> PartedDocument | None:
    """``file`` as a :class:`PartedDocument`, read as a stream; None when its text is no
    longer than ``part_chars`` (the caller reads it whole). ``sha256``:
    the file's, from when it was first read; a file that changed since is an error.
    ``file_sha256``: the file's, when ``sha256`` is the document's of something else (a
    long archive record's text, spooled: ``sha256`` is of the record's fields)."""
    expect = file_sha256 or sha256
    from kg.ingest.html import looks_like_html
    from kg.ingest.language import refuse_unreadable_script

    try:
        with open(file, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=path) from exc
    codec, own = _codec(head, path)
    notes: list[str] = []
    first = _decoded_head(file, codec)
    if first is None and codec == "utf-8-sig":
        first = _legacy_head(file, head, notes)
        codec, own = (notes[-1] if notes else codec), False
    if first is None:  # undecodable: the reader says why, as for any file
        return None
    refuse_unreadable_script(first, path=path)
    warnings = [f"{path}: not UTF-8: decoded as {codec} (re-encode it as UTF-8 to be sure)"
                ] if notes else []
    page = None
    if looks_like_html(first[:4096], path=path):
        if not first.strip():
            return None  # an .html file that opens blank: the reader says what it is
        page = _html_text(file, codec, path=path)
        if page is None:
            return None  # undecodable further on: the reader says why
        if page.sha256 != expect:
            page.close()
            raise InputError("the file changed while it was being read; build it again",
                             path=path)
        warnings.append(f"{path}: HTML page; kg reads its extracted text ({page.lines} "
                        "lines) and offsets refer to that text (stored in nif:isString), "
                        "not to the HTML")
        assert page.out_path is not None
        # the extracted text is UTF-8 of its own: a U+FEFF it starts with is a character
        scan = _Scan(Path(page.out_path), "utf-8", part_chars, own=True)
        scan.out_path = page.out_path  # removed with the scan when it is not used
    else:
        scan = _Scan(file, codec, part_chars, own=own)
    try:
        scan.run(listener)
    except _Undecodable:
        scan.close()
        return None  # decodable at its head, not further on: the reader says why
    except BaseException:
        scan.close()
        raise
    if page is not None:
        scan.sha256, scan.utf8_sha256, own = expect, scan.sha256, False
    if scan.sha256 != expect:
        scan.close()
        raise InputError("the file changed while it was being read; build it again", path=path)
    if scan.blank:
        scan.close()
        raise InputError("empty file: there is no text to read", path=path)
    if scan.chars <= part_chars:
        scan.close()
        return None
    warnings.append(f"{path}: {scan.chars:,} characters, built in {len(scan.spans)} parts of "
                    f"at most {part_chars:,} characters, each read, parsed and resolved on its "
                    "own (names are not linked from one part to another; offsets still refer "
                    "to the whole text, and all parts share the document's graph)")
    target = file if own else Path(scan.out_path)
    info = os.stat(target)
    doc = PartedDocument(doc_id=doc_id, path=path, data=None, chars=scan.chars,
                         spans=scan.spans, sha256=sha256, part_chars=part_chars,
                         published=published, warnings=warnings, own=True, file=target,
                         text_sha256=(scan.utf8_sha256 if not own else
                                      None if expect == sha256 else expect),
                         _stamp=(info.st_size, info.st_mtime_ns))
    if not own:
        weakref.finalize(doc, _remove, scan.out_path)
    return doc


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _codec(head: bytes, path: str) -> tuple[str, bool]:
    """The codec :func:`kg.ingest.reader.decode` would try first, from the file's first
    bytes, and whether the text's UTF-8 is the file's bytes (plain UTF-8, no BOM)."""
    refuse_pdf(head, path=path)
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codec, False
    if b"\x00" in head[:8192]:
        codec = bomless_utf16(head[:8192])
        if codec is None:
            raise InputError("binary file: it contains NUL bytes, not text", path=path,
                             hint="give kg plain-text or HTML news files")
        return codec, False
    return "utf-8-sig", not head.startswith(codecs.BOM_UTF8)


def _decoded_head(file: Path, codec: str, chars: int = _HEAD) -> str | None:
    """The first ``chars`` characters, or None if the whole file does not decode."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    out: list[str] = []
    got = 0
    try:
        with open(file, "rb") as fh:
            while chunk := fh.read(CHUNK):
                text = decoder.decode(chunk)
                if got < chars:
                    out.append(text[:chars - got])
                    got += len(out[-1])
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, LookupError):
        return None
    return "".join(out)


def _legacy_head(file: Path, head: bytes, notes: list[str]) -> str | None:
    """The head of a file that is not UTF-8, in the first legacy codec that decodes it
    all (the codec goes in ``notes``)."""
    for codec in legacy_codecs(head):
        first = _decoded_head(file, codec)
        if first is not None:
            notes.append(codec)
            return first
    return None


class _Page:
    """A page's text extracted as it is read (:class:`kg.ingest.html.HtmlText`), written
    to a temporary UTF-8 file; ``sha256`` of the page's bytes, ``lines`` of the text."""

    def __init__(self) -> None:
        self.out_path: str | None = None
        self.sha256, self.lines = "", 0

    def close(self) -> None:
        if self.out_path is not None:
            _remove(self.out_path)


def _html_text(file: Path, codec: str, *, path: str) -> _Page | None:
    """The text of the HTML page ``file`` in a temporary file, extracted as it is
    decoded, or None if it does not decode; malformed or without text: InputError."""
    from kg.ingest.html import HtmlText

    page = _Page()
    fd, page.out_path = tempfile.mkstemp(prefix="kg-html-", suffix=".txt")
    decoder = codecs.getincrementaldecoder(codec)("strict")
    digest = hashlib.sha256()
    reader = HtmlText(path=path)
    try:
        with os.fdopen(fd, "wb") as out, open(file, "rb") as fh:
            while True:
                chunk = fh.read(CHUNK)
                digest.update(chunk)
                try:
                    piece = decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError:
                    page.close()
                    return None
                text = reader.feed(piece) if chunk else reader.feed(piece) + reader.close()
                del piece
                out.write(text.encode("utf-8", "surrogatepass"))
                del text
                if not chunk:
                    break
    except BaseException:
        page.close()
        raise
    page.sha256, page.lines = digest.hexdigest(), reader.lines
    return page


class _Scan:
    """One pass over the file: decoded, hashed, cut into parts, fed to a listener, and
    written as UTF-8 to a temporary file unless it is UTF-8 already (``own``)."""

    def __init__(self, file: Path, codec: str, part_chars: int, *, own: bool):
        self.file, self.codec, self.part_chars, self.own = file, codec, part_chars, own
        self.spans: list[tuple[int, int, int, int]] = []
        self.chars, self.blank, self.sha256 = 0, True, ""
        self.out_path: str | None = None
        self.utf8_sha256: str | None = None

    def close(self) -> None:
        if self.out_path is not None:
            _remove(self.out_path)

    def run(self, listener: Listener | None) -> None:
        decoder = codecs.getincrementaldecoder(self.codec)("strict")
        digest, utf8 = hashlib.sha256(), hashlib.sha256()
        out = None
        if not self.own:
            fd, self.out_path = tempfile.mkstemp(prefix="kg-text-", suffix=".txt")
            out = os.fdopen(fd, "wb")
        part_chars = self.part_chars
        # buf[off:] is the text not yet cut, from character ``pos`` of the whole text
        buf, off, pos, at, eof, read = "", 0, 0, 0, False, 0
        try:
            with open(self.file, "rb") as fh:
                while True:
                    if not eof and len(buf) - off <= part_chars:
                        chunk = fh.read(CHUNK)
                        try:
                            if chunk:
                                digest.update(chunk)
                                self.blank = self.blank and chunk.isspace()
                                more = decoder.decode(chunk)
                            else:
                                more = decoder.decode(b"", final=True)
                                eof = True
                        except UnicodeDecodeError as exc:
                            raise _Undecodable(read + exc.start) from exc
                        read += len(chunk)
                        buf, off = buf[off:] + more, 0
                        del more
                        continue
                    if off >= len(buf):
                        break
                    cut = next_cut(buf[off:off + part_chars + 1], 0, part_chars)
                    piece = buf[off:off + cut]
                    off += cut
                    data = piece.encode("utf-8", "surrogatepass")
                    self.spans.append((pos, pos + cut, at, at + len(data)))
                    pos, at = pos + cut, at + len(data)
                    if out is not None:
                        out.write(data)
                        utf8.update(data)
                    del data
                    if listener is not None:
                        listener.feed(piece, final=eof and off >= len(buf))
                    del piece
        finally:
            if out is not None:
                out.close()
        self.chars, self.sha256 = pos, digest.hexdigest()
        self.utf8_sha256 = utf8.hexdigest() if not self.own else None
