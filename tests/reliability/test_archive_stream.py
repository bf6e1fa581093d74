"""Long archive records read as a stream (kg/ingest/jsonstream.py, issue 17): a line over
``archives.RECORD_BYTES`` is never held whole; its text field is decoded into a temporary
file that the build reads as it reads long standard input. The same record, text, hash,
parts, cues and graph as the line read whole; a bad long record is one warning naming the
file and line, and every other record still builds; no temporary file is left behind.
Memory figures are measured in bench/bigfiles.py (``--archive``), not here."""

from __future__ import annotations

import gc
import gzip
import io
import json
import random
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from test_whole_text import news_text

import kg.ingest.archives as archives
import kg.ingest.jsonstream as jsonstream
import kg.ingest.stream as stream
from kg.build import BuildOptions, BuildReport, build_into, read_sources
from kg.extract.positions import text_cues
from kg.ingest.archives import ArchiveRecord, BadRecord, read_records
from kg.ingest.parts import PartedDocument
from kg.ingest.raw import count_documents
from kg.ingest.sources import expand_sources
from kg.store import open_store


def _small(monkeypatch, *, record: int = 4_096, chunk: int = 997, piece: int = 1_009):
    """Long records from ``record`` bytes on, read ``chunk`` bytes at a time."""
    monkeypatch.setattr(archives, "RECORD_BYTES", record)
    monkeypatch.setattr(archives, "CHUNK", chunk)
    monkeypatch.setattr(jsonstream, "PIECE", piece)


def _line(**fields) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


def _records(data: bytes) -> list:
    return list(read_records(io.BytesIO(data), name="a.jsonl"))


TEXTS = {
    "news": news_text(200),
    "escapes": 'He said "no" \\ again\t\x01 ' * 400 + "end",
    "non-Latin and astral": ("Ḩasan met 😀 officials in Kyïv; " * 300),
}


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("ascii_only", [False, True], ids=["utf-8", "\\u escapes"])
def test_a_long_record_reads_as_the_whole_line_did(tmp, monkeypatch, name, ascii_only):
    """Text, fields and hash as the line read whole; the text is in a temporary file, and
    the line was never read whole (before, the whole line was one bytes object: there was
    no spooled text)."""
    text = TEXTS[name]
    data = json.dumps({"id": "r1", "text": text, "title": "Troops", "url": "https://x.test/a",
                       "published": "2024-01-07"}, ensure_ascii=ascii_only).encode() + b"\n"
    (whole,) = _records(data)
    _small(monkeypatch)
    (got,) = _records(data)
    assert isinstance(got, ArchiveRecord) and got.spool is not None
    assert got.spool.path.read_bytes() == text.encode("utf-8")
    assert (got.doc_id, got.url, got.title, got.published, got.sha256) == (
        whole.doc_id, whole.url, whole.title, whole.published, whole.sha256)
    del got
    gc.collect()
    assert not list(tmp.iterdir())


def test_random_records_cut_anywhere_read_as_read_whole(tmp, monkeypatch):
    """Escapes, surrogate pairs and chunks of 1 to 20 bytes: the same text and hash."""
    rng = random.Random(17)
    for n in range(200):
        text = "Troops " + "".join(rng.choice('ab "\\\n\té😀\x02')
                                   for _ in range(rng.randint(0, 300)))
        data = json.dumps({"text": text, "id": f"r{n}"}, ensure_ascii=rng.random() < 0.5
                          ).encode() + b"\n"
        (whole,) = _records(data)
        _small(monkeypatch, record=rng.randint(20, 40), chunk=rng.randint(1, 20),
               piece=rng.randint(1, 30))
        (got,) = _records(data)
        assert got.spool.path.read_bytes().decode("utf-8") == whole.text
        assert got.sha256 == whole.sha256
        monkeypatch.undo()
        monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    del got
    gc.collect()
    assert not list(tmp.iterdir())


