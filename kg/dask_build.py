"""``kg build --executor dask``: partitions built on a Dask cluster into N-Quads shards.

The parent process reads and names the documents (kg/ingest/raw.py: read, hash,
de-duplicate; cheap), cuts them into partitions (kg/shards.py) and submits one task
per partition that has no finished shard yet. Workers parse, extract and map, each
loading the model once, and write their shard straight to the output (any fsspec URL
the workers reach). Only a few partitions per worker are in flight, so the parent's
memory stays flat however large the archive. A worker that dies mid-task loses
nothing: the scheduler runs the task again elsewhere, and the shard is only moved
into place whole; the temporary files of the run (named with its id) are removed at its
end, whether it succeeded or not. See docs/scaling.md.

Standard input over ``kg.ingest.stream.STREAM_BYTES`` and an archive record too long to
read whole are spooled to a temporary file by the parent, as in a local build
(kg/ingest/spool.py, kg/ingest/jsonstream.py), and a worker reads the file as a stream;
the parent keeps the file until its partition is finished. That needs the workers to
share the parent's temporary folder: on a cluster of kg's own (LocalCluster) they do;
with ``--scheduler``, standard input is read whole as before (and a long record's text
fails with a message saying why).
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from kg.errors import KgError
from kg.formats import ShardCompression
from kg.ingest.sources import Source
from kg.limits import DEFAULT_PARTITION_DOCS
from kg.shards import (
    ShardResult,
    build_partition,
    finished,
    listing,
    new_run_id,
    partitions,
    remove_temps,
    settings_fingerprint,
    write_index,
)

IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker thread: busy workers, bounded memory
TASK_RETRIES = 2  # an exception in a task (not a dead worker: the scheduler handles those)

# Dask settings for the LocalCluster kg starts. kg's tasks are few and long (a partition
# takes a minute), so Dask's defaults for many short tasks cost CPU for nothing: its event
# loops check their latency every 20 ms, a worker samples its task's stack every 10 ms
# (the dashboard's profile) and measures memory every 100 ms; together about 6 % of a core
# on an idle 1-worker cluster here (3.5 CPU s a minute; 0.6 s with these settings).
# MALLOC_TRIM_THRESHOLD_=65536, which Dask sets for its workers, makes glibc hand freed
# memory back and fault it in again as spaCy allocates: 4 of the 8 CPU seconds a 1-worker
# build of 100,000 words spent over `kg build --jobs 1` (docs/scaling.md).
CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.scheduler.active-memory-manager.start": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """Where and how a distributed build runs (``kg build --executor dask ...``)."""

    workers: int | None = None  # a LocalCluster of this many worker processes
    scheduler: str | None = None  # or an existing cluster's scheduler, tcp://HOST:PORT
    compression: ShardCompression = ShardCompression.GZIP
    partition_docs: int = DEFAULT_PARTITION_DOCS
    dashboard: bool = True
    rebuild: bool = False  # build every partition again, finished shards too


@dataclass(slots=True)
class ShardReport:
    """What a distributed build did: a :class:`kg.build.BuildReport`'s counts, plus shards."""

    documents: int = 0
    built: int = 0
    skipped: int = 0
    failed: int = 0
    bad_records: int = 0
    units: int = 0
    entities: int = 0
    facts: int = 0
    triples: int = 0
    words: int = 0
    words_built: int = 0  # of ``words``: in the shards this run built (for its rate)
    seconds: float = 0.0
    shards: int = 0
    shards_reused: int = 0  # finished by an earlier run: skipped
    shard_bytes: int = 0
    dashboard: str | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entity_keys: set[tuple[str, str]] = field(default_factory=set)

    def add(self, result: ShardResult, *, reused: bool) -> None:
        self.shards += 1
        self.shards_reused += reused
        self.built += result.built
        self.failed += result.failed
        self.units += result.units
        self.facts += result.facts
        self.triples += result.triples
        self.words += result.words
        self.words_built += 0 if reused else result.words
        self.shard_bytes += result.bytes
        self.errors.extend(result.errors)
        self.warnings.extend(result.warnings)
        self.entity_keys.update(result.entity_keys)
        self.entities = len(self.entity_keys)


