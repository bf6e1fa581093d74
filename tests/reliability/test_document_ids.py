"""Document ids never collide silently (issue 17, item 2): ids come from the path relative
to the argument, keep letters of any script, and a file never replaces another file's graph
in a store."""

from __future__ import annotations

import re
import subprocess
import sys

from pyoxigraph import Store

from kg.build import BuildReport, read_sources
from kg.ingest.sources import expand_sources
from kg.rdf.vocab import DCT, NIF

KG = [sys.executable, "-m", "kg"]
TEXT_A = "Police detained 25 protesters in Varn on Sunday, the ministry said.\n"
TEXT_B = "Soldiers were deployed to Ostrava on Monday, the army said.\n"


def ids(tmp_path, *args) -> list[str]:
    report = BuildReport()
    got = [d.doc_id for d in read_sources(expand_sources([str(tmp_path / a) for a in args]),
                                          report)]
    assert not report.errors, report.errors
    return got


def test_same_name_in_two_subfolders_of_the_argument(tmp_path):
    for sub, text in (("a", TEXT_A), ("b", TEXT_B)):
        (tmp_path / "news" / sub).mkdir(parents=True)
        (tmp_path / "news" / sub / "report.txt").write_text(text)
    assert ids(tmp_path, "news") == ["a-report", "b-report"]


def test_same_name_given_twice_gets_the_content_hash(tmp_path):
    for sub, text in (("a", TEXT_A), ("b", TEXT_B)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(text)
    got = ids(tmp_path, "a/report.txt", "b/report.txt")
    assert len(set(got)) == 2
    assert all(re.fullmatch(r"report-[0-9a-f]{12}", g) for g in got), got
    assert ids(tmp_path, "b/report.txt", "a/report.txt") == got[::-1]  # order-independent


def test_names_that_differ_only_in_case_do_not_share_a_graph(tmp_path):
    """Graph IRIs are case-folded, so "Report" and "report" would name one graph."""
    (tmp_path / "Report.txt").write_text(TEXT_A)
    (tmp_path / "report.txt").write_text(TEXT_B)
    got = ids(tmp_path, "Report.txt", "report.txt")
    assert got[0].startswith("Report-") and got[1].startswith("report-")
    assert got[0].lower() != got[1].lower()


def test_non_ascii_names_keep_their_letters(tmp_path):
    (tmp_path / "名前.txt").write_text(TEXT_A)
    (tmp_path / "日本.txt").write_text(TEXT_B)
    (tmp_path / "🙂.txt").write_text(TEXT_A + "More.\n")
    (tmp_path / "😀.txt").write_text(TEXT_B + "More.\n")
    got = ids(tmp_path, "名前.txt", "日本.txt", "🙂.txt", "😀.txt")
    assert got[:2] == ["名前", "日本"]
    assert len(set(got)) == 4
    assert all(re.fullmatch(r"document-[0-9a-f]{12}", g) for g in got[2:]), got


def stored_texts(store_dir) -> dict[str, str]:
    store = Store.read_only(str(store_dir))
    try:
        out = {}
        for q in store.quads_for_pattern(None, DCT.identifier, None, None):
            text = next(store.quads_for_pattern(
                q.subject, NIF.isString, None, None))
            out[q.object.value] = text.object.value
        return out
    finally:
        del store


def test_a_file_never_replaces_another_files_graph_in_a_store(tmp_path):
    for sub, text in (("a", TEXT_A), ("b", TEXT_B)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(text)
    store = tmp_path / "S"
    first = subprocess.run([*KG, "build", str(tmp_path / "a" / "report.txt"), "--store",
                            str(store)], capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([*KG, "build", str(tmp_path / "b" / "report.txt"), "--store",
                             str(store)], capture_output=True, text=True, timeout=300)
    assert second.returncode == 1, second.stderr
    assert "document id 'report' is already in the store" in second.stderr
    assert str((tmp_path / "a" / "report.txt").resolve()) in second.stderr
    assert "Traceback" not in second.stderr
    assert stored_texts(store) == {"report": TEXT_A}
    # the same file edited is still rebuilt in place
    (tmp_path / "a" / "report.txt").write_text(TEXT_A + "They were released on Monday.\n")
    third = subprocess.run([*KG, "build", str(tmp_path / "a" / "report.txt"), "--store",
                            str(store)], capture_output=True, text=True, timeout=300)
    assert third.returncode == 0, third.stderr
    assert stored_texts(store)["report"].endswith("released on Monday.\n")


def test_after_kg_drop_the_id_is_free_for_the_other_file(tmp_path):
    for sub, text in (("a", TEXT_A), ("b", TEXT_B)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(text)
    store = str(tmp_path / "S")
    assert subprocess.run([*KG, "build", str(tmp_path / "a" / "report.txt"), "--store", store],
                          capture_output=True, timeout=300).returncode == 0
    dropped = subprocess.run([*KG, "drop", "report", "--store", store], capture_output=True,
                             text=True, timeout=120)
    assert dropped.returncode == 0, dropped.stderr
    again = subprocess.run([*KG, "build", str(tmp_path / "b" / "report.txt"), "--store", store],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "already in the store" not in again.stderr, again.stderr
    assert stored_texts(tmp_path / "S") == {"report": TEXT_B}
