"""``kg load``: send a built graph to a triple store over the Graph Store Protocol."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import err, handle_errors
from kg.load import StoreType


@handle_errors
def load_cmd(
    endpoint: Annotated[str, typer.Option("--endpoint", help="Server URL: the base for "
                                          "oxigraph/qlever, the dataset for fuseki, the "
                                          "repository for graphdb, the root for virtuoso, "
                                          "the Graph Store URL for gsp.")],
    graph: Annotated[Path | None, typer.Option("--graph", "-g", help="Graph file to load.")
                     ] = None,
    store: Annotated[Path | None, typer.Option("--store", help="On-disk store directory to "
                                               "load.")] = None,
    store_type: Annotated[StoreType, typer.Option("--store-type", help="Where the server "
                                                  "keeps its Graph Store endpoint.")
                          ] = StoreType.OXIGRAPH,
    graph_per_document: Annotated[bool, typer.Option("--graph-per-document", help="One PUT "
                                                     "per named graph (the default).")
                                  ] = False,
    graph_iri: Annotated[str | None, typer.Option("--graph-iri", help="Load everything into "
                                                  "this one graph instead.")] = None,
    user: Annotated[str | None, typer.Option("--user", help="User name for HTTP "
                                             "authentication.")] = None,
    password_env: Annotated[str | None, typer.Option("--password-env", help="Name of the "
                                                     "environment variable holding the "
                                                     "password.")] = None,
    token_env: Annotated[str | None, typer.Option("--token-env", help="Name of the environment "
                                                  "variable holding a bearer token.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for "
                                           "each answer.")] = 60.0,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Retries on connection "
                                         "errors, timeouts and 5xx.")] = 4,
    no_ontology: Annotated[bool, typer.Option("--no-ontology", help="Do not send the "
                                              "ontology (sent by default into its own graph "
                                              "<https://w3id.org/kg-news/ns>).")] = False,
    batch: Annotated[int, typer.Option("--batch", min=0, help="Triples per request (0: whole "
                                       "graphs, split only if the server answers 413).")] = 0,
    entail: Annotated[bool, typer.Option("--entail", help="Also send what the ontology's "
                                         "alignments entail (sem:, schema:, org:, prov: types "
                                         "and super-properties), for stores that do not "
                                         "reason.")] = False,
) -> None:
    """Load a graph file or store into a triple store: one PUT per graph, so re-runs never
    duplicate."""
    from kg.errors import LoadError
    from kg.load import Credentials, LoadOptions, load_store
    from kg.store import open_graph

    if graph_per_document and graph_iri:
        raise LoadError("give --graph-per-document or --graph-iri, not both")
    if graph_iri is not None:
        from pyoxigraph import NamedNode

        try:
            NamedNode(graph_iri)
        except ValueError as exc:
            raise LoadError(f"--graph-iri is not an IRI: {exc}") from exc
    options = LoadOptions(store_type=store_type,
                          credentials=Credentials.from_env(user=user, password_env=password_env,
                                                           token_env=token_env),
                          timeout=timeout, retries=retries, max_batch=batch)
    from kg.cli.interrupt import interruptible

    st = open_graph(graph=graph, store=store)
    try:
        with interruptible("the graphs sent before the stop are on the server (the one being "
                           "sent may be partial); run the same kg load again: it replaces "
                           "each graph"):
            report = load_store(st, endpoint, options=options, graph_iri=graph_iri,
                                ontology=not no_ontology, entail=entail)
    finally:
        del st
    extra = f", {report.retries} retries" if report.retries else ""
    extra += f", split {report.splits} times after 413" if report.splits else ""
    err.print(f"loaded {report.graphs} graphs, {report.triples} triples in "
              f"{report.requests} requests{extra} in {report.seconds:.2f} s", markup=False)
