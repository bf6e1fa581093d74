"""Print query results: a table or a SPARQL 1.1 results format for SELECT and ASK, RDF
for CONSTRUCT and DESCRIBE."""

from __future__ import annotations

import sys

from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples, RdfFormat

from kg.cli.common import out
from kg.errors import QueryError
from kg.formats import ResultFormat
from kg.query import rows

# `--format` for CONSTRUCT/DESCRIBE: the RDF it writes (table, the default, is Turtle).
GRAPH_RESULT_FORMATS = {"table": RdfFormat.TURTLE, "ttl": RdfFormat.TURTLE,
                        "nt": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD,
                        "json": RdfFormat.JSON_LD, "xml": RdfFormat.RDF_XML}
RESULT_FORMAT_NAMES = [f.value for f in ResultFormat] + ["ttl", "nt", "jsonld"]


def print_results(solutions, fmt: str, *, title: str = "") -> bool:
    """Print any query result; returns False only for an ASK answered false.

    Errors met while the results are computed (they are lazy: a failing SERVICE, a
    type error) become a :class:`QueryError`, not a traceback.
    """
    try:
        return _print(solutions, fmt, title=title)
    except (OSError, RuntimeError, ValueError, SyntaxError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        raise QueryError(f"query failed while running: {exc}",
                         hint="a SERVICE clause needs its endpoint to answer" if "SERVICE" in
                         str(exc) or "HTTP" in str(exc) or "port" in str(exc) else None) from None


def _print(solutions, fmt: str, *, title: str) -> bool:
    if isinstance(solutions, QueryBoolean | bool):
        answer = bool(solutions)
        if fmt in ("table", "csv", "tsv") or isinstance(solutions, bool):
            print("true" if answer else "false")
        else:
            _write(solutions.serialize(format=ResultFormat(fmt).results_format))
        return answer
    if isinstance(solutions, QueryTriples):
        rdf = GRAPH_RESULT_FORMATS.get(fmt)
        if rdf is None:
            raise QueryError(f"a CONSTRUCT or DESCRIBE query gives RDF, not {fmt}",
                             hint="use --format ttl, nt, jsonld or xml (RDF/XML)")
        _write(graph_result(solutions, rdf))
        return True
    if not isinstance(solutions, QuerySolutions):
        raise QueryError(f"cannot print a query result of type {type(solutions).__name__}")
    if fmt not in {f.value for f in ResultFormat}:
        raise QueryError(f"SELECT results come as a table or in csv, tsv, json or xml, not {fmt}",
                         hint="ttl, nt and jsonld are for CONSTRUCT and DESCRIBE queries")
    if fmt == ResultFormat.TABLE:
        from rich.table import Table

        header, data = rows(solutions)
        table = Table(*header, title=title or None, show_lines=False)
        for row in data:
            table.add_row(*("" if v is None else v for v in row))
        out.print(table)
        out.print(f"{len(data)} rows", style="dim")
        return True
    _write(solutions.serialize(format=ResultFormat(fmt).results_format))
    return True


def graph_result(triples, rdf: RdfFormat) -> bytes:
    """A CONSTRUCT or DESCRIBE result in an RDF format: JSON-LD and RDF/XML as kg writes
    them (compact, with kg's context; XML 1.0's limits checked), the others by pyoxigraph."""
    import io

    from pyoxigraph import serialize

    from kg.rdf.vocab import PREFIXES

    if rdf not in (RdfFormat.JSON_LD, RdfFormat.RDF_XML):
        return serialize(triples, format=rdf, prefixes=PREFIXES) or b""
    ordered = sorted(dict.fromkeys(triples),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    buffer = io.BytesIO()  # whole, so that a refused text leaves nothing half-written
    if rdf is RdfFormat.JSON_LD:
        from kg.store.jsonld import write_jsonld

        write_jsonld(ordered, [], buffer)
    else:
        from kg.store.rdfxml import write_rdfxml

        write_rdfxml(ordered, {t.predicate.value for t in ordered}, buffer)
    return buffer.getvalue()


def _write(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    if not data.endswith(b"\n"):
        sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()
