"""`kg build - --executor dask` spools long standard input as a local build does
(kg/ingest/spool.py, issue 17): the parent never reads it whole, a worker reads the
temporary file as a stream, the shard holds the graph of a local build, and the file is
gone when the build ends. A long archive record's text goes the same way."""

from __future__ import annotations

import gc
import gzip
import json
import logging

import pytest
from pyoxigraph import RdfFormat, serialize
from test_stdin_stream import _stdin
from test_whole_text import news_text

import kg.ingest.archives as archives
import kg.ingest.spool as spool
import kg.ingest.stream as stream
from kg.build import BuildOptions, build_into
from kg.dask_build import DaskOptions, build_shards
from kg.ingest.sources import expand_sources
from kg.store import open_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    """A cluster of one worker thread in this process (what it reads, this test sees)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as c:
        yield c


def _local(args: list[str], options: BuildOptions) -> list[bytes]:
    store = open_store(None)
    report = build_into(store, expand_sources(args), options=options)
    assert not report.errors, report.errors
    return sorted(serialize(store, format=RdfFormat.N_QUADS).splitlines())


def _shard_lines(folder) -> list[bytes]:
    lines: list[bytes] = []
    for path in sorted(folder.glob("part-*.nq.gz")):
        lines += gzip.decompress(path.read_bytes()).splitlines()
    return sorted(lines)


def test_long_stdin_on_dask_is_spooled_not_read_whole(tmp, monkeypatch, client):
    """Before, the parent read standard input whole (one read asking for the 256 MB cap)
    and sent its bytes to the worker."""
    data = news_text(120).encode("utf-8")
    options = BuildOptions(part_chars=1_500)
    _stdin(monkeypatch, data)
    reference = _local(["-"], options)
    monkeypatch.setattr(stream, "STREAM_BYTES", 4_096)
    raw = _stdin(monkeypatch, data)
    seen: list = []
    read_parted = stream.read_parted

    def reading(*args, **kw):  # the worker reads the spooled file as a stream
        seen.append(sorted(p.name[:9] for p in tmp.iterdir()))
        return read_parted(*args, **kw)

    monkeypatch.setattr(stream, "read_parted", reading)
    out = tmp.parent / "shards"
    report = build_shards(expand_sources(["-"]), str(out), options=options,
                          dask=DaskOptions(workers=1, dashboard=False), client=client)
    assert report.built == 1 and not report.errors, report.errors
    assert raw.largest <= spool.CHUNK  # a megabyte at a time, never the whole cap
    assert seen == [["kg-stdin-"]]
    assert _shard_lines(out) == reference
    gc.collect()
    assert not list(tmp.iterdir())


def test_a_long_archive_record_on_dask_is_read_from_its_spooled_text(tmp, monkeypatch,
                                                                      client):
    path = tmp.parent / "news.jsonl"
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in [
        {"id": "short", "text": "Police closed the road in Mongu on Monday."},
        {"id": "long", "title": "Long", "text": news_text(120)}]))
    options = BuildOptions(part_chars=1_500)
    reference = _local([str(path)], options)
    monkeypatch.setattr(archives, "RECORD_BYTES", 4_096)
    out = tmp.parent / "shards"
    report = build_shards(expand_sources([str(path)]), str(out), options=options,
                          dask=DaskOptions(workers=1, dashboard=False), client=client)
    assert report.built == 2 and not report.errors, report.errors
    assert _shard_lines(out) == reference
    gc.collect()
    assert not list(tmp.iterdir())
