"""Long documents built in parts, big outputs through a temporary store, exports sorted in
bounded memory (issue 17, item 1). Peak memory and time are measured in bench/bigfiles.py,
never here: these tests check what is held at once and that the graph is right."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import itertools
import os
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg.build import BuildOptions, build_into, build_to_file, read_sources
from kg.formats import GraphFormat
from kg.ingest.parts import DEFAULT_PART_CHARS, DocumentPart, PartedDocument, part_bounds
from kg.ingest.sources import expand_sources
from kg.rdf.iri import IriMinter
from kg.rdf.vocab import KG
from kg.store import open_store

PARAGRAPH = ("The Allied Security Partnership deployed 2,056 border guards to Ndola on Monday, "
             "the ministry said. Police detained 25 protesters in Kitwe on Sunday. President "
             "Midi Moreyan met Selia Halanyan in Lusaka on Friday. ")


def big_text(size: int, every: int = 100_000) -> str:
    """``size`` characters: a paragraph of news, then blank space, again and again (the
    spaces cost the parser next to nothing, so a 3 MB document builds in seconds)."""
    out, n = [], 0
    while n < size:
        block = PARAGRAPH + " " * (every - len(PARAGRAPH) - 2) + "\n\n"
        out.append(block)
        n += len(block)
    return "".join(out)[:size - 1] + "\n"


def test_part_bounds_tile_the_text_and_prefer_paragraphs():
    text = ("word " * 30 + "end.\n\n") * 40  # 40 paragraphs of 156 characters
    bounds = part_bounds(text, 1_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in itertools.pairwise(bounds))
    assert all(0 < end - start <= 1_000 for start, end in bounds)
    assert all(text[:end].endswith("\n\n") for _, end in bounds[:-1])
    one_line = "Police detained people. " * 500  # no line break: after a sentence end
    cuts = part_bounds(one_line, 1_000)
    assert all(one_line[:end].endswith(". ") for _, end in cuts[:-1])


def _hand_built(path: Path, text: str, part_chars: int, nlp) -> Store:
    """The graph of ``text`` built in parts by hand: each slice read by the reader, its
    offsets and update numbers moved on, parsed, extracted, resolved and mapped alone."""
    from kg.extract.document import extract_document
    from kg.ingest.chunks import DEFAULT_MAX_CHARS, split_unit
    from kg.ingest.reader import parse_text
    from kg.nlp.model import model_label
    from kg.rdf.mapping import map_document

    bounds = part_bounds(text, part_chars)
    store, minter, updates, first = Store(), IriMinter(), 0, None
    for n, (start, end) in enumerate(bounds):
        read = parse_text(text[start:end], path=str(path), doc_id=path.stem,
                          published=first.published if first else None)
        first = first or read
        units = []
        def move(span, shift=start):
            return span and dataclasses.replace(span, start=span.start + shift,
                                                end=span.end + shift)

        for unit in read.units:
            units.append(dataclasses.replace(
                unit, index=updates, start=unit.start + start, end=unit.end + start,
                headline=move(unit.headline), dateline=move(unit.dateline),
                agency=move(unit.agency)))
            updates += 1
        doc = DocumentPart(doc_id=path.stem, path=str(path), text=text, sha256="",
                           title=first.title, published=first.published, units=units,
                           part=n, parts=len(bounds))
        pieces = [p for u in units for p in split_unit(u, DEFAULT_MAX_CHARS)]
        pieces = list(zip(pieces, nlp.pipe(p.text for p in pieces), strict=True))
        result = extract_document(doc, pieces, model=model_label(nlp))
        store.extend(map_document(result, minter, head=n == 0, tail=False))
    return store


def test_a_3mb_document_builds_in_parts_as_built_by_hand(tmp_path, nlp):
    """Today a 3 MB file is refused (over the 2 MB limit); it builds, in parts, and its
    graph is exactly the graph of its parts built one by one by hand."""
    path = tmp_path / "long.txt"
    text = big_text(3 * 10**6)
    path.write_text(text)
    store = open_store(None)
    report = build_into(store, expand_sources([str(path)]), options=BuildOptions())
    assert report.built == 1 and not report.errors, report.errors
    parts = len(part_bounds(text, DEFAULT_PART_CHARS))
    assert parts >= 10
    assert any(f"built in {parts} parts" in w for w in report.warnings)
    by_hand = _hand_built(path, text, DEFAULT_PART_CHARS, nlp)
    tail = (KG.contentHash, KG.graphFormat)  # what the last part writes, tail=True
    built = {q for q in store if q.predicate not in tail}
    assert built == set(by_hand)
    assert len(list(store.quads_for_pattern(None, None, None, None))) == len(built) + 2


class _Watched:
    """The real pipeline, watched: the characters of each spaCy call, and the order in
    which parts are read, extracted and stored."""

    def __init__(self, nlp, events: list):
        self.nlp, self.events, self.calls = nlp, events, []

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, items, **kw):
        items = list(items)
        self.calls.append(sum(len(t) for t, _ in items))
        yield from self.nlp.pipe(items, **kw)


def test_a_huge_document_never_holds_more_than_one_part(tmp_path, monkeypatch, nlp):
    """Each part is read, parsed, extracted and stored before the next is read; no
    extraction sees more than a part of text; spaCy never gets more than a batch."""
    import kg.extract.document
    import kg.ingest.reader
    import kg.nlp.pipeline

    events: list = []
    store = open_store(None)
    watched = _Watched(nlp, events)
    read, extract = kg.ingest.reader.parse_text, kg.extract.document.extract_document

    def reading(text, **kw):
        events.append(("read", len(text)))
        return read(text, **kw)

    def extracting(document, parsed, **kw):
        parsed = list(parsed)
        events.append(("extract", sum(len(u.text) for u, _ in parsed), len(store)))
        return extract(document, parsed, **kw)

    monkeypatch.setattr(kg.nlp.pipeline, "build_nlp", lambda *a, **k: watched)
    monkeypatch.setattr(kg.ingest.reader, "parse_text", reading)
    monkeypatch.setattr(kg.extract.document, "extract_document", extracting)
    path = tmp_path / "huge.txt"
    path.write_text((PARAGRAPH * 12 + "\n") * 40)  # 40 paragraphs, about 80,000 characters
    report = build_into(store, expand_sources([str(path)]),
                        options=BuildOptions(part_chars=8_000, max_chars=3_000,
                                             batch_chars=4_000))
    assert report.built == 1 and not report.errors
    kinds = [e[0] for e in events]
    assert kinds.count("read") >= 10
    assert kinds == ["read", "extract"] * kinds.count("read")  # one part at a time
    extracts = [e for e in events if e[0] == "extract"]
    assert max(chars for _, chars, _ in extracts) <= 8_000
    sizes = [size for _, _, size in extracts]
    assert sizes == sorted(sizes) and sizes[0] < sizes[1] < sizes[-1]  # stored as it goes
    assert max(watched.calls) <= 4_000


def test_a_big_input_is_read_as_a_parted_document_not_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(big_text(3 * 10**6))
    from kg.build import BuildReport

    report = BuildReport()
    docs = list(read_sources(expand_sources([str(path)]), report,
                             part_chars=DEFAULT_PART_CHARS))
    assert not report.errors and len(docs) == 1 and isinstance(docs[0], PartedDocument)


def _stores_beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".kg-build-"))


def test_output_of_a_big_input_goes_through_a_temporary_store_that_is_removed(tmp_path):
    src = tmp_path / "in" / "a.txt"
    src.parent.mkdir()
    src.write_text(PARAGRAPH * 3)
    out = tmp_path / "out" / "g.nq"
    seen: list[list[str]] = []
    report = build_to_file(expand_sources([str(src)]), out, fmt=GraphFormat.NQ,
                           options=BuildOptions(), big_input=10,
                           progress=lambda _d: seen.append(_stores_beside(out.parent)))
    assert report.built == 1 and out.stat().st_size > 1000
    assert len(seen[0]) == 1 and seen[0][0].endswith(".store")  # on disk, beside the output
    assert _stores_beside(out.parent) == []


@pytest.mark.parametrize("stop", [KeyboardInterrupt, OSError])
def test_the_temporary_store_is_removed_on_ctrl_c_and_errors(tmp_path, monkeypatch, stop):
    import kg.store

    src = tmp_path / "a.txt"
    src.write_text(PARAGRAPH * 3)

    def fail(*_a, **_k):
        raise stop("stopped while writing")

    monkeypatch.setattr(kg.store, "export_store", fail)
    with pytest.raises(stop):
        build_to_file(expand_sources([str(src)]), tmp_path / "g.ttl", fmt=GraphFormat.TTL,
                      options=BuildOptions(), big_input=10)
    assert _stores_beside(tmp_path) == [] and not (tmp_path / "g.ttl").exists()


@pytest.mark.parametrize("fmt", list(GraphFormat), ids=lambda f: f.value)
def test_exports_sorted_on_disk_are_the_same_bytes(seed_build, fmt, tmp_path):
    """With runs of 20,000 characters (the seed's graph spills into dozens of sorted
    files) and Turtle written 37 lines at a time, every format is byte for byte what
    the in-memory export writes; the runs are removed."""
    import kg.store.export as export
    from kg.rdf.turtle import write_pretty_turtle_stream
    from kg.store import load_graph_file

    store = load_graph_file(seed_build[0])
    whole, spilled = io.BytesIO(), io.BytesIO()
    export.serialize_store(store, fmt, whole)
    original = export.write_pretty_turtle_stream
    try:
        export.write_pretty_turtle_stream = lambda lines, out: write_pretty_turtle_stream(
            lines, out, per_chunk=37)
        export.serialize_store(store, fmt, spilled, run_chars=20_000, workdir=str(tmp_path))
    finally:
        export.write_pretty_turtle_stream = original
    assert spilled.getvalue() == whole.getvalue()
    assert len(whole.getvalue()) > 100_000
    assert os.listdir(tmp_path) == []


def _table_bytes(folder: Path) -> int:
    """Bytes of the store's SST files (one may go while counted: compaction)."""
    total = 0
    for table in folder.glob("*.sst"):
        with contextlib.suppress(FileNotFoundError):
            total += table.stat().st_size
    return total


