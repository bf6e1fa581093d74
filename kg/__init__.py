"""kg: turn English news text into an RDF knowledge graph with provenance.

The public API (docs/api.md): :func:`build_graph`, :func:`open_graph`, :class:`Graph`,
:func:`build_shards` and :func:`load_shards` (distributed builds, docs/scaling.md),
:class:`Result`, :class:`IRI` and :class:`GraphFormat`. Importing kg does not import spaCy.
"""

__version__ = "0.1.0"

from kg.api import IRI, Graph, Result, build_graph, build_shards, load_shards, open_graph
from kg.formats import GraphFormat, ResultFormat

__all__ = ["IRI", "Graph", "GraphFormat", "Result", "ResultFormat", "__version__",
           "build_graph", "build_shards", "load_shards", "open_graph"]
