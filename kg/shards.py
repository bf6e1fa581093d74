"""Partitions and N-Quads shards: the unit of work of a distributed build.

Documents are cut into partitions by their content hashes (a partition ends after a
document whose hash is 0 modulo the target size, or at a hard cap), so adding one
article to an archive changes one partition, not every one after it. A partition's
shard is named from the hashes of its documents and the build's settings: a rerun
finds the shards already written and skips them, and a task run twice (a worker
killed, Dask retrying) writes the same name. A shard is written to a temporary name
and moved into place, then its manifest (the partition's counts and messages) is
written beside it; the manifest marks the shard finished. Temporary names carry the
build run's id, so a run removes what its killed workers left (:func:`remove_temps`)
and never a file that another build, still running, is writing.

Entity IRIs are pure functions of entity keys (kg/rdf/iri.py), so shards built apart
share every entity node with no global pass (docs/scaling.md).
"""

from __future__ import annotations

import contextlib
import gc
import gzip
import hashlib
import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from kg.formats import ShardCompression
from kg.ingest.raw import RawDocument
from kg.limits import DEFAULT_PARTITION_DOCS

MANIFEST_SUFFIX = ".json"
INDEX = "shards.json"  # the shards of the latest build, for `kg load --shards`
SHARD_PREFIX = "part-"
TEMP_SUFFIX = ".tmp"
GZIP_LEVEL = 6  # zlib's default: level 9 costs about twice the CPU for 5 % smaller shards
DEFAULT_PARTITION_BYTES = 4 * 2**20  # a partition is cut at this much text whatever the hashes


@dataclass(slots=True)
class Partition:
    """Documents built together into one shard."""

    key: str  # hex digest of the settings and the documents' ids and hashes
    documents: list[RawDocument]

    def name(self, compression: ShardCompression) -> str:
        return f"{SHARD_PREFIX}{self.key[:24]}{compression.suffix}"

    @property
    def words_hint(self) -> int:
        return sum(d.size for d in self.documents) // 6


@dataclass(slots=True)
class ShardResult:
    """What building one partition did (also the shard's manifest)."""

    shard: str
    documents: int = 0
    built: int = 0
    failed: int = 0
    units: int = 0
    facts: int = 0
    triples: int = 0
    words: int = 0
    bytes: int = 0
    seconds: float = 0.0
    attempt: str = ""  # which worker wrote it
    entity_keys: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> ShardResult:
        obj = json.loads(data)
        obj["entity_keys"] = [tuple(k) for k in obj.get("entity_keys", [])]
        return cls(**obj)


def settings_fingerprint(options) -> str:
    """What besides the documents decides a shard's content: kg's version, the model,
    the base IRI, the knowledge-base files' bytes, the text limits and the fact filter's
    threshold."""
    from pathlib import Path

    from kg import __version__

    kb = [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in options.kb_files]
    return json.dumps({"kg": __version__, "model": options.model, "base": options.base_iri,
                       "kb": kb, "max_chars": options.max_chars,
                       "part_chars": options.part_chars,
                       "fact_threshold": options.fact_threshold}, sort_keys=True)


def partitions(documents: Iterator[RawDocument], *, fingerprint: str,
               docs: int = DEFAULT_PARTITION_DOCS,
               max_bytes: int = DEFAULT_PARTITION_BYTES) -> Iterator[Partition]:
    """Cut ``documents`` into partitions at content-defined boundaries (module docstring)."""
    docs = max(1, docs)
    batch: list[RawDocument] = []
    size = 0
    for doc in documents:
        batch.append(doc)
        size += doc.size
        if int(doc.sha256[:12], 16) % docs == 0 or len(batch) >= 4 * docs or size >= max_bytes:
            yield _partition(batch, fingerprint)
            batch, size = [], 0
    if batch:
        yield _partition(batch, fingerprint)


def _partition(documents: list[RawDocument], fingerprint: str) -> Partition:
    digest = hashlib.sha256(fingerprint.encode("utf-8"))
    for doc in documents:
        digest.update(f"\n{doc.doc_id}\t{doc.sha256}".encode())
    return Partition(key=digest.hexdigest(), documents=documents)


# -- worker side ---------------------------------------------------------------------------
_LOCAL = threading.local()  # one model per worker thread (spaCy is not shared across threads)


