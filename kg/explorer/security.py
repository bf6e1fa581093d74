"""The explorer's guards, as ASGI middleware: the Host header, response headers, writes.

- Host: a request must name the server as it was bound (``127.0.0.1:7878``, and for
  loopback ``localhost``), or a name given with ``--allow-host``. A page on another site
  that rebinds its own DNS name to 127.0.0.1 sends its own name and is refused.
- Every response carries a Content-Security-Policy that allows scripts from the app
  alone (no inline script), no framing and no referrer.
- Writes (``--writable``) need ``Authorization: Bearer TOKEN`` and, when the browser says
  where the request comes from (Origin or Referer), the same origin. A cross-site form
  post can set neither header, so it never writes.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def is_loopback(bind: str) -> bool:
    try:
        return ipaddress.ip_address(bind.strip("[]")).is_loopback
    except ValueError:
        return bind == "localhost"


def is_wildcard(bind: str) -> bool:
    return bind.strip("[]") in ("0.0.0.0", "::")


def allowed_hosts(bind: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host header values the server answers to (lower case, with and without port)."""
    names = set()
    if not is_wildcard(bind):
        names.add(f"[{bind}]" if ":" in bind and not bind.startswith("[") else bind)
    if is_loopback(bind) or is_wildcard(bind):
        names.update({"localhost", "127.0.0.1", "[::1]"} if is_wildcard(bind) or
                     bind in ("127.0.0.1", "localhost", "::1", "[::1]")
                     else {"localhost"})
    names.update(name.lower() for name in extra)
    out = set()
    for name in names:
        out.add(f"{name.lower()}:{port}")
        if port == 80:
            out.add(name.lower())
    return frozenset(out)


async def _send_plain(send, status: int, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *HEADERS]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Refuses a foreign Host and adds the security headers to every response."""

    def __init__(self, app, *, hosts: frozenset[str]):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = ""
        for key, value in scope.get("headers", []):
            if key == b"host":
                host = value.decode("latin-1").strip().lower()
                break
        if host not in self.hosts:
            shown = ", ".join(sorted(self.hosts))
            return await _send_plain(
                send, 421, f"This server answers only to {shown}; the request named "
                f"{host or 'no host'!r}. Open it by that address, or start kg serve with "
                "--allow-host NAME.\n")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def write_allowed(headers, *, token: str | None, own_origins: Iterable[str]) -> str | None:
    """None if a write may go ahead, else why not (for the 403 answer)."""
    if not token:
        return "this server is read-only (start kg serve with --writable to accept updates)"
    auth = headers.get("authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        return "an update needs the header 'Authorization: Bearer TOKEN' with the token " \
               "kg serve printed when it started"
    origin = headers.get("origin") or headers.get("referer")
    if origin:
        parts = urlsplit(origin)
        if f"{parts.scheme}://{parts.netloc}".lower() not in set(own_origins):
            return "an update from another site is refused (same origin only)"
    return None
