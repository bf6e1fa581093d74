"""The one place where kg mints IRIs.

IRIs are deterministic functions of the input (document id, offsets, names),
so building the same input twice gives the same graph. Any label is safe:
everything outside the RFC 3986 unreserved set is percent-encoded.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote

from pyoxigraph import NamedNode

from kg.rdf.vocab import DEFAULT_BASE_IRI

_WS = re.compile(r"\s+")
_MAX_SLUG = 80


@functools.lru_cache(maxsize=16384)  # pure; a document's id is slugged for every span node
def slug(label: str) -> str:
    """A readable, IRI-safe, deterministic path segment for any label."""
    norm = unicodedata.normalize("NFC", label).casefold()
    norm = _WS.sub("-", norm.strip()) or "_"
    encoded = quote(norm, safe="-._~")
    if len(encoded) > _MAX_SLUG:
        digest = hashlib.sha1(norm.encode("utf-8")).hexdigest()[:10]
        encoded = encoded[:_MAX_SLUG].rstrip("%0123456789ABCDEF") + "-" + digest
    return encoded


def check_base_iri(base: str) -> str:
    """Validate a base IRI; it must be absolute and end in ``/`` or ``#``."""
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+[/#]$", base):
        raise ValueError(
            f"base IRI {base!r} must be an absolute http(s) IRI ending in '/' or '#'"
        )
    NamedNode(base)  # let pyoxigraph reject anything else
    return base


class IriMinter:
    """Mints every data IRI under one base."""

    def __init__(self, base: str = DEFAULT_BASE_IRI):
        self.base = check_base_iri(base)

    def _node(self, path: str) -> NamedNode:
        return NamedNode(self.base + path)

    def document(self, doc_id: str) -> NamedNode:
        return self._node(f"doc/{slug(doc_id)}")

    def graph(self, doc_id: str) -> NamedNode:
        return self._node(f"graph/{slug(doc_id)}")

    def update(self, doc_id: str, index: int) -> NamedNode:
        return self._node(f"doc/{slug(doc_id)}/update/{index}")

    def span(self, doc_id: str, start: int, end: int) -> NamedNode:
        """A NIF string (mention or sentence) by RFC 5147 character offsets."""
        return self._node(f"doc/{slug(doc_id)}#char={start},{end}")

    def text_piece(self, doc_id: str, start: int, end: int) -> NamedNode:
        """A piece of a long document's text (``kg:TextPiece``), by its offsets."""
        return self._node(f"doc/{slug(doc_id)}#piece={start},{end}")

    def entity(self, type_name: str, key: str) -> NamedNode:
        return self._node(f"entity/{slug(type_name)}/{slug(key)}")

    def fact(self, doc_id: str, kind: str, identity: str) -> NamedNode:
        digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12]
        return self._node(f"doc/{slug(doc_id)}/{slug(kind)}/{digest}")

    def quantity(self, fact: NamedNode, n: int = 0) -> NamedNode:
        return NamedNode(f"{fact.value}/quantity/{n}")

    def role(self, fact: NamedNode, n: int = 0) -> NamedNode:
        return NamedNode(f"{fact.value}/role/{n}")

    def rule(self, rule_id: str) -> NamedNode:
        return self._node(f"rule/{slug(rule_id)}")

    def org_role(self, title: str) -> NamedNode:
        """The W3C ORG role (``org:Role``) of a title: one per title, whatever the case."""
        return self._node(f"role/{slug(title)}")

    def post(self, organization: NamedNode, title: str) -> NamedNode:
        """The ``org:Post`` of a title in an organization entity (``post/country/x/president``).

        Shared across documents, as the organization's IRI is; an organization IRI that
        is not an entity IRI of this base is hashed into one segment.
        """
        head = self.base + "entity/"
        rest = organization.value[len(head):] if organization.value.startswith(head) \
            else slug(organization.value)
        return self._node(f"post/{rest}/{slug(title)}")
