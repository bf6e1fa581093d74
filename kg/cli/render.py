"""Print query results as a table or in a SPARQL 1.1 results format."""

from __future__ import annotations

import sys

from pyoxigraph import QuerySolutions

from kg.cli.common import out
from kg.formats import ResultFormat
from kg.query import rows


def print_results(solutions, fmt: ResultFormat, *, title: str = "") -> None:
    if not isinstance(solutions, QuerySolutions):
        if isinstance(solutions, bool):
            print("true" if solutions else "false")
            return
        raise TypeError("only SELECT and ASK queries can be printed as results")
    if fmt is ResultFormat.TABLE:
        from rich.table import Table

        header, data = rows(solutions)
        table = Table(*header, title=title or None, show_lines=False)
        for row in data:
            table.add_row(*("" if v is None else v for v in row))
        out.print(table)
        out.print(f"{len(data)} rows", style="dim")
        return
    data = solutions.serialize(format=fmt.results_format)
    sys.stdout.buffer.write(data)
    if not data.endswith(b"\n"):
        sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()
