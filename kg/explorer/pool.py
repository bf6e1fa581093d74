"""A bounded pool of query workers (kg/explorer/worker.py), run from the server's event loop.

Each request takes an idle worker, or waits for one until its deadline. While the worker
runs the query, the pool watches the clock, the worker's resident memory and the client:
past the deadline, past the memory limit or when the client has gone away, the worker is
killed (the only way to stop a query running in Rust) and a fresh one started in its
place, so the server keeps answering. Requests beyond the workers wait in a bounded
queue; past it they are refused at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import QueryError, QueryLimitError, ServeError

POLL_S = 0.05


@dataclass(frozen=True, slots=True)
class Limits:
    """What one query may take."""

    timeout_s: float = 10.0
    memory_mb: int = 400  # per query: what a worker may grow by (RSS and RLIMIT_DATA)
    max_rows: int = 10_000
    max_bytes: int = 64 * 1024 * 1024
    max_waiting: int = 64


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class _Worker:
    def __init__(self, proc: asyncio.subprocess.Process):
        self.proc = proc
        self.served = 0
        self.baseline = 0  # resident bytes once its store is open

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.returncode is None

    async def kill(self) -> None:
        if self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.proc.wait(), 5)


class WorkerPool:
    """``workers`` query processes over the store at ``store_dir``."""

    def __init__(self, store_dir: Path, *, workers: int = 2, limits: Limits | None = None,
                 writable: bool = False):
        self.store_dir = store_dir
        self.size = 1 if writable else max(1, workers)  # one writer owns a writable store
        self.limits = limits or Limits()
        self.writable = writable
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._waiting = 0
        self._closed = False
        self._spawning: set[asyncio.Task] = set()
        self._background: _Worker | None = None
        self._background_lock = asyncio.Lock()
        self.stats = {"queries": 0, "killed": 0, "timeouts": 0, "memory": 0, "cancelled": 0}

    # -- life cycle ----------------------------------------------------------------------
    async def start(self) -> None:
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for w in workers:
            self._idle.put_nowait(w)

    async def _spawn(self) -> _Worker:
        argv = [sys.executable, "-m", "kg.explorer.worker", "--store", str(self.store_dir),
                "--memory-mb", str(self.limits.memory_mb), "--parent", str(os.getpid())]
        if self.writable:
            argv.append("--writable")
        proc = await asyncio.create_subprocess_exec(
            *argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, start_new_session=False)
        worker = _Worker(proc)
        self._all.add(worker)
        assert proc.stdout is not None and proc.stderr is not None
        try:
            line = await asyncio.wait_for(proc.stdout.readline(), 60)
        except TimeoutError:
            line = b""
        if not line.startswith(b"ready"):
            await worker.kill()
            self._all.discard(worker)
            detail = (await proc.stderr.read()).decode(errors="replace").strip()
            raise ServeError(f"a query worker could not start: {detail or 'no answer'}",
                             hint="check that the store directory is a kg store")
        worker.baseline = int(line.split()[1]) if len(line.split()) > 1 else 0
        # the worker's stderr is drained so that a chatty worker never blocks on it
        drain = asyncio.ensure_future(self._drain(proc.stderr))
        self._spawning.add(drain)
        drain.add_done_callback(self._spawning.discard)
        return worker

    @staticmethod
    async def _drain(stream: asyncio.StreamReader) -> None:
        with contextlib.suppress(Exception):
            while await stream.read(65536):
                pass

    def _replace(self, worker: _Worker) -> None:
        """Put a fresh worker in the place of a killed or dead one (in the background)."""
        self._all.discard(worker)
        if self._closed:
            return

        async def respawn() -> None:
            try:
                fresh = await self._spawn()
            except ServeError:
                await asyncio.sleep(1)  # try again, without spinning
                self._replace(worker)
                return
            if self._closed:
                await fresh.kill()
            else:
                self._idle.put_nowait(fresh)

        task = asyncio.ensure_future(respawn())
        self._spawning.add(task)
        task.add_done_callback(self._spawning.discard)

    async def close(self) -> None:
        self._closed = True
        for task in list(self._spawning):
            task.cancel()
        for worker in list(self._all):
            if worker.proc.stdin is not None:
                with contextlib.suppress(Exception):
                    worker.proc.stdin.close()
            await worker.kill()
        self._all.clear()

    def pids(self) -> list[int]:
        return [w.pid for w in self._all if w.alive()]

    def rss_bytes(self) -> int:
        """Resident memory of the server process and its workers."""
        return _rss_bytes(os.getpid()) + sum(_rss_bytes(pid) for pid in self.pids())

    # -- running ---------------------------------------------------------------------------
    async def run(self, request: dict, *,
                  gone: Callable[[], Awaitable[bool]] | None = None,
                  timeout_s: float | None = None) -> tuple[dict, bytes]:
        """Run one request; the answer's header (``ok`` true) and payload, or an error."""
        limits = self.limits
        timeout_s = limits.timeout_s if timeout_s is None else timeout_s
        deadline = time.monotonic() + timeout_s
        if self._waiting >= limits.max_waiting:
            raise QueryLimitError("the server is busy: too many queries are waiting",
                                  hint="try again in a moment", status=503)
        self._waiting += 1
        try:
            worker = await self._acquire(deadline, timeout_s, gone)
        finally:
            self._waiting -= 1
        self.stats["queries"] += 1
        request = {"max_rows": limits.max_rows, "max_bytes": limits.max_bytes, **request}
        try:
            header, payload = await self._exchange(worker, request, deadline, timeout_s, gone)
        except BaseException:
            await worker.kill()
            self.stats["killed"] += 1
            self._replace(worker)
            raise
        worker.served += 1
        self._idle.put_nowait(worker)
        return self._checked(header), payload

    async def run_background(self, request: dict, *, timeout_s: float) -> tuple[dict, bytes]:
        """Run a request of the server's own (building its indexes) in a worker of its own,
        so that users' queries never wait behind it; :meth:`release_background` ends it."""
        async with self._background_lock:
            if self._background is None or not self._background.alive():
                self._background = await self._spawn()
            worker = self._background
            request = {"max_rows": 50_000_000, "max_bytes": 1024 ** 3, **request}
            deadline = time.monotonic() + timeout_s
            try:
                header, payload = await self._exchange(worker, request, deadline, timeout_s,
                                                       None)
            except BaseException:
                await worker.kill()
                self._all.discard(worker)
                self._background = None
                raise
            return self._checked(header), payload

    async def release_background(self) -> None:
        async with self._background_lock:
            if self._background is not None:
                await self._background.kill()
                self._all.discard(self._background)
                self._background = None

    @staticmethod
    def _checked(header: dict) -> dict:
        """The header of a worker's answer, or the error it reports."""
        if header.get("ok"):
            return header
        kind = header.get("kind")
        if kind in ("too-large", "refused"):
            raise QueryLimitError(header.get("error", "refused"),
                                  status=413 if kind == "too-large" else 403)
        raise QueryError(header.get("error", "query failed"), hint=header.get("hint"))

    async def _acquire(self, deadline: float, timeout_s: float,
                       gone: Callable[[], Awaitable[bool]] | None) -> _Worker:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stats["timeouts"] += 1
                raise QueryLimitError(f"the query timed out after {timeout_s:g} s waiting "
                                      "for a free worker", status=503,
                                      hint="try again when the server is less busy")
            try:
                worker = await asyncio.wait_for(self._idle.get(), min(remaining, 0.5))
            except TimeoutError:
                if gone is not None and await gone():
                    self.stats["cancelled"] += 1
                    raise QueryLimitError("the client went away", status=499) from None
                continue
            if worker.alive():
                return worker
            self._replace(worker)

    async def _exchange(self, worker: _Worker, request: dict, deadline: float,
                        timeout_s: float, gone: Callable[[], Awaitable[bool]] | None
                        ) -> tuple[dict, bytes]:
        proc = worker.proc
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps(request).encode() + b"\n")
        await proc.stdin.drain()
        reply = asyncio.ensure_future(self._read_reply(proc.stdout))
        limit = self.limits.memory_mb * 1024 * 1024
        ticks = 0
        try:
            while True:
                done, _ = await asyncio.wait({reply}, timeout=POLL_S)
                if done:
                    result = reply.result()
                    if result is None:  # the worker died: its memory limit, or a crash
                        await worker.kill()
                        raise self._death(worker)
                    return result
                ticks += 1
                if time.monotonic() > deadline:
                    self.stats["timeouts"] += 1
                    raise QueryLimitError(f"the query timed out after {timeout_s:g} s and "
                                          "was stopped", status=503,
                                          hint="narrow it (a LIMIT, more specific "
                                               "patterns) or start kg serve with a longer "
                                               "--timeout")
                if limit and _rss_bytes(worker.pid) > worker.baseline + limit:
                    self.stats["memory"] += 1
                    raise self._memory_error()
                if gone is not None and ticks % 4 == 0 and await gone():
                    self.stats["cancelled"] += 1
                    raise QueryLimitError("the client went away; the query was stopped",
                                          status=499)
        finally:
            if not reply.done():
                reply.cancel()

    @staticmethod
    async def _read_reply(stdout: asyncio.StreamReader) -> tuple[dict, bytes] | None:
        line = await stdout.readline()
        if not line:
            return None
        header = json.loads(line)
        payload = await stdout.readexactly(int(header.get("bytes", 0))) \
            if header.get("bytes") else b""
        return header, payload

    def _memory_error(self) -> QueryLimitError:
        return QueryLimitError(f"the query needed more than {self.limits.memory_mb} MB of "
                               "memory and was stopped", status=503,
                               hint="narrow it (a LIMIT, no ORDER BY over everything) or "
                                    "start kg serve with a larger --memory-limit")

    def _death(self, worker: _Worker) -> QueryLimitError:
        code = worker.proc.returncode
        # an allocation past RLIMIT_DATA ends the worker by abort (-6/134), by Python's
        # uncaught MemoryError (1) or by a fatal error exit (255, seen in CI on the
        # pathological query): all are the memory limit, not a bug
        if code in (-6, 134, 1, 255) or code is None:
            self.stats["memory"] += 1
            return self._memory_error()
        return QueryLimitError(f"the query worker stopped unexpectedly (exit {code})",
                               status=500, hint="try again; if it happens again, report it")
