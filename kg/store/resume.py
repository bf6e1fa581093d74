"""How far a long document's build into an on-disk store got, so a killed build resumes.

A document longer than the part size is stored part by part (kg/build.py), each part in
one transaction, and its content hash only with the last part: a build killed half-way
leaves a graph without a hash, which the next build rebuilds. Rebuilding the parts that
were already stored costs hours for a file of hundreds of megabytes, so after each part
the build records, beside the store's own files (``kg-parts.json``), how many parts of
which text it has stored. The next build of the same text, cut the same way by the same
kg and model, starts after them. Parts are deterministic and adding a quad twice keeps
one, so a part that was half-written when the build stopped is simply written again.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.store import write_atomic

PARTS_FILE = "kg-parts.json"


@dataclass(frozen=True, slots=True)
class PartsDone:
    """``done`` parts of the text with hash ``sha256``, cut and built as ``stamp`` says
    (kg's version, the model, the graph format and the part size): a record made by
    another kg, model or part size does not count."""

    sha256: str
    stamp: str
    done: int


def _read(store_dir: Path) -> dict[str, dict]:
    try:
        data = json.loads((store_dir / PARTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(store_dir: Path, data: dict[str, dict]) -> None:
    path = store_dir / PARTS_FILE
    if not data:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return
    text = json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=0)
    with contextlib.suppress(OSError):  # a failure costs only the resume, not the build
        write_atomic(path, lambda fh: fh.write(text.encode("utf-8")))


def parts_done(store_dir: Path, key: str, *, sha256: str, stamp: str) -> int:
    """How many parts of document ``key`` the store already holds for this text and stamp
    (0 when none, when the record is missing or unreadable, or when it is for another
    text or another way of building it)."""
    entry = _read(store_dir).get(key)
    if not isinstance(entry, dict):
        return 0
    try:
        record = PartsDone(**entry)
    except TypeError:
        return 0
    if record.sha256 != sha256 or record.stamp != stamp or not isinstance(record.done, int):
        return 0
    return max(0, record.done)


def record_parts(store_dir: Path, key: str, record: PartsDone | None) -> None:
    """Record that ``record.done`` parts of ``key`` are stored, or (None) forget ``key``:
    its build finished, or it is being built from the start. Called after the part's
    transaction committed, so the record never claims a part the store lacks."""
    data = _read(store_dir)
    if record is None:
        if key not in data:
            return
        data.pop(key)
    else:
        data[key] = asdict(record)
    _write(store_dir, data)
