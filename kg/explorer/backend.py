"""Where the explorer's queries run: the local store (through the worker pool) or a remote
SPARQL endpoint (``kg serve --endpoint URL``). Both give the same :class:`Table`.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import QueryError, QueryLimitError
from kg.explorer.pool import Limits, WorkerPool
from kg.explorer.sparql import bind_values, refuse_service, with_prefixes
from kg.rdf.vocab import KG_NS, PREFIXES
from kg.resources import queries_dir

Gone = Callable[[], Awaitable[bool]] | None
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(slots=True)
class Table:
    """A query's answer: variables and rows of encoded terms (see worker.encode_term)."""

    kind: str = "select"  # select, ask or graph
    vars: list[str] = field(default_factory=list)
    rows: list[list[list | None]] = field(default_factory=list)
    truncated: bool = False
    boolean: bool | None = None
    seconds: float = 0.0

    def dicts(self) -> list[dict[str, str | None]]:
        """Rows as {variable: plain value} (IRI, lexical form, or None)."""
        return [{v: (c if c is None or isinstance(c, str) else c[1])
                 for v, c in zip(self.vars, row, strict=False)} for row in self.rows]


class ResultCache:
    """Answers of library and page queries, kept while the store does not change.

    The store is read-only while served (a writable one clears this after each update), so
    the same query with the same parameters has the same answer. Concurrent requests for
    one answer share one run (the first runs it, the others wait for it); errors are not
    kept. Bounded: at most ``entries`` answers of at most ``max_rows`` rows each.
    """

    def __init__(self, *, entries: int = 256, max_rows: int = 20_000):
        self.entries = entries
        self.max_rows = max_rows
        self._done: OrderedDict[str, Table] = OrderedDict()
        self._running: dict[str, asyncio.Future] = {}
        self.hits = 0

    def clear(self) -> None:
        self._done.clear()

    async def get(self, key: str, run: Callable[[], Awaitable[Table]]) -> Table:
        if key in self._done:
            self._done.move_to_end(key)
            self.hits += 1
            return self._done[key]
        if key in self._running:
            self.hits += 1
            try:
                return await asyncio.shield(self._running[key])
            except QueryLimitError as exc:
                if exc.status != 499:
                    raise
                # the client that ran it went away: this one still wants the answer
                return await self.get(key, run)
        future = asyncio.get_running_loop().create_future()
        self._running[key] = future
        try:
            table = await run()
        except BaseException as exc:
            if not future.done():
                future.set_exception(exc)
                future.exception()  # retrieved: no "never retrieved" warning
            raise
        finally:
            self._running.pop(key, None)
        if not future.done():
            future.set_result(table)
        if len(table.rows) <= self.max_rows:
            self._done[key] = table
            while len(self._done) > self.entries:
                self._done.popitem(last=False)
        return table


def _key(*parts) -> str:
    return json.dumps(parts, sort_keys=True, default=str)


def explorer_query_path(name: str) -> Path:
    return queries_dir() / "explorer" / f"{name}.rq"


def expand_short(params: dict[str, str], kinds: dict[str, str]) -> dict[str, str]:
    """IRI parameters given short: ``Person`` or ``kg:Person`` for kg's class IRI."""
    out = {}
    for name, value in params.items():
        value = value.strip()
        if kinds.get(name) == "iri" and value and not re.match(r"^[a-z][a-z0-9+.-]*://", value):
            prefix, sep, local = value.partition(":")
            if sep and prefix in PREFIXES:
                value = PREFIXES[prefix] + local
            elif not sep:
                value = KG_NS + value
        out[name] = value
    return out


def _csv_table(payload: bytes, seconds: float) -> Table:
    """Rows of plain values from the engine's CSV (an empty field is None)."""
    import csv
    import io

    reader = csv.reader(io.StringIO(payload.decode("utf-8")))
    names = next(reader, [])
    rows = [[value or None for value in row] for row in reader]
    return Table(vars=names, rows=rows, seconds=seconds)


def _table(header: dict, payload: bytes, seconds: float) -> Table:
    if header.get("kind") == "csv":
        return _csv_table(payload, seconds)
    body = json.loads(payload) if payload else {}
    if header.get("kind") == "ask":
        return Table(kind="ask", boolean=body.get("boolean"), seconds=seconds)
    return Table(kind=header.get("kind", "select"), vars=body.get("vars", []),
                 rows=body.get("rows", []), truncated=body.get("truncated", False),
                 seconds=seconds)


