"""JSON Lines archives (issue 20): records, gzip, configurable fields, bad lines counted
and reported (never fatal), ids, and the record's date over the text's."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date

import pytest

from kg.build import BuildReport, read_sources
from kg.errors import InputError
from kg.ingest.archives import ArchiveFields, ArchiveRecord, BadRecord, read_records
from kg.ingest.raw import count_documents
from kg.ingest.sources import expand_sources

TEXT = ("KABUL, Jan 5 (Reuters) - Taliban forces detained two journalists in Kabul on "
        "Sunday, the ministry said.\n")


def line(**fields) -> bytes:
    return json.dumps(fields).encode() + b"\n"


def records(data: bytes, **kw):
    return list(read_records(io.BytesIO(data), name="a.jsonl", **kw))


def test_records_with_every_field_and_blank_lines_skipped():
    got = records(line(id="r1", url="https://example.org/a", title="Detained",
                       published="2024-01-07T10:00:00Z", text=TEXT) + b"\n  \n"
                  + line(text="Second article text here."))
    assert [type(r) for r in got] == [ArchiveRecord, ArchiveRecord]
    first, second = got
    assert (first.doc_id, first.url, first.title, first.published) == (
        "r1", "https://example.org/a", "Detained", date(2024, 1, 7))
    assert first.name == "a.jsonl:1" and second.name == "a.jsonl:4"
    assert second.doc_id is None and second.published is None


@pytest.mark.parametrize("raw,why", [
    (b"{not json\n", "not JSON"),
    (b"[1, 2]\n", "not a JSON object"),
    (line(id="x"), "no text"),
    (line(text="   "), "no text"),
    (line(text=TEXT, published="last week"), "not a date"),
])
def test_a_bad_line_is_a_bad_record_naming_file_line_and_reason(raw, why):
    (got,) = records(line(text=TEXT)[:0] + raw)
    assert isinstance(got, BadRecord) and why in got.reason
    assert str(got).startswith("a.jsonl:1: bad record, skipped")


def test_gzip_archives_and_a_truncated_stream():
    data = gzip.compress(line(id="a", text=TEXT) + line(id="b", text=TEXT + " More."))
    assert [r.doc_id for r in records(data)] == ["a", "b"]
    cut = records(data[: len(data) // 2])
    assert isinstance(cut[-1], BadRecord) and "gzip" in cut[-1].reason


def test_field_names_are_configurable():
    fields = ArchiveFields.parse(["text=body", "id=guid", "published=date"])
    (got,) = records(line(guid=7, body=TEXT, date="2024-02-01"), fields=fields)
    assert (got.doc_id, got.published) == ("7", date(2024, 2, 1))
    with pytest.raises(InputError, match="NAME=KEY"):
        ArchiveFields.parse(["body"])
    with pytest.raises(InputError, match="NAME=KEY"):
        ArchiveFields.parse(["author=by"])


def test_archives_in_a_folder_build_documents_and_count_bad_lines(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    first = line(id="one", title="A title", url="https://example.org/1",
                 published="2024-01-07", text=TEXT)
    (folder / "a.jsonl").write_bytes(
        first
        + b"garbage\n"
        + line(text="KYIV, March 3 - The army said shelling hit the city on Monday.")
        + line(id="one", text=TEXT + " Updated."))  # the same id, other content
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(first))  # a copy
    (folder / "c.txt").write_text("PARIS, May 2 - Police arrested a man on Friday.\n")
    sources = expand_sources([str(folder)])
    assert count_documents(sources) == 6
    report = BuildReport()
    docs = list(read_sources(sources, report, published=date(2020, 1, 1)))
    ids = [d.doc_id for d in docs]
    assert ids[0] == "one" and ids[1] == "a-3" and ids[2].startswith("one-") and ids[3] == "c"
    first = docs[0]
    assert (first.title, first.url, first.published) == ("A title", "https://example.org/1",
                                                         date(2024, 1, 7))
    assert docs[1].published == date(2020, 1, 1)  # no date in the record: --published
    assert report.bad_records == 1 and report.skipped == 2 and report.failed == 0
    assert any("a.jsonl:2: bad record" in w for w in report.warnings)
    assert any("same content as" in w and "b.jsonl.gz:1" in w for w in report.warnings)


def test_the_content_hash_covers_the_title_and_date():
    a = ArchiveRecord(name="x:1", doc_id="d", text=TEXT, title="One")
    b = ArchiveRecord(name="x:1", doc_id="d", text=TEXT, title="Two")
    assert a.sha256 != b.sha256
