"""A full disk during `kg build --store` (issue 17, item 4): one clear line, and the next run
neither crashes nor blames a lock."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import uuid

import pytest

from kg.errors import GraphLoadError, OutputError
from kg.store import open_store, replace_graph

KG = [sys.executable, "-m", "kg"]
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


class _FullStore:
    """A store whose writes fail as RocksDB's do when the disk is full."""

    def contains_named_graph(self, graph):
        return False

    def extend(self, quads):
        raise OSError(errno.ENOSPC, "IO error: No space left on device: While appending to "
                      "file: S/000008.log: No space left on device")


def test_a_failed_store_write_is_an_output_error_saying_the_disk_is_full():
    from pyoxigraph import NamedNode

    with pytest.raises(OutputError) as info:
        replace_graph(_FullStore(), NamedNode("http://example.org/g"), [])
    assert "No space left on device" in str(info.value)
    assert "the disk is full" in str(info.value) and "another kg process" not in str(info.value)


def test_opening_a_store_on_a_full_disk_does_not_blame_a_lock(tmp_path, monkeypatch):
    import kg.store

    def full(_path):
        raise OSError("IO error: No space left on device: While appending to file: "
                      "S/000014.sst: No space left on device")

    monkeypatch.setattr(kg.store, "Store", full)
    with pytest.raises(GraphLoadError) as info:
        open_store(tmp_path / "S")
    assert "the disk is full" in str(info.value) and "another kg process" not in str(info.value)


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs (root only; CI runs as root), unmounted afterwards."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    where = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    where.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(where)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_real_full_disk_then_the_next_run(small_disk, tmp_path):
    store = small_disk / "S"
    # every sixth dev text (32 of 187: far more than 3 MB of store) in a folder of its own:
    # the whole split, which grows by a dozen texts a round, made this one of the slowest tests
    dev = tmp_path / "dev"
    dev.mkdir()
    for text in sorted((ROOT / "tests" / "data" / "dev").glob("*.txt"))[::6]:
        shutil.copyfile(text, dev / text.name)
    sources = [str(ROOT / "seeds"), str(dev)]
    full = subprocess.run([*KG, "build", *sources, "--store", str(store)],
                          capture_output=True, text=True, timeout=600)
    assert full.returncode != 0
    assert "Traceback" not in full.stderr, full.stderr
    assert "No space left on device" in full.stderr and "the disk is full" in full.stderr
    again = subprocess.run([*KG, "build", str(ROOT / "seeds"), "--store", str(store)],
                           capture_output=True, text=True, timeout=600)
    assert "Traceback" not in again.stderr and "another kg process" not in again.stderr, \
        again.stderr
    # room for the store of every text (64 MB held 55 dev texts, not 67)
    subprocess.run(["mount", "-o", "remount,size=256m", str(small_disk)], check=True)
    freed = subprocess.run([*KG, "build", *sources, "--store", str(store)],
                           capture_output=True, text=True, timeout=600)
    assert freed.returncode == 0, freed.stderr
    docs = subprocess.run([*KG, "query", "documents", "--store", str(store), "--format", "csv"],
                          capture_output=True, text=True, timeout=120)
    texts = len(list((ROOT / "seeds").glob("*.txt"))) + len(list(dev.glob("*.txt")))
    rows = docs.stdout.strip().splitlines()
    assert docs.returncode == 0 and len(rows) == 1 + texts, docs.stdout
