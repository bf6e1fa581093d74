"""Peak memory of `kg build` on huge inputs (issue 17): the promise is at most 1.5 GB.

    python bench/bigfiles.py                  # 50 MB one line, 200 MB file, the limit
    python bench/bigfiles.py --smoke          # tiny, for `make test`: checks it runs

Each case is one `kg build FILE -o out.nq` process, its peak RSS read from
``os.wait4`` (the kernel's maximum resident set of that process). The texts are
news sentences from the benchmark generator (bench/generate.py), so they parse
like news: one 50 MB line (no line break at all), a 200 MB file of ordinary
lines, and one line just under the default size limit (``--max-size``, the
largest file kg builds without being told to), which is what bounds memory.
Results: a Markdown table on stdout and in bench/results/bigfiles-<stamp>.md.
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


def measure(path: Path, out: Path, *extra: str) -> dict:
    """Run one `kg build`; its wall time, exit status, peak RSS and last stderr line."""
    kg = Path(sys.executable).parent / "kg"
    cmd = [str(kg), "build", str(path), "-o", str(out), "-q", *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    return {"file": path.name, "bytes": path.stat().st_size, "args": list(extra),
            "exit": proc.returncode, "seconds": round(time.perf_counter() - t0, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024), "stderr": lines[-3:]}


def _said(lines: list[str]) -> str:
    """The error line if there is one, else the summary, shortened for the table."""
    said = next((ln for ln in lines if ln.startswith("error:")), lines[-1] if lines else "")
    return said.split(" (split it")[0][:200].replace("|", "/")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=HERE / "corpus" / "bigfiles")
    ap.add_argument("--results-dir", type=Path, default=HERE / "results")
    ap.add_argument("--smoke", action="store_true", help="tiny files and limit; measures nothing")
    args = ap.parse_args(argv)
    from kg.limits import DEFAULT_MAX_BYTES

    text = sample_text(args.work / "sample", 5_000 if args.smoke else 200_000)
    if args.smoke:
        limit = 20_000
        cases = [("one-line-60k.txt", 60_000, True, ["--max-size", str(limit / 2**20)]),
                 ("lines-200k.txt", 200_000, False, ["--max-size", str(limit / 2**20)]),
                 ("at-limit-one-line.txt", limit - 1000, True,
                  ["--max-size", str(limit / 2**20)])]
    else:
        limit = DEFAULT_MAX_BYTES
        cases = [("one-line-50MB.txt", 50 * 10**6, True, []),
                 ("lines-200MB.txt", 200 * 10**6, False, []),
                 ("at-limit-one-line.txt", limit - 1000, True, [])]
    rows = []
    for name, size, one_line, extra in cases:
        path = write_file(args.work / name, text, size, one_line=one_line)
        row = measure(path, args.work / (path.stem + ".nq"), *extra)
        rows.append(row)
        print(f"{name}: exit {row['exit']}, {row['seconds']} s, peak RSS {row['peak_rss_mb']} MB",
              file=sys.stderr)
    report = ["| input | size | exit | seconds | peak RSS (MB) | within 1.5 GB | what kg said |",
              "|---|---:|---:|---:|---:|---|---|"]
    for r in rows:
        report.append(f"| {r['file']} | {r['bytes']:,} | {r['exit']} | {r['seconds']} | "
                      f"{r['peak_rss_mb']:,} | {'yes' if r['peak_rss_mb'] <= BUDGET_MB else 'NO'}"
                      f" | {_said(r['stderr'])} |")
    text_out = "\n".join(report) + "\n"
    print(text_out)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (args.results_dir / f"bigfiles-{stamp}.md").write_text(text_out)
    (args.results_dir / f"bigfiles-{stamp}.json").write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