class LocalBackend:
    """Queries over the on-disk store at ``store_dir``, run by worker pools.

    Two lanes: the pages' own queries (bounded, fast) have a worker of their own, so that a
    slow library or SPARQL query never makes an entity or fact page wait; the library
    forms, the SPARQL editor and /query share the other ``workers - 1`` (at least one). A
    writable store has a single worker for everything (one process may write it).
    """

    remote = False

    def __init__(self, store_dir: Path, *, workers: int, limits: Limits, writable: bool,
                 allow_service: bool):
        self.pool = WorkerPool(store_dir, workers=max(1, workers - 1), limits=limits,
                               writable=writable)
        self.page_pool = self.pool if writable else WorkerPool(
            store_dir, workers=1, limits=limits, writable=False)
        self.limits = limits
        self.allow_service = allow_service
        self.writable = writable
        self.cache = ResultCache()

    async def start(self) -> None:
        await asyncio.gather(*{id(p): p.start() for p in self._pools()}.values())

    async def close(self) -> None:
        for pool in self._pools():
            await pool.close()

    def _pools(self) -> list[WorkerPool]:
        return [self.pool] if self.page_pool is self.pool else [self.pool, self.page_pool]

    async def _rows(self, request: dict, gone: Gone, timeout_s: float | None, *,
                    pool: WorkerPool | None = None) -> Table:
        t0 = time.perf_counter()
        header, payload = await (pool or self.pool).run(request, gone=gone,
                                                         timeout_s=timeout_s)
        return _table(header, payload, time.perf_counter() - t0)

    async def library(self, name: str, params: dict[str, str], *, gone: Gone = None,
                      max_rows: int | None = None, timeout_s: float | None = None) -> Table:
        request = {"op": "library", "name": name, "params": params}
        if max_rows:
            request["max_rows"] = max_rows
        return await self.cache.get(_key(request),
                                    lambda: self._rows(request, gone, timeout_s))

    async def explorer(self, name: str, params: dict[str, str] | None = None, *,
                       gone: Gone = None, max_rows: int | None = None,
                       timeout_s: float | None = None) -> Table:
        request = {"op": "library", "path": str(explorer_query_path(name)),
                   "params": params or {}}
        if max_rows:
            request["max_rows"] = max_rows
        return await self.cache.get(_key(request), lambda: self._rows(
            request, gone, timeout_s, pool=self.page_pool))

    async def index_rows(self, name: str, *, timeout_s: float) -> Table:
        """An index query of the server's (plain values), in a worker of its own."""
        t0 = time.perf_counter()
        request = {"op": "library", "path": str(explorer_query_path(name)), "params": {},
                   "plain": True}
        header, payload = await self.page_pool.run_background(request, timeout_s=timeout_s)
        return _table(header, payload, time.perf_counter() - t0)

    async def index_done(self) -> None:
        await self.page_pool.release_background()

    async def sparql(self, text: str, *, gone: Gone = None, max_rows: int | None = None
                     ) -> Table:
        request = {"op": "sparql", "sparql": text, "allow_service": self.allow_service}
        if max_rows:
            request["max_rows"] = max_rows
        return await self._rows(request, gone, None)

    async def serialise(self, text: str, media_type: str, *, gone: Gone = None
                        ) -> tuple[str, bytes]:
        header, payload = await self.pool.run(
            {"op": "sparql", "sparql": text, "format": media_type,
             "allow_service": self.allow_service}, gone=gone)
        return header.get("media_type", media_type), payload

    async def update(self, text: str, *, gone: Gone = None) -> None:
        try:
            await self.pool.run({"op": "update", "sparql": text,
                                 "allow_service": self.allow_service}, gone=gone)
        finally:
            self.cache.clear()

    def rss_bytes(self) -> int:
        from kg.explorer.pool import _rss_bytes

        return _rss_bytes(os.getpid()) + sum(_rss_bytes(pid) for p in self._pools()
                                             for pid in p.pids())


