"""``kg load``: send a built graph to a triple store over the Graph Store Protocol."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import err, handle_errors
from kg.load import StoreType


@handle_errors
def load_cmd(
    endpoint: Annotated[str | None, typer.Option("--endpoint", help="Server URL: the base "
                                                 "for oxigraph/qlever, the dataset for "
                                                 "fuseki, the repository for graphdb, the "
                                                 "root for virtuoso, the Graph Store URL for "
                                                 "gsp.", show_default=False)] = None,
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
    shards: Annotated[str | None, typer.Option("--shards", help="The shards folder (or "
                                               "fsspec URL) of `kg build --executor dask`, "
                                               "bulk-loaded into --into.",
                                               show_default=False)] = None,
    into: Annotated[Path | None, typer.Option("--into", help="With --shards: the on-disk "
                                              "store directory to load them into (created "
                                              "if needed).", show_default=False)] = None,
) -> None:
    """Load a graph file or store into a triple store: one PUT per graph, so re-runs never
    duplicate. With --shards DIR --into STORE: bulk-load a distributed build's shards into
    an embedded store."""
    from kg.errors import LoadError

    if shards is not None or into is not None:
        if shards is None or into is None or endpoint or graph or store:
            raise LoadError("bulk loading takes --shards DIR --into STORE and nothing of "
                            "--endpoint, --graph or --store")
        _load_shards(shards, into)
        return
    if endpoint is None:
        raise LoadError("give --endpoint URL (a server) or --shards DIR --into STORE")
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


def _load_shards(shards: str, into: Path) -> None:
    from kg.cli.interrupt import interruptible
    from kg.shards import load_shards

    with interruptible(f"the shards loaded before the stop are in {into}; run the same "
                       "kg load again (a quad already there is not added twice)"):
        report = load_shards(shards, into)
    for path in report.stale:
        err.print(f"[yellow]warning:[/] {path}: a shard of an earlier build (its documents "
                  "changed since), not loaded; delete it", markup=True, highlight=False)
    rate = report.quads / report.seconds if report.seconds else 0.0
    err.print(f"loaded {report.files} shards ({report.bytes / 2**20:.1f} MB), "
              f"{report.quads:,} quads in {report.seconds:.1f} s ({rate:,.0f} quads/s) "
              f"-> {into}", markup=False, highlight=False)
