"""bench/serve_bench.py runs end to end at a tiny size; the generator's shared-entity mode.

Nothing is timed here (targets live in bench/ and docs/explorer.md, never in timed tests).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402


def test_shared_corpus_names_the_same_people_in_every_document(tmp_path):
    m = generate.generate(0, tmp_path / "s", documents=12, shared=True, seed=2)
    assert m["documents"] == 12 and m["shared"] is True
    again = generate.generate(0, tmp_path / "s2", documents=12, shared=True, seed=2)
    assert {k: v for k, v in again.items()} == m
    names = [set(re.findall(r"\b(?:President|Minister|General|Mayor) [A-Z][a-z]+ [A-Z][a-z]+",
                            p.read_text())) for p in sorted((tmp_path / "s").glob("*.txt"))]
    common = set.union(*names)
    assert len(common) <= 12  # one cast for the whole corpus
    distinct = generate.generate(0, tmp_path / "d", documents=12, seed=2)
    assert "shared" not in distinct and distinct["documents"] == 12
    other = [set(re.findall(r"\b(?:President|Minister|General|Mayor) [A-Z][a-z]+ [A-Z][a-z]+",
                            p.read_text())) for p in sorted((tmp_path / "d").glob("*.txt"))]
    assert len(set.union(*other)) > len(common)


@pytest.mark.slow
def test_serve_bench_smoke(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "serve_bench.py"), "--smoke",
                           "--work", str(tmp_path)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert "| offices-held |" in out and "| explorer/entity-types |" in out
    assert re.search(r"Load test at 6 documents: 2 clients x 5 requests: .* 0 errors", out)
    assert "| entity |" in out and "| network |" in out
