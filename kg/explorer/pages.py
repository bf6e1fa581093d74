"""The explorer's HTML pages: home, query library, SPARQL editor, entity, fact, and the
shells of the network, timeline and map (their data comes from kg.explorer.views)."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections import Counter, defaultdict

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from kg.errors import KgError, QueryError, QueryLimitError
from kg.explorer.app import explorer_of, gone
from kg.explorer.backend import Table, expand_short
from kg.explorer.sparql import prefix_block, query_form
from kg.explorer.values import (
    Cell,
    cell,
    csv_safe,
    format_date,
    local_name,
    page_url,
    pieces,
    plain,
    safe_external,
    short_iri,
    table_cells,
)
from kg.rdf.vocab import KG_NS

ROLES = ("agent", "theme", "location", "addressee", "participant", "requestedBy", "speaker",
         "medium", "attributedTo", "origin", "holder", "organization", "member", "group",
         "part", "whole", "place", "container")
ENTITY_CLASSES = ("Person", "Organization", "GovernmentBody", "ArmedForce",
                  "MediaOrganization", "Group", "Country", "City", "Region", "Place")
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"


def render(request: Request, name: str, status: int = 200, **context) -> Response:
    explorer = explorer_of(request)
    context.setdefault("remote", explorer.settings.endpoint)
    context.setdefault("title", "")
    return request.app.state.templates.TemplateResponse(request, name, context,
                                                        status_code=status)


async def error_page(request: Request, exc: Exception) -> Response:
    status = exc.status if isinstance(exc, QueryLimitError) else 400
    message = exc.message if isinstance(exc, KgError) else str(exc)
    hint = exc.hint if isinstance(exc, KgError) else None
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "hint": hint}, status_code=status)
    return render(request, "error.html", status=status, title="Error", message=message,
                  hint=hint)


# -- home -------------------------------------------------------------------------------------
async def home(request: Request) -> Response:
    explorer = explorer_of(request)
    counted = await explorer.backend.explorer("document-count", gone=gone(request))
    documents = int(counted.dicts()[0]["documents"] or 0) if counted.rows else 0
    index = await explorer.index()
    facts = await explorer.facts()
    entities = Counter(info.cls for info in index.values())
    kinds = Counter(c for info in facts.values() for c in info.classes)
    dates = sorted(info.date[:10] for info in facts.values()
                   if info.date and info.generic == "Event")
    q = request.query_params.get("q", "").strip()
    found = await search_entities(request, q) if q else []
    top = sorted(index.values(), key=lambda e: (-e.mentions, e.label))[:15]
    return render(request, "home.html", title="Home", documents=documents,
                  entities=entities.most_common(), facts=kinds.most_common(),
                  first=format_date(dates[0]) if dates else None,
                  last=format_date(dates[-1]) if dates else None, q=q, found=found,
                  top=top, n_entities=len(index), n_facts=len(facts))


async def search_entities(request: Request, q: str, limit: int = 50) -> list:
    """Entities whose preferred label or an alias contains ``q`` (case-insensitive)."""
    needle = q.casefold()
    hits = []
    for info in (await explorer_of(request).index()).values():
        names = [info.label, *info.aliases]
        if any(needle in name.casefold() for name in names):
            exact = any(needle == name.casefold() for name in names)
            hits.append((not exact, -info.mentions, info.label, info))
    hits.sort(key=lambda h: h[:3])
    return [h[3] for h in hits[:limit]]


# -- the query library ------------------------------------------------------------------------
async def query_list(request: Request) -> Response:
    from kg.query import library

    return render(request, "queries.html", title="Query library",
                  queries=list(library().values()))


def _download(table: Table, name: str, fmt: str) -> Response:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(table.vars)
        for row in table.rows:
            writer.writerow([csv_safe(term) for term in row])
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{name}.csv"'})
    body = {"query": name, "vars": table.vars, "truncated": table.truncated,
            "rows": [{v: plain(t) for v, t in zip(table.vars, row, strict=False)}
                     for row in table.rows]}
    return Response(json.dumps(body, ensure_ascii=False, indent=1),
                    media_type="application/json",
                    headers={"content-disposition": f'attachment; filename="{name}.json"'})


async def query_form_page(request: Request) -> Response:
    from kg.query import library

    name = request.path_params["name"]
    queries = library()
    if name not in queries:
        raise QueryError(f"no query named {name!r}",
                         hint="pick one from the list at /queries")
    query = queries[name]
    given = {p.name: request.query_params.get(f"p_{p.name}", "") for p in query.params}
    ran = "run" in request.query_params or "format" in request.query_params
    table = cells = error = None
    if ran:
        params = expand_short({k: v for k, v in given.items() if v.strip()},
                              {p.name: p.kind for p in query.params})
        explorer = explorer_of(request)
        fmt = request.query_params.get("format")
        try:
            table = await explorer.backend.library(name, params, gone=gone(request))
        except QueryLimitError:
            raise
        except QueryError as exc:
            error = str(exc)
        if table is not None and fmt in ("csv", "json"):
            return _download(table, name, fmt)
        if table is not None:
            cells = table_cells(table.vars, table.rows, await explorer.labels())
    download = {f: page_url(f"/queries/{name}", format=f,
                            **{f"p_{k}": v for k, v in given.items()}) for f in ("csv", "json")}
    return render(request, "query.html", title=query.title or name, query=query,
                  given=given, table=table, cells=cells, error=error, ran=ran,
                  download=download)


async def sparql_editor(request: Request) -> Response:
    text = request.query_params.get("query", "")
    table = cells = error = None
    if text.strip():
        explorer = explorer_of(request)
        form = query_form(text)
        if form not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            error = "the editor runs SELECT, ASK, CONSTRUCT and DESCRIBE queries"
        else:
            try:
                table = await explorer.backend.sparql(text, gone=gone(request))
            except QueryLimitError:
                raise
            except QueryError as exc:
                error = str(exc)
            if table is not None and table.kind != "ask":
                cells = table_cells(table.vars, table.rows, await explorer.labels())
    else:
        text = prefix_block() + "\n\nSELECT ?entity ?label WHERE {\n  ?entity a kg:Person ;\n" \
               "          skos:prefLabel ?label .\n}\nLIMIT 20\n"
    return render(request, "sparql.html", title="SPARQL", text=text, table=table, cells=cells,
                  error=error)


# -- entity and fact pages --------------------------------------------------------------------
def _iri_param(request: Request) -> str:
    iri = request.query_params.get("iri", "").strip()
    if not iri:
        raise QueryError("no resource given", hint="open a page from a link, or add ?iri=IRI")
    return iri


async def resource(request: Request) -> Response:
    """Any IRI: the fact page for an event or relation, the entity page otherwise."""
    iri = _iri_param(request)
    table = await explorer_of(request).backend.explorer("resource-kind", {"iri": iri},
                                                        gone=gone(request))
    is_fact = any(r["fact"] == "true" for r in table.dicts())
    return RedirectResponse(page_url("/fact" if is_fact else "/entity", iri=iri), 303)


def _entity_card(rows: list[dict]) -> dict:
    card: dict[str, list] = defaultdict(list)
    for row in rows:
        p, o = row["p"], row["o"]
        if o is None:
            continue
        if p == SKOS + "prefLabel":
            card["pref"].append(o)
        elif p in (SKOS + "altLabel", RDFS_LABEL):
            card["alt"].append(o)
        elif p == RDF_TYPE:
            card["types"].append(local_name(o))
        elif p == OWL_SAMEAS:
            card["links"].append((short_iri(o), safe_external(o)))
        elif p == KG_NS + "geonamesId":
            card["links"].append((f"GeoNames {o}",
                                  safe_external(f"https://sws.geonames.org/{o}/")))
        elif p == KG_NS + "countryCode":
            card["links"].append((f"ISO 3166 {o}", None))
        elif p in (WGS84 + "lat", WGS84 + "long"):
            card["coords"].append((p.rsplit("#", 1)[-1], o))
        elif p == KG_NS + "mergedBy":
            card["merged"].append(o)
        else:
            card["other"].append((short_iri(p), o))
    card["alt"] = sorted(set(card["alt"]) - set(card["pref"]))
    return card


async def entity_page(request: Request) -> Response:
    iri = _iri_param(request)
    explorer = explorer_of(request)
    backend, g = explorer.backend, gone(request)
    card, mentions, facts = await asyncio.gather(
        backend.explorer("entity-card", {"entity": iri}, gone=g),
        backend.explorer("entity-mentions", {"entity": iri}, gone=g),
        backend.explorer("entity-facts", {"entity": iri}, gone=g))
    info = (await explorer.index()).get(iri)
    n_facts = sum(1 for f in (await explorer.facts()).values()
                  if any(e == iri for _, e in f.roles))
    data = _entity_card(card.dicts())
    label = info.label if info else (data["pref"][0] if data["pref"] else short_iri(iri))
    shown = []
    for m in sorted(mentions.dicts(), key=lambda m: (m["docId"] or "", int(m["begin"] or 0))):
        sentence = m["sentence"] or m["surface"] or ""
        offset = int(m["sentenceBegin"]) if m["sentenceBegin"] else None
        if offset is not None and m["begin"] and m["end"]:
            spans = [(int(m["begin"]) - offset, int(m["end"]) - offset, "mention", None)]
        else:
            spans = []
        shown.append({"doc": m["docId"], "stamp": m["stamp"], "surface": m["surface"],
                      "pieces": pieces(sentence, spans)})
    by_role: dict[str, list] = defaultdict(list)
    ordered = sorted(zip(facts.dicts(), facts.rows, strict=False),
                     key=lambda fr: (fr[0]["date"] or "9999", fr[0]["class"] or "",
                                     fr[0]["fact"]))
    for row, raw in ordered:
        precision = row["datePrecision"]
        date_cell = cell(raw[facts.vars.index("date")], precision=precision)
        by_role[local_name(row["role"])].append({
            "href": page_url("/fact", iri=row["fact"]), "cls": local_name(row["class"]),
            "date": date_cell, "factuality": row["factuality"], "sentence": row["sentence"]})
    total_mentions = info.mentions if info else len(shown)
    return render(request, "entity.html", title=label, iri=iri, label=label, info=info,
                  card=data, mentions=shown, mentions_truncated=total_mentions > len(shown),
                  total_mentions=total_mentions,
                  by_role=dict(sorted(by_role.items())),
                  facts_truncated=n_facts > len({r[0]["fact"] for r in ordered}),
                  n_facts=n_facts, n_shown=len({r[0]["fact"] for r in ordered}),
                  timeline_src=page_url("/api/timeline", entity=iri))


def _fact_parts(rows: list[dict], raws: list[list], vars_: list[str]) -> dict:
    parts: dict = {"classes": [], "roles": [], "texts": [], "date": {}, "quantity": {},
                   "other": [], "attribution": [], "role_of": defaultdict(list)}
    for row, raw in zip(rows, raws, strict=False):
        p, o, label = row["p"], row["o"], row["label"]
        name = local_name(p) if p.startswith(KG_NS) else short_iri(p)
        term = raw[vars_.index("o")]
        if p == RDF_TYPE:
            if o.startswith(KG_NS) and o[len(KG_NS):] not in ("Event", "Relation"):
                parts["classes"].append(o[len(KG_NS):])
        elif name in ROLES and name not in ("attributedTo",):
            shown = Cell(text=label or short_iri(o), href=page_url("/entity", iri=o),
                         title=o, kind="entity") if term and term[0] == "i" else cell(term)
            parts["roles"].append((name, shown))
            if term and term[0] == "i":
                parts["role_of"][o].append(name)
        elif name == "attributedTo" or name in ("cue",):
            shown = Cell(text=label or short_iri(o), href=page_url("/entity", iri=o),
                         title=o, kind="entity") if term and term[0] == "i" else cell(term)
            parts["attribution"].append((name, shown))
        elif name.endswith("Text") and name != "dateText" and name != "quantityText":
            parts["texts"].append((name.removesuffix("Text"), o))
        elif name in ("date", "dateEnd", "datePrecision", "dateText", "reportedAt"):
            parts["date"][name] = term
        elif name.startswith("quantity."):
            parts["quantity"][name.removeprefix("quantity.")] = cell(term)
        elif name in ("factuality", "confidence", "rule", "update", "sentence", "trigger",
                      "quantity") or p == "http://www.w3.org/ns/prov#wasDerivedFrom":
            parts.setdefault("meta", {})[name] = term
        else:
            parts["other"].append((name, cell(term)))
    return parts


async def fact_page(request: Request) -> Response:
    iri = _iri_param(request)
    explorer = explorer_of(request)
    backend, g = explorer.backend, gone(request)
    card, text = await asyncio.gather(backend.explorer("fact-card", {"fact": iri}, gone=g),
                                      backend.explorer("fact-text", {"fact": iri}, gone=g))
    if not card.rows:
        raise QueryError("nothing is known of this resource", hint="is the IRI right?")
    parts = _fact_parts(card.dicts(), card.rows, card.vars)
    sentence, source, spans = None, {}, []
    rows = text.dicts()
    for row in rows:
        if row["sentence"] is not None:
            sentence = row["sentence"]
            source = row
    offset = int(source["sentenceBegin"]) if source.get("sentenceBegin") else 0
    for row in rows:
        if row["begin"] is None:
            continue
        begin, end = int(row["begin"]) - offset, int(row["end"]) - offset
        if row["trigger"] == "true":
            spans.append((begin, end, "trigger", None))
        elif row["entity"]:
            roles = parts["role_of"].get(row["entity"]) or ["mention"]
            for role in roles:
                spans.append((begin, end, f"role:{role}", page_url("/entity",
                                                                    iri=row["entity"])))
    date = parts["date"]
    precision = date.get("datePrecision", [None, None])[1] if date.get("datePrecision") \
        else None
    meta = parts.get("meta", {})
    factuality = meta.get("factuality")
    title = " ".join(parts["classes"]) or "Fact"
    return render(request, "fact.html", title=title, iri=iri, parts=parts,
                  sentence_pieces=pieces(sentence, spans) if sentence else None,
                  date_cell=cell(date.get("date"), precision=precision)
                  if date.get("date") else None,
                  date_end=cell(date.get("dateEnd"), precision=precision)
                  if date.get("dateEnd") else None,
                  precision=precision, date_text=(date.get("dateText") or [None, None])[1],
                  reported=cell(date.get("reportedAt")) if date.get("reportedAt") else None,
                  factuality=factuality[1] if factuality else None,
                  confidence=cell(meta.get("confidence")) if meta.get("confidence") else None,
                  rule=source.get("rule"), doc=source.get("docId"),
                  doc_title=source.get("title"), stamp=cell(text.rows[rows.index(source)][
                      text.vars.index("stamp")]) if source.get("stamp") else None)


# -- views whose data comes from /api ---------------------------------------------------------
async def network_page(request: Request) -> Response:
    qp = request.query_params
    types = qp.getlist("type") or ENTITY_CLASSES
    src = page_url("/api/network", factType=qp.get("factType"), start=qp.get("from"),
                   end=qp.get("to"), cap=qp.get("cap"))
    for t in qp.getlist("type"):
        src += "&type=" + t if t in ENTITY_CLASSES else ""
    return render(request, "network.html", title="Network", src=src, types=types,
                  classes=ENTITY_CLASSES, factType=qp.get("factType", ""),
                  start=qp.get("from", ""), end=qp.get("to", ""), cap=qp.get("cap", ""))


async def timeline_page(request: Request) -> Response:
    qp = request.query_params
    src = page_url("/api/timeline", factType=qp.get("factType"), start=qp.get("from"),
                   end=qp.get("to"))
    return render(request, "timeline.html", title="Timeline", src=src,
                  factType=qp.get("factType", ""), start=qp.get("from", ""),
                  end=qp.get("to", ""))


async def map_page(request: Request) -> Response:
    return render(request, "map.html", title="Map", src="/api/places")
