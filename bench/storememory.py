"""Peak memory of opening and reading a big on-disk store, as `kg build --store` and the
read commands open it (issue 17: does memory grow with what the store holds?).

    python bench/storememory.py --store /path/to/big/store
    python bench/storememory.py --smoke              # a tiny store, for `make test`: checks it runs

Each case is one process that opens the store (read-write, as a build does, through
``kg.store.open_store``; read-only, as ``kg query --store`` does, through
``kg.store.open_graph``) and counts its typed subjects, a query that reads every table
file; its peak RSS is ``ru_maxrss``. Read-write takes the store's lock and writes any log
tail into tables: run it on a store no process is using. Results: a Markdown table on
stdout and in bench/results/storememory-<stamp>.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from kg.store import open_graph, open_store
mode, path = sys.argv[1], Path(sys.argv[2])
t = time.perf_counter()
store = open_store(path) if mode == "read-write" else open_graph(graph=None, store=path)
rows = list(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?t } }"))
print(json.dumps({"typed": int(rows[0][0].value), "seconds": time.perf_counter() - t,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(mode: str, store: Path) -> dict:
    """One process: open ``store`` (``mode``), read it all, report its peak RSS."""
    out = subprocess.run([sys.executable, "-c", _CHILD, mode, str(store)], cwd=ROOT,
                         capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout)


def tiny_store(directory: Path) -> Path:
    """A store of one small graph (for --smoke)."""
    from pyoxigraph import NamedNode, Quad

    from kg.store import open_store

    store = open_store(directory)
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    store.extend(Quad(NamedNode(f"http://example.org/e{i}"), rdf_type,
                      NamedNode("http://example.org/T"), NamedNode("http://example.org/g"))
                 for i in range(100))
    store.flush()
    return directory


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, help="an on-disk store built by `kg build --store`")
    ap.add_argument("--smoke", action="store_true", help="a tiny store; measures nothing")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        store = tiny_store(Path(tmp) / "s") if args.smoke else args.store
        if store is None or not store.is_dir():
            ap.error("give --store DIR (an existing store) or --smoke")
        size = sum(p.stat().st_size for p in store.iterdir() if p.is_file())
        tables = len(list(store.glob("*.sst")))
        lines = [f"# Reading a store of {size / 1e9:.2f} GB ({tables} table files); "
                 f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "",
                 "| opened | typed subjects | seconds | peak RSS MiB |", "|---|---|---|---|"]
        for mode in ("read-write", "read-only"):
            r = measure(mode, store)
            lines.append(f"| {mode} | {r['typed']:,} | {r['seconds']:.1f} "
                         f"| {r['peak_mib']:.0f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.smoke:
        results = HERE / "results"
        results.mkdir(exist_ok=True)
        (results / f"storememory-{time.strftime('%Y%m%d-%H%M%S')}.md").write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
