"""The embedded pyoxigraph store: open, fill per document, read graph files, write atomically."""

from __future__ import annotations

import contextlib
import errno
import io
import itertools
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store, Triple, parse

from kg.errors import GraphLoadError, OutputError
from kg.formats import GraphFormat
from kg.rdf.vocab import DCT, KG, RDF


def open_store(path: Path | None = None) -> Store:
    """An on-disk store at ``path`` (created if needed) or an in-memory one."""
    if path is None:
        return Store()
    try:
        path.mkdir(parents=True, exist_ok=True)
        return Store(str(path))
    except OSError as exc:
        raise GraphLoadError(f"cannot open the store: {exc}", path=path,
                             hint=_store_hint(exc)) from exc


def _store_hint(exc: OSError) -> str:
    """What to do about a store that cannot be opened or written, from the error itself."""
    text = str(exc).lower()
    if exc.errno == errno.ENOSPC or "no space left" in text:
        return ("the disk is full: free some space, then run the same command again; "
                "the store keeps every document that was finished")
    if "lock" in text:
        return "is another kg process using it? (a store is locked by the process writing it)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or "permission" in text \
            or "read-only" in text:
        return "check that the directory is writable"
    return "check the disk and the directory, then run the same command again"


def store_write_error(exc: OSError, store_dir: Path | str | None = None) -> OutputError:
    """One clear error for a failed write into the store (disk full, I/O error)."""
    return OutputError(f"cannot write to the store: {exc}", path=store_dir,
                       hint=_store_hint(exc))


def replace_graph(store: Store, graph: NamedNode, quads: Iterable[Quad]) -> int:
    """Replace one named graph with ``quads``.

    The new quads go in with ``extend`` (one transaction), so the graph holds its
    document's ``kg:contentHash`` only if it holds every other quad too: a build
    killed between the removal and the insertion leaves the graph missing, and the
    next incremental build rebuilds it instead of skipping it.
    """
    quads = list(quads)
    try:
        if store.contains_named_graph(graph):
            store.remove_graph(graph)
        store.extend(quads)
    except OSError as exc:  # disk full, I/O error: a clear error, not a traceback
        raise store_write_error(exc) from exc
    return len(quads)


def add_quads(store: Store, quads: Iterable[Quad]) -> int:
    """Add ``quads`` to the store in one transaction (a later part of a long document)."""
    quads = list(quads)
    try:
        store.extend(quads)
    except OSError as exc:
        raise store_write_error(exc) from exc
    return len(quads)


# Quads written to an on-disk store between two flushes of its write buffers. RocksDB
# keeps what is written in memtables (64 MB per column family, two of them, and
# Oxigraph has a dozen families) until they fill: a parted build of one 50 MB line
# grew by 22 MB per 50,000-character part until 1.4 GB (docs/reliability.md,
# "Memory"). 100,000 quads take about 100 MB of memtables; one 300,000-character part
# writes about 120,000.
FLUSH_QUADS = 100_000
# Characters of long literals (a long document's text pieces, kg.rdf.mapping) written
# between two flushes, whatever the quads: a part of 300,000 characters with few facts
# writes few quads, and its text piece would sit in the memtables (storing the text
# of a 600 MB file in pieces, five quads a part, unflushed: 412 MiB at the peak against
# 279 MiB for 200 MB; flushed about once a part: 98-99 MiB for both; bench/phases.py).
FLUSH_TEXT_CHARS = 16_000_000


class FlushingWriter:
    """Counts the quads written to ``store`` and flushes it every ``every`` quads, so
    its write buffers hold a bounded amount whatever the build writes.

    A build also flushes once at its end: RocksDB does not write its memtables into
    tables when the process exits, so the next process to open the store replays the
    write-ahead log into memory first (200,000 unflushed quads: a 131 MB log, and 482 MiB
    of peak RSS to open a 15 GB store and read it, against 92 MiB once flushed).
    """

    def __init__(self, store: Store, every: int | None = None,
                 text_every: int | None = None):
        self.store, self.pending, self.flushes, self.text_pending = store, 0, 0, 0
        self.every = FLUSH_QUADS if every is None else every
        self.text_every = FLUSH_TEXT_CHARS if text_every is None else text_every

    def wrote(self, quads: int, *, chars: int = 0) -> None:
        """``quads`` more were written (holding ``chars`` characters of long literals):
        flush once ``every`` quads or ``text_every`` characters have built up."""
        self.pending += quads
        self.text_pending += chars
        if self.pending >= self.every or self.text_pending >= self.text_every:
            self.flush()

    def flush(self) -> None:
        try:
            self.store.flush()  # a no-op for an in-memory store
        except OSError as exc:
            raise store_write_error(exc) from exc
        self.pending = self.text_pending = 0
        self.flushes += 1


