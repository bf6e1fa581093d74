"""How the pool reports a query worker that died (kg/explorer/pool.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from kg.explorer.pool import Limits, WorkerPool


@pytest.mark.parametrize("code", [-6, 134, 1, 255])
def test_a_worker_dead_at_its_memory_limit_is_a_limit_error(tmp_path: Path, code: int):
    """An allocation past RLIMIT_DATA ends a worker by abort, by Python's MemoryError or
    by a fatal exit (255 in CI on the pathological query): 503 'was stopped', not a 500."""
    pool = WorkerPool(tmp_path, workers=1, limits=Limits(memory_mb=64))
    err = pool._death(SimpleNamespace(proc=SimpleNamespace(returncode=code)))
    assert err.status == 503 and "was stopped" in str(err.message)


def test_another_death_is_reported_as_a_bug(tmp_path: Path):
    pool = WorkerPool(tmp_path, workers=1, limits=Limits(memory_mb=64))
    err = pool._death(SimpleNamespace(proc=SimpleNamespace(returncode=-11)))
    assert err.status == 500 and "exit -11" in str(err.message)
