"""One `kg build` over a folder of good and bad files, through the real CLI.

Every good file builds, every bad one gets one line naming it and the reason,
the summary counts built, skipped and failed documents, and the exit status
is 1 because some files failed.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pyoxigraph import Store

from kg.formats import GraphFormat
from kg.store import load_graph_file

KG = [sys.executable, "-m", "kg"]
GOOD = "Rebels Seize Port\nRebels seized the port of Xam on Monday, officials in Dorvan said.\n"
GERMAN = ("Die Regierung hat am Montag angekündigt, dass die Truppen in der Hauptstadt bleiben "
          "werden. Nach Angaben des Ministeriums wurden mehr als hundert Menschen festgenommen, "
          "als Demonstranten vor dem Rathaus gegen die steigenden Preise protestierten.\n")
PAGE = ("<!doctype html><html><head><title>Storm</title><script>var x = 1;</script></head>"
        "<body><h1>Storm Hits Varn</h1><p>The storm hit the coast of Varn on Tuesday, and "
        "Governor Lena Holm sent &amp; boats.</p><p>Rescuers said 20 people were missing.</p>"
        "</body></html>")
LONG_LINE = " ".join(f"Mayor Tomas Dalby of Kessel said {n} families had left." for n in range(80))

# file name -> (bytes, expected line fragments or None for a clean build)
FILES: dict[str, bytes] = {
    "good.txt": GOOD.encode(),
    "empty.txt": b"",
    "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00binary",
    "latin1.txt": "Café Owners Protest\nThe café owners of Varn protested.\n".encode("latin-1"),
    "utf16.txt": "Bridge Reopens\r\nThe bridge over the Lorr reopened on Sunday.\r\n"
                 .encode("utf-16"),
    "crlf.txt": b"Curfew Lifted\r\nOfficials in Tarsk lifted the curfew on Friday.\r\n",
    "page.html": PAGE.encode(),
    "german.txt": GERMAN.encode(),
    "good2.txt": GOOD.encode(),  # sorts after good.txt: the copy
    "baddate.txt": b"Strike Called\n12:00 GMT 31.02.2022\nDockers in Belmont went on strike.\n",
    "longline.txt": LONG_LINE.encode(),
}
BUILT = ["good", "latin1", "utf16", "crlf", "page", "german", "baddate", "longline"]


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    (folder / "unreadable.txt").symlink_to(folder / "deleted-by-the-crawler.txt")
    out = folder.parent / (folder.name + "-graph.nq")
    res = subprocess.run([*KG, "build", str(folder), "-o", str(out)], capture_output=True,
                         text=True, timeout=300)
    return folder, out, res


def line_about(res, name: str) -> str:
    lines = [ln for ln in res.stderr.splitlines() if f"{os.sep}{name}:" in ln]
    assert len(lines) == 1, f"expected one line about {name}, got {lines}\n{res.stderr}"
    return lines[0]


def test_exit_status_and_summary(mixed_build):
    _, out, res = mixed_build
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    summary = res.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"{len(BUILT)} documents built, 1 skipped, 3 failed;"), summary
    assert str(out) in summary


@pytest.mark.parametrize("name,kind,reason", [
    ("empty.txt", "error", "empty file"),
    ("binary.txt", "error", "binary file"),
    ("latin1.txt", "warning", "not UTF-8: decoded as cp1252"),
    ("unreadable.txt", "error", "cannot read file"),
    ("good2.txt", "warning", "same content as"),
    ("baddate.txt", "warning", "impossible update stamp '12:00 GMT 31.02.2022'"),
    ("german.txt", "warning", "does not look like English"),
    ("page.html", "warning", "HTML page"),
])
def test_each_bad_file_gets_one_line_naming_it(mixed_build, name, kind, reason):
    _, _, res = mixed_build
    line = line_about(res, name)
    assert line.startswith(f"{kind}: ")
    assert reason in line


@pytest.mark.parametrize("name", ["good.txt", "utf16.txt", "crlf.txt", "longline.txt"])
def test_clean_files_get_no_line(mixed_build, name):
    _, _, res = mixed_build
    assert f"{os.sep}{name}:" not in res.stderr


def test_every_good_file_is_in_the_graph_with_honest_offsets(mixed_build):
    _, out, _ = mixed_build
    store = load_graph_file(out, fmt=GraphFormat.NQ)
    texts = {
        str(row["id"].value): row["text"].value for row in store.query(
            "PREFIX dct: <http://purl.org/dc/terms/> "
            "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
            "SELECT ?id ?text WHERE { GRAPH ?g { ?d dct:identifier ?id ; nif:isString ?text } }")
    }
    # the duplicate is skipped in favour of the first file in sorted order
    assert sorted(texts) == sorted(BUILT)
    assert texts["utf16"] == "Bridge Reopens\r\nThe bridge over the Lorr reopened on Sunday.\r\n"
    assert texts["page"].startswith("Storm Hits Varn\nThe storm hit the coast of Varn")
    assert_offsets_slice_back(store, texts)


def assert_offsets_slice_back(store: Store, texts: dict[str, str]) -> None:
    rows = list(store.query(
        "PREFIX dct: <http://purl.org/dc/terms/> "
        "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
        "SELECT ?id ?b ?e ?a WHERE { GRAPH ?g { ?s nif:referenceContext ?d ; "
        "nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a . ?d dct:identifier ?id } }"))
    assert len(rows) > 20
    for row in rows:
        text = texts[row["id"].value]
        assert text[int(row["b"].value):int(row["e"].value)] == row["a"].value


def test_nothing_built_keeps_the_previous_output(tmp_path):
    previous = b"<http://example.org/s> <http://example.org/p> \"kept\" .\n"
    out = tmp_path / "graph.nt"
    out.write_bytes(previous)
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01")
    res = subprocess.run([*KG, "build", str(bad), "-o", str(out)], capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 1
    assert out.read_bytes() == previous
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("0 documents built, 0 skipped, 2 failed;")
    assert f"nothing built, so {out} was left unchanged" in last


def test_empty_folder_is_an_error_not_an_empty_graph(tmp_path):
    out = tmp_path / "graph.nt"
    res = subprocess.run([*KG, "build", str(tmp_path), "-o", str(out)], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 2
    assert "no text or HTML file" in res.stderr and str(tmp_path) in res.stderr
    assert not out.exists()


def test_long_units_are_parsed_in_pieces_with_offsets_into_the_file(tmp_path, monkeypatch, nlp):
    """A forced small limit stands in for spaCy's max_length on a 50 MB line."""
    import kg.nlp.pipeline
    from kg.build import BuildOptions, build_into
    from kg.ingest.sources import expand_sources

    monkeypatch.setattr(kg.nlp.pipeline, "build_nlp", lambda *a, **kw: nlp)  # load it once

    path = tmp_path / "longline.txt"
    path.write_text(LONG_LINE + " Governor Lena Holm arrived in Varn.", encoding="utf-8")
    store = Store()
    report = build_into(store, expand_sources([str(path)]),
                        options=BuildOptions(max_chars=500))
    assert report.built == 1 and report.units == 1
    assert any("parsed in" in w and "pieces of at most 500 characters" in w
               for w in report.warnings)
    text = path.read_text(encoding="utf-8")
    assert_offsets_slice_back(store, {"longline": text})
    ends = [int(r["e"].value) for r in store.query(
        "PREFIX kg: <https://w3id.org/kg-news/ns#> "
        "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
        "SELECT ?e WHERE { GRAPH ?g { ?m kg:mentionOf ?x ; nif:endIndex ?e } }")]
    assert max(ends) > len(text) - 40  # mentions found in the last piece, at file offsets
    updates = list(store.query("PREFIX kg: <https://w3id.org/kg-news/ns#> "
                               "SELECT ?u WHERE { GRAPH ?g { ?u a kg:Update } }"))
    assert len(updates) == 1  # pieces are not updates
