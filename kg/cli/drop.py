"""``kg drop``: remove one document's named graph from an on-disk store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import err, handle_errors


@handle_errors
def drop_cmd(
    documents: Annotated[list[str], typer.Argument(help="Document ids, or the source files "
                                                   "they were built from.",
                                                   show_default=False)],
    store: Annotated[Path, typer.Option("--store", help="On-disk store directory made by "
                                        "`kg build --store`.")],
) -> None:
    """Remove documents (their named graphs) from a store, e.g. after deleting the source."""
    from kg.errors import GraphLoadError
    from kg.rdf.iri import slug
    from kg.store import drop_document, open_store, read_origins, write_origins

    if not store.is_dir():
        raise GraphLoadError("no such store directory", path=store,
                             hint="build one with `kg build ... --store DIR`")
    st = open_store(store)
    origins = read_origins(store)
    try:
        for key in documents:
            doc_id = drop_document(st, key)
            origins.pop(slug(doc_id), None)  # the id is free for any file again
            err.print(f"dropped {doc_id}", markup=False)
        st.flush()
    finally:
        del st
        write_origins(store, origins)
