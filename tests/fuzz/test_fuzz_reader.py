"""Fuzz the live-update reader (kg/ingest/reader.py): bytes and page-like text.

Any exception other than kg.errors.InputError is a crash, and every parsed
document must keep its offset invariants. The default run is bounded to a
few seconds; set KG_HYPOTHESIS_SCALE=100 for a long local hunt. Crashes it
found are pinned in ``REGRESSIONS`` below.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest.chunks import split_unit
from kg.ingest.reader import parse_bytes, parse_text
from kg.records import SourceDocument

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reliability"))
from fuzz_pages import pages
from reliability_strategies import examples, hostile_text


def check_document(doc: SourceDocument, path: str) -> None:
    """The reader's promises: offsets slice back into ``doc.text``, units in order."""
    text = doc.text
    assert isinstance(text, str) and text.strip()
    assert doc.units, "a document always has at least one unit"
    previous_end = 0
    for n, unit in enumerate(doc.units):
        assert unit.index == n
        assert 0 <= unit.start <= unit.end <= len(text)
        assert unit.start >= previous_end
        previous_end = unit.end
        assert len(unit.text) == unit.end - unit.start
        source = text[unit.start:unit.end]
        for i, ch in enumerate(unit.text):
            assert (ch == source[i] or (ch == " " and source[i] != "\n")
                    or (ch == "\n" and source[i] == "\r")), (n, i, ch, source[i])
        for span in (unit.headline, unit.dateline, unit.agency):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start:span.end] == span.text
        pieces = list(split_unit(unit, 7))
        assert "".join(p.text for p in pieces) == unit.text
        assert all(0 < len(p.text) <= 7 for p in pieces) or unit.text == ""
    for warning in doc.warnings:
        assert warning.startswith(f"{path}: ")
    if doc.title is not None:
        assert doc.title.strip() == doc.title and doc.title


def read(data: bytes, path: str = "fuzz/page.txt") -> None:
    try:
        doc = parse_bytes(data, path=path)
    except InputError as exc:
        assert path in str(exc)
        return
    check_document(doc, path)


@examples(400)
@given(pages())
def test_fuzz_page_like_bytes(data):
    read(data)


@examples(300)
@given(st.binary(max_size=400))
def test_fuzz_raw_bytes(data):
    read(data)


@examples(200)
@given(st.binary(max_size=300), st.sampled_from(["a.html", "a.txt", "stdin", "b.htm"]))
def test_fuzz_html_bytes(body, path):
    read(b"<!doctype html><html><body>" + body + b"</body></html>", path=path)


@examples(300)
@given(hostile_text)
def test_fuzz_parse_text(text):
    try:
        doc = parse_text(text, path="t.txt")
    except InputError:
        return
    check_document(doc, "t.txt")


# --- crashes the fuzzers found, kept as regression tests -----------------------------------

REGRESSIONS: list[tuple[str, bytes]] = [
    # a lone CR separates lines for the HTML extractor but not for the reader
    ("cr-only line breaks", b"Title\rBody text.\r12:00 GMT 01.01.2022\rMore."),
    # a stamp right at the end of the file: an update with no body
    ("stamp at end", b"Title\nLead.\n12:00 GMT 01.01.2022"),
    # an impossible page date and an impossible stamp together
    ("impossible dates", b"31.02.2022\nT\n25:61 GMT 31.02.2022\nx\n"),
    # HTML whose only text is inside a <pre>
    ("pre only", b"<html><body><pre>\n\n  a\n</pre></body></html>"),
    # unclosed script swallows the rest of the page
    ("unclosed script", b"<html><body><p>Hi there.</p><script>var a = '</p>"),
    # BOM followed by nothing but whitespace
    ("bom and spaces", b"\xef\xbb\xbf \n \n"),
]


@pytest.mark.parametrize("name,data", REGRESSIONS, ids=[r[0] for r in REGRESSIONS])
def test_regressions(name, data):
    read(data)
    read(data, path="again.html")
