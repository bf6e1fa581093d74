"""``kg serve``: the graph explorer (kg.explorer) on uvicorn, over a store, a graph file or a
remote SPARQL endpoint.

``--store DIR`` is served in place; ``--graph FILE`` is first loaded (in a child process)
into a temporary store directory, removed when the server stops — also when it is killed:
a janitor process holds a pipe from the server and removes the folder when the pipe
closes. Queries run in worker processes (kg/explorer/worker.py) that die with the server.
The default bind address is loopback; the union of all named graphs is the default graph,
as for ``kg query``. This module must not import spaCy.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import GraphLoadError, ServeError

DEFAULT_BIND = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_WORKERS = 2
DEFAULT_MEMORY_MB = 400

__all__ = ["DEFAULT_BIND", "DEFAULT_PORT", "ServeError", "check_port_free", "oxigraph_binary",
           "prepared_location", "serve"]


def oxigraph_binary() -> str:
    """The ``oxigraph`` server binary of the PyPI package, next to this Python first."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServeError("the oxigraph server binary is not installed",
                     hint="pip install oxigraph (the same version as pyoxigraph)")


def _worker_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.explorer.worker", *args]


def check_port_free(bind: str, port: int) -> None:
    """Refuse before anything starts when the address is taken (the server would only
    fail after printing where it serves)."""
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            sock.bind((bind, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"port {port} on {bind} is already in use",
                                 hint="stop the other server or pick another with --port N"
                                 ) from None
            raise ServeError(f"cannot listen on {bind}:{port}: {exc.strerror or exc}",
                             hint="check --bind and --port") from None


@contextmanager
def prepared_location(*, graph: Path | None, store: Path | None) -> Iterator[Path]:
    """The store directory to serve: ``store`` itself, or a temporary store of ``graph``."""
    if (graph is None) == (store is None):
        raise GraphLoadError("give exactly one of --graph FILE, --store DIR or --endpoint URL")
    if store is not None:
        if not store.is_dir():
            raise GraphLoadError("no such store directory", path=store,
                                 hint="build one with `kg build ... --store DIR`")
        # A store left with a long write-ahead log (a build that did not flush) would be
        # replayed into memory by every read-only worker at every start: write it into the
        # store's tables once. Best effort: a store another process holds is left as it is.
        subprocess.run(_worker_argv("--flush", str(store)), capture_output=True, check=False,
                       timeout=600)
        yield store
        return
    assert graph is not None
    if not graph.is_file():
        raise GraphLoadError("no such graph file", path=graph,
                             hint="build one first with `kg build ... -o FILE`")
    tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    janitor = subprocess.Popen(_worker_argv("--janitor", str(tmp)), stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        loaded = subprocess.run(
            _worker_argv("--load", str(graph), "--into", str(tmp / "store"),
                         "--parent", str(os.getpid())),
            capture_output=True, text=True, check=False)
        if loaded.returncode != 0:
            detail = (loaded.stderr.strip().splitlines() or ["the loader failed"])[-1]
            raise GraphLoadError(detail.removeprefix("error: "))
        yield tmp / "store"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if janitor.stdin is not None:
            janitor.stdin.close()
        try:
            janitor.wait(timeout=10)
        except subprocess.TimeoutExpired:
            janitor.kill()


def new_token() -> str:
    """The write token: ``KG_SERVE_TOKEN`` if set, else a fresh random one."""
    return os.environ.get("KG_SERVE_TOKEN") or secrets.token_urlsafe(24)


def serve(settings, *, on_ready: Callable[[], None] | None = None) -> None:
    """Run the explorer on uvicorn until SIGINT/SIGTERM (``settings``: ServeSettings)."""
    import asyncio

    import uvicorn

    from kg.explorer.app import create_app

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self):
            """Stop on SIGINT/SIGTERM (twice: at once), without raising the signal again
            afterwards as uvicorn does: kg serve then removes its temporary store and
            exits 0."""
            previous = {sig: signal.signal(sig, self.handle_exit)
                        for sig in (signal.SIGINT, signal.SIGTERM)}
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    app = create_app(settings)
    config = uvicorn.Config(app, host=settings.bind.strip("[]"), port=settings.port,
                            log_level="warning", access_log=False, lifespan="on",
                            timeout_graceful_shutdown=3, server_header=False,
                            proxy_headers=False, date_header=False)
    server = Server(config)

    async def run() -> None:
        task = asyncio.ensure_future(server.serve())
        while not server.started and not task.done():
            await asyncio.sleep(0.05)
        if server.started and on_ready is not None:
            on_ready()
        await task

    try:
        asyncio.run(run())
    except SystemExit as exc:  # uvicorn exits when it cannot bind or start up
        raise ServeError(f"cannot serve on {settings.bind}:{settings.port} "
                         "(is the port in use, or the store unreadable?)",
                         hint="pick another --port, or see the message above") from exc
    if not server.started:
        raise ServeError(f"cannot serve on {settings.bind}:{settings.port}",
                         hint="is the port in use? pick another --port")
