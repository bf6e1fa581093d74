"""`kg serve` as a real process on loopback: it answers, keeps its limits, refuses what it
must, and stops cleanly (no child process, no temporary folder) however it is stopped."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, serialize

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "load"))
import contextlib

from load_servers import NO_PROXY, free_port, wait_for_http

pytestmark = pytest.mark.slow
EX = "http://example.org/"
PATHOLOGICAL = "SELECT * WHERE {?a ?b ?c . ?d ?e ?f . ?g ?h ?i} ORDER BY ?c"
SLOW_COUNT = "SELECT (COUNT(*) AS ?n) WHERE {?a ?b ?c . ?d ?e ?f . ?g ?h ?i}"


def sample() -> Store:
    store = Store()
    for g in range(2):
        for t in range(3):
            store.add(Quad(NamedNode(f"{EX}s{t}"), NamedNode(f"{EX}p"), Literal(f"{g}-{t}"),
                           NamedNode(f"{EX}g{g}")))
    return store


def request(url: str, body: str | None = None, headers: dict | None = None,
            timeout: float = 30) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=body.encode() if body is not None else None,
                                 method="POST" if body is not None else "GET",
                                 headers=headers or {})
    try:
        with NO_PROXY.open(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def post(url: str, body: str, content_type: str, **headers) -> tuple[int, bytes]:
    return request(url, body, {"Content-Type": content_type,
                               "Accept": "application/sparql-results+json", **headers})


def query(base: str, text: str, timeout: float = 30) -> tuple[int, bytes]:
    return request(f"{base}/query?{urllib.parse.urlencode({'query': text})}",
                   headers={"Accept": "application/sparql-results+json"}, timeout=timeout)


def count(base: str) -> int:
    status, body = post(f"{base}/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                        "application/sparql-query")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def start(args: list[str], tmp_path: Path, env: dict | None = None
          ) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path), **(env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", *args, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/query?query=ASK%7B%7D", proc=proc, timeout=180)
    except BaseException:
        stop(proc)
        raise
    return proc, base


def stop(proc: subprocess.Popen, sig: int = signal.SIGINT) -> tuple[int, str]:
    if proc.poll() is None:
        proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate(timeout=10)
    return proc.returncode, err


def children(pid: int) -> list[int]:
    """Every process below ``pid`` (from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def rss_tree(pid: int) -> int:
    total = 0
    for p in [pid, *children(pid)]:
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * os.sysconf(
                "SC_PAGE_SIZE")
    return total


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def seed_server(seed_build, tmp_path_factory):
    path, _ = seed_build
    tmp = tmp_path_factory.mktemp("serve-seed")
    proc, base = start(["--graph", str(path), "--timeout", "10"], tmp)
    yield proc, base
    stop(proc)


def test_serve_a_graph_file_read_only(tmp_path):
    graph = tmp_path / "g.nq"
    serialize(sample(), str(graph), RdfFormat.N_QUADS)
    proc, base = start(["--graph", str(graph)], tmp_path)
    try:
        assert count(base) == 6  # the union of the named graphs is the default graph
        status, _ = post(f"{base}/update", f"INSERT DATA {{ <{EX}x> <{EX}y> <{EX}z> }}",
                         "application/sparql-update")
        assert status == 403  # read-only unless --writable
        status, body = request(f"{base}/")  # the explorer's home page
        assert status == 200 and b"What the graph holds" in body
    finally:
        code, err = stop(proc)
    assert code == 0, err
    assert "read-only" in err and "127.0.0.1" in err
    assert not list(tmp_path.glob("kg-serve-*"))  # the temporary store is gone


def test_serve_a_store_writable_needs_the_token_and_the_same_origin(tmp_path):
    store_dir = tmp_path / "store"
    disk = Store(str(store_dir))
    disk.extend(sample())
    disk.flush()
    del disk
    token = "test-token-123"
    proc, base = start(["--store", str(store_dir), "--writable"], tmp_path,
                       env={"KG_SERVE_TOKEN": token})
    insert = f"INSERT DATA {{ <{EX}x> <{EX}y> <{EX}z> }}"
    try:
        status, body = post(f"{base}/update", insert, "application/sparql-update")
        assert status == 403 and b"Authorization: Bearer" in body
        # a cross-site page: a form post (no token possible), or even with the token
        status, _ = post(f"{base}/update", "update=DROP+ALL",
                         "application/x-www-form-urlencoded", Origin="http://evil.example")
        assert status == 403
        status, _ = post(f"{base}/update", "DROP ALL", "application/sparql-update",
                         Authorization=f"Bearer {token}", Origin="http://evil.example")
        assert status == 403
        status, _ = post(f"{base}/update", "update=DROP+ALL",
                         "application/x-www-form-urlencoded",
                         Authorization=f"Bearer {token}")
        assert status == 415  # form posts never write
        assert count(base) == 6
        status, body = post(f"{base}/update", insert, "application/sparql-update",
                            Authorization=f"Bearer {token}", Origin=base)
        assert status == 204, body
        assert count(base) == 7
    finally:
        code, err = stop(proc)
    assert code == 0, err
    assert token in err  # printed at start, for the user to use
    reopened = Store.read_only(str(store_dir))
    assert len(reopened) == 7
    del reopened


def test_serve_needs_one_source(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "--store",
                           str(tmp_path / "missing")], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert "no such store directory" in done.stderr and "Traceback" not in done.stderr


def test_the_pathological_query_is_stopped_and_the_server_goes_on(seed_server):
    proc, base = seed_server
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, rss_tree(proc.pid))
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    t0 = time.monotonic()
    try:
        status, body = query(base, PATHOLOGICAL, timeout=30)
    finally:
        seconds = time.monotonic() - t0
        done.set()
        watcher.join()
    assert status == 503, body
    assert b"was stopped" in body
    assert seconds < 11, seconds
    assert peak < 1024 ** 3, f"server and workers reached {peak / 1e6:.0f} MB"
    assert count(base) > 1000  # still answering
    status, _ = request(f"{base}/")
    assert status == 200