def test_the_store_write_buffers_do_not_grow_with_the_parts(tmp_path, monkeypatch, nlp):
    """A long document built into an on-disk store: its quads reach the store's table
    files as the parts go, so what sits in RocksDB's memtables is bounded by the flush
    interval, not by the parts built (they grew by 22 MB per 50,000-character part)."""
    import kg.store

    monkeypatch.setattr(kg.store, "FLUSH_QUADS", 2_000)
    seen: list[tuple[int, int, int]] = []  # (quads written, unflushed quads, table bytes)
    wrote = kg.store.FlushingWriter.wrote

    def watched(self, quads: int) -> None:
        wrote(self, quads)
        seen.append((quads, self.pending, _table_bytes(tmp_path / "s")))

    monkeypatch.setattr(kg.store.FlushingWriter, "wrote", watched)
    path = tmp_path / "huge.txt"
    path.write_text((PARAGRAPH * 12 + "\n") * 40)
    store = open_store(tmp_path / "s")
    report = build_into(store, expand_sources([str(path)]),
                        options=BuildOptions(part_chars=8_000))
    assert report.built == 1 and not report.errors
    assert len(seen) >= 10 and sum(q for q, _, _ in seen) == report.triples
    assert all(pending < 2_000 for _, pending, _ in seen)
    flushed = [t for _, _, t in seen]
    assert flushed[-1] > 100 * (report.triples - 2_000)  # about 500 bytes a quad on disk


