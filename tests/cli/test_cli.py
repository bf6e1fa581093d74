"""The command line: build, query without spaCy, version, errors."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from kg import __version__

KG = [sys.executable, "-m", "kg"]


def run(*args, **kw):
    return subprocess.run([*KG, *args], capture_output=True, text=True, **kw)


def test_version():
    res = run("--version")
    assert res.returncode == 0
    assert __version__ in res.stdout


def test_query_csv_without_spacy(seed_build, tmp_path):
    path, _ = seed_build
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['kg', 'query', 'entities-by-type', '--graph', {str(path)!r}, "
        "'--format', 'csv']\n"
        "try:\n    runpy.run_module('kg', run_name='__main__')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "assert 'spacy' not in sys.modules, 'kg query imported spaCy'\n"
    )
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    reader = csv.reader(io.StringIO(res.stdout))
    header = next(reader)
    assert header[:3] == ["label", "class", "mentions"]
    assert sum(1 for _ in reader) > 10


def test_unknown_query_is_a_clear_error(seed_build):
    path, _ = seed_build
    res = run("query", "no-such-query", "--graph", str(path))
    assert res.returncode == 2
    assert "no query named 'no-such-query'" in res.stderr
    assert "kg queries" in res.stderr


def test_build_reports_missing_input(tmp_path):
    res = run("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "g.ttl"))
    assert res.returncode == 2
    assert "nope.txt" in res.stderr and "no such file" in res.stderr


def test_build_cli_writes_graph(tmp_path, seed_path):
    out = tmp_path / "g.nq"
    res = run("build", str(seed_path), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "1 documents built" in res.stderr
    assert out.stat().st_size > 0


def test_build_published_sets_the_page_date(tmp_path):
    """`--published` dates a page that prints no date; relative dates resolve against it."""
    src = tmp_path / "wire.txt"
    src.write_text("Troops Sent to Border\nThe army deployed 300 soldiers to the border "
                   "town of Korvo on Sunday.\n", encoding="utf-8")
    out = tmp_path / "g.nt"
    res = run("build", str(src), "-o", str(out), "--published", "2025-03-11")
    assert res.returncode == 0, res.stderr
    graph = out.read_text(encoding="utf-8")
    assert '"2025-03-11"^^<http://www.w3.org/2001/XMLSchema#date>' in graph
    assert '"2025-03-09"^^<http://www.w3.org/2001/XMLSchema#date>' in graph  # that Sunday
    bad = run("build", str(src), "-o", str(out), "--published", "11.03.2025")
    assert bad.returncode == 2 and "--published takes a date as YYYY-MM-DD" in bad.stderr