def test_a_long_query_times_out(seed_build, tmp_path):
    path, _ = seed_build
    proc, base = start(["--graph", str(path), "--timeout", "1.5"], tmp_path)
    try:
        t0 = time.monotonic()
        status, body = query(base, SLOW_COUNT)
        assert status == 503 and b"timed out after 1.5 s" in body, body
        assert time.monotonic() - t0 < 4
        assert count(base) > 1000
    finally:
        stop(proc)


def test_a_query_is_stopped_when_the_client_goes_away(seed_server):
    _proc, base = seed_server
    _, before = request(f"{base}/healthz")
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        path = f"/query?{urllib.parse.urlencode({'query': SLOW_COUNT})}"
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        time.sleep(0.5)
    deadline = time.monotonic() + 5
    cancelled = 0
    while time.monotonic() < deadline:
        _, body = request(f"{base}/healthz")
        cancelled = json.loads(body)["stats"]["cancelled"]
        if cancelled > json.loads(before)["stats"]["cancelled"]:
            break
        time.sleep(0.2)
    assert cancelled > json.loads(before)["stats"]["cancelled"]
    assert count(base) > 1000


def test_service_and_foreign_hosts_are_refused(seed_server):
    _, base = seed_server
    status, body = query(base, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    assert status == 400 and b"SERVICE is refused" in body
    status, body = request(f"{base}/", headers={"Host": "rebound.example:80"})
    assert status == 421


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_stopped_or_killed_server_leaves_nothing_behind(seed_build, tmp_path, sig):
    path, _ = seed_build
    proc, base = start(["--graph", str(path)], tmp_path)
    query(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    below = children(proc.pid)
    assert below and list(tmp_path.glob("kg-serve-*"))
    if sig == signal.SIGKILL:  # the kill lands while a worker is busy
        def busy() -> None:  # its connection is cut by the kill: expected, not an error
            with contextlib.suppress(OSError, http.client.HTTPException):
                query(base, SLOW_COUNT, 5)

        threading.Thread(target=busy, daemon=True).start()
        time.sleep(0.3)
    proc.send_signal(sig)
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (any(alive(p) for p in below)
                                           or list(tmp_path.glob("kg-serve-*"))):
        time.sleep(0.1)
    assert not [p for p in below if alive(p)]
    assert not list(tmp_path.glob("kg-serve-*"))


def test_bind_all_interfaces_warns(seed_build, tmp_path):
    path, _ = seed_build
    proc, base = start(["--graph", str(path), "--bind", "0.0.0.0"], tmp_path)
    try:
        status, _ = request(f"{base}/")
        assert status == 200
    finally:
        _, err = stop(proc)
    assert "warning" in err and "other machines" in err
