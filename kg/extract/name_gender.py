"""A person's gender told by the first name, for pronouns (kg/extract/coref.py).

"She" after "Ana Ferro" and "he" after "Tomas Ferro" point to them even when no title,
role or earlier pronoun says so: a reader knows the first names. The names are those
of ``nomquamgender`` (MIT licence), reduced to the two questions below and shipped as
kg/rules/entities/first_names.tsv.gz (kg/extract/name_table.py makes it; nothing is
downloaded). Only a confident name counts: one seen often enough in its sources whose
share of women is near 0 or 1; an ambiguous name ("Jean", "Kim"), a rare one or one not
listed stays unknown.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from kg.extract.name_table import read


@cache
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    """(confident first name -> 'm' or 'f', every name at least two sources list), read
    once from the shipped table (about 0.1 CPU second; parsing nomquamgender's own 22 MB
    JSON took 1.5 to 4)."""
    return read()


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
