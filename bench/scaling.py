"""The scaling row of `make bench` (issue 20): Dask workers against `--jobs` on one corpus.

    python bench/scaling.py                 # 1M words: --jobs 1/2, Dask 1/2 workers, load
    python bench/scaling.py --words 100k    # smaller
    python bench/scaling.py --smoke         # tiny: checks it runs, measures nothing

Each configuration is the command a user types, run in a fresh process and timed from
start to end (model loads and the cluster's start included): ``kg build CORPUS -o
graph.nq --jobs N`` and ``kg build CORPUS --executor dask --workers N -o DIR``, in the
order jobs 1, dask 1, jobs 2, dask 2, so each pair runs close together on a shared
machine. Then ``kg load --shards DIR --into STORE`` (the bulk-load rate), and a check
that the shards hold the same sorted N-Quads as graph.nq. Targets (read from the
report, never asserted in timed tests): Dask's overhead over ``--jobs`` at most 10 %,
two workers at least 1.6x one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate, parse_size  # noqa: E402

KG = [sys.executable, "-m", "kg"]
OVERHEAD_TARGET = 0.10
SPEEDUP_TARGET = 1.6
_LOADED = re.compile(r"loaded (\d+) shards \(([\d.]+) MB\), ([\d,]+) quads in ([\d.]+) s")


def timed(args: list[str]) -> tuple[float, float]:
    """Run one kg command; its wall time and the CPU time of it and every process it
    started (workers included), in seconds. CPU time holds up on a shared machine, where
    other users' load stretches the wall time."""
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([*KG, *args], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"failed: kg {' '.join(args)}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def sorted_lines(paths: list[Path]) -> list[bytes]:
    lines: list[bytes] = []
    for p in paths:
        data = p.read_bytes()
        lines += (gzip.decompress(data) if p.suffix == ".gz" else data).splitlines()
    return sorted(lines)


def run(args: argparse.Namespace) -> dict:
    corpus = args.corpus_dir / f"w{args.words}"
    manifest = generate(args.words, corpus, seed=args.seed)
    work = args.results_dir / "scaling-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    result = {"words": manifest["words"], "documents": manifest["documents"],
              "load_avg_before": os.getloadavg(), "runs": {}}
    for kind, n in (("jobs", 1), ("dask", 1), ("jobs", 2), ("dask", 2)):
        name = f"{kind}{n}"
        if kind == "jobs":
            seconds, cpu = timed(["build", str(corpus), "-o", str(work / f"{name}.nq"), "-q",
                             "--jobs", str(n)])
        else:
            seconds, cpu = timed(["build", str(corpus), "--executor", "dask", "--workers", str(n),
                             "-o", str(work / name), "-q"])
        result["runs"][name] = {"seconds": seconds, "cpu_seconds": cpu,
                                "words_per_s": manifest["words"] / seconds,
                                "load_avg_after": os.getloadavg()}
        print(f"{name}: {seconds:.1f} s wall, {cpu:.1f} s CPU", file=sys.stderr, flush=True)
    shards = sorted(p for p in (work / "dask2").glob("part-*")
                    if p.name.endswith((".nq", ".nq.gz")))
    result["shards"] = len(shards)
    result["shard_mb"] = sum(p.stat().st_size for p in shards) / 2**20
    result["same_quads"] = sorted_lines(shards) == sorted_lines([work / "jobs1.nq"])
    proc = subprocess.run([*KG, "load", "--shards", str(work / "dask2"), "--into",
                           str(work / "store")], capture_output=True, text=True, cwd=ROOT)
    found = _LOADED.search(proc.stderr)
    if proc.returncode != 0 or not found:
        sys.stderr.write(proc.stderr)
        raise SystemExit("kg load --shards failed")
    quads, seconds = int(found.group(3).replace(",", "")), float(found.group(4))
    result["load"] = {"quads": quads, "seconds": seconds, "quads_per_s": quads / seconds}
    result["load_avg_after"] = os.getloadavg()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return result


def report(r: dict) -> str:
    runs = r["runs"]
    lines = [f"## Scaling: {r['words']:,} words, {r['documents']} documents",
             "", f"Load average before: {', '.join(f'{x:.1f}' for x in r['load_avg_before'])}"
             f"; after: {', '.join(f'{x:.1f}' for x in r['load_avg_after'])} "
             f"({os.cpu_count()} cores)", "",
             "| run | wall s | words/s | vs 1 of its kind | Dask over --jobs | CPU s | "
             "CPU: Dask over --jobs |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name in ("jobs1", "dask1", "jobs2", "dask2"):
        run_, kind, n = runs[name], name[:-1], name[-1]
        speed = runs[f"{kind}1"]["seconds"] / run_["seconds"]
        over = cpu_over = ""
        if kind == "dask":
            over = f"{run_['seconds'] / runs[f'jobs{n}']['seconds'] - 1:+.1%}"
            cpu_over = f"{run_['cpu_seconds'] / runs[f'jobs{n}']['cpu_seconds'] - 1:+.1%}"
        label = f"--jobs {n}" if kind == "jobs" else f"dask --workers {n}"
        lines.append(f"| {label} | {run_['seconds']:.1f} | {run_['words_per_s']:,.0f} | "
                     f"{speed:.2f}x | {over} | {run_['cpu_seconds']:.1f} | {cpu_over} |")
    speedup = runs["dask1"]["seconds"] / runs["dask2"]["seconds"]
    load = r["load"]
    lines.append("")
    for n in (1, 2):
        over = runs[f"dask{n}"]["seconds"] / runs[f"jobs{n}"]["seconds"] - 1
        cpu = runs[f"dask{n}"]["cpu_seconds"] / runs[f"jobs{n}"]["cpu_seconds"] - 1
        lines.append(f"- Dask {n} worker(s) over --jobs {n}: wall {over:+.1%}, CPU {cpu:+.1%} "
                     f"(target at most +{OVERHEAD_TARGET:.0%}): wall "
                     f"{'met' if over <= OVERHEAD_TARGET else 'NOT met'}, CPU "
                     f"{'met' if cpu <= OVERHEAD_TARGET else 'NOT met'}")
    lines += [f"- Dask 2 workers vs 1: {speedup:.2f}x (target at least {SPEEDUP_TARGET}x): "
              f"{'met' if speedup >= SPEEDUP_TARGET else 'NOT met'}",
              f"- shards: {r['shards']} ({r['shard_mb']:.1f} MB gzip); same sorted N-Quads as "
              f"--jobs 1: {r['same_quads']}",
              f"- kg load --shards into the embedded store: {load['quads']:,} quads in "
              f"{load['seconds']:.1f} s ({load['quads_per_s']:,.0f} quads/s)"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=parse_size, default=parse_size("1M"))
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--corpus-dir", type=Path, default=HERE / "corpus")
    ap.add_argument("--results-dir", type=Path, default=HERE / "results")
    ap.add_argument("--keep", action="store_true", help="keep the graphs and shards")
    ap.add_argument("--smoke", action="store_true", help="3k words: checks it runs")
    args = ap.parse_args(argv)
    if args.smoke:
        args.words = 3000
    args.results_dir.mkdir(parents=True, exist_ok=True)
    result = run(args)
    text = report(result)
    print(text)
    if not args.smoke:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        (args.results_dir / f"scaling-{stamp}.json").write_text(json.dumps(result, indent=1))
        (args.results_dir / f"scaling-{stamp}.md").write_text(text)
    return 0 if result["same_quads"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
