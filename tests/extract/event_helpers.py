"""Build one-update documents from test sentences and run the event extractor on them."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from kg.extract.document import extract_document
from kg.records import DocumentResult, Fact, Mention, SourceDocument, Span, Unit

STAMP = datetime(2023, 3, 14, 9, 30, tzinfo=UTC)  # a Tuesday


def one_update(text: str, *, stamp: datetime | None = STAMP, headline: str | None = None
               ) -> tuple[SourceDocument, Unit]:
    """A document holding ``text`` as one update (optionally led by a headline line)."""
    body = f"{headline}\n{text}" if headline else text
    unit = Unit(index=0, kind="update", start=0, end=len(body), text=body, stamp=stamp,
                headline=Span(0, len(headline), headline) if headline else None)
    doc = SourceDocument(doc_id="test", path="test.txt", text=body,
                         sha256=hashlib.sha256(body.encode()).hexdigest(), units=[unit])
    return doc, unit


def run(nlp, text: str, **kw) -> DocumentResult:
    document, unit = one_update(text, **kw)
    return extract_document(document, [(unit, nlp(unit.text))])


def facts_of(result: DocumentResult, kind: str) -> list[Fact]:
    return [f for f in result.facts if f.kind == kind]


def names(result: DocumentResult, values) -> set[str]:
    """Resolved entity names of mention fillers, text of the others."""
    entity_of = {m: e.name for e in result.entities for m in e.mentions}
    out = set()
    for v in values or []:
        if isinstance(v, Mention):
            out.add(entity_of.get(v, v.text))
        elif isinstance(v, str):
            out.add(v)
    return out


def speakers_of(result: DocumentResult) -> list[set[str]]:
    """The speakers' names of each Statement, in order."""
    return [names(result, f.roles.get("speaker")) for f in facts_of(result, "Statement")]


def requests_of(result: DocumentResult) -> list[tuple[set[str], set[str], set[str]]]:
    """(addressee, theme, agent) names of each Request, as the request tests compare them."""
    return [(names(result, f.roles.get("addressee")), names(result, f.roles.get("theme")),
             names(result, f.roles.get("agent"))) for f in facts_of(result, "Request")]


def updates(nlp, parts: list[tuple[str, datetime]]) -> DocumentResult:
    """A live page of several updates (text, stamp), extracted as one document."""
    text, units, pos = "", [], 0
    for n, (body, stamp) in enumerate(parts):
        units.append(Unit(index=n, kind="update", start=pos, end=pos + len(body), text=body,
                          stamp=stamp))
        text += body + "\n"
        pos = len(text)
    doc = SourceDocument(doc_id="test", path="test.txt", text=text,
                         sha256=hashlib.sha256(text.encode()).hexdigest(), units=units)
    return extract_document(doc, [(u, nlp(u.text)) for u in units])


def entity_named(result: DocumentResult, name: str):
    """The one entity with ``name`` as its name or an alias (fails if none, or if split)."""
    found = [e for e in result.entities if name == e.name or name in e.aliases]
    assert found, f"no entity {name!r} among {[(e.name, e.type) for e in result.entities]}"
    assert len(found) == 1, f"{name!r} is split: {[(e.name, e.type) for e in found]}"
    return found[0]


def located_pairs(result: DocumentResult) -> set[tuple[str, str]]:
    """(place, container) of every LocatedIn fact, for every label of either entity."""
    labels = {m: {e.name, *e.aliases} for e in result.entities for m in e.mentions}
    out = set()
    for f in facts_of(result, "LocatedIn"):
        place, container = f.roles["place"][0], f.roles["container"][0]
        for p in labels.get(place, names(result, [place])):
            for c in labels.get(container, names(result, [container])):
                out.add((p, c))
    return out


def mentions_with_ents(nlp, text: str, ents: list[tuple[str, str]]) -> dict[str, object]:
    """The unit's mentions (text -> type) when the model's entities are ``ents`` (surface,
    label): the model's slips and odd labels are set by hand, so that a repair rule is
    tested whatever the model guesses on the day."""
    from spacy.tokens import Span as SpacySpan

    from kg.extract.entities import entity_mentions

    doc = nlp(text)
    spans = []
    for surface, label in ents:
        a = text.index(surface)
        spans.append(doc.char_span(a, a + len(surface), label=label))
    assert all(isinstance(s, SpacySpan) for s in spans)
    doc.ents = spans
    _document, unit = one_update(text)
    return {m.text: m.type for m in entity_mentions(doc, unit)}
