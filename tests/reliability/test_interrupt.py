"""Kill a real `kg build` mid-way: the previous output file and store survive.

A build writes its graph file through a temporary file and a rename, so
Ctrl-C, SIGTERM and even SIGKILL leave the previous file byte for byte.
Ctrl-C and SIGTERM also end with one clear line and exit 130 / 143.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, serialize

KG = [sys.executable, "-m", "kg"]
NAMES = ["Olaf Brandt", "Ilse Varga", "Marta Holm", "Piet Kessler", "Vera Novak"]
TOWNS = ["Kessel", "Varn", "Lorr", "Belmont", "Tarsk"]
# Ctrl-C and SIGTERM land once the build has loaded the model and is parsing (this many
# CPU seconds; the whole build takes about 15 s). SIGKILL lands as soon as the build has
# committed documents into the store (a new numbered table file appears), to prove the
# store still opens after a hard kill in the middle of writing; else at twice the time.
KILL_AFTER_CPU = 4.0
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGKILL)


def write_corpus(folder: Path, n: int, tag: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines = [f"Floods Reach {TOWNS[i % 5]} {tag} {i}"]
        for j in range(5):
            lines.append(f"{NAMES[(i + j) % 5]}, the mayor of {TOWNS[(i * j) % 5]}, said on "
                         f"Monday that {i + j + 2} people had been moved to shelters.")
        (folder / f"{tag}{i:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def store_quads(store_dir: Path) -> set[str]:
    """Every quad of an on-disk store, opened read-only as `kg query --store` does."""
    store = Store.read_only(str(store_dir))
    try:
        return {str(q) for q in store}
    finally:
        del store


@dataclass
class Killed:
    work: Path
    returncode: int
    stderr: str


@pytest.fixture(scope="module")
def killed_builds(tmp_path_factory):
    """A previous graph file and store, then three builds of a big corpus over them."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to see how far a build got")
    root = tmp_path_factory.mktemp("interrupt")
    write_corpus(root / "big", 300, "new")
    # The previous output: any graph file and store will do; these are made without spaCy.
    out, store = root / "graph.nq", root / "store"
    ex = "https://w3id.org/kg-news/data/"
    quads = [Quad(NamedNode(f"{ex}doc/old{i}"), NamedNode("http://purl.org/dc/terms/title"),
                  Literal(f"Old document {i}"), NamedNode(f"{ex}graph/old{i}")) for i in range(50)]
    previous = Store(str(store))
    previous.extend(quads)
    previous.flush()
    del previous
    out.write_bytes(serialize(quads, format=RdfFormat.N_QUADS))

    procs = {}
    for sig in SIGNALS:
        work = root / sig.name
        work.mkdir()
        shutil.copy(out, work / "graph.nq")
        shutil.copytree(store, work / "store")
        tables = {p.name for p in (work / "store").iterdir()}
        procs[sig] = (work, tables, subprocess.Popen(
            [*KG, "build", str(root / "big"), "-o", str(work / "graph.nq"), "--store",
             str(work / "store"), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True))
    try:
        deadline = time.monotonic() + 240
        pending = dict(procs)
        while pending and time.monotonic() < deadline:
            for sig, (work, tables, proc) in list(pending.items()):
                assert proc.poll() is None, (f"the build finished before it was killed "
                                             f"({sig.name}): make the corpus bigger")
                # bulk-*.sst are being written; numbered tables are committed data
                written = any(p.suffix == ".sst" and p.name[0].isdigit()
                              and p.name not in tables for p in (work / "store").iterdir())
                cpu = cpu_seconds(proc.pid)
                if (sig is signal.SIGKILL and (written or cpu >= 2 * KILL_AFTER_CPU)) or (
                        sig is not signal.SIGKILL and cpu >= KILL_AFTER_CPU):
                    proc.send_signal(sig)
                    del pending[sig]
            time.sleep(0.05)
        assert not pending, "the builds never got far enough to be killed"
        runs = {}
        for sig, (work, _, proc) in procs.items():
            _, stderr = proc.communicate(timeout=60)
            runs[sig] = Killed(work, proc.returncode, stderr)
    finally:
        for _, _, proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return out.read_bytes(), store_quads(store), runs


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_previous_graph_file_is_byte_identical(killed_builds, sig):
    old_bytes, _, runs = killed_builds
    assert (runs[sig].work / "graph.nq").read_bytes() == old_bytes


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)
def test_interruption_is_one_clear_line_and_exit_code(killed_builds, sig):
    _, _, runs = killed_builds
    run = runs[sig]
    assert run.returncode == 128 + sig, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    what = "interrupted by Ctrl-C" if sig is signal.SIGINT else "stopped by signal SIGTERM"
    assert lines[0].startswith(f"error: {what}; ")
    assert "graph.nq was not written and keeps its previous content" in lines[0]
    assert [p.name for p in run.work.iterdir() if p.name.endswith(".tmp")] == []


def test_sigkill_is_a_kill(killed_builds):
    _, _, runs = killed_builds
    assert runs[signal.SIGKILL].returncode == -signal.SIGKILL


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_store_opens_and_keeps_every_previous_quad(killed_builds, sig):
    _, old_quads, runs = killed_builds
    assert old_quads
    assert old_quads <= store_quads(runs[sig].work / "store")


KILL_DURING_WRITE = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from kg.store import write_atomic

    def slow(fh):
        for i in range(10_000):
            fh.write(b"<http://example.org/s> <http://example.org/p> \\"%d\\" .\\n" % i)
            fh.flush()
            time.sleep(0.01)

    write_atomic(Path(sys.argv[1]), slow)
""")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_killed_while_writing_the_file(tmp_path, sig):
    """The kill lands while the new file is half written: the old one stays whole."""
    out = tmp_path / "graph.nt"
    old = b"<http://example.org/s> <http://example.org/p> \"old\" .\n"
    out.write_bytes(old)
    proc = subprocess.Popen([sys.executable, "-c", KILL_DURING_WRITE, str(out)],
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        if temps and temps[0].stat().st_size > 1000:
            break
        time.sleep(0.02)
    else:
        pytest.fail("the writer never started")
    proc.send_signal(sig)
    proc.communicate(timeout=30)
    assert proc.returncode != 0
    assert out.read_bytes() == old
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    if sig is signal.SIGINT:
        assert left == []  # the temporary file is removed on the way out
    else:
        # SIGTERM and SIGKILL end the process without Python unwinding (this script has no
        # handler; `kg build` does): a stray temporary file may remain, never a broken output.
        assert all(p.name.startswith(".graph.nt.") for p in left)
