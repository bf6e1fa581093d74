"""A query worker: one child process of ``kg serve`` that runs SPARQL over the store.

pyoxigraph evaluates a query in Rust, where a Python thread cannot interrupt it. So
queries run here, in a process the server can kill: on a timeout, when the client goes
away, or when it grows past its memory limit. The limit is also set on the process itself
(``RLIMIT_DATA``): an allocation past it fails and the worker dies at once, whatever
the query is doing. The worker dies with its parent (``PR_SET_PDEATHSIG``), so a
killed ``kg serve`` leaves no worker behind.

Protocol, over stdin/stdout: one JSON request a line; the answer is one JSON header
line (``{"ok": true, "bytes": N, ...}``) followed by N bytes of payload. The worker
writes ``ready`` once its store is open.

    python -m kg.explorer.worker --store DIR [--writable] [--memory-mb N]
    python -m kg.explorer.worker --load GRAPH --into DIR     (fill a store, then exit)
    python -m kg.explorer.worker --janitor DIR   (remove DIR when kg serve is gone)
    python -m kg.explorer.worker --flush DIR     (write a store's log into its tables)

This module must not import spaCy (``kg serve`` is a read-only command).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import io
import json
import os
import resource
import signal
import sys
from pathlib import Path
from typing import Any

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
)

from kg.errors import KgError, QueryError
from kg.explorer.sparql import refuse_service
from kg.rdf.vocab import PREFIXES

_PR_SET_PDEATHSIG = 1

# Result formats of the SPARQL protocol: media type -> pyoxigraph format.
RESULT_FORMATS: dict[str, QueryResultsFormat] = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "application/xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/trig": RdfFormat.TRIG,
    "application/n-quads": RdfFormat.N_QUADS,
}


class ResultTooLarge(Exception):
    """The serialised result passed its byte limit."""


class _Capped(io.RawIOBase):
    """A byte sink that refuses to hold more than ``limit`` bytes."""

    def __init__(self, limit: int):
        self.buffer = bytearray()
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if len(self.buffer) + len(data) > self.limit:
            raise ResultTooLarge()
        self.buffer += data
        return len(data)


def encode_term(term: Any) -> list | None:
    """A term as JSON: ["i", iri], ["b", id], ["l", value, datatype, lang], ["t", s, p, o]."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return ["i", term.value]
    if isinstance(term, BlankNode):
        return ["b", term.value]
    if isinstance(term, Literal):
        return ["l", term.value, term.datatype.value, term.language]
    if isinstance(term, Triple):
        return ["t", encode_term(term.subject), encode_term(term.predicate),
                encode_term(term.object)]
    return ["l", str(term), None, None]


def decode_term(cell: list) -> NamedNode | Literal | BlankNode:
    """The inverse of :func:`encode_term` for the terms a parameter can be."""
    kind = cell[0]
    if kind == "i":
        return NamedNode(cell[1])
    if kind == "b":
        return BlankNode(cell[1])
    if kind == "l":
        if cell[3]:
            return Literal(cell[1], language=cell[3])
        return Literal(cell[1], datatype=NamedNode(cell[2]) if cell[2] else None)
    raise QueryError(f"a parameter cannot be a {kind!r} term")


