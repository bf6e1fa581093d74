"""Write a whole store as a graph file in bounded memory, whatever its size.

Dataset formats (N-Quads, TriG) are streamed from the store by pyoxigraph. The
others are sorted, for a stable file: triple formats (N-Triples, Turtle, RDF/XML) are
the de-duplicated union of every graph, sorted as N-Triples lines; JSON-LD (compact,
with kg's context: kg/store/jsonld.py) is written graph by graph, each graph's lines
sorted, so that a subject's statements are together. Lines are sorted in runs of at
most ``run_chars`` characters; a store with more is sorted on disk (runs written to
temporary files next to the output, then merged), so memory holds one run, never the
whole graph. A store that fits in one run is written exactly as before, from memory.

With ``entail`` (``--entail``), each graph also gets what the ontology's alignments
entail from it (the ``sem:``/``schema:``/``org:``/``prov:`` types and super-properties
of kg's terms: :func:`kg.rdf.mapping.entailed_quads`), as more lines of that graph
before the sort, which drops those the graph already holds. N-Quads and TriG are then
written graph by graph from sorted lines too.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, parse, serialize

from kg.formats import GraphFormat
from kg.rdf.turtle import write_pretty_turtle_stream
from kg.rdf.vocab import PREFIXES

# Characters of N-Triples lines sorted in memory at once: about 100 MB of Python strings.
RUN_CHARS = 40 * 2**20


def serialize_store(store: Store, fmt: GraphFormat, output: BinaryIO, *,
                    run_chars: int = RUN_CHARS, workdir: str | None = None,
                    entail: bool = False) -> None:
    """Write the whole store; triple formats get the union of all graphs."""
    if fmt.is_dataset and fmt is not GraphFormat.JSONLD and not entail:
        serialize(store, output, fmt.rdf_format, prefixes=PREFIXES)
        return
    extra = Entailer(store) if entail else None
    with _Scratch(workdir) as scratch:
        if fmt.is_dataset:  # JSON-LD, or N-Quads/TriG with what they entail
            graphs = [DefaultGraph(), *sorted(store.named_graphs(), key=str)]

            def graph_lines(graph) -> Iterator[str]:
                lines = scratch.dumped(store, RdfFormat.N_TRIPLES, graph)
                if extra is not None:
                    lines = itertools.chain(lines, extra.lines(graph))
                return scratch.sorted_lines(lines, run_chars)

            if fmt is GraphFormat.JSONLD:
                from kg.store.jsonld import write_jsonld

                write_jsonld(_parsed(graph_lines(graphs[0]), RdfFormat.N_TRIPLES),
                             ((g, _parsed(graph_lines(g), RdfFormat.N_TRIPLES))
                              for g in graphs[1:]), output)
            else:
                serialize((Quad(t.subject, t.predicate, t.object, g) for g in graphs
                           for t in _parsed(graph_lines(g), RdfFormat.N_TRIPLES)),
                          output, fmt.rdf_format, prefixes=PREFIXES)
            return
        # a named graph dumped alone comes out as triples: the union, graph by graph
        chunks = _graph_lines(store, scratch)
        if extra is not None:
            chunks = itertools.chain(chunks, extra.lines(None))
        if fmt is GraphFormat.TTL:  # readable: used prefixes, a block per subject
            write_pretty_turtle_stream(lambda: scratch.sorted_lines(chunks, run_chars,
                                                                    keep=True), output)
        elif fmt is GraphFormat.XML:  # a first pass finds the properties to declare
            from kg.store.rdfxml import write_rdfxml

            predicates = {line.split(" ", 2)[1][1:-1]
                          for line in scratch.sorted_lines(chunks, run_chars, keep=True)}
            write_rdfxml(_parsed(scratch.sorted_lines(chunks, run_chars, keep=True),
                                 RdfFormat.N_TRIPLES), predicates, output)
        else:
            _write_lines(scratch.sorted_lines(chunks, run_chars), output)


def _graph_lines(store: Store, scratch: _Scratch) -> Iterator[str]:
    """The N-Triples lines of every graph, graph by graph (pyoxigraph writes each graph
    to a scratch file: a graph of a 50 MB text is gigabytes of N-Triples)."""
    for graph in itertools.chain([DefaultGraph()], store.named_graphs()):
        yield from scratch.dumped(store, RdfFormat.N_TRIPLES, graph)


class Entailer:
    """What the alignments entail in one graph of ``store`` (or in all of them: ``None``),
    read from the store pattern by pattern, in batches; the results may repeat or be in
    the graph already (the sort, or the caller, de-duplicates)."""

    def __init__(self, store: Store):
        from kg.rdf.alignments import alignments

        self.store = store
        self.al = alignments()

    def quads(self, graph, per_batch: int = 50_000) -> Iterator[Quad]:
        from kg.rdf.mapping import entailed_quads
        from kg.rdf.vocab import RDF

        store, al = self.store, self.al
        candidates = itertools.chain(
            itertools.chain.from_iterable(store.quads_for_pattern(None, RDF.type, c, graph)
                                          for c in al.classes),
            itertools.chain.from_iterable(store.quads_for_pattern(None, p, None, graph)
                                          for p in al.properties))
        while batch := list(itertools.islice(candidates, per_batch)):
            yield from entailed_quads(batch, al)

    def lines(self, graph) -> Iterator[str]:
        """The N-Triples lines of :meth:`quads` (as pyoxigraph writes them)."""
        for q in self.quads(graph):
            yield f"{q.subject} {q.predicate} {q.object} ."


def _dataset_lines(store: Store, scratch: _Scratch) -> Iterator[str]:
    yield from scratch.dumped(store, RdfFormat.N_QUADS, None)


def _parsed(lines: Iterable[str], fmt: RdfFormat, per_parse: int = 50_000) -> Iterator:
    """pyoxigraph quads of ``lines``, in order, parsed a slice at a time."""
    lines = iter(lines)
    while batch := list(itertools.islice(lines, per_parse)):
        yield from parse("\n".join(batch), fmt)


def _write_lines(lines: Iterable[str], output: BinaryIO, per_write: int = 50_000) -> None:
    lines = iter(lines)
    while batch := list(itertools.islice(lines, per_write)):
        output.write(("\n".join(batch) + "\n").encode("utf-8"))


class _Scratch:
    """Temporary files for one export: dump buffers and sorted runs, all removed at the end."""

    def __init__(self, workdir: str | None):
        self.workdir = workdir
        self.files: set[str] = set()
        self.kept: list[str] | None = None  # the sorted lines, when asked to be kept
        self.kept_file: str | None = None  # ... or the file they were saved in

    def __enter__(self) -> _Scratch:
        return self

    def __exit__(self, *exc) -> None:
        for path in self.files:
            with contextlib.suppress(OSError):
                os.unlink(path)

    def new_file(self) -> tuple[str, BinaryIO]:
        fd, path = tempfile.mkstemp(prefix=".kg-export-", suffix=".tmp", dir=self.workdir)
        self.files.add(path)
        return path, os.fdopen(fd, "w+b")

    def remove(self, path: str) -> None:
        self.files.discard(path)
        with contextlib.suppress(OSError):
            os.unlink(path)

    def dumped(self, store: Store, fmt: RdfFormat, graph) -> Iterator[str]:
        """The lines pyoxigraph writes for ``graph`` (None: the dataset), via a file."""
        path, fh = self.new_file()
        with fh:
            if graph is None:
                store.dump(fh, fmt)
            else:
                store.dump(fh, fmt, from_graph=graph)
            fh.seek(0)
            for line in fh:  # split on b"\n" only: U+2028 and the like may be in literals
                yield line.rstrip(b"\n").decode("utf-8")
        self.remove(path)

    def sorted_lines(self, lines: Iterable[str], run_chars: int, *, keep: bool = False
                     ) -> Iterator[str]:
        """The distinct ``lines``, sorted; in runs on disk when they exceed ``run_chars``.

        With ``keep`` the result is saved (in memory when it is one run, else in a file)
        and a second call replays it: the Turtle writer reads the lines twice.
        """
        if self.kept is not None:
            yield from self.kept
            return
        if self.kept_file is not None:
            yield from _read(self.kept_file)
            return
        runs: list[str] = []
        run: set[str] = set()
        size = 0
        for line in lines:
            if line and line not in run:
                run.add(line)
                size += len(line) + 50  # + a str's own overhead, roughly
                if size > run_chars:
                    runs.append(self._spill(sorted(run)))
                    run, size = set(), 0
        if not runs:
            ordered = sorted(run)
            del run
            if keep:
                self.kept = ordered
            yield from ordered
            return
        if run:
            runs.append(self._spill(sorted(run)))
        del run
        merged = _unique(heapq.merge(*(_read(path) for path in runs)))
        if not keep:
            yield from merged
            return
        path, fh = self.new_file()
        with fh:
            for line in merged:
                fh.write(line.encode("utf-8") + b"\n")
                yield line
        self.kept_file = path
        for run_path in runs:
            self.remove(run_path)

    def _spill(self, lines: list[str]) -> str:
        path, fh = self.new_file()
        with fh:
            _write_lines(lines, fh)
        return path


def _read(path: str) -> Iterator[str]:
    with open(path, "rb") as fh:
        for line in fh:
            yield line.rstrip(b"\n").decode("utf-8")


def _unique(lines: Iterable[str]) -> Iterator[str]:
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line
