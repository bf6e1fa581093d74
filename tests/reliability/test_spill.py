"""A long UTF-8 file is built without holding its bytes: the parts, and at the end the
whole text for the store, are read from the file (PartedDocument.spill), which must
still hold the bytes the build started from. Memory is measured in bench/bigfiles.py."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

import kg.build
from kg.build import BuildOptions, build_into
from kg.errors import InputError
from kg.ingest.sources import expand_sources
from kg.rdf.iri import IriMinter
from kg.rdf.vocab import KG, NIF
from kg.store import open_store

PARAGRAPH = ("Police detained 14 protesters in Sokodé on Monday, the ministry said. "
             "Soldiers were deployed to Kara after the clashes. ")
OPTIONS = BuildOptions(part_chars=4_000)


def _watch(monkeypatch, hook) -> list:
    """Call ``hook(builder, part)`` before each part is finished; returns the parts."""
    seen: list = []
    finish = kg.build.DocumentBuilder.finish

    def watched(self, document, parsed):
        seen.append((document.part, self.whole_text.data))
        hook(self, document)
        return finish(self, document, parsed)

    monkeypatch.setattr(kg.build.DocumentBuilder, "finish", watched)
    return seen


def _text_of(store, doc_id: str) -> str | None:
    minter = IriMinter()
    node, graph = minter.document(doc_id), minter.graph(doc_id)
    for quad in store.quads_for_pattern(node, NIF.isString, None, graph):
        return quad.object.value
    return None


def test_a_long_utf8_file_is_read_from_the_file_and_its_text_stored_whole(tmp_path,
                                                                           monkeypatch):
    path = tmp_path / "long.txt"
    text = (PARAGRAPH * 6 + "«Ça suffit», a dit un manifestant à Lomé.\n\n") * 30
    path.write_text(text, encoding="utf-8")
    seen = _watch(monkeypatch, lambda *_: None)
    store = open_store(None)
    report = build_into(store, expand_sources([str(path)]), options=OPTIONS)
    assert report.built == 1 and not report.errors
    assert len(seen) >= 5 and all(data is None for _, data in seen)  # no copy held
    assert _text_of(store, "long") == text
    mentions = [q.object.value for q in store.quads_for_pattern(None, NIF.anchorOf, None)]
    assert "Lomé" in mentions  # offsets past non-ASCII characters read right from the file


def test_a_file_that_is_not_its_texts_utf8_is_held_as_before(tmp_path, monkeypatch):
    path = tmp_path / "latin.txt"
    text = (PARAGRAPH * 6 + "Le ministre a parlé à Lomé.\n\n") * 30
    path.write_bytes(text.encode("cp1252"))
    seen = _watch(monkeypatch, lambda *_: None)
    store = open_store(None)
    report = build_into(store, expand_sources([str(path)]), options=OPTIONS)
    assert report.built == 1 and not report.errors
    assert all(data is not None for _, data in seen)  # re-encoded: kept in memory
    assert _text_of(store, "latin") == text


def test_a_file_changed_while_it_is_built_is_an_error_and_the_graph_has_no_hash(
        tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    text = (PARAGRAPH * 6 + "\n\n") * 30
    path.write_text(text)

    def change(_builder, document):
        if document.part == 1:
            path.write_text(text.replace("Sokodé", "Dapaong"))

    _watch(monkeypatch, change)
    store = open_store(None)
    with pytest.raises(InputError, match="changed while it was being built"):
        build_into(store, expand_sources([str(path)]), options=OPTIONS)
    minter = IriMinter()
    hashes = list(store.quads_for_pattern(minter.document("long"), KG.contentHash, None,
                                          minter.graph("long")))
    assert hashes == [] and isinstance(minter.graph("long"), NamedNode)
