"""Peak memory of `kg build` on huge inputs (issue 17): the promise is at most 1.5 GB.

    python bench/bigfiles.py                        # every case below
    python bench/bigfiles.py --only one-line-10MB --only one-line-20MB
    python bench/bigfiles.py --timeout 1800         # stop a case after 30 min
    python bench/bigfiles.py --smoke                # tiny, for `make test`: checks it runs

Each case is one `kg build FILE -o out.nq` (or `--store DIR`) process, its peak RSS
read from ``os.wait4`` (the kernel's maximum resident set of that process), and its
RSS sampled every few seconds, so a flat line shows even when a case is stopped by
``--timeout`` before it ends (reported as exit "timeout", with the peak so far). The
texts are news sentences from the benchmark generator (bench/generate.py), so they
parse like news: one line of 10, 20 and 50 MB (no line break at all: the 10 and 20 MB
runs show the memory does not grow with the length) and a 200 MB file of ordinary
lines. Results: a Markdown table on stdout and in bench/results/bigfiles-<stamp>.md.

    python bench/bigfiles.py --phase read --only lines-200MB --only lines-600MB

``--phase read`` / ``--phase store`` measure one phase of the build alone, before and
after the streamed reader and the text stored in pieces (bench/phases.py: reading
hashes, decodes, cuts into parts and reads the cues but parses nothing; storing puts the
whole text into a fresh store), each in its own process, peak RSS from ``os.wait4``. A
whole build of the 600 MB file would take about ten hours; its phases take minutes.

    python bench/bigfiles.py --phase read --stdin --only lines-200MB
    python bench/bigfiles.py --phase read --stdin --only lines-200MB --code /tmp/kg-main

``--stdin`` gives the file to the read phase on standard input, as ``kg build - < FILE``
reads it (over 256 MiB with ``--max-size 0``, which ``kg build -`` needs for it);
``--archive`` gives it as one JSON Lines record instead (``FILE.jsonl``: ``{"id",
"title", "text": the file's text}`` on one line), as ``kg build FILE.jsonl`` reads it;
``--code DIR`` measures the kg code of another checkout (``PYTHONPATH=DIR``: an export of
main, for the figures before a change) with this checkout's harness.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

BUDGET_MB = 1536


def sample_text(corpus: Path, words: int = 200_000) -> str:
    """Generated news (200k words: about 1.3 MB), as one line."""
    generate(words, corpus, seed=17)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    return " ".join(" ".join(t.split()) for t in texts)


def write_file(path: Path, text: str, size: int, *, one_line: bool) -> Path:
    """``size`` bytes of ``text`` repeated: one line, or its sentences one per line."""
    if path.is_file() and path.stat().st_size == size:
        return path
    block = text if one_line else text.replace(". ", ".\n")
    block = (block + ("\n" if not one_line else " ")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        left = size - 1
        while left > 0:
            piece = block[:left]
            fh.write(piece)
            left -= len(piece)
        fh.write(b"\n")
    return path


def measure(path: Path, out: Path, *extra: str, timeout: float | None = None,
            every: float = 5.0) -> dict:
    """Run one `kg build`; wall time, exit status, peak RSS, RSS samples, last stderr."""
    import shutil
    import signal
    import tempfile
    import threading

    kg = Path(sys.executable).parent / "kg"
    target = ["-o", str(out)] if "--store" not in extra else []
    if "--store" in extra:
        shutil.rmtree(extra[extra.index("--store") + 1], ignore_errors=True)
    cmd = [str(kg), "build", str(path), *target, "-q", *extra]
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        samples: list[tuple[float, int]] = []
        done = threading.Event()

        def sample() -> None:
            while not done.wait(every):
                try:
                    with open(f"/proc/{proc.pid}/status", encoding="ascii") as fh:
                        rss = next(int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS"))
                except (OSError, StopIteration, ValueError):
                    continue
                samples.append((round(time.perf_counter() - t0), rss // 1024))

        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if timeout is not None and time.perf_counter() - t0 > timeout:
                proc.send_signal(signal.SIGTERM)  # kg removes its temporary store
                timed_out = True
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.5)
        done.set()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    return {"file": path.name, "bytes": path.stat().st_size, "args": list(extra),
            "exit": "timeout" if timed_out else proc.returncode,
            "seconds": round(time.perf_counter() - t0, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024), "rss_samples": samples,
            "stderr": lines[-3:]}


def _quarters(samples: list[tuple[float, int]]) -> str:
    """The RSS (MB) at a quarter, half, three quarters and the end of a run."""
    if not samples:
        return "-"
    n = len(samples)
    picks = [samples[min(n - 1, max(0, round(n * q) - 1))][1] for q in (0.25, 0.5, 0.75, 1)]
    return " / ".join(f"{p:,}" for p in picks)


def _said(lines: list[str]) -> str:
    """The error line if there is one, else the summary, shortened for the table."""
    said = next((ln for ln in lines if ln.startswith("error:")), lines[-1] if lines else "")
    return said[:200].replace("|", "/")


CASES = {  # name: (bytes, one line)
    "one-line-10MB": (10 * 10**6, True),
    "one-line-20MB": (20 * 10**6, True),
    "one-line-50MB": (50 * 10**6, True),
    "lines-100MB": (100 * 10**6, False),  # --phase read --archive: one 100 MB record
    "lines-200MB": (200 * 10**6, False),
    "lines-600MB": (600 * 10**6, False),  # --phase only (a whole build: about ten hours)
}
DEFAULT_CASES = ("one-line-10MB", "one-line-20MB", "one-line-50MB", "lines-200MB")
PHASES = {"read": (("--whole", "before: one string"), ("", "after: a stream")),
          "store": (("--literal", "before: one literal"), ("", "after: text pieces"))}


STDIN_CAP = 256 * 2**20  # kg.limits.DEFAULT_STREAM_BYTES: standard input's default cap


def write_archive(path: Path) -> Path:
    """``path``'s text as the text field of one JSON Lines record (``path`` with the
    suffix ``.jsonl``), escaped a megabyte at a time."""
    target = path.with_suffix(".jsonl")
    if target.is_file() and target.stat().st_mtime >= path.stat().st_mtime:
        return target
    with path.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        out.write('{"id": "big", "title": "One long record", "text": "')
        while piece := src.read(2**20):
            out.write(json.dumps(piece, ensure_ascii=False)[1:-1])
        out.write('"}\n')
    return target


def measure_phase(path: Path, phase: str, flag: str, *, stdin: bool = False,
                  code: Path = ROOT) -> dict:
    """Peak RSS (MiB, from ``os.wait4``) of ``bench/phases.py PHASE FILE [FLAG]`` in its
    own process (``stdin``: ``PHASE - [FLAG] < FILE``; ``code``: the kg checkout it
    imports), its seconds and the JSON line it printed."""
    import contextlib
    import tempfile

    given = "-" if stdin else str(path)
    cmd = [sys.executable, str(HERE / "phases.py"), phase, given, *([flag] if flag else [])]
    if stdin and path.stat().st_size > STDIN_CAP:
        cmd += ["--max-size", "0"]
    env = {**os.environ, "PYTHONPATH": str(code)}
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            contextlib.ExitStack() as stack:
        into = stack.enter_context(path.open("rb")) if stdin else subprocess.DEVNULL
        proc = subprocess.Popen(cmd, stdin=into, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        err.seek(0)
        said = out.read().decode().strip() or err.read().decode()[-200:].replace("\n", " ")
    return {"exit": os.waitstatus_to_exitcode(status), "peak_rss_mib": usage.ru_maxrss // 1024,
            "seconds": round(time.perf_counter() - t0, 1), "said": said}


def run_phases(args, text: str) -> int:
    """The ``--phase`` table: each case's phase before and after."""
    rows = ["| input | size | phase | how | exit | peak RSS (MiB) | seconds | result |",
            "|---|---:|---|---|---:|---:|---:|---|"]
    for name in args.only or ("lines-200MB", "lines-600MB"):
        size, one_line = CASES[name]
        path = write_file(args.work / f"{name}.txt", text, size, one_line=one_line)
        if args.archive:
            path = write_archive(path)
        shown = f"{path.name} on stdin" if args.stdin else path.name
        for flag, how in PHASES[args.phase]:
            r = measure_phase(path, args.phase, flag, stdin=args.stdin, code=args.code)
            if args.code != ROOT:
                how = f"{how}, code {args.code}"
            rows.append(f"| {shown} | {size:,} | {args.phase} | {how} | {r['exit']} | "
                        f"{r['peak_rss_mib']:,} | {r['seconds']} | {r['said'].replace('|', '/')} |")
            print(rows[-1], file=sys.stderr)
    text_out = "\n".join(rows) + "\n"
    print(text_out)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (args.results_dir / f"bigfiles-{args.phase}-{stamp}.md").write_text(text_out)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=HERE / "corpus" / "bigfiles")
    ap.add_argument("--results-dir", type=Path, default=HERE / "results")
    ap.add_argument("--only", action="append", choices=sorted(CASES), help="run this case "
                    "(repeatable; default: all)")
    ap.add_argument("--store", action="store_true", help="also build each case with --store")
    ap.add_argument("--timeout", type=float, default=None, help="stop a case after SECONDS")
    ap.add_argument("--smoke", action="store_true", help="tiny files; measures nothing")
    ap.add_argument("--phase", choices=sorted(PHASES), help="measure one phase alone, "
                    "before and after (bench/phases.py), not a whole build")
    ap.add_argument("--stdin", action="store_true", help="--phase read: the file on "
                    "standard input (kg build -)")
    ap.add_argument("--archive", action="store_true", help="--phase read: the file's text "
                    "as one JSON Lines record (FILE.jsonl)")
    ap.add_argument("--code", type=Path, default=ROOT, help="--phase: the kg checkout "
                    "to measure (default: this one)")
    args = ap.parse_args(argv)
    if (args.stdin or args.archive) and args.phase != "read":
        ap.error("--stdin and --archive go with --phase read")
    if args.stdin and args.archive:
        ap.error("an archive cannot come from standard input")

    text = sample_text(args.work / "sample", 5_000 if args.smoke else 200_000)
    if args.phase:
        return run_phases(args, text)
    if args.smoke:
        sizes = {"one-line-10k": (10_000, True), "lines-20k": (20_000, False)}
    else:
        sizes = {name: CASES[name] for name in (args.only or DEFAULT_CASES)}
    rows = []
    for name, (size, one_line) in sizes.items():
        path = write_file(args.work / f"{name}.txt", text, size, one_line=one_line)
        runs = [(args.work / f"{name}.nq",)]
        if args.store or args.smoke:
            runs.append((args.work / f"{name}.nq", "--store", str(args.work / f"{name}.store")))
        for out, *extra in runs:
            row = measure(path, out, *extra, timeout=args.timeout,
                          every=0.5 if args.smoke else 5.0)
            rows.append(row)
            print(f"{name} {' '.join(extra[:1])}: exit {row['exit']}, {row['seconds']} s, "
                  f"peak RSS {row['peak_rss_mb']} MB", file=sys.stderr)
            if "--store" in extra:
                import shutil

                shutil.rmtree(extra[1], ignore_errors=True)
            out.unlink(missing_ok=True)  # gigabytes of N-Quads: measured, not kept
    report = ["| input | size | output | exit | seconds | peak RSS (MB) | RSS at 1/4, 1/2, "
              "3/4, end (MB) | within 1.5 GB | what kg said |",
              "|---|---:|---|---:|---:|---:|---|---|---|"]
    for r in rows:
        output = "--store" if "--store" in r["args"] else "-o .nq"
        report.append(f"| {r['file']} | {r['bytes']:,} | {output} | {r['exit']} | "
                      f"{r['seconds']} | {r['peak_rss_mb']:,} | {_quarters(r['rss_samples'])} "
                      f"| {'yes' if r['peak_rss_mb'] <= BUDGET_MB else 'NO'} | "
                      f"{_said(r['stderr'])} |")
    text_out = "\n".join(report) + "\n"
    print(text_out)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (args.results_dir / f"bigfiles-{stamp}.md").write_text(text_out)
    (args.results_dir / f"bigfiles-{stamp}.json").write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
