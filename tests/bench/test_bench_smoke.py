"""The benchmark runs end to end at a tiny size and prints every row of its table.

It measures nothing here (targets live in bench/, never in timed tests); it only
keeps `python bench/run.py` and the corpus generator working.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import run  # noqa: E402


def test_generator_is_deterministic_and_reaches_the_size(tmp_path):
    a = generate.generate(3000, tmp_path / "a", seed=3)
    b = generate.generate(3000, tmp_path / "b", seed=3)
    generate.generate(3000, tmp_path / "c", seed=4)
    files_a = sorted(p.name for p in (tmp_path / "a").glob("*.txt"))
    assert a["words"] >= 3000 and a == b
    assert files_a == sorted(p.name for p in (tmp_path / "b").glob("*.txt"))
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    texts_c = {p.read_text() for p in (tmp_path / "c").glob("*.txt")}
    assert not texts_c & {(tmp_path / "a" / n).read_text() for n in files_a}


def test_generated_documents_read_as_live_pages_and_articles(tmp_path):
    from kg.ingest.reader import read_document

    generate.generate(6000, tmp_path, seed=5)
    kinds = set()
    for path in sorted(tmp_path.glob("*.txt")):
        doc = read_document(path)
        kinds |= {u.kind for u in doc.units}
        assert doc.published is not None
        if path.name.endswith("_live.txt"):
            assert doc.live_title and sum(u.kind == "update" for u in doc.units) >= 4
            assert all(u.stamp is not None for u in doc.units)
    assert {"update", "article"} <= kinds


def test_sizes_parse():
    assert [generate.parse_size(s) for s in ("10k", "1M", "2500", "0.5k")] == \
        [10_000, 1_000_000, 2_500, 500]


def test_smoke_run_prints_every_row(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--smoke", "--corpus-dir", str(tmp_path / "c"),
         "--results-dir", str(tmp_path / "r")],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for row in run.ROWS:
        assert f"| {row} |" in out, row
    for query in (ROOT / "queries").glob("*.rq"):
        assert f"| {query.stem} |" in out, query.stem
    assert "kg query cold start" in out
    assert (tmp_path / "r" / "latest.md").read_text() == out.rstrip("\n") + "\n"


def test_bigfiles_benchmark_runs(tmp_path):
    """bench/bigfiles.py at a tiny size: each file builds (exit 0) to a graph file and to a
    store; the peak RSS it prints is read from the report, never asserted here."""
    res = subprocess.run([sys.executable, str(BENCH / "bigfiles.py"), "--smoke", "--work",
                          str(tmp_path / "work"), "--results-dir", str(tmp_path / "results")],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    rows = [ln for ln in res.stdout.splitlines() if ln.startswith(("| one-line", "| lines"))]
    assert [r.split("|")[4].strip() for r in rows] == ["0"] * 4, res.stdout
    assert [r.split("|")[3].strip() for r in rows] == ["-o .nq", "--store"] * 2
    assert all("documents built" in r for r in rows)


def test_phases_benchmark_runs(tmp_path):
    """bench/phases.py (bigfiles.py --phase) on a small long text: reading and storing,
    each before and after; what it prints is read from the report, never asserted here."""
    import json

    text = tmp_path / "long.txt"
    text.write_text("Police in Koror detained 14 protesters on Monday, officials said.\n"
                    * 8_000, encoding="utf-8")
    for phase, flag in (("read", "--whole"), ("read", None), ("store", "--literal"),
                        ("store", None)):
        res = subprocess.run([sys.executable, str(BENCH / "phases.py"), phase, str(text),
                              *([flag] if flag else [])], capture_output=True, text=True,
                             timeout=300, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert res.returncode == 0, res.stderr
        out = json.loads(res.stdout)
        assert out["parts"] >= 2 and out["chars"] == 8_000 * 66
    assert [p.name for p in tmp_path.iterdir()] == ["long.txt"]  # its stores removed


def test_storememory_benchmark_runs():
    """bench/storememory.py on a tiny store: opened read-write and read-only, both read the
    same 100 typed subjects; the peak RSS it prints is read from the report, never asserted."""
    res = subprocess.run([sys.executable, str(BENCH / "storememory.py"), "--smoke"],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    rows = [ln.split("|") for ln in res.stdout.splitlines() if ln.startswith("| read-")]
    assert [(r[1].strip(), r[2].strip()) for r in rows] == [("read-write", "100"),
                                                           ("read-only", "100")]
