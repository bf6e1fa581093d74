"""A long file read as a stream (kg/ingest/stream.py, issue 17): cut into exactly the
parts the reader cut from the whole string, the same cues and the same graph, and no
string (nor bytes) as long as the file is ever made while it is read. Memory figures are
measured in bench/bigfiles.py, not here."""

from __future__ import annotations

import hashlib
import random
import tempfile
from pathlib import Path

import pytest
from pyoxigraph import BlankNode
from stream_helpers import traced_peak
from test_whole_text import news_text

import kg.ingest.stream as stream
from kg.build import BuildOptions, BuildReport, build_into, read_sources
from kg.extract.positions import TextCueReader, text_cues
from kg.ingest.parts import PartedDocument
from kg.ingest.sources import expand_sources
from kg.store import open_store

ENCODINGS = {
    "UTF-8": lambda t: t.encode("utf-8"),
    "UTF-8 with a BOM": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "UTF-16": lambda t: t.encode("utf-16"),
    "UTF-16 without a BOM": lambda t: t.encode("utf-16-le"),
}


def _read(path: Path, data: bytes, part_chars: int, listener=None):
    return stream.read_parted(path, path=str(path), doc_id="d", part_chars=part_chars,
                              sha256=hashlib.sha256(data).hexdigest(), listener=listener)


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("one_line", [False, True], ids=["paragraphs", "one line"])
def test_streamed_parts_are_the_parts_of_the_whole_string(tmp_path, monkeypatch, encoding,
                                                           one_line):
    """Character and byte bounds of every part, the text they make, and the cues: as
    cut and read from the whole string, with chunks that split characters and lines."""
    monkeypatch.setattr(stream, "CHUNK", 997)
    text = news_text(300, one_line=one_line)
    if encoding == "UTF-16 without a BOM":
        text = text.replace("😀", "")  # ASCII-heavy, as the sniffing wants; no surrogates
    data = ENCODINGS[encoding](text)
    path = tmp_path / "long.txt"
    path.write_bytes(data)
    for part_chars in (1_500, 4_000):
        reader = TextCueReader()
        doc = _read(path, data, part_chars, reader)
        whole = PartedDocument.of(text, data=data, part_chars=part_chars, doc_id="d",
                                  path="d", sha256="")
        assert doc.spans == whole.spans and len(doc.spans) >= 7
        assert doc.data is None and doc.chars == len(text)
        assert b"".join(doc.text_chunks()) == text.encode("utf-8")
        assert reader.cues() == text_cues(text)
        assert [p.text[s:e] for p, (s, e) in zip(doc.parts(), doc.bounds(), strict=True)] \
            == [text[s:e] for s, e in doc.bounds()]


def test_a_windows_1252_file_streams_as_the_reader_decodes_it(tmp_path):
    text = news_text(120).replace("😀", "").replace("Ḩ", "H").replace("Ş", "S")
    text = text.replace("said", "said \u201cyes\u201d")  # curly quotes: bytes 0x93, 0x94
    data = text.encode("cp1252")
    path = tmp_path / "old.txt"
    path.write_bytes(data)
    doc = _read(path, data, 1_500)
    assert doc.spans == PartedDocument.of(text, data=data, part_chars=1_500, doc_id="d",
                                          path="d", sha256="").spans
    assert any("decoded as cp1252" in w for w in doc.warnings)
    assert b"".join(doc.text_chunks()) == text.encode("utf-8")
    temporary = doc.file
    assert temporary != path and temporary.exists()
    del doc
    assert not temporary.exists()  # the UTF-8 copy goes with the document


def test_cues_read_piece_by_piece_are_the_whole_texts(monkeypatch):
    """Pieces of every size, matches cut by the pieces' ends, a short overlap."""
    monkeypatch.setattr(TextCueReader, "OVERLAP", 150)
    text = news_text(80, one_line=True) + " " + news_text(40) + (
        " Three ministers were dismissed, among them Finance Minister Aino Tamm, whom the "
        "court cleared, and Energy Minister Peeter Kask. The Estonian cabinet met in Tartu.")
    rng = random.Random(17)
    for _ in range(20):
        reader, at = TextCueReader(), 0
        while at < len(text):
            n = rng.randint(1, 400)
            reader.feed(text[at:at + n], final=at + n >= len(text))
            at += n
        assert reader.cues() == text_cues(text)
        assert reader.fed == len(text)
    assert {"tamm", "kask"} <= text_cues(text).left


