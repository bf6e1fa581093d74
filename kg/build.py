"""Build a graph: sources -> units -> spaCy -> records -> quads -> store.

Documents stream through the pipeline: each one is mapped and written to the
store as soon as its last unit is parsed, so memory does not grow with the
corpus. A document that cannot be read is reported and skipped; the others
still build.
"""

from __future__ import annotations

import gc
import itertools
import os
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pyoxigraph import Store

from kg.errors import KgError
from kg.ingest.chunks import DEFAULT_MAX_CHARS, split_unit
from kg.ingest.reader import parse_bytes
from kg.ingest.sources import Source
from kg.rdf.iri import IriMinter
from kg.rdf.mapping import map_document
from kg.records import SourceDocument, Unit
from kg.store import replace_graph, stored_hash


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the one-line summary and the exit status."""

    built: int = 0
    skipped: int = 0
    unchanged: int = 0  # of the skipped: already in the store with the same content hash
    failed: int = 0
    units: int = 0
    entities: int = 0
    facts: int = 0
    triples: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BuildOptions:
    model: str | None = None
    base_iri: str | None = None
    batch_size: int = 64
    max_chars: int = DEFAULT_MAX_CHARS  # longer units are parsed in pieces (kg/ingest/chunks.py)
    kb_files: tuple[str, ...] = ()  # user knowledge-base files (Turtle), added to ontology/kb
    rebuild: bool = False  # rebuild documents the store already holds with the same hash
    jobs: int = 1  # worker processes; > 1 runs the per-document pipeline in kg/build_jobs.py
    published: date | None = None  # the page date of every source, whatever the text says


def read_sources(sources: list[Source], report: BuildReport, *,
                 published: date | None = None) -> Iterator[SourceDocument]:
    """Parse every source, reporting unreadable ones and duplicates instead of stopping."""
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for src in sources:
        try:
            doc = parse_bytes(src.read(), path=src.name, published=published)
        except KgError as exc:
            report.failed += 1
            report.errors.append(str(exc))
            continue
        if doc.sha256 in seen_hashes:
            report.skipped += 1
            report.warnings.append(f"{src.name}: same content as {seen_hashes[doc.sha256]}; "
                                   "skipped")
            continue
        if doc.doc_id in seen_ids:
            base = doc.doc_id
            n = 2
            while f"{base}-{n}" in seen_ids:
                n += 1
            doc.doc_id = f"{base}-{n}"
        seen_ids[doc.doc_id] = src.name
        seen_hashes[doc.sha256] = src.name
        report.warnings.extend(doc.warnings)
        yield doc


def changed_documents(store: Store, documents: Iterator[SourceDocument], *,
                      options: BuildOptions, minter: IriMinter, report: BuildReport,
                      progress: Callable[[SourceDocument], None] | None = None
                      ) -> Iterator[SourceDocument]:
    """The documents to build: those whose graph in ``store`` lacks their content hash."""
    for doc in documents:
        if not options.rebuild and stored_hash(
                store, minter.graph(doc.doc_id), minter.document(doc.doc_id)) == doc.sha256:
            report.skipped += 1
            report.unchanged += 1
            if progress:
                progress(doc)
            continue
        yield doc


def build_into(store: Store, sources: list[Source], *, options: BuildOptions | None = None,
               progress: Callable[[SourceDocument], None] | None = None) -> BuildReport:
    """Build every source into ``store``, one named graph per document."""
    from kg.extract.document import extract_document
    from kg.nlp.model import model_label
    from kg.nlp.pipeline import build_nlp

    options = options or BuildOptions()
    if options.jobs > 1:
        from kg.build_jobs import build_parallel

        return build_parallel(store, sources, options=options, progress=progress)
    report = BuildReport()
    started = time.perf_counter()
    minter = IriMinter(options.base_iri) if options.base_iri else IriMinter()
    documents = changed_documents(store, read_sources(sources, report,
                                                      published=options.published),
                                  options=options,
                                  minter=minter, report=report, progress=progress)
    first = next(documents, None)
    if first is None:  # every document unchanged (or unreadable): no model to load
        report.seconds = time.perf_counter() - started
        return report
    documents = itertools.chain([first], documents)
    nlp = build_nlp(options.model, kb_files=options.kb_files)
    label = model_label(nlp)

    pending: dict[int, tuple[SourceDocument, list]] = {}

    max_chars = max(1, min(options.max_chars, nlp.max_length - 1))

    def unit_stream() -> Iterator[tuple[str, tuple[int, Unit]]]:
        for n, doc in enumerate(documents):
            pending[n] = (doc, [])
            if not doc.units:
                yield "", (n, Unit(index=-1, kind="empty", start=0, end=0, text=""))
            pieces = 0
            for unit in doc.units:
                for piece in split_unit(unit, max_chars):
                    pieces += 1
                    yield piece.text, (n, piece)
            if pieces > len(doc.units):
                report.warnings.append(
                    f"{doc.path}: {len(doc.text):,} characters; long updates are parsed in "
                    f"{pieces} pieces of at most {max_chars:,} characters (offsets still "
                    "refer to the whole text)")

    def finish(n: int) -> None:
        document, parsed = pending.pop(n)
        try:
            result = extract_document(document, parsed, model=label)
            quads = map_document(result, minter)
        except Exception as exc:  # a bug on one document must not cost the others
            if os.environ.get("KG_DEBUG"):
                raise
            report.failed += 1
            report.errors.append(internal_error(document.path, exc))
            if progress:
                progress(document)
            return
        report.triples += replace_graph(store, minter.graph(document.doc_id), quads)
        report.built += 1
        report.units += len(document.units)
        report.entities += len(result.entities)
        report.facts += len(result.facts)
        if progress:
            progress(document)

    current: int | None = None
    # The model's objects live as long as the build: the cyclic collector need not scan
    # them again and again (about 1.5 % of a 100k-word build). Undone when the build ends.
    gc.freeze()
    try:
        for spacy_doc, (n, unit) in nlp.pipe(unit_stream(), as_tuples=True,
                                             batch_size=options.batch_size):
            if current is not None and n != current:
                finish(current)
            current = n
            if unit.index >= 0:
                pending[n][1].append((unit, spacy_doc))
                report.words += count_words(spacy_doc)
        if current is not None:
            finish(current)
    finally:
        gc.unfreeze()
    report.seconds = time.perf_counter() - started
    return report


def internal_error(path: str, exc: Exception) -> str:
    """One line for a bug hit while extracting one document: what and where."""
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return (f"{path}: internal error while extracting: {type(exc).__name__}: {exc}{where} "
            "(a bug in kg: please report it with this file; KG_DEBUG=1 shows the traceback)")


def count_words(doc) -> int:
    """Tokens that are neither space nor punctuation, counted in one array pass."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    if not len(doc):
        return 0
    return len(doc) - int(doc.to_array([IS_SPACE, IS_PUNCT]).any(axis=1).sum())


def build_to_file(sources: list[Source], output: Path, *, fmt, options: BuildOptions | None = None,
                  store_dir: Path | None = None, progress=None) -> BuildReport:
    """Build into a fresh in-memory store (or ``store_dir``) and write ``output`` atomically."""
    from kg.store import export_store, open_store

    store = open_store(store_dir)
    report = build_into(store, sources, options=options, progress=progress)
    if output is not None and (report.built or report.unchanged):  # else keep the old file
        export_store(store, output, fmt)
    return report
