"""A long document's build into an on-disk store, stopped half-way, resumes after the
parts it stored instead of starting again (kg/store/resume.py); the graph it ends with
is the graph of a build that was never stopped."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_parts import PARAGRAPH, big_text

import kg.build
from kg.build import BuildOptions, build_into
from kg.ingest.parts import part_bounds
from kg.ingest.sources import expand_sources
from kg.rdf.iri import slug
from kg.store import open_store
from kg.store.resume import PARTS_FILE, PartsDone, parts_done, record_parts

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = BuildOptions(part_chars=3_000)


def _text() -> str:
    # about 20,000 characters: 8 parts of 3,000 (the size of a part matters not here, the
    # number of parts does, and every stopped build parses the text again)
    return (PARAGRAPH * 4 + "\n") * 24


def _quads(store) -> set:
    return set(store.quads_for_pattern(None, None, None, None))


class _Stop(BaseException):
    """What a kill does to a build: it stops between two statements."""


def _watch_parts(monkeypatch, *, stop_at: int | None = None) -> list[int]:
    """The parts each build extracts; ``stop_at``: the build stops when it reaches it."""
    seen: list[int] = []
    stopped: list[bool] = []
    finish = kg.build.DocumentBuilder.finish

    def watched(self, document, parsed):
        if document.part == stop_at and not stopped:
            stopped.append(True)
            seen.append(document.part)
            raise _Stop
        seen.append(document.part)
        return finish(self, document, parsed)

    monkeypatch.setattr(kg.build.DocumentBuilder, "finish", watched)
    return seen


def _build(folder: Path, path: Path, *, options: BuildOptions = OPTIONS):
    store = open_store(folder)
    try:
        report = build_into(store, expand_sources([str(path)]), options=options,
                            store_dir=folder)
        return report, _quads(store)
    finally:
        del store
        gc.collect()  # the store's lock goes with it


def test_a_stopped_build_resumes_after_the_parts_it_stored(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text(_text())
    straight = tmp_path / "straight"
    _, whole = _build(straight, path)
    assert not (straight / PARTS_FILE).exists()  # a finished build leaves no record

    folder = tmp_path / "store"
    seen = _watch_parts(monkeypatch, stop_at=4)
    with pytest.raises(_Stop):
        _build(folder, path)
    gc.collect()
    assert seen == [0, 1, 2, 3, 4]
    record = json.loads((folder / PARTS_FILE).read_text())
    assert record[slug("long")]["done"] == 4  # parts 0-3 are in the store

    seen.clear()
    report, quads = _build(folder, path)
    parts = len(part_bounds(_text(), OPTIONS.part_chars))
    assert parts >= 6
    assert seen == list(range(4, parts))  # parts 0-3 are not built again
    assert any("resuming a build that was stopped: parts 1-4 of" in w for w in report.warnings)
    assert report.built == 1 and not report.errors
    assert quads == whole
    assert not (folder / PARTS_FILE).exists()


def _stopped(monkeypatch, folder: Path, path: Path, **kw) -> None:
    """A build of ``path`` into ``folder`` that stops at its fourth part."""
    _watch_parts(monkeypatch, stop_at=3)
    with pytest.raises(_Stop):
        _build(folder, path, **kw)
    monkeypatch.undo()


def test_a_changed_file_rules_or_a_rebuild_start_from_the_first_part(tmp_path, monkeypatch):
    import kg.resources

    path = tmp_path / "long.txt"
    path.write_text(_text())
    folder = tmp_path / "store"
    rebuild = BuildOptions(part_chars=3_000, rebuild=True)

    _stopped(monkeypatch, folder, path)
    seen = _watch_parts(monkeypatch)
    _build(folder, path, options=rebuild)
    assert seen[0] == 0  # --rebuild: everything again
    monkeypatch.undo()

    _stopped(monkeypatch, folder, path, options=rebuild)
    seen = _watch_parts(monkeypatch)  # kg's code or rules changed (same version number)
    monkeypatch.setattr(kg.resources, "build_digest", lambda: "0123456789ab")
    _build(folder, path)
    assert seen[0] == 0
    monkeypatch.undo()

    _stopped(monkeypatch, folder, path, options=rebuild)
    path.write_text(_text().replace("Ndola", "Kabwe"))  # another text: another hash
    seen = _watch_parts(monkeypatch)
    report, quads = _build(folder, path)
    assert seen[0] == 0 and not any("resuming" in w for w in report.warnings)
    assert not any("Ndola" in str(q.object) for q in quads)


def test_a_record_counts_only_for_the_same_text_and_the_same_way_of_building(tmp_path):
    record_parts(tmp_path, "doc", PartsDone(sha256="abc", stamp="kg 1; model; 300000", done=3))
    assert parts_done(tmp_path, "doc", sha256="abc", stamp="kg 1; model; 300000") == 3
    assert parts_done(tmp_path, "doc", sha256="abd", stamp="kg 1; model; 300000") == 0
    assert parts_done(tmp_path, "doc", sha256="abc", stamp="kg 2; model; 300000") == 0
    assert parts_done(tmp_path, "other", sha256="abc", stamp="kg 1; model; 300000") == 0
    (tmp_path / PARTS_FILE).write_text("{not json")
    assert parts_done(tmp_path, "doc", sha256="abc", stamp="kg 1; model; 300000") == 0
    (tmp_path / PARTS_FILE).write_text(json.dumps({"doc": {"done": "3"}}))
    assert parts_done(tmp_path, "doc", sha256="abc", stamp="kg 1; model; 300000") == 0
    record_parts(tmp_path, "doc", None)
    assert not (tmp_path / PARTS_FILE).exists()


def _kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def test_a_build_killed_with_sigkill_resumes_to_the_same_graph(tmp_path):
    """The real thing: ``kg build --store`` killed (SIGKILL) after it stored a part of a
    file over the default part size, then run again; compared with a build never killed."""
    path = tmp_path / "long.txt"
    path.write_text(big_text(1_500_000))  # 5 parts of 300,000 characters
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    folder = tmp_path / "store"
    proc = subprocess.Popen(_kg("build", str(path), "--store", str(folder)), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    record = folder / PARTS_FILE
    try:
        while proc.poll() is None and not record.exists():
            time.sleep(0.05)
        assert proc.poll() is None, "the build ended before it stored its first part"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    done = json.loads(record.read_text())[slug("long")]["done"]
    assert 1 <= done < 5
    again = subprocess.run(_kg("build", str(path), "--store", str(folder)), env=env,
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"resuming a build that was stopped: parts 1-{done} of 5" in again.stderr
    assert not record.exists()
    straight = tmp_path / "straight"
    subprocess.run(_kg("build", str(path), "--store", str(straight)), env=env, check=True,
                   capture_output=True)
    for name, out in (("killed", folder), ("straight", straight)):
        subprocess.run(_kg("export", "--store", str(out), "-o", str(tmp_path / f"{name}.nq")),
                       env=env, check=True, capture_output=True)
    killed = sorted((tmp_path / "killed.nq").read_text().splitlines())
    assert killed == sorted((tmp_path / "straight.nq").read_text().splitlines())