BAD = {
    "not JSON": (b'{"text": "Troops arrived' + b" and stayed" * 800 + b'", oops}\n', "not JSON"),
    "an array": (b"[" + b'"Troops arrived", ' * 600 + b'"end"]\n', "not a JSON object"),
    "a long field that is not the text": (
        _line(title="T" * 9_000, text="Troops arrived."), "'title' field is over"),
    "no text": (_line(**{f"f{n}": "Troops arrived." for n in range(600)}), "no text"),
    "a long field, the text field named otherwise": (
        _line(body="Troops arrived. " * 600), "only the text field ('text'; --field text=KEY"),
    "blank text": (_line(text=" \n " * 3_000), "no text"),
    "a lone surrogate": (
        b'{"text": "Troops ' + b"arrived " * 600 + b'\\ud800 end"}\n', "lone surrogate"),
    "cut short": (b'{"text": "Troops arrived' + b" and stayed" * 800 + b"\n", "not JSON"),
    "more after the object": (_line(text="Troops arrived. " * 600)[:-1] + b' {"x": 1}\n',
                              "more after"),
    "a date that is not one": (_line(text="Troops arrived. " * 600, published="last week"),
                               "not a date"),
    "invalid UTF-8": (b'{"text": "Troops ' + b"arrived " * 600 + b'\xff"}\n', "invalid UTF-8"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_long_record_is_one_warning_and_the_next_record_builds(tmp, monkeypatch, case):
    """The file, the line and the reason; the record after it is read (the rest of the bad
    line was skipped, not taken for the next record), and no temporary file is left."""
    raw, why = BAD[case]
    good = _line(id="next", text="Troops arrived in Ndola on Monday.")
    _small(monkeypatch)
    got = _records(_line(id="first", text="Police closed the road.") + raw + good)
    assert [type(r) for r in got] == [ArchiveRecord, BadRecord, ArchiveRecord], got
    assert got[1].name == "a.jsonl:2" and why in got[1].reason, got[1].reason
    assert str(got[1]).startswith("a.jsonl:2: bad record, skipped: ")
    assert got[2].doc_id == "next" and got[2].name == "a.jsonl:3"
    gc.collect()
    assert not list(tmp.iterdir())


def test_a_lone_surrogate_in_a_short_record_is_a_bad_record_not_a_crash(tmp):
    """It raised UnicodeEncodeError out of the build before."""
    got = _records(b'{"text": "Troops \\ud800 arrived."}\n' + _line(text="Police came."))
    assert isinstance(got[0], BadRecord) and "lone surrogate" in got[0].reason
    report = BuildReport()
    path = tmp / "a.jsonl"
    path.write_bytes(b'{"text": "Troops \\ud800 arrived."}\n' + _line(text="Police came."))
    docs = list(read_sources(expand_sources([str(path)]), report))
    assert len(docs) == 1 and report.bad_records == 1


def test_an_archive_that_never_ends_its_line_is_read_as_a_stream(tmp, monkeypatch):
    """The last line without a newline, gzip-compressed: one record, read as a stream."""
    text = news_text(200)
    data = gzip.compress(_line(id="a", text="Police came.") + _line(id="b", text=text)[:-1])
    _small(monkeypatch)
    got = _records(data)
    assert [r.doc_id for r in got] == ["a", "b"]
    assert got[1].spool.path.read_bytes() == text.encode("utf-8")


def _archive(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_bytes(_line(id="short", text="Police closed the road in Mongu on Monday.")
                     + _line(id="long", title="Long", published="2024-01-07", text=text))
    return path


def test_a_long_record_is_built_as_a_long_file_with_the_same_parts_and_cues(tmp, monkeypatch):
    """Read as a stream: the parts, text and cues of the record read whole, its title and
    date, and its temporary file gone with the document."""
    text = news_text(200)
    path = _archive(tmp.parent, text)
    report = BuildReport()
    _, whole = read_sources(expand_sources([str(path)]), report, part_chars=1_500)
    assert isinstance(whole, PartedDocument) and whole.data is not None
    _small(monkeypatch)
    monkeypatch.setattr(stream, "CHUNK", 997)
    _, doc = read_sources(expand_sources([str(path)]), report, part_chars=1_500)
    assert not report.errors, report.errors
    assert isinstance(doc, PartedDocument) and doc.data is None and doc.cues is not None
    assert (doc.doc_id, doc.path, doc.sha256, doc.title, doc.published) == (
        whole.doc_id, whole.path, whole.sha256, whole.title, whole.published)
    assert doc.spans == whole.spans and len(doc.spans) >= 10
    assert b"".join(doc.text_chunks()) == text.encode("utf-8")
    assert doc.cues == text_cues(text)
    assert [p.name[:10] for p in tmp.iterdir()] == ["kg-record-"]
    del doc
    gc.collect()
    assert not list(tmp.iterdir())


def test_a_streamed_record_builds_the_graph_of_the_record_read_whole(tmp, monkeypatch):
    path = _archive(tmp.parent, news_text(120))
    options = BuildOptions(part_chars=1_500)
    whole = open_store(None)
    report = build_into(whole, expand_sources([str(path)]), options=options)
    assert report.built == 2 and not report.errors
    _small(monkeypatch)
    streamed = open_store(None)
    report = build_into(streamed, expand_sources([str(path)]), options=options)
    assert report.built == 2 and not report.errors, report.errors
    assert set(streamed) == set(whole)
    gc.collect()
    assert not list(tmp.iterdir())


def _peak(path: Path, **kw) -> int:
    tracemalloc.start()
    try:
        got = list(read_records(path.open("rb"), name=path.name))
        count = count_documents(expand_sources([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(r) for r in got] == [ArchiveRecord] and count == 1
    return peak


def test_reading_and_counting_a_record_four_times_as_long_takes_no_more_memory(
        tmp, monkeypatch):
    """The line is read a chunk at a time and its text goes to a file: a 4 MB record
    costs what a 1 MB one does. Before, the line was one bytes object and its text one
    string (and counting it read it whole once more): 4 MB more."""
    _small(monkeypatch, record=256 * 1024, chunk=64 * 1024, piece=64 * 1024)
    peaks = []
    for mb in (1, 4):
        text = news_text(1)
        text = text * (mb * 2**20 // len(text))
        path = tmp.parent / f"r{mb}.jsonl"
        path.write_bytes(_line(id="r", text=text))
        del text
        peaks.append(_peak(path))
        gc.collect()
    assert peaks[1] < peaks[0] + 512 * 1024, peaks
    assert peaks[1] < 4 * 2**20, peaks  # the 4 MB line was held twice over before
