"""Run every extractor over the parsed units of one document."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import entity_mentions
from kg.records import DocumentResult, SourceDocument, Unit
from kg.resolve.entities import resolve_entities


def extract_document(document: SourceDocument, parsed: list[tuple[Unit, Doc]],
                     *, model: str = "") -> DocumentResult:
    """Mentions, entities and facts of one document (plain records, no RDF)."""
    mentions = []
    sentences: list[tuple[int, int, int]] = []
    for unit, doc in parsed:
        for sent in doc.sents:
            text = sent.text
            if not text.strip():
                continue
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            sentences.append((unit.index, unit.start + sent.start_char + lead,
                              unit.start + sent.end_char - trail))
        mentions.extend(entity_mentions(doc, unit))
    entities, _ = resolve_entities(mentions)
    return DocumentResult(document=document, sentences=sentences, entities=entities,
                          facts=[], model=model)
