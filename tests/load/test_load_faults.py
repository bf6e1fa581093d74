"""Loading faults against a scripted fake Graph Store on loopback: clear errors, retries,
413 batching, and credentials that never appear in any message."""

from __future__ import annotations

import base64
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from load_servers import FakeGraphStore, Script, free_port
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.errors import LoadError
from kg.load import Credentials, Loader, LoadOptions, StoreType, graphs_of, load_store

SECRET = "s3cr3t-Pa55:word/+"  # characters that URL- and base64-encoding change
TOKEN = "tok-9f8e7d6c5b4a"
EX = "http://example.org/"


def sample_store(graphs: int = 3, triples: int = 10) -> Store:
    store = Store()
    for g in range(graphs):
        for t in range(triples):
            store.add(Quad(NamedNode(f"{EX}s{t}"), NamedNode(f"{EX}p"), Literal(f"v{g}-{t}"),
                           NamedNode(f"{EX}graph/{g}")))
    return store


def fast(**kw) -> LoadOptions:
    kw.setdefault("backoff", 0.01)
    kw.setdefault("retries", 2)
    kw.setdefault("timeout", 5.0)
    return LoadOptions(**kw)


def assert_no_secret(text: str) -> None:
    for secret in (SECRET, TOKEN, base64.b64encode(f"ann:{SECRET}".encode()).decode()):
        assert secret not in text


def test_put_per_graph_replaces_so_a_second_load_duplicates_nothing():
    script = Script()
    with FakeGraphStore(script) as fake:
        store = sample_store()
        first = load_store(store, fake.url, options=fast())
        snapshot = {g: list(v) for g, v in script.graphs.items()}
        second = load_store(store, fake.url, options=fast())
    assert (first.graphs, first.triples, first.requests) == (3, 30, 3)
    assert (second.graphs, second.triples) == (3, 30)
    assert script.graphs == snapshot
    assert all(len(lines) == 10 for lines in script.graphs.values())
    assert {r.method for r in script.requests} == {"PUT"}
    assert all(r.path == "/store" for r in script.requests)
    assert all(r.headers["Content-Type"] == "application/n-triples" for r in script.requests)


def test_413_splits_into_batches_first_put_then_post():
    def respond(seen):
        n = len([ln for ln in seen.body.splitlines() if ln.strip()])
        return (413, b"Payload Too Large: at most 4 triples") if n > 4 else (None, b"")

    script = Script(respond=respond)
    with FakeGraphStore(script) as fake:
        report = load_store(sample_store(graphs=2, triples=10), fake.url, options=fast())
    assert report.splits >= 1
    assert report.triples == 20
    assert all(len(set(lines)) == 10 for lines in script.graphs.values())
    for graph in script.graphs:
        accepted = [r for r in script.requests if r.query["graph"] == [graph]
                    and len(r.body.splitlines()) <= 4]
        assert accepted[0].method == "PUT"
        assert {r.method for r in accepted[1:]} == {"POST"}


def test_5xx_is_retried_with_exponential_backoff():
    failures = iter([503, 500])

    def respond(seen):
        status = next(failures, None)
        return (status, b"busy") if status else (None, b"")

    waits: list[float] = []
    script = Script(respond=respond)
    with FakeGraphStore(script) as fake:
        loader = Loader(fake.url, fast(backoff=0.5, retries=3), sleep=waits.append)
        report = loader.load(graphs_of(sample_store(graphs=1)))
    assert waits == [0.5, 1.0]
    assert (report.retries, report.graphs, report.triples) == (2, 1, 10)


def test_persistent_5xx_gives_up_with_the_server_message():
    script = Script(respond=lambda seen: (500, b"disk full on the server"))
    with FakeGraphStore(script) as fake, pytest.raises(LoadError) as info:
        load_store(sample_store(), fake.url, options=fast(retries=2))
    message = str(info.value)
    assert "HTTP 500" in message and "disk full on the server" in message
    assert "gave up after 3 attempts" in message
    assert "run the same kg load again" in message
    assert len(script.requests) == 3


