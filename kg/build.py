"""Build a graph: sources -> units -> spaCy -> records -> quads -> store.

Documents stream through the pipeline: each one is mapped and written to the
store as soon as its last unit is parsed, so memory does not grow with the
corpus. Within a document, pieces are parsed in batches of bounded size (by
count and by characters: spaCy's memory grows with the characters of a batch)
and each piece is extracted as soon as it is parsed, so a document's spaCy
docs are never all held at once. A document longer than the part size is built
in parts (kg/ingest/parts.py), each read, parsed, extracted, resolved, mapped
and stored before the next is read, so no size of input holds more than one
part's records; the on-disk store's write buffers are flushed every
100,000 quads (kg.store.FlushingWriter), so they do not grow with the input
either. A document that cannot be read is reported and skipped; the
others still build.
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

from kg.collector import SurvivorFreezer
from kg.errors import KgError
from kg.ingest.archives import ArchiveFields
from kg.ingest.chunks import DEFAULT_BATCH_CHARS, DEFAULT_MAX_CHARS
from kg.ingest.parts import DEFAULT_PART_CHARS, DocumentPart, PartedDocument
from kg.ingest.raw import raw_documents
from kg.ingest.sources import Source
from kg.limits import DEFAULT_MAX_BYTES
from kg.nlp.stream import Pieces, parsed_documents
from kg.rdf.iri import IriMinter, slug
from kg.rdf.mapping import GRAPH_FORMAT, TEXT_LITERAL_CHARS, map_document, text_piece_quads
from kg.rdf.vocab import NIF
from kg.records import DocumentResult, SourceDocument
from kg.store import (
    FlushingWriter,
    add_quads,
    bulk_add_text,
    replace_graph,
    stored_format,
    stored_hash,
    temporary_store,
)


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the one-line summary and the exit status."""

    built: int = 0
    skipped: int = 0
    unchanged: int = 0  # of the skipped: already in the store with the same content hash
    failed: int = 0
    bad_records: int = 0  # of the skipped: archive lines that are no article (warned)
    units: int = 0
    entities: int = 0  # distinct entities over all documents (see ``entity_keys``)
    facts: int = 0
    triples: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entity_keys: set[tuple[str, str]] = field(default_factory=set)
    origins: dict[str, str] = field(default_factory=dict)  # slug(doc id) -> source identity

    def count_entities(self, keys) -> None:
        """Add one document's entities; an entity in many documents counts once."""
        self.entity_keys.update(keys)
        self.entities = len(self.entity_keys)


@dataclass(slots=True)
class BuildOptions:
    model: str | None = None
    base_iri: str | None = None
    batch_size: int = 64
    max_chars: int = DEFAULT_MAX_CHARS  # longer units are parsed in pieces (kg/ingest/chunks.py)
    batch_chars: int = DEFAULT_BATCH_CHARS  # characters per spaCy batch (memory grows with it)
    # larger files are refused; None: no limit for files (standard input is capped), 0: none
    max_bytes: int | None = DEFAULT_MAX_BYTES
    part_chars: int | None = DEFAULT_PART_CHARS  # longer documents are built in parts
    kb_files: tuple[str, ...] = ()  # user knowledge-base files (Turtle), added to ontology/kb
    rebuild: bool = False  # rebuild documents the store already holds with the same hash
    jobs: int = 1  # worker processes; > 1 runs the per-document pipeline in kg/build_jobs.py
    published: date | None = None  # the page date of every source, whatever the text says
    fields: ArchiveFields | None = None  # the JSON keys of archive records (--field)
    # facts the learned filter gives a lower probability are dropped (kg/extract/
    # fact_filter.py, kg build --fact-threshold); 0: every fact is kept
    fact_threshold: float = 0.0


