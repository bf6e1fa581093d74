"""The README's example output folder is ignored by git, and nothing under tests/ is.

A bare ``data/`` pattern once ignored every new gold file under ``tests/data``.
"""
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ignored(path: str) -> bool:
    done = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", "--no-index", path],
                          check=False)
    return done.returncode == 0


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="needs a git checkout")
def test_data_folder_ignored_but_not_test_data():
    assert _ignored("data/report.nq")
    assert not _ignored("tests/data/dev/new_text.yaml")
    assert not _ignored("tests/data/heldout/new_text.txt")
