"""`kg eval`: JSON and report output, --min-f1 exit status, no spaCy when reading a graph."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from eval_builders import TinyDoc, qty
from typer.testing import CliRunner

from kg.cli.app import app
from kg.formats import GraphFormat
from kg.store import export_store

GOLD = """\
entities:
  - {name: Syldavian Guard, type: ArmedForce}
  - {name: Klow, type: City}
events:
  - {type: Detention, agent: Syldavian Guard, quantity: 300, location: Klow}
  - {type: Detention, agent: Syldavian Guard, quantity: 12, location: Klow}
"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A graph with both gold entities and one of the two detentions (fact F1 2/3)."""
    d = TinyDoc("The Syldavian Guard detained 300 people in Klow.")
    guard = d.mention("Syldavian Guard", "ArmedForce")
    klow = d.mention("Klow", "City")
    d.fact("Detention", 0, agent=guard, quantity=qty(300), location=klow)
    root = tmp_path_factory.mktemp("tiny")
    graph = root / "tiny.trig"
    export_store(d.store(), graph, GraphFormat.TRIG)
    gold = root / "gold.yaml"
    gold.write_text(GOLD, encoding="utf-8")
    return graph, gold


def invoke(*args):
    return CliRunner().invoke(app, ["eval", *map(str, args)])


def test_json_on_a_tiny_graph(tiny):
    graph, gold = tiny
    res = invoke("--gold", gold, "--graph", graph, "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["entities"]["f1"] == 1.0
    assert data["facts"]["recall"] == 0.5 and data["facts"]["precision"] == 1.0
    (miss,) = data["misses"]
    assert miss["gold"] == "Detention(agent=Syldavian Guard, quantity=12, location=Klow)"
    assert miss["sentence"] == "The Syldavian Guard detained 300 people in Klow."
    assert miss["nearest"]["disagree"] == ["quantity"]


def test_min_f1_sets_the_exit_status(tiny):
    graph, gold = tiny
    assert invoke("--gold", gold, "--graph", graph, "--json", "--min-f1", "0.6").exit_code == 0
    res = invoke("--gold", gold, "--graph", graph, "--min-f1", "0.7")
    assert res.exit_code == 1
    assert "fact F1 0.667" in res.stderr


def test_readable_report(tiny):
    graph, gold = tiny
    res = invoke("--gold", gold, "--graph", graph)
    assert res.exit_code == 0
    assert "Misses (1)" in res.stdout
    assert "sentence: The Syldavian Guard detained 300 people in Klow." in res.stdout
    assert "nearest:" in res.stdout and "differs in quantity" in res.stdout


def test_bad_gold_file_names_its_line(tiny, tmp_path):
    graph, _ = tiny
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOLD.replace("quantity: 12", "quantity: twelve"), encoding="utf-8")
    res = invoke("--gold", bad, "--graph", graph)
    assert res.exit_code == 2
    assert "bad.yaml: line 6:" in res.stderr


def test_needs_exactly_one_input(tiny):
    graph, gold = tiny
    assert invoke("--gold", gold).exit_code == 2
    assert invoke("--gold", gold, "--graph", graph, "seeds/").exit_code == 2


def test_seed_graph_json_without_spacy(seed_build, gold_path):
    path, _ = seed_build
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['kg', 'eval', '--gold', {str(gold_path)!r}, '--graph', {str(path)!r}, "
        "'--json']\n"
        "try:\n    runpy.run_module('kg', run_name='__main__')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "assert 'spacy' not in sys.modules, 'kg eval --graph imported spaCy'\n"
    )
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    for key in ("precision", "recall", "f1", "type_accuracy", "by_type"):
        assert key in data["entities"]
    for key in ("precision", "recall", "f1", "core_recall", "by_type"):
        assert key in data["facts"]
    assert data["questions"]["total"] == 9
    assert isinstance(data["misses"], list) and isinstance(data["spurious"], list)


