"""The live-update reader: stamps, headlines, datelines, noise, offsets."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kg.errors import InputError
from kg.ingest.reader import parse_bytes, parse_text
from kg.ingest.sources import expand_sources

LIVE = (
    "03.02.2023\n"
    "Floods in Ruritania\n"
    "Heavy rain hit the north on 1 February.\n"
    "Live Updates: Floods Spread\n"
    "Live Updates: Floods Spread\n"
    "\n"
    "14:30 GMT 04.02.2023\n"
    "Army Sends Boats to Flooded Towns\n"
    "OSTRAVIA (Agency Press) - The army sent 40 boats to the valley on Friday.\n"
    "The minister said the water was falling.\n"
    "09:15 GMT 04.02.2023\n"
    "A view shows a flooded street in Ostravia, February 3, 2023."
    " - Agency Press, 1920, 04.02.2023\n"
    "Rescuers Evacuate 200 People\n"
    "08:12 GMT\n"
    "7\n"
)


def test_live_page_units_and_metadata():
    doc = parse_text(LIVE, path="flood.txt")
    assert doc.doc_id == "flood"
    assert doc.published == date(2023, 2, 3)
    assert doc.title == "Floods in Ruritania"
    assert doc.live_title == "Live Updates: Floods Spread"
    kinds = [u.kind for u in doc.units]
    assert kinds == ["lead", "update", "update"]
    first = doc.units[1]
    assert first.stamp == datetime(2023, 2, 4, 14, 30, tzinfo=UTC)
    assert first.headline.text == "Army Sends Boats to Flooded Towns"
    assert first.dateline.text == "OSTRAVIA"
    assert first.agency.text == "Agency Press"
    assert doc.units[2].headline.text == "Rescuers Evacuate 200 People"


def test_offsets_slice_back_to_source():
    doc = parse_text(LIVE, path="flood.txt")
    for unit in doc.units:
        assert len(unit.text) == unit.end - unit.start
        for span in (unit.headline, unit.dateline, unit.agency):
            if span:
                assert doc.text[span.start:span.end] == span.text
        # every non-blank character of the unit text is the source character
        for i, ch in enumerate(unit.text):
            if not ch.isspace():
                assert doc.text[unit.start + i] == ch


def test_noise_is_blanked():
    doc = parse_text(LIVE, path="flood.txt")
    all_text = " ".join(u.text for u in doc.units)
    assert "GMT" not in all_text
    assert "1920" not in all_text
    assert "Live Updates" not in all_text
    assert "OSTRAVIA (Agency Press)" not in all_text
    assert "The army sent 40 boats" in all_text
    # a photo caption is page clutter (docs/input.md): caption and credit both go
    assert "A view shows a flooded street" not in all_text


def test_plain_article_is_one_unit():
    doc = parse_text("Rebels Seize Port\nRebels seized the port of Xam on Monday.\n",
                     path="a.txt")
    assert len(doc.units) == 1
    assert doc.units[0].kind == "article"
    assert doc.title == "Rebels Seize Port"
    assert doc.units[0].stamp is None


def test_impossible_stamp_is_a_warning_not_a_crash():
    doc = parse_text("Title\n12:00 GMT 31.02.2022\nSomething happened.\n", path="bad.txt")
    assert doc.units[-1].stamp is None
    assert any("31.02.2022" in w and "bad.txt" in w for w in doc.warnings)


def test_seed_units(seed_path):
    doc = parse_bytes(seed_path.read_bytes(), path=str(seed_path))
    updates = [u for u in doc.units if u.kind == "update"]
    assert len(updates) == 8
    assert doc.published == date(2022, 1, 6)
    assert doc.updated == datetime(2022, 1, 10, 6, 5, tzinfo=UTC)
    datelines = [u.dateline.text for u in updates if u.dateline]
    assert datelines == ["NUR-SULTAN", "MINSK"]


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02binary", "binary"),
])
def test_bad_bytes_are_refused_with_the_file_name(data, reason):
    with pytest.raises(InputError) as info:
        parse_bytes(data, path="x/bad.txt")
    assert "x/bad.txt" in str(info.value)
    assert reason in str(info.value)


def test_latin1_bytes_are_read_as_windows_1252_with_a_warning():
    """Refused as invalid UTF-8 until issue 17; charset-normalizer finds the encoding."""
    doc = parse_bytes(b"Caf\xe9 owners said the caf\xe9 was shut.", path="x/latin.txt")
    assert doc.text == "Café owners said the café was shut."
    assert doc.warnings[0].startswith("x/latin.txt: not UTF-8: decoded as cp1252")


def test_utf16_and_crlf_are_read():
    text = "Title\r\nThe army sent 40 boats.\r\n"
    doc = parse_bytes(text.encode("utf-16"), path="w.txt")
    assert doc.title == "Title"
    unit = doc.units[0]
    assert "\r" not in unit.text
    assert doc.text[unit.start:unit.end].replace("\r", " ") == unit.text


def test_expand_sources(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B.")
    (tmp_path / "notes.yaml").write_text("x: 1")
    names = [s.name for s in expand_sources([str(tmp_path)])]
    assert [n.rsplit("/", 1)[-1] for n in names] == ["a.txt", "b.txt"]
    assert len(expand_sources([str(tmp_path / "*.txt")])) == 1
    with pytest.raises(InputError, match="no such file"):
        expand_sources([str(tmp_path / "missing.txt")])
