"""Fixtures shared by the reliability tests."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest


@pytest.fixture
def tmp(tmp_path, monkeypatch) -> Path:
    """The temporary folder kg's temporary files go to, empty (spooled standard input,
    long archive records, long HTML pages)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
