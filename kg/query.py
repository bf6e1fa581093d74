"""The query library: ``queries/*.rq`` files with a header, run with bound parameters.

A query file starts with comment lines::

    # title: Entities by type
    # description: Every entity with its type and how often it is mentioned.
    # param: type (iri) = <https://...#Person>  Restrict to one class.

Parameters are bound with pyoxigraph substitutions, never spliced into the
query text. This module must not import spaCy: ``kg query`` starts fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store, Variable

from kg.errors import QueryError
from kg.rdf.vocab import XSD
from kg.resources import queries_dir

_HEADER = re.compile(r"^#\s*(title|description|param|returns):\s*(.*)$")
_PARAM = re.compile(
    r"^\??(?P<name>[A-Za-z_]\w*)\s*\((?P<kind>iri|string|literal|date|integer|decimal)\)"
    r"(?:\s*=\s*(?P<default>(?:<[^>]*>|\"[^\"]*\"|\S+)))?\s*(?P<doc>.*)$"
)


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    kind: str
    default: str | None
    description: str


@dataclass(slots=True)
class LibraryQuery:
    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    params: list[Parameter] = field(default_factory=list)
    returns: str = ""


def parse_query_file(path: Path) -> LibraryQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"cannot read query: {exc.strerror}", path=path) from exc
    query = LibraryQuery(name=path.stem, path=path, text=text)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"line {lineno}: malformed parameter {value!r}", path=path,
                                 hint="write '# param: name (iri|string|date|integer) = "
                                      "default  description'")
            default = pm.group("default")
            if default and default.startswith('"') and default.endswith('"'):
                default = default[1:-1]
            if default and default.startswith("<") and default.endswith(">"):
                default = default[1:-1]
            query.params.append(Parameter(pm.group("name"), pm.group("kind"), default,
                                          pm.group("doc").strip()))
        elif key == "title":
            query.title = value
        elif key == "description":
            query.description = (query.description + " " + value).strip()
        elif key == "returns":
            query.returns = value
    return query


def library(directory: Path | None = None) -> dict[str, LibraryQuery]:
    """Every query of the library, by name."""
    directory = directory or queries_dir()
    return {p.stem: parse_query_file(p) for p in sorted(directory.glob("*.rq"))}


def find_query(name_or_file: str) -> LibraryQuery:
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        return parse_query_file(path)
    candidate = queries_dir() / f"{name_or_file}.rq"
    if candidate.is_file():
        return parse_query_file(candidate)
    names = ", ".join(sorted(library())) or "none"
    raise QueryError(f"no query named {name_or_file!r}",
                     hint=f"run `kg queries` to list them; known: {names}")


def _term(param: Parameter, raw: str):
    kind = param.kind
    try:
        if kind == "iri":
            return NamedNode(raw)
        if kind == "date":
            from datetime import date

            date.fromisoformat(raw)
            return Literal(raw, datatype=XSD.date)
        if kind == "integer":
            return Literal(str(int(raw)), datatype=XSD.integer)
        if kind == "decimal":
            from decimal import Decimal

            number = Decimal(raw)
            if not number.is_finite():
                raise ValueError("not a finite number")
            return Literal(format(number, "f"), datatype=XSD.decimal)  # no exponent form
        return Literal(raw)
    except (ValueError, ArithmeticError) as exc:  # decimal.InvalidOperation is Arithmetic
        raise QueryError(f"parameter {param.name!r} needs a valid {kind}, got {raw!r}: {exc}",
                         hint=f"--param {param.name}=VALUE") from exc


def bind_parameters(query: LibraryQuery, given: dict[str, str]) -> dict[Variable, object]:
    """Substitutions for the declared parameters; unknown names are an error."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(unknown)}",
                         hint=f"its parameters: {known}")
    out: dict[Variable, object] = {}
    for name, param in declared.items():
        raw = given.get(name, param.default)
        if raw is None or raw == "":
            continue
        out[Variable(name)] = _term(param, raw)
    return out


def parse_params(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"bad --param {pair!r}", hint="write --param name=value")
        out[name.strip().lstrip("?")] = value
    return out


def run_query(store: Store, query: LibraryQuery, params: dict[str, str] | None = None):
    """Run a library query over the union of all graphs with parameters bound."""
    subs = bind_parameters(query, params or {})
    try:
        return store.query(query.text, substitutions=subs, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}", path=query.path) from exc
    except OSError as exc:
        raise QueryError(f"query failed: {exc}", path=query.path) from exc
    except RuntimeError as exc:  # e.g. a parameter that is not in the SELECT projection
        raise QueryError(f"query failed: {exc}", path=query.path,
                         hint="every parameter must be a variable the query SELECTs"
                         if "projection" in str(exc) else None) from exc


def rows(solutions: QuerySolutions) -> tuple[list[str], list[list[str | None]]]:
    """Header and rows as plain strings (IRIs, literal lexical forms, None if unbound)."""
    header = [v.value for v in solutions.variables]
    # A solution iterates over its values in the order of the variables. Looking each value
    # up by Variable (and reading solutions.variables again for every row) cost as much as
    # the query itself on large results: ~35 us a row for 13 columns, 9 ms of 47 for 270 rows.
    out: list[list[str | None]] = [[None if term is None else term.value for term in sol]
                                   for sol in solutions]
    return header, out
