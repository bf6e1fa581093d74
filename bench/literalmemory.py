"""Peak RSS of storing one long literal through pyoxigraph's bulk loader (issue 17).

    python bench/literalmemory.py --mb 200 --work /work/tmp-i17

Writes ``--mb`` megabytes of generated ASCII news-like text to a file (once), then, in
a child process measured with ``os.wait4``, opens a fresh on-disk store and adds the
one quad ``<doc> nif:isString "TEXT"`` with :func:`kg.store.bulk_add_text`, the text
read from the file a megabyte at a time (as a parted build stores its whole text).
``--mb 0`` stores a one-character literal: the baseline (interpreter, pyoxigraph, store).
Prints one JSON line: megabytes, peak RSS (MiB), seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

_LINE = (b"The minister of Palau said on Tuesday that the talks in Koror would go on, "
         b"and officials from Nauru agreed.\n")


def _child(text: Path | None, store_dir: Path) -> None:
    from pyoxigraph import NamedNode

    from kg.store import bulk_add_text, open_store

    store = open_store(store_dir)

    def chunks():
        if text is None:
            yield b"x"
            return
        with open(text, "rb") as fh:
            while chunk := fh.read(2**20):
                yield chunk

    bulk_add_text(store, NamedNode("https://example.org/doc"),
                  NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"),
                  chunks(), NamedNode("https://example.org/graph"))
    store.flush()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--text", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    store_dir = args.work / f"literal-store-{args.mb}"
    if args.child:
        _child(args.text, store_dir)
        return 0
    text = None
    if args.mb:
        text = args.work / f"literal-{args.mb}MB.txt"
        size = args.mb * 10**6
        if not text.is_file() or text.stat().st_size != size:
            with open(text, "wb") as fh:
                left = size
                while left:
                    piece = (_LINE * 10_000)[:left]
                    fh.write(piece)
                    left -= len(piece)
    shutil.rmtree(store_dir, ignore_errors=True)
    cmd = [sys.executable, __file__, "--child", "--mb", str(args.mb), "--work", str(args.work)]
    if text is not None:
        cmd += ["--text", str(text)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    shutil.rmtree(store_dir, ignore_errors=True)
    print(json.dumps({"mb": args.mb, "exit": os.waitstatus_to_exitcode(status),
                      "peak_rss_mib": round(usage.ru_maxrss / 1024), "seconds": round(seconds, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
