"""`kg build --executor dask` builds what a one-process build builds, resumes, survives a
killed worker; its shards load into the embedded store, Oxigraph's CLI and Jena TDB2."""

from __future__ import annotations

import gzip
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store, serialize

from kg.build import BuildOptions, build_into
from kg.dask_build import DaskOptions, build_shards
from kg.ingest.sources import expand_sources
from kg.shards import INDEX, MANIFEST_SUFFIX, load_shards, temp_name
from kg.store import open_store

pytestmark = pytest.mark.slow

DEV_SPLIT = Path(__file__).resolve().parent / "data" / "dev"
# About 40 texts spread evenly over the dev split (ten partitions of four or more): the
# whole split, which grows by a dozen texts a round, was built twice here (one process and
# dask), the largest setup of the suite after the dev floors themselves; a fixed count
# keeps it from growing with the split.
_ALL_DEV = sorted(DEV_SPLIT.glob("*.txt"))
DEV_TEXTS = _ALL_DEV[::max(4, len(_ALL_DEV) // 40)]
DEV_DOCS = len(DEV_TEXTS)
SMALL = DaskOptions(workers=2, partition_docs=4)  # ten or more partitions of the texts


@pytest.fixture(scope="module")
def dev(tmp_path_factory) -> Path:
    """A folder of the texts, built as a folder is (ids from the names, as in the split)."""
    folder = tmp_path_factory.mktemp("dev")
    for text in DEV_TEXTS:
        shutil.copyfile(text, folder / text.name)
    return folder


@pytest.fixture(scope="module")
def client():
    """One LocalCluster of two worker processes for the module (each loads the model once)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def reference(dev) -> list[bytes]:
    """The dev corpus built in one process: its sorted N-Quads."""
    store = open_store(None)
    report = build_into(store, expand_sources([str(dev)]), options=BuildOptions())
    assert report.built == DEV_DOCS and not report.failed
    return sorted(serialize(store, format=RdfFormat.N_QUADS).splitlines())


@pytest.fixture(scope="module")
def shards(tmp_path_factory, client, dev):
    out = tmp_path_factory.mktemp("shards")
    report = build_shards(expand_sources([str(dev)]), str(out), options=BuildOptions(),
                          dask=SMALL, client=client)
    return out, report


def shard_lines(folder: Path) -> list[bytes]:
    lines: list[bytes] = []
    for path in sorted(folder.glob("part-*.nq.gz")):
        lines += gzip.decompress(path.read_bytes()).splitlines()
    return sorted(lines)


def test_two_dask_workers_build_the_same_quads_as_one_process(shards, reference):
    out, report = shards
    assert report.built == DEV_DOCS and report.failed == 0 and report.shards >= 3
    assert report.shards_reused == 0
    assert shard_lines(out) == reference
    assert report.triples == len(reference)
    assert (out / INDEX).is_file()
    assert not list(out.glob(".*.tmp"))  # every shard moved into place whole


def test_a_rerun_skips_finished_shards_and_rebuilds_a_lost_one(shards, client, reference, dev):
    out, first = shards
    again = build_shards(expand_sources([str(dev)]), str(out), options=BuildOptions(),
                         dask=SMALL, client=client)
    assert again.shards_reused == again.shards == first.shards
    assert again.built == DEV_DOCS and again.triples == first.triples
    lost = sorted(out.glob(f"part-*{MANIFEST_SUFFIX}"))[0]
    lost.unlink()  # as if the run had stopped before this shard was finished
    third = build_shards(expand_sources([str(dev)]), str(out), options=BuildOptions(),
                         dask=SMALL, client=client)
    assert third.shards_reused == first.shards - 1
    assert lost.is_file() and shard_lines(out) == reference
    few = [str(p) for p in sorted(dev.glob("*.txt"))[:2]]
    build_shards(expand_sources(few), str(out / "few"), options=BuildOptions(), dask=SMALL,
                 client=client)
    rebuilt = build_shards(expand_sources(few), str(out / "few"), options=BuildOptions(),
                           dask=DaskOptions(workers=2, partition_docs=4, rebuild=True),
                           client=client)
    assert rebuilt.shards_reused == 0 and rebuilt.built == 2  # --rebuild


def test_a_worker_killed_mid_run_loses_no_document(shards, tmp_path, client, reference, dev):
    """The worker is killed while it writes a shard: the task is run again elsewhere, the
    output equals a one-process build's, and the run removes the temporary file the dead
    worker left, but not another build's."""
    out = tmp_path / "shards"
    shutil.copytree(shards[0], out)
    manifests = sorted(out.glob(f"part-*{MANIFEST_SUFFIX}"))
    for manifest in manifests[:5]:  # five partitions to build again (saves test time)
        manifest.unlink()
    other_build = out / temp_name(manifests[0].name[:-len(MANIFEST_SUFFIX)], "0therrun0000")
    other_build.write_bytes(b"another build, still writing")
    pids = client.run(os.getpid)
    killed: list[int] = []
    left: list[str] = []

    def writing() -> tuple[str, str] | None:
        """A busy worker and the temporary shard file its task is writing now."""
        temps = [p.name for p in out.glob(".part-*.tmp") if p != other_build]
        for worker, keys in client.processing().items():
            for key in keys:  # task kg-shard-KEY writes .part-KEY[:24]...tmp
                shard = f".part-{key.removeprefix('kg-shard-')[:24]}."
                for temp in temps:
                    if temp.startswith(shard):
                        return worker, temp
        return None

    def kill_one(done: int, words: int) -> None:
        if killed or done <= DEV_DOCS - 20:  # a shard done, others being built
            return
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(client.processing().values()):
            found = writing()
            if found:
                os.kill(pids[found[0]], signal.SIGKILL)
                killed.append(pids[found[0]])
                left.append(found[1])
                return
            time.sleep(0.02)

    report = build_shards(expand_sources([str(dev)]), str(out), options=BuildOptions(),
                          dask=SMALL, client=client, progress=kill_one)
    assert killed, "no worker was writing a shard when the first shard finished"
    assert report.failed == 0 and report.built == DEV_DOCS and report.shards_reused < report.shards
    assert shard_lines(out) == reference
    assert killed[0] not in client.run(os.getpid).values()  # the nanny started a new one
    assert not (out / left[0]).exists()  # the dead worker's half-written shard: removed
    assert [p.name for p in out.glob(".*.tmp")] == [other_build.name]


def test_shards_bulk_load_into_the_embedded_store(shards, reference, tmp_path):
    out, _ = shards
    report = load_shards(str(out), tmp_path / "store")
    assert report.files >= 3 and report.quads == len(reference)
    assert load_shards(str(out), tmp_path / "store").quads == 0  # a rerun adds nothing
    store = Store.read_only(str(tmp_path / "store"))
    assert sorted(serialize(store, format=RdfFormat.N_QUADS).splitlines()) == reference


def test_oxigraph_cli_loads_the_shards(shards, reference, tmp_path):
    """The command docs/scaling.md gives for a standalone Oxigraph server."""
    out, _ = shards
    oxigraph = Path(sys.executable).parent / "oxigraph"
    if not oxigraph.is_file():
        pytest.skip("the oxigraph CLI is not installed (pip install oxigraph)")
    files = [str(p) for p in sorted(out.glob("part-*.nq.gz"))]
    subprocess.run([str(oxigraph), "load", "--location", str(tmp_path / "ox"), "--file",
                    *files], check=True, capture_output=True)
    counted = subprocess.run([str(oxigraph), "query", "--location", str(tmp_path / "ox"),
                              "--query", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                              "--results-format", "csv"], check=True, capture_output=True)
    assert counted.stdout.split()[-1] == str(len(reference)).encode()


def test_jena_tdb2_loader_loads_the_shards(shards, reference, tmp_path):
    """The command docs/scaling.md gives for Jena (tdb2.tdbloader, gzip read as is)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent / "rdf"))
    import rdf_parsers

    cp = rdf_parsers.riot_classpath()
    if cp is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Apache Jena is missing (apt-get install libapache-jena-java)")
        pytest.skip("Apache Jena is not installed (apt-get install libapache-jena-java)")
    out, _ = shards
    loc = tmp_path / "tdb2"
    shard = min(out.glob("part-*.nq.gz"), key=lambda p: p.stat().st_size)  # a JVM is slow
    expected = len(gzip.decompress(shard.read_bytes()).splitlines())
    subprocess.run(["java", "-cp", cp, "tdb2.tdbloader", "--loader=basic", "--loc", str(loc),
                    str(shard)], check=True, capture_output=True)
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }\n")
    counted = subprocess.run(["java", "-cp", cp, "tdb2.tdbquery", "--loc", str(loc),
                              "--results", "csv", "--query", str(query)],
                             check=True, capture_output=True)
    assert counted.stdout.split()[-1] == str(expected).encode()
    shutil.rmtree(loc)


def test_the_command_line_on_an_existing_scheduler_with_an_archive(shards, client, tmp_path,
                                                                     dev):
    """`kg build --executor dask --scheduler URL`: resumes a shard folder, reads a JSON
    Lines archive (title and URL into the graph), prints the summary with failures."""
    import json

    from typer.testing import CliRunner

    from kg.cli.app import app

    out = tmp_path / "shards"
    shutil.copytree(shards[0], out)
    sorted(out.glob(f"part-*{MANIFEST_SUFFIX}"))[0].unlink()  # one partition to build
    texts = sorted(dev.glob("*.txt"))[:2]
    archive = tmp_path / "archive.jsonl.gz"
    archive.write_bytes(gzip.compress(b"".join(
        json.dumps({"id": f"wire-{n}", "url": f"https://example.org/{n}", "title": f"T{n}",
                    "text": p.read_text()}).encode() + b"\n" for n, p in enumerate(texts))
        + b"not json\n"))
    address = client.scheduler.address
    done = CliRunner().invoke(app, ["build", str(dev), str(archive), "--executor", "dask",
                                    "--scheduler", address, "--partition-docs", "4",
                                    "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert (f"{DEV_DOCS + 2} documents built, 1 skipped (1 bad archive records), 0 failed"
            in done.output)
    assert "already built" in done.output and address in done.output
    assert "archive.jsonl.gz:3: bad record, skipped: not JSON" in done.output
    lines = shard_lines(out)
    assert any(b"/doc/wire-1> <http://purl.org/dc/terms/source> \"https://example.org/1\"" in
               line for line in lines)
    assert any(b"/doc/wire-0> <http://purl.org/dc/terms/title> \"T0\"" in line
               for line in lines)
