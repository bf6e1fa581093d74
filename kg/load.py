"""Load a built graph into an external triple store with the SPARQL 1.1 Graph Store Protocol.

Every named graph is sent with one ``PUT`` (it replaces the graph), so loading
twice leaves the same data, never duplicates. A server that answers 413 (body
too large) gets the graph in smaller batches: the first batch is ``PUT``, the
rest ``POST`` (merge), so a re-run still replaces the graph whole. Connection
errors, timeouts, 429 and 5xx are retried with exponential backoff; other 4xx
stop the load with the server's own message. Credentials come from environment
variables only and are redacted from every message.

Standard library only (urllib), and no spaCy: ``kg load`` starts fast.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import itertools
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store, Triple, serialize

from kg.errors import LoadError

USER_AGENT = "kg-load/1"


class StoreType(StrEnum):
    """Triple stores with a preset for where their Graph Store endpoint lives.

    ``--endpoint`` is the server's base (Oxigraph, QLever), the dataset (Fuseki:
    ``http://host:3030/DATASET``), the repository (GraphDB:
    ``http://host:7200/repositories/REPO``) or the server root (Virtuoso); ``gsp``
    takes the Graph Store URL as given.
    """

    OXIGRAPH = "oxigraph"
    FUSEKI = "fuseki"
    GRAPHDB = "graphdb"
    VIRTUOSO = "virtuoso"
    QLEVER = "qlever"
    GSP = "gsp"

    @property
    def path(self) -> str:
        return _PRESETS[self][0]

    @property
    def graph_param(self) -> str:
        return _PRESETS[self][1]

    @property
    def content_type(self) -> str:
        return _PRESETS[self][2]

    def graph_url(self, endpoint: str, graph: str | None) -> str:
        """The URL to PUT one graph to (``graph`` None: the default graph)."""
        base = endpoint.rstrip("/")
        if self.path and not base.endswith(self.path):
            base += self.path
        if graph is None:
            if self is StoreType.GRAPHDB:  # RDF4J: context=null is the default graph
                return f"{base}?context=null"
            return f"{base}?default"
        value = f"<{graph}>" if self is StoreType.GRAPHDB else graph  # RDF4J wants <iri>
        sep = "&" if "?" in base else "?"
        return f"{base}{sep}{urllib.parse.urlencode({self.graph_param: value})}"


# store type: (path appended to the endpoint, graph parameter, body content type)
_PRESETS: dict[StoreType, tuple[str, str, str]] = {
    StoreType.OXIGRAPH: ("/store", "graph", "application/n-triples"),
    StoreType.FUSEKI: ("/data", "graph", "application/n-triples"),
    StoreType.GRAPHDB: ("/statements", "context", "application/n-triples"),
    StoreType.VIRTUOSO: ("/sparql-graph-crud-auth", "graph-uri", "text/turtle"),
    StoreType.QLEVER: ("", "graph", "application/n-triples"),
    StoreType.GSP: ("", "graph", "application/n-triples"),
}


@dataclass(frozen=True, slots=True)
class Credentials:
    """Basic (user + password) or bearer-token credentials, read from the environment."""

    user: str | None = None
    password: str | None = None
    token: str | None = None

    @classmethod
    def from_env(cls, *, user: str | None = None, password_env: str | None = None,
                 token_env: str | None = None) -> Credentials:
        if token_env and (user or password_env):
            raise LoadError("give either --user/--password-env or --token-env, not both")
        if password_env and not user:
            raise LoadError("--password-env needs --user")
        password = token = None
        if user:
            if not password_env:
                raise LoadError("--user needs --password-env VAR (the name of an environment "
                                "variable holding the password; never the password itself)")
            password = _env(password_env)
        if token_env:
            token = _env(token_env)
        return cls(user=user, password=password, token=token)

    @property
    def secrets(self) -> list[str]:
        """Every form a credential may take in a message: as given, and Basic's base64
        of ``user:password`` (standard and URL-safe, with and without padding)."""
        found = [s for s in (self.password, self.token) if s]
        if self.user is not None and self.password:
            raw = f"{self.user}:{self.password}".encode()
            for encoded in (base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
                text = encoded.decode("ascii")
                found += [text, text.rstrip("=")]
        return sorted(set(found), key=len, reverse=True)  # longest first: no partial leftovers

    def header(self) -> str | None:
        if self.token:
            return f"Bearer {self.token}"
        if self.user is not None and self.password is not None:
            raw = f"{self.user}:{self.password}".encode()
            return "Basic " + base64.b64encode(raw).decode("ascii")
        return None


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise LoadError(f"environment variable {name} is not set or empty",
                        hint=f"export {name}=... before running kg load")
    return value


@dataclass(slots=True)
class LoadOptions:
    store_type: StoreType = StoreType.OXIGRAPH
    credentials: Credentials = field(default_factory=Credentials)
    timeout: float = 60.0  # seconds per request
    retries: int = 4  # further attempts after the first, on connection errors, timeouts, 5xx
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    max_batch: int = 0  # triples per request; 0: a whole graph, split only on 413


@dataclass(slots=True)
class LoadReport:
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    retries: int = 0
    splits: int = 0
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class GraphPayload:
    """One target graph (None: the default graph) and its distinct triples."""

    iri: str | None
    triples: list[Triple]


def graphs_of(store: Store, *, graph_iri: str | None = None,
              entail: bool = False) -> Iterator[GraphPayload]:
    """The graphs to send: one per named graph, or everything merged into ``graph_iri``;
    with ``entail``, each with what the ontology's alignments entail from it
    (``kg load --entail``, kg/store/export.py)."""
    extra = None
    if entail:
        from kg.store.export import Entailer

        extra = Entailer(store)

    def triples_in(graph) -> list[Triple]:
        quads = store.quads_for_pattern(None, None, None, graph)
        if extra is not None:
            quads = itertools.chain(quads, extra.quads(graph))
        return sorted(dict.fromkeys(Triple(q.subject, q.predicate, q.object) for q in quads),
                      key=str)

    if graph_iri is not None:
        yield GraphPayload(graph_iri, triples_in(None))
        return
    names = sorted(store.named_graphs(), key=str)
    default = triples_in(DefaultGraph())
    if default:
        yield GraphPayload(None, default)
    for name in names:
        if not isinstance(name, NamedNode):
            continue  # a blank-node graph name has no IRI to PUT to
        yield GraphPayload(name.value, triples_in(name))


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
            encoded = urllib.parse.quote(secret, safe="")
            if encoded != secret:
                text = text.replace(encoded, "***")
    return text


def check_endpoint(endpoint: str) -> str:
    """An http(s) URL without user info (credentials belong in environment variables)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LoadError(f"not an http(s) URL: {_safe_url(endpoint)!r}",
                        hint="e.g. --endpoint http://127.0.0.1:7878")
    if parts.username or parts.password:
        raise LoadError(f"the endpoint URL carries credentials: {_safe_url(endpoint)}",
                        hint="remove them from the URL; use --user U --password-env VAR "
                             "or --token-env VAR")
    return endpoint


