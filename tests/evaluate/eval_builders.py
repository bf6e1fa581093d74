"""Tiny hand-built graphs for evaluation tests, made by the real mapper from records.

One line of text is one sentence. Entities and facts are plain records
(kg/records.py), mapped by kg/rdf/mapping.py, so the graphs have exactly the
shape the extractors will produce.
"""

from __future__ import annotations

import re

from pyoxigraph import Store

from kg.evaluate.gold import Gold, read_gold
from kg.rdf.iri import IriMinter
from kg.rdf.mapping import map_document
from kg.records import (
    DocumentResult,
    Entity,
    EntityType,
    Fact,
    Mention,
    Quantity,
    SourceDocument,
    TimeExpr,
    Unit,
)


class TinyDoc:
    """A one-update document whose lines are its sentences."""

    def __init__(self, *lines: str, doc_id: str = "tiny"):
        self.doc_id = doc_id
        self.text = "\n".join(lines)
        self.sentences: list[tuple[int, int]] = []
        pos = 0
        for line in lines:
            self.sentences.append((pos, pos + len(line)))
            pos += len(line) + 1
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []

    def sentence_of(self, start: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= start <= e:
                return (s, e)
        raise ValueError(start)

    def mention(self, surface: str, etype: str, *, name: str | None = None, nth: int = 0,
                aliases: tuple[str, ...] = ()) -> Mention:
        """A mention of ``surface`` (its nth occurrence) resolved to entity ``name``."""
        found = list(re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", self.text))
        start, end = found[nth].span()
        t = EntityType(etype)
        m = Mention(start, end, surface, t, 0, self.sentence_of(start), "test")
        name = name or surface
        key = f"{t.value}:{name}"
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(key=key, name=name, type=t)
        entity.mentions.append(m)
        entity.aliases.update({surface, *aliases} - {name})
        return m

    def fact(self, kind: str, line: int, *, category: str = "event", **roles) -> Fact:
        """A fact read from sentence ``line``; role values are records or lists of them."""
        norm = {k: (v if isinstance(v, list) else [v]) for k, v in roles.items()}
        fact = Fact(kind=kind, category=category, roles=norm, unit=0,
                    sentence=self.sentences[line], rule=f"test/{kind}", confidence=0.9)
        self.facts.append(fact)
        return fact

    def result(self) -> DocumentResult:
        unit = Unit(index=0, kind="article", start=0, end=len(self.text), text=self.text)
        doc = SourceDocument(doc_id=self.doc_id, path=f"{self.doc_id}.txt", text=self.text,
                             sha256="0" * 64, units=[unit])
        return DocumentResult(document=doc,
                              sentences=[(0, s, e) for s, e in self.sentences],
                              entities=list(self.entities.values()), facts=self.facts)

    def store(self, store: Store | None = None) -> Store:
        store = store if store is not None else Store()
        store.extend(map_document(self.result(), IriMinter()))
        return store


def qty(value: float, text: str | None = None, unit: str | None = None,
        qualifier: str | None = None) -> Quantity:
    return Quantity(text or str(value), value, unit, qualifier)


def when(value: str, text: str = "on that day", precision: str = "day") -> TimeExpr:
    return TimeExpr(text, value, precision)


def gold_from(tmp_path, text: str, name: str = "gold.yaml") -> Gold:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_gold(path)
