"""`kg query` takes a library name, a .rq/.sparql file, -e TEXT or - (stdin), and
--print-sparql writes standard SPARQL with the parameters in VALUES blocks (issue 19)."""

from __future__ import annotations

import subprocess
import sys

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kg-news/ns#Statement> }"


def kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], input=stdin, capture_output=True,
                          text=True, timeout=120, check=False)


def test_every_input_form_gives_the_same_answer(seed_build, tmp_path):
    graph = str(seed_build[0])
    rq = tmp_path / "mine.sparql"
    rq.write_text(COUNT, encoding="utf-8")
    answers = {
        "-e": kg("query", "-e", COUNT, "-g", graph, "-f", "csv"),
        "stdin": kg("query", "-", "-g", graph, "-f", "csv", stdin=COUNT),
        "file": kg("query", str(rq), "-g", graph, "-f", "csv"),
    }
    for form, done in answers.items():
        assert done.returncode == 0, (form, done.stderr)
    assert len({d.stdout for d in answers.values()}) == 1
    assert answers["-e"].stdout.splitlines()[1] == "8"


def test_print_sparql_and_errors():
    done = kg("query", "requests", "--print-sparql", "-p", 'addressee=a "b"')
    assert done.returncode == 0, done.stderr
    assert 'VALUES ?addressee { "a \\"b\\"" }' in done.stdout
    missing = kg("query", "no-such-file.rq", "--print-sparql")
    assert missing.returncode == 2 and "no such query file" in missing.stderr
    assert "Traceback" not in missing.stderr
    neither = kg("query", "--print-sparql")
    assert neither.returncode != 0 and "Traceback" not in neither.stderr


def test_kg_queries_lists_the_parameters_a_user_gives():
    done = kg("queries")
    assert done.returncode == 0, done.stderr
    assert "label (string)" in done.stdout and "labelKey" not in done.stdout
