"""The sha256 of the sorted N-Quads ``kg build`` writes for each input: a speed change must
leave every one of them as it was.

    python bench/output_hashes.py seeds tests/data/dev bench/corpus/w100000

Each input is built by a fresh ``python -m kg build INPUT -o FILE.nq`` (this checkout's
kg, the interpreter running this script); prints ``input  sha256  quads`` per line.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def output_hash(source: Path, *, folder: Path) -> tuple[str, int]:
    """(sha256 of the sorted lines, number of lines) of the N-Quads built from ``source``."""
    out = folder / f"{source.name or 'input'}.nq"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "kg", "build", str(source), "-o", str(out)],
                   check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    lines = sorted(out.read_bytes().splitlines(keepends=True))
    return hashlib.sha256(b"".join(lines)).hexdigest(), len(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for source in args.inputs:
            digest, n = output_hash(source, folder=Path(tmp))
            print(f"{source}  {digest}  {n}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
