"""Where kg's data directories live, in a source checkout or an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the ``ontology`` or ``queries`` directory.

    A wheel carries them under ``kg/_data``; an editable install or a checkout
    has them at the project root.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kg data directory {name!r} is missing; reinstall kg")


def ontology_dir() -> Path:
    return data_dir("ontology")


def queries_dir() -> Path:
    return data_dir("queries")


def rules_dir() -> Path:
    """Extraction rules (patterns, lexicons) shipped inside the package."""
    return _PACKAGE / "rules"
