"""One JSON object read as a stream, its long text field spooled to a file (issue 17).

An archive line (kg/ingest/archives.py) is read whole only up to
``archives.RECORD_BYTES``; a longer one (a 200 MB article, or a file with no newline
at all) comes here as the bytes read so far and the rest of the line, a chunk at a
time. It must be one JSON object. The value of ``stream_key`` (the record's text),
when it is a string, is decoded escape by escape as it comes and written as UTF-8 to a
temporary file (a :class:`kg.ingest.spool.Spool`, removed with the document), which
the build then reads as a stream, as it reads long standard input. Every other value
is parsed by the standard library's JSON decoder, and may be at most ``cap``
characters long: that bounds what is held, whatever the line.

Why not a library: ijson (on PyPI, not in kg's lock) hands every string value to its
caller whole, so a 200 MB text would still be one 200 MB string; what is needed here is
one object per line with one long string in it, which the standard library's decoder
does for every piece but that string, and a regular expression finds the string's end.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

from kg.ingest.spool import Spool, write_all

# a run of a JSON string's characters and complete escapes (control characters not allowed)
_CHARS = re.compile(r'(?:[^"\\\x00-\x1f]+|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*')
_HIGH = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\Z")  # a high surrogate's escape at the end
_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
PIECE = 2**20  # characters decoded and written at a time


class NotRecord(ValueError):
    """The line is not a JSON object kg can read; the message says why."""


class SpooledText:
    """The text field of a long record in a temporary UTF-8 file: ``spool`` (its
    ``size`` and ``sha256`` are the file's), and whether it is ``blank``."""

    def __init__(self) -> None:
        self.spool = Spool(prefix="kg-record-")
        self.blank = True
        self._digest = hashlib.sha256()
        self._size = 0

    def write(self, piece: str) -> None:
        self.blank = self.blank and (not piece or piece.isspace())
        try:
            data = piece.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise NotRecord(f"the text holds a lone surrogate ({piece[exc.start]!r}), "
                            "which is not a character") from None
        self._digest.update(data)
        self._size += len(data)
        write_all(self.spool.fd, data)

    def done(self) -> None:
        self.spool._close()
        self.spool.size, self.spool.sha256 = self._size, self._digest.hexdigest()

    def remove(self) -> None:
        self.spool.remove()


class _Scanner:
    """The decoded characters of the chunks, ``buf[i:]`` not consumed yet."""

    def __init__(self, chunks: Iterator[bytes], cap: int, stream_key: str):
        self.chunks, self.cap, self.stream_key = chunks, cap, stream_key
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self.buf, self.i, self.eof = "", 0, False

    def pull(self) -> bool:
        """Decode one more chunk into the buffer; False at the end of the line."""
        if self.eof:
            return False
        chunk = next(self.chunks, b"")
        try:
            more = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise NotRecord(f"not JSON (invalid UTF-8: {exc.reason})") from None
        self.eof = not chunk
        self.buf, self.i = self.buf[self.i:] + more, 0
        return True

    def skip_ws(self) -> str:
        """Skip whitespace; the next character, or "" at the end of the line."""
        while True:
            self.i = _WS.match(self.buf, self.i).end()
            if self.i < len(self.buf):
                return self.buf[self.i]
            if not self.pull():
                return ""

    def expect(self, chars: str, what: str) -> str:
        got = self.skip_ws()
        if not got or got not in chars:
            raise NotRecord(f"not JSON (expected {what} at {got!r})" if got else
                            f"not JSON (the line ends before {what})")
        self.i += 1
        return got

    def value(self, key: str | None) -> Any:
        """One JSON value of at most ``cap`` characters, parsed by the standard library."""
        self.skip_ws()
        while True:
            error = None
            try:
                value, end = _DECODER.raw_decode(self.buf, self.i)
            except json.JSONDecodeError as exc:
                error = exc
            else:
                if end < len(self.buf) or self.eof:  # a number may go on in the next chunk
                    self.i = end
                    return value
            too_long = len(self.buf) - self.i > self.cap
            if too_long or not self.pull():
                what = f"the {key!r} field" if key is not None else "a field name"
                if too_long:
                    raise NotRecord(f"{what} is over {megabytes(self.cap)} long: only the text "
                                    f"field ({self.stream_key!r}; --field text=KEY names "
                                    "another) may be that long (shorten that field, or split "
                                    "the record)")
                raise NotRecord(f"not JSON ({error.msg if error else 'cut short'} in {what})")

    def string_to(self, out: SpooledText) -> None:
        """The rest of a JSON string (its opening quote read), decoded into ``out``."""
        grow = False
        while True:
            while not self.eof and (grow or len(self.buf) - self.i < PIECE):
                self.pull()
                grow = False
            start = self.i
            end = _CHARS.match(self.buf, start).end()
            final = end < len(self.buf) and self.buf[end] == '"'
            if not final and end < len(self.buf) and (self.eof or len(self.buf) - end >= 6):
                bad = self.buf[end:end + 6]
                raise NotRecord(f"not JSON (invalid character or escape {bad!r} in the text)")
            if not final and end == len(self.buf) and self.eof:
                raise NotRecord("not JSON (the line ends inside the text: unterminated string)")
            piece = self.buf[start:end]
            if not final and _HIGH.search(piece) and _escaped(piece, len(piece) - 6):
                end -= 6  # its low half comes next: decode the pair together
                piece = piece[:-6]
            if not final and end == start:  # an escape cut by the end of the buffer
                grow = True
                continue
            out.write(json.loads(f'"{piece}"') if "\\" in piece else piece)
            del piece
            self.i = end + 1 if final else end
            if final:
                return


def megabytes(size: int) -> str:
    """A size for a message: '8 MB', or bytes under a megabyte."""
    return f"{size / 2**20:g} MB" if size >= 2**20 else f"{size:,} bytes"


def _escaped(text: str, at: int) -> bool:
    """Whether the backslash at ``at`` starts an escape (an odd run of backslashes)."""
    run = 0
    while at - run >= 0 and text[at - run] == "\\":
        run += 1
    return run % 2 == 1


def read_object(chunks: Iterator[bytes], *, stream_key: str, cap: int
                ) -> tuple[dict[str, Any], SpooledText | None]:
    """The JSON object in ``chunks`` (one line's bytes): its fields, and the string value
    of ``stream_key`` spooled (None when it is absent or not a string; then it is in the
    fields). Reads ``chunks`` to their end. Raises :class:`NotRecord` saying what is wrong,
    after removing the spooled text."""
    scan = _Scanner(chunks, cap, stream_key)
    fields: dict[str, Any] = {}
    text: SpooledText | None = None
    try:
        first = scan.skip_ws()
        if first != "{":
            raise NotRecord("not a JSON object" if first else "not JSON (an empty line)")
        scan.i += 1
        if scan.skip_ws() == "}":
            scan.i += 1
        else:
            while True:
                if scan.skip_ws() != '"':
                    scan.expect('"', "a field name")
                key = scan.value(None)
                scan.expect(":", "':'")
                if key == stream_key and scan.skip_ws() == '"':
                    scan.i += 1
                    if text is not None:  # the same key twice: the last one counts
                        text.remove()
                    text = _spooled(scan)
                    fields.pop(key, None)
                else:
                    fields[key] = scan.value(key)
                    if key == stream_key and text is not None:
                        text.remove()
                        text = None
                if scan.expect(",}", "',' or '}'") == "}":
                    break
        if scan.skip_ws():
            raise NotRecord("not JSON (more after the object)")
    except NotRecord:
        if text is not None:
            text.remove()
        for _ in chunks:  # the rest of the line: the next record starts after it
            pass
        raise
    except BaseException:  # Ctrl-C, SIGTERM: no file left behind
        if text is not None:
            text.remove()
        raise
    return fields, text


def _spooled(scan: _Scanner) -> SpooledText:
    """The string at ``scan`` (its quote read) in a temporary file."""
    try:
        text = SpooledText()
    except OSError as exc:
        raise NotRecord(_cannot_write(exc)) from None
    try:
        scan.string_to(text)
        text.done()
    except OSError as exc:
        text.remove()
        raise NotRecord(_cannot_write(exc)) from None
    except BaseException:
        text.remove()
        raise
    return text


def _cannot_write(exc: OSError) -> str:
    import tempfile

    return (f"cannot write its text to a temporary file ({tempfile.gettempdir()}): "
            f"{exc.strerror or exc} (free some space there, or set TMPDIR to a folder with "
            "room)")
