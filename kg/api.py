"""kg's Python API: build a graph from news text, query it, get typed rows or a DataFrame.

The CLI is a thin layer over the same functions. See docs/api.md (its examples run as
doctests in `make test`)::

    import kg
    g = kg.build_graph(["KABUL, Jan 5 - ...", "..."])          # strings, files or folders
    result = g.query("statements", speaker="Pedro Castillo")     # a library query by name
    result = g.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")  # or any SPARQL
    result.rows            # tuples of typed values: str, int, Decimal, date, datetime, IRI
    result.to_dataframe()  # pandas (pip install kg[dataframe])
    g.to_rdflib()          # an rdflib Dataset over the same store (oxrdflib)
    g.serialize(kg.GraphFormat.TTL)

Importing this module does not import spaCy; :func:`build_graph` does (named so because
``kg.build`` is the build module).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Variable

from kg.errors import KgError, QueryError
from kg.formats import GraphFormat
from kg.query import LibraryQuery, find_query, query_from_text, run_query

__all__ = ["IRI", "Graph", "Result", "build_graph", "build_shards", "load_shards",
           "open_graph"]


class IRI(str):
    """An IRI in a result row: a ``str`` (so it prints and compares as one) of its own type."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "byte",
                                     "nonNegativeInteger", "positiveInteger",
                                     "nonPositiveInteger", "negativeInteger",
                                     "unsignedInt", "unsignedLong", "unsignedShort")}


def to_python(term: Any) -> Any:
    """A pyoxigraph term as a Python value: IRI, str, int, Decimal, float, bool, date, datetime.

    A literal whose lexical form does not fit its datatype is returned as its text.
    """
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return IRI(term.value)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, Literal):
        return str(term)
    value, datatype = term.value, term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype == f"{_XSD}decimal":
            return Decimal(value)
        if datatype in (f"{_XSD}double", f"{_XSD}float"):
            return float(value)
        if datatype == f"{_XSD}boolean":
            return value in ("true", "1")
        if datatype == f"{_XSD}date":
            return _dt.date.fromisoformat(value)
        if datatype == f"{_XSD}dateTime":
            return _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return value


def to_term(value: Any) -> NamedNode | Literal:
    """A Python value as an RDF term (the inverse of :func:`to_python`)."""
    if isinstance(value, NamedNode | Literal):
        return value
    if isinstance(value, IRI):
        return NamedNode(value)
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=NamedNode(f"{_XSD}boolean"))
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(f"{_XSD}integer"))
    if isinstance(value, Decimal):
        return Literal(format(value, "f"), datatype=NamedNode(f"{_XSD}decimal"))
    if isinstance(value, float):
        return Literal(repr(value), datatype=NamedNode(f"{_XSD}double"))
    if isinstance(value, _dt.datetime):
        return Literal(value.isoformat(), datatype=NamedNode(f"{_XSD}dateTime"))
    if isinstance(value, _dt.date):
        return Literal(value.isoformat(), datatype=NamedNode(f"{_XSD}date"))
    return Literal(str(value))


@dataclass(slots=True)
class Result:
    """The rows of a SELECT query: column names and tuples of typed Python values."""

    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    @classmethod
    def from_solutions(cls, solutions: QuerySolutions) -> Result:
        columns = [v.value for v in solutions.variables]
        return cls(columns, [tuple(to_python(t) for t in sol) for sol in solutions])

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Each row as a dict from column name to value (None where unbound)."""
        return (dict(zip(self.columns, row, strict=True)) for row in self.rows)

    def column(self, name: str) -> list[Any]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def to_dataframe(self):
        """A pandas DataFrame (pandas is an optional extra: ``pip install kg[dataframe]``)."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise KgError("pandas is not installed",
                          hint="pip install 'kg[dataframe]' (or pandas)") from exc
        return pd.DataFrame.from_records(self.rows, columns=self.columns)