def read_sources(sources: list[Source], report: BuildReport, *,
                 max_bytes: int | None = DEFAULT_MAX_BYTES,
                 published: date | None = None, part_chars: int | None = None,
                 fields: ArchiveFields | None = None
                 ) -> Iterator[SourceDocument | PartedDocument]:
    """Parse every source, reporting unreadable ones and duplicates instead of stopping.

    Ids and duplicates as :func:`kg.ingest.raw.raw_documents` decides them;
    ``published`` (``kg build --published``) is every page's date. A text longer than
    ``part_chars`` comes as a :class:`PartedDocument`, read part by part later; a file
    over ``kg.ingest.stream.STREAM_BYTES`` is read as a stream, never whole
    (kg/ingest/stream.py), what the extractors read from its whole text read as it goes.
    """
    from kg.ingest import stream

    stream_over = stream.STREAM_BYTES if part_chars else None
    for raw in raw_documents(sources, report, max_bytes=max_bytes, published=published,
                             fields=fields, stream_over=stream_over):
        try:
            doc = parse_raw(raw, part_chars=part_chars)
        except KgError as exc:
            report.failed += 1
            report.errors.append(str(exc))
            continue
        finally:
            raw.data = b""  # parsed: a huge file's bytes are not held while it is built
        report.warnings.extend(raw.notes)
        report.origins[slug(doc.doc_id)] = raw.identity
        report.warnings.extend(doc.warnings)
        yield doc


def parse_raw(raw, *, part_chars: int | None) -> SourceDocument | PartedDocument:
    """A :class:`kg.ingest.raw.RawDocument` parsed; one not read yet (a long file, spooled
    standard input, a long archive record's text) is read as a stream, what the
    extractors read from its whole text (``cues``) read as it goes."""
    listener = None
    if raw.data is None:
        from kg.extract.positions import TextCueReader

        listener = TextCueReader()
    doc = raw.parse(part_chars=part_chars, listener=listener)
    if isinstance(doc, PartedDocument) and listener is not None and doc.data is None:
        doc.cues = listener.cues()
    return doc


def changed_documents(store: Store, documents: Iterator, *,
                      options: BuildOptions, minter: IriMinter, report: BuildReport,
                      progress: Callable | None = None,
                      known: dict[str, str] | None = None) -> Iterator:
    """The documents to build: those whose graph in ``store`` lacks their content hash,
    or holds it in a graph of an older ``kg:graphFormat`` (kg writes triples it lacks).

    ``known`` maps the ids already in the store to the source each came from. A
    document whose id the store holds with other content *from another source* is
    refused: building it would replace another file's graph.
    """
    for doc in documents:
        graph, node = minter.graph(doc.doc_id), minter.document(doc.doc_id)
        stored = stored_hash(store, graph, node)
        if not options.rebuild and stored == doc.sha256 and \
                stored_format(store, graph, node) >= GRAPH_FORMAT:
            report.skipped += 1
            report.unchanged += 1
            if progress:
                progress(doc)
            continue
        if stored is not None and stored != doc.sha256 and known is not None:
            origin, mine = known.get(slug(doc.doc_id)), report.origins.get(slug(doc.doc_id))
            if origin is None:
                report.warnings.append(
                    f"{doc.path}: replaces the stored document {doc.doc_id!r}, which has other "
                    "content (the store does not record which file it came from)")
            elif origin != mine:
                report.failed += 1
                report.origins.pop(slug(doc.doc_id), None)
                report.errors.append(
                    f"{doc.path}: document id {doc.doc_id!r} is already in the store, built "
                    f"from another file ({origin}); not built, so that graph is kept (rename "
                    f"this file, or `kg drop {doc.doc_id} --store DIR` first)")
                if progress:
                    progress(doc)
                continue
        yield doc


