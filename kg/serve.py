"""A local SPARQL endpoint over a built graph: the Oxigraph server, run as a child process.

``--store DIR`` is served in place (``serve-read-only`` unless writable);
``--graph FILE`` is first loaded into a temporary store directory, removed on
exit. The default bind address is loopback; the union of all named graphs is
the default graph, as for ``kg query``.
"""

from __future__ import annotations

import errno
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import GraphLoadError, KgError

DEFAULT_BIND = "127.0.0.1"
DEFAULT_PORT = 7878


class ServeError(KgError):
    """The local SPARQL server cannot start."""


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


@dataclass(frozen=True, slots=True)
class ServePlan:
    """What to run: the argument list and the store location."""

    argv: list[str]
    location: Path
    url: str


def server_argv(location: Path, *, bind: str, port: int, writable: bool) -> list[str]:
    mode = "serve" if writable else "serve-read-only"
    host = f"[{bind}]" if ":" in bind else bind
    return [oxigraph_binary(), mode, "--location", str(location), "--bind", f"{host}:{port}",
            "--union-default-graph"]


def check_port_free(bind: str, port: int) -> None:
    """Refuse before anything starts when the address is taken (the server would only
    fail after printing where it serves, with a Rust backtrace)."""
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
    """The store directory to serve: ``store`` itself, or a temporary copy of ``graph``."""
    if (graph is None) == (store is None):
        raise GraphLoadError("give exactly one of --graph FILE or --store DIR")
    if store is not None:
        if not store.is_dir():
            raise GraphLoadError("no such store directory", path=store,
                                 hint="build one with `kg build ... --store DIR`")
        yield store
        return
    assert graph is not None
    from pyoxigraph import Store

    from kg.store import load_graph_file

    memory = load_graph_file(graph)
    tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        disk = Store(str(tmp))
        disk.bulk_extend(memory)
        disk.flush()
        del disk, memory  # release the directory lock before the server opens it
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_server(argv: list[str], *, on_start=None) -> int:
    """Run the server in the foreground until it exits or we get SIGINT/SIGTERM."""
    try:
        proc = subprocess.Popen(argv)
    except OSError as exc:
        raise ServeError(f"cannot start the oxigraph server: {exc}") from exc
    previous = {}

    def stop(signum, _frame):
        proc.terminate()

    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, stop)
    try:
        if on_start:
            on_start(proc)
        code = proc.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return code
