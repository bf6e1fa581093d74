"""Long standard input spooled to a temporary file, so it is read as a stream (issue 17).

Standard input has no size to look at first, and it can be read only once. A build
that cuts long texts into parts reads its first ``over + 1`` bytes (``over``:
``kg.ingest.stream.STREAM_BYTES``): when that is all there is, the bytes are the
document, read whole as before. Otherwise the bytes read so far, and the rest a
megabyte at a time, go to a temporary file and into a SHA-256 as they come; the
document is then that file, read as a stream like any long regular file
(kg/ingest/stream.py) and never held whole in memory. The size limit (``--max-size``,
or ``DEFAULT_STREAM_BYTES`` without one) is enforced as the bytes come, with the same
message as when standard input is read whole.

The file is removed as soon as nothing refers to its :class:`Spool` (the raw document,
then the document read from it, which keeps it while its parts are read from the file),
when spooling fails or is interrupted, and at the latest when the interpreter exits
(``weakref.finalize``). Only SIGKILL can leave one behind (``kg-stdin-*.txt`` in the
temporary folder).

An archive record too long to read whole (kg/ingest/jsonstream.py) has its text field
spooled the same way (``kg-record-*.txt``) and is then read like long standard input.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import weakref
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError

CHUNK = 2**20  # bytes read from standard input and written at a time


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


class Spool:
    """A temporary file holding what standard input gave (``size`` bytes, ``sha256``);
    removed when this object is dropped, or by :meth:`remove`."""

    def __init__(self, prefix: str = "kg-stdin-") -> None:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".txt")
        self._finalizer = weakref.finalize(self, _remove, name)
        self.fd: int | None = fd
        self.path = Path(name)
        self.size = 0
        self.sha256 = ""

    def remove(self) -> None:
        self._close()
        self._finalizer()

    def _close(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)


def read_or_spool(stream: BinaryIO, *, name: str, over: int, max_bytes: int,
                  too_large) -> bytes | Spool:
    """All of ``stream`` as bytes when it holds at most ``over`` bytes, else a
    :class:`Spool` of it. ``max_bytes`` (0: no limit): more is refused by
    ``too_large(size, max_bytes, name, stream=True)`` (it raises), one byte past it, as
    reading it whole did. Nothing is left on disk when it raises or is interrupted."""
    first = stream.read((min(over, max_bytes) if max_bytes else over) + 1)
    if max_bytes and len(first) > max_bytes:
        too_large(len(first), max_bytes, name, stream=True)
    if len(first) <= over:
        return first
    try:
        spool = Spool()
    except OSError as exc:
        raise _cannot_spool(exc, name) from exc
    try:
        digest = hashlib.sha256()
        size = 0
        chunk = first
        del first
        while chunk:
            digest.update(chunk)
            size += len(chunk)
            if max_bytes and size > max_bytes:
                too_large(size, max_bytes, name, stream=True)
            write_all(spool.fd, chunk)
            want = min(CHUNK, max_bytes + 1 - size) if max_bytes else CHUNK
            chunk = stream.read(want)
        spool._close()
        spool.size, spool.sha256 = size, digest.hexdigest()
    except OSError as exc:
        spool.remove()
        raise _cannot_spool(exc, name) from exc
    except BaseException:  # the limit, Ctrl-C, SIGTERM: no file left behind
        spool.remove()
        raise
    return spool


def write_all(fd: int | None, data: bytes) -> None:
    """Write all of ``data`` to the file descriptor ``fd``."""
    assert fd is not None
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _cannot_spool(exc: OSError, name: str) -> InputError:
    return InputError(f"cannot read standard input into a temporary file "
                      f"({tempfile.gettempdir()}): {exc.strerror or exc}", path=name,
                      hint="free some space there, or set TMPDIR to a folder with room")
