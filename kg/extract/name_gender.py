"""A person's gender told by the first name, for pronouns (kg/extract/coref.py).

"She" after "Ana Ferro" and "he" after "Tomas Ferro" point to them even when no title,
role or earlier pronoun says so: a reader knows the first names. The names are those
of ``nomquamgender`` (MIT licence, a dependency: its ``name_data.json`` is read once,
lazily, from the installed package; nothing is downloaded). Only a confident name
counts: one seen often enough in its sources whose share of women is near 0 or 1;
an ambiguous name ("Jean", "Kim"), a rare one or one not listed stays unknown.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib.util import find_spec
from pathlib import Path

_MIN_SOURCES = 3  # the sources that list the name
_MIN_COUNTS = 500  # the people they saw bearing it
_CONFIDENT = 0.02  # p(woman) at most this: a man's name; at least 1 - this: a woman's


@cache
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    """(confident first name -> 'm' or 'f', every name at least two sources list), read
    once from nomquamgender's data. The file is found without importing the package
    (whose import loads pandas and the data); the 720,000-name table is read, reduced
    to what the two questions below ask and dropped, so the build does not hold it (it
    held 175 MB more when kept whole)."""
    spec = find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return {}, frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    if not path.is_file():  # pragma: no cover
        return {}, frozenset()
    genders: dict[str, str] = {}
    known: set[str] = set()
    for name, info in json.loads(path.read_text(encoding="utf-8")).items():
        if not info or len(info) < 3:
            continue
        sources, counts, share = info[0], info[1], info[2]
        if sources >= 2 and counts >= 1:
            known.add(name)
        if share is None or sources < _MIN_SOURCES or counts < _MIN_COUNTS:
            continue
        if share <= _CONFIDENT:
            genders[name] = "m"
        elif share >= 1 - _CONFIDENT:
            genders[name] = "f"
    return genders, frozenset(known)


def _fold(word: str) -> str:
    """"Julián" -> "julian": lower case without accents, as the data spells names."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@cache
def first_name_gender(word: str) -> str | None:
    """'m', 'f' or None for a first name ("Tomas" -> 'm', "Ana" -> 'f', "Jean" -> None)."""
    if not word[:1].isupper() or not word.isalpha() or len(word) < 2:
        return None
    return _tables()[0].get(_fold(word))


@cache
def known_first_name(word: str) -> bool:
    """Whether a capitalised word is a first name people bear, whatever its gender: at
    least two of nomquamgender's sources saw it ("Ernesto", "Farhana"; not "Governance")."""
    if not word[:1].isupper() or not word.isalpha() or len(word) < 2:
        return False
    return _fold(word) in _tables()[1]


def name_genders(names: list[str]) -> dict[str, str]:
    """Each person's name -> the gender its first name tells. A name of two words or
    more is read by its first word; a shorter one ("Ferro", "Ferro Lind") by the first
    word of the longest longer name it ends ("Ana Ferro Lind"), and not at all when no
    such name stands in the text (a surname is not a first name)."""
    out: dict[str, str] = {}
    full = sorted({n for n in names if len(n.split()) >= 2}, key=len, reverse=True)
    for name in dict.fromkeys(names):
        longer = next((f for f in full if f != name and f.endswith(" " + name)), None)
        if longer is not None:
            source = longer
        elif len(name.split()) >= 2:
            source = name
        else:
            continue
        g = first_name_gender(source.split()[0])
        if g is not None:
            out[name] = g
    return out
