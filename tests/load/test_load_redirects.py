"""`kg load` and redirects (issue 17, item 6): a redirected write is never reported as
loaded, credentials never go to another origin, and Basic credentials are redacted in
every form."""

from __future__ import annotations

import base64

import pytest
from load_servers import FakeGraphStore, Script
from test_load_faults import SECRET, TOKEN, assert_no_secret, fast, sample_store

from kg.errors import LoadError
from kg.load import Credentials, load_store


def redirect_posts_to(target: str, status: int = 302):
    """PUTs are stored; every POST (a later batch) is redirected."""
    def respond(seen):
        if seen.method == "POST":
            return status, b"moved", {"Location": target + seen.path + "?" + seen.raw_query}
        return None, b""
    return respond


@pytest.mark.parametrize("status", [301, 302, 303])
def test_a_redirected_batch_is_a_failure_not_a_success(status):
    """urllib turned the redirected POST into a GET without the data and kg said loaded."""
    script = Script(respond=redirect_posts_to("http://127.0.0.1:9", status))
    with FakeGraphStore(script) as fake, pytest.raises(LoadError) as info:
        load_store(sample_store(graphs=1, triples=10), fake.url,
                   options=fast(max_batch=4))
    message = str(info.value)
    assert f"HTTP {status}" in message and "does not follow it" in message
    assert all(r.method != "GET" for r in script.requests)


def test_credentials_never_follow_a_redirect_to_another_origin(monkeypatch):
    monkeypatch.setenv("KG_TEST_TOKEN", TOKEN)
    creds = Credentials.from_env(token_env="KG_TEST_TOKEN")
    elsewhere = Script()
    with FakeGraphStore(elsewhere) as other:
        script = Script(respond=lambda seen: (307, b"", {"Location": other.url + "/store"}))
        with FakeGraphStore(script) as fake, pytest.raises(LoadError) as info:
            load_store(sample_store(graphs=1), fake.url, options=fast(credentials=creds))
    assert elsewhere.requests == []  # nothing, and no token, reached the other origin
    assert "another origin" in str(info.value)
    assert_no_secret(str(info.value))


def test_a_307_to_the_same_origin_is_followed_with_its_body():
    def respond(seen):
        if seen.path == "/store":
            return 307, b"", {"Location": "/v2/store?" + seen.raw_query}
        return None, b""

    script = Script(respond=respond)
    with FakeGraphStore(script) as fake:
        report = load_store(sample_store(graphs=1, triples=5), fake.url, options=fast())
    assert report.triples == 5
    assert [r.path for r in script.requests] == ["/store", "/v2/store"]
    assert script.requests[1].method == "PUT" and script.requests[1].body.count(b"\n") == 5


def test_basic_credentials_are_redacted_in_base64_too(monkeypatch):
    monkeypatch.setenv("KG_TEST_PASSWORD", SECRET)
    creds = Credentials.from_env(user="ann", password_env="KG_TEST_PASSWORD")
    token = base64.b64encode(f"ann:{SECRET}".encode()).decode()
    script = Script(respond=lambda seen: (400, f"bad header: Authorization: Basic {token} "
                                               f"({token.rstrip('=')})".encode()))
    with FakeGraphStore(script) as fake, pytest.raises(LoadError) as info:
        load_store(sample_store(graphs=1), fake.url, options=fast(credentials=creds))
    message = str(info.value)
    assert token not in message and token.rstrip("=") not in message
    assert "Basic ***" in message
    assert_no_secret(message)
