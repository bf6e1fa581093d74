"""Read news text into documents and units."""

from kg.ingest.reader import parse_text, read_document
from kg.ingest.sources import expand_sources

__all__ = ["expand_sources", "parse_text", "read_document"]
