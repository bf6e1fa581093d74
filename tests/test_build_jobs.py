"""`kg build --jobs 2` builds exactly what `--jobs 1` builds, in the same order (a long
document built in parts included)."""

from __future__ import annotations

import sys
from pathlib import Path

from pyoxigraph import RdfFormat, serialize

from kg.build import BuildOptions, build_into
from kg.ingest.sources import expand_sources
from kg.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import generate


def _nquads(store) -> list[bytes]:
    return sorted(serialize(store, format=RdfFormat.N_QUADS).splitlines())


def test_jobs_2_builds_the_same_quads_as_jobs_1(tmp_path):
    corpus = tmp_path / "corpus"
    generate.generate(1500, corpus, seed=11)
    first = sorted(corpus.glob("*.txt"))[0]
    (corpus / "zz_copy.txt").write_bytes(first.read_bytes())  # a duplicate: skipped
    (corpus / "zz_empty.txt").write_bytes(b"")  # unreadable: reported, not built
    # a long document, built in parts (in the parent process with --jobs 2)
    texts = [p.read_text() for p in sorted(corpus.glob("*.txt"))[1:6]]
    (corpus / "m_long.txt").write_text(" ".join(" ".join(t.split()) for t in texts))

    results = {}
    for jobs in (1, 2):
        store = open_store(None)
        seen: list[str] = []
        # a small batch makes several chunks, so more than one is in flight at a time
        report = build_into(store, expand_sources([str(corpus)]),
                            options=BuildOptions(jobs=jobs, batch_size=4, part_chars=2_000),
                            progress=lambda d, seen=seen: seen.append(d.doc_id))
        results[jobs] = (store, report, seen)

    (s1, r1, seen1), (s2, r2, seen2) = results[1], results[2]
    assert r1.built >= 3 and r1.triples > 0
    assert any("m_long.txt" in w and "parts" in w for w in r1.warnings)
    assert _nquads(s1) == _nquads(s2)
    assert seen1 == seen2  # documents are inserted in source order
    for attr in ("built", "skipped", "failed", "units", "entities", "facts", "triples", "words"):
        assert getattr(r1, attr) == getattr(r2, attr), attr
    assert r1.errors == r2.errors and r1.warnings == r2.warnings
