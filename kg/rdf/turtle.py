"""Readable Turtle: the ontology's prefixes, one block per subject, ``a`` first.

pyoxigraph writes valid but dense Turtle. Here the triples are ordered (by
subject, then ``rdf:type`` first, then predicate and object), only the prefixes
the data uses are declared (sorted), entity IRIs get one prefix per entity type
(``person:jane-doe``) and subject blocks are separated by a blank line. Only
whole lines of pyoxigraph's output are rearranged; pyoxigraph escapes line
breaks inside literals, so no literal is touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pyoxigraph import NamedNode, RdfFormat, Triple, serialize

from kg.rdf.vocab import KG, PREFIXES, RDF

_PREFIX_NAME = re.compile(r"^[a-z][a-z0-9]*$")
_PLAIN_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")


def _sort_key(t: Triple) -> tuple[str, bool, str, str]:
    return (str(t.subject), t.predicate != RDF.type, str(t.predicate), str(t.object))


def _entity_prefixes(triples: list[Triple]) -> dict[str, str]:
    """``{type-slug: <base>entity/<type-slug>/}`` for the data's entity IRIs.

    A type gets a prefix only if every local name under it is plain (letters,
    digits, ``-``, ``_``): other names would need backslash escapes, which are
    ugly and which some parsers (rdflib: a trailing ``\\.``) get wrong.
    """
    bases = {t.subject.value[: t.subject.value.rindex("/doc/") + 1] for t in triples
             if t.predicate == RDF.type and t.object == KG.SourceDocument
             and isinstance(t.subject, NamedNode) and "/doc/" in t.subject.value}
    found: dict[str, str] = {}
    unsafe: set[str] = set()
    for t in triples:
        for node in (t.subject, t.predicate, t.object):
            if not isinstance(node, NamedNode):
                continue
            for base in bases:
                if not node.value.startswith(base + "entity/"):
                    continue
                type_slug, _, local = node.value[len(base) + 7:].partition("/")
                ns = f"{base}entity/{type_slug}/"
                if _PREFIX_NAME.match(type_slug) and type_slug not in PREFIXES:
                    found.setdefault(type_slug, ns)
                if found.get(type_slug) == ns and not _PLAIN_LOCAL.match(local):
                    unsafe.add(type_slug)
    return {k: v for k, v in found.items() if k not in unsafe}


def _used_prefixes(triples: list[Triple]) -> dict[str, str]:
    iris = {n.value for t in triples for n in (t.subject, t.predicate, t.object)
            if isinstance(n, NamedNode)}
    iris |= {t.object.datatype.value for t in triples if hasattr(t.object, "datatype")}
    return {p: ns for p, ns in PREFIXES.items() if any(i.startswith(ns) for i in iris)}


def pretty_turtle(triples: Iterable[Triple]) -> bytes:
    """Serialise triples as readable Turtle (see the module docstring)."""
    ordered = sorted(dict.fromkeys(triples), key=_sort_key)
    prefixes = {**_used_prefixes(ordered), **_entity_prefixes(ordered)}
    raw = serialize(ordered, None, RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
    lines = [line for line in raw.split("\n") if line]  # not splitlines(): U+0085, U+2028...
    header = sorted(line for line in lines if line.startswith("@prefix "))
    body = [line for line in lines if not line.startswith("@prefix ")]
    out: list[str] = [*header, ""] if header else []
    for i, line in enumerate(body):
        out.append(line)
        following = body[i + 1] if i + 1 < len(body) else None
        if following is not None and line.endswith(" .") and not following[:1].isspace():
            out.append("")
    return ("\n".join(out) + "\n").encode("utf-8")
