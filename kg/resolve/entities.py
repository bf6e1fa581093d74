"""Group mentions into canonical entities."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from kg.records import Entity, EntityType, Mention

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_WS = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """Fold typographic quotes, case, possessives and spacing for matching."""
    s = unicodedata.normalize("NFC", text).translate(_QUOTES).strip()
    s = _POSSESSIVE.sub("", s)
    s = _WS.sub(" ", s)
    if s.lower().startswith("the "):
        s = s[4:]
    return s.casefold()


def display_name(text: str) -> str:
    """A clean surface form: quotes folded, possessive dropped, title case for ALL CAPS."""
    s = unicodedata.normalize("NFC", text).translate(_QUOTES).strip()
    s = _POSSESSIVE.sub("", s).strip()
    s = _WS.sub(" ", s)
    if s.lower().startswith("the "):
        s = s[4:]
    if s.isupper() and len(s) > 5:
        s = "-".join(part.capitalize() for part in s.lower().split("-"))
        s = " ".join(w[:1].upper() + w[1:] for w in s.split(" "))
    return s


def resolve_entities(mentions: Iterable[Mention]) -> tuple[list[Entity], dict[Mention, str]]:
    """One entity per (type, normalised name); returns entities and mention -> key."""
    entities: dict[str, Entity] = {}
    index: dict[Mention, str] = {}
    for m in mentions:
        key = f"{m.type.value}:{normalise_name(m.text)}"
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(key=key, name=display_name(m.text), type=m.type)
        ent.mentions.append(m)
        ent.aliases.add(m.text)
        index[m] = key
    return sorted(entities.values(), key=lambda e: e.key), index


def entity_type_of(value: str) -> EntityType:
    return EntityType(value)