class Worker:
    """Runs the requests of one ``kg serve`` over one store."""

    def __init__(self, store: Store, *, writable: bool = False):
        self.store = store
        self.writable = writable

    def handle(self, request: dict) -> tuple[dict, bytes]:
        op = request.get("op")
        try:
            if op == "library":
                results = self._library(request)
            elif op == "sparql":
                results = self._sparql(request)
            elif op == "update":
                return self._update(request)
            else:
                return {"ok": False, "error": f"unknown request {op!r}", "kind": "bad"}, b""
            if request.get("format"):
                return self._serialise(results, request["format"], int(request["max_bytes"]))
            if request.get("plain"):  # values alone, serialised by the engine (fast)
                header, payload = self._serialise(results, "text/csv",
                                                  int(request["max_bytes"]))
                return {**header, "kind": "csv"}, payload
            return self._rows(results, int(request.get("max_rows", 10_000)))
        except KgError as exc:
            return {"ok": False, "error": exc.message, "hint": exc.hint, "kind": "query"}, b""
        except SyntaxError as exc:
            return {"ok": False, "error": f"SPARQL syntax error: {exc}", "kind": "query"}, b""
        except ResultTooLarge:
            return {"ok": False, "kind": "too-large",
                    "error": f"the result is larger than {request['max_bytes']} bytes"}, b""
        except (OSError, RuntimeError, ValueError, TypeError) as exc:
            return {"ok": False, "error": f"query failed: {exc}", "kind": "query"}, b""

    def _library(self, request: dict):
        from kg.query import find_query, parse_query_file, run_query

        path = request.get("path")
        query = parse_query_file(Path(path)) if path else find_query(request["name"])
        return run_query(self.store, query, request.get("params") or {})

    def _sparql(self, request: dict):
        text = request["sparql"]
        if not request.get("allow_service"):
            refuse_service(text)
        subs = {Variable(k): decode_term(v) for k, v in (request.get("bind") or {}).items()}
        return self.store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES,
                                substitutions=subs or None)

    def _update(self, request: dict) -> tuple[dict, bytes]:
        if not self.writable:
            return {"ok": False, "error": "the store is read-only", "kind": "refused"}, b""
        if not request.get("allow_service"):
            refuse_service(request["sparql"])
        self.store.update(request["sparql"], prefixes=PREFIXES)
        self.store.flush()
        return {"ok": True, "kind": "update", "bytes": 0}, b""

    @staticmethod
    def _rows(results, max_rows: int) -> tuple[dict, bytes]:
        """The answer as JSON, each row encoded as it is read (no list of every row is
        held)."""
        if isinstance(results, QueryBoolean):
            payload = json.dumps({"boolean": bool(results)}).encode()
            return {"ok": True, "kind": "ask", "bytes": len(payload)}, payload
        if isinstance(results, QuerySolutions):
            names = [v.value for v in results.variables]
            kind, rows = "select", results
        else:
            assert isinstance(results, QueryTriples)
            names = ["subject", "predicate", "object"]
            kind = "graph"
            rows = ((t.subject, t.predicate, t.object) for t in results)
        encode = encode_term
        dumps = json.JSONEncoder(separators=(",", ":")).encode
        body = bytearray(b'{"vars":' + dumps(names).encode() + b',"rows":[')
        truncated = False
        for n, row in enumerate(rows):
            if n >= max_rows:
                truncated = True
                break
            if n:
                body += b","
            body += dumps([encode(t) for t in row]).encode()
        body += b'],"truncated":' + (b"true" if truncated else b"false") + b"}"
        payload = bytes(body)
        return {"ok": True, "kind": kind, "bytes": len(payload)}, payload

    @staticmethod
    def _serialise(results, media_type: str, max_bytes: int) -> tuple[dict, bytes]:
        sink = _Capped(max_bytes)
        if isinstance(results, QueryTriples):
            fmt = GRAPH_FORMATS.get(media_type, RdfFormat.N_TRIPLES)
            results.serialize(sink, fmt)
            media_type = fmt.media_type
        else:
            rfmt = RESULT_FORMATS.get(media_type, QueryResultsFormat.JSON)
            results.serialize(sink, rfmt)
            media_type = rfmt.media_type
        payload = bytes(sink.buffer)
        return {"ok": True, "kind": "serialised", "media_type": media_type,
                "bytes": len(payload)}, payload


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies; exit if it already has."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(0)


def _status_bytes(field: str) -> int:
    """A size from /proc/self/status (VmData, VmRSS), in bytes; 0 if unknown."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def _limit_memory(megabytes: int) -> None:
    """Let a query allocate ``megabytes`` more than the worker holds once its store is open
    (what opening a store takes depends on the store, not on the query)."""
    if megabytes > 0:
        limit = _status_bytes("VmData") + megabytes * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def serve_requests(worker: Worker, stdin, stdout) -> None:
    stdout.write(f"ready {_status_bytes('VmRSS')}\n".encode())
    stdout.flush()
    for line in stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError:
            header, payload = {"ok": False, "error": "bad request", "kind": "bad"}, b""
        else:
            header, payload = worker.handle(request)
        header.setdefault("bytes", len(payload))
        stdout.write(json.dumps(header).encode() + b"\n")
        stdout.write(payload)
        stdout.flush()


def load_into(graph: Path, into: Path) -> None:
    """Fill the on-disk store ``into`` from a graph file (the temporary store of --graph)."""
    from kg.store import load_graph_file

    memory = load_graph_file(graph)
    disk = Store(str(into))
    disk.bulk_extend(memory)
    disk.flush()


def janitor(directory: Path) -> int:
    """Remove ``directory`` once kg serve is gone, however it went (even SIGKILL).

    kg serve holds this process's stdin open; the end of it means kg serve has exited.
    """
    import shutil

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        while sys.stdin.buffer.read(4096):
            pass
    shutil.rmtree(directory, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.explorer.worker")
    parser.add_argument("--store", type=Path)
    parser.add_argument("--writable", action="store_true")
    parser.add_argument("--memory-mb", type=int, default=0)
    parser.add_argument("--parent", type=int, default=0)
    parser.add_argument("--load", type=Path)
    parser.add_argument("--into", type=Path)
    parser.add_argument("--janitor", type=Path)
    parser.add_argument("--flush", type=Path)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to kg serve, which stops us
    if args.janitor is not None:
        return janitor(args.janitor)
    if args.flush is not None:  # write the store's log into its tables, if nobody holds it
        try:
            Store(str(args.flush)).flush()
        except OSError as exc:
            print(f"the store was not flushed: {exc}", file=sys.stderr)
            return 1
        return 0
    if args.parent:
        _die_with_parent(args.parent)
    try:
        if args.load is not None:
            load_into(args.load, args.into)
            return 0
        store = Store(str(args.store)) if args.writable else Store.read_only(str(args.store))
    except KgError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"cannot open the store {args.store}: {exc}", file=sys.stderr)
        return 2
    _limit_memory(args.memory_mb)  # after opening: the store's own set-up is not a query
    serve_requests(Worker(store, writable=args.writable), sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
