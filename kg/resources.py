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


@cache
def build_digest() -> str:
    """A digest of everything that decides what a build extracts: kg's code, its rules
    and its ontology and knowledge base. Twelve hex digits; a build that resumes another
    (kg/store/resume.py) must have the same, or a changed rule would mix two versions'
    parts in one graph (a development checkout keeps its version number)."""
    import hashlib

    digest = hashlib.sha256()
    roots = [_PACKAGE, ontology_dir()]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".jsonl", ".json",
                                                  ".ttl", ".txt", ".gz"}:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
