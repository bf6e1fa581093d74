"""kg/store/export.py with ``entail``: bounded-memory exports (sorted runs on disk) write
the same bytes as in memory, and every format carries the same statements."""

from __future__ import annotations

import io
import os

import pytest
from pyoxigraph import RdfFormat, parse

from kg.formats import GraphFormat


@pytest.mark.parametrize("fmt", list(GraphFormat), ids=lambda f: f.value)
def test_entailed_exports_sorted_on_disk_are_the_same_bytes(seed_build, fmt, tmp_path):
    import kg.store.export as export
    from kg.store import load_graph_file

    store = load_graph_file(seed_build[0])
    whole, spilled = io.BytesIO(), io.BytesIO()
    export.serialize_store(store, fmt, whole, entail=True)
    export.serialize_store(store, fmt, spilled, run_chars=20_000, workdir=str(tmp_path),
                           entail=True)
    assert spilled.getvalue() == whole.getvalue()
    assert os.listdir(tmp_path) == []


def test_entailed_dataset_formats_keep_each_statement_in_its_graph(seed_build):
    """N-Quads, TriG and JSON-LD with ``entail`` hold the store's quads and more, each
    added statement in the graph of the statement it comes from; no quad twice."""
    import kg.store.export as export
    from kg.store import load_graph_file

    store = load_graph_file(seed_build[0])
    plain = {(q.subject, q.predicate, q.object, q.graph_name) for q in store}
    got = {}
    for fmt in (GraphFormat.NQ, GraphFormat.TRIG, GraphFormat.JSONLD):
        buffer = io.BytesIO()
        export.serialize_store(store, fmt, buffer, entail=True)
        quads = [(q.subject, q.predicate, q.object, q.graph_name)
                 for q in parse(buffer.getvalue(), fmt.rdf_format)]
        if fmt is GraphFormat.NQ:
            assert len(quads) == len(set(quads))
        got[fmt] = set(quads)
    assert got[GraphFormat.NQ] == got[GraphFormat.TRIG] == got[GraphFormat.JSONLD]
    assert plain < got[GraphFormat.NQ]
    added = got[GraphFormat.NQ] - plain
    graphs = {(s, g) for s, _, _, g in plain}
    assert all((s, g) in graphs for s, _, _, g in added)


def test_jsonld_export_is_read_back_by_pyoxigraph_as_the_store(seed_build):
    import kg.store.export as export
    from kg.store import load_graph_file

    store = load_graph_file(seed_build[0])
    buffer = io.BytesIO()
    export.serialize_store(store, GraphFormat.JSONLD, buffer)
    back = {(q.subject, q.predicate, q.object, q.graph_name)
            for q in parse(buffer.getvalue(), RdfFormat.JSON_LD)}
    assert back == {(q.subject, q.predicate, q.object, q.graph_name) for q in store}
