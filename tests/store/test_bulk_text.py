"""The whole text of a long document streamed into the store (kg.store.bulk_add_text):
the stored literal is the text exactly, whatever its characters and wherever the
stream's chunks cut it."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.vocab import NIF
from kg.store import bulk_add_text, open_store

TEXT = ("Line one\r\nline two\rline three\n\n\tR&D <b>bold</b> &amp; ]]> \"q\" 'a' \x0c \x1b "
        "\x00 Ḩasan Şahin 😀 \u2028 \u00a0 \ufeff end  \n")
SUBJECT, GRAPH = NamedNode("http://example.org/doc/a&b"), NamedNode("http://example.org/g/a")


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 2**20])
@pytest.mark.parametrize("on_disk", [True, False], ids=["on-disk", "in-memory"])
def test_the_streamed_text_is_the_text(tmp_path, chunk, on_disk):
    """Chunks of 1-3 bytes cut inside CR LF and inside two-, three- and four-byte
    characters; XML's specials, control characters and a BOM come back as they were."""
    store = open_store(tmp_path / "s" if on_disk else None)
    assert bulk_add_text(store, SUBJECT, NIF.isString, TEXT.encode(), GRAPH, chunk=chunk) == 1
    assert list(store) == [Quad(SUBJECT, NIF.isString, Literal(TEXT), GRAPH)]


def test_an_empty_text_is_an_empty_literal():
    store = open_store(None)
    bulk_add_text(store, SUBJECT, NIF.isString, b"", GRAPH)
    assert list(store) == [Quad(SUBJECT, NIF.isString, Literal(""), GRAPH)]
