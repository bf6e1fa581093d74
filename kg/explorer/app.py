"""The explorer's web app (Starlette): its state, error handling and the SPARQL protocol.

:func:`create_app` is the documented entry point; ``kg serve`` runs it on uvicorn. The
HTML pages are in :mod:`kg.explorer.pages`, the JSON behind the network, timeline and
map in :mod:`kg.explorer.views`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from kg.errors import KgError, QueryError, QueryLimitError
from kg.explorer.backend import LocalBackend, RemoteBackend
from kg.explorer.pool import Limits
from kg.explorer.security import Guard, allowed_hosts, write_allowed
from kg.explorer.sparql import is_update, query_form
from kg.explorer.worker import GRAPH_FORMATS, RESULT_FORMATS

HERE = Path(__file__).resolve().parent
MAX_BODY = 1024 * 1024
INDEX_TIMEOUT_S = 900.0  # the server's own index queries, in a worker of their own
log = logging.getLogger("kg.serve")


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """Everything ``kg serve`` is started with (see ``kg serve --help``)."""

    store_dir: Path | None = None
    endpoint: str | None = None
    bind: str = "127.0.0.1"
    port: int = 7878
    workers: int = 2
    limits: Limits = field(default_factory=Limits)
    allow_service: bool = False
    allow_hosts: tuple[str, ...] = ()
    writable: bool = False
    token: str | None = None
    title: str = "kg"


@dataclass(slots=True)
class EntityInfo:
    iri: str
    cls: str
    label: str
    aliases: list[str]
    mentions: int
    lat: float | None
    long: float | None
    country_code: str | None = None

    @property
    def href(self) -> str:
        from kg.explorer.values import page_url

        return page_url("/entity", iri=self.iri)


@dataclass(slots=True)
class FactInfo:
    iri: str
    classes: list[str]
    date: str | None
    precision: str | None
    date_text: str | None
    factuality: str | None
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, entity IRI)
    generic: str | None = None  # Event or Relation

    @property
    def cls(self) -> str:
        return " ".join(self.classes)


class Explorer:
    """The app's state: the backend and the entity index it keeps in memory."""

    def __init__(self, settings: ServeSettings):
        self.settings = settings
        if settings.endpoint:
            self.backend = RemoteBackend(settings.endpoint, limits=settings.limits,
                                         allow_service=settings.allow_service)
        else:
            assert settings.store_dir is not None
            self.backend = LocalBackend(settings.store_dir, workers=settings.workers,
                                        limits=settings.limits, writable=settings.writable,
                                        allow_service=settings.allow_service)
        self._index: dict[str, EntityInfo] | None = None
        self._index_lock = asyncio.Lock()
        self._facts: dict[str, FactInfo] | None = None
        self._facts_lock = asyncio.Lock()
        self._warm: asyncio.Task | None = None

    async def start(self) -> None:
        await self.backend.start()
        self._warm = asyncio.ensure_future(self._warm_up())

    async def _warm_up(self) -> None:
        with contextlib.suppress(KgError):
            await self.index()
            await self.facts()
        await self.backend.index_done()

    async def close(self) -> None:
        if self._warm is not None and not self._warm.done():
            self._warm.cancel()
        await self.backend.close()

    @property
    def _index_timeout(self) -> float:
        return max(INDEX_TIMEOUT_S, self.settings.limits.timeout_s)

    async def index(self) -> dict[str, EntityInfo]:
        """Every entity once (class, label, aliases, mentions, coordinates), kept in memory.

        Built from three plain queries joined here (the store is read-only while served; a
        writable store drops the indexes after each update).
        """
        if self._index is not None:
            return self._index
        async with self._index_lock:
            if self._index is None:
                timeout = self._index_timeout
                index: dict[str, EntityInfo] = {}
                for iri, cls in (await self.backend.index_rows(
                        "entity-types", timeout_s=timeout)).rows:
                    if iri and iri not in index:
                        index[iri] = EntityInfo(iri=iri, cls=(cls or "").rsplit("#", 1)[-1],
                                                label="", aliases=[], mentions=0, lat=None,
                                                long=None)
                for iri, key, value in (await self.backend.index_rows(
                        "entity-attributes", timeout_s=timeout)).rows:
                    info = index.get(iri)
                    if info is None or value is None:
                        continue
                    if key == "pref":
                        info.label = min(info.label, value) if info.label else value
                    elif key == "alt":
                        info.aliases.append(value)
                    elif key == "lat":
                        info.lat = _float(value)
                    elif key == "long":
                        info.long = _float(value)
                    elif key == "cc":
                        info.country_code = value
                for iri, count in (await self.backend.index_rows(
                        "entity-mention-counts", timeout_s=timeout)).rows:
                    if iri in index:
                        index[iri].mentions = int(count or 0)
                for info in index.values():
                    info.label = info.label or info.iri.rstrip("/").rsplit("/", 1)[-1]
                    info.aliases.sort()
                self._index = index
        return self._index

    async def labels(self) -> dict[str, str]:
        return {iri: info.label for iri, info in (await self.index()).items()}

    async def facts(self) -> dict[str, FactInfo]:
        """Every fact once (classes, date, precision, factuality, roles), kept in memory for
        the network, the timeline and the map: two plain queries at start instead of a
        join per view."""
        if self._facts is not None:
            return self._facts
        async with self._facts_lock:
            if self._facts is None:
                timeout = self._index_timeout
                facts: dict[str, FactInfo] = {}
                attributes = await self.backend.index_rows("fact-attributes",
                                                           timeout_s=timeout)
                for iri, key, value in attributes.rows:
                    if not iri or value is None:
                        continue
                    info = facts.get(iri)
                    if info is None:
                        info = facts[iri] = FactInfo(iri, [], None, None, None, None)
                    if key == "class":
                        name = value.rsplit("#", 1)[-1]
                        if name in ("Event", "Relation"):
                            info.generic = name
                        elif name not in info.classes:
                            info.classes.append(name)
                    elif key == "date":
                        info.date = value
                    elif key == "precision":
                        info.precision = value
                    elif key == "text":
                        info.date_text = value
                    elif key == "factuality":
                        info.factuality = value
                del attributes
                facts = {iri: f for iri, f in facts.items() if f.generic and f.classes}
                for info in facts.values():
                    info.classes.sort()
                roles = await self.backend.index_rows("fact-roles", timeout_s=timeout)
                for iri, role, entity in roles.rows:
                    info = facts.get(iri)
                    if info is not None and entity:
                        info.roles.append((role.rsplit("#", 1)[-1], entity))
                self._facts = facts
        return self._facts

    def forget_index(self) -> None:
        self._index = None
        self._facts = None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))
    t.env.autoescape = True  # every text from the news is escaped, whatever the file name
    return t


