"""Event and relation extraction (filled in by the events work)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.records import Fact, Mention, SourceDocument, Unit


def extract_facts(document: SourceDocument, unit: Unit, doc: Doc,
                  mentions: list[Mention]) -> list[Fact]:
    """Facts found in one parsed unit; ``mentions`` are its entity mentions."""
    return []
