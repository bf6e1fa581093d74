"""Three independent parsers read every export format, the ontology and the shapes cleanly.

pyoxigraph, Apache Jena riot and Raptor rapper (rdflib stands in for rapper on
JSON-LD, which Raptor 2 cannot read; it also reads every other file as a
fourth opinion). A file passes when the parser reports no error and no
warning and reads the same number of statements as pyoxigraph wrote.

In CI (CI=true) a missing riot or rapper fails the test; locally it skips.
Install them with: apt-get install libapache-jena-java raptor2-utils default-jre-headless
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import rdf_parsers as P
from rdf_samples import nasty_labels

from kg.formats import GraphFormat
from kg.store import export_store, load_graph_file
from kg.validate import ontology_path, shapes_path

# rdflib's own TriG/N-Quads/JSON-LD parsers use its deprecated ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
FORMATS = [f.value for f in GraphFormat]


def need(available: bool, tool: str) -> None:
    if not available:
        message = (f"{tool} is not installed (apt-get install libapache-jena-java "
                   "raptor2-utils default-jre-headless)")
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def files(seed_build, tmp_path_factory) -> dict[str, tuple[Path, str, int]]:
    """name -> (path, format key, expected statement count)."""
    out = tmp_path_factory.mktemp("exports")
    seed = load_graph_file(seed_build[0])
    nasty = nasty_labels().store()
    found: dict[str, tuple[Path, str, int]] = {}
    for label, store in (("seed", seed), ("nasty", nasty)):
        for fmt in GraphFormat:
            path = out / f"{label}.{fmt.value}"
            export_store(store, path, fmt)
            found[f"{label}.{fmt.value}"] = (path, fmt.value, P.oxigraph(path, fmt.value).count)
    for path in (ontology_path(), shapes_path()):
        found[path.name] = (path, "ttl", P.oxigraph(path, "ttl").count)
    return found


NAMES = [f"{label}.{fmt}" for label in ("seed", "nasty") for fmt in FORMATS] + [
    "kg.ttl", "shapes.ttl"]


@pytest.fixture(scope="module")
def riot_results(files) -> dict[Path, P.ParseResult]:
    if P.riot_classpath() is None:
        return {}
    results: dict[Path, P.ParseResult] = {}
    plain = [p for p, fmt, _ in files.values() if fmt != "jsonld"]
    results.update(P.riot(plain))
    results.update(P.riot([p for p, fmt, _ in files.values() if fmt == "jsonld"], "jsonld"))
    return results


def check(result: P.ParseResult, expected: int) -> None:
    assert not result.problems, f"{result.parser}: {result.problems}"
    assert result.count == expected, f"{result.parser} read {result.count}, expected {expected}"


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_pyoxigraph(files, name):
    path, fmt, expected = files[name]
    assert expected and expected > 0
    check(P.oxigraph(path, fmt), expected)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_riot(files, riot_results, name):
    need(bool(riot_results), "Apache Jena riot (java + /usr/share/java/jena-*.jar)")
    path, _, expected = files[name]
    check(riot_results[path], expected)


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in NAMES if not n.endswith(".jsonld")])
def test_rapper(files, name):
    need(P.rapper_available(), "Raptor rapper")
    path, fmt, expected = files[name]
    check(P.rapper(path, fmt), expected)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_rdflib(files, name):
    path, fmt, expected = files[name]
    check(P.rdflib_parse(path, fmt), expected)


def test_parsers_report_a_broken_file(tmp_path):
    """The check can fail: a bad IRI and a bad date are problems for every parser."""
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix : <http://example.org/> .\n:a :b "x"^^<http://www.w3.org/2001/'
                   'XMLSchema#date> .\n:a :c <http://example.org/ a> .\n', encoding="utf-8")
    assert not P.oxigraph(bad, "ttl").ok
    assert not P.rdflib_parse(bad, "ttl").ok
    if P.rapper_available():
        assert not P.rapper(bad, "ttl").ok
    if P.riot_classpath() is not None:
        result = P.riot([bad])[bad]
        assert any("WARN" in p for p in result.problems), result.problems
        assert any("ERROR" in p for p in result.problems), result.problems
