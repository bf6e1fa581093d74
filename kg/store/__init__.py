"""The embedded pyoxigraph store: open, fill per document, read graph files, write atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize

from kg.errors import GraphLoadError, OutputError
from kg.formats import GraphFormat
from kg.rdf.vocab import DCT, KG, PREFIXES, RDF


def open_store(path: Path | None = None) -> Store:
    """An on-disk store at ``path`` (created if needed) or an in-memory one."""
    if path is None:
        return Store()
    try:
        path.mkdir(parents=True, exist_ok=True)
        return Store(str(path))
    except OSError as exc:
        raise GraphLoadError(f"cannot open the store: {exc}", path=path,
                             hint="is another kg process using it?") from exc


def replace_graph(store: Store, graph: NamedNode, quads: Iterable[Quad]) -> int:
    """Replace one named graph with ``quads``.

    The new quads go in with ``extend`` (one transaction), so the graph holds its
    document's ``kg:contentHash`` only if it holds every other quad too: a build
    killed between the removal and the insertion leaves the graph missing, and the
    next incremental build rebuilds it instead of skipping it.
    """
    quads = list(quads)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    store.extend(quads)
    return len(quads)


def stored_hash(store: Store, graph: NamedNode, document: NamedNode) -> str | None:
    """The ``kg:contentHash`` a document's named graph holds, or None if it has none."""
    for quad in store.quads_for_pattern(document, KG.contentHash, None, graph):
        return quad.object.value
    return None


def drop_document(store: Store, key: str) -> str:
    """Remove the named graph of the document ``key`` (its id or its source file's path).

    Returns the id of the dropped document; raises if no stored document matches.
    """
    by_id: dict[str, NamedNode] = {}
    for quad in store.quads_for_pattern(None, DCT.identifier, None, None):
        graph = quad.graph_name
        if isinstance(graph, NamedNode) and any(
                store.quads_for_pattern(quad.subject, RDF.type, KG.SourceDocument, graph)):
            by_id[quad.object.value] = graph
    doc_id = key if key in by_id else None
    if doc_id is None:  # a source path: its file name gives the id, as `kg build` does
        from kg.ingest.reader import doc_id_for

        candidate = doc_id_for(key)
        doc_id = candidate if candidate in by_id else None
    if doc_id is None:
        known = ", ".join(sorted(by_id)[:10]) or "none"
        raise GraphLoadError(f"no stored document {key!r}",
                             hint=f"give a document id or its source path; stored: {known}")
    store.remove_graph(by_id[doc_id])
    return doc_id


def load_graph_file(path: Path, *, fmt: GraphFormat | None = None) -> Store:
    """Parse a graph file into a new in-memory store; errors carry file and position."""
    try:
        fmt = fmt or GraphFormat.from_path(str(path))
    except ValueError as exc:
        raise GraphLoadError(str(exc), path=path) from exc
    if not path.is_file():
        raise GraphLoadError("no such graph file", path=path,
                             hint="build one first with `kg build ... -o FILE`")
    store = Store()
    try:
        with path.open("rb") as fh:
            store.bulk_extend(_as_quads(parse(fh, fmt.rdf_format)))
    except SyntaxError as exc:
        raise GraphLoadError(f"not valid {fmt.value}: {exc}", path=path) from exc
    except OSError as exc:
        raise GraphLoadError(f"cannot read graph file: {exc}", path=path) from exc
    return store


def _as_quads(items) -> Iterable[Quad]:
    for item in items:
        if isinstance(item, Triple):
            yield Quad(item.subject, item.predicate, item.object, DefaultGraph())
        else:
            yield item


def open_graph(*, graph: Path | None, store: Path | None) -> Store:
    """The store behind a read command's ``--graph FILE`` or ``--store DIR``."""
    if (graph is None) == (store is None):
        raise GraphLoadError("give exactly one of --graph FILE or --store DIR")
    if store is not None:
        if not store.is_dir():
            raise GraphLoadError("no such store directory", path=store,
                                 hint="build one with `kg build ... --store DIR`")
        try:
            return Store.read_only(str(store))
        except OSError as exc:
            raise GraphLoadError(f"cannot open the store: {exc}", path=store) from exc
    assert graph is not None
    return load_graph_file(graph)


def serialize_store(store: Store, fmt: GraphFormat, output) -> None:
    """Write the whole store; triple formats get the union of all graphs.

    Triple formats are de-duplicated and sorted as N-Triples lines that pyoxigraph writes
    graph by graph, not as Python objects: 2-3x faster and smaller in memory (issue 9).
    """
    from kg.rdf.turtle import sorted_lines, write_lines, write_pretty_turtle

    if fmt is GraphFormat.JSONLD:  # sorted, for a stable file (as objects: faster here)
        serialize(sorted(store, key=str), output, fmt.rdf_format, prefixes=PREFIXES)
    elif fmt.is_dataset:
        serialize(store, output, fmt.rdf_format, prefixes=PREFIXES)
    else:
        # a named graph dumped alone comes out as triples: the union, graph by graph
        lines = sorted_lines(store.dump(format=RdfFormat.N_TRIPLES, from_graph=g)
                             for g in [DefaultGraph(), *store.named_graphs()])
        if fmt is GraphFormat.TTL:  # readable: used prefixes, a block per subject
            write_pretty_turtle(lines, output)
        else:
            write_lines(lines, output)


def write_atomic(path: Path, writer) -> None:
    """Call ``writer(binary_file)`` on a temporary file, then rename it over ``path``.

    An interrupted write leaves the previous file untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def export_store(store: Store, path: Path, fmt: GraphFormat) -> None:
    try:
        write_atomic(path, lambda fh: serialize_store(store, fmt, fh))
    except OSError as exc:
        raise OutputError(f"cannot write the graph: {exc.strerror or exc}", path=path) from exc
