"""RDF/XML: one ``rdf:Description`` per subject, kg's prefixes as XML namespaces.

kg writes RDF/XML itself rather than with pyoxigraph, whose writer (0.5) puts
characters XML 1.0 forbids into the file as they are, writes a carriage return
that every XML parser reads back as a line feed, and makes an element with no
local name of a property IRI that does not end in an XML name. Here:

* a literal holding a character XML 1.0 cannot hold (the C0 controls but tab,
  line feed and carriage return; U+FFFE, U+FFFF) is refused with an
  :class:`~kg.errors.OutputError` that names RDF/XML, the character and the
  statement, and suggests another format: there is no escape for them in XML 1.0
  (``&#0;``, ``&#11;`` are not well-formed either), and changing the text would
  break the offsets of every mention into it. News text rarely holds them, but a
  form feed from ``pdftotext`` does;
* a carriage return is written ``&#13;`` (a character reference survives line-end
  normalisation), ``&``, ``<`` and ``>`` as entities;
* a property IRI that cannot be split into a namespace and an XML name, or that is
  one of RDF/XML's own syntax names (``rdf:li``, ``rdf:about``...), is refused the
  same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO
from xml.sax.saxutils import quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.errors import OutputError
from kg.rdf.vocab import PREFIXES

_RDF = PREFIXES["rdf"]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = _RDF + "langString"
# Characters XML 1.0 does not allow in a document (section 2.2), escaped or not.
NOT_XML_10 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# XML names (namespaces 1.0 NCName): start and other characters.
_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
          "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
          "\U00010000-\U000effff")
_CHARS = f"{_START}\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
_LOCAL = re.compile(f"[{_START}][{_CHARS}]*$")
_TAIL = re.compile(f"[{_CHARS}]*$")
_NAME_START = re.compile(f"[{_START}]")
# RDF/XML syntax names that cannot be a property element (RDF/XML 1.1, 7.2.5, 7.2.7).
_NOT_PROPERTIES = {_RDF + n for n in ("RDF", "ID", "about", "parseType", "resource", "nodeID",
                                      "datatype", "Description", "li", "aboutEach",
                                      "aboutEachPrefix", "bagID")}
_OTHER_FORMATS = "export Turtle, N-Triples, N-Quads, TriG or JSON-LD instead"


def xml_problem(text: str) -> str | None:
    """The first character of ``text`` that XML 1.0 cannot hold, as ``U+XXXX``, or None."""
    m = NOT_XML_10.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace("\r", "&#13;")


class _Names:
    """Property IRIs as qualified XML names, with their namespace declarations."""

    def __init__(self, predicates: Iterable[str]):
        self.qnames: dict[str, str] = {}
        self.namespaces: dict[str, str] = {"rdf": _RDF}  # prefix -> namespace
        by_ns = {ns: p for p, ns in PREFIXES.items()}
        for iri in sorted(set(predicates)):
            if iri in _NOT_PROPERTIES:
                raise OutputError(f"RDF/XML cannot write the property <{iri}>: it is a name "
                                  "of RDF/XML's own syntax", hint=_OTHER_FORMATS)
            ns, local = self.split(iri)
            prefix = by_ns.get(ns)
            if prefix is None:
                prefix = by_ns[ns] = f"ns{len([n for n in self.namespaces if n[:2] == 'ns']) + 1}"
                while prefix in PREFIXES:  # never shadow one of kg's prefixes
                    prefix += "_"
            self.namespaces[prefix] = ns
            self.qnames[iri] = f"{prefix}:{local}"

    @staticmethod
    def split(iri: str) -> tuple[str, str]:
        for ns in PREFIXES.values():
            if iri.startswith(ns) and _LOCAL.match(iri, len(ns)):
                return ns, iri[len(ns):]
        # the longest XML name that ends the IRI
        tail = _TAIL.search(iri)
        first = _NAME_START.search(iri, tail.start()) if tail else None
        start = first.start() if first else len(iri)
        if start == len(iri) or start == 0:
            raise OutputError(f"RDF/XML cannot write the property <{iri}>: its IRI does not "
                              "end in an XML name", hint=_OTHER_FORMATS)
        return iri[:start], iri[start:]

    def header(self) -> str:
        decls = "".join(f"\n    xmlns:{p}={quoteattr(ns)}"
                        for p, ns in sorted(self.namespaces.items()))
        return f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{decls}>\n'


def write_rdfxml(triples: Iterable, predicates: Iterable[str], output: BinaryIO, *,
                 per_write: int = 2000) -> None:
    """Write ``triples`` (grouped by subject, e.g. sorted) as RDF/XML.

    ``predicates`` are every property IRI the triples use (the namespaces are declared
    on the root element, before the first triple is read).
    """
    names = _Names(predicates)
    blank: dict[str, str] = {}

    def node_attr(term, about: bool) -> str:
        if isinstance(term, NamedNode):
            return f"rdf:{'about' if about else 'resource'}={quoteattr(term.value)}"
        if isinstance(term, BlankNode):
            label = blank.setdefault(term.value, f"b{len(blank)}")
            return f'rdf:nodeID="{label}"'
        raise OutputError(f"RDF/XML cannot hold the RDF-star triple term {term}",
                          hint="export N-Triples, N-Quads, Turtle or TriG")

    buf: list[str] = [names.header()]
    subject = None
    for t in triples:
        if t.subject != subject:
            if subject is not None:
                buf.append(" </rdf:Description>\n")
            subject = t.subject
            buf.append(f" <rdf:Description {node_attr(subject, True)}>\n")
            if len(buf) >= per_write:
                output.write("".join(buf).encode("utf-8"))
                buf = []
        qname = names.qnames.get(t.predicate.value)
        if qname is None:
            raise OutputError(f"property <{t.predicate.value}> was not declared",
                              hint="a bug in kg: please report it")
        obj = t.object
        if not isinstance(obj, Literal):
            buf.append(f"  <{qname} {node_attr(obj, False)}/>\n")
            continue
        bad = xml_problem(obj.value)
        if bad:
            raise OutputError(
                f"RDF/XML (XML 1.0) cannot hold the control character {bad} in the text of "
                f"<{getattr(subject, 'value', subject)}> <{t.predicate.value}>",
                hint="export Turtle, N-Triples, N-Quads, TriG or JSON-LD: they hold any text")
        if getattr(obj, "direction", None):
            raise OutputError(f"kg's RDF/XML does not write directional literals ({obj})",
                              hint=_OTHER_FORMATS)
        attr = ""
        if obj.language:
            attr = f" xml:lang={quoteattr(obj.language)}"
        elif obj.datatype.value != _XSD_STRING:
            attr = f" rdf:datatype={quoteattr(obj.datatype.value)}"
        buf.append(f"  <{qname}{attr}>{_text(obj.value)}</{qname}>\n")
    if subject is not None:
        buf.append(" </rdf:Description>\n")
    buf.append("</rdf:RDF>\n")
    output.write("".join(buf).encode("utf-8"))
