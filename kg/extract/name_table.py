"""The first-name table kg ships, and how it is made from nomquamgender's data.

kg/extract/name_gender.py asks two questions of a first name: its gender, when the name
is a confident one, and whether people bear it at all. nomquamgender (MIT licence;
its notice is kg/rules/entities/first_names.LICENSE) answers both from a 720,000-name
JSON table of 22 MB; parsing it cost every build process 1.5 to 4 CPU seconds and held
about 120 MB at its peak. The answers take 178,648 names, so kg ships them as
``kg/rules/entities/first_names.tsv.gz`` (one ``name<TAB>m|f|-`` line per name) and
this module remakes that file from the package when its data or the thresholds change:

    python -m kg.extract.name_table            # rewrite the shipped table
    python -m kg.extract.name_table --check    # exit 1 when it differs from the package's

tests/extract/test_name_table.py checks the shipped table against the package's data.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

from kg.resources import rules_dir

MIN_SOURCES = 3  # the sources that list a confident name
MIN_COUNTS = 500  # the people they saw bearing it
CONFIDENT = 0.02  # p(woman) at most this: a man's name; at least 1 - this: a woman's
KNOWN_SOURCES = 2  # a name at least this many sources list is one people bear

HEADER = (
    "# First names for kg/extract/name_gender.py, made by kg/extract/name_table.py from\n"
    "# nomquamgender 0.1.4's name_data.json (Copyright (c) 2022 Ian Van Buskirk, MIT\n"
    "# licence: first_names.LICENSE). One line per name that at least two of its sources\n"
    "# list: the name folded to lower case without accents, a tab, and 'm' or 'f' when at\n"
    "# least three sources and 500 bearers give it one gender at 98 %, else '-'.\n"
)


def table_path() -> Path:
    return rules_dir() / "entities" / "first_names.tsv.gz"


def derive(data: dict[str, list | None]) -> list[tuple[str, str]]:
    """(name, 'm' | 'f' | '-') for every name people bear, sorted, from nomquamgender's
    ``{name: [sources, counts, p(woman), ...]}``."""
    rows: list[tuple[str, str]] = []
    for name, info in data.items():
        if not info or len(info) < 3:
            continue
        sources, counts, share = info[0], info[1], info[2]
        if sources < KNOWN_SOURCES or counts < 1 or "\t" in name or "\n" in name:
            continue
        gender = "-"
        if share is not None and sources >= MIN_SOURCES and counts >= MIN_COUNTS:
            if share <= CONFIDENT:
                gender = "m"
            elif share >= 1 - CONFIDENT:
                gender = "f"
        rows.append((name, gender))
    return sorted(rows)


def render(rows: Iterable[tuple[str, str]]) -> bytes:
    """The gzip file's bytes; a fixed mtime makes the same rows the same bytes."""
    text = HEADER + "".join(f"{name}\t{gender}\n" for name, gender in rows)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def read(path: Path | None = None) -> tuple[dict[str, str], frozenset[str]]:
    """(confident name -> 'm' | 'f', every name people bear) from the shipped table."""
    genders: dict[str, str] = {}
    known: list[str] = []
    with gzip.open(path or table_path(), "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            name, _, gender = line.rstrip("\n").partition("\t")
            known.append(name)
            if gender != "-":
                genders[name] = gender
    return genders, frozenset(known)


def package_data() -> dict[str, list | None]:
    """nomquamgender's table, read from the installed package without importing it
    (its import loads pandas)."""
    spec = find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("nomquamgender is not installed: pip install nomquamgender==0.1.4")
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return json.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    wanted = render(derive(package_data()))
    path = table_path()
    if "--check" in argv:
        same = path.is_file() and gzip.decompress(path.read_bytes()) == gzip.decompress(wanted)
        print(f"{path}: {'up to date' if same else 'differs from the package data'}")
        return 0 if same else 1
    path.write_bytes(wanted)
    print(f"{path}: {len(wanted):,} bytes")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
