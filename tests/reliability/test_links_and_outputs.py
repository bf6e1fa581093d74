"""Symbolic links in input folders (issue 17, item 3) and how output files are written
(item 5): loops are one error line, links out of the folder are not followed unless asked,
outputs keep modes and write through devices, links and standard output."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from kg.build import BuildReport, read_sources
from kg.formats import GraphFormat
from kg.ingest.sources import expand_sources
from kg.store import export_store, load_graph_file

KG = [sys.executable, "-m", "kg"]
TEXT = "Police detained 25 protesters in Varn on Sunday, the ministry said.\n"


def folder_with_links(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "good.txt").write_text(TEXT)
    (news / "loop.txt").symlink_to(news / "loop.txt")
    (news / "spin").symlink_to(news / "spin")  # a looping link without a text suffix
    secret = tmp_path / "outside.txt"
    secret.write_text("Outside text that must not be read: the ministry said nothing.\n")
    (news / "escape.txt").symlink_to(secret)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "far.txt").write_text(TEXT + "Far away.\n")
    (news / "far").symlink_to(tmp_path / "elsewhere")
    (news / "inside.txt").symlink_to(news / "good.txt")  # same file: read once
    return news


def test_link_loops_and_links_out_of_the_folder(tmp_path):
    news = folder_with_links(tmp_path)
    sources = expand_sources([str(news)])
    report = BuildReport()
    docs = list(read_sources(sources, report))
    assert [d.doc_id for d in docs] == ["good"]
    assert [e.split(":")[0] for e in report.errors] == [str(news / "loop.txt"),
                                                        str(news / "spin")]
    assert all("symbolic link loop" in e for e in report.errors)
    assert report.skipped == 2
    assert any("escape.txt: not followed" in w and "--follow-links" in w
               for w in report.warnings)
    assert any(w.startswith(f"{news / 'far'}: not followed") for w in report.warnings)


def test_follow_links_reads_them(tmp_path):
    news = folder_with_links(tmp_path)
    report = BuildReport()
    docs = list(read_sources(expand_sources([str(news)], follow_links=True), report))
    assert sorted(d.doc_id for d in docs) == ["escape", "far-far", "good"]
    assert len(report.errors) == 2 and all("loop" in e for e in report.errors)


def test_cli_build_over_a_loop_builds_the_rest(tmp_path):
    news = folder_with_links(tmp_path)
    res = subprocess.run([*KG, "build", str(news), "-o", str(tmp_path / "g.nq")],
                         capture_output=True, text=True, timeout=300)
    assert "Traceback" not in res.stderr and res.returncode == 1, res.stderr
    assert "1 documents built, 2 skipped, 2 failed" in res.stderr
    assert [ln for ln in res.stderr.splitlines() if "link loop" in ln] == [
        f"error: {news / name}: cannot read: it is a symbolic link loop (skipped; fix or "
        "remove the link)" for name in ("loop.txt", "spin")]
    assert b"must not be read" not in (tmp_path / "g.nq").read_bytes()


def test_a_folder_says_which_files_it_skips(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "notes.md").write_text("# Notes\n")
    (tmp_path / "README").write_text("read me\n")
    (tmp_path / "gold.yaml").write_text("x: 1\n")  # data, not an article: not listed
    sources = expand_sources([str(tmp_path)])
    assert [s.rel for s in sources] == ["a.txt"]
    assert sources.warnings == [f"{tmp_path}: 2 file(s) skipped, kg reads only .txt, .text, "
                                ".html, .htm, .jsonl, .jsonl.gz, .ndjson, .ndjson.gz in a "
                                "folder: README, notes.md (name them so, or "
                                "give them as arguments)"]


# -- outputs ------------------------------------------------------------------------------
@pytest.fixture
def small_store():
    from pyoxigraph import Literal, NamedNode, Quad, Store

    store = Store()
    store.add(Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"),
                   Literal("o"), NamedNode("http://example.org/g")))
    return store


def test_new_output_follows_the_umask(tmp_path, small_store):
    old = os.umask(0o022)
    try:
        export_store(small_store, tmp_path / "new.nq", GraphFormat.NQ)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.nq").stat().st_mode) == 0o644


def test_existing_output_keeps_its_mode(tmp_path, small_store):
    target = tmp_path / "old.nq"
    target.write_text("")
    target.chmod(0o640)
    export_store(small_store, target, GraphFormat.NQ)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert len(load_graph_file(target)) == 1


def test_a_symlinked_output_is_written_through(tmp_path, small_store):
    real = tmp_path / "real.nq"
    real.write_text("")
    link = tmp_path / "link.nq"
    link.symlink_to(real)
    export_store(small_store, link, GraphFormat.NQ)
    assert link.is_symlink() and len(load_graph_file(real)) == 1


def test_dev_stdout_and_dash_are_written_through(tmp_path, seed_build):
    """/dev/stdout is a link to /proc/self/fd/1: a link of our own to the same place stands
    in for it (the old code renamed a regular file over the link it was given)."""
    graph, _ = seed_build
    stdout_link = tmp_path / "stdout.nt"
    stdout_link.symlink_to("/proc/self/fd/1")
    for target in (str(stdout_link), "-"):
        res = subprocess.run([*KG, "export", "--graph", str(graph), "-o", target, "--format",
                              "nt"], capture_output=True, timeout=120)
        assert res.returncode == 0, res.stderr
        assert res.stdout.count(b"\n") > 1000 and b"<https://" in res.stdout
    assert stdout_link.is_symlink()


def test_a_device_output_is_written_through_not_replaced(small_store):
    """A terminal device of our own (never a shared one such as /dev/null: the old code
    renamed a regular file over its target)."""
    from pathlib import Path

    master, slave = os.openpty()
    try:
        name = os.ttyname(slave)
        export_store(small_store, Path(name), GraphFormat.NQ)
        assert stat.S_ISCHR(os.stat(name).st_mode)
        os.set_blocking(master, False)
        assert b"http://example.org/s" in os.read(master, 65536)
    finally:
        os.close(master)
        os.close(slave)