def _model(options):
    """The loaded model for ``options``, loaded once per worker thread."""
    key = (options.model, tuple(options.kb_files))
    cached = getattr(_LOCAL, "model", None)
    if cached is None or cached[0] != key:
        from kg.nlp.model import model_label
        from kg.nlp.pipeline import build_nlp

        nlp = build_nlp(options.model, kb_files=options.kb_files)
        gc.freeze()  # the model lives as long as the worker: keep the cyclic collector off it
        _LOCAL.model = cached = (key, nlp, model_label(nlp))
    return cached[1], cached[2]


def build_partition(partition: Partition, *, options, output: str, run: str,
                    compression: ShardCompression = ShardCompression.GZIP) -> ShardResult:
    """Parse, extract and map a partition's documents into one N-Quads shard under
    ``output`` (an fsspec URL); runs on a Dask worker. ``run``: the build run's id, in
    the temporary file's name. Returns its manifest."""
    import fsspec
    from pyoxigraph import RdfFormat, Store, serialize

    from kg.build import BuildReport, DocumentBuilder, parse_raw
    from kg.errors import KgError
    from kg.rdf.iri import IriMinter

    started = time.perf_counter()
    fs, root = fsspec.core.url_to_fs(output)
    name = partition.name(compression)
    result = ShardResult(shard=name, documents=len(partition.documents))
    report = BuildReport()
    parsed = []
    for raw in partition.documents:
        try:
            doc = parse_raw(raw, part_chars=options.part_chars)
        except KgError as exc:
            report.failed += 1
            report.errors.append(str(exc))
            continue
        report.warnings.extend(raw.notes)
        report.warnings.extend(doc.warnings)
        parsed.append(doc)
    nlp, label = _model(options)
    minter = IriMinter(options.base_iri) if options.base_iri else IriMinter()
    temp = f"{root}/{temp_name(name, run)}"
    store = Store()
    try:
        with fs.open(temp, "wb") as raw_out:
            sink = gzip.GzipFile(fileobj=raw_out, mode="wb", mtime=0,
                                 compresslevel=GZIP_LEVEL) if (
                compression is ShardCompression.GZIP) else raw_out

            def flush(_document) -> None:  # each finished document's quads out, then forgotten
                serialize(store, sink, RdfFormat.N_QUADS)
                store.clear()

            DocumentBuilder(store, nlp, label, minter, options, report, flush).build(
                iter(parsed))
            if sink is not raw_out:
                sink.close()
        fs.mv(temp, f"{root}/{name}")
    except BaseException:  # an error in this task: no temporary file left behind for it
        _remove(fs, temp)
        raise
    result.built, result.failed = report.built, report.failed
    result.units, result.facts, result.triples = report.units, report.facts, report.triples
    result.words, result.errors, result.warnings = report.words, report.errors, report.warnings
    result.entity_keys = sorted(report.entity_keys)
    result.bytes = fs.size(f"{root}/{name}")
    result.seconds = time.perf_counter() - started
    result.attempt = f"{_host()}:{_pid()}"
    with fs.open(f"{root}/{name}{MANIFEST_SUFFIX}", "wb") as fh:
        fh.write(result.to_json())
    return result


def _host() -> str:
    import socket

    return socket.gethostname()


def _pid() -> int:
    import os

    return os.getpid()


def _remove(fs, path: str) -> None:
    with contextlib.suppress(OSError):  # FileNotFoundError included: already gone
        fs.rm(path)


# -- temporary files -----------------------------------------------------------------------
def new_run_id() -> str:
    """A build run's id: 12 random hex digits, in the name of every temporary file of it."""
    return uuid.uuid4().hex[:12]


def temp_name(target: str, run: str) -> str:
    """A hidden temporary name for ``target`` written by build run ``run`` (one per
    attempt: a task run again after its worker died writes a file of its own)."""
    return f".{target}.{run}.{uuid.uuid4().hex[:12]}{TEMP_SUFFIX}"


def temp_run(name: str) -> str | None:
    """The run id in a temporary file's name (:func:`temp_name`), or None."""
    if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
        return None
    fields = name[1:-len(TEMP_SUFFIX)].rsplit(".", 2)
    return fields[1] if len(fields) == 3 else None


def remove_temps(fs, root: str, run: str) -> int:
    """Remove the temporary files of build run ``run`` under ``root``: what a worker
    killed while writing left, and an attempt that failed. Another run's files are
    left alone (that build may still be writing them). Returns how many went."""
    try:
        names = listing(fs, root)
    except OSError:
        return 0
    gone = 0
    for name in sorted(names):
        if temp_run(name) == run:
            _remove(fs, f"{root}/{name}")
            gone += 1
    return gone


