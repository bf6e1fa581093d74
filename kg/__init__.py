"""kg: turn English news text into an RDF knowledge graph with provenance."""

__version__ = "0.1.0"