def explorer_of(request: Request) -> Explorer:
    return request.app.state.explorer


def gone(request: Request):
    return request.is_disconnected


# -- the SPARQL 1.1 protocol endpoint ---------------------------------------------------------
def _negotiate(accept: str, form: str) -> str:
    table = GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS
    default = "text/turtle" if table is GRAPH_FORMATS else "application/sparql-results+json"
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media
    return default


async def _bounded_body(request: Request) -> bytes | None:
    """The request body, or None past MAX_BODY bytes."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    return bytes(body)


async def protocol_query(request: Request) -> Response:
    """GET ?query= or POST (form ``query=`` or application/sparql-query), any standard
    result format by Accept header; the same limits as the app."""
    explorer = explorer_of(request)
    if request.method == "GET":
        text = request.query_params.get("query")
    else:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _bounded_body(request)
        if body is None:
            return PlainTextResponse(f"the query is longer than {MAX_BODY} bytes\n", 413)
        if ctype == "application/sparql-query":
            text = body.decode("utf-8", errors="replace")
        elif ctype == "application/x-www-form-urlencoded":
            text = (parse_qs(body.decode("utf-8", errors="replace")).get("query") or [""])[0]
        else:
            return PlainTextResponse("send the query as query=... (form) or with "
                                     "Content-Type: application/sparql-query\n", 415)
    if not text:
        return PlainTextResponse("no query: give query=SPARQL\n", 400)
    if is_update(str(text)):
        return PlainTextResponse("updates go to /update (with --writable and its token)\n",
                                 403)
    media = _negotiate(request.headers.get("accept", ""), query_form(str(text)))
    try:
        media_type, body = await explorer.backend.serialise(str(text), media,
                                                            gone=gone(request))
    except QueryLimitError as exc:
        return PlainTextResponse(f"{exc}\n", exc.status)
    except KgError as exc:
        return PlainTextResponse(f"{exc}\n", 400)
    return Response(body, media_type=media_type)


async def protocol_update(request: Request) -> Response:
    explorer = explorer_of(request)
    settings = explorer.settings
    origins = {f"http://{h}" for h in allowed_hosts(settings.bind, settings.port,
                                                    settings.allow_hosts)}
    why = write_allowed(request.headers, token=settings.token if settings.writable else None,
                        own_origins=origins)
    if why:
        return PlainTextResponse(why + "\n", 403)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/sparql-update":
        return PlainTextResponse("send the update with Content-Type: "
                                 "application/sparql-update (form posts are refused)\n", 415)
    body = await _bounded_body(request)
    if body is None:
        return PlainTextResponse(f"the update is longer than {MAX_BODY} bytes\n", 413)
    text = body.decode("utf-8", errors="replace")
    try:
        await explorer.backend.update(text, gone=gone(request))
    except QueryLimitError as exc:
        return PlainTextResponse(f"{exc}\n", exc.status)
    except KgError as exc:
        return PlainTextResponse(f"{exc}\n", 400)
    explorer.forget_index()
    return Response(status_code=204)


async def favicon(_request: Request) -> Response:
    return Response(status_code=204)


async def health(request: Request) -> Response:
    explorer = explorer_of(request)
    return JSONResponse({"ok": True, "rss_bytes": explorer.backend.rss_bytes(),
                         "stats": getattr(getattr(explorer.backend, "pool", None), "stats",
                                          {})})


def create_app(settings: ServeSettings):
    """The explorer as an ASGI app, wrapped in its guard (Host check, security headers)."""
    from kg.explorer import pages, views

    explorer = Explorer(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await explorer.start()
        try:
            yield
        finally:
            await explorer.close()

    routes = [
        Route("/", pages.home),
        Route("/queries", pages.query_list),
        Route("/queries/{name}", pages.query_form_page),
        Route("/sparql", pages.sparql_editor),
        Route("/entity", pages.entity_page),
        Route("/fact", pages.fact_page),
        Route("/resource", pages.resource),
        Route("/network", pages.network_page),
        Route("/timeline", pages.timeline_page),
        Route("/map", pages.map_page),
        Route("/api/network", views.network),
        Route("/api/timeline", views.timeline),
        Route("/api/places", views.places),
        Route("/api/search", views.search),
        Route("/query", protocol_query, methods=["GET", "POST"]),
        Route("/update", protocol_update, methods=["POST"]),
        Route("/favicon.ico", favicon),
        Route("/healthz", health),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={KgError: pages.error_page,
                                        QueryError: pages.error_page})
    app.state.explorer = explorer
    app.state.templates = templates()
    hosts = allowed_hosts(settings.bind, settings.port, settings.allow_hosts)
    return Guard(app, hosts=hosts)