def bulk_add_text(store: Store, subject: NamedNode, predicate: NamedNode,
                  text: bytes | Iterable[bytes], graph: NamedNode, *,
                  chunk: int = 2**20) -> int:
    """Add the one quad ``subject predicate "text" graph`` through the bulk loader, the
    text given as UTF-8 bytes (or pieces of them, e.g. read from a file) and streamed
    in, so it never becomes a Python string or a pyoxigraph term here.

    For the whole text of a long document (its ``nif:isString``, up to hundreds of MB).
    ``Literal(text)`` of a 200 MB text held as a two-byte string (400 MB) made a UTF-8
    copy in the string and another in the term (+380 MB), and ``Store.extend`` copied it
    into a transaction, the write-ahead log and a memtable. The bulk loader writes a
    table file; pyoxigraph's N-Quads parser refuses a term over 16 MB, its RDF/XML
    parser does not, so the quad is written as RDF/XML (:class:`_RdfXmlText`). Not
    atomic, so only for a graph that gets its content hash later. Returns 1.
    """
    from pyoxigraph import RdfFormat

    try:
        store.bulk_load(_RdfXmlText(subject.value, predicate.value, text, chunk),
                        format=RdfFormat.RDF_XML, to_graph=graph)
    except OSError as exc:
        raise store_write_error(exc) from exc
    return 1


class _RdfXmlText(io.RawIOBase):
    """A file object reading an RDF/XML document of one statement whose object is the
    long text ``data`` (UTF-8), escaped ``chunk`` bytes at a time as it is read."""

    def __init__(self, subject: str, predicate: str, data: bytes | Iterable[bytes],
                 chunk: int):
        from xml.sax.saxutils import quoteattr

        cut = max(predicate.rfind("#"), predicate.rfind("/")) + 1
        namespace, local = predicate[:cut], predicate[cut:]
        if not re.fullmatch(r"[A-Za-z_][\w.-]*", local):
            raise ValueError(f"no XML name for the predicate {predicate}")
        head = (f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf='
                f'"http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p={quoteattr(namespace)}>'
                f"<rdf:Description rdf:about={quoteattr(subject)}><p:{local}>")
        tail = f"</p:{local}></rdf:Description></rdf:RDF>\n"
        pieces = ((data[i:i + chunk] for i in range(0, len(data), chunk))
                  if isinstance(data, bytes | bytearray | memoryview) else data)
        self._pieces = itertools.chain(
            [head.encode("utf-8")], (_xml_escaped(p) for p in pieces),
            [tail.encode("utf-8")])
        self._buf, self._at = memoryview(b""), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._at >= len(self._buf):
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._buf, self._at = memoryview(piece), 0
        n = min(len(buffer), len(self._buf) - self._at)
        buffer[:n] = self._buf[self._at:self._at + n]
        self._at += n
        return n


def _xml_escaped(data: bytes) -> bytes:
    """UTF-8 text as XML character data; a carriage return as a reference, since an XML
    parser turns a written one (and CR LF) into a line feed."""
    return (data.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")
            .replace(b"\r", b"&#13;"))


def scratch_dir(output: Path | None) -> str | None:
    """Where temporary files for ``output`` go: beside it (the same disk as the result),
    or the system's temporary folder for standard output, a device or an unusable folder."""
    if output is None or str(output) == "-":
        return None
    folder = Path(os.path.realpath(output)).parent
    if os.path.exists(output) and not os.path.isfile(output):
        return None
    existing = next(p for p in (folder, *folder.parents) if p.exists())  # made if need be
    return str(folder) if os.access(existing, os.W_OK) else None


@contextlib.contextmanager
def temporary_store(output: Path | None) -> Iterator[Path]:
    """A new directory for an on-disk store that only this build uses, beside ``output``
    (see :func:`scratch_dir`), removed afterwards, also after an error or Ctrl-C.

    The caller opens the store in it and drops every reference to it before the block
    ends (a RocksDB store must be closed before its files go).
    """
    folder = scratch_dir(output)
    if folder is not None:
        Path(folder).mkdir(parents=True, exist_ok=True)
    try:
        path = Path(tempfile.mkdtemp(prefix=".kg-build-", suffix=".store", dir=folder))
    except OSError as exc:
        raise OutputError(f"cannot make a temporary store: {exc.strerror or exc}",
                          path=folder or tempfile.gettempdir(),
                          hint="the graph of a big input is sorted on disk before it is "
                               "written; free some space or set TMPDIR") from exc
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


