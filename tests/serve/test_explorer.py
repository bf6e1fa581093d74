"""The explorer app in-process (Starlette's TestClient) over the seed: every page, the JSON
behind the views, downloads, and the SPARQL protocol endpoint."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote

import pytest

from kg.query import library

pytestmark = pytest.mark.slow

KZ = "https://w3id.org/kg-news/data/entity/country/kazakhstan"
ALMATY = "https://w3id.org/kg-news/data/entity/city/almaty"


def first_fact(client, cls: str) -> str:
    r = client.get("/query", params={"query": f"SELECT ?f WHERE {{ ?f a kg:{cls} }} LIMIT 1"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return r.json()["results"]["bindings"][0]["f"]["value"]


def test_home_tells_what_the_graph_holds(seed_client):
    r = seed_client.get("/")
    assert r.status_code == 200
    html = r.text
    assert re.search(r'class="big">1</span> document<', html)
    assert "Country" in html and "Deployment" in html
    assert "2 January 2022" in html  # the first fact date, shown as a date
    assert "Kazakhstan" in html  # most mentioned


def test_search_by_name_and_alias(seed_client):
    r = seed_client.get("/", params={"q": "kazakh"})
    assert r.status_code == 200
    assert f'/entity?iri={quote(KZ, safe="")}' in r.text
    found = seed_client.get("/api/search", params={"q": "CSTO"}).json()["results"]
    assert any(f["label"] == "Collective Security Treaty Organization" for f in found)


@pytest.mark.parametrize("name", sorted(library()))
def test_every_library_query_runs_as_a_form(seed_client, name):
    page = seed_client.get(f"/queries/{name}")
    assert page.status_code == 200
    assert 'name="run"' in page.text
    r = seed_client.get(f"/queries/{name}", params={"run": "1"})
    assert r.status_code == 200, r.text
    assert 'class="error"' not in r.text, r.text[r.text.find('class="error"'):][:300]
    assert 'class="count"' in r.text


def test_library_results_are_typed_and_short_names_are_accepted(seed_client):
    r = seed_client.get("/queries/entities-by-type", params={"run": "1", "p_type": "Country"})
    assert r.status_code == 200
    assert "Kazakhstan" in r.text and "Almaty" not in r.text  # only countries
    assert f'href="/entity?iri={quote(KZ, safe="")}"' in r.text  # entities link to their page
    detentions = seed_client.get("/queries/detentions", params={"run": "1"}).text
    assert "7,939" in detentions  # numbers shown as numbers
    assert 'href="/fact?iri=' in detentions  # facts link to their page
    timeline = seed_client.get("/queries/timeline", params={"run": "1", "p_place": "Almaty"})
    assert re.search(r'class="v-date" title="2022-01-\d\d">\d+ January 2022<', timeline.text)


def test_downloads_csv_and_json(seed_client):
    r = seed_client.get("/queries/detentions", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][:3] == ["agent", "count", "place"] and len(rows) > 2
    j = seed_client.get("/queries/detentions", params={"format": "json"}).json()
    assert j["vars"][:2] == ["agent", "count"]
    assert max(row["count"] for row in j["rows"]) == 7939  # a number, not a string


def test_csv_cells_are_not_spreadsheet_formulas():
    from kg.explorer.values import csv_safe

    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert csv_safe(["l", "=HYPERLINK(\"x\")", xsd + "string", None]) == "'=HYPERLINK(\"x\")"
    assert csv_safe(["l", "-5", xsd + "integer", None]) == "-5"


def test_sparql_editor_select_ask_construct_and_errors(seed_client):
    page = seed_client.get("/sparql")
    assert "PREFIX kg: &lt;https://w3id.org/kg-news/ns#&gt;" in page.text  # prefixes preloaded
    select = seed_client.get("/sparql", params={"query": "SELECT ?c WHERE { ?c a kg:City }"})
    assert "3 rows" in select.text and "Almaty" in select.text
    ask = seed_client.get("/sparql", params={"query": "ASK { ?c a kg:Country }"})
    assert "<strong>yes</strong>" in ask.text
    construct = seed_client.get("/sparql", params={
        "query": "CONSTRUCT { ?c a kg:City } WHERE { ?c a kg:City }"})
    assert "3 rows" in construct.text
    bad = seed_client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert bad.status_code == 200 and "SPARQL syntax error" in bad.text


def test_entity_page(seed_client):
    r = seed_client.get("/entity", params={"iri": KZ})
    assert r.status_code == 200
    html = r.text
    assert '<h1 id="entity-label">Kazakhstan</h1>' in html
    assert "Republic of Kazakhstan" in html  # an alias
    assert 'href="https://sws.geonames.org/1522867/"' in html and "ISO 3166 KZ" in html
    assert '<mark class="hl-mention" title="mention">Kazakhstan</mark>' in html
    assert "<h3>as location</h3>" in html  # facts by role
    assert 'id="timeline" data-src="/api/timeline?entity=' in html


def test_fact_page(seed_client):
    iri = first_fact(seed_client, "Deployment")
    r = seed_client.get("/fact", params={"iri": iri})
    assert r.status_code == 200
    html = r.text
    assert 'class="hl-trigger"' in html and ">deployed<" in html
    assert re.search(r'class="hl-role" title="[^"]*location[^"]*">Kazakhstan</a>', html)
    assert "asserted" in html and "the default: no kg:factuality" in html
    assert "000_72ea2dc2026ad733" in html and "deployment/participle" in html
    resource = seed_client.get("/resource", params={"iri": iri}, follow_redirects=False)
    assert resource.status_code == 303 and resource.headers["location"].startswith("/fact?")


def test_network_api_caps_and_filters(seed_client):
    full = seed_client.get("/api/network").json()
    assert full["nodes"] and full["edges"]
    assert all(n["href"].startswith("/entity?iri=") for n in full["nodes"])
    capped = seed_client.get("/api/network", params={"cap": "3"}).json()
    assert capped["shown_links"] == 3 and capped["total_links"] == full["total_links"]
    assert capped["more"] and "cap=6" in capped["more"]
    weights = [e["weight"] for e in capped["edges"]]
    assert weights == sorted(weights, reverse=True)
    places = seed_client.get("/api/network", params=[("type", "Country"), ("type", "City")])
    assert {n["class"] for n in places.json()["nodes"]} <= {"Country", "City"}
    deploy = seed_client.get("/api/network", params={"factType": "Deployment"}).json()
    assert 0 < deploy["total_links"] < full["total_links"]
    bad = seed_client.get("/api/network", params={"from": "yesterday"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["error"]


def test_timeline_and_places_api(seed_client):
    items = seed_client.get("/api/timeline").json()["items"]
    assert items and all(re.fullmatch(r"\d{4}-\d\d-\d\d", i["date"]) for i in items)
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    protests = seed_client.get("/api/timeline", params={"factType": "protest"}).json()["items"]
    assert protests and {i["class"] for i in protests} == {"Protest"}
    mine = seed_client.get("/api/timeline", params={"entity": KZ}).json()["items"]
    assert mine and all(i["role"] for i in mine)
    data = seed_client.get("/api/places").json()
    almaty = next(p for p in data["places"] if p["id"] == ALMATY)
    assert almaty["events"] > 0 and almaty["lat"] == pytest.approx(43.25, abs=0.1)
    assert any(c["iso"] == "398" for c in data["countries"])  # Kazakhstan's outline


@pytest.mark.parametrize("path", ["/network", "/timeline", "/map", "/queries"])
def test_view_pages_render(seed_client, path):
    r = seed_client.get(path)
    assert r.status_code == 200 and "<h1>" in r.text


def test_sparql_protocol_endpoint(seed_client):
    q = "SELECT ?c WHERE { ?c a <https://w3id.org/kg-news/ns#City> } ORDER BY ?c"
    j = seed_client.get("/query", params={"query": q},
                        headers={"Accept": "application/sparql-results+json"})
    assert j.status_code == 200 and len(j.json()["results"]["bindings"]) == 3
    c = seed_client.post("/query", data={"query": q}, headers={"Accept": "text/csv"})
    assert c.headers["content-type"].startswith("text/csv") and c.text.startswith("c\r\n")
    x = seed_client.post("/query", content=q, headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+xml"})
    assert x.status_code == 200 and "<sparql" in x.text
    t = seed_client.get("/query", params={"query": "CONSTRUCT WHERE { ?c a kg:City }"},
                        headers={"Accept": "text/turtle"})
    assert t.status_code == 200 and t.headers["content-type"].startswith("text/turtle")
    update = seed_client.post("/query", data={"query": "DROP ALL"})
    assert update.status_code == 403


def test_service_is_refused(seed_client):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    r = seed_client.get("/query", params={"query": q})
    assert r.status_code == 400 and "SERVICE is refused" in r.text
    page = seed_client.get("/sparql", params={"query": q})
    assert "SERVICE is refused" in page.text
    ok = seed_client.get("/query", params={"query": 'ASK { FILTER("service" = "service") }'})
    assert ok.status_code == 200  # the word in a string is not the keyword


def test_foreign_host_is_refused_and_headers_are_set(seed_client):
    r = seed_client.get("/", headers={"Host": "attacker.example"})
    assert r.status_code == 421 and "answers only to" in r.text
    ok = seed_client.get("/")
    csp = ok.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert ok.headers["x-content-type-options"] == "nosniff"


def test_read_only_server_refuses_updates(seed_client):
    r = seed_client.post("/update", content="DROP ALL",
                         headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403 and "read-only" in r.text


def test_errors_say_what_to_do(seed_client):
    r = seed_client.get("/entity")
    assert r.status_code == 400 and "add ?iri=IRI" in r.text
    r = seed_client.get("/queries/no-such-query")
    assert r.status_code == 400 and "no query named" in r.text
    r = seed_client.get("/entity", params={"iri": "not an iri"})
    assert r.status_code == 400 and "Traceback" not in r.text


def test_the_app_never_imports_spacy(seed_store):
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from starlette.testclient import TestClient\n"
        "from kg.explorer.app import ServeSettings, create_app\n"
        "import kg.cli.serve, kg.serve, kg.explorer.pages, kg.explorer.views\n"
        f"app = create_app(ServeSettings(store_dir={str(seed_store)!r}, port=80, "
        "allow_hosts=('testserver',)))\n"
        "with TestClient(app) as c:\n"
        "    assert c.get('/').status_code == 200\n"
        "    assert c.get('/entity', params={'iri': "
        f"{KZ!r}}}).status_code == 200\n"
        "assert 'spacy' not in sys.modules, 'kg serve imported spaCy'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr


def test_remote_binding_puts_values_where_the_parameter_is_used():
    from kg.explorer.sparql import bind_values

    text = ("SELECT ?x ?p WHERE { { SELECT DISTINCT ?x ?p WHERE { ?x ?y ?z "
            "FILTER(STR(?z) = ?p) } } ?x a ?t }")
    bound = bind_values(text, {"p": '"a"'})
    assert bound.count('VALUES (?p) { ("a") }') == 2
    assert json.dumps(bind_values("ASK { ?s ?p ?o }", {})) == json.dumps("ASK { ?s ?p ?o }")


def test_the_fact_index_knows_every_fact_class_of_the_ontology():
    """fact-attributes.rq lists the classes of facts: a new class in the ontology must be
    added there, or its facts would be missing from the network, timeline and map."""
    from pyoxigraph import RdfFormat, Store

    from kg.resources import ontology_dir, queries_dir

    onto = Store()
    onto.load(path=str(ontology_dir() / "kg.ttl"), format=RdfFormat.TURTLE)
    subclasses = {row[0].value.rsplit("#", 1)[1] for row in onto.query(
        "PREFIX kg: <https://w3id.org/kg-news/ns#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?c WHERE { VALUES ?top { kg:Event kg:Relation } "
        "?c rdfs:subClassOf+ ?top }")}
    listed = set(re.findall(r"kg:([A-Z]\w*)",
                            (queries_dir() / "explorer" / "fact-attributes.rq").read_text()))
    assert subclasses and subclasses <= listed


def test_a_name_is_asked_for_once_and_its_key_bound_by_kg(seed_client):
    """A `(key of label)` parameter is kg's to bind: no field for it, and the name finds
    its entity in any case."""
    page = seed_client.get("/queries/mentions-of").text
    assert 'name="p_label"' in page and "p_labelKey" not in page
    r = seed_client.get("/queries/mentions-of", params={"run": "1", "p_label": "KAZAKHSTAN"})
    assert r.status_code == 200 and "Kazakhstan" in r.text
    assert 'class="error"' not in r.text
