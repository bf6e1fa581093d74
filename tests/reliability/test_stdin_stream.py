"""Long standard input (`kg build -`) read as a stream (kg/ingest/spool.py, issue 17):
spooled to a temporary file as it comes, then read as a long regular file is
(kg/ingest/stream.py): the same parts, text, cues and graph as standard input read
whole, the same limit and message, and the temporary file gone with the document, on
error and on Ctrl-C. Memory figures are measured in bench/bigfiles.py, not here."""

from __future__ import annotations

import gc
import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import BlankNode
from stream_helpers import traced_peak
from test_whole_text import news_text

import kg.build
import kg.ingest.sources as sources
import kg.ingest.stream as stream
from kg.build import BuildOptions, BuildReport, build_into, read_sources
from kg.extract.positions import text_cues
from kg.ingest.parts import PartedDocument
from kg.ingest.sources import expand_sources
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
ENCODINGS = {
    "UTF-8": lambda t: t.encode("utf-8"),
    "UTF-8 with a BOM": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "UTF-16": lambda t: t.encode("utf-16"),
    "UTF-16 without a BOM": lambda t: t.replace("😀", "").encode("utf-16-le"),
}


class _Stdin(io.RawIOBase):
    """Standard input's bytes; records the largest read asked for, and raises
    ``interrupt`` once more than ``after`` bytes have been read."""

    def __init__(self, data: bytes, *, after: int | None = None, interrupt=KeyboardInterrupt):
        self.data, self.at, self.after, self.interrupt = data, 0, after, interrupt
        self.largest = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.after is not None and self.at > self.after:
            raise self.interrupt
        n = min(len(buffer), len(self.data) - self.at, 65536)
        buffer[:n] = self.data[self.at:self.at + n]
        self.at += n
        return n


class _Buffered(io.BufferedReader):
    def read(self, size=-1):
        self.raw.largest = max(self.raw.largest, size if size >= 0 else 2**62)
        return super().read(size)


def _stdin(monkeypatch, data: bytes, **kw) -> _Stdin:
    raw = _Stdin(data, **kw)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(_Buffered(raw)))
    return raw


def _read(monkeypatch, data: bytes, *, part_chars: int = 1_500, max_bytes=None):
    _stdin(monkeypatch, data)
    report = BuildReport()
    docs = list(read_sources(expand_sources(["-"]), report, part_chars=part_chars,
                             max_bytes=max_bytes))
    return docs, report


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_long_stdin_is_read_as_a_stream_as_a_file_is(tmp, monkeypatch, encoding):
    """Spooled, then read as a long file: the parts, text and cues of standard input read
    whole (as before), with the same id, name and hash; before, it was read whole."""
    text = news_text(200)
    data = ENCODINGS[encoding](text)
    if encoding == "UTF-16 without a BOM":
        text = text.replace("😀", "")
    (whole,), report = _read(monkeypatch, data)
    assert whole.data is not None and not report.errors
    monkeypatch.setattr(stream, "STREAM_BYTES", 4_096)
    monkeypatch.setattr(stream, "CHUNK", 997)
    (doc,), report = _read(monkeypatch, data)
    assert not report.errors, report.errors
    assert isinstance(doc, PartedDocument) and doc.data is None and doc.cues is not None
    assert (doc.doc_id, doc.path, doc.sha256) == ("stdin", "stdin", whole.sha256)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.spans == whole.spans and len(doc.spans) >= 10
    assert b"".join(doc.text_chunks()) == text.encode("utf-8")
    assert doc.cues == text_cues(text)
    spooled = [p.name for p in tmp.iterdir()]
    # a UTF-8 text is read from the spooled file; another's UTF-8 copy replaces it
    assert len(spooled) == 1 and spooled[0].startswith(
        "kg-stdin-" if encoding == "UTF-8" else "kg-text-")
    del doc
    gc.collect()
    assert not list(tmp.iterdir())  # the temporary file goes with the document


def test_short_stdin_is_read_whole_as_before(tmp, monkeypatch):
    monkeypatch.setattr(stream, "STREAM_BYTES", 4_096)
    data = news_text(6).encode()
    raw = _stdin(monkeypatch, data)
    report = BuildReport()
    (doc,) = read_sources(expand_sources(["-"]), report, part_chars=1_500)
    assert doc.doc_id == "stdin" and not isinstance(doc, PartedDocument)
    assert not list(tmp.iterdir()) and raw.largest == 4_097


def test_a_streamed_stdin_build_is_the_graph_of_the_whole_stdin_build(tmp, monkeypatch):
    """The same quads, whether standard input is read whole (as before) or spooled and
    read as a stream; nothing is left in the temporary folder."""
    data = news_text(200).encode("utf-8")
    options = BuildOptions(part_chars=1_500)
    whole = open_store(None)
    _stdin(monkeypatch, data)
    report = build_into(whole, expand_sources(["-"]), options=options)
    assert report.built == 1 and not report.errors
    monkeypatch.setattr(stream, "STREAM_BYTES", 4_096)
    seen: list = []
    read_parted = stream.read_parted

    def reading(*args, **kw):
        seen.append([p.name for p in tmp.iterdir()])
        return read_parted(*args, **kw)

    monkeypatch.setattr(stream, "read_parted", reading)
    _stdin(monkeypatch, data)
    streamed = open_store(tmp.parent / "s")
    report = build_into(streamed, expand_sources(["-"]), options=options)
    assert report.built == 1 and not report.errors, report.errors
    assert len(seen) == 1 and seen[0][0].startswith("kg-stdin-")
    quads = set(streamed)
    assert not any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object))
    assert quads == set(whole)  # no blank node: equal sets are isomorphic graphs
    gc.collect()
    assert not list(tmp.iterdir())