def test_other_4xx_is_not_retried_and_shows_the_server_message():
    script = Script(respond=lambda seen: (400, b"Parse error at line 1: bad IRI"))
    with FakeGraphStore(script) as fake, pytest.raises(LoadError) as info:
        load_store(sample_store(), fake.url, options=fast())
    assert "HTTP 400" in str(info.value) and "bad IRI" in str(info.value)
    assert len(script.requests) == 1


def test_404_hints_at_the_store_type():
    script = Script(respond=lambda seen: (404, b"no such dataset"))
    with FakeGraphStore(script) as fake, pytest.raises(LoadError, match="--store-type fuseki"):
        load_store(sample_store(), fake.url, options=fast(store_type=StoreType.FUSEKI))
    assert script.requests[0].path == "/data"


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_are_clear_and_never_printed(status, monkeypatch):
    monkeypatch.setenv("KG_TEST_PASSWORD", SECRET)
    script = Script(respond=lambda seen: (status, f"denied for {SECRET}".encode()))
    creds = Credentials.from_env(user="ann", password_env="KG_TEST_PASSWORD")
    with FakeGraphStore(script) as fake, pytest.raises(LoadError) as info:
        load_store(sample_store(), fake.url, options=fast(credentials=creds))
    message = str(info.value)
    assert f"HTTP {status}" in message and "check --user" in message
    assert_no_secret(message)
    assert "***" in message  # the server echoed it; we redacted it
    sent = script.requests[0].headers["Authorization"]
    assert sent == "Basic " + base64.b64encode(f"ann:{SECRET}".encode()).decode()
    assert len(script.requests) == 1  # never retried


def test_401_without_credentials_says_how_to_give_them():
    script = Script(respond=lambda seen: (401, b"Unauthorized"))
    with FakeGraphStore(script) as fake, pytest.raises(LoadError, match="--token-env"):
        load_store(sample_store(), fake.url, options=fast())


def test_bearer_token_is_sent_and_redacted(monkeypatch):
    monkeypatch.setenv("KG_TEST_TOKEN", TOKEN)
    script = Script(respond=lambda seen: (500, f"token {TOKEN} expired".encode()))
    creds = Credentials.from_env(token_env="KG_TEST_TOKEN")
    with FakeGraphStore(script) as fake, pytest.raises(LoadError) as info:
        load_store(sample_store(), fake.url, options=fast(credentials=creds, retries=0))
    assert script.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert_no_secret(str(info.value))


def test_timeout_is_retried_then_reported():
    script = Script(delay=1.0)
    started = time.monotonic()
    with FakeGraphStore(script) as fake, pytest.raises(LoadError) as info:
        load_store(sample_store(graphs=1), fake.url, options=fast(timeout=0.2, retries=1))
    assert "no answer within 0.2 s" in str(info.value)
    assert "gave up after 2 attempts" in str(info.value)
    assert time.monotonic() - started < 10


def test_connection_refused_is_clear():
    port = free_port()  # nothing listens there
    with pytest.raises(LoadError) as info:
        load_store(sample_store(), f"http://127.0.0.1:{port}", options=fast(retries=1))
    message = str(info.value)
    assert "cannot connect" in message and "Connection refused" in message
    assert "gave up after 2 attempts" in message


def test_credentials_in_the_url_are_refused_and_redacted():
    with pytest.raises(LoadError) as info:
        Loader(f"http://ann:{quote(SECRET, safe='')}@127.0.0.1:1/")
    assert "--password-env" in str(info.value)
    assert_no_secret(str(info.value))
    assert quote(SECRET, safe="") not in str(info.value)


def test_credentials_need_environment_variables(monkeypatch):
    monkeypatch.delenv("KG_TEST_MISSING", raising=False)
    with pytest.raises(LoadError, match="KG_TEST_MISSING is not set"):
        Credentials.from_env(user="ann", password_env="KG_TEST_MISSING")
    with pytest.raises(LoadError, match="--user needs --password-env"):
        Credentials.from_env(user="ann")
    with pytest.raises(LoadError, match="not both"):
        Credentials.from_env(user="ann", password_env="X", token_env="Y")