def test_a_streamed_build_is_the_graph_of_the_whole_string_build(tmp_path, monkeypatch):
    """The same quads, whether the file is read whole (as before) or as a stream."""
    text = news_text(200)
    path = tmp_path / "long.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    options = BuildOptions(part_chars=1_500)
    whole = open_store(None)
    report = build_into(whole, expand_sources([str(path)]), options=options)
    assert report.built == 1 and not report.errors
    monkeypatch.setattr(stream, "STREAM_BYTES", 0)
    seen: list = []
    read_parted = stream.read_parted

    def reading(*args, **kw):
        seen.append(doc := read_parted(*args, **kw))
        return doc

    monkeypatch.setattr(stream, "read_parted", reading)
    streamed = open_store(tmp_path / "s")
    report = build_into(streamed, expand_sources([str(path)]), options=options)
    assert report.built == 1 and not report.errors, report.errors
    assert len(seen) == 1 and len(seen[0].spans) >= 10
    quads = set(streamed)
    assert not any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object))
    assert quads == set(whole)  # no blank node: equal sets are isomorphic graphs


def _reading_peak(path: Path, size: int) -> int:
    """Peak bytes Python allocates to read a ``size``-byte file (hash, decode, cut into
    parts, read its cues) with kg's rule caches already loaded."""
    block = news_text(60, one_line=True).replace("Zambian", "local")  # no demonym
    with path.open("w", encoding="utf-8", newline="") as fh:
        while fh.tell() < size:
            fh.write(block)
    return traced_peak(str(path), size, part_chars=20_000)


def test_reading_a_long_file_holds_no_string_or_bytes_as_long_as_it(tmp_path, monkeypatch):
    """Reading a file four times as long takes no more memory (what a part and its
    checks hold, plus 48 bytes a part). Before, the reader held the file's bytes and
    decoded them into one string as long as the file (820 MB for the 200 MB file): the
    4 MB file took at least 6 MB more than the 1 MB one."""
    monkeypatch.setattr(stream, "STREAM_BYTES", 2**19)
    monkeypatch.setattr(stream, "CHUNK", 2**16)
    text_cues("warm up the rule caches: Estonian")
    short = _reading_peak(tmp_path / "short.txt", 2**20)
    long = _reading_peak(tmp_path / "long.txt", 2**22)
    assert long - short < 2**19, f"{short:,} bytes at the peak for 1 MB, {long:,} for 4 MB"


def html_page(paragraphs: int) -> str:
    """A news page: head, script, navigation, the paragraphs of ``news_text`` escaped in
    ``<p>``s (some with a ``<br>`` or markup inside), a ``<pre>``."""
    body = []
    for i, para in enumerate(news_text(paragraphs).split("\r\n\r\n")):
        para = para.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if i % 5 == 3:
            para = para.replace(", ", ",<br>\n  <b>", 1) + "</b>"
        body.append(f"<p>{para}</p>")
        if i % 40 == 39:
            body.append("<script>var late = '<p>not news</p>';</script><pre>a\n  b</pre>")
    return ("<!DOCTYPE html>\n<html><head><title>Live: Kitwe</title>"
            "<script>var x = '<p>no</p>';</script></head>\n<body><nav><a href='/'>Home</a>"
            "</nav>\n" + "\n".join(body) + "\n</body></html>\n")


