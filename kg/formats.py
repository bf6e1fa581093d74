"""Formats as enums, never bare strings."""

from __future__ import annotations

from enum import StrEnum

from pyoxigraph import QueryResultsFormat, RdfFormat


class ShardCompression(StrEnum):
    """How a distributed build writes its shards: gzip (``.nq.gz``) or plain N-Quads."""

    NONE = "none"
    GZIP = "gzip"

    @property
    def suffix(self) -> str:
        return ".nq.gz" if self is ShardCompression.GZIP else ".nq"


class GraphFormat(StrEnum):
    """RDF serialisations kg reads and writes.

    ``xml`` is RDF/XML (``rdf`` is accepted for it too); JSON-LD is written compact,
    with kg's ``@context`` (ontology/context.jsonld).
    """

    TTL = "ttl"
    NT = "nt"
    NQ = "nq"
    TRIG = "trig"
    JSONLD = "jsonld"
    XML = "xml"

    @classmethod
    def _missing_(cls, value: object) -> GraphFormat | None:
        return _ALIASES.get(str(value).lower()) if isinstance(value, str) else None

    @classmethod
    def names(cls) -> list[str]:
        """Every name ``--format`` accepts: the formats and their aliases."""
        return [f.value for f in cls] + list(_ALIASES)

    @property
    def label(self) -> str:
        """The format's usual name, for messages."""
        return _LABELS[self]

    @property
    def rdf_format(self) -> RdfFormat:
        return _RDF[self]

    @property
    def is_dataset(self) -> bool:
        """Whether the format keeps named graphs."""
        return self in (GraphFormat.NQ, GraphFormat.TRIG, GraphFormat.JSONLD)

    @classmethod
    def from_path(cls, path: str) -> GraphFormat:
        lower = str(path).lower()
        for suffix, fmt in _SUFFIXES.items():
            if lower.endswith(suffix):
                return fmt
        raise ValueError(f"cannot tell the RDF format of {path!r} from its extension "
                         f"(use one of {', '.join(_SUFFIXES)}) or pass --format")


_RDF = {
    GraphFormat.TTL: RdfFormat.TURTLE,
    GraphFormat.NT: RdfFormat.N_TRIPLES,
    GraphFormat.NQ: RdfFormat.N_QUADS,
    GraphFormat.TRIG: RdfFormat.TRIG,
    GraphFormat.JSONLD: RdfFormat.JSON_LD,
    GraphFormat.XML: RdfFormat.RDF_XML,
}
_ALIASES = {"rdf": GraphFormat.XML}
_LABELS = {GraphFormat.TTL: "Turtle", GraphFormat.NT: "N-Triples", GraphFormat.NQ: "N-Quads",
           GraphFormat.TRIG: "TriG", GraphFormat.JSONLD: "JSON-LD", GraphFormat.XML: "RDF/XML"}
_SUFFIXES = {
    ".ttl": GraphFormat.TTL,
    ".nt": GraphFormat.NT,
    ".nq": GraphFormat.NQ,
    ".trig": GraphFormat.TRIG,
    ".jsonld": GraphFormat.JSONLD,
    ".json": GraphFormat.JSONLD,
    ".rdf": GraphFormat.XML,
    ".xml": GraphFormat.XML,
}


class ResultFormat(StrEnum):
    """Query result formats: a terminal table or the SPARQL 1.1 results formats."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    XML = "xml"

    @property
    def results_format(self) -> QueryResultsFormat:
        return {
            ResultFormat.CSV: QueryResultsFormat.CSV,
            ResultFormat.TSV: QueryResultsFormat.TSV,
            ResultFormat.JSON: QueryResultsFormat.JSON,
            ResultFormat.XML: QueryResultsFormat.XML,
        }[self]
