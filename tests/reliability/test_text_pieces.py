"""A document over ``TEXT_LITERAL_CHARS`` keeps its text as ``kg:TextPiece`` nodes, one
per part, not as one ``nif:isString`` (issue 17: pyoxigraph's bulk loader takes about
1.9 bytes a character to write one literal, so no single literal is bounded for any
input; bench/literalmemory.py). Everything else in its graph is unchanged, the queries
that read the text answer the same, and both shapes pass the SHACL shapes. Small
thresholds keep it fast; documents under the threshold are checked byte for byte
against the graph kg built before in tests/reliability/test_whole_text.py."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode
from test_whole_text import news_text

import kg.build
from kg.build import BuildOptions, build_into
from kg.evaluate.graph import _select
from kg.ingest.parts import part_bounds
from kg.ingest.sources import expand_sources
from kg.query import find_query, query_from_text, rows, run_query
from kg.rdf.vocab import KG, NIF
from kg.store import open_store
from kg.validate import validate_store

PART_CHARS = 1_500


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The same long text built with its text as one literal and as pieces."""
    folder = tmp_path_factory.mktemp("pieces")
    text = "Zambian police detain 25 protesters in Kitwe\r\n\r\n" + news_text(120)
    path = folder / "long.txt"
    path.write_bytes(text.encode("utf-8"))
    stores = {}
    for shape, threshold in (("literal", 10**9), ("pieces", 1_000)):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(kg.build, "TEXT_LITERAL_CHARS", threshold)
            store = open_store(folder / shape)
            report = build_into(store, expand_sources([str(path)]),
                                options=BuildOptions(part_chars=PART_CHARS))
            assert report.built == 1 and not report.errors, report.errors
            stores[shape] = store
    return text, stores


def _pieces(store) -> list:
    return [q for q in store if q.predicate in (KG.textPiece, KG.pieceText)
            or q.object == KG.TextPiece
            or (q.predicate in (NIF.beginIndex, NIF.endIndex) and "#piece=" in q.subject.value)]


def test_a_long_documents_text_is_its_parts_as_pieces_and_nothing_else_changes(built):
    text, stores = built
    literal, pieces = set(stores["literal"]), set(stores["pieces"])
    assert not any(isinstance(t, BlankNode) for q in pieces for t in (q.subject, q.object))
    (whole,) = [q for q in literal if q.predicate == NIF.isString]
    assert whole.object.value == text
    assert not [q for q in pieces if q.predicate == NIF.isString]
    piece_quads = set(_pieces(stores["pieces"]))
    assert literal - {whole} == pieces - piece_quads  # the rest of the graph is the same
    spans = sorted((int(s), int(e), t) for s, e, t in
                   ([*q.subject.value.rsplit("=", 1)[1].split(","), q.object.value]
                    for q in piece_quads if q.predicate == KG.pieceText))
    assert [(s, e) for s, e, _ in spans] == part_bounds(text, PART_CHARS)
    assert "".join(t for _, _, t in spans) == text and len(spans) >= 8


def test_the_queries_that_read_the_text_answer_the_same_on_both_shapes(built):
    text, stores = built
    provenance = find_query("fact-provenance")
    # the sentence text as read from the document's text, never from its anchor: what
    # the query does for a sentence node it does not describe (a headline)
    from_text = query_from_text(provenance.text.replace("COALESCE(?anchor, ", "COALESCE("),
                                name="from-text")
    for query in (provenance, from_text):
        answers = {shape: rows(run_query(store, query)) for shape, store in stores.items()}
        header, data = answers["literal"]
        assert data and answers["pieces"] == answers["literal"]
        sentences = [r[header.index("sentence")] for r in data]
        assert all(sentences) and all(s in text for s in sentences)
    documents = {shape: _select(store, "documents") for shape, store in stores.items()}
    assert documents["pieces"] == documents["literal"] == [{"doc": "long", "text": text}]


def test_both_shapes_conform_to_the_shapes_and_broken_pieces_do_not(built):
    """A piece without its text, a piece whose text is not the sentences' text, and a
    gap between pieces are each a violation; so is a whole text that is not theirs."""
    from pyoxigraph import Literal, Quad

    _, stores = built
    for store in stores.values():
        report = validate_store(store)
        assert report.conforms, [f.message for f in report.violations][:5]
    store = stores["pieces"]
    texts = sorted((q for q in store if q.predicate == KG.pieceText),
                   key=lambda q: int(q.subject.value.rsplit("=", 1)[1].split(",")[0]))
    second = texts[1]
    (link,) = store.quads_for_pattern(None, KG.textPiece, second.subject, None)
    changed = Quad(second.subject, KG.pieceText,
                   Literal(second.object.value.replace("a", "e")), second.graph_name)
    for remove, add, expected in (
            ([second], [], "exactly one kg:pieceText"),
            ([second], [changed], "is not the document text"),
            ([link], [], "do not cover the text")):
        for q in remove:
            store.remove(q)
        for q in add:
            store.add(q)
        try:
            found = [f.message for f in validate_store(store).violations]
        finally:
            for q in add:
                store.remove(q)
            for q in remove:
                store.add(q)
        assert any(expected in m for m in found), (expected, found[:5])
    store = stores["literal"]
    (whole,) = store.quads_for_pattern(None, NIF.isString, None, None)
    store.remove(whole)
    store.add(Quad(whole.subject, NIF.isString, Literal(whole.object.value.replace("a", "e")),
                   whole.graph_name))
    found = [f.message for f in validate_store(store).violations]
    assert any("is not the document text" in m for m in found), found[:5]
