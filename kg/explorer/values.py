"""How the explorer shows values: typed cells, short IRIs, dates with their precision,
and sentences cut into pieces with the highlighted spans marked.

Everything here returns plain data; the templates escape every text (autoescape), and
a link is made only to the app's own pages or to an http(s) address.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from kg.rdf.vocab import KG_NS, PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long",
                             "nonNegativeInteger", "positiveInteger", "short")}
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(slots=True)
class Cell:
    """One value as shown: its text, a link (app page or http(s)), a tooltip, a CSS kind."""

    text: str = ""
    href: str | None = None
    title: str | None = None
    kind: str = "empty"
    external: bool = False
    raw: str | None = None


def short_iri(iri: str) -> str:
    """``kg:Person`` for kg's IRIs and the other known prefixes; the IRI itself otherwise."""
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and re.fullmatch(r"[\w.-]*", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def local_name(iri: str | None) -> str:
    if not iri:
        return ""
    return re.split(r"[#/]", iri.rstrip("/"))[-1] if iri.startswith(KG_NS) else short_iri(iri)


def page_url(path: str, **params: str | None) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def safe_external(url: str | None) -> str | None:
    """The URL if it is an http(s) address (never javascript:, data: and the like)."""
    if url and re.match(r"^https?://[^\s\"'<>]+$", url, re.IGNORECASE):
        return url
    return None


def format_date(value: str, precision: str | None = None) -> str:
    """``2 January 2022``; ``January 2022`` or ``2022`` when that is all the text gave."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_datetime(value: str) -> str:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    zone = " UTC" if value.endswith("Z") or value.endswith("+00:00") else ""
    if moment.utcoffset() is not None and not zone:
        zone = moment.strftime(" %z")
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M}{zone}"


def format_number(value: str) -> str:
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        return value
    if number == number.to_integral_value() and "e" not in value.lower():
        return f"{int(number):,}"
    return f"{number:,}"


def cell(term: list | None, *, column: str = "", labels: dict[str, str] | None = None,
         precision: str | None = None) -> Cell:
    """A term (as the workers encode it) shown as a typed cell."""
    if term is None:
        return Cell()
    kind = term[0]
    if kind == "i":
        iri = term[1]
        if iri.startswith(KG_NS):
            return Cell(text=iri[len(KG_NS):], title=iri, kind="class", raw=iri)
        label = (labels or {}).get(iri)
        if column == "fact":
            return Cell(text=label or "fact", href=page_url("/fact", iri=iri), title=iri,
                        kind="fact", raw=iri)
        if label:
            return Cell(text=label, href=page_url("/entity", iri=iri), title=iri,
                        kind="entity", raw=iri)
        return Cell(text=short_iri(iri), href=page_url("/resource", iri=iri), title=iri,
                    kind="iri", raw=iri)
    if kind == "b":
        return Cell(text=f"_:{term[1]}", kind="bnode", raw=term[1])
    if kind == "t":
        return Cell(text="<< triple >>", kind="triple")
    value, datatype, lang = term[1], term[2], term[3]
    if datatype == XSD + "date":
        return Cell(text=format_date(value, precision), title=value, kind="date", raw=value)
    if datatype == XSD + "dateTime":
        return Cell(text=format_datetime(value), title=value, kind="date", raw=value)
    if datatype == XSD + "gYear" or datatype == XSD + "gYearMonth":
        return Cell(text=value, title=value, kind="date", raw=value)
    if datatype in NUMERIC:
        return Cell(text=format_number(value), title=value, kind="number", raw=value)
    if datatype == XSD + "boolean":
        return Cell(text=value, kind="boolean", raw=value)
    return Cell(text=value, title=f"@{lang}" if lang else None, kind="text", raw=value)


def table_cells(vars_: list[str], rows: list[list], labels: dict[str, str]) -> list[list[Cell]]:
    """Every row as cells; a date takes the precision given in the row beside it."""
    precision_at = next((i for i, v in enumerate(vars_) if v == "datePrecision"), None)
    out = []
    for row in rows:
        precision = None
        if precision_at is not None and row[precision_at]:
            precision = row[precision_at][1]
        out.append([cell(term, column=v, labels=labels, precision=precision)
                    for v, term in zip(vars_, row, strict=False)])
    return out


def plain(term: list | None) -> str | int | float | None:
    """A term as a JSON value: numbers as numbers, everything else as its text."""
    if term is None:
        return None
    if term[0] == "l" and term[2] in NUMERIC:
        try:
            number = Decimal(term[1])
            return int(number) if number == number.to_integral_value() else float(number)
        except (InvalidOperation, ValueError):
            return term[1]
    return term[1] if term[0] != "t" else None


def csv_safe(term: list | None) -> str:
    """A term for a CSV cell; text that a spreadsheet would run as a formula is quoted."""
    if term is None:
        return ""
    text = str(term[1]) if term[0] != "t" else ""
    if term[0] == "l" and term[2] not in NUMERIC and text[:1] in ("=", "+", "-", "@", "\t",
                                                                  "\r"):
        return "'" + text
    return text


@dataclass(slots=True)
class Piece:
    text: str
    marks: list[str] = field(default_factory=list)  # e.g. "trigger", "role:agent"
    title: str = ""
    href: str | None = None

    @property
    def css(self) -> str:
        if not self.marks:
            return ""
        if "trigger" in self.marks:
            return "hl-trigger"
        return "hl-mention" if self.marks == ["mention"] else "hl-role"


def pieces(text: str, spans: list[tuple[int, int, str, str | None]]) -> list[Piece]:
    """Cut ``text`` at every span boundary; each piece knows the spans that cover it.

    ``spans`` are (start, end, mark, link) in the text's own offsets; spans outside the
    text are clipped or left out.
    """
    n = len(text)
    spans = [(max(0, s), min(n, e), m, h) for s, e, m, h in spans if e > 0 and s < n and e > s]
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[Piece] = []
    for a, b in itertools.pairwise(cuts):
        covering = [(m, h) for s, e, m, h in spans if s <= a and b <= e]
        marks = sorted({m for m, _ in covering})
        href = next((h for _, h in covering if h), None)
        title = ", ".join(m.removeprefix("role:") for m in marks)
        out.append(Piece(text[a:b], marks, title, href))
    return out