@pytest.mark.parametrize("limit", ["--max-size", "the stream cap"])
def test_the_limit_is_enforced_as_it_comes_with_the_same_message(tmp, monkeypatch, limit):
    """Over the limit: the message of standard input read whole, nothing left on disk,
    and no read asks for more than ``STREAM_BYTES + 1`` bytes at once (before, one read
    asked for the whole limit, so up to 256 MB were held; the spool reads a chunk at a
    time)."""
    data = news_text(400).encode()  # 52,000 bytes
    max_bytes = None
    if limit == "--max-size":
        max_bytes = 30_000
    else:
        monkeypatch.setattr(sources, "DEFAULT_STREAM_BYTES", 30_000)
    _, whole = _read(monkeypatch, data, max_bytes=max_bytes)
    assert len(whole.errors) == 1
    assert whole.errors[0].startswith("stdin: file too large: over 30,000 bytes (the limit")
    monkeypatch.setattr(stream, "STREAM_BYTES", 4_096)
    monkeypatch.setattr("kg.ingest.spool.CHUNK", 4_096)
    raw = _stdin(monkeypatch, data)
    report = BuildReport()
    assert not list(read_sources(expand_sources(["-"]), report, part_chars=1_500,
                                 max_bytes=max_bytes))
    assert report.errors == whole.errors and report.failed == 1
    assert raw.largest <= 4_097 and raw.at <= 30_001 + 65_536
    assert not list(tmp.iterdir())


def test_ctrl_c_while_standard_input_is_spooled_leaves_no_file(tmp, monkeypatch):
    monkeypatch.setattr(stream, "STREAM_BYTES", 4_096)
    _stdin(monkeypatch, news_text(400).encode(), after=20_000)
    with pytest.raises(KeyboardInterrupt):
        list(read_sources(expand_sources(["-"]), BuildReport(), part_chars=1_500))
    gc.collect()
    assert not list(tmp.iterdir())


class _Stop(KeyboardInterrupt):
    pass


def test_ctrl_c_while_the_parts_are_built_leaves_no_file(tmp, monkeypatch):
    """Stopped in the middle of its parts (the spooled file in use): removed once the
    stopped build is gone."""
    monkeypatch.setattr(stream, "STREAM_BYTES", 4_096)
    finish = kg.build.DocumentBuilder.finish
    during: list = []

    def stopping(self, document, parsed):
        if document.part == 3:
            during.extend(p.name for p in tmp.iterdir())
            raise _Stop
        return finish(self, document, parsed)

    monkeypatch.setattr(kg.build.DocumentBuilder, "finish", stopping)
    _stdin(monkeypatch, news_text(200).encode())
    with pytest.raises(_Stop):
        build_into(open_store(None), expand_sources(["-"]),
                   options=BuildOptions(part_chars=1_500))
    gc.collect()
    assert len(during) == 1 and during[0].startswith("kg-stdin-")
    assert not list(tmp.iterdir())


def test_the_file_is_removed_when_the_process_ends_holding_it(tmp_path):
    """The last resort: a document still held when the interpreter exits (an uncaught
    Ctrl-C) takes its spooled file with it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    script = (
        "import io, sys, os\n"
        "import kg.ingest.stream as stream\n"
        "from kg.build import BuildReport, read_sources\n"
        "from kg.ingest.sources import expand_sources\n"
        "stream.STREAM_BYTES = 4096\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'Police said on Monday. ' * 2000))\n"
        "docs = list(read_sources(expand_sources(['-']), BuildReport(), part_chars=1500))\n"
        "print(docs[0].file, os.listdir(os.environ['TMPDIR']), flush=True)\n"
        "raise KeyboardInterrupt\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(folder)}
    res = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=120)
    assert "KeyboardInterrupt" in res.stderr and "kg-stdin-" in res.stdout, res.stderr
    assert not list(folder.iterdir())


def _reading_peak(tmp: Path, monkeypatch, size: int, *, max_bytes=None) -> int:
    """Peak bytes Python allocates to read ``size`` bytes of standard input (spool, hash,
    decode, cut into parts, read its cues) with kg's rule caches already loaded."""
    block = news_text(60, one_line=True).replace("Zambian", "local")  # no demonym
    path = tmp.parent / f"in-{size}.txt"
    with path.open("w", encoding="utf-8", newline="") as fh:
        while fh.tell() < size:
            fh.write(block)
    with path.open("rb") as fh:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(fh))
        return traced_peak("-", size, part_chars=10_000, max_bytes=max_bytes)


def test_reading_long_stdin_holds_no_string_or_bytes_as_long_as_it(tmp, monkeypatch):
    """Standard input four times as long takes no more memory to read, without a limit
    (``--max-size 0``); with the default cap of 256 MB nothing near the cap is allocated.
    Before, it was read whole, as bytes, then decoded into one string as long as it, and
    with the cap the read allocated a buffer of 256 MB first (tracemalloc counts it;
    the kernel only pages in what is written to it)."""
    monkeypatch.setattr(stream, "STREAM_BYTES", 2**18)
    monkeypatch.setattr(stream, "CHUNK", 2**15)
    monkeypatch.setattr("kg.ingest.spool.CHUNK", 2**15)
    text_cues("warm up the rule caches: Estonian")
    short = _reading_peak(tmp, monkeypatch, 2**19, max_bytes=0)
    long = _reading_peak(tmp, monkeypatch, 2**21, max_bytes=0)
    assert long - short < 2**18, f"{short:,} bytes at the peak for 0.5 MB, {long:,} for 2 MB"
    capped = _reading_peak(tmp, monkeypatch, 2**19)
    assert capped < 2**22, f"{capped:,} bytes at the peak for 0.5 MB under the default cap"
