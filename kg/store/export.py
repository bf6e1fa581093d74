"""Write a whole store as a graph file in bounded memory, whatever its size.

Dataset formats (N-Quads, TriG) are streamed from the store by pyoxigraph. The
others are sorted, for a stable file: triple formats (N-Triples, Turtle) are the
de-duplicated union of every graph, sorted as N-Triples lines; JSON-LD is the quads
sorted by their text. Lines are sorted in runs of at most ``run_chars`` characters;
a store with more is sorted on disk (runs written to temporary files next to the
output, then merged), so memory holds one run, never the whole graph. A store that
fits in one run is written exactly as before, from memory.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from pyoxigraph import DefaultGraph, RdfFormat, Store, parse, serialize

from kg.formats import GraphFormat
from kg.rdf.turtle import write_pretty_turtle_stream
from kg.rdf.vocab import PREFIXES

# Characters of N-Triples lines sorted in memory at once: about 100 MB of Python strings.
RUN_CHARS = 40 * 2**20


def serialize_store(store: Store, fmt: GraphFormat, output: BinaryIO, *,
                    run_chars: int = RUN_CHARS, workdir: str | None = None) -> None:
    """Write the whole store; triple formats get the union of all graphs."""
    if fmt.is_dataset and fmt is not GraphFormat.JSONLD:
        serialize(store, output, fmt.rdf_format, prefixes=PREFIXES)
        return
    with _Scratch(workdir) as scratch:
        if fmt is GraphFormat.JSONLD:  # sorted by the quads' text, for a stable file
            lines = scratch.sorted_lines(_dataset_lines(store, scratch), run_chars)
            serialize(_parsed(lines, RdfFormat.N_QUADS), output, fmt.rdf_format,
                      prefixes=PREFIXES)
            return
        # a named graph dumped alone comes out as triples: the union, graph by graph
        chunks = _graph_lines(store, scratch)
        if fmt is GraphFormat.TTL:  # readable: used prefixes, a block per subject
            write_pretty_turtle_stream(lambda: scratch.sorted_lines(chunks, run_chars,
                                                                    keep=True), output)
        else:
            _write_lines(scratch.sorted_lines(chunks, run_chars), output)


def _graph_lines(store: Store, scratch: _Scratch) -> Iterator[str]:
    """The N-Triples lines of every graph, graph by graph (pyoxigraph writes each graph
    to a scratch file: a graph of a 50 MB text is gigabytes of N-Triples)."""
    for graph in itertools.chain([DefaultGraph()], store.named_graphs()):
        yield from scratch.dumped(store, RdfFormat.N_TRIPLES, graph)


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
