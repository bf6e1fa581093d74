"""Extractors: spaCy docs in, plain records out (no RDF here)."""
