"""Benchmark kg against raw spaCy on generated news (issue 9).

    python bench/run.py                       # 10k, 100k, 1M words; the full table
    python bench/run.py --sizes 10k,100k      # smaller
    python bench/run.py --smoke               # a tiny run, for `make test`

For every size, on the same generated texts and in fresh processes:
raw spaCy ``nlp.pipe`` (same model, same enabled components, same batch size,
fed the same unit texts kg parses) and kg's build (``kg.build.build_into``, the
function behind ``kg build``) with ``--jobs 1`` and, where asked, ``--jobs 2``;
then the export of the built graph in every format. Over the largest graph:
p50/p95 of every query of the library, and ``kg query`` cold start.
Ratios are measured in the same run, so they hold up on a noisy machine
better than absolute numbers. Results: a Markdown report on stdout and in
bench/results/ (with the JSON beside it).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate, parse_size  # noqa: E402

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
# `kg query` cold start is timed on a cheap query about one thing (the mentions of the most
# mentioned person, the value the query worker binds), so it measures the start-up rather
# than the query; the listing of every entity is timed apart.
COLD_START_QUERY = "mentions-of"
COLD_START_PARAM = "label"
COLD_START_LISTING = "entities-by-type"
QUERY_BUDGET_S = 10.0  # per query; past it (and after 3 timed runs) stop repeating


# -- workers: each runs in its own process so peak RSS is its own ----------------------------
def _unit_texts(corpus: Path, max_chars: int):
    """The texts kg hands to spaCy: every unit (long ones in pieces) of every document."""
    from kg.build import BuildReport, read_sources
    from kg.ingest.chunks import split_unit
    from kg.ingest.sources import expand_sources

    for doc in read_sources(expand_sources([str(corpus)]), BuildReport()):
        if not doc.units:
            yield ""
        for unit in doc.units:
            for piece in split_unit(unit, max_chars):
                yield piece.text


def worker_spacy(corpus: Path, *, batch_size: int) -> dict:
    from kg.build import BuildOptions
    from kg.nlp.model import load_model
    from kg.nlp.stream import count_words

    t0 = time.perf_counter()
    nlp = load_model()  # the model as shipped: its own enabled components, nothing of kg's
    load = time.perf_counter() - t0
    max_chars = max(1, min(BuildOptions().max_chars, nlp.max_length - 1))
    words = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(_unit_texts(corpus, max_chars), batch_size=batch_size):
        words += count_words(doc)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"words": words, "seconds": seconds, "cpu_seconds": cpu, "load_seconds": load,
            "components": nlp.pipe_names, "peak_rss_mb": _rss_self()}


def worker_kg(corpus: Path, *, batch_size: int, jobs: int, export_dir: Path | None,
              formats: list[str]) -> dict:
    from kg.build import BuildOptions, build_into
    from kg.formats import GraphFormat
    from kg.ingest.sources import expand_sources
    from kg.store import export_store, open_store

    store = open_store(None)
    options = BuildOptions(batch_size=batch_size, jobs=jobs)
    load = load_cpu = 0.0
    if jobs == 1:
        # Load kg's pipeline and data first and hand the pipeline to build_into, so the
        # timed part is the pipeline itself, like the raw spaCy timing (the load, model
        # plus kg's rule files and gazetteers, is reported apart; build_into loads them
        # at the same point, after the model, so its own total is the same).
        import kg.nlp.pipeline
        from kg.extract.document import prepare_extraction

        t0, c0 = time.perf_counter(), time.process_time()
        nlp = kg.nlp.pipeline.build_nlp(options.model, kb_files=options.kb_files)
        prepare_extraction()  # kg's rule files and gazetteers: its part of "the model"
        load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
        kg.nlp.pipeline.build_nlp = lambda *a, **k: nlp
    t0, c0 = time.perf_counter(), time.process_time()
    report = build_into(store, expand_sources([str(corpus)]), options=options)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = {"words": report.words, "seconds": seconds, "cpu_seconds": cpu,
           "workers_cpu_seconds": children.ru_utime + children.ru_stime,
           "documents": report.built,
           "triples": report.triples, "quads_in_store": len(store),
           "entities": report.entities, "facts": report.facts, "errors": report.errors,
           "peak_rss_mb": _rss_self(), "workers_peak_rss_mb": _rss_children(),
           "load_seconds": load, "load_cpu_seconds": load_cpu, "export": {}}
    if export_dir is not None:
        export_dir.mkdir(parents=True, exist_ok=True)
        for ext in formats:
            fmt = GraphFormat.from_path(f"graph.{ext}")
            path = export_dir / f"graph.{ext}"
            t0 = time.perf_counter()
            export_store(store, path, fmt)
            out["export"][ext] = {"seconds": time.perf_counter() - t0,
                                  "bytes": path.stat().st_size}
        out["peak_rss_with_export_mb"] = _rss_self()
    return out


def worker_queries(graph: Path, *, reps: int, store_dir: Path | None,
                   timeout: float = 60.0) -> dict:
    """p50/p95 of every library query (default parameters) over ``graph`` in memory."""
    from pyoxigraph import RdfFormat, Store

    from kg.query import library, rows, run_query
    from kg.store import load_graph_file

    t0 = time.perf_counter()
    store = load_graph_file(graph)
    load = time.perf_counter() - t0
    out: dict = {"graph": str(graph), "quads": len(store), "load_seconds": load, "queries": {},
                 "timeout_s": timeout}

    def time_one(q, send, params=None) -> None:
        times = []
        n_rows = 0
        spent = 0.0
        for i in range(reps + 1):
            t0 = time.perf_counter()
            _, result = rows(run_query(store, q, params or {}))
            dt = time.perf_counter() - t0
            spent += dt
            if i:  # the first run warms caches
                times.append(dt)
            n_rows = len(result)
            if i >= 3 and spent > QUERY_BUDGET_S:  # a slow query: fewer runs, still a p95
                break
        times.sort()
        send.send({"rows": n_rows, "runs": len(times),
                   "p50_ms": 1000 * statistics.median(times),
                   "p95_ms": 1000 * _percentile(times, 95)})

    # Each query runs in a forked copy of this process (the loaded store is shared
    # copy-on-write), so one that takes minutes is stopped at the timeout and reported.
    fork = multiprocessing.get_context("fork")

    def timed(q, params=None) -> dict:
        recv, send = fork.Pipe(duplex=False)
        child = fork.Process(target=time_one, args=(q, send, params))
        child.start()
        if recv.poll(timeout):
            got = recv.recv()
        else:
            child.kill()
            got = {"rows": None, "runs": 0, "timed_out": True}
        child.join()
        return got

    values = typical_values(store)
    out["queries_with_param"] = {}
    for name, q in sorted(library().items()):
        out["queries"][name] = timed(q)
        # the interactive use: the same query about one thing (the most mentioned one)
        param = next((p for p in q.params if p.name in values and p.default is None), None)
        if param is not None:
            bound = {param.name: values[param.name]}
            out["queries_with_param"][name] = timed(q, bound) | {"param": bound}
    if store_dir is not None:
        del store
        t0 = time.perf_counter()
        disk = Store(str(store_dir))
        disk.bulk_load(path=str(graph), format=RdfFormat.N_QUADS)
        disk.flush()
        out["disk_store_load_seconds"] = time.perf_counter() - t0
    return out


# Which value a query parameter gets for the "about one thing" timings: the label of the
# most mentioned entity of a class, or a fixed class name.
_PARAM_CLASS = {"label": "Person", "agent": "Person", "speaker": "Person",
                "addressee": "Person", "entity": "Person", "organization": "Organization",
                "place": "Country"}


def typical_values(store) -> dict[str, str]:
    """A value for each name-like parameter of the library, read from the graph."""
    from collections import Counter

    from kg.rdf.vocab import KG, RDF, SKOS

    counts = Counter(q.object for q in store.quads_for_pattern(None, KG.mentionOf, None))
    values: dict[str, str] = {"factType": "Deployment", "type": KG.Person.value}
    for name, cls in _PARAM_CLASS.items():
        for entity, _ in counts.most_common():
            if any(store.quads_for_pattern(entity, RDF.type, KG[cls])):
                label = next(store.quads_for_pattern(entity, SKOS.prefLabel, None), None)
                if label is not None:
                    values[name] = label.object.value
                    break
    return values


def _percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    k = max(0, min(len(sorted_values) - 1, -(-len(sorted_values) * pct // 100) - 1))
    return sorted_values[int(k)]


def _rss_self() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _rss_children() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# -- parent: run workers in fresh processes ----------------------------------------------------
def run_worker(*args: str) -> tuple[dict, float]:
    """Run ``run.py --worker ...``; return its JSON and its wall time."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", *args]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"benchmark worker failed: {' '.join(args)}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


