"""Servers for load tests, on loopback only: a real Oxigraph server and a scripted fake.

Every server is bounded in time: start-up waits at most a few seconds, and the
fixtures that use these always stop them.
"""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, parse

from kg.serve import oxigraph_binary

LOOPBACK = "127.0.0.1"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def wait_for_http(url: str, *, timeout: float = 15.0, proc: subprocess.Popen | None = None
                  ) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with NO_PROXY.open(url, timeout=1) as r:
                r.read()
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"no answer from {url} within {timeout} s")


class OxigraphServer:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` as a child process."""

    def __init__(self, location: Path, port: int | None = None):
        self.location = location
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> OxigraphServer:
        self.proc = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(self.location),
             "--bind", f"{LOOPBACK}:{self.port}", "--union-default-graph"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_http(f"{self.url}/query?query=ASK%7B%7D", proc=self.proc)
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def select(self, query: str) -> dict:
        """A SPARQL query over HTTP (POST), results as SPARQL JSON."""
        request = urllib.request.Request(
            f"{self.url}/query", data=query.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-query",
                     "Accept": "application/sparql-results+json"})
        with NO_PROXY.open(request, timeout=30) as r:
            return json.loads(r.read())

    def dataset(self) -> set[Quad]:
        """Every quad the server holds, fetched with a Graph Store GET of the whole store."""
        request = urllib.request.Request(f"{self.url}/store",
                                         headers={"Accept": "application/n-quads"})
        with NO_PROXY.open(request, timeout=30) as r:
            return set(parse(r.read(), format=RdfFormat.N_QUADS))


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    raw_query: str = ""


@dataclass
class Script:
    """What the fake server answers: ``respond(seen) -> (status, body[, headers])``;
    default 204."""

    respond: object = None
    delay: float = 0.0
    requests: list[Seen] = field(default_factory=list)
    graphs: dict[str, list[bytes]] = field(default_factory=dict)  # graph -> N-Triples lines


class FakeGraphStore:
    """A tiny Graph Store on loopback: PUT replaces, POST appends, answers as scripted."""

    def __init__(self, script: Script):
        self.script = script
        handler = self._handler()
        self.server = ThreadingHTTPServer((LOOPBACK, 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.server.server_address[1]}"

    def __enter__(self) -> FakeGraphStore:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def _handler(self):
        script = self.script

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urllib.parse.urlsplit(self.path)
                seen = Seen(self.command, parts.path, urllib.parse.parse_qs(parts.query),
                            dict(self.headers.items()), body, parts.query)
                script.requests.append(seen)
                if script.delay:
                    time.sleep(script.delay)
                answer = script.respond(seen) if script.respond else (None, b"")
                status, message = answer[0], answer[1]
                extra = answer[2] if len(answer) > 2 else {}  # e.g. a Location header
                if status is None:  # behave like a Graph Store
                    graph = (seen.query.get("graph") or ["<default>"])[0]
                    lines = [ln for ln in body.splitlines() if ln.strip()]
                    if seen.method == "PUT":
                        script.graphs[graph] = lines
                    else:
                        script.graphs.setdefault(graph, []).extend(lines)
                    status, message = 204, b""
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(len(message)))
                    for name, value in extra.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(message)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_PUT = do_POST = do_GET = _any

        return Handler
