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
from reliability_strategies import PIECES, examples, hostile_text


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
            assert ch == source[i] or (ch == " " and source[i] != "\n"), (n, i, ch, source[i])
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


# --- page-like text ------------------------------------------------------------------------

day = st.integers(0, 40)
month = st.integers(0, 14)
year = st.sampled_from([1999, 2022, 2023, 9999, 0])
page_date = st.builds(lambda d, m, y: f"{d:02d}.{m:02d}.{y}", day, month, year)
stamp = st.builds(lambda h, mi, z, d: f"{h:02d}:{mi:02d} {z} {d}", st.integers(0, 30),
                  st.integers(0, 70), st.sampled_from(["GMT", "UTC", "gmt", "CET"]), page_date)
dateline = st.builds(lambda place, agency, rest: f"{place} ({agency}) - {rest}",
                     st.sampled_from(["OSTRAVIA", "NEW VARN", "ST. LORR", "X", ""]),
                     st.sampled_from(["Agency Press", "AP", "", "(", "Reuters)"]), hostile_text)
credit = st.builds(lambda cap, src: f"{cap} - {src}, 1920, 04.02.2023", hostile_text,
                   st.sampled_from(["Agency Press", "Sputnik International", ""]))
fragment = st.sampled_from(["03:48 GMT", "13", "7", "08:12", "Live Updates: Floods Spread",
                            "Live Updates: Floods Spread.", "", "   ", "\t"])
headline = st.sampled_from(["Army Sends Boats", "Rescuers Evacuate 200 People",
                            "Floods in Ruritania", "Is This A Headline?"])
sentence = st.sampled_from([
    "The army sent 40 boats to the valley on Friday.",
    "Governor Lena Holm said the water was falling.",
    "Die Regierung hat am Montag angekündigt, dass die Truppen bleiben werden.",
    "<p>Rescuers said 20 people were missing.</p>",
])
line = st.one_of(page_date, stamp, dateline, credit, fragment, headline, sentence, hostile_text,
                 st.sampled_from(PIECES))
newline = st.sampled_from(["\n", "\r\n", "\n\n", "\r", "\u2028"])


@st.composite
def pages(draw) -> bytes:
    lines = draw(st.lists(line, min_size=0, max_size=25))
    seps = draw(st.lists(newline, min_size=len(lines), max_size=len(lines)))
    text = "".join(a + b for a, b in zip(lines, seps, strict=True))
    if draw(st.booleans()):
        text = "<html><body>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"]))
    data = text.encode(encoding, errors="surrogatepass")
    if draw(st.integers(0, 9)) == 0:  # truncated download
        data = data[: draw(st.integers(0, len(data)))]
    return data


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