def _safe_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        parts = parts._replace(netloc=f"***@{host}")
    return urllib.parse.urlunsplit(parts)


def _is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


class _Redirected(Exception):
    """The server redirected a write somewhere kg will not follow."""


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow only what keeps the request whole and the credentials at home.

    307/308 keep the method and body: followed to the same origin (scheme, host,
    port). 301/302/303 would turn a PUT or POST into a body-less GET (urllib's
    default, which lost data while reporting success), and any other origin would
    receive the data and the credentials: both stop the load with an error.
    """

    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if code in (307, 308) and _origin(newurl) == _origin(req.full_url):
            return urllib.request.Request(newurl, data=req.data, method=req.get_method(),
                                          headers=dict(req.header_items()))
        fp.close()  # the redirect's own answer: read no further, leave no socket open
        why = ("to another origin, which would receive the data and the credentials"
               if _origin(newurl) != _origin(req.full_url) else
               f"with {code}, which would turn {req.get_method()} into a GET without the data")
        raise _Redirected(f"the server redirects {req.get_method()} (HTTP {code}) to "
                          f"{_safe_url(newurl)} {why}; kg does not follow it")


class _Transient(Exception):
    """A failure worth retrying (connection, timeout, 429, 5xx)."""


class _TooLarge(Exception):
    """The server answered 413."""


class Loader:
    """Sends graphs to one endpoint; counts what it did in ``report``."""

    def __init__(self, endpoint: str, options: LoadOptions | None = None,
                 *, sleep: Callable[[float], None] = time.sleep):
        self.endpoint = check_endpoint(endpoint)
        self.options = options or LoadOptions()
        self.secrets = self.options.credentials.secrets
        self.report = LoadReport()
        self.sleep = sleep
        handlers: list[urllib.request.BaseHandler] = []
        if _is_loopback(endpoint):  # never send loopback traffic through a proxy
            handlers.append(urllib.request.ProxyHandler({}))
        creds = self.options.credentials
        self.auth_header = creds.header()
        if self.options.store_type is StoreType.VIRTUOSO and creds.user:
            # Virtuoso's sparql-graph-crud-auth asks for Digest authentication.
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, endpoint, creds.user, creds.password)
            handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
            self.auth_header = None
        handlers.append(_SafeRedirects())
        self.opener = urllib.request.build_opener(*handlers)
        self.batch = self.options.max_batch or 0

    # --- public -----------------------------------------------------------------------
    def load(self, payloads: Iterator[GraphPayload],
             on_graph: Callable[[GraphPayload], None] | None = None) -> LoadReport:
        started = time.perf_counter()
        try:
            for payload in payloads:
                self.put_graph(payload)
                self.report.graphs += 1
                self.report.triples += len(payload.triples)
                if on_graph:
                    on_graph(payload)
        finally:
            self.report.seconds = time.perf_counter() - started
        return self.report

    def put_graph(self, payload: GraphPayload) -> None:
        """Replace one graph: PUT its first batch, POST the rest."""
        url = self.options.store_type.graph_url(self.endpoint, payload.iri)
        triples = payload.triples
        size = self.batch or max(1, len(triples))
        while True:
            try:
                for n, start in enumerate(range(0, max(1, len(triples)), size)):
                    body = _ntriples(triples[start:start + size])
                    self.send("PUT" if n == 0 else "POST", url, body, payload.iri)
                return
            except _TooLarge as exc:
                if size <= 1:
                    raise self.error(f"the server refuses even one triple as too large "
                                     f"(413) for {_graph_name(payload.iri)}: {exc}") from None
                size = max(1, (size + 1) // 2)
                self.batch = size  # later graphs start at the size that fits
                self.report.splits += 1

    # --- HTTP -----------------------------------------------------------------------
    def send(self, method: str, url: str, body: bytes, graph: str | None) -> None:
        attempts = self.options.retries + 1
        delay = self.options.backoff
        for attempt in range(1, attempts + 1):
            try:
                self._request(method, url, body, graph)
                return
            except _Transient as exc:
                if attempt == attempts:
                    raise self.error(f"{exc}; gave up after {attempts} attempt"
                                     f"{'s' if attempts > 1 else ''}",
                                     hint="check that the server is running and reachable, "
                                          "then run the same kg load again: it replaces "
                                          "each graph, so a re-run ends with exactly the "
                                          "intended data") from None
                self.report.retries += 1
                self.sleep(delay)
                delay *= 2

    def _request(self, method: str, url: str, body: bytes, graph: str | None) -> None:
        headers = {"Content-Type": self.options.store_type.content_type,
                   "User-Agent": USER_AGENT}
        if self.auth_header:
            headers["Authorization"] = self.auth_header
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        self.report.requests += 1
        where = f"{method} {_graph_name(graph)} to {self.safe(self.endpoint)}"
        try:
            with self.opener.open(request, timeout=self.options.timeout) as response:
                response.read()
                status = getattr(response, "status", 200)
            if not 200 <= status < 300:  # only a 2xx final answer means the data arrived
                raise self.error(f"{where}: HTTP {status}: the server did not confirm the "
                                 "write")
        except _Redirected as exc:
            raise self.error(f"{where}: {exc}",
                             hint="give the final URL as --endpoint") from None
        except urllib.error.HTTPError as exc:
            message = self.server_message(exc)
            status = exc.code
            exc.close()
            if status == 413:
                raise _TooLarge(message) from None
            if status >= 500 or status in (408, 429):
                raise _Transient(f"{where}: HTTP {status} {exc.reason}: {message}") from None
            if status in (401, 403):
                raise self.error(f"{where}: HTTP {status} {exc.reason}: {message}",
                                 hint="the server refused the credentials: check --user and "
                                      "--password-env or --token-env (and the account's "
                                      "write permission)" if self.secrets or
                                 self.options.credentials.user else
                                 "the server needs credentials: pass --user U --password-env "
                                 "VAR or --token-env VAR") from None
            if status == 404:
                raise self.error(f"{where}: HTTP 404 {exc.reason}: {message}",
                                 hint="is --endpoint the right base URL for --store-type "
                                      f"{self.options.store_type.value}?") from None
            raise self.error(f"{where}: HTTP {status} {exc.reason}: {message}") from None
        except urllib.error.URLError as exc:
            raise _Transient(f"{where}: cannot connect: {self.safe(str(exc.reason))}") from None
        except TimeoutError:
            raise _Transient(f"{where}: no answer within {self.options.timeout:g} s") from None
        except (http.client.HTTPException, ConnectionError) as exc:
            raise _Transient(f"{where}: connection lost: "
                             f"{self.safe(str(exc) or type(exc).__name__)}") from None

    def server_message(self, exc: urllib.error.HTTPError) -> str:
        try:
            text = exc.read(2000).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            text = ""
        text = " ".join(text.split())
        return self.safe(text[:500]) or "(no message)"

    def safe(self, text: str) -> str:
        return redact(text, self.secrets)

    def error(self, message: str, *, hint: str | None = None) -> LoadError:
        done = (f" ({self.report.graphs} graphs, {self.report.triples} triples were loaded "
                "before this)") if self.report.graphs else ""
        return LoadError(self.safe(message + done), hint=self.safe(hint) if hint else None)


def _graph_name(graph: str | None) -> str:
    return f"graph <{graph}>" if graph else "the default graph"


# The ontology goes into its own named graph, named by the ontology's IRI, so that a store
# without kg's ontology can use its class hierarchy and alignments (sem:, schema:, org:)
# and a re-load replaces it like any document graph.
ONTOLOGY_GRAPH = "https://w3id.org/kg-news/ns"


def ontology_payload() -> GraphPayload:
    """The ontology (ontology/kg.ttl) as one graph payload for ``ONTOLOGY_GRAPH``."""
    from pyoxigraph import parse

    from kg.resources import ontology_dir

    with (ontology_dir() / "kg.ttl").open("rb") as fh:
        triples = dict.fromkeys(parse(fh, RdfFormat.TURTLE))
    return GraphPayload(ONTOLOGY_GRAPH, sorted(triples, key=str))


def _ntriples(triples: list[Triple]) -> bytes:
    if not triples:
        return b""
    return serialize(triples, format=RdfFormat.N_TRIPLES)


def load_store(store: Store, endpoint: str, *, options: LoadOptions | None = None,
               graph_iri: str | None = None, ontology: bool = False, entail: bool = False,
               on_graph: Callable[[GraphPayload], None] | None = None) -> LoadReport:
    """Send every graph of ``store`` to ``endpoint`` (one PUT per graph), and with
    ``ontology`` the ontology into its own graph (``ONTOLOGY_GRAPH``; ``kg load`` does so
    unless given ``--no-ontology``); with ``entail`` each graph also carries what the
    alignments entail (``kg load --entail``, for a store that does not reason)."""
    loader = Loader(endpoint, options)
    return loader.load(_with_ontology(graphs_of(store, graph_iri=graph_iri, entail=entail),
                                      ontology), on_graph=on_graph)


def _with_ontology(payloads: Iterator[GraphPayload], ontology: bool) -> Iterator[GraphPayload]:
    yield from payloads
    if ontology:
        yield ontology_payload()