# -- parent side ---------------------------------------------------------------------------
def listing(fs, root: str) -> set[str]:
    """The file names in ``root``, listed once (an object store answers each ``exists``
    with a request: 25,000 shards would be 50,000 of them)."""
    return {p.rsplit("/", 1)[-1] for p in fs.ls(root, detail=False)}


def finished(fs, root: str, name: str, present: set[str] | None = None) -> ShardResult | None:
    """The manifest of a finished shard, or None if it must be built (again).
    ``present``: the folder's :func:`listing`, if already made."""
    manifest = f"{root}/{name}{MANIFEST_SUFFIX}"
    try:
        if present is not None:
            if name not in present or f"{name}{MANIFEST_SUFFIX}" not in present:
                return None
        elif not fs.exists(manifest) or not fs.exists(f"{root}/{name}"):
            return None
        with fs.open(manifest, "rb") as fh:
            return ShardResult.from_json(fh.read())
    except (OSError, ValueError, TypeError):
        return None  # a manifest cut short: build the shard again


def write_index(fs, root: str, names: list[str], *, run: str) -> None:
    """Record which shards make up the latest build (written whole, then moved): shards
    of documents that changed since are left in the folder but are not part of it."""
    temp = f"{root}/{temp_name(INDEX, run)}"
    with fs.open(temp, "wb") as fh:
        fh.write(json.dumps({"shards": sorted(names)}, indent=1).encode("utf-8"))
    fs.mv(temp, f"{root}/{INDEX}")


def shard_files(fs, root: str) -> tuple[list[str], list[str]]:
    """The shards to load under ``root`` and the stale ones: those the index lists (all
    finished ones when there is no index), and the finished ones it does not list."""
    names = sorted(p.rsplit("/", 1)[-1] for p in fs.ls(root, detail=False))
    present = set(names)
    done = [n for n in names if n.startswith(SHARD_PREFIX) and n.endswith((".nq", ".nq.gz"))
            and f"{n}{MANIFEST_SUFFIX}" in present]
    if INDEX not in present:
        return [f"{root}/{n}" for n in done], []
    with fs.open(f"{root}/{INDEX}", "rb") as fh:
        listed = set(json.loads(fh.read())["shards"])
    missing = sorted(listed - set(done))
    if missing:
        from kg.errors import LoadError

        raise LoadError(f"{len(missing)} shard(s) of the latest build are missing or "
                        f"unfinished, e.g. {missing[0]}", path=root,
                        hint="run the same kg build again: it builds only those")
    return ([f"{root}/{n}" for n in done if n in listed],
            [f"{root}/{n}" for n in done if n not in listed])


@dataclass(slots=True)
class ShardLoadReport:
    """What ``kg load --shards`` did."""

    files: int = 0
    quads: int = 0  # quads added to the store
    bytes: int = 0  # of the shard files as stored (compressed or not)
    seconds: float = 0.0
    stale: list[str] = field(default_factory=list)  # shards of earlier builds, not loaded


def load_shards(shards: str, store_dir, *, progress=None) -> ShardLoadReport:
    """Bulk-load the latest build's shards under ``shards`` (a folder or fsspec URL) into
    the on-disk store ``store_dir`` with pyoxigraph's bulk loader (no transaction log,
    several threads; a quad already there is not added twice, so a rerun is harmless)."""
    import fsspec
    from pyoxigraph import RdfFormat

    from kg.errors import LoadError
    from kg.store import open_store

    started = time.perf_counter()
    fs, root = fsspec.core.url_to_fs(shards)
    if not fs.isdir(root):
        raise LoadError("not a folder of shards", path=shards,
                        hint="give the -o folder of `kg build --executor dask`")
    files, stale = shard_files(fs, root)
    if not files:
        raise LoadError("the folder holds no finished shard", path=shards,
                        hint="build one with `kg build SOURCES --executor dask -o DIR`")
    report = ShardLoadReport(stale=stale)
    store = open_store(store_dir)
    before = len(store)
    for path in files:
        try:
            with fs.open(path, "rb", compression="infer") as fh:
                store.bulk_load(fh, format=RdfFormat.N_QUADS)
        except (SyntaxError, OSError, EOFError, ValueError) as exc:
            raise LoadError(f"cannot load the shard: {exc}", path=path,
                            hint="delete it and its .json manifest, then run the same kg "
                                 "build again to rebuild it") from exc
        report.files += 1
        report.bytes += fs.size(path)
        if progress:
            progress(path)
    store.flush()
    report.quads = len(store) - before
    report.seconds = time.perf_counter() - started
    del store
    return report
