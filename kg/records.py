"""Plain records that flow between the pipeline stages.

Nothing here knows about RDF: extractors produce these, the resolver links
them, and :mod:`kg.rdf.mapping` is the only place that turns them into
triples. All character offsets are code-point offsets into the decoded source
text of the document, so ``document.text[start:end] == text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class EntityType(StrEnum):
    """Coarse entity types; the ontology has one class per member."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    GOVERNMENT_BODY = "GovernmentBody"
    ARMED_FORCE = "ArmedForce"
    MEDIA_ORGANIZATION = "MediaOrganization"
    COUNTRY = "Country"
    CITY = "City"
    REGION = "Region"
    PLACE = "Place"
    GROUP = "Group"

    @property
    def is_place(self) -> bool:
        return self in _PLACES

    @property
    def is_agent(self) -> bool:
        return not self.is_place


_PLACES = {EntityType.COUNTRY, EntityType.CITY, EntityType.REGION, EntityType.PLACE}


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the source text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Unit:
    """One update of a live page, or a whole plain article.

    ``text`` is the source slice ``[start:end]`` with noise (stamps, captions'
    credits, repeated titles, stray fragments, datelines) blanked by spaces,
    so offsets into it plus ``start`` are offsets into the source.
    """

    index: int
    kind: str  # "lead", "update" or "article"
    start: int
    end: int
    text: str
    stamp: datetime | None = None
    headline: Span | None = None
    dateline: Span | None = None
    agency: Span | None = None
    # The local calendar day relative dates of the unit resolve against ("on Sunday"):
    # the day of its stamp as printed, the page date, or the date of its dateline.
    anchor: date | None = None
    date_hint: date | None = None  # the date of the unit's dateline, when it gives one
    # names in the unit's bylines ("By Ana Costa", "Reporting by ..."), each with its kind:
    # "person", "media" or "place" (kg/ingest/layout.py byline_names)
    bylines: list[tuple[Span, str]] = field(default_factory=list)


@dataclass(slots=True)
class SourceDocument:
    """A read source file with its units and metadata."""

    doc_id: str
    path: str
    text: str
    sha256: str
    title: str | None = None
    published: date | None = None
    live_title: str | None = None
    units: list[Unit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    modified: datetime | None = None  # an "Updated: ..." line of the page
    url: str | None = None  # where it was published (an archive record's URL field)

    @property
    def updated(self) -> datetime | None:
        stamps = [u.stamp for u in self.units if u.stamp is not None]
        if self.modified is not None:
            stamps.append(self.modified)
        return max(stamps) if stamps else None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names or refers to an entity."""

    start: int
    end: int
    text: str
    type: EntityType
    unit: int
    sentence: tuple[int, int]
    source: str  # what found it: "ner:ORG", "kb", "dateline", "rule:...", "coref:..."
    # a pronoun or description resolved in the text ("He told reporters"): the mention it
    # refers to; it carries that mention's type, so extractors can use it as a role filler
    antecedent: Mention | None = None


@dataclass(slots=True)
class Entity:
    """A canonical entity with every mention resolved to it."""

    key: str
    name: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    same_as: list[str] = field(default_factory=list)
    geonames_id: int | None = None
    country_code: str | None = None
    lat: float | None = None
    long: float | None = None
    merges: list[tuple[str, str]] = field(default_factory=list)  # (surface form, rule)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count or amount with its unit and qualifier ("over", "at least")."""

    text: str
    value: float | None
    unit: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A normalised date expression; ``value`` is ISO 8601 or None when unresolved."""

    text: str
    value: str | None
    precision: str = "day"  # day, month, year, range, unresolved
    end: str | None = None


RoleValue = Mention | Quantity | TimeExpr | str


@dataclass(slots=True)
class Fact:
    """An n-ary event or relation found in one sentence."""

    kind: str  # ontology class local name: "Deployment", "Position", ...
    category: str  # "event" or "relation"
    roles: dict[str, list[RoleValue]]
    unit: int
    sentence: tuple[int, int]
    rule: str
    confidence: float
    trigger: Span | None = None
    reported: datetime | None = None
    attributed_to: Mention | None = None
    # how the text presents an event: None (asserted), "negated", "future",
    # "hypothetical" or "claimed" (kg:factuality; kg/extract/factuality.py)
    factuality: str | None = None
    # other facts this one points to, by property: {"purposeEvent": [the Protection a
    # deployment is for]} (a link to a fact the document does not keep is left out)
    links: dict[str, list[Fact]] = field(default_factory=dict)
    # the fact model's estimate that the fact is right (kg/extract/fact_filter.py); the
    # graph's kg:confidence when set, else the rule's ``confidence``
    probability: float | None = None


@dataclass(slots=True)
class DocumentResult:
    """Everything extracted from one document, ready for mapping."""

    document: SourceDocument
    sentences: list[tuple[int, int, int]]  # (unit, start, end)
    entities: list[Entity]
    facts: list[Fact]
    model: str = ""
