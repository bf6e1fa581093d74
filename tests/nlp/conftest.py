"""Fixtures shared by the tests of kg's twins of the model's components."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def dev_texts() -> list[str]:
    """About 64 texts spread evenly over the dev split (some 33,000 words): a large,
    realistic input for comparing a twin with its original. The whole split, which grows
    by a dozen texts a round, was parsed three times here, once by the model and once by
    each twin; a fixed count keeps these tests from growing with it."""
    paths = sorted((ROOT / "tests/data/dev").glob("*.txt"))
    paths = paths[::max(1, len(paths) // 64)]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert texts
    return texts


@pytest.fixture(scope="session")
def shipped_dev_docs(dev_texts):
    """The dev texts parsed once by the model as shipped (no twin in it), for every twin's
    comparison: parsing them once per twin doubled the time of these tests."""
    from kg.nlp.model import load_model

    return list(load_model().pipe(dev_texts))
