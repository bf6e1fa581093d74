"""`kg serve`: a real local SPARQL endpoint on loopback that answers and stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, serialize

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "load"))
from load_servers import NO_PROXY, free_port, wait_for_http

pytestmark = pytest.mark.slow
EX = "http://example.org/"


def sample() -> Store:
    store = Store()
    for g in range(2):
        for t in range(3):
            store.add(Quad(NamedNode(f"{EX}s{t}"), NamedNode(f"{EX}p"), Literal(f"{g}-{t}"),
                           NamedNode(f"{EX}g{g}")))
    return store


def post(url: str, body: str, content_type: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body.encode(), method="POST",
                                     headers={"Content-Type": content_type,
                                              "Accept": "application/sparql-results+json"})
    try:
        with NO_PROXY.open(request, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def count(base: str) -> int:
    import json

    status, body = post(f"{base}/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                        "application/sparql-query")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def start(args: list[str], tmp_path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", *args, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/query?query=ASK%7B%7D", proc=proc, timeout=30)
    except BaseException:
        stop(proc)
        raise
    return proc, base


def stop(proc: subprocess.Popen) -> tuple[int, str]:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate(timeout=10)
    return proc.returncode, err


def test_serve_a_graph_file_read_only(tmp_path):
    graph = tmp_path / "g.nq"
    serialize(sample(), str(graph), RdfFormat.N_QUADS)
    proc, base = start(["--graph", str(graph)], tmp_path)
    try:
        assert count(base) == 6  # the union of the named graphs is the default graph
        status, _ = post(f"{base}/update", f"INSERT DATA {{ <{EX}x> <{EX}y> <{EX}z> }}",
                         "application/sparql-update")
        assert status == 403  # read-only unless --writable
        with NO_PROXY.open(f"{base}/", timeout=10) as r:  # the web query page
            assert r.status == 200
    finally:
        code, err = stop(proc)
    assert code == 0, err
    assert "read-only" in err and "127.0.0.1" in err
    assert not list(tmp_path.glob("kg-serve-*"))  # the temporary store is gone


def test_serve_a_store_writable(tmp_path):
    store_dir = tmp_path / "store"
    disk = Store(str(store_dir))
    disk.extend(sample())
    disk.flush()
    del disk
    proc, base = start(["--store", str(store_dir), "--writable"], tmp_path)
    try:
        status, body = post(f"{base}/update", f"INSERT DATA {{ <{EX}x> <{EX}y> <{EX}z> }}",
                            "application/sparql-update")
        assert status == 204, body
        assert count(base) == 7
    finally:
        code, err = stop(proc)
    assert code == 0, err
    reopened = Store.read_only(str(store_dir))
    assert len(reopened) == 7
    del reopened


def test_serve_needs_one_source(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "--store",
                           str(tmp_path / "missing")], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert "no such store directory" in done.stderr
