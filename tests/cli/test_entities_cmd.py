"""`kg entities`: canonical entities of a built graph, without importing spaCy."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys


def run_entities(path, *args):
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['kg', 'entities', '--graph', {str(path)!r}, *{list(args)!r}]\n"
        "try:\n    runpy.run_module('kg', run_name='__main__')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "assert 'spacy' not in sys.modules, 'kg entities imported spaCy'\n"
    )
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_json_lists_type_counts_aliases_and_links(seed_build):
    path, _ = seed_build
    rows = json.loads(run_entities(path, "--format", "json"))
    counts = [r["mentions"] for r in rows]
    assert counts == sorted(counts, reverse=True)  # most mentioned first
    cities = [r for r in rows if r["type"] == "City"]
    astana = next(r for r in cities if r["geonames_id"] == 1526273)
    assert "NUR-SULTAN" in astana["aliases"]
    assert astana["country_code"] == "KZ" and astana["lat"] is not None
    assert "https://sws.geonames.org/1526273/" in astana["links"]
    assert all(r["mentions"] >= 1 for r in rows)


def test_type_filter_and_csv(seed_build):
    path, _ = seed_build
    out = run_entities(path, "--type", "Person", "--format", "csv")
    reader = csv.DictReader(io.StringIO(out))
    rows = list(reader)
    assert rows and {r["type"] for r in rows} == {"Person"}
    assert reader.fieldnames[:4] == ["entity", "type", "name", "mentions"]


def test_table_output(seed_build):
    path, _ = seed_build
    out = run_entities(path, "--type", "Country")
    assert "Country" in out and "entities" in out.splitlines()[-1]