@contextlib.contextmanager
def dask_client(options: DaskOptions) -> Iterator:
    """A ``distributed.Client`` on a new LocalCluster or on ``options.scheduler``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover (a dependency of kg)
        raise KgError("dask.distributed is not installed",
                      hint="pip install 'dask[distributed]'") from exc
    if options.scheduler is not None:
        try:
            client = Client(options.scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise KgError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}",
                          hint="start it with `dask scheduler` and give its tcp://HOST:PORT"
                          ) from exc
        with client:
            yield client
        return
    import dask

    # ":0": a free port (8787 may be another user's); the plots need bokeh installed
    with dask.config.set(CLUSTER_CONFIG), \
            LocalCluster(n_workers=options.workers or 1, threads_per_worker=1, processes=True,
                         dashboard_address=":0" if options.dashboard else None,
                         silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


def build_shards(sources: list[Source], output: str, *, options, dask: DaskOptions,
                 progress: Callable[[int, int], None] | None = None,
                 on_start: Callable[[ShardReport], None] | None = None,
                 client=None) -> ShardReport:
    """Build ``sources`` into N-Quads shards under ``output`` (a folder or fsspec URL).

    ``options`` is a :class:`kg.build.BuildOptions`; ``progress(documents_done,
    words_done)`` is called as partitions finish; ``on_start`` once the cluster is up
    (the report then carries the dashboard address). ``client``: an existing
    ``distributed.Client`` to use instead of starting one.
    """
    import fsspec

    from kg.build import BuildReport
    from kg.ingest.raw import raw_documents

    started = time.perf_counter()
    fs, root = fsspec.core.url_to_fs(output)
    try:
        fs.makedirs(root, exist_ok=True)
    except OSError as exc:
        raise KgError(f"cannot create the output folder: {exc}", path=output) from exc
    from kg.ingest import stream

    report = ShardReport()
    reading = BuildReport()  # what the reading stage skipped and why
    # workers on this machine read a spooled standard input from the temporary folder
    spool_over = stream.STREAM_BYTES if dask.scheduler is None else None
    spools: dict[str, object] = {}  # a document's name -> its temporary file, held here
    raws = _holding(raw_documents(sources, reading, max_bytes=options.max_bytes,
                                  published=options.published, fields=options.fields,
                                  spool_over=spool_over), spools)
    parts = partitions(raws, fingerprint=settings_fingerprint(options),
                       docs=dask.partition_docs)
    run = new_run_id()
    try:
        with contextlib.ExitStack() as stack:
            def connect():  # the cluster starts only when a partition needs building
                nonlocal client
                if client is None:
                    client = stack.enter_context(dask_client(dask))
                if report.dashboard is None and dask.dashboard:
                    report.dashboard = _dashboard(client)
                if on_start:
                    on_start(report)
                return client

            names = _run(connect, parts, fs, root, output, options, dask, report, progress,
                         run=run, spools=spools)
        write_index(fs, root, names, run=run)
    finally:  # after the cluster closed: what killed workers and failed attempts left
        remove_temps(fs, root, run)
        _release(list(spools.values()))
    report.skipped = reading.skipped
    report.failed += reading.failed
    report.bad_records = reading.bad_records
    report.errors[:0] = reading.errors
    report.warnings[:0] = reading.warnings
    report.seconds = time.perf_counter() - started
    return report


def _holding(raws: Iterator, spools: dict) -> Iterator:
    """The raw documents, each spooled one's temporary file taken into ``spools`` (the
    document sent to a worker carries the file's path, not the object that removes it)."""
    for raw in raws:
        if raw.spool is not None:
            spools[raw.name] = raw.spool
            raw.drop_spool()
        yield raw


def _release(held: list) -> None:
    """Remove the temporary files ``held`` (spools whose partition is finished)."""
    for spool in held:
        spool.remove()


def _dashboard(client) -> str | None:
    """The dashboard's address, with a word when its plots cannot be drawn."""
    try:
        link = client.dashboard_link
    except (KeyError, AttributeError):
        return None
    if not importlib.util.find_spec("bokeh"):
        return f"{link} (its plots need bokeh: pip install bokeh)"
    return link


def _run(connect, parts, fs, root: str, output: str, options, dask: DaskOptions,
         report: ShardReport, progress, *, run: str, spools: dict | None = None) -> list[str]:
    """Submit the partitions without a finished shard, a few per worker at a time;
    returns the names of every shard of this build. ``spools``: the temporary files of
    spooled documents, each removed once its partition is finished."""
    spools = {} if spools is None else spools
    from distributed import as_completed

    client = None
    limit = 2
    names: list[str] = []
    present = listing(fs, root)
    pending = None
    in_flight: dict[str, tuple[str, int, list]] = {}  # key -> (shard, documents, spools)
    done_docs = 0

    def collect(future) -> None:
        nonlocal done_docs
        name, count, held = in_flight.pop(future.key)
        try:
            result: ShardResult = future.result()
        except Exception as exc:  # retries spent, or a worker died on it again and again
            result = ShardResult(shard=name, documents=count, failed=count,
                                 errors=[f"{name}: the partition of {count} documents failed "
                                         f"on the cluster: {type(exc).__name__}: {exc}; run "
                                         "the same build again to retry it"])
        future.release()
        _release(held)
        report.add(result, reused=False)
        done_docs += result.documents
        if progress:
            progress(done_docs, report.words)

    for part in parts:
        report.documents += len(part.documents)
        name = part.name(dask.compression)
        names.append(name)
        held = [spools.pop(d.name) for d in part.documents if d.name in spools]
        earlier = None if dask.rebuild else finished(fs, root, name, present)
        if earlier is not None:
            _release(held)
            report.add(earlier, reused=True)
            done_docs += earlier.documents
            if progress:
                progress(done_docs, report.words)
            continue
        if client is None:
            client = connect()
            limit = max(2, (sum(client.nthreads().values()) or 1) * IN_FLIGHT_PER_WORKER)
            pending = as_completed()
        future = client.submit(build_partition, part, options=options, output=output,
                               compression=dask.compression, run=run,
                               key=f"kg-shard-{part.key}",
                               retries=TASK_RETRIES, pure=False)
        in_flight[future.key] = (name, len(part.documents), held)
        pending.add(future)
        while len(in_flight) >= limit:
            collect(next(pending))
    for future in pending or ():
        collect(future)
    return names