def build_into(store: Store, sources: list[Source], *, options: BuildOptions | None = None,
               progress: Callable[[SourceDocument], None] | None = None,
               known: dict[str, str] | None = None,
               store_dir: Path | None = None,
               observe: Callable[[DocumentResult], None] | None = None) -> BuildReport:
    """Build every source into ``store``, one named graph per document.

    ``known``: the store's record of which source each stored id came from
    (:func:`kg.store.read_origins`); given, another file's graph is never replaced.
    ``store_dir``: the folder of an on-disk ``store``, where a long document's build
    records its parts so that a stopped build resumes (kg/store/resume.py).
    ``observe``: called with each document's extracted records before they are mapped
    (tools that learn from them, kg/evaluate/filter_training.py); one process only.
    """
    from kg.extract.document import prepare_extraction
    from kg.nlp.model import model_label
    from kg.nlp.pipeline import build_nlp

    options = options or BuildOptions()
    if options.jobs > 1 and observe is None:
        from kg.build_jobs import build_parallel

        return build_parallel(store, sources, options=options, progress=progress, known=known,
                              store_dir=store_dir)
    report = BuildReport()
    started = time.perf_counter()
    minter = IriMinter(options.base_iri) if options.base_iri else IriMinter()
    documents = changed_documents(store, read_sources(sources, report,
                                                      max_bytes=options.max_bytes,
                                                      published=options.published,
                                                      part_chars=options.part_chars,
                                                      fields=options.fields),
                                  options=options, minter=minter, report=report,
                                  progress=progress, known=known)
    first = next(documents, None)
    if first is None:  # every document unchanged (or unreadable): no model to load
        report.seconds = time.perf_counter() - started
        return report
    documents = itertools.chain([first], documents)
    nlp = build_nlp(options.model, kb_files=options.kb_files)
    prepare_extraction()
    builder = DocumentBuilder(store, nlp, model_label(nlp), minter, options, report,
                              progress, store_dir=store_dir)
    builder.observe = observe
    # The model's objects live as long as the build: the cyclic collector need not scan
    # them again and again (about 1.5 % of a 100k-word build). Undone when the build ends.
    gc.freeze()
    try:
        with SurvivorFreezer() as builder.freezer:
            builder.build(documents)
        builder.writer.flush()  # no log tail for the next opener (FlushingWriter)
    finally:
        gc.unfreeze()
    report.seconds = time.perf_counter() - started
    return report


