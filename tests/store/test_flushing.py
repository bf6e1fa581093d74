"""The on-disk store's write buffers are flushed as a build writes (issue 17, item 1):
RocksDB memtables otherwise grew with every part of a long document."""

from __future__ import annotations

from pyoxigraph import NamedNode, Quad

from kg.store import FlushingWriter, add_quads, open_store


class _Counted:
    """A store that only counts its flushes."""

    def __init__(self):
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1


def test_a_flush_every_n_quads_so_the_unflushed_never_pile_up():
    store = _Counted()
    writer = FlushingWriter(store, every=1_000)
    pending = []
    for _ in range(50):
        writer.wrote(300)
        pending.append(writer.pending)
    assert store.flushes == writer.flushes == 50 * 300 // 1_200
    assert max(pending) < 1_000  # bounded, whatever was written in all


def _quads(n: int, start: int = 0) -> list[Quad]:
    g = NamedNode("http://example.org/g")
    return [Quad(NamedNode(f"http://example.org/s{i}"), NamedNode("http://example.org/p"),
                 NamedNode(f"http://example.org/o{i}"), g) for i in range(start, start + n)]


def test_flushed_quads_are_in_table_files_not_only_in_memory(tmp_path):
    """What a flush does to a real on-disk store: the quads move from memtables (and the
    write-ahead log) into SST files, while the store stays open and holds them all."""
    store = open_store(tmp_path / "s")
    writer = FlushingWriter(store, every=2_000)
    for k in range(5):
        writer.wrote(add_quads(store, _quads(1_000, 1_000 * k)))
    assert writer.flushes == 2
    tables = sum(p.stat().st_size for p in (tmp_path / "s").glob("*.sst"))
    assert tables > 4_000 * 100  # about 500 bytes a quad; without the flushes: 1,236 bytes
    assert len(store) == 5_000


def test_an_in_memory_store_is_flushed_harmlessly():
    store = open_store(None)
    writer = FlushingWriter(store, every=1)
    writer.wrote(add_quads(store, _quads(3)))
    assert writer.flushes == 1 and len(store) == 3
