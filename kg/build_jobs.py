"""``kg build --jobs N``: the per-document pipeline in N worker processes.

Each document is independent (its own named graph; entity IRIs are pure
functions of names), so the work parallelises by document. The parent reads
and de-duplicates the sources exactly as a one-process build does, sends
chunks of documents to a pool of workers (each loads the model once), and
inserts every document's quads into the store in source order, so the store
ends up the same as with ``--jobs 1``. Quads travel as N-Quads bytes: compact,
and parsed back by pyoxigraph in Rust. Only a few chunks are in flight at a
time, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat, Store, parse, serialize

from kg.collector import SurvivorFreezer
from kg.ingest.parts import PartedDocument
from kg.ingest.sources import Source
from kg.records import SourceDocument

IN_FLIGHT_PER_JOB = 3  # chunks queued per worker: keeps both cores busy, memory bounded


@dataclass(slots=True)
class DocumentOutput:
    """What a worker sends back for one document."""

    doc_id: str
    nquads: bytes
    units: int
    entities: list[tuple[str, str]]  # (type, key) of each entity, counted once per build
    facts: int
    triples: int
    words: int
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # extraction failed on this document (a bug): reported, not built


# -- worker side ---------------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(model: str | None, base_iri: str | None, kb_files: tuple[str, ...],
                 batch_size: int, max_chars: int, batch_chars: int,
                 fact_threshold: float = 0.0) -> None:
    """Load the model once per worker; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from kg.build import BuildOptions
    from kg.nlp.model import model_label
    from kg.nlp.pipeline import build_nlp
    from kg.rdf.iri import IriMinter

    nlp = build_nlp(model, kb_files=kb_files)
    from kg.extract.document import prepare_extraction

    prepare_extraction()
    gc.freeze()  # the model lives as long as the worker: keep the cyclic collector off it
    # and what survives a full collection too, as build_into does (the worker's life long)
    freezer = SurvivorFreezer().__enter__()
    _WORKER.update(nlp=nlp, label=model_label(nlp), freezer=freezer,
                   minter=IriMinter(base_iri) if base_iri else IriMinter(),
                   options=BuildOptions(batch_size=batch_size, max_chars=max_chars,
                                        batch_chars=batch_chars,
                                        fact_threshold=fact_threshold))


def _process_chunk(documents: list[SourceDocument]) -> list[DocumentOutput]:
    """Parse, extract and map a chunk of documents, as ``build_into`` does for one."""
    from kg.build import internal_error
    from kg.extract.document import extract_document
    from kg.nlp.stream import parsed_documents
    from kg.rdf.mapping import map_document

    nlp, minter = _WORKER["nlp"], _WORKER["minter"]
    words: dict[int, int] = {}
    warnings: dict[int, list[str]] = {}

    def count(doc: SourceDocument, n: int) -> None:
        words[id(doc)] = words.get(id(doc), 0) + n

    def warn(doc: SourceDocument, text: str) -> None:
        warnings.setdefault(id(doc), []).append(text)

    out = []
    for document, parsed in parsed_documents(nlp, iter(documents), options=_WORKER["options"],
                                             words=count, warnings=warn):
        try:
            result = extract_document(document, parsed, model=_WORKER["label"],
                                      fact_threshold=_WORKER["options"].fact_threshold)
            quads = list(map_document(result, minter))
        except Exception as exc:  # as build_into: a bug on one document must not cost the others
            if os.environ.get("KG_DEBUG"):
                raise
            out.append(DocumentOutput(doc_id=document.doc_id, nquads=b"", units=0, entities=[],
                                      facts=0, triples=0, words=words.get(id(document), 0),
                                      warnings=warnings.get(id(document), []),
                                      error=internal_error(document.path, exc)))
            continue
        del parsed
        out.append(DocumentOutput(
            doc_id=document.doc_id, nquads=serialize(quads, format=RdfFormat.N_QUADS),
            units=len(document.units),
            entities=[(e.type.value, e.key) for e in result.entities],
            facts=len(result.facts), triples=len(quads), words=words.get(id(document), 0),
            warnings=warnings.get(id(document), [])))
        result = quads = None
        _WORKER["freezer"].boundary()
    return out


# -- parent side ---------------------------------------------------------------------------
def _chunks(documents: Iterator[SourceDocument], units_per_chunk: int,
            interrupt: list | None = None) -> Iterator[list[SourceDocument]]:
    """Group documents so a chunk holds about one spaCy batch of units; a chunk ends early
    (perhaps empty) as soon as ``interrupt`` holds something (a long document to build)."""
    chunk: list[SourceDocument] = []
    units = 0
    for doc in documents:
        if interrupt:
            yield chunk
            chunk, units = [], 0
        chunk.append(doc)
        units += max(1, len(doc.units))
        if units >= units_per_chunk:
            yield chunk
            chunk, units = [], 0
    if chunk:
        yield chunk