def cold_start(graph: Path | None, store: Path | None, *, reps: int, query: str,
               params: dict[str, str] | None = None, timeout: float = 600.0) -> dict:
    """Wall time of a whole `kg query` process (imports, open, query, print), best and median."""
    kg = Path(sys.executable).parent / "kg"
    target = ["--graph", str(graph)] if graph else ["--store", str(store)]
    bound = [arg for k, v in (params or {}).items() for arg in ("--param", f"{k}={v}")]
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        try:
            proc = subprocess.run([str(kg), "query", query, *target, *bound, "--format",
                                   "json"], capture_output=True, cwd=ROOT, timeout=timeout)
        except subprocess.TimeoutExpired:  # report it; the rest of the run is kept
            return {"best_s": float("inf"), "median_s": float("inf"), "timed_out": timeout,
                    "query": query, "params": params or {}}
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode())
            raise SystemExit("kg query failed")
    return {"best_s": min(times), "median_s": statistics.median(times), "query": query,
            "params": params or {}}


def cold_start_param(queries: dict) -> dict[str, str]:
    """The parameter the query worker bound for the cold-start query (none if it bound none)."""
    bound = (queries.get("queries_with_param") or {}).get(COLD_START_QUERY, {}).get("param")
    return dict(bound) if bound and COLD_START_PARAM in bound else {}


