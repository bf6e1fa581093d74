"""JSON behind the explorer's network, timeline and map (and the search box).

They read the entity and fact indexes the server keeps in memory (kg.explorer.app), so
no view joins over the store. Each answer is bounded: the network keeps its ``cap``
strongest links (the page offers "show more"), the timeline at most :data:`MAX_EVENTS`
events.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from starlette.requests import Request
from starlette.responses import JSONResponse

from kg.errors import QueryError
from kg.explorer.app import explorer_of
from kg.explorer.values import format_date, page_url

DEFAULT_CAP = 150
MAX_CAP = 5_000
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


def _matching(facts, params: dict[str, str]):
    """The facts of the class asked for (case-insensitive) dated within the range asked for
    (undated facts only when no range is asked for)."""
    kind = (params.get("factType") or "").casefold()
    start, end = params.get("from"), params.get("to")
    for info in facts:
        if kind and not any(c.casefold() == kind for c in info.classes):
            continue
        if (start or end) and not info.date:
            continue
        if start and info.date[:10] < start:
            continue
        if end and info.date[:10] > end:
            continue
        yield info


async def network(request: Request) -> JSONResponse:
    """Entities linked by shared facts: the ``cap`` strongest links among the chosen types."""
    explorer = explorer_of(request)
    qp = request.query_params
    try:
        cap = min(MAX_CAP, max(1, int(qp.get("cap") or DEFAULT_CAP)))
    except ValueError as exc:
        raise QueryError("cap must be a whole number") from exc
    types = set(qp.getlist("type"))
    params = _filters(request)
    index = await explorer.index()
    facts = await explorer.facts()
    weights: Counter[tuple[str, str]] = Counter()
    for info in _matching(facts.values(), params):
        members = sorted({e for _, e in info.roles if e in index
                          and (not types or index[e].cls in types)})
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                weights[a, b] += 1
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    edges = [{"source": a, "target": b, "weight": w} for (a, b), w in ranked[:cap]]
    ids = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [{"id": i, "label": index[i].label, "class": index[i].cls,
              "mentions": index[i].mentions, "href": page_url("/entity", iri=i)}
             for i in sorted(ids)]
    more = None
    if len(ranked) > len(edges):
        more = page_url("/network", factType=qp.get("factType"), start=qp.get("start"),
                        end=qp.get("end"), cap=str(min(MAX_CAP, cap * 2)))
        for t in sorted(types):
            more += f"&type={t}"
    return JSONResponse({"nodes": nodes, "edges": edges, "total_links": len(ranked),
                         "shown_links": len(edges), "more": more})


async def timeline(request: Request) -> JSONResponse:
    """Dated events (of one entity, with ``entity=IRI``) with class, date and precision."""
    explorer = explorer_of(request)
    entity = request.query_params.get("entity")
    params = _filters(request)
    index = await explorer.index()
    facts = await explorer.facts()
    chosen = []
    for info in _matching(facts.values(), params):
        if not info.date or info.generic == "Relation":
            continue
        roles = [r for r, e in info.roles if e == entity] if entity else []
        if entity and not roles:
            continue
        chosen.append((info.date, info.cls, info.iri, info, roles))
    chosen.sort(key=lambda c: c[:3])
    items = []
    for _, _, _, info, roles in chosen[:MAX_EVENTS]:
        precision = info.precision or "day"
        place = next((e for r, e in info.roles if r == "location"), None)
        items.append({"id": info.iri, "class": info.classes[0], "date": info.date[:10],
                      "precision": precision, "shown": format_date(info.date, precision),
                      "dateText": info.date_text, "factuality": info.factuality,
                      "place": index[place].label if place in index else None,
                      "role": ", ".join(roles) or None,
                      "href": page_url("/fact", iri=info.iri)})
    return JSONResponse({"items": items, "truncated": len(chosen) > MAX_EVENTS,
                         "total": len(chosen)})


async def places(request: Request) -> JSONResponse:
    """Places with coordinates and the countries named, with the events located at each."""
    explorer = explorer_of(request)
    index = await explorer.index()
    events: dict[str, list] = {}
    for info in (await explorer.facts()).values():
        for role, entity in info.roles:
            if role == "location":
                got = events.setdefault(entity, [0, Counter()])
                got[0] += 1
                got[1].update(info.classes)
    out, countries = [], []
    for iri, info in index.items():
        n, kinds = events.get(iri, (0, Counter()))
        classes = [k for k, _ in kinds.most_common(8)]
        if info.cls == "Country" and info.country_code:
            numeric = _iso_numeric(info.country_code)
            if numeric:
                countries.append({"id": iri, "iso": numeric, "label": info.label,
                                  "events": n, "classes": classes,
                                  "mentions": info.mentions,
                                  "href": page_url("/entity", iri=iri)})
        if info.lat is None or info.long is None:
            continue
        out.append({"id": iri, "label": info.label, "class": info.cls, "lat": info.lat,
                    "long": info.long, "events": n, "classes": classes,
                    "mentions": info.mentions, "href": page_url("/entity", iri=iri)})
    out.sort(key=lambda p: (-p["events"], -p["mentions"], p["label"]))
    countries.sort(key=lambda p: (-p["events"], -p["mentions"], p["label"]))
    return JSONResponse({"places": out, "countries": countries})


@cache
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
