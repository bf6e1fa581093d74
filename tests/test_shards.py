"""Partitions and shards (kg/shards.py): content-defined cuts, stable names, the index of
the latest build, and bulk loading (no model needed)."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys

import fsspec
import pytest

from kg.build import BuildOptions
from kg.errors import LoadError
from kg.formats import ShardCompression
from kg.ingest.raw import RawDocument
from kg.shards import (
    INDEX,
    ShardResult,
    build_partition,
    finished,
    load_shards,
    partitions,
    remove_temps,
    settings_fingerprint,
    shard_files,
    temp_name,
    temp_run,
    write_index,
)

QUAD = (b'<https://w3id.org/kg-news/data/doc/a> <http://purl.org/dc/terms/identifier> "a" '
        b"<https://w3id.org/kg-news/data/graph/a> .\n")


def raw(n: int) -> RawDocument:
    data = f"Article number {n}.".encode()
    return RawDocument(name=f"{n}.txt", doc_id=str(n), data=data,
                       sha256=hashlib.sha256(data).hexdigest(), identity=str(n))


def keys(docs, **kw) -> list[str]:
    return [p.key for p in partitions(iter(docs), fingerprint="f", docs=8, **kw)]


def test_partitions_are_cut_by_content_so_an_insert_changes_one():
    docs = [raw(n) for n in range(300)]
    before = keys(docs)
    assert 300 / 8 / 3 < len(before) < 300 / 8 * 3
    after = keys([*docs[:150], raw(10_000), *docs[150:]])
    assert len(set(before) - set(after)) <= 1 and len(set(after) - set(before)) <= 2
    assert keys(docs) == before  # stable
    assert [p.key for p in partitions(iter(docs), fingerprint="g", docs=8)] != before
    assert max(len(p.documents) for p in partitions(iter(docs), fingerprint="f",
                                                     docs=8)) <= 32
    assert len(keys(docs, max_bytes=40)) > len(before)  # the size cap cuts too


def test_the_fingerprint_covers_what_changes_a_shard(tmp_path):
    kb = tmp_path / "kb.ttl"
    kb.write_text("# one\n")
    one = settings_fingerprint(BuildOptions(kb_files=(str(kb),)))
    kb.write_text("# two\n")
    assert settings_fingerprint(BuildOptions(kb_files=(str(kb),))) != one
    assert settings_fingerprint(BuildOptions(base_iri="https://example.org/")) != \
        settings_fingerprint(BuildOptions())


def shard_folder(tmp_path, names=("part-a.nq.gz", "part-b.nq.gz")):
    tmp_path.mkdir(exist_ok=True)
    for name in names:
        literal = f'"{name[5]}"'.encode()  # one distinct quad per shard
        (tmp_path / name).write_bytes(gzip.compress(QUAD.replace(b'"a"', literal)))
        (tmp_path / f"{name}.json").write_bytes(ShardResult(shard=name, documents=1,
                                                            built=1).to_json())
    return fsspec.filesystem("file"), str(tmp_path)


def test_finished_shards_and_the_index_of_the_latest_build(tmp_path):
    fs, root = shard_folder(tmp_path)
    (tmp_path / "part-c.nq.gz").write_bytes(b"")  # no manifest: not finished
    assert finished(fs, root, "part-a.nq.gz").built == 1
    assert finished(fs, root, "part-a.nq.gz", {"part-a.nq.gz", "part-a.nq.gz.json"}).built == 1
    assert finished(fs, root, "part-a.nq.gz", {"part-a.nq.gz"}) is None  # listed once
    assert finished(fs, root, "part-c.nq.gz") is None
    (tmp_path / "part-b.nq.gz.json").write_text("{cut")
    assert finished(fs, root, "part-b.nq.gz") is None  # a manifest cut short: rebuild
    shard_folder(tmp_path)
    files, stale = shard_files(fs, root)
    assert [f.rsplit("/", 1)[1] for f in files] == ["part-a.nq.gz", "part-b.nq.gz"]
    assert stale == []
    write_index(fs, root, ["part-b.nq.gz"], run="r1")
    assert json.loads((tmp_path / INDEX).read_text()) == {"shards": ["part-b.nq.gz"]}
    files, stale = shard_files(fs, root)
    assert [f.rsplit("/", 1)[1] for f in files] == ["part-b.nq.gz"]
    assert [f.rsplit("/", 1)[1] for f in stale] == ["part-a.nq.gz"]
    write_index(fs, root, ["part-b.nq.gz", "part-x.nq.gz"], run="r1")
    with pytest.raises(LoadError, match="missing or unfinished"):
        shard_files(fs, root)


def test_a_run_removes_its_own_temporary_files_only(tmp_path):
    """What a killed worker of this run left goes; another build's files (perhaps being
    written now), shards, manifests and old-style temporary names stay."""
    fs, root = shard_folder(tmp_path)
    mine = [temp_name("part-a.nq.gz", "run1"), temp_name("part-a.nq.gz", "run1"),
            temp_name("shards.json", "run1")]
    theirs = [temp_name("part-a.nq.gz", "run2"), ".part-c.nq.gz.0123456789abcdef.tmp"]
    for name in mine + theirs:
        (tmp_path / name).write_bytes(b"half")
    assert len(set(mine)) == 3 and {temp_run(n) for n in mine} == {"run1"}
    assert temp_run("part-a.nq.gz") is None and temp_run(theirs[0]) == "run2"
    assert remove_temps(fs, root, "run1") == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["part-a.nq.gz", "part-a.nq.gz.json", "part-b.nq.gz", "part-b.nq.gz.json", *theirs])
    assert remove_temps(fs, str(tmp_path / "gone"), "run1") == 0  # no folder: nothing to do


def test_a_partition_that_fails_leaves_no_temporary_file(tmp_path, monkeypatch):
    import kg.build
    import kg.shards

    def broken(self, documents):
        raise RuntimeError("a bug")

    monkeypatch.setattr(kg.shards, "_model", lambda options: (None, "model"))
    monkeypatch.setattr(kg.build.DocumentBuilder, "build", broken)
    part = next(partitions(iter([raw(1), raw(2)]), fingerprint="f", docs=1000))
    with pytest.raises(RuntimeError, match="a bug"):
        build_partition(part, options=BuildOptions(), output=str(tmp_path), run="run1")
    assert list(tmp_path.iterdir()) == []


def test_load_shards_bulk_loads_and_names_a_broken_shard(tmp_path):
    shard_folder(tmp_path / "s")
    report = load_shards(str(tmp_path / "s"), tmp_path / "store")
    assert (report.files, report.quads) == (2, 2)
    assert load_shards(str(tmp_path / "s"), tmp_path / "store").quads == 0
    (tmp_path / "s" / "part-b.nq.gz").write_bytes(gzip.compress(b"<not n-quads"))
    with pytest.raises(LoadError, match=r"part-b\.nq\.gz: cannot load the shard"):
        load_shards(str(tmp_path / "s"), tmp_path / "store2")
    with pytest.raises(LoadError, match="no finished shard"):
        load_shards(str(tmp_path), tmp_path / "store3")


def test_plain_shards_are_named_nq():
    assert ShardCompression.NONE.suffix == ".nq" and ShardCompression.GZIP.suffix == ".nq.gz"


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True,
                          text=True, timeout=120)


def test_kg_load_shards_on_the_command_line(tmp_path):
    shard_folder(tmp_path / "s")
    done = kg("load", "--shards", str(tmp_path / "s"), "--into", str(tmp_path / "store"))
    assert done.returncode == 0 and "loaded 2 shards" in done.stderr and "2 quads" in \
        done.stderr, done.stderr
    (tmp_path / "s" / "part-a.nq.gz").write_bytes(b"\x1f\x8bbroken")
    bad = kg("load", "--shards", str(tmp_path / "s"), "--into", str(tmp_path / "store"))
    assert bad.returncode == 2 and "part-a.nq.gz: cannot load the shard" in bad.stderr
    assert "Traceback" not in bad.stderr
    both = kg("load", "--shards", str(tmp_path / "s"), "--endpoint", "http://127.0.0.1:1")
    assert both.returncode == 2 and "--shards DIR --into STORE" in both.stderr


@pytest.mark.parametrize("args,message", [
    (["--workers", "2", "-o", "x.nq"], "need --executor dask"),
    (["--executor", "dask", "--workers", "2"], "give -o FOLDER"),
    (["--executor", "dask", "-o", "d", "--store", "s"], "are for local builds"),
    (["--executor", "dask", "-o", "d", "--workers", "2", "--scheduler", "tcp://h:1"],
     "not both"),
])
def test_kg_build_refuses_options_a_dask_build_does_not_take(tmp_path, args, message):
    (tmp_path / "a.txt").write_text("PARIS, May 2 - Police arrested a man on Friday.\n")
    done = kg("build", str(tmp_path / "a.txt"), *args)
    assert done.returncode == 2 and message in " ".join(done.stderr.split()), done.stderr


def test_the_api_loads_shards_into_a_graph(tmp_path):
    import kg

    shard_folder(tmp_path / "s")
    graph = kg.load_shards(tmp_path / "s", tmp_path / "store")
    assert len(graph) == 2


def test_kg_load_shards_never_imports_spacy_or_dask(tmp_path):
    shard_folder(tmp_path / "s")
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['kg', 'load', '--shards', {str(tmp_path / 's')!r}, '--into', "
        f"{str(tmp_path / 'store')!r}]\n"
        "try:\n    runpy.run_module('kg', run_name='__main__')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "assert 'spacy' not in sys.modules, 'kg load imported spaCy'\n"
        "assert 'distributed' not in sys.modules, 'kg load imported dask.distributed'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert settings_fingerprint(BuildOptions(fact_threshold=0.3)) != \
        settings_fingerprint(BuildOptions())
