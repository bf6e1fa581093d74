"""Mentions of the unit's dateline place and agency, and of the names in its bylines."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entity_types import place_type
from kg.extract.spans import doc_text, trimmed_range
from kg.ingest.reader import DATELINE
from kg.records import EntityType, Mention, Unit
from kg.records import Span as RecSpan


def _dateline_spans(doc: Doc, unit: Unit) -> tuple[RecSpan | None, RecSpan | None]:
    """The reader's dateline and agency; else a dateline opening a line of an article."""
    if unit.dateline is not None or unit.agency is not None:
        return unit.dateline, unit.agency
    pos = 0
    for line in doc_text(doc).split("\n"):
        lead = len(line) - len(line.lstrip())
        m = DATELINE.match(line[lead:])
        if m:
            base = unit.start + pos + lead
            return (RecSpan(base + m.start("place"), base + m.end("place"), m.group("place")),
                    RecSpan(base + m.start("agency"), base + m.end("agency"), m.group("agency")))
        pos += len(line) + 1
    return None, None


def dateline_mentions(doc: Doc, unit: Unit) -> list[Mention]:
    """The dateline place ('LAGOS') and the agency ('Reuters') of the unit."""
    out = []
    place, agency = _dateline_spans(doc, unit)
    for span, kind in ((place, "dateline"), (agency, "dateline:agency")):
        if span is None or not span.text.strip():
            continue
        if kind == "dateline":
            etype = place_type(span.text) or EntityType.PLACE
        else:
            etype = EntityType.MEDIA_ORGANIZATION
        out.append(Mention(start=span.start, end=span.end, text=span.text, type=etype,
                           unit=unit.index, sentence=first_sentence(doc, unit, span.start),
                           source=kind))
    return out


_BYLINE_TYPES = {"person": EntityType.PERSON, "media": EntityType.MEDIA_ORGANIZATION}


def byline_mentions(doc: Doc, unit: Unit) -> list[Mention]:
    """The people, agency and places the reader found in the unit's bylines."""
    out = []
    for span, kind in unit.bylines:
        etype = _BYLINE_TYPES.get(kind) or place_type(span.text) or EntityType.PLACE
        out.append(Mention(start=span.start, end=span.end, text=span.text, type=etype,
                           unit=unit.index, sentence=first_sentence(doc, unit, span.start),
                           source=f"byline:{kind}"))
    return out


def first_sentence(doc: Doc, unit: Unit, offset: int) -> tuple[int, int]:
    """The trimmed sentence after a blanked dateline (the one the dateline belongs to);
    for a line after the unit's text (a closing byline), its last sentence."""
    local = offset - unit.start
    last = None
    text = doc_text(doc)
    for sent in doc.sents:
        if not text[sent.start_char:sent.end_char].strip():  # (sent.text, without a join)
            continue
        last = sent
        if sent.end_char > local:
            break
    if last is None:
        return offset, offset
    a, b = trimmed_range(last)
    return unit.start + a, unit.start + b