def same_quads(a: Path, b: Path) -> bool:
    def lines(p: Path) -> list[bytes]:
        return sorted(p.read_bytes().splitlines())
    return lines(a) == lines(b)


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import pyoxigraph
    import spacy

    from kg.nlp.model import default_model_name
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=ROOT).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem, 1),
            "load_avg": os.getloadavg(), "python": platform.python_version(),
            "spacy": spacy.__version__, "pyoxigraph": pyoxigraph.__version__,
            "model": default_model_name(), "commit": commit + ("+dirty" if dirty else ""),
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}


def label(words: int) -> str:
    if words >= 1_000_000 and words % 1_000_000 == 0:
        return f"{words // 1_000_000}M"
    if words >= 1_000 and words % 1_000 == 0:
        return f"{words // 1_000}k"
    return str(words)


def save_partial(args: argparse.Namespace, results: dict) -> None:
    """Keep what is measured so far: a long run stopped half-way still leaves numbers."""
    (args.results_dir / "partial.json").write_text(json.dumps(results, indent=1) + "\n")


def run(args: argparse.Namespace) -> dict:
    results: dict = {"machine": machine(), "argv": sys.argv[1:], "sizes": {}}
    corpus_root = args.corpus_dir
    work = args.results_dir / "work"
    largest = max(args.sizes)
    for size in args.sizes:
        name = label(size)
        corpus = corpus_root / f"w{size}"
        t0 = time.perf_counter()
        manifest = generate(size, corpus, seed=args.seed)
        print(f"[{name}] corpus: {manifest['documents']} documents, {manifest['words']} words "
              f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
        row: dict = {"corpus": manifest}
        for _ in range(args.repeat):
            if args.skip_spacy:
                spacy_r = spacy_wall = None
            else:
                spacy_r, spacy_wall = run_worker("spacy", str(corpus), "--batch-size",
                                                 str(args.batch_size))
                print(f"[{name}] raw spaCy: {_wps(spacy_r)}", file=sys.stderr)
            export_dir = work / name / "jobs1"
            kg_r, kg_wall = run_worker("kg", str(corpus), "--batch-size", str(args.batch_size),
                                       "--jobs", "1", "--export-dir", str(export_dir),
                                       "--formats", ",".join(args.formats))
            print(f"[{name}] kg build: {_wps(kg_r)}", file=sys.stderr)
            best = row.get("kg")
            if best is None or kg_r["seconds"] < best["seconds"]:
                row["kg"] = kg_r | {"process_wall_s": kg_wall}
            save_partial(args, results | {"sizes": results["sizes"] | {name: row}})
            if spacy_r is None:
                continue
            best = row.get("spacy")
            if best is None or spacy_r["seconds"] < best["seconds"]:
                row["spacy"] = spacy_r | {"process_wall_s": spacy_wall}
            # the ratio of one run (spaCy, then kg, back to back) is the honest one
            row.setdefault("ratios", []).append(spacy_r["seconds"] / kg_r["seconds"])
            row.setdefault("cpu_ratios", []).append(spacy_r["cpu_seconds"] / kg_r["cpu_seconds"])
        if size in args.jobs_sizes:
            j2_dir = work / name / "jobs2"
            j2, _ = run_worker("kg", str(corpus), "--batch-size", str(args.batch_size),
                               "--jobs", "2", "--export-dir", str(j2_dir), "--formats", "nq")
            row["kg_jobs2"] = j2
            # both include loading the model (jobs 2 loads it in each worker, in parallel)
            j1 = row["kg"]
            row["jobs2_speedup"] = (j1["seconds"] + j1["load_seconds"]) / j2["seconds"]
            # what two idle cores would give: all CPU of jobs 2 spread over two cores
            j2_cpu = j2["cpu_seconds"] + j2["workers_cpu_seconds"]
            row["jobs2_cpu_estimate"] = (j1["cpu_seconds"] + j1["load_cpu_seconds"]) \
                / max(j2_cpu / 2, j2["cpu_seconds"])
            row["jobs2_same_quads"] = same_quads(export_dir / "graph.nq", j2_dir / "graph.nq")
            print(f"[{name}] kg build --jobs 2: {j2['words'] / j2['seconds']:,.0f} words/s "
                  f"(x{row['jobs2_speedup']:.2f}, same quads: {row['jobs2_same_quads']})",
                  file=sys.stderr)
        row["load_avg_after"] = os.getloadavg()
        results["sizes"][name] = row
        save_partial(args, results)
        if size == largest:
            graph = export_dir / "graph.nq"
            store_dir = work / name / "store"
            if store_dir.exists():
                import shutil
                shutil.rmtree(store_dir)
            q, _ = run_worker("queries", str(graph), "--reps", str(args.reps),
                              "--store-dir", str(store_dir), "--timeout", str(args.query_timeout))
            results["queries"] = q | {"size": name}
            save_partial(args, results)
            smallest = work / label(min(args.sizes)) / "jobs1" / "graph.nq"
            limit = max(args.query_timeout, 1.0) * 2
            one = cold_start_param(q)
            results["cold_start"] = {
                "small_graph": cold_start(smallest, None, reps=args.cold_reps, timeout=limit,
                                          query=COLD_START_QUERY, params=one)
                | {"size": label(min(args.sizes)), "file": "graph.nq"},
                "large_store": cold_start(None, store_dir, reps=args.cold_reps, timeout=limit,
                                          query=COLD_START_QUERY, params=one)
                | {"size": name},
                "large_store_listing": cold_start(None, store_dir, reps=args.cold_reps,
                                                  timeout=limit, query=COLD_START_LISTING)
                | {"size": name},
            }
            print(f"[{name}] queries and cold start done", file=sys.stderr)
    return results


def run_real(args: argparse.Namespace, results: dict) -> None:
    """kg against raw spaCy on folders of real news (the dev split by default): the
    generated corpus repeats a few templates, real text does not."""
    for folder in args.real:
        name = folder.name
        row: dict = {"path": str(folder)}
        for _ in range(args.repeat):
            spacy_r, _w = run_worker("spacy", str(folder), "--batch-size", str(args.batch_size))
            kg_r, _w = run_worker("kg", str(folder), "--batch-size", str(args.batch_size),
                                  "--jobs", "1", "--formats", "nq")
            row.setdefault("runs", []).append({"spacy": spacy_r, "kg": kg_r})
            row.setdefault("ratios", []).append(spacy_r["seconds"] / kg_r["seconds"])
            row.setdefault("cpu_ratios", []).append(spacy_r["cpu_seconds"]
                                                    / kg_r["cpu_seconds"])
            print(f"[{name}] kg / spaCy: {row['ratios'][-1]:.2f} wall, "
                  f"{row['cpu_ratios'][-1]:.2f} CPU", file=sys.stderr)
        row["words"] = row["runs"][0]["kg"]["words"]
        row["documents"] = row["runs"][0]["kg"]["documents"]
        row["load_avg_after"] = os.getloadavg()
        results.setdefault("real", {})[name] = row
        save_partial(args, results)


def real_table(results: dict) -> list[str]:
    real = results.get("real")
    if not real:
        return []
    out = ["", "Real news (`--real`): kg build against raw spaCy on the same texts, one "
           "pair of runs after another:", "",
           "| folder | documents | words | kg / spaCy, wall | kg / spaCy, CPU | load after |",
           "|---|---:|---:|---|---|---|"]
    for r in real.values():
        out.append(f"| {r['path']} | {r['documents']} | {r['words']:,} | "
                   f"{' '.join(f'{x:.2f}' for x in r['ratios'])} | "
                   f"{' '.join(f'{x:.2f}' for x in r['cpu_ratios'])} | "
                   f"{', '.join(f'{x:.1f}' for x in r['load_avg_after'])} |")
    return out


# -- report --------------------------------------------------------------------------------
ROWS = (
    "documents", "words", "raw spaCy words/s (wall / CPU)", "kg build words/s (wall / CPU)",
    "kg / spaCy, wall", "kg / spaCy, CPU", "model load s, raw spaCy / kg",
    "kg build end-to-end words/s (model load, process)", "peak RSS raw spaCy (MB)",
    "peak RSS kg build (MB)", "peak RSS kg build + export (MB)", "triples", "triples/s",
    *(f"export {f} s (% of build)" for f in FORMATS),
    "kg build --jobs 2 words/s (wall, incl. model load)", "--jobs 2 / --jobs 1, wall",
    "--jobs 2 / --jobs 1, CPU estimate for 2 idle cores", "--jobs 2 same quads",
    "CPU s --jobs 2 parent / workers", "peak RSS --jobs 2 parent / worker (MB)",
    "load average after",
)


def _wps(r: dict) -> str:
    return (f"{r['words'] / r['seconds']:,.0f} words/s wall, "
            f"{r['words'] / r['cpu_seconds']:,.0f} per CPU s")


def table(results: dict) -> str:
    sizes = list(results["sizes"])
    cells: dict[str, list[str]] = {r: [] for r in ROWS}
    for name in sizes:
        row = results["sizes"][name]
        kg = row["kg"]
        sp = row.get("spacy") or {"words": 0, "seconds": 1, "cpu_seconds": 1,
                                  "load_seconds": float("nan"), "peak_rss_mb": float("nan")}
        cells["documents"].append(f"{row['corpus']['documents']:,}")
        cells["words"].append(f"{kg['words']:,}")
        for key, r in (("raw spaCy", sp), ("kg build", kg)):
            cells[f"{key} words/s (wall / CPU)"].append(
                f"{r['words'] / r['seconds']:,.0f} / {r['words'] / r['cpu_seconds']:,.0f}"
                if r["words"] else "-")
        cells["kg / spaCy, wall"].append(" ".join(f"{r:.2f}" for r in row.get("ratios", []))
                                         or "-")
        cells["kg / spaCy, CPU"].append(" ".join(f"{r:.2f}" for r in row.get("cpu_ratios", []))
                                        or "-")
        cells["model load s, raw spaCy / kg"].append(
            f"{sp['load_seconds']:.1f} / {kg['load_seconds']:.1f}")
        cells["kg build end-to-end words/s (model load, process)"].append(
            f"{kg['words'] / kg['process_wall_s']:,.0f}")
        cells["peak RSS raw spaCy (MB)"].append(f"{sp['peak_rss_mb']:,.0f}")
        cells["peak RSS kg build (MB)"].append(f"{kg['peak_rss_mb']:,.0f}")
        cells["peak RSS kg build + export (MB)"].append(
            f"{kg.get('peak_rss_with_export_mb', float('nan')):,.0f}")
        cells["triples"].append(f"{kg['triples']:,}")
        cells["triples/s"].append(f"{kg['triples'] / kg['seconds']:,.0f}")
        for f in FORMATS:
            e = kg["export"].get(f)
            cells[f"export {f} s (% of build)"].append(
                f"{e['seconds']:.2f} ({100 * e['seconds'] / kg['seconds']:.1f} %)" if e else "-")
        j2 = row.get("kg_jobs2")
        cells["kg build --jobs 2 words/s (wall, incl. model load)"].append(
            f"{j2['words'] / j2['seconds']:,.0f}" if j2 else "-")
        cells["--jobs 2 / --jobs 1, wall"].append(f"{row['jobs2_speedup']:.2f}" if j2 else "-")
        cells["--jobs 2 / --jobs 1, CPU estimate for 2 idle cores"].append(
            f"{row['jobs2_cpu_estimate']:.2f}" if j2 else "-")
        cells["CPU s --jobs 2 parent / workers"].append(
            f"{j2['cpu_seconds']:.0f} / {j2['workers_cpu_seconds']:.0f}" if j2 else "-")
        cells["--jobs 2 same quads"].append(str(row["jobs2_same_quads"]).lower() if j2 else "-")
        cells["peak RSS --jobs 2 parent / worker (MB)"].append(
            f"{j2['peak_rss_mb']:,.0f} / {j2['workers_peak_rss_mb']:,.0f}" if j2 else "-")
        cells["load average after"].append(", ".join(f"{x:.1f}" for x in row["load_avg_after"]))
    lines = ["| | " + " | ".join(sizes) + " |", "|---|" + "---:|" * len(sizes)]
    lines += [f"| {r} | " + " | ".join(cells[r]) + " |" for r in ROWS]
    return "\n".join(lines)


def report(results: dict) -> str:
    m = results["machine"]
    parts = [
        f"# kg benchmark, {m['date']}, commit {m['commit']}",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; load average at start "
        f"{', '.join(f'{x:.1f}' for x in m['load_avg'])}. Python {m['python']}, spaCy "
        f"{m['spacy']}, pyoxigraph {m['pyoxigraph']}, model {m['model']}.",
        f"Command: `python bench/run.py {' '.join(results['argv'])}`",
        "",
        table(results),
        *real_table(results),
    ]
    q = results.get("queries")
    if q:
        parts += ["", f"Queries over the {q['size']}-word graph ({q['quads']:,} quads, parsed "
                  f"from N-Quads in {q['load_seconds']:.1f} s; in memory; default parameters):",
                  "", "| query | rows | runs | p50 ms | p95 ms |", "|---|---:|---:|---:|---:|"]
        for name, r in q["queries"].items():
            if r.get("timed_out"):
                parts.append(f"| {name} | ? | 0 | > {q['timeout_s'] * 1000:.0f} (stopped) | - |")
                continue
            parts.append(f"| {name} | {r['rows']:,} | {r.get('runs', '')} | {r['p50_ms']:.1f} | "
                         f"{r['p95_ms']:.1f} |")
        qp = q.get("queries_with_param") or {}
        if qp:
            parts += ["", "The same queries about one thing (a parameter bound to the most "
                      "mentioned entity of a fitting class, or to a class):", "",
                      "| query | parameter | rows | runs | p50 ms | p95 ms |",
                      "|---|---|---:|---:|---:|---:|"]
            for name, r in qp.items():
                (k, v), = r["param"].items()
                if r.get("timed_out"):
                    parts.append(f"| {name} | {k}={v} | ? | 0 | > {q['timeout_s'] * 1000:.0f} "
                                 "(stopped) | - |")
                    continue
                parts.append(f"| {name} | {k}={v} | {r['rows']:,} | {r['runs']} | "
                             f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")
        cs = results.get("cold_start")
        if cs is None:
            return "\n".join(parts) + "\n"
        parts += ["", "| kg query cold start | best s | median s |", "|---|---:|---:|"]
        for key, where in (("small_graph", "--graph {size}-word graph.nq"),
                           ("large_store", "--store {size}-word on-disk store"),
                           ("large_store_listing", "--store {size}-word on-disk store")):
            r = cs.get(key)
            if r is None:
                continue
            bound = "".join(f" --param {k}={v}" for k, v in r.get("params", {}).items())
            parts.append(f"| `kg query {r.get('query', COLD_START_LISTING)}{bound} "
                         f"{where.format(size=r['size'])}` | {r['best_s']:.2f} | "
                         f"{r['median_s']:.2f} |")
        parts += ["", f"`{COLD_START_QUERY}` about one thing measures the start-up (imports, "
                  f"store open, printing); `{COLD_START_LISTING}` lists every entity, so it "
                  "mostly measures that query."]
        if "disk_store_load_seconds" in q:
            parts += ["", f"Bulk load of the {q['size']}-word N-Quads into an on-disk store: "
                      f"{q['disk_store_load_seconds']:.1f} s."]
    return "\n".join(parts) + "\n"


def sizes_arg(text: str) -> list[int]:
    return [parse_size(s) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--worker":
        return worker_main(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=sizes_arg, default=sizes_arg("10k,100k,1M"),
                    help="corpus sizes in words (default 10k,100k,1M)")
    ap.add_argument("--jobs-sizes", type=sizes_arg, default=None,
                    help="sizes also built with --jobs 2 (default: every size from 100k "
                    "up, or the largest)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--formats", type=lambda s: s.split(","), default=list(FORMATS))
    ap.add_argument("--reps", type=int, default=20, help="timed runs of each query")
    ap.add_argument("--cold-reps", type=int, default=5)
    ap.add_argument("--query-timeout", type=float, default=60.0,
                    help="seconds before a query's runs are stopped and it is reported as such")
    ap.add_argument("--repeat", type=int, default=1, help="spaCy/kg pairs per size (best kept)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--skip-spacy", action="store_true",
                    help="no raw spaCy pass (e.g. for a memory-only run at 1M words)")
    ap.add_argument("--corpus-dir", type=Path, default=HERE / "corpus")
    ap.add_argument("--results-dir", type=Path, default=HERE / "results")
    ap.add_argument("--real", type=Path, action="append", default=None,
                    help="a folder of real news texts to time kg against raw spaCy on "
                    "(repeatable; default: the dev split, tests/data/dev)")
    ap.add_argument("--smoke", action="store_true",
                    help="tiny sizes, few repetitions: checks the benchmark runs, measures nothing")
    args = ap.parse_args(argv)
    if args.real is None:
        args.real = [HERE.parent / "tests" / "data" / "dev"]
    if args.smoke:
        args.sizes = sizes_arg("1500")
        args.jobs_sizes = args.jobs_sizes or []
        args.reps, args.cold_reps = 2, 1
        args.real = [HERE.parent / "seeds"]  # one real text: checks the real-news row runs
    if args.jobs_sizes is None:
        args.jobs_sizes = [s for s in args.sizes if s >= 100_000] or [max(args.sizes)]
    args.results_dir.mkdir(parents=True, exist_ok=True)
    results = run(args)
    run_real(args, results)
    text = report(results)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (args.results_dir / f"{stamp}.json").write_text(json.dumps(results, indent=1) + "\n")
    (args.results_dir / f"{stamp}.md").write_text(text)
    (args.results_dir / "latest.md").write_text(text)
    print(text)
    return 0


def worker_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["spacy", "kg", "queries"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--export-dir", type=Path)
    ap.add_argument("--formats", type=lambda s: s.split(","), default=list(FORMATS))
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--store-dir", type=Path)
    ap.add_argument("--timeout", type=float, default=60.0)
    a = ap.parse_args(argv)
    if a.kind == "spacy":
        out = worker_spacy(a.path, batch_size=a.batch_size)
    elif a.kind == "kg":
        out = worker_kg(a.path, batch_size=a.batch_size, jobs=a.jobs, export_dir=a.export_dir,
                        formats=a.formats)
    else:
        out = worker_queries(a.path, reps=a.reps, store_dir=a.store_dir, timeout=a.timeout)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
