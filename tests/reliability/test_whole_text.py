"""A long document's whole text in a parted build (issue 17, item 1): held as UTF-8 bytes,
never a Python string or a pyoxigraph term while the parts are built, each part seeing
only its own slice, what the extractors read from the whole text read once, and the
graph the same quads as the document built part by part with the whole text as a
string (as kg built it before). Peak memory is measured in bench/bigfiles.py, not here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg.build import BuildOptions, build_into
from kg.ingest.parts import PART_MARGIN, DocumentPart, PartedDocument, PartText, part_bounds
from kg.ingest.sources import expand_sources
from kg.rdf.iri import IriMinter
from kg.rdf.vocab import NIF
from kg.store import open_store

# News with what a whole-text scan finds in one part and uses in another (a demonym, a
# resignation), names outside Latin-1 (a two-byte string), and what a text must keep
# byte for byte: CR LF line ends, a form feed, XML's special characters, an emoji.
PARAGRAPHS = [
    "President Midi Moreyan met Selia Halanyan in Lusaka on Friday, the ministry said.",
    "Prime Minister Selia Halanyan told reporters in Ndola that talks would go on.",
    "Zambian police detained 25 protesters in Kitwe on Sunday. Şahin Ḩasan, a lawyer, "
    "said the detainees had been released.",
    'The Allied Security Partnership said "R&D <contracts> ]]> were signed" \x0c 😀 today.',
    "Selia Halanyan resigned on Monday after the riots in Ndola.",
    "Residents of Kitwe queued for bread and fuel; the Zambian kwacha fell 2 percent.",
]


def news_text(paragraphs: int, *, one_line: bool = False) -> str:
    """The paragraphs again and again, with CR LF between them, or on one line."""
    between = " " if one_line else "\r\n\r\n"
    return between.join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs)) + "\r\n"


def _reference(path: Path, text: str, data: bytes, part_chars: int, nlp) -> set:
    """The document built part by part as kg built it before: every part handed the
    whole text as a string (its extractors scanning all of it) and the head's
    ``nif:isString`` made a term from that string; its quads as a store holds them
    (it writes some datatypes as their base type)."""
    from kg.extract.document import extract_document
    from kg.ingest.parts import _moved
    from kg.ingest.reader import parse_text
    from kg.nlp.model import model_label
    from kg.nlp.stream import parsed_documents
    from kg.rdf.mapping import map_document

    bounds = part_bounds(text, part_chars)
    minter, store, index, head, latest = IriMinter(), Store(), 0, None, None
    for n, (start, end) in enumerate(bounds):
        read = parse_text(text[start:end], path=str(path), doc_id=path.stem,
                          published=head.published if head else None)
        head = head or read
        units = [_moved(u, start, index + k) for k, u in enumerate(read.units)]
        index += len(units)
        latest = max([s for s in [latest, *(u.stamp for u in units)] if s], default=None)
        part = DocumentPart(doc_id=path.stem, path=str(path), text=text,
                            sha256=hashlib.sha256(data).hexdigest(), title=head.title,
                            published=head.published, live_title=head.live_title,
                            units=units, modified=head.modified, part=n,
                            parts=len(bounds), latest=latest)
        for document, parsed in parsed_documents(nlp, iter([part]), options=BuildOptions(),
                                                 words=lambda *_: None,
                                                 warnings=lambda *_: None):
            result = extract_document(document, parsed, model=model_label(nlp))
            store.extend(map_document(result, minter, head=part.first, tail=part.last))
    return set(store)


@pytest.mark.parametrize(("on_disk", "one_line"), [(True, False), (False, False), (True, True)],
                         ids=["on-disk store", "in-memory store", "one line"])
def test_a_parted_build_is_the_document_built_with_its_whole_text_as_a_string(
        tmp_path, nlp, on_disk, one_line):
    """Byte for byte the graph kg built before (a two-byte text, CR LF, a BOM, a form
    feed, '&', '<', ']]>', an emoji), cut into parts at paragraphs, or on one line at
    sentence ends."""
    text = news_text(200, one_line=one_line)
    data = b"\xef\xbb\xbf" + text.encode("utf-8")  # a BOM: the text is not the file's bytes
    path = tmp_path / "long.txt"
    path.write_bytes(data)
    part_chars = 1_500
    store = open_store(tmp_path / "s" if on_disk else None)
    report = build_into(store, expand_sources([str(path)]),
                        options=BuildOptions(part_chars=part_chars))
    assert report.built == 1 and not report.errors, report.errors
    assert len(part_bounds(text, part_chars)) >= 10
    assert set(store) == _reference(path, text, data, part_chars, nlp)
    (stored,) = [q.object.value for q in store if q.predicate == NIF.isString]
    assert stored == text


def test_no_part_holds_the_whole_text_nor_makes_it_a_string_or_a_term(tmp_path, monkeypatch,
                                                                     nlp):
    """Each part's extraction and mapping see only the part's own characters (and a
    margin before them); no Literal as long as the text is made; the whole text is
    scanned for the extractors once, not once a part. Before, every part held the whole
    text, the first part made it a 400 MB string's term (of a 200 MB file), and every
    part scanned all of it again (36 s a part for a 50 MB text)."""
    import kg.extract.document
    import kg.extract.positions
    import kg.rdf.mapping

    text = news_text(200)
    path = tmp_path / "long.txt"
    path.write_text(text, newline="")
    part_chars = 1_000
    seen, literals, scans = [], [], []
    extract, literal, resigned = (kg.extract.document.extract_document, kg.rdf.mapping.Literal,
                                  kg.extract.positions.resigned)

    def extracting(document, parsed, **kw):
        held = document.text.text if isinstance(document.text, PartText) else document.text
        seen.append(len(held))
        return extract(document, parsed, **kw)

    def term(value, *args, **kw):
        literals.append(len(value))
        return literal(value, *args, **kw)

    def scanning(scanned, words):
        scans.append(len(scanned))
        return resigned(scanned, words)

    monkeypatch.setattr(kg.extract.document, "extract_document", extracting)
    monkeypatch.setattr(kg.rdf.mapping, "Literal", term)
    monkeypatch.setattr(kg.extract.positions, "resigned", scanning)
    store = open_store(tmp_path / "s")
    report = build_into(store, expand_sources([str(path)]),
                        options=BuildOptions(part_chars=part_chars))
    assert report.built == 1 and not report.errors, report.errors
    parts = len(part_bounds(text, part_chars))
    assert len(seen) == parts >= 15
    assert max(seen) <= part_chars + PART_MARGIN
    assert max(literals) < part_chars
    assert scans == [len(text)]  # the whole text, once
    assert [q.object.value for q in store if q.predicate == NIF.isString] == [text]


def test_part_text_slices_at_whole_text_offsets_and_refuses_what_it_lacks():
    text = PartText("0123456789", 100, 5_000)
    assert len(text) == 5_000
    assert text[100:103] == "012" and text[107:110] == "789" and text[105:105] == ""
    assert text[108:104] == ""
    for outside in (slice(99, 101), slice(105, 111), slice(0, 10), slice(None, None)):
        with pytest.raises(IndexError):
            text[outside]
    with pytest.raises(TypeError):
        text[101]


def test_a_parted_document_keeps_the_files_bytes_and_reads_its_parts_from_them():
    """UTF-8 bytes are kept as they are (no copy); other bytes (a BOM, Windows-1252)
    become the text's UTF-8; the parts are the text's slices, with a margin before."""
    text = news_text(60)
    data = text.encode("utf-8")
    doc = PartedDocument.of(text, data=data, part_chars=1_000, doc_id="d", path="d.txt",
                            sha256="")
    assert doc.data is data and doc.chars == len(text)
    assert doc.bounds() == part_bounds(text, 1_000)
    doc.release_text()
    assert doc.text is None
    parts = list(doc.parts(cues="the cues"))
    assert len(parts) == len(doc.bounds()) and all(p.cues == "the cues" for p in parts)
    for part, (start, end) in zip(parts, doc.bounds(), strict=True):
        assert part.text[start:end] == text[start:end] and len(part.text) == len(text)
        lo = max(0, start - PART_MARGIN)
        assert part.text[lo:end] == text[lo:end]
    for other in (b"\xef\xbb\xbf" + data, text.encode("utf-16")):
        doc = PartedDocument.of(text, data=other, part_chars=1_000, doc_id="d", path="d.txt",
                                sha256="")
        assert doc.data == data
