"""Entity mentions from a parsed unit."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.records import EntityType, Mention, Unit

# spaCy labels that name entities kg models; the rest (dates, money, ...) are
# handled as values by the event extractors.
LABEL_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.REGION,
    "FAC": EntityType.PLACE,
}


def sentence_of(span: Span, unit: Unit) -> tuple[int, int]:
    sent = span.sent
    return unit.start + sent.start_char, unit.start + sent.end_char


def mention_from_span(span: Span, unit: Unit, etype: EntityType, source: str) -> Mention:
    return Mention(
        start=unit.start + span.start_char,
        end=unit.start + span.end_char,
        text=span.text,
        type=etype,
        unit=unit.index,
        sentence=sentence_of(span, unit),
        source=source,
    )


def _trim(span: Span) -> Span | None:
    """Drop leading determiners/possessive endings and surrounding punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct
                           or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return doc[start:end] if end > start else None


def entity_mentions(doc: Doc, unit: Unit) -> list[Mention]:
    """Mentions of the named entities in ``doc`` with coarse types."""
    out: list[Mention] = []
    for ent in doc.ents:
        etype = LABEL_TYPES.get(ent.label_)
        if etype is None:
            continue
        span = _trim(ent)
        if span is None or not any(t.is_alpha for t in span):
            continue
        out.append(mention_from_span(span, unit, etype, f"ner:{ent.label_}"))
    return out
