"""``kg serve``: a local SPARQL endpoint (with Oxigraph's query page) over a built graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import err, handle_errors
from kg.serve import DEFAULT_BIND, DEFAULT_PORT


@handle_errors
def serve_cmd(
    graph: Annotated[Path | None, typer.Option("--graph", "-g", help="Graph file to serve "
                                               "(loaded into a temporary store).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="On-disk store directory to "
                                               "serve in place.")] = None,
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="TCP port.")
                    ] = DEFAULT_PORT,
    bind: Annotated[str, typer.Option("--bind", help="Address to listen on (loopback unless "
                                      "you say otherwise).")] = DEFAULT_BIND,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates and "
                                           "Graph Store writes (changes --store in place; a "
                                           "--graph file is never changed).")] = False,
) -> None:
    """Serve the graph as a SPARQL endpoint with a web query page; Ctrl-C stops it."""
    from kg.serve import ServeError, check_port_free, prepared_location, run_server, server_argv

    check_port_free(bind, port)  # before anything is printed or loaded
    with prepared_location(graph=graph, store=store) as location:
        argv = server_argv(location, bind=bind, port=port, writable=writable)
        host = f"[{bind}]" if ":" in bind else bind
        mode = "read-write" if writable else "read-only"
        err.print(f"serving {graph or store} ({mode}) at http://{host}:{port}/ "
                  f"(SPARQL endpoint http://{host}:{port}/query); Ctrl-C stops",
                  markup=False)
        code = run_server(argv)
    if code not in (0, -2, -15, 130, 143):
        raise ServeError(f"the oxigraph server stopped with exit status {code}",
                         hint="its message is above; is the store locked by another process?")