class Graph:
    """A knowledge graph in a pyoxigraph store: one named graph per document."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store if store is not None else Store()

    def __len__(self) -> int:
        return len(self.store)

    def query(self, query: str | Path | LibraryQuery, /, **params: Any) -> Result | bool:
        """Run a library query by name, a .rq file, or SPARQL text, with bound parameters.

        Parameters are given as keyword arguments (``speaker="Pedro Castillo"``); dates, numbers
        and IRIs may be passed as Python values. SELECT gives a :class:`Result`, ASK a bool.
        """
        q = _as_query(query)
        params = {k: v for k, v in params.items() if v is not None}
        if q.params or not params:
            given = {k: (v.isoformat() if isinstance(v, _dt.date) else str(v))
                     for k, v in params.items()}
            answer = run_query(self.store, q, given)
        else:  # SPARQL of one's own, without a header: the values bind as their RDF types
            try:
                answer = self.store.query(q.text, use_default_graph_as_union=True,
                                          substitutions={Variable(k): to_term(v)
                                                         for k, v in params.items()})
            except (SyntaxError, OSError, RuntimeError) as exc:
                raise QueryError(f"query failed: {exc}") from exc
        if isinstance(answer, QuerySolutions):
            return Result.from_solutions(answer)
        if isinstance(answer, QueryBoolean | bool):
            return bool(answer)
        raise QueryError("only SELECT and ASK queries give rows",
                         hint="run CONSTRUCT and DESCRIBE on graph.store directly")

    def serialize(self, fmt: GraphFormat | str = GraphFormat.TTL,
                  destination: str | Path | None = None, *, entail: bool = False
                  ) -> bytes | None:
        """The graph in an RDF format (bytes), or written to ``destination`` atomically.

        ``entail`` adds the ``sem:``/``schema:``/``org:``/``prov:`` types and
        super-properties the ontology's alignments entail (``kg export --entail``).
        """
        from io import BytesIO

        from kg.store import export_store, serialize_store

        try:
            fmt = GraphFormat(fmt)
        except ValueError:
            raise KgError(f"{fmt!r} is not an RDF format kg writes",
                          hint=f"one of {', '.join(GraphFormat.names())}") from None
        if destination is not None:
            export_store(self.store, Path(destination), fmt, entail=entail)
            return None
        buffer = BytesIO()
        serialize_store(self.store, fmt, buffer, entail=entail)
        return buffer.getvalue()

    def to_rdflib(self):
        """An rdflib ``Dataset`` over this graph's store (oxrdflib), not a copy.

        The default graph is the union of the document graphs, as in kg's queries.
        """
        try:
            import rdflib
            from oxrdflib import OxigraphStore
        except ImportError as exc:
            raise KgError("oxrdflib is not installed", hint="pip install oxrdflib") from exc
        dataset = rdflib.Dataset(store=OxigraphStore(store=self.store),
                                 default_union=True)
        return dataset


def _as_query(query: str | Path | LibraryQuery) -> LibraryQuery:
    if isinstance(query, LibraryQuery):
        return query
    if isinstance(query, Path):
        return find_query(str(query))
    text = query.strip()
    if re.fullmatch(r"[\w.-]+", text) or (text.endswith((".rq", ".sparql")) and "\n" not in text):
        return find_query(text)  # a library name or a file; any other text is SPARQL
    return query_from_text(query)


def build_graph(inputs: str | Path | Iterable[str | Path] | Mapping[str, str], *,
          model: str | None = None, base_iri: str | None = None,
          kb_files: Iterable[str | Path] = (), jobs: int = 1,
          store: str | Path | None = None, fact_threshold: float = 0.0) -> Graph:
    """Build a graph from news text: strings, files, folders, or a mapping name -> text.

    A string that names an existing file or folder is read from disk; any other string
    is the text of a document (its name is ``text-1``, ``text-2``, ...). Options are those
    of ``kg build`` (``fact_threshold``: its ``--fact-threshold``). Documents that fail
    are reported in the raised error, as ``kg build`` reports them; the others are built.
    """
    from kg.build import BuildOptions, build_into
    from kg.ingest.sources import Source, expand_sources
    from kg.store import open_store

    if isinstance(inputs, str | Path):
        inputs = [inputs]
    sources: list[Source] = []
    if isinstance(inputs, Mapping):
        sources = [Source(name=name, data=text.encode("utf-8")) for name, text in inputs.items()]
    else:
        for i, item in enumerate(inputs, 1):
            if isinstance(item, Path) or (len(item) < 4096 and "\n" not in item
                                          and Path(item).exists()):
                sources.extend(expand_sources([str(item)]))
            else:
                sources.append(Source(name=f"text-{i}", data=str(item).encode("utf-8")))
    options = BuildOptions(model=model, base_iri=base_iri,
                           kb_files=tuple(str(p) for p in kb_files), jobs=jobs,
                           fact_threshold=fact_threshold)
    graph = Graph(open_store(Path(store) if store is not None else None))
    report = build_into(graph.store, sources, options=options)
    if report.failed:
        raise KgError(f"{report.failed} of {len(sources)} documents failed: "
                      + "; ".join(str(e) for e in report.errors))
    return graph


def open_graph(path: str | Path) -> Graph:
    """A graph file (.ttl .nt .nq .trig .jsonld .rdf) or an on-disk store directory, opened."""
    from kg.store import load_graph_file

    path = Path(path)
    if path.is_dir():
        try:
            return Graph(Store.read_only(str(path)))
        except OSError as exc:
            from kg.errors import GraphLoadError

            raise GraphLoadError(f"cannot open the store: {exc}", path=path) from exc
    return Graph(load_graph_file(path))


def build_shards(inputs: str | Path | Iterable[str | Path], output: str | Path, *,
                 workers: int | None = None, scheduler: str | None = None,
                 compression: str = "gzip", partition_docs: int | None = None,
                 model: str | None = None, base_iri: str | None = None,
                 kb_files: Iterable[str | Path] = (), fields: Mapping[str, str] | None = None,
                 published: _dt.date | None = None):
    """Build files, folders and JSON Lines archives on Dask into N-Quads shards.

    ``kg build --executor dask``: a LocalCluster of ``workers`` processes, or the cluster
    of ``scheduler`` (``tcp://HOST:PORT``); one shard per partition under ``output`` (a
    folder or an fsspec URL the workers reach). A rerun skips finished shards. Returns a
    :class:`kg.dask_build.ShardReport`; failed documents are listed in it, not raised.
    ``fields`` maps archive field names to JSON keys (``{"text": "body"}``).
    """
    from kg.build import BuildOptions
    from kg.dask_build import DaskOptions
    from kg.dask_build import build_shards as _build
    from kg.formats import ShardCompression
    from kg.ingest.archives import ArchiveFields
    from kg.ingest.sources import expand_sources
    from kg.limits import DEFAULT_PARTITION_DOCS

    if isinstance(inputs, str | Path):
        inputs = [inputs]
    options = BuildOptions(model=model, base_iri=base_iri, published=published,
                           kb_files=tuple(str(p) for p in kb_files),
                           fields=ArchiveFields.parse([f"{k}={v}"
                                                       for k, v in (fields or {}).items()]))
    dask = DaskOptions(workers=workers, scheduler=scheduler,
                       compression=ShardCompression(compression),
                       partition_docs=partition_docs or DEFAULT_PARTITION_DOCS)
    return _build(expand_sources([str(i) for i in inputs]), str(output), options=options,
                  dask=dask)


def load_shards(shards: str | Path, store: str | Path) -> Graph:
    """Bulk-load the shards of :func:`build_shards` into the on-disk store ``store``
    (``kg load --shards DIR --into STORE``); returns the graph over that store."""
    from kg.shards import load_shards as _load

    _load(str(shards), Path(store))
    return open_graph(store)
