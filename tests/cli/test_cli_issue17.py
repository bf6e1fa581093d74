"""Command-line defects found by new users (issue 17, item 9)."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

KG = [sys.executable, "-m", "kg"]
ROOT = Path(__file__).resolve().parents[2]


def run(*args, **kw):
    kw.setdefault("timeout", 300)
    return subprocess.run([*KG, *args], capture_output=True, text=True, **kw)


def query_file(tmp_path, text: str) -> str:
    path = tmp_path / "q.rq"
    path.write_text(text)
    return str(path)


def test_ask_prints_true_or_false_and_exits_0_or_1(seed_build, tmp_path):
    graph = str(seed_build[0])
    yes = run("query", query_file(tmp_path, "ASK { ?s ?p ?o }"), "--graph", graph)
    assert (yes.returncode, yes.stdout.strip()) == (0, "true"), yes.stderr
    no = run("query", query_file(tmp_path, "ASK { ?s <http://example.org/none> ?o }"),
             "--graph", graph)
    assert (no.returncode, no.stdout.strip()) == (1, "false"), no.stderr
    js = run("query", query_file(tmp_path, "ASK { ?s ?p ?o }"), "--graph", graph, "-f", "json")
    assert js.returncode == 0 and '"boolean":true' in js.stdout.replace(" ", "")


@pytest.mark.parametrize("fmt,marker", [("table", "@prefix"), ("ttl", "@prefix"),
                                        ("nt", "> <"), ("jsonld", '"@id"')])
def test_construct_writes_rdf_in_the_format(seed_build, tmp_path, fmt, marker):
    text = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e skos:prefLabel ?l }")
    res = run("query", query_file(tmp_path, text), "--graph", str(seed_build[0]), "-f", fmt)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr and marker in res.stdout


def test_describe_writes_turtle(seed_build, tmp_path):
    text = ("PREFIX kg: <https://w3id.org/kg-news/ns#> "
            "DESCRIBE ?d WHERE { ?d a kg:SourceDocument }")
    res = run("query", query_file(tmp_path, text), "--graph", str(seed_build[0]))
    assert res.returncode == 0, res.stderr
    assert "SourceDocument" in res.stdout


def test_a_failing_service_is_one_line(seed_build, tmp_path):
    text = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    res = run("query", query_file(tmp_path, text), "--graph", str(seed_build[0]))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert res.stderr.startswith("error: query failed")


def test_export_to_an_unknown_extension_is_a_usage_error(seed_build, tmp_path):
    res = run("export", "--graph", str(seed_build[0]), "-o", str(tmp_path / "x.owl"))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "cannot tell the RDF format" in res.stderr
    # .rdf (and .xml) are RDF/XML since issue 19
    res = run("export", "--graph", str(seed_build[0]), "-o", str(tmp_path / "x.rdf"))
    assert res.returncode == 0 and "(RDF/XML)" in res.stderr
    assert (tmp_path / "x.rdf").read_bytes().startswith(b'<?xml version="1.0"')


def test_export_from_turtle_to_nquads_warns_that_graphs_are_lost(seed_build, tmp_path):
    ttl = tmp_path / "g.ttl"
    assert run("export", "--graph", str(seed_build[0]), "-o", str(ttl)).returncode == 0
    res = run("export", "--graph", str(ttl), "-o", str(tmp_path / "g.nq"))
    assert res.returncode == 0, res.stderr
    assert "warning:" in res.stderr and "holds no named graphs" in res.stderr
    quiet = run("export", "--graph", str(seed_build[0]), "-o", str(tmp_path / "h.nq"))
    assert "warning" not in quiet.stderr


def test_model_named_as_in_the_readme_loads_its_installed_mirror():
    import importlib.util

    from kg.nlp.model import load_model

    if importlib.util.find_spec("en_core_web_sm") is not None:
        pytest.skip("en_core_web_sm itself is installed")
    nlp = load_model("en_core_web_sm")
    assert nlp.meta["name"].startswith("core_web_sm")


def test_unknown_model_hint_names_the_installed_one():
    from kg.errors import ModelNotFoundError
    from kg.nlp.model import load_model

    with pytest.raises(ModelNotFoundError) as info:
        load_model("en_core_web_xx_missing")
    assert "pip install" not in str(info.value) and "installed:" in str(info.value)


def test_validate_takes_the_graph_either_way_and_says_so(seed_build):
    graph = str(seed_build[0])
    assert run("validate", graph).returncode == 0
    assert run("validate", "--graph", graph).returncode == 0
    res = run("validate")
    assert res.returncode == 2 and "kg validate FILE" in res.stderr


def test_serve_on_a_taken_port_is_one_clear_line(seed_build):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        res = run("serve", "--graph", str(seed_build[0]), "--port", str(port), timeout=60)
    assert res.returncode == 2, res.stderr
    assert "serving" not in res.stderr and "panicked" not in res.stderr
    assert f"port {port} on 127.0.0.1 is already in use" in res.stderr


def test_data_folder_of_the_readme_is_git_ignored():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    res = subprocess.run(["git", "check-ignore", "-q", "data/store/CURRENT"], cwd=ROOT)
    assert res.returncode == 0


def test_summary_counts_an_entity_once_over_documents(tmp_path):
    for n in range(3):
        (tmp_path / f"d{n}.txt").write_text(
            f"Update {n}\nPresident Alma Reyes visited Varn on Sunday, the ministry said. "
            f"Story number {n} was filed.\n")
    res = run("build", str(tmp_path), "-o", str(tmp_path / "g.nq"))
    assert res.returncode == 0, res.stderr
    from kg.store import load_graph_file

    store = load_graph_file(tmp_path / "g.nq")
    distinct = {r["e"].value for r in store.query(
        "PREFIX kg: <https://w3id.org/kg-news/ns#> "
        "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?m kg:mentionOf ?e } }")}
    assert f", {len(distinct)} entities," in res.stderr, res.stderr
