"""Name folding shared by the resolver and its linking rules."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.extract.entity_rules import EntityRules

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_WS = re.compile(r"\s+")
# a saint's name in the possessive names a town, parish or church ("St. John's", "St
# George's", "Saint Mary's"): the "'s" is part of the name
_SAINT_NAME = re.compile(r"^(?:St\.?|Saint|Ste\.?|Sainte)\s+[A-Z][a-z]+'s$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Fold typographic quotes, case, possessives and spacing for matching (cached: the
    resolver asks for the same names many times)."""
    s = unicodedata.normalize("NFC", text).translate(_QUOTES).strip()
    s = _POSSESSIVE.sub("", s)
    s = _WS.sub(" ", s)
    if s.lower().startswith("the "):
        s = s[4:]
    return s.casefold()


@lru_cache(maxsize=65536)
def display_name(text: str) -> str:
    """A clean surface form: quotes folded, possessive dropped, title case for ALL CAPS."""
    s = unicodedata.normalize("NFC", text).translate(_QUOTES).strip()
    if not _SAINT_NAME.match(s):  # "St. John's", "St George's": the town's own "'s"
        s = _POSSESSIVE.sub("", s).strip()
    s = _WS.sub(" ", s)
    if s.lower().startswith("the "):
        s = s[4:]
    if s.isupper() and len(s) > 5:
        s = "-".join(part.capitalize() for part in s.lower().split("-"))
        s = " ".join(w[:1].upper() + w[1:] for w in s.split(" "))
    return s


def spelling_key(text: str, rules: EntityRules) -> str:
    """normalise_name plus British -> American spelling, word by word."""
    words = normalise_name(text).split(" ")
    return " ".join(rules.spelling.get(w, w) for w in words)


def _is_acronym(text: str) -> bool:
    t = text.strip()
    return 2 <= len(t) <= 10 and t.replace("-", "").replace("&", "").isalnum() \
        and t.upper() == t and any(c.isalpha() for c in t)
