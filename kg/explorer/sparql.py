"""SPARQL text helpers for the explorer: SERVICE refusal, kg's prefixes, remote binding.

Nothing here formats a user's value into a query: parameters are bound by the engine
(pyoxigraph substitutions) or, for a remote endpoint, given as a ``VALUES`` block of
terms written by pyoxigraph's own serialiser.
"""

from __future__ import annotations

import re

from kg.errors import QueryError
from kg.rdf.vocab import PREFIXES

# Strings, IRIs and comments are blanked before looking for keywords, so that a word in
# a literal ("customer service") or an IRI is not taken for one. The scan fails closed:
# anything it cannot tell apart from a SERVICE keyword is refused.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b",
                     re.IGNORECASE)


def blank_opaque(text: str) -> str:
    """The query with its strings, IRIs and comments replaced by spaces."""
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), text)


def uses_service(text: str) -> bool:
    return bool(_SERVICE.search(blank_opaque(text)))


def refuse_service(text: str) -> None:
    """Raise unless the query is free of SERVICE (federated queries fetch other URLs)."""
    if uses_service(text):
        raise QueryError("SERVICE is refused: it would make this server fetch other URLs",
                         hint="start kg serve with --allow-service to allow federated "
                              "queries")


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query keyword of the text."""
    m = _FORM.search(blank_opaque(text))
    return m.group(1).upper() if m else ""


def is_update(text: str) -> bool:
    blanked = blank_opaque(text)
    return bool(_UPDATE.search(blanked)) and not _FORM.search(blanked)


def prefix_block(prefixes: dict[str, str] | None = None) -> str:
    """kg's prefixes as PREFIX lines, for the SPARQL editor."""
    return "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in (prefixes or PREFIXES).items())


def with_prefixes(text: str) -> str:
    """The query with kg's PREFIX lines before it, for an endpoint that does not know them."""
    declared = set(re.findall(r"PREFIX\s+([A-Za-z][\w.-]*)?:", blank_opaque(text), re.I))
    missing = {p: iri for p, iri in PREFIXES.items() if p not in declared}
    return (prefix_block(missing) + "\n" + text) if missing else text


def _group_end(blanked: str, start: int) -> int:
    """The index just past the brace that closes the group opened at ``start``."""
    depth = 0
    for i in range(start, len(blanked)):
        if blanked[i] == "{":
            depth += 1
        elif blanked[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(blanked)


def bind_values(text: str, bindings: dict[str, str]) -> str:
    """The query with ``bindings`` (variable -> N-Triples term text) as VALUES blocks.

    For a remote endpoint, which cannot take pyoxigraph's substitutions: a one-row
    VALUES block goes first in every WHERE group (the query's and each sub-select's)
    that uses the variable, so it is bound wherever a sub-select would not see it from
    outside, as the engine's substitution binds it everywhere.
    """
    if not bindings:
        return text
    blanked = blank_opaque(text)
    opens = [m.end() - 1 for m in re.finditer(r"\bWHERE\s*\{", blanked, re.IGNORECASE)]
    if not opens:
        first = blanked.find("{")
        if first < 0:
            raise QueryError("cannot bind parameters: the query has no WHERE group")
        opens = [first]
    inserts: list[tuple[int, str]] = []
    for start in opens:
        span = blanked[start:_group_end(blanked, start)]
        used = {name: term for name, term in bindings.items()
                if re.search(rf"[?$]{re.escape(name)}\b", span)}
        if start == opens[0] and not used:
            used = dict(bindings)
        if used:
            names = " ".join(f"?{name}" for name in used)
            terms = " ".join(used.values())
            inserts.append((start + 1, f" VALUES ({names}) {{ ({terms}) }} "))
    for at, block in sorted(inserts, reverse=True):
        text = text[:at] + block + text[at:]
    return text