ORIGINS_FILE = "kg-sources.json"


def read_origins(store_dir: Path) -> dict[str, str]:
    """Which source file each document id of an on-disk store was built from.

    Kept beside the store's own files (``kg-sources.json``) so that a file with the
    same name as another, built later, is refused instead of replacing its graph.
    A missing or unreadable record is empty: the ids' origins are then unknown.
    """
    try:
        data = json.loads((store_dir / ORIGINS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items()}


def write_origins(store_dir: Path, origins: dict[str, str]) -> None:
    """Write the record of origins (atomically); a failure only loses the record."""
    text = json.dumps(dict(sorted(origins.items())), ensure_ascii=False, indent=0)
    with contextlib.suppress(OSError):
        write_atomic(store_dir / ORIGINS_FILE, lambda fh: fh.write(text.encode("utf-8")))


def stored_hash(store: Store, graph: NamedNode, document: NamedNode) -> str | None:
    """The ``kg:contentHash`` a document's named graph holds, or None if it has none."""
    for quad in store.quads_for_pattern(document, KG.contentHash, None, graph):
        return quad.object.value
    return None


def stored_format(store: Store, graph: NamedNode, document: NamedNode) -> int:
    """The ``kg:graphFormat`` a document's named graph holds (0 for a graph older than it)."""
    for quad in store.quads_for_pattern(document, KG.graphFormat, None, graph):
        try:
            return int(quad.object.value)
        except ValueError:
            return 0
    return 0


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
        from kg.ingest.sources import document_id

        candidate = document_id(Path(key).name)
        doc_id = candidate if candidate in by_id else None
    if doc_id is None:
        known = ", ".join(sorted(by_id)[:10]) or "none"
        raise GraphLoadError(f"no stored document {key!r}",
                             hint=f"give a document id or its source path; stored: {known}")
    try:
        store.remove_graph(by_id[doc_id])
    except OSError as exc:
        raise store_write_error(exc) from exc
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


def serialize_store(store: Store, fmt: GraphFormat, output, *, workdir: str | None = None,
                    entail: bool = False) -> None:
    """Write the whole store in bounded memory (kg/store/export.py); triple formats get
    the union of all graphs. ``workdir``: where the sort's temporary runs go. JSON-LD is
    compact, with kg's context (kg/store/jsonld.py); RDF/XML is written by
    kg/store/rdfxml.py. ``entail`` adds what the ontology's alignments entail
    (``--entail``: the ``sem:``/``schema:``/``org:``/``prov:`` types and super-properties)
    to each graph.
    """
    from kg.store.export import serialize_store as write

    write(store, fmt, output, workdir=workdir, entail=entail)


def write_atomic(path: Path, writer) -> None:
    """Call ``writer(binary_file)`` on a temporary file, then rename it over ``path``.

    An interrupted write leaves the previous file untouched. The new file gets the mode
    of the file it replaces, or the one the umask gives a new file (as ``open`` would).
    ``-`` is standard output; a device, FIFO or other non-regular file (``/dev/stdout``)
    is written through; a symbolic link is kept and its target replaced.
    """
    if str(path) == "-":
        writer(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    try:
        info = os.stat(path)  # through links: /dev/stdout leads to a pipe or a terminal
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        with open(path, "wb") as fh:  # a device or pipe: nothing to rename over
            writer(fh)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            if info is not None and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                with contextlib.suppress(OSError):  # keep the owner where we may
                    os.fchown(fh.fileno(), info.st_uid, info.st_gid)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process umask: from /proc on Linux, else by setting it and back (no getter)."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        with open("/proc/self/status", encoding="ascii") as fh:
            line = next(ln for ln in fh if ln.startswith("Umask:"))
        return int(line.split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current


def export_store(store: Store, path: Path, fmt: GraphFormat, *, entail: bool = False) -> None:
    workdir = scratch_dir(path)
    try:
        write_atomic(path, lambda fh: serialize_store(store, fmt, fh, workdir=workdir,
                                                      entail=entail))
    except OSError as exc:
        raise OutputError(f"cannot write the graph: {exc.strerror or exc}", path=path) from exc