def _both(path: Path, monkeypatch, *, part_chars: int = 1_500):
    """The document read whole (as before) and as a stream."""
    docs = []
    for over in (2**62, 4_096):
        monkeypatch.setattr(stream, "STREAM_BYTES", over)
        report = BuildReport()
        (doc,) = read_sources(expand_sources([str(path)]), report, part_chars=part_chars)
        assert not report.errors, report.errors
        docs.append(doc)
    return docs


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16", "cp1252"])
def test_a_long_html_page_streams_as_the_reader_reads_it_whole(tmp_path, monkeypatch,
                                                               encoding):
    """Its text extracted as it is read, written to a temporary file and read as a
    stream: the parts, text, cues, notes and hash of the page read whole; the file goes
    with the document. Before, a page of any size was read whole."""
    monkeypatch.setattr(stream, "CHUNK", 997)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    page = html_page(240)
    if encoding == "cp1252":
        page = page.replace("😀", "").replace("Ḩ", "H").replace("Ş", "S").replace(
            "said", "said \u201cyes\u201d")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding.lower()))
    whole, streamed = _both(path, monkeypatch)
    assert whole.data is not None and streamed.data is None and streamed.cues is not None
    assert streamed.spans == whole.spans and len(streamed.spans) >= 10
    text = b"".join(whole.text_chunks())
    assert b"".join(streamed.text_chunks()) == text and b"not news" not in text
    assert streamed.cues == text_cues(text.decode("utf-8"))
    assert streamed.warnings == whole.warnings and "HTML page" in whole.warnings[-2]
    assert streamed.sha256 == whole.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    temporary = streamed.file
    assert temporary.name.startswith("kg-html-")
    del streamed
    assert not temporary.exists()


def test_a_streamed_html_build_is_the_graph_of_the_whole_page_build(tmp_path, monkeypatch):
    path = tmp_path / "page.html"
    path.write_text(html_page(160), encoding="utf-8")
    options = BuildOptions(part_chars=1_500)
    whole = open_store(None)
    report = build_into(whole, expand_sources([str(path)]), options=options)
    assert report.built == 1 and not report.errors
    monkeypatch.setattr(stream, "STREAM_BYTES", 4_096)
    streamed = open_store(tmp_path / "s")
    report = build_into(streamed, expand_sources([str(path)]), options=options)
    assert report.built == 1 and not report.errors, report.errors
    quads = set(streamed)
    assert not any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object))
    assert len(quads) > 1_000 and quads == set(whole)


def test_a_short_html_page_is_read_whole(tmp_path, monkeypatch):
    """A page over the stream threshold whose text fits in one part: no stream (the
    reader reads it whole), no file left."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    short = tmp_path / "short.html"
    short.write_text("<html><body>" + "<script>var a = 1;</script>" * 400
                     + "<p>The army sent boats to Kitwe.</p></body></html>")
    data = short.read_bytes()
    assert stream.read_parted(short, path="s", doc_id="s", part_chars=1_500,
                              sha256=hashlib.sha256(data).hexdigest()) is None
    assert [p.name for p in tmp_path.iterdir()] == ["short.html"]


def _html_reading_peak(path: Path, size: int) -> int:
    """Peak bytes Python allocates to read a ``size``-byte page (hash, decode, extract
    its text, cut it into parts, read its cues), rule caches already loaded."""
    text = news_text(60).replace("Zambian", "local").replace("&", "&amp;").replace("<", "&lt;")
    block = "\n".join(f"<p>{p}</p>" for p in text.split("\r\n\r\n"))
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("<!DOCTYPE html><html><body>\n")
        while fh.tell() < size:
            fh.write(block)
        fh.write("</body></html>\n")
    return traced_peak(str(path), size, part_chars=10_000)


def test_reading_a_long_html_page_holds_no_string_as_long_as_it(tmp_path, monkeypatch):
    """A page four times as long takes no more memory to read. Before, it was read
    whole, decoded as one string, and its text extracted as another."""
    monkeypatch.setattr(stream, "STREAM_BYTES", 2**18)
    monkeypatch.setattr(stream, "CHUNK", 2**15)
    text_cues("warm up the rule caches: Estonian")
    short = _html_reading_peak(tmp_path / "short.html", 2**19)
    long = _html_reading_peak(tmp_path / "long.html", 2**21)
    assert long - short < 2**18, f"{short:,} bytes at the peak for 0.5 MB, {long:,} for 2 MB"
