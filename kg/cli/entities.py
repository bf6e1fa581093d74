"""``kg entities``: the canonical entities of a graph, with types, counts, aliases and links.

Read-only: it runs ``queries/entities.rq`` over a graph file or store and never
imports spaCy.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pyoxigraph import Store

from kg.cli.common import handle_errors, out
from kg.rdf.vocab import KG_NS
from kg.records import EntityType

_ALIAS_SEP = "\u001f"


class EntityFormat(StrEnum):
    """Output formats of ``kg entities``."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"


@dataclass(slots=True)
class EntityRow:
    entity: str
    type: str
    name: str
    mentions: int
    aliases: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    geonames_id: int | None = None
    country_code: str | None = None
    lat: float | None = None
    long: float | None = None


def list_entities(store: Store, *, etype: EntityType | None = None) -> list[EntityRow]:
    """Every canonical entity in ``store`` (all graphs), most mentioned first."""
    from kg.query import find_query, rows, run_query

    params = {"type": KG_NS + etype.value} if etype is not None else {}
    header, data = rows(run_query(store, find_query("entities"), params))
    out_rows = []
    for raw in data:
        r = dict(zip(header, raw, strict=True))
        out_rows.append(EntityRow(
            entity=r["entity"] or "",
            type=(r["type"] or "").removeprefix(KG_NS),
            name=r["label"] or "",
            mentions=int(r["mentions"] or 0),
            aliases=sorted(a for a in (r["aliases"] or "").split(_ALIAS_SEP) if a),
            links=sorted(a for a in (r["links"] or "").split(" ") if a),
            geonames_id=int(r["geonamesId"]) if r["geonamesId"] else None,
            country_code=r["countryCode"],
            lat=float(r["lat"]) if r["lat"] else None,
            long=float(r["long"]) if r["long"] else None,
        ))
    return out_rows


def write_entities(entity_rows: list[EntityRow], fmt: EntityFormat) -> None:
    if fmt is EntityFormat.JSON:
        json.dump([asdict(r) for r in entity_rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if fmt is EntityFormat.CSV:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["entity", "type", "name", "mentions", "aliases", "links", "geonames_id",
                    "country_code", "lat", "long"])
        for r in entity_rows:
            w.writerow([r.entity, r.type, r.name, r.mentions, "; ".join(r.aliases),
                        " ".join(r.links), r.geonames_id or "", r.country_code or "",
                        "" if r.lat is None else r.lat, "" if r.long is None else r.long])
        return
    from rich.table import Table

    table = Table("name", "type", "mentions", "aliases", "links", box=None, show_edge=False)
    for r in entity_rows:
        links = list(r.links)
        if r.country_code:
            links.append(f"ISO {r.country_code}")
        if r.lat is not None and r.long is not None:
            links.append(f"({r.lat:.4f}, {r.long:.4f})")
        table.add_row(r.name, r.type, str(r.mentions), "; ".join(r.aliases), " ".join(links))
    out.print(table)
    out.print(f"{len(entity_rows)} entities", style="dim")


@handle_errors
def entities_cmd(
    graph: Annotated[Path | None, typer.Option("--graph", "-g", help="Graph file to read "
                                               "(.ttl .nt .nq .trig .jsonld).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="On-disk store directory made "
                                               "by `kg build --store`.")] = None,
    etype: Annotated[EntityType | None, typer.Option("--type", "-t", help="Only entities of "
                                                     "this type.")] = None,
    fmt: Annotated[EntityFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = EntityFormat.TABLE,
) -> None:
    """List canonical entities: type, mention count, aliases seen and links."""
    from kg.store import open_graph

    st = open_graph(graph=graph, store=store)
    write_entities(list_entities(st, etype=etype), fmt)
