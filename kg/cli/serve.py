"""``kg serve``: the graph explorer and a SPARQL endpoint over a built graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import err, handle_errors
from kg.serve import (
    DEFAULT_BIND,
    DEFAULT_MEMORY_MB,
    DEFAULT_PORT,
    DEFAULT_TIMEOUT_S,
    DEFAULT_WORKERS,
)


@handle_errors
def serve_cmd(
    graph: Annotated[Path | None, typer.Option("--graph", "-g", help="Graph file to serve "
                                               "(loaded into a temporary store).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="On-disk store directory to "
                                               "serve in place.")] = None,
    endpoint: Annotated[str | None, typer.Option("--endpoint", help="Read a remote SPARQL "
                                                 "endpoint instead (its default graph should "
                                                 "be the union of the documents' graphs)."
                                                 )] = None,
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="TCP port.")
                    ] = DEFAULT_PORT,
    bind: Annotated[str, typer.Option("--bind", help="Address to listen on (loopback unless "
                                      "you say otherwise).")] = DEFAULT_BIND,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a query may "
                                           "run before it is stopped.")] = DEFAULT_TIMEOUT_S,
    workers: Annotated[int, typer.Option("--workers", min=1, max=16, help="Query worker "
                                         "processes (queries run in parallel).")
                       ] = DEFAULT_WORKERS,
    memory_limit: Annotated[int, typer.Option("--memory-limit", min=64, help="MB of memory a "
                                              "query worker may use before its query is "
                                              "stopped.")] = DEFAULT_MEMORY_MB,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, help="Rows a page shows at "
                                          "most.")] = 10_000,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Allow SERVICE "
                                                "(federated queries make this server fetch "
                                                "other URLs).")] = False,
    allow_host: Annotated[list[str] | None, typer.Option("--allow-host", help="Another name "
                                                         "the server may be reached by (Host "
                                                         "header); repeatable.")] = None,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates at "
                                           "/update with the token printed at start "
                                           "(changes --store in place; a --graph file is "
                                           "never changed).")] = False,
) -> None:
    """Explore the graph in a browser (queries, entities, facts, network, timeline, map) and
    serve it as a SPARQL endpoint at /query; Ctrl-C stops it."""
    from kg.explorer.app import ServeSettings
    from kg.explorer.pool import Limits
    from kg.explorer.security import is_loopback, is_wildcard
    from kg.serve import check_port_free, new_token, prepared_location, serve

    if endpoint and (graph or store):
        raise typer.BadParameter("give --endpoint URL or a local --graph/--store, not both")
    if endpoint and writable:
        raise typer.BadParameter("--writable needs a local --store")
    if endpoint and not endpoint.lower().startswith(("http://", "https://")):
        raise typer.BadParameter("--endpoint takes an http(s) URL")
    check_port_free(bind, port)  # before anything is printed or loaded
    if is_wildcard(bind):
        err.print(f"[yellow]warning:[/] --bind {bind} makes the explorer reachable from other "
                  "machines: anyone who can reach this port can read the whole graph. It "
                  "answers only to the Host names localhost, 127.0.0.1 and those given with "
                  "--allow-host NAME.", markup=True, highlight=False)
    elif not is_loopback(bind):
        err.print(f"[yellow]warning:[/] --bind {bind} is not loopback: other machines may "
                  "reach the explorer.", markup=True, highlight=False)
    token = new_token() if writable else None
    limits = Limits(timeout_s=timeout, memory_mb=memory_limit, max_rows=max_rows)
    host = f"[{bind}]" if ":" in bind else bind
    shown_host = "127.0.0.1" if is_wildcard(bind) else host

    def ready() -> None:
        source = endpoint or graph or store
        mode = "read-write" if writable else "read-only"
        err.print(f"serving {source} ({mode}) at http://{shown_host}:{port}/ "
                  f"(SPARQL endpoint http://{shown_host}:{port}/query); Ctrl-C stops",
                  markup=False)
        if token:
            err.print(f"updates: POST /update with 'Authorization: Bearer {token}'",
                      markup=False)

    def run(location: Path | None) -> None:
        settings = ServeSettings(store_dir=location, endpoint=endpoint, bind=bind, port=port,
                                 workers=workers, limits=limits, allow_service=allow_service,
                                 allow_hosts=tuple(allow_host or ()), writable=writable,
                                 token=token)
        serve(settings, on_ready=ready)

    if endpoint:
        run(None)
        return
    with prepared_location(graph=graph, store=store) as location:
        run(location)