class DocumentBuilder:
    """Parse, extract, map and store documents with one loaded model, reporting each.

    Ordinary documents share one parse stream (batched across documents); a
    :class:`PartedDocument` is built part by part, each part through a stream of its
    own, so a part is stored before the next one is read.
    """

    def __init__(self, store: Store, nlp, label: str, minter: IriMinter,
                 options: BuildOptions, report: BuildReport,
                 progress: Callable[[SourceDocument], None] | None = None, *,
                 store_dir: Path | None = None):
        self.store, self.nlp, self.label, self.minter = store, nlp, label, minter
        self.options, self.report, self.progress = options, report, progress
        self.store_dir = store_dir  # an on-disk store: a long document's build resumes
        self.writer = FlushingWriter(store)  # bounds the on-disk store's write buffers
        self.whole_text: PartedDocument | None = None  # the long document being built
        self.freezer: SurvivorFreezer | None = None  # build_into's, while it builds
        self.observe: Callable[[DocumentResult], None] | None = None  # build_into's

    def build(self, documents: Iterator) -> None:
        for parted, group in itertools.groupby(
                documents, key=lambda d: isinstance(d, PartedDocument)):
            if parted:
                for document in group:
                    self.build_parted(document)
            else:
                self.build_stream(group)

    def build_stream(self, documents: Iterator[SourceDocument]) -> bool:
        """Build ``documents``; False if one failed (for a part: the rest is not built)."""
        ok = True
        for document, parsed in parsed_documents(
                self.nlp, documents, options=self.options, words=self._words,
                warnings=lambda _d, w: self.report.warnings.append(w)):
            ok = self.finish(document, parsed) and ok
        return ok

    def build_parted(self, document: PartedDocument) -> None:
        """Build a long document part by part into its one named graph.

        What the extractors read from the whole text is read once, first; then the text
        is held only as UTF-8 bytes (:class:`PartedDocument`), or not at all when they
        are its file's bytes (read again from the file, :meth:`PartedDocument.spill`).
        Its ``nif:isString`` is streamed into the store with the last part: written
        first, the one huge value was rewritten by every compaction of the store's
        string table while the parts went in (+400 MB each time for a 200 MB text).
        """
        from kg.extract.positions import text_cues

        cues = document.cues  # read as the file streamed (kg/ingest/stream.py)
        if cues is None:
            text = document.text if document.text is not None else document.data.decode()
            cues = text_cues(text)
            del text
        document.release_text()
        document.spill()
        trim_memory()
        self.whole_text = document
        done, stamp = self._resumed(document)
        try:
            parts = document.parts(cues)
            for part in parts:
                self.report.warnings.extend(part.warnings)
                if part.part < done:  # stored by a build that was stopped: read, not built
                    continue
                if not self.build_stream(iter([part])):
                    parts.close()
                    return
                self._stored_part(document, stamp, part)
        finally:
            self.whole_text = None

    def _resumed(self, document: PartedDocument) -> tuple[int, str]:
        """How many parts of ``document`` an earlier, stopped build stored (kg/store/resume.py)
        and the stamp that says how this build cuts and builds them."""
        from kg import __version__
        from kg.resources import build_digest
        from kg.store.resume import parts_done

        stamp = (f"kg {__version__} ({build_digest()}); {self.label}; format {GRAPH_FORMAT}; "
                 f"{document.part_chars}")
        if self.store_dir is None or self.options.rebuild:
            return 0, stamp
        done = parts_done(self.store_dir, slug(document.doc_id), sha256=document.sha256,
                          stamp=stamp)
        node, graph = self.minter.document(document.doc_id), self.minter.graph(document.doc_id)
        if done and next(self.store.quads_for_pattern(node, None, None, graph), None) is None:
            done = 0  # the record outlived its graph (dropped since): build it all
        done = min(done, len(document.spans) - 1)  # the last part always comes
        if done:
            self.report.warnings.append(
                f"{document.path}: resuming a build that was stopped: parts 1-{done} of "
                f"{len(document.spans)} are already in the store, building from part "
                f"{done + 1} (this run's counts leave them out)")
        return done, stamp

    def _stored_part(self, document: PartedDocument, stamp: str, part: DocumentPart) -> None:
        """Record a stored part once the store holds it durably; forget the document once
        its last part (with its content hash) is in."""
        if self.store_dir is None:
            return
        from kg.store.resume import PartsDone, record_parts

        key = slug(document.doc_id)
        if part.last:
            record_parts(self.store_dir, key, None)
            return
        self.writer.flush()  # on disk before the record says so
        record_parts(self.store_dir, key, PartsDone(sha256=document.sha256, stamp=stamp,
                                                    done=part.part + 1))

    def _words(self, _doc: SourceDocument, n: int) -> None:
        self.report.words += n

    def finish(self, document: SourceDocument, parsed: Pieces) -> bool:
        """Extract, map and store one document (or one part); False if extraction failed."""
        from kg.extract.document import extract_document

        report, part = self.report, document if isinstance(document, DocumentPart) else None
        graph = self.minter.graph(document.doc_id)
        try:
            result = extract_document(document, parsed, model=self.label,
                                      fact_threshold=self.options.fact_threshold)
            if self.observe is not None:
                self.observe(result)
            quads = map_document(result, self.minter, head=part is None or part.first,
                                 tail=part is None or part.last, whole_text=part is None)
        except Exception as exc:  # a bug on one document must not cost the others
            if os.environ.get("KG_DEBUG"):
                raise
            report.failed += 1
            report.origins.pop(slug(document.doc_id), None)
            report.errors.append(internal_error(document.path, exc))
            if part is not None and not part.first:  # no half-built graph is left behind
                replace_graph(self.store, graph, [])
            if self.progress:
                self.progress(document)
            return False
        del parsed
        whole = self.whole_text
        pieced = part is not None and whole is not None and whole.chars > TEXT_LITERAL_CHARS
        if pieced:  # the whole text in pieces, each with its part (kg.rdf.mapping)
            start, end = whole.bounds()[part.part]
            quads += text_piece_quads(self.minter, document.doc_id, start, end,
                                      document.text[start:end])
        if part is None or (part.first and not part.last):
            written = replace_graph(self.store, graph, quads)
        else:
            written = replace_graph(self.store, graph, []) if part.first else 0
            if part.last and whole is not None and not pieced:  # streamed, never a string
                written += bulk_add_text(self.store, self.minter.document(document.doc_id),
                                         NIF.isString, whole.text_chunks(), graph)
                trim_memory()
            written += add_quads(self.store, quads)  # the tail (content hash) comes last
        quads = None
        if pieced:  # a text piece: counted by its characters too (kg.store.FlushingWriter)
            self.writer.wrote(written, chars=end - start)
        else:
            self.writer.wrote(written)
        report.triples += written
        report.units += len(document.units)
        report.count_entities((e.type.value, e.key) for e in result.entities)
        report.facts += len(result.facts)
        if part is None or part.last:
            report.built += 1
            if self.progress:
                self.progress(document)
        if self.freezer is not None:
            result = None
            self.freezer.boundary()
        return True


