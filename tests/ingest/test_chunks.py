"""Long units are cut into pieces below the parser's limit; offsets stay in the source."""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap

import pytest

from kg.ingest.chunks import DEFAULT_MAX_CHARS, cut_point, split_unit
from kg.ingest.reader import parse_text
from kg.records import Unit

SENTENCE = "The council of Várn met on Monday — and voted to reopen {n} schools. "


def pieces_of(text: str, limit: int, offset: int = 0) -> list[Unit]:
    unit = Unit(index=3, kind="update", start=offset, end=offset + len(text), text=text)
    return list(split_unit(unit, limit))


def assert_tiles(pieces: list[Unit], source: str, limit: int) -> None:
    """Pieces are contiguous, non-empty, short enough, and slice back to the source."""
    for a, b in itertools.pairwise(pieces):
        assert a.end == b.start
    for p in pieces:
        assert 0 < len(p.text) <= limit
        assert p.end - p.start == len(p.text)
        assert source[p.start:p.end] == p.text
        assert p.index == 3 and p.kind == "update"


def test_short_unit_is_untouched():
    unit = Unit(index=0, kind="article", start=5, end=9, text="abcd")
    assert list(split_unit(unit, 4)) == [unit]


def test_cuts_prefer_paragraphs_then_sentences_then_spaces():
    text = "First paragraph here.\nSecond one is longer. It has two sentences.\n"
    pieces = pieces_of(text, 40)
    assert pieces[0].text == "First paragraph here.\n"
    prose = "".join(SENTENCE.format(n=n) for n in range(50))
    for p in pieces_of(prose, 300)[:-1]:
        assert p.text.endswith("schools. ")
    words = "word " * 200
    for p in pieces_of(words, 33)[:-1]:
        assert p.text.endswith(" ")
    blob = "x" * 1000
    assert [len(p.text) for p in pieces_of(blob, 300)] == [300, 300, 300, 100]


@pytest.mark.parametrize("limit", [1, 2, 7, 64, 1000])
def test_pieces_tile_the_unit(limit):
    text = "Alpha beta.\n\nGamma delta epsilon! Zeta eta? " * 40 + "omega" * 30
    source = "HEAD" + text
    pieces = pieces_of(text, limit, offset=4)
    assert_tiles(pieces, source, limit)
    assert "".join(p.text for p in pieces) == text


def test_cut_point_stays_inside_the_window():
    text = "a b. c\nd " * 100
    for lo in range(0, 300, 7):
        for width in (1, 5, 50):
            cut = cut_point(text, lo, lo + width)
            assert lo < cut <= lo + width


def test_pieces_keep_stamp_and_dateline_of_their_update():
    text = "ALPHA (Agency) - " + SENTENCE.format(n=1) * 20
    doc = parse_text("Page\n10:00 GMT 02.03.2023\nBig Story Today\n" + text + "\n",
                     path="x.txt")
    update = doc.units[-1]
    pieces = list(split_unit(update, 200))
    assert len(pieces) > 3
    assert {p.stamp for p in pieces} == {update.stamp}
    assert {p.dateline for p in pieces} == {update.dateline}
    for p in pieces:
        for i, ch in enumerate(p.text):
            assert ch.isspace() or doc.text[p.start + i] == ch


FIFTY_MB = textwrap.dedent("""
    import resource, sys, time
    from kg.ingest.chunks import DEFAULT_MAX_CHARS, split_unit
    from kg.ingest.reader import read_document
    from pathlib import Path
    t0 = time.perf_counter()
    doc = read_document(Path(sys.argv[1]))
    pieces = 0
    total = 0
    for unit in doc.units:
        for p in split_unit(unit, DEFAULT_MAX_CHARS):
            assert 0 < len(p.text) <= DEFAULT_MAX_CHARS
            assert doc.text[p.start] == p.text[0] or p.text[0] == " "
            pieces += 1
            total += len(p.text)
    assert total == sum(u.end - u.start for u in doc.units)
    # VmHWM is this process's own peak: ru_maxrss also counts the parent's RSS that the
    # child had before exec (a pytest process past 600 MB failed this test on its own size)
    status = Path("/proc/self/status").read_text()
    peak_mb = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:"))) // 1024
    print(len(doc.text), len(doc.units), pieces, peak_mb, round(time.perf_counter() - t0, 1))
""")


def test_a_50_mb_single_line_file_is_read_and_cut(tmp_path):
    """Read in a fresh process so its peak memory is its own; the parser is not run."""
    sentence = SENTENCE.format(n=7).encode()
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"Huge Report\n")
        for _ in range(50 * 1024 * 1024 // len(sentence)):
            fh.write(sentence)
    assert b"\n" not in path.read_bytes()[20:]
    res = subprocess.run([sys.executable, "-c", FIFTY_MB, str(path)], capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    chars, units, pieces, peak_mb, _seconds = (float(x) for x in res.stdout.split())
    assert chars > 50_000_000
    assert units == 1
    assert pieces == pytest.approx(chars / DEFAULT_MAX_CHARS, rel=0.05)
    # The text is held a few times over (bytes, a 2-byte-per-char str, lines, unit
    # text): about 360 MB here. Blanking noise through a per-character list, as
    # the reader once did, peaked near 800 MB on this file.
    assert peak_mb < 600, f"reading 50 MB took {peak_mb} MB"
