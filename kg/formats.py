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
    """RDF serialisations kg reads and writes."""

    TTL = "ttl"
    NT = "nt"
    NQ = "nq"
    TRIG = "trig"
    JSONLD = "jsonld"

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
}
_SUFFIXES = {
    ".ttl": GraphFormat.TTL,
    ".nt": GraphFormat.NT,
    ".nq": GraphFormat.NQ,
    ".trig": GraphFormat.TRIG,
    ".jsonld": GraphFormat.JSONLD,
    ".json": GraphFormat.JSONLD,
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