def trim_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``) after a
    big free: otherwise the pages of a huge text, freed, still count in the RSS."""
    global _LIBC
    if _LIBC is None:
        import ctypes
        import ctypes.util

        try:
            _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            _LIBC.malloc_trim  # noqa: B018 (glibc only)
        except (OSError, AttributeError):
            _LIBC = False
    if _LIBC:
        _LIBC.malloc_trim(0)


_LIBC = None


def internal_error(path: str, exc: Exception) -> str:
    """One line for a bug hit while extracting one document: what and where."""
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return (f"{path}: internal error while extracting: {type(exc).__name__}: {exc}{where} "
            "(a bug in kg: please report it with this file; KG_DEBUG=1 shows the traceback)")


# Inputs larger than this (in all) are built into a temporary on-disk store for ``-o``:
# the in-memory store takes about 230 MB per MB of news text (docs/reliability.md).
BIG_INPUT_BYTES = 2 * 1024 * 1024


def input_size(sources: list[Source]) -> int | None:
    """The bytes of all sources, or None when one is standard input (not known ahead)."""
    total = 0
    for src in sources:
        size = src.size()
        if size is None:
            return None
        total += size
    return total


def build_to_file(sources: list[Source], output: Path | None, *, fmt,
                  options: BuildOptions | None = None, store_dir: Path | None = None,
                  progress=None, big_input: int = BIG_INPUT_BYTES,
                  entail: bool = False) -> BuildReport:
    """Build into a fresh store (or ``store_dir``) and write ``output`` atomically
    (with what the ontology's alignments entail if ``entail``: ``kg build --entail``).

    Without ``store_dir``, a small input is built in memory; a bigger one (over
    ``big_input`` bytes in all, or standard input) into a temporary on-disk store beside
    ``output``, removed afterwards whatever happens, so the graph is never all in memory.
    """
    from kg.store import open_store

    if store_dir is not None or output is None:
        return _build_and_export(open_store(store_dir), sources, output, fmt=fmt,
                                 options=options, store_dir=store_dir, progress=progress,
                                 entail=entail)
    size = input_size(sources)
    if size is not None and size <= big_input:
        return _build_and_export(open_store(None), sources, output, fmt=fmt, options=options,
                                 progress=progress, entail=entail)
    with temporary_store(output) as folder:
        try:
            return _build_and_export(open_store(folder), sources, output, fmt=fmt,
                                     options=options, progress=progress, entail=entail)
        except BaseException as exc:  # let the store close before its folder goes
            traceback.clear_frames(exc.__traceback__)
            gc.collect()
            raise


def _build_and_export(store: Store, sources: list[Source], output: Path | None, *, fmt,
                      options: BuildOptions | None, store_dir: Path | None = None,
                      progress=None, entail: bool = False) -> BuildReport:
    from kg.store import export_store, read_origins, write_origins

    known = read_origins(store_dir) if store_dir is not None else None
    report = build_into(store, sources, options=options, progress=progress, known=known,
                        store_dir=store_dir)
    if store_dir is not None and known is not None:
        write_origins(store_dir, {**known, **report.origins})
    if output is not None and (report.built or report.unchanged):  # else keep the old file
        export_store(store, output, fmt, entail=entail)
    return report