def test_building_sources_gives_the_same_figures(seed_build, gold_path, seed_path):
    """`kg eval --gold G SOURCES --json` builds the sources itself."""
    path, _ = seed_build
    built = subprocess.run([sys.executable, "-m", "kg", "eval", "--gold", str(gold_path),
                            str(seed_path.parent), "--json"], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    read = subprocess.run([sys.executable, "-m", "kg", "eval", "--gold", str(gold_path),
                           "--graph", str(path), "--json"], capture_output=True, text=True)
    a, b = json.loads(built.stdout), json.loads(read.stdout)
    for part in ("entities", "facts", "questions"):
        assert a[part] == b[part]


def test_questions_map_option(tiny, tmp_path):
    graph, _ = tiny
    with_question = tmp_path / "gold.yaml"
    with_question.write_text(GOLD + "questions:\n  - ask: Who detained how many?\n"
                             "    answer: [[Syldavian Guard, 300]]\n", encoding="utf-8")
    qmap = tmp_path / "questions.yaml"
    qmap.write_text("questions:\n  - ask: Who detained how many?\n    query: detentions\n"
                    "    columns: [{column: agent, kind: entity}, {column: count, kind: number}]\n",
                    encoding="utf-8")
    res = invoke("--gold", with_question, "--graph", graph, "--json", "--questions", qmap)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["questions"] == {
        "answered": 1, "total": 1, "details": [{
            "ask": "Who detained how many?", "line": 8, "query": "detentions",
            "status": "answered", "gold_rows": 1, "found": 1, "missing": [], "extra": []}]}
    res = invoke("--gold", with_question, "--graph", graph, "--json")   # built-in map
    assert json.loads(res.stdout)["questions"]["details"][0]["status"] == "unmapped"


def test_check_validates_without_a_graph(tiny, gold_path):
    _, gold = tiny
    res = invoke("--gold", gold_path, "--check")
    assert res.exit_code == 0, res.output
    assert "valid; 31 entities, 48 facts (29 core), 9 questions" in res.stdout
    assert "warning" not in res.stderr
    res = invoke("--gold", gold, "--check")
    assert res.exit_code == 0 and "2 facts (0 core)" in res.stdout
    graph, _ = tiny
    assert invoke("--gold", gold, "--check", "--graph", graph).exit_code == 2


def test_corpus_splits_one_line_each_and_json(seed_path, gold_path):
    """`kg eval --corpus NAME=DIR` builds a split and sums its figures (make eval)."""
    seeds = str(seed_path.parent)
    res = subprocess.run([sys.executable, "-m", "kg", "eval", "--corpus", f"seed={seeds}",
                          "--legacy", "seed", "--json"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert list(data) == ["seed"]
    seed = data["seed"]
    one = subprocess.run([sys.executable, "-m", "kg", "eval", "--gold", str(gold_path), seeds,
                          "--legacy", "gold", "--json"], capture_output=True, text=True)
    single = json.loads(one.stdout)
    assert seed["texts"] == 1
    for part in ("entities", "facts"):
        for key in ("precision", "recall", "f1", "gold", "predicted", "matched"):
            assert seed[part][key] == single[part][key], (part, key)
    assert seed["dates"]["given"] == seed["dates"]["right"] > 0
    assert seed["questions"] == {"answered": 9, "total": 9}
    assert [Path(d["gold"]).name for d in seed["documents"]] == [gold_path.name]
    table = subprocess.run([sys.executable, "-m", "kg", "eval", "--corpus", f"seed={seeds}",
                            "--legacy", "seed", "--types", "seed"], capture_output=True,
                           text=True)
    assert table.returncode == 0, table.stderr
    assert "Facts by type, seed" in table.stdout
    assert f"{seed['facts']['f1']:.3f}" in table.stdout
    wrong = subprocess.run([sys.executable, "-m", "kg", "eval", "--corpus", f"seed={seeds}",
                            "--legacy", "nosuch"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "--legacy names no split" in wrong.stderr
    bad = invoke("--corpus", f"seed={seeds}", "--types", "dev")
    assert bad.exit_code == 2 and "--types names no split: dev" in bad.output
