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
