"""Shared fixtures: project paths, the seed, one cached seed build."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

# The interrupt tests send Ctrl-C (SIGINT) to child processes. A shell that starts the
# suite in the background (`cmd &` in a script, nohup) ignores SIGINT, the ignore is
# inherited across exec, and Python then never raises KeyboardInterrupt in the child.
# Restore the default here so children see Ctrl-C as a user's terminal would send it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_72ea2dc2026ad733.txt"
GOLD = SEEDS / "seed-facts.yaml"

# The files that take longest (setup included; seconds in the fresh-clone CI of
# 2026-12-07) run first, the rest in collection order: `make test` gives xdist whole files
# (--dist loadfile) in the order collected (--no-loadscope-reorder), so the two workers
# end together instead of one idling while the other runs a long file it took last
# (xdist's own order, by number of tests, put these few-test files at the end).
SLOWEST_FIRST = (
    "tests/extract/test_dev_set.py",  # 185: the dev split built and scored
    "tests/query/test_jena_equivalence.py",  # 130
    "tests/test_dask_build.py",  # 90
    "tests/bench/test_bench_smoke.py",  # 85
    "tests/reliability/test_resume.py",  # 80
    "tests/reliability/test_parts.py",  # 80
    "tests/serve/test_browser.py",  # 65
    "tests/bench/test_serve_bench_smoke.py",  # 55
    "tests/reliability/test_hostile_strings.py",  # 55
    "tests/reliability/test_stream.py",  # 45
    "tests/reliability/test_store_full.py",  # 40
    "tests/reliability/test_document_ids.py",  # 40
    "tests/nlp/test_lemmatizer.py",  # 38
    "tests/evaluate/test_cli_eval.py",  # 37
)


def pytest_collection_modifyitems(config, items) -> None:
    """Put the files of SLOWEST_FIRST first, in that order (a stable sort: each file's
    tests keep their order, and the other files theirs)."""
    rank = {name: i for i, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def nlp():
    """The pipeline kg builds with, loaded once per test session."""
    from kg.nlp.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed built once into TriG; returns (path, BuildReport)."""
    from kg.build import BuildOptions, build_to_file
    from kg.formats import GraphFormat
    from kg.ingest.sources import expand_sources

    out = tmp_path_factory.mktemp("seed") / "graph.trig"
    report = build_to_file(expand_sources([str(SEEDS)]), out, fmt=GraphFormat.TRIG,
                           options=BuildOptions())
    return out, report
