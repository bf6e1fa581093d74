"""Standard input spooled to a temporary file (kg/ingest/spool.py): its bounds, its
limit, and no file left behind whatever stops it. The build's side is in
tests/reliability/test_stdin_stream.py."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import tempfile

import pytest

import kg.ingest.spool as spool
from kg.errors import InputError
from kg.ingest.sources import _check_size
from kg.ingest.spool import Spool, read_or_spool


@pytest.fixture
def tmp(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(spool, "CHUNK", 1_000)
    return tmp_path


def _spool(data: bytes, *, over: int = 4_096, max_bytes: int = 0):
    return read_or_spool(io.BufferedReader(io.BytesIO(data)), name="stdin", over=over,
                         max_bytes=max_bytes, too_large=_check_size)


@pytest.mark.parametrize("size", [0, 1, 4_095, 4_096])
def test_up_to_the_threshold_it_is_the_bytes(tmp, size):
    data = os.urandom(size)
    assert _spool(data) == data
    assert not list(tmp.iterdir())


@pytest.mark.parametrize("size", [4_097, 10_000, 123_457])
def test_over_it_is_a_file_with_the_bytes_and_their_hash(tmp, size):
    data = os.urandom(size)
    got = _spool(data)
    assert isinstance(got, Spool) and got.path.parent == tmp
    assert got.path.name.startswith("kg-stdin-") and got.fd is None
    assert got.path.read_bytes() == data and got.size == size
    assert got.sha256 == hashlib.sha256(data).hexdigest()
    path = got.path
    del got
    assert not path.exists()  # removed with the last reference


@pytest.mark.parametrize(("size", "max_bytes", "over"), [
    (10_000, 10_000, 4_096), (10_001, 10_000, 4_096), (3_001, 3_000, 4_096),
    (3_000, 3_000, 4_096), (4_097, 4_096, 4_096), (4_096, 4_096, 4_096)])
def test_the_limit_is_the_limit_of_a_whole_read(tmp, size, max_bytes, over):
    """At most ``max_bytes``: read (spooled if over ``over``); one byte more: the message
    :meth:`Source.read` gives, and no file."""
    data = b"x" * size
    if size <= max_bytes:
        got = _spool(data, over=over, max_bytes=max_bytes)
        assert (got if isinstance(got, bytes) else got.path.read_bytes()) == data
        return
    with pytest.raises(InputError) as info:
        _spool(data, over=over, max_bytes=max_bytes)
    with pytest.raises(InputError) as whole:
        _check_size(size, max_bytes, "stdin", stream=True)
    assert str(info.value) == str(whole.value) and "file too large: over" in str(info.value)
    assert not list(tmp.iterdir())


class _Breaking(io.RawIOBase):
    def __init__(self, data: bytes, after: int, exc: BaseException):
        self.data, self.at, self.after, self.exc = data, 0, after, exc

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.at >= self.after:
            raise self.exc
        n = min(len(buffer), 500, len(self.data) - self.at)
        buffer[:n] = self.data[self.at:self.at + n]
        self.at += n
        return n


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), SystemExit(143),
                                 OSError(errno.EIO, "Input/output error")],
                         ids=["Ctrl-C", "SIGTERM", "read error"])
def test_stopped_while_spooling_leaves_no_file(tmp, exc):
    stream = io.BufferedReader(_Breaking(b"y" * 50_000, 9_000, exc))
    with pytest.raises(type(exc) if not isinstance(exc, OSError) else InputError):
        read_or_spool(stream, name="stdin", over=4_096, max_bytes=0, too_large=_check_size)
    assert not list(tmp.iterdir())


def test_a_full_disk_is_one_line_and_no_file(tmp, monkeypatch):
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(spool.os, "write", full)
    with pytest.raises(InputError) as info:
        _spool(b"z" * 20_000)
    assert "No space left on device" in str(info.value) and str(info.value).startswith(
        "stdin: cannot read standard input into a temporary file")
    assert not list(tmp.iterdir())
