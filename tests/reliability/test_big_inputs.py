"""Huge and endless inputs (issue 17, items 1 and 7): bounded batches, pieces freed as they
are extracted, files over a size limit the user sets refused before they are read, an
endless standard input refused at a cap, FIFOs and devices refused by name. Long documents
are built in parts (tests/reliability/test_parts.py). Peak memory is measured in the
benchmark (bench/bigfiles.py), not here."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import weakref

import pytest

from kg.build import BuildOptions, BuildReport, build_into, read_sources
from kg.errors import InputError
from kg.ingest.sources import Source, expand_sources
from kg.store import open_store

KG = [sys.executable, "-m", "kg"]
SENTENCE = "Police detained 25 protesters in Varn on Sunday, the ministry said. "


def test_batches_are_bounded_by_characters_and_count():
    from kg.nlp.stream import batches

    items = [("x" * n, i) for i, n in enumerate([10, 10, 50, 200, 5, 5, 5, 5])]
    got = list(batches(iter(items), size=3, chars=60))
    assert [[i for _, i in b] for b in got] == [[0, 1], [2], [3], [4, 5, 6], [7]]
    for batch in got:
        assert len(batch) == 1 or sum(len(t) for t, _ in batch) <= 60


class _Recording:
    """The real pipeline, watched: characters per spaCy call and spaCy docs still alive."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.alive: weakref.WeakSet = weakref.WeakSet()
        self.most_alive = 0
        self.calls: list[int] = []

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, items, **kw):
        items = list(items)
        self.calls.append(sum(len(t) for t, _ in items))
        for doc, ctx in self.nlp.pipe(items, **kw):
            import gc

            gc.collect()
            self.alive.add(doc)
            self.most_alive = max(self.most_alive, len(self.alive))
            yield doc, ctx


def test_a_long_document_is_parsed_in_bounded_batches_and_its_docs_are_freed(
        tmp_path, monkeypatch, nlp):
    """A 40-piece document: spaCy never gets more than the batch budget at once, and the
    pieces' docs are freed as extraction goes (today all 40 stayed alive to the end)."""
    import kg.nlp.pipeline

    path = tmp_path / "long.txt"
    path.write_text(SENTENCE * 300)  # one line, about 20,000 characters
    recording = _Recording(nlp)
    monkeypatch.setattr(kg.nlp.pipeline, "build_nlp", lambda *a, **k: recording)
    store = open_store(None)
    report = build_into(store, expand_sources([str(path)]),
                        options=BuildOptions(max_chars=500, batch_chars=2_000))
    assert report.built == 1 and not report.errors
    assert any("pieces" in w for w in report.warnings)
    assert max(recording.calls) <= 2_000
    assert recording.most_alive <= 2 * (2_000 // 400) + 2, recording.most_alive
    assert report.facts >= 1


def test_a_file_over_a_limit_set_by_the_user_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 60 MB that take no disk and are never read
        fh.truncate(60 * 2**20)
    report = BuildReport()
    assert list(read_sources(expand_sources([str(big)]), report, max_bytes=2 * 2**20)) == []
    assert report.failed == 1
    assert "big.txt" in report.errors[0] and "file too large: 60.0 MB" in report.errors[0]
    assert "--max-size" in report.errors[0]


def test_the_limit_is_a_cli_option_and_the_big_build_is_one_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(SENTENCE * 20_000)  # 1.4 MB on one line
    res = subprocess.run([*KG, "build", str(big), "-o", str(tmp_path / "b.nq"), "--max-size",
                          "1"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 1, res.stderr
    assert "file too large: 1.3 MB" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "b.nq").exists()


def test_stdin_is_read_up_to_the_limit_only(tmp_path):
    """`kg build - < /dev/zero` used to read until MemoryError."""
    with open("/dev/zero", "rb") as zero:
        res = subprocess.run([*KG, "build", "-", "-o", str(tmp_path / "z.nq"), "--max-size",
                              "1"], stdin=zero, capture_output=True, text=True, timeout=120,
                             preexec_fn=_cap_memory)
    assert res.returncode == 1, res.stderr
    assert "stdin: file too large: over 1.0 MB" in res.stderr and "Traceback" not in res.stderr


def test_an_endless_stdin_is_refused_at_the_stream_cap_without_a_limit(tmp_path):
    """No size limit by default, but standard input is read up to 256 MB only: /dev/zero
    is refused, not read until memory runs out."""
    with open("/dev/zero", "rb") as zero:
        res = subprocess.run([*KG, "build", "-", "-o", str(tmp_path / "z.nq")], stdin=zero,
                             capture_output=True, text=True, timeout=300,
                             preexec_fn=_cap_memory)
    assert res.returncode == 1, res.stderr
    assert "stdin: file too large: over 256.0 MB" in res.stderr and "Traceback" not in res.stderr


def _cap_memory() -> None:  # a regression must not take the machine's memory with it
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def test_a_device_is_refused_by_name():
    """Reading /dev/zero used to end in MemoryError; run capped, in a child process."""
    probe = ("from pathlib import Path\nfrom kg.ingest.sources import Source\n"
             "Source(name='/dev/zero', path=Path('/dev/zero')).read()\n")
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=120, preexec_fn=_cap_memory)
    assert "InputError: /dev/zero: cannot read file: it is a device, not a file" in res.stderr


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done: list[object] = []

    def read() -> None:
        try:
            Source(name=str(fifo), path=fifo).read()
        except InputError as exc:
            done.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so the suite can go on, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO hung")
    assert done and "named pipe (FIFO)" in str(done[0])


def test_a_fifo_in_a_folder_does_not_hang_the_build(tmp_path):
    (tmp_path / "good.txt").write_text(SENTENCE * 3)
    os.mkfifo(tmp_path / "pipe.txt")
    res = subprocess.run([*KG, "build", str(tmp_path), "-o", str(tmp_path / "g.nq")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 1, res.stderr
    assert "pipe.txt: cannot read file: it is a named pipe (FIFO)" in res.stderr
    assert "1 documents built" in res.stderr
