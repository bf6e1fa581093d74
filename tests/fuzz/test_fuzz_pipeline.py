"""Fuzz the whole pipeline after the reader: spaCy, extraction, mapping.

A build reports a bad file and goes on, but an exception inside extraction
or mapping would stop the whole build. Page-like documents (damaged stamps,
headlines, HTML, hostile strings, event sentences) are parsed with the real
model in small pieces, extracted and mapped; nothing may raise, and every
NIF string in the result must slice back to the document text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from pyoxigraph import Literal

from kg.errors import InputError
from kg.extract.document import extract_document
from kg.ingest.chunks import split_unit
from kg.ingest.reader import parse_bytes
from kg.rdf.iri import IriMinter
from kg.rdf.mapping import map_document
from kg.rdf.vocab import NIF

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reliability"))
from fuzz_pages import pages
from reliability_strategies import examples

MINTER = IriMinter()


def run_pipeline(nlp, data: bytes, *, piece_chars: int = 120) -> None:
    try:
        doc = parse_bytes(data, path="fuzz/page.txt")
    except InputError:
        return
    pieces = [p for u in doc.units for p in split_unit(u, piece_chars)]
    parsed = list(zip(pieces, nlp.pipe(p.text for p in pieces), strict=True))
    result = extract_document(doc, parsed, model="fuzz")
    quads = map_document(result, MINTER)
    begin, end, anchor = {}, {}, {}
    for q in quads:
        if q.predicate == NIF.beginIndex:
            begin[q.subject] = int(q.object.value)
        elif q.predicate == NIF.endIndex:
            end[q.subject] = int(q.object.value)
        elif q.predicate == NIF.anchorOf:
            assert isinstance(q.object, Literal)
            anchor[q.subject] = q.object.value
    for node, text in anchor.items():
        assert doc.text[begin[node]:end[node]] == text, (node, text)


@examples(50)
@given(pages())
def test_fuzz_pipeline_never_raises(nlp, data):
    run_pipeline(nlp, data)


# --- crashes the fuzzers found, kept as regression tests -----------------------------------

REGRESSIONS: list[tuple[str, bytes]] = [
    # a lone CR inside a line was a space in the unit text, so a mention across it had an
    # anchorOf ("Q' OSTRAVIA") that differed from the source ("Q'\rOSTRAVIA"); a lone CR
    # now ends a line like LF and CRLF do
    ("lone CR inside a mention",
     b"00.00.1999\n03:48 GMT\n00.00.1999\nLive Updates: Floods Spread.\n"
     b"Q'\xf2\xb0\x8b\x82\rOSTRAVIA (Agency Press) - \n03:48 GMT\n00.00.1999\n"
     b" - Agency Press, 1920, 04.02.2023\n00.00.1999\n"),
    ("classic Mac line endings",
     b"Floods Hit Varn\rThe army sent 40 boats to Varn on Friday.\r"
     b"12:00 GMT 01.02.2023\rGovernor Lena Holm Visits\rLena Holm arrived in Varn.\r"),
]


@pytest.mark.parametrize("name,data", REGRESSIONS, ids=[r[0] for r in REGRESSIONS])
def test_regressions(nlp, name, data):
    run_pipeline(nlp, data)
