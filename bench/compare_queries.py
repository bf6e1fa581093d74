"""Time two versions of the query library on one graph, interleaved (before/after a rewrite).

    python bench/compare_queries.py GRAPH.nq --before DIR [--after queries/] [--reps 20]
        [--only NAME,NAME]

The graph is loaded once into an in-memory store; every query of ``--after`` that also
exists in ``--before`` runs with default parameters and about one thing (the parameter
value ``bench/run.py`` binds), the two versions taking turns, so a machine whose speed
moves affects both alike. Prints p50/p95 (ms) and row counts as a Markdown table.

``--check`` also compares the rows of the two versions (sorted; a cell that joins values
with "; " or U+001F compared as the sorted list of its parts, GROUP_CONCAT's order being
the engine's) and adds a column saying whether they are the same; ``--param NAME=VALUE``
(repeatable) adds a case for every query that declares NAME. ``--reps 0`` runs each case
once per version (a check without timings).

``--before-update FILE`` / ``--after-update FILE`` apply a SPARQL UPDATE to the graph
that version runs on (each on its own copy): a graph change, e.g. adding the triples a new
mapping would give, compared with the graph before it. Columns the "after" query adds (a
new parameter's echo, such as ``labelKey``) are left out of the row check and named.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import _percentile, typical_values  # noqa: E402

from kg.query import library, rows, run_query  # noqa: E402
from kg.store import load_graph_file  # noqa: E402


def _time(store, q, params, reps: int, budget: float) -> tuple[list[float], list]:
    times: list[float] = []
    data: list = []
    for i in range(reps + 1):
        t0 = time.perf_counter()
        header, data = rows(run_query(store, q, params))
        data = [header, *data]
        dt = time.perf_counter() - t0
        if i or not reps:
            times.append(dt)
        if i >= 3 and sum(times) > budget:
            break
    return sorted(times), data


def _cell(value: str | None) -> object:
    if value is None:
        return ("", 0)
    for sep in ("; ", "\x1f"):
        if sep in value:
            return ("", 1, tuple(sorted(value.split(sep))))
    return ("", 2, value)


def _same_rows(a: list, b: list) -> tuple[bool, list[str]]:
    """The same rows, order apart, multi-valued cells compared as sorted lists; b's rows
    are read in a's columns (the columns b adds are returned, not compared)."""
    (ha, *ra), (hb, *rb) = a, b
    if not set(ha) <= set(hb):
        return False, []
    pick = [hb.index(c) for c in ha]
    rb = [[row[i] for i in pick] for row in rb]

    def key(data: list) -> list:
        return sorted(tuple(_cell(c) for c in row) for row in data)
    return key(ra) == key(rb), [c for c in hb if c not in ha]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--after", type=Path, default=HERE.parent / "queries")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--budget", type=float, default=8.0, help="seconds per query and version")
    ap.add_argument("--only", default="")
    ap.add_argument("--check", action="store_true", help="compare the rows too")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="an extra case for every query with that parameter")
    ap.add_argument("--before-update", type=Path, help="SPARQL UPDATE for the before graph")
    ap.add_argument("--after-update", type=Path, help="SPARQL UPDATE for the after graph")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    store = load_graph_file(a.graph)
    print(f"{len(store):,} quads loaded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    store_before = store_after = store
    if a.before_update or a.after_update:
        store_after = load_graph_file(a.graph)
        for target, update in ((store_before, a.before_update), (store_after, a.after_update)):
            if update:
                n = len(target)
                target.update(update.read_text(encoding="utf-8"))
                print(f"{update}: {n:,} -> {len(target):,} quads", file=sys.stderr)
    before, after = library(a.before), library(a.after)
    only = {n for n in a.only.split(",") if n}
    values = typical_values(store)
    extra = [tuple(p.split("=", 1)) for p in a.param]
    check = " same rows |" if a.check else ""
    print("| query | parameter | rows before | rows after | p50 before | p50 after "
          "| p95 before | p95 after |" + check)
    print("|---|---|---:|---:|---:|---:|---:|---:|" + ("---|" if a.check else ""))
    for name, q in after.items():
        if name not in before or (only and name not in only):
            continue
        cases: list[dict[str, str]] = [{}]
        param = next((p for p in q.params if p.name in values and p.default is None), None)
        if param is not None:
            cases.append({param.name: values[param.name]})
        declared = {p.name for p in q.params}
        cases += [{k: v} for k, v in extra if k in declared and {k: v} not in cases]
        for params in cases:
            tb: list[float] = []
            ta: list[float] = []
            # alternate in rounds of a few runs so both see the same machine
            for _ in range(max(1, a.reps // 5)):
                t, db = _time(store_before, before[name], params, min(5, a.reps),
                              a.budget / 4)
                tb += t
                t, da = _time(store_after, q, params, min(5, a.reps), a.budget / 4)
                ta += t
            nb, na = len(db) - 1, len(da) - 1
            same, added = _same_rows(db, da)
            verdict = ("yes" if same else "**no**") + (f" ({', '.join(added)} added)"
                                                        if added else "")
            tb.sort()
            ta.sort()
            label = ", ".join(f"{k}={v}" for k, v in params.items()) or "-"
            print(f"| {name} | {label} | {nb:,} | {na:,} "
                  f"| {1000 * statistics.median(tb):.1f} | {1000 * statistics.median(ta):.1f} "
                  f"| {1000 * _percentile(tb, 95):.1f} | {1000 * _percentile(ta, 95):.1f} |"
                  + (f" {verdict} |" if a.check else ""),
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