class RemoteBackend:
    """The same queries sent to a SPARQL 1.1 endpoint (protocol GET/POST, JSON results).

    The endpoint should answer over the union of its named graphs (docs/store.md says
    how, per store). Parameters go as VALUES blocks written by pyoxigraph's serialiser.
    """

    remote = True
    writable = False

    def __init__(self, endpoint: str, *, limits: Limits, allow_service: bool):
        self.endpoint = endpoint
        self.limits = limits
        self.allow_service = allow_service
        self.client = None
        self.cache = ResultCache()

    async def start(self) -> None:
        import httpx2 as httpx

        self.client = httpx.AsyncClient(timeout=self.limits.timeout_s, trust_env=False,
                                        follow_redirects=False)

    async def close(self) -> None:
        if self.client is not None:
            await self.client.aclose()

    async def _post(self, text: str, accept: str, gone: Gone, *,
                    timeout_s: float | None = None, limit: int | None = None
                    ) -> tuple[str, bytes]:
        import httpx2 as httpx

        assert self.client is not None
        limit = limit or self.limits.max_bytes
        timeout_s = timeout_s or self.limits.timeout_s

        async def fetch() -> tuple[str, bytes]:
            async with self.client.stream(
                    "POST", self.endpoint, data={"query": text},
                    headers={"Accept": accept}, timeout=timeout_s) as response:
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise QueryLimitError(f"the result is larger than {limit} bytes",
                                              status=413)
                if response.status_code >= 400:
                    detail = body.decode(errors="replace")[:300]
                    raise QueryError(f"the endpoint answered {response.status_code}: "
                                     f"{detail}")
                return response.headers.get("content-type", accept), bytes(body)

        task = asyncio.ensure_future(fetch())
        deadline = time.monotonic() + timeout_s
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=0.2)
                if done:
                    return task.result()
                if time.monotonic() > deadline:
                    raise QueryLimitError(f"the endpoint did not answer within "
                                          f"{timeout_s:g} s", status=503)
                if gone is not None and await gone():
                    raise QueryLimitError("the client went away; the query was stopped",
                                          status=499)
        except httpx.HTTPError as exc:
            raise QueryError(f"cannot reach the endpoint {self.endpoint}: {exc}",
                             hint="check the URL and that the endpoint is running") from exc
        finally:
            if not task.done():
                task.cancel()

    async def _select(self, text: str, gone: Gone, max_rows: int | None, *,
                      timeout_s: float | None = None, limit: int | None = None) -> Table:
        t0 = time.perf_counter()
        _, body = await self._post(text, "application/sparql-results+json", gone,
                                   timeout_s=timeout_s, limit=limit)
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise QueryError("the endpoint did not answer with SPARQL JSON results") from exc
        seconds = time.perf_counter() - t0
        if "boolean" in data:
            return Table(kind="ask", boolean=bool(data["boolean"]), seconds=seconds)
        names = data.get("head", {}).get("vars", [])
        bindings = data.get("results", {}).get("bindings", [])
        cap = max_rows or self.limits.max_rows
        rows = [[_from_json(b.get(v)) for v in names] for b in bindings[:cap]]
        return Table(vars=names, rows=rows, truncated=len(bindings) > cap, seconds=seconds)

    async def _bound(self, path: Path | None, name: str | None, params: dict[str, str]
                     ) -> str:
        from kg.query import bind_parameters, find_query, parse_query_file

        query = parse_query_file(path) if path else find_query(name or "")
        subs = bind_parameters(query, params)
        return bind_values(query.text, {v.value: str(term) for v, term in subs.items()})

    async def library(self, name: str, params: dict[str, str], *, gone: Gone = None,
                      max_rows: int | None = None, timeout_s: float | None = None) -> Table:
        text = await self._bound(None, name, params)
        return await self.cache.get(_key("library", text, max_rows),
                                    lambda: self._select(text, gone, max_rows))

    async def explorer(self, name: str, params: dict[str, str] | None = None, *,
                       gone: Gone = None, max_rows: int | None = None,
                       timeout_s: float | None = None) -> Table:
        text = await self._bound(explorer_query_path(name), None, params or {})
        return await self.cache.get(_key("explorer", text, max_rows),
                                    lambda: self._select(text, gone, max_rows))

    async def index_rows(self, name: str, *, timeout_s: float) -> Table:
        """An index query of the server's, as rows of plain values."""
        text = await self._bound(explorer_query_path(name), None, {})
        table = await self._select(text, None, 50_000_000, timeout_s=timeout_s,
                                   limit=1024 ** 3)
        return Table(vars=table.vars, seconds=table.seconds,
                     rows=[[c[1] if c else None for c in row] for row in table.rows])

    async def index_done(self) -> None:
        return None

    async def sparql(self, text: str, *, gone: Gone = None, max_rows: int | None = None
                     ) -> Table:
        if not self.allow_service:
            refuse_service(text)
        return await self._select(with_prefixes(text), gone, max_rows)

    async def serialise(self, text: str, media_type: str, *, gone: Gone = None
                        ) -> tuple[str, bytes]:
        if not self.allow_service:
            refuse_service(text)
        return await self._post(with_prefixes(text), media_type, gone)

    async def update(self, text: str, *, gone: Gone = None) -> None:
        raise QueryLimitError("updates are not sent to a remote endpoint", status=403)

    def rss_bytes(self) -> int:
        import os

        from kg.explorer.pool import _rss_bytes

        return _rss_bytes(os.getpid())


def _from_json(b: dict | None) -> list | None:
    if b is None:
        return None
    kind = b.get("type")
    if kind == "uri":
        return ["i", b["value"]]
    if kind == "bnode":
        return ["b", b["value"]]
    lang = b.get("xml:lang")
    return ["l", b.get("value", ""), b.get("datatype") or (None if lang else XSD_STRING),
            lang]
