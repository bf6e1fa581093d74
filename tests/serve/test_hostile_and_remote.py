"""Text from the news is shown as text on every page (a document full of markup and script
strings); and the explorer reads a remote SPARQL endpoint with the same pages."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.query import library

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "load"))
from conftest import SCRIPT, explorer_client
from load_servers import free_port, wait_for_http

from kg.serve import oxigraph_binary

pytestmark = pytest.mark.slow
HOSTILE_ENTITY = "https://w3id.org/kg-news/data/entity/person/hostile"


class Elements(HTMLParser):
    """Every element and attribute of a page, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_escaped(html: str, where: str) -> None:
    """No element or attribute came from the news: scripts only from /static/, no event
    handler attribute, no img/svg/iframe/object, no javascript: link."""
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag not in ("img", "svg", "iframe", "object", "embed", "b"), (where, tag, attrs)
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), (where, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (where, tag, attrs)
            if name in ("href", "src", "action"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")) \
                    or value == "data:,", (where, tag, attrs)


def iris(client, sparql: str) -> list[str]:
    r = client.get("/query", params={"query": sparql},
                   headers={"Accept": "application/sparql-results+json"})
    return [b["x"]["value"] for b in r.json()["results"]["bindings"]]


def test_every_page_shows_hostile_text_as_text(hostile_store):
    with explorer_client(hostile_store) as client:
        pages = ["/", "/?q=script", "/?q=onerror", "/queries", "/network", "/timeline",
                 "/map", "/sparql?query=SELECT+%3Fx+%3Fl+WHERE+%7B%3Fx+skos%3AprefLabel+%3Fl%7D",
                 "/sparql?query=SELECT+*+WHERE+%7B%3Fs+%3Fp+%3Fx%7D"]
        pages += [f"/queries/{name}?run=1" for name in library()]
        entities = iris(client, "SELECT DISTINCT ?x WHERE { ?m kg:mentionOf ?x }")
        facts = iris(client, "SELECT DISTINCT ?x WHERE { { ?x a kg:Event } UNION "
                             "{ ?x a kg:Relation } }")
        assert HOSTILE_ENTITY not in entities and len(facts) >= 3
        pages += [f"/entity?iri={e}" for e in [*entities, HOSTILE_ENTITY]]
        pages += [f"/fact?iri={f}" for f in facts]
        shown = 0
        for page in pages:
            r = client.get(page)
            assert r.status_code == 200, (page, r.text[:300])
            assert_escaped(r.text, page)
            shown += "&lt;script&gt;" in r.text
        assert shown >= 5  # the strings are there, as text
        card = client.get("/entity", params={"iri": HOSTILE_ENTITY}).text
        assert '<h1 id="entity-label">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</h1>' \
            in card
        assert "javascript:alert(1)" in card  # the sameAs link shown, but not as a link
        assert 'href="javascript' not in card
        # downloads carry the text as it is, as a file the browser saves, never renders
        download = client.get("/queries/detentions", params={"format": "csv"})
        assert "<script>alert(1)</script>" in download.text
        assert download.headers["content-disposition"].startswith("attachment")
        assert download.headers["x-content-type-options"] == "nosniff"
        api = client.get("/api/search", params={"q": "script"})
        assert api.headers["content-type"] == "application/json"
        assert SCRIPT in [r["label"] for r in api.json()["results"]]


@pytest.fixture(scope="module")
def oxigraph_endpoint(seed_store):
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location",
                             str(seed_store), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_for_http(f"{url}?query=ASK%7B%7D", proc=proc, timeout=30)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_explorer_reads_a_remote_endpoint(oxigraph_endpoint):
    kz = "https://w3id.org/kg-news/data/entity/country/kazakhstan"
    with explorer_client(endpoint=oxigraph_endpoint) as client:
        home = client.get("/")
        assert home.status_code == 200 and "Reading the remote endpoint" in home.text
        assert re.search(r'class="big">1</span> document<', home.text)
        entity = client.get("/entity", params={"iri": kz})
        assert entity.status_code == 200 and "<h3>as location</h3>" in entity.text
        detentions = client.get("/queries/detentions", params={"run": "1"})
        assert "7,939" in detentions.text and 'class="error"' not in detentions.text
        almaty = client.get("/queries/timeline", params={"run": "1", "p_place": "Almaty"})
        assert 'class="error"' not in almaty.text and "Almaty" in almaty.text
        rows = client.get("/api/timeline", params={"factType": "Protest"}).json()["items"]
        assert rows and {i["class"] for i in rows} == {"Protest"}
        assert client.get("/api/network").json()["nodes"]
        q = client.get("/query", params={"query": "SELECT ?c WHERE { ?c a kg:City }"},
                       headers={"Accept": "application/sparql-results+json"})
        assert q.status_code == 200 and len(q.json()["results"]["bindings"]) == 3
        refused = client.get("/query", params={
            "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"})
        assert refused.status_code == 400
