"""The build keeps the cyclic collector off what survives a full collection, and only that."""

from __future__ import annotations

import gc
import weakref

import pytest

from kg.build import SurvivorFreezer


class Node:
    def __init__(self) -> None:
        self.other = self  # a cycle: only the cyclic collector frees it


@pytest.fixture
def frozen_back():
    frozen = gc.get_freeze_count()
    yield
    gc.unfreeze()
    if frozen:  # what the session had frozen before stays frozen
        gc.freeze()


def test_survivors_of_a_full_collection_are_frozen_at_the_next_boundary(frozen_back):
    with SurvivorFreezer() as freezer:
        freezer.boundary()
        assert freezer.freezes == 0  # no full collection yet: nothing to freeze
        kept = [Node() for _ in range(100)]
        gc.collect()  # a full collection, as the collector runs one when the heap grows
        assert freezer.due
        before = gc.get_freeze_count()
        freezer.boundary()
        assert freezer.freezes == 1 and not freezer.due
        assert gc.get_freeze_count() >= before + len(kept)
        freezer.boundary()
        assert freezer.freezes == 1  # once per full collection


def test_a_documents_cycles_are_collected_not_frozen(frozen_back):
    with SurvivorFreezer() as freezer:
        gc.collect()
        garbage = Node()  # young: what a document leaves behind
        gone = weakref.ref(garbage)
        del garbage
        freezer.boundary()
        assert gone() is None


def test_no_collector_hook_runs_python_code_during_a_collection():
    """A signal handler run inside a gc.callbacks hook raises into the collector, which only
    prints it: SIGTERM was lost that way (the fresh-clone CI's killed build ran to the end)."""
    before = list(gc.callbacks)
    with SurvivorFreezer():
        assert gc.callbacks == before


def test_a_jobs_worker_freezes_survivors_after_each_document(tmp_path, monkeypatch, nlp,
                                                              frozen_back):
    """`kg build --jobs N`: each worker keeps a SurvivorFreezer for its life and reaches a
    boundary after every document it builds."""
    import signal

    import kg.nlp.pipeline
    from kg import build_jobs
    from kg.build import BuildReport, read_sources
    from kg.ingest.sources import expand_sources

    for name, text in (("a.txt", "Troops of Veloria arrived in Port Amsel on Monday."),
                       ("b.txt", "The council of Veloria met in Tarn on Tuesday.")):
        (tmp_path / name).write_text(text)
    documents = list(read_sources(expand_sources([str(tmp_path)]), BuildReport()))
    monkeypatch.setattr(kg.nlp.pipeline, "build_nlp", lambda *a, **k: nlp)
    sigint = signal.getsignal(signal.SIGINT)
    try:
        build_jobs._init_worker(None, None, (), 8, 10_000, 100_000)
        freezer = build_jobs._WORKER["freezer"]
        assert isinstance(freezer, SurvivorFreezer)
        boundaries = []
        monkeypatch.setattr(freezer, "boundary", lambda: boundaries.append(1))
        out = build_jobs._process_chunk(documents)
        assert [o.error for o in out] == [None, None] and len(boundaries) == 2
    finally:
        signal.signal(signal.SIGINT, sigint)
        freezer = build_jobs._WORKER.pop("freezer", None)
        if freezer is not None:
            freezer.__exit__(None, None, None)
        build_jobs._WORKER.clear()