def build_parallel(store: Store, sources: list[Source], *, options, progress:
                   Callable[[SourceDocument], None] | None = None,
                   documents: Iterator[SourceDocument] | None = None,
                   known: dict[str, str] | None = None, store_dir: Path | None = None):
    """Build ``sources`` into ``store`` with ``options.jobs`` worker processes
    (``store_dir``: as for :func:`kg.build.build_into`).

    ``documents`` (already read and filtered by the caller) replaces reading
    ``sources`` when given. Returns a :class:`kg.build.BuildReport`.
    """
    from kg.build import BuildReport, changed_documents, read_sources
    from kg.rdf.iri import IriMinter, slug
    from kg.store import FlushingWriter, replace_graph

    report = BuildReport()
    started = time.perf_counter()
    minter = IriMinter(options.base_iri) if options.base_iri else IriMinter()
    if documents is None:
        read = read_sources(sources, report, max_bytes=options.max_bytes,
                            published=options.published, part_chars=options.part_chars,
                            fields=options.fields)
        documents = changed_documents(store, read, options=options, minter=minter,
                                      report=report, progress=progress, known=known)
    # spawn, not fork: workers start clean whatever threads the parent (pyoxigraph,
    # rich) runs, and it behaves the same on every platform.
    ctx = multiprocessing.get_context("spawn")
    pool = ctx.Pool(options.jobs, initializer=_init_worker,
                    initargs=(options.model, options.base_iri, tuple(options.kb_files),
                              options.batch_size, options.max_chars, options.batch_chars,
                              options.fact_threshold))
    in_flight: deque = deque()
    writer = FlushingWriter(store)  # bounds the on-disk store's write buffers

    def insert(chunk: list[SourceDocument], outputs: list[DocumentOutput]) -> None:
        for document, done in zip(chunk, outputs, strict=True):
            report.words += done.words
            report.warnings.extend(done.warnings)
            if done.error is not None:
                report.failed += 1
                report.origins.pop(slug(done.doc_id), None)
                report.errors.append(done.error)
                if progress:
                    progress(document)
                continue
            quads = parse(done.nquads, format=RdfFormat.N_QUADS)
            written = replace_graph(store, minter.graph(done.doc_id), quads)
            writer.wrote(written)
            report.triples += written
            report.built += 1
            report.units += done.units
            report.count_entities(done.entities)
            report.facts += done.facts
            if progress:
                progress(document)

    parted: list[PartedDocument] = []
    builder = None

    def build_parted(document: PartedDocument) -> None:
        """A long document, part by part, in this process (a part is stored before the
        next is read; sending the whole text to a worker would copy it, and its parts'
        quads would come back all at once)."""
        nonlocal builder
        while in_flight:  # keep the store's order: the documents before it first
            oldest, result = in_flight.popleft()
            insert(oldest, result.get())
        if builder is None:
            from kg.build import DocumentBuilder
            from kg.nlp.model import model_label
            from kg.nlp.pipeline import build_nlp

            nlp = build_nlp(options.model, kb_files=options.kb_files)
            from kg.extract.document import prepare_extraction

            prepare_extraction()
            builder = DocumentBuilder(store, nlp, model_label(nlp), minter, options, report,
                                      progress, store_dir=store_dir)
        builder.build_parted(document)

    def ordinary(docs: Iterator) -> Iterator[SourceDocument]:
        for doc in docs:
            if isinstance(doc, PartedDocument):
                parted.append(doc)
            else:
                yield doc

    try:
        for chunk in _chunks(ordinary(documents), max(1, options.batch_size // 4),
                             parted):
            if chunk:
                in_flight.append((chunk, pool.apply_async(_process_chunk, (chunk,))))
            while parted:
                build_parted(parted.pop(0))
            if len(in_flight) >= options.jobs * IN_FLIGHT_PER_JOB:
                oldest, result = in_flight.popleft()
                insert(oldest, result.get())
        while parted:
            build_parted(parted.pop(0))
        while in_flight:
            oldest, result = in_flight.popleft()
            insert(oldest, result.get())
        writer.flush()  # leave no log tail for the next opener (see kg.store.FlushingWriter)
        pool.close()
    finally:
        pool.terminate()  # after close() a no-op on idle workers; on error or Ctrl-C, stop them
        pool.join()
    report.seconds = time.perf_counter() - started
    return report
