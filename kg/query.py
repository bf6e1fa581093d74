"""The query library: ``queries/*.rq`` files with a header, run with bound parameters.

A query file starts with comment lines::

    # title: Entities by type
    # description: Every entity with its type and how often it is mentioned.
    # param: type (iri) = <https://...#Person>  Restrict to one class.

Parameters are bound with pyoxigraph substitutions, never spliced into the
query text. Every query is standard SPARQL 1.1; a parameter's place in it is a
``VALUES ?name { UNDEF }`` block, so that any store can bind it:
:func:`sparql_with_values` writes the query with the values in those blocks
(``kg query --print-sparql``), each written as an RDF term by pyoxigraph (escaped,
never pasted as text). This module must not import spaCy: ``kg query`` starts fast.

A parameter declared ``(key of NAME)`` is not asked for: kg binds it to NAME's value in
lower case (the ``kg:labelKey`` of a label, docs/store.md), so that a name is matched
case-insensitively by an index lookup instead of a scan of every label.
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
    r"^\??(?P<name>[A-Za-z_]\w*)\s*"
    r"\((?P<kind>iri|string|literal|date|integer|decimal|key of (?P<of>[A-Za-z_]\w*))\)"
    r"(?:\s*=\s*(?P<default>(?:<[^>]*>|\"[^\"]*\"|\S+)))?\s*(?P<doc>.*)$"
)


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    kind: str
    default: str | None
    description: str
    of: str | None = None  # a ``key of NAME`` parameter: NAME, whose value it lower-cases

    @property
    def derived(self) -> bool:
        """Bound by kg from another parameter, not given by the user."""
        return self.of is not None


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
    except UnicodeDecodeError as exc:
        raise QueryError(f"query file is not UTF-8 text: {exc.reason}", path=path) from exc
    query = parse_header(text, path=path)
    query.name, query.path = path.stem, path
    return query


def parse_header(text: str, *, path: Path) -> LibraryQuery:
    """The ``# title:``/``# param:``/... comment lines at the top of a query."""
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
                                 hint="write '# param: name (iri|string|date|integer|"
                                      "key of NAME) = default  description'")
            default = pm.group("default")
            if default and default.startswith('"') and default.endswith('"'):
                default = default[1:-1]
            if default and default.startswith("<") and default.endswith(">"):
                default = default[1:-1]
            of = pm.group("of")
            query.params.append(Parameter(pm.group("name"), "key" if of else pm.group("kind"),
                                          default, pm.group("doc").strip(), of))
        elif key == "title":
            query.title = value
        elif key == "description":
            query.description = (query.description + " " + value).strip()
        elif key == "returns":
            query.returns = value
    names = {p.name for p in query.params}
    for param in query.params:
        if param.of is not None and param.of not in names:
            raise QueryError(f"parameter {param.name!r} is a key of {param.of!r}, which the "
                             "query does not declare", path=path)
    return query


def library(directory: Path | None = None) -> dict[str, LibraryQuery]:
    """Every query of the library, by name."""
    directory = directory or queries_dir()
    return {p.stem: parse_query_file(p) for p in sorted(directory.glob("*.rq"))}


def find_query(name_or_file: str) -> LibraryQuery:
    """A query of the library by name, or a ``.rq``/``.sparql`` file by path."""
    path = Path(name_or_file)
    if path.suffix in (".rq", ".sparql"):
        if path.is_file():
            return parse_query_file(path)
        raise QueryError("no such query file", path=path,
                         hint="give a library name (`kg queries`), a .rq/.sparql file, "
                              "-e 'SPARQL' or - for stdin")
    candidate = queries_dir() / f"{name_or_file}.rq"
    if candidate.is_file():
        return parse_query_file(candidate)
    names = ", ".join(sorted(library())) or "none"
    raise QueryError(f"no query named {name_or_file!r}",
                     hint=f"run `kg queries` to list them; known: {names}")


def query_from_text(text: str, *, name: str = "query") -> LibraryQuery:
    """A query given as text (``kg query -e``, stdin, the API); a header is read if present."""
    query = LibraryQuery(name=name, path=Path(f"<{name}>"), text=text)
    header = parse_header(text, path=query.path)
    query.title, query.description = header.title, header.description
    query.params, query.returns = header.params, header.returns
    return query


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
        if param.of is not None and (raw is None or raw == ""):
            base = given.get(param.of, declared[param.of].default if param.of in declared
                             else None)
            # SPARQL's LCASE and str.lower() both lower-case by Unicode's full mapping
            raw = base.lower() if base else None
        if raw is None or raw == "":
            continue
        out[Variable(name)] = _term(param, raw)
    return out


def _values_block(name: str) -> re.Pattern[str]:
    """A one-variable ``VALUES ?name { ... }`` block (the parameter's place in a query)."""
    return re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{[^{}]*\}", re.IGNORECASE)


def sparql_with_values(query: LibraryQuery, params: dict[str, str] | None = None) -> str:
    """The query's text with each bound parameter written into its ``VALUES`` blocks.

    What kg runs, for a store that cannot take bindings: standard SPARQL 1.1 with
    ``VALUES ?name { "value" }`` where the file has ``VALUES ?name { UNDEF }``. Values are
    written as RDF terms by pyoxigraph (quotes and backslashes escaped). A parameter without
    a block in the text (a query of one's own) is bound by a ``VALUES`` clause at the end.
    """
    text = query.text
    trailing: list[str] = []
    for var, term in bind_parameters(query, params or {}).items():
        block = f"VALUES ?{var.value} {{ {term} }}"
        pattern = _values_block(var.value)
        text, found = _replace_in_code(pattern, block, text)
        if not found:
            trailing.append(block)
    if trailing:
        text = text.rstrip("\n") + "\n" + "\n".join(trailing) + "\n"
    return text


def _replace_in_code(pattern: re.Pattern[str], block: str, text: str) -> tuple[str, int]:
    """Replace ``pattern`` with ``block`` where it is not in a comment; return text and count."""
    found = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal found
        line_start = text.rfind("\n", 0, m.start()) + 1
        if "#" in text[line_start:m.start()]:
            return m.group(0)
        found += 1
        return block

    return pattern.sub(replace, text), found


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