def test_graph_iri_merges_everything_into_one_graph():
    script = Script()
    with FakeGraphStore(script) as fake:
        report = load_store(sample_store(), fake.url, options=fast(),
                            graph_iri=f"{EX}all")
    assert (report.graphs, report.triples) == (1, 30)
    assert list(script.graphs) == [f"{EX}all"]


@pytest.mark.parametrize(("store_type", "endpoint", "expected"), [
    (StoreType.OXIGRAPH, "http://h:7878", "http://h:7878/store?graph=urn%3Ag"),
    (StoreType.FUSEKI, "http://h:3030/ds/", "http://h:3030/ds/data?graph=urn%3Ag"),
    (StoreType.GRAPHDB, "http://h:7200/repositories/r",
     "http://h:7200/repositories/r/statements?context=%3Curn%3Ag%3E"),
    (StoreType.VIRTUOSO, "http://h:8890",
     "http://h:8890/sparql-graph-crud-auth?graph-uri=urn%3Ag"),
    (StoreType.QLEVER, "http://h:7001", "http://h:7001?graph=urn%3Ag"),
    (StoreType.GSP, "http://h/gsp?x=1", "http://h/gsp?x=1&graph=urn%3Ag"),
])
def test_store_type_presets(store_type, endpoint, expected):
    assert store_type.graph_url(endpoint, "urn:g") == expected


def test_cli_load_never_prints_the_password(tmp_path):
    import os

    graph = tmp_path / "g.nq"
    from pyoxigraph import RdfFormat, serialize

    serialize(sample_store(), str(graph), RdfFormat.N_QUADS)
    script = Script(respond=lambda seen: (401, f"bad password {SECRET}".encode()))
    env = {**os.environ, "KG_TEST_PASSWORD": SECRET}
    with FakeGraphStore(script) as fake:
        done = subprocess.run([sys.executable, "-m", "kg", "load", "--graph", str(graph),
                               "--endpoint", fake.url, "--user", "ann",
                               "--password-env", "KG_TEST_PASSWORD"],
                              capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert "HTTP 401" in done.stderr
    assert_no_secret(done.stdout + done.stderr)


def test_load_serve_drop_never_import_spacy(tmp_path):
    probe = (
        "import sys, runpy\n"
        "for argv in (['kg', 'load', '--graph', 'missing.nq', '--endpoint', "
        "'http://127.0.0.1:1'], ['kg', 'serve', '--store', 'missing'], "
        "['kg', 'drop', 'x', '--store', 'missing']):\n"
        "    sys.argv = argv\n"
        "    try:\n        runpy.run_module('kg', run_name='__main__')\n"
        "    except SystemExit as e:\n        assert e.code == 2, (argv, e.code)\n"
        "assert 'spacy' not in sys.modules, 'a read-only command imported spaCy'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr


def test_default_graph_triples_go_to_the_default_graph():
    store = sample_store(graphs=1, triples=2)
    from pyoxigraph import DefaultGraph

    store.add(Quad(NamedNode(f"{EX}d"), NamedNode(f"{EX}p"), Literal("in default"),
                   DefaultGraph()))
    script = Script()
    with FakeGraphStore(script) as fake:
        report = load_store(store, fake.url, options=fast())
    assert (report.graphs, report.triples) == (2, 3)
    default = [r for r in script.requests if "graph" not in r.query]
    assert len(default) == 1 and b"in default" in default[0].body
    assert default[0].raw_query == "default"


def test_ctrl_c_during_a_load_is_one_clear_line(tmp_path):
    import signal

    from pyoxigraph import RdfFormat, serialize

    graph = tmp_path / "g.nq"
    serialize(sample_store(), str(graph), RdfFormat.N_QUADS)
    script = Script(delay=3.0)
    with FakeGraphStore(script) as fake:
        proc = subprocess.Popen([sys.executable, "-m", "kg", "load", "--graph", str(graph),
                                 "--endpoint", fake.url], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while not script.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        assert script.requests, "kg load sent nothing"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "interrupted by Ctrl-C" in err and "run the same kg load again" in err
    assert "Traceback" not in err