def _retained_objects(text: str, tmp_path: Path, part_chars: int) -> int:
    """Objects the collector tracks after building ``text`` in parts and dropping the
    report, kg's bounded caches emptied first (they fill up to their size, then stay)."""
    import gc
    import sys

    def clear_caches() -> None:
        for name, module in list(sys.modules.items()):
            if name.startswith("kg."):
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()

    path = tmp_path / f"doc{len(text)}.txt"
    path.write_text(text)
    store = open_store(tmp_path / f"s{len(text)}")
    clear_caches()
    gc.collect()
    before = len(gc.get_objects())
    report = build_into(store, expand_sources([str(path)]),
                        options=BuildOptions(part_chars=part_chars))
    assert report.built == 1 and not report.errors
    del report
    clear_caches()
    gc.collect()
    return len(gc.get_objects()) - before


def test_nothing_python_holds_grows_with_the_parts(tmp_path, nlp):
    """Building three times as many parts leaves no more objects behind: no mention,
    entity, fact, record or quad of a part outlives it (measured: tracemalloc and
    gc.get_objects() counts were flat over parts; the growth was the store's, above)."""
    paragraph = PARAGRAPH * 12 + "\n"
    _retained_objects(paragraph * 4, tmp_path, 8_000)  # warm: lazy imports, rule tables
    few = _retained_objects(paragraph * 8, tmp_path, 8_000)
    many = _retained_objects(paragraph * 24, tmp_path, 8_000)
    assert many - few < 200, (few, many)
