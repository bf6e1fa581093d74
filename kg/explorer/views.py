"""JSON behind the explorer's network, timeline and map (and the search box).

Each answer is bounded: the network keeps its ``cap`` strongest links (the page offers
"show more"), the timeline at most :data:`MAX_EVENTS` events.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import JSONResponse

from kg.errors import QueryError
from kg.explorer.app import explorer_of, gone
from kg.explorer.values import format_date, local_name, page_url

DEFAULT_CAP = 150
MAX_CAP = 5_000
MAX_PAIRS = 200_000
MAX_EVENTS = 2_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NAME = re.compile(r"^[A-Za-z]{1,60}$")


def _date(value: str | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    if not _DATE.match(value):
        raise QueryError(f"{name} must be a date as YYYY-MM-DD, got {value!r}")
    return value


def _fact_type(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not _NAME.match(value):
        raise QueryError(f"factType must be a class name such as Deployment, got {value!r}")
    return value


def _filters(request: Request) -> dict[str, str]:
    qp = request.query_params
    params = {"factType": _fact_type(qp.get("factType")),
              "from": _date(qp.get("start") or qp.get("from"), "from"),
              "to": _date(qp.get("end") or qp.get("to"), "to")}
    return {k: v for k, v in params.items() if v}


async def network(request: Request) -> JSONResponse:
    """Entities linked by shared facts: the ``cap`` strongest links among the chosen types."""
    explorer = explorer_of(request)
    qp = request.query_params
    try:
        cap = min(MAX_CAP, max(1, int(qp.get("cap") or DEFAULT_CAP)))
    except ValueError as exc:
        raise QueryError("cap must be a whole number") from exc
    types = set(qp.getlist("type"))
    table = await explorer.backend.explorer("network", _filters(request), gone=gone(request),
                                            max_rows=MAX_PAIRS)
    index = await explorer.index()
    edges, total = [], 0
    for a, b, weight in ((r[0][1], r[1][1], int(r[2][1])) for r in table.rows if r[0] and r[1]):
        ia, ib = index.get(a), index.get(b)
        if ia is None or ib is None:
            continue
        if types and (ia.cls not in types or ib.cls not in types):
            continue
        total += 1
        if len(edges) < cap:
            edges.append({"source": a, "target": b, "weight": weight})
    ids = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [{"id": i, "label": index[i].label, "class": index[i].cls,
              "mentions": index[i].mentions, "href": page_url("/entity", iri=i)}
             for i in sorted(ids)]
    more = None
    if total > len(edges):
        more = page_url("/network", factType=qp.get("factType"), start=qp.get("start"),
                        end=qp.get("end"), cap=str(min(MAX_CAP, cap * 2)))
        for t in sorted(types):
            more += f"&type={t}"
    return JSONResponse({"nodes": nodes, "edges": edges, "total_links": total,
                         "shown_links": len(edges), "more": more,
                         "truncated": table.truncated})


async def timeline(request: Request) -> JSONResponse:
    """Dated events (of an entity, with ``entity=IRI``) with class, date and precision."""
    explorer = explorer_of(request)
    entity = request.query_params.get("entity")
    if entity:
        table = await explorer.backend.explorer("entity-facts", {"entity": entity},
                                                gone=gone(request), max_rows=MAX_EVENTS)
    else:
        table = await explorer.backend.explorer("timeline", _filters(request),
                                                gone=gone(request), max_rows=MAX_EVENTS)
    labels = {i: e.label for i, e in (await explorer.index()).items()}
    items, seen = [], set()
    for row in table.dicts():
        if not row.get("date") or row["fact"] in seen:
            continue
        seen.add(row["fact"])
        precision = row.get("datePrecision") or "day"
        place = row.get("place")
        items.append({"id": row["fact"], "class": local_name(row["class"]),
                      "date": row["date"][:10], "precision": precision,
                      "shown": format_date(row["date"], precision),
                      "dateText": row.get("dateText"), "factuality": row.get("factuality"),
                      "place": labels.get(place) if place else None,
                      "role": local_name(row["role"]) if row.get("role") else None,
                      "href": page_url("/fact", iri=row["fact"])})
    return JSONResponse({"items": items, "truncated": table.truncated})


async def places(request: Request) -> JSONResponse:
    """Places with coordinates, with how many events are located at each."""
    explorer = explorer_of(request)
    table = await explorer.backend.explorer("places", gone=gone(request), max_rows=100_000)
    events = {r["place"]: (int(r["events"] or 0), (r["classes"] or "").split())
              for r in table.dicts()}
    out, countries = [], []
    for iri, info in (await explorer.index()).items():
        if info.cls == "Country" and info.country_code:
            numeric = _iso_numeric(info.country_code)
            if numeric:
                n, classes = events.get(iri, (0, []))
                countries.append({"id": iri, "iso": numeric, "label": info.label,
                                  "events": n, "classes": classes[:8],
                                  "mentions": info.mentions,
                                  "href": page_url("/entity", iri=iri)})
        if info.lat is None or info.long is None:
            continue
        n, classes = events.get(iri, (0, []))
        out.append({"id": iri, "label": info.label, "class": info.cls, "lat": info.lat,
                    "long": info.long, "events": n, "classes": classes[:8],
                    "mentions": info.mentions, "href": page_url("/entity", iri=iri)})
    out.sort(key=lambda p: (-p["events"], -p["mentions"], p["label"]))
    countries.sort(key=lambda p: (-p["events"], -p["mentions"], p["label"]))
    return JSONResponse({"places": out, "countries": countries})


def _iso_numeric(alpha2: str) -> str | None:
    """The ISO 3166-1 numeric code of a country (the ids of the Natural Earth outlines)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.numeric if country else None


async def search(request: Request) -> JSONResponse:
    from kg.explorer.pages import search_entities

    q = request.query_params.get("q", "").strip()
    found = await search_entities(request, q, limit=20) if q else []
    return JSONResponse({"results": [{"label": e.label, "class": e.cls,
                                      "mentions": e.mentions,
                                      "href": page_url("/entity", iri=e.iri)} for e in found]})
