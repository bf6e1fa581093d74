"""``kg validate``: check a graph against the SHACL shapes in ontology/shapes.ttl."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import err, handle_errors, out

_SHOWN_PER_MESSAGE = 5


@handle_errors
def validate_cmd(
    graph: Annotated[Path | None, typer.Argument(help="Graph file to check (.ttl .nt .nq "
                                                 ".trig .jsonld).", show_default=False)] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Check an on-disk store made "
                                               "by `kg build --store` instead.")] = None,
    graph_opt: Annotated[Path | None, typer.Option("--graph", "-g", help="The graph file, as "
                                                   "for the other commands (same as GRAPH).")
                         ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="List every finding instead of the "
                                           f"first {_SHOWN_PER_MESSAGE} of each kind.")] = False,
    owl: Annotated[bool, typer.Option("--owl", help="Also run OWL 2 RL reasoning (owlrl) over "
                                      "ontology + graph and report inconsistencies "
                                      "(counted as violations).")] = False,
) -> None:
    """Validate a graph with SHACL (ontology/shapes.ttl), one named graph at a time.

    Exit status: 0 the graph conforms (warnings may be listed), 1 it has
    violations, 2 validation could not run (unreadable graph or shapes).
    """
    from kg.errors import GraphLoadError
    from kg.store import open_graph
    from kg.validate import owl_rl_inconsistencies, validate_store

    if graph is not None and graph_opt is not None and graph != graph_opt:
        raise GraphLoadError("give the graph file once: `kg validate FILE` or "
                             "`kg validate --graph FILE`")
    graph = graph or graph_opt
    if (graph is None) == (store is None):
        raise GraphLoadError("give exactly one graph: `kg validate FILE` (or --graph FILE) "
                             "or `kg validate --store DIR`")
    st = open_graph(graph=graph, store=store)
    report = validate_store(st)
    clashes = owl_rl_inconsistencies(st) if owl else []
    for clash in clashes:
        out.print("[bold red]OWL RL inconsistency:[/] ", end="", markup=True)
        out.print(clash, markup=False)
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for f in report.findings:
        groups[(f.graph, f.severity, f.message)].append(f)
    for (graph_name, severity, message), findings in groups.items():
        colour = "red" if severity == "Violation" else "yellow"
        out.print(f"[bold {colour}]{severity}[/] ({len(findings)}) in <{graph_name}>: ",
                  end="", markup=True)
        out.print(message, markup=False)
        shown = findings if show_all else findings[:_SHOWN_PER_MESSAGE]
        for f in shown:
            value = f"  value {f.value}" if f.value else ""
            path = f"  {f.path}" if f.path else ""
            out.print(f"    {f.focus}{path}{value}", markup=False)
        if len(findings) > len(shown):
            out.print(f"    ... and {len(findings) - len(shown)} more (--all lists them)",
                      markup=False)
    n_viol, n_warn = len(report.violations) + len(clashes), len(report.warnings)
    verdict = "conforms" if n_viol == 0 else "does NOT conform"
    err.print(f"{verdict}: {report.graphs} graph(s) checked, {n_viol} violation(s), "
              f"{n_warn} warning(s)", markup=False)
    if n_viol:
        raise typer.Exit(1)
