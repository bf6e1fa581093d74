"""Benchmark of the query library and of kg serve as the store grows (issue 18).

    python bench/serve_bench.py                       # 100, 500, 2000 documents, both corpora
    python bench/serve_bench.py --documents 100,500 --modes shared
    python bench/serve_bench.py --smoke               # tiny; checks it works, measures nothing

Two generated corpora (bench/generate.py): ``shared``, where every document covers the same
crisis (the same president, ministries and cities in hundreds of articles), and
``distinct``, where each document has its own names. Each is built once into an on-disk
store, incrementally: the first 100 documents, then up to 500, then up to 2,000. At each
size:

- every query of the library (default parameters, and about one thing where it takes a
  name) and of the explorer, p50/p95 over the on-disk store (what kg serve reads), each
  in a forked process stopped at the budget;
- at 500 documents of the shared corpus, the load test: ``kg serve`` on the store and 8
  clients x 200 mixed requests (pages, views, library forms, /query), with throughput,
  p50/p95/max latency, errors and the peak RSS of the server and its workers;
- at the largest size, the time of every page of the app (p95 of 5).

Targets are read from the report (docs/explorer.md), never checked by timed tests.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import _percentile, typical_values  # noqa: E402

QUERY_BUDGET_S = 60.0
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# -- building -------------------------------------------------------------------------------
def corpus(mode: str, documents: int, root: Path) -> Path:
    out = root / f"{mode}{documents}"
    generate(0, out, documents=documents, shared=(mode == "shared"))
    return out


def grow_store(corpus_dir: Path, store_dir: Path, documents: int) -> dict:
    """Build the first ``documents`` files of the corpus into the store (incrementally)."""
    from kg.build import BuildOptions, build_into
    from kg.ingest.sources import expand_sources
    from kg.store import open_store

    files = sorted(str(p) for p in corpus_dir.glob("*.txt"))[:documents]
    store = open_store(store_dir)
    t0 = time.perf_counter()
    report = build_into(store, expand_sources(files), options=BuildOptions())
    store.flush()
    seconds = time.perf_counter() - t0
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    del store
    return {"documents": documents, "words": words, "built": report.built,
            "skipped": report.skipped, "seconds": seconds, "facts": report.facts}


# -- query timings --------------------------------------------------------------------------
def _time_query(store_dir: str, path: str, params: dict, reps: int, send) -> None:
    from pyoxigraph import Store

    from kg.query import parse_query_file, rows, run_query

    store = Store.read_only(store_dir)
    query = parse_query_file(Path(path))
    times, spent = [], 0.0
    for i in range(reps + 1):
        t0 = time.perf_counter()
        _, result = rows(run_query(store, query, params))
        dt = time.perf_counter() - t0
        spent += dt
        if i:
            times.append(dt)
        ordered = sorted(times or [dt])
        # after every run, what is known so far (the parent keeps the last it got)
        send.send({"rows": len(result), "runs": len(times), "first_ms": 1000 * dt,
                   "p50_ms": 1000 * statistics.median(ordered),
                   "p95_ms": 1000 * _percentile(ordered, 95)})
        if i >= 3 and spent > QUERY_BUDGET_S / 4:
            break


def time_queries(store_dir: Path, *, reps: int, budget: float) -> dict:
    """p50/p95 of every library and explorer query over the on-disk store."""
    from pyoxigraph import Store

    from kg.query import library, parse_query_file

    store = Store.read_only(str(store_dir))
    values = typical_values(store)
    entity, fact = _typical_iris(store)
    del store
    fork = multiprocessing.get_context("fork")

    def timed(path: Path, params: dict) -> dict:
        recv, send = fork.Pipe(duplex=False)
        child = fork.Process(target=_time_query,
                             args=(str(store_dir), str(path), params, reps, send))
        child.start()
        got: dict = {"timed_out": True, "budget_s": budget}
        deadline = time.monotonic() + budget
        while child.is_alive() or recv.poll(0):
            if recv.poll(max(0.0, min(1.0, deadline - time.monotonic()))):
                got = recv.recv()
            elif time.monotonic() >= deadline:
                break
        child.kill()
        child.join()
        return got

    out: dict = {}
    for name, q in sorted(library().items()):
        out[name] = timed(q.path, {})
        param = next((p for p in q.params if p.name in values and p.default is None), None)
        if param is not None:
            bound = {param.name: values[param.name]}
            out[f"{name} ({param.name})"] = timed(q.path, bound) | {"param": bound}
    explorer = ROOT / "queries" / "explorer"
    for path in sorted(explorer.glob("*.rq")):
        q = parse_query_file(path)
        names = {p.name for p in q.params}
        params = {"entity": entity} if "entity" in names else {}
        params |= {"fact": fact} if "fact" in names else {}
        params |= {"iri": fact} if "iri" in names else {}
        out[f"explorer/{path.stem}"] = timed(path, params)
    return out


def _typical_iris(store) -> tuple[str, str]:
    """The most mentioned entity and one of the facts it takes part in."""
    from collections import Counter

    from kg.rdf.vocab import KG

    counts = Counter(q.object for q in store.quads_for_pattern(None, KG.mentionOf, None))
    entity = counts.most_common(1)[0][0]
    fact = next(q.subject for q in store.quads_for_pattern(None, KG.location, None)) \
        if not any(store.quads_for_pattern(None, KG.agent, entity)) else \
        next(q.subject for q in store.quads_for_pattern(None, KG.agent, entity))
    return entity.value, fact.value


# -- kg serve: pages and load ---------------------------------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 30) -> tuple[int, float, int]:
    t0 = time.perf_counter()
    try:
        with NO_PROXY.open(url, timeout=timeout) as r:
            body = r.read()
            return r.status, time.perf_counter() - t0, len(body)
    except urllib.error.HTTPError as exc:
        exc.read()
        return exc.code, time.perf_counter() - t0, 0
    except OSError:
        return 0, time.perf_counter() - t0, 0


def _tree_rss(pid: int) -> int:
    pids, todo = [pid], [pid]
    while todo:
        parent = todo.pop()
        try:
            kids = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            kids = []
        pids += [int(k) for k in kids]
        todo += [int(k) for k in kids]
    total = 0
    for p in pids:
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * os.sysconf(
                "SC_PAGE_SIZE")
    return total


class Served:
    """``kg serve --store DIR`` on a free loopback port, with its peak RSS sampled."""

    def __init__(self, store_dir: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        kg = Path(sys.executable).parent / "kg"
        self.proc = subprocess.Popen([str(kg), "serve", "--store", str(store_dir), "--port",
                                      str(self.port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        self.peak = 0
        self._stop = threading.Event()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if _get(f"{self.base}/query?query=ASK%7B%7D", timeout=2)[0] == 200:
                break
            time.sleep(0.2)
        t0 = time.perf_counter()
        _get(f"{self.base}/api/places", timeout=600)  # the in-memory indexes are built
        self.warm_s = time.perf_counter() - t0
        self._watcher = threading.Thread(target=self._watch, daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(self.proc.pid))
            time.sleep(0.05)

    def close(self) -> None:
        self._stop.set()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _sample_paths(store_dir: Path, n_entities: int = 40) -> dict[str, list[str]]:
    from collections import Counter

    from pyoxigraph import Store

    from kg.rdf.vocab import KG, SKOS

    store = Store.read_only(str(store_dir))
    counts = Counter(q.object for q in store.quads_for_pattern(None, KG.mentionOf, None))
    entities = [e for e, _ in counts.most_common(n_entities)]
    labels = []
    for e in entities[:10]:
        label = next(store.quads_for_pattern(e, SKOS.prefLabel, None), None)
        if label is not None:
            labels.append(label.object.value)
    facts = [q.subject.value for _, q in zip(range(200), store.quads_for_pattern(
        None, KG.trigger, None), strict=False)]
    del store
    q = urllib.parse.quote
    return {
        "home": ["/"],
        "search": [f"/?q={q(label[:5])}" for label in labels],
        "entity": [f"/entity?iri={q(e.value, safe='')}" for e in entities],
        "fact": [f"/fact?iri={q(f, safe='')}" for f in facts[:100]],
        "library": ["/queries/detentions?run=1", "/queries/who-deployed-what-where?run=1",
                    "/queries/requests?run=1",
                    *[f"/queries/statements?run=1&p_speaker={q(label)}" for label in labels],
                    *[f"/queries/mentions-of?run=1&p_label={q(label)}" for label in labels],
                    *[f"/queries/timeline?run=1&p_place={q(label)}" for label in labels]],
        "network": ["/api/network", "/api/network?factType=Deployment",
                    "/api/network?cap=300&type=Person&type=GovernmentBody"],
        "timeline": ["/api/timeline", "/api/timeline?factType=Protest"],
        "map": ["/api/places"],
        "sparql": ["/query?query=" + q("SELECT ?e ?l WHERE { ?e a kg:Person ; "
                                       "skos:prefLabel ?l } LIMIT 50")],
    }


def page_times(served: Served, paths: dict[str, list[str]], reps: int = 5) -> dict:
    out = {}
    for kind, urls in paths.items():
        url = urls[0]  # the most mentioned entity, the first fact, ...
        times, status = [], 0
        for _ in range(reps):
            status, dt, _ = _get(served.base + url, timeout=60)
            times.append(dt)
        times.sort()
        out[kind] = {"url": url, "status": status, "p50_ms": 1000 * statistics.median(times),
                     "p95_ms": 1000 * _percentile(times, 95)}
    return out


def load_test(served: Served, paths: dict[str, list[str]], *, clients: int, requests: int
              ) -> dict:
    """``clients`` threads, each ``requests`` requests drawn from every kind of page."""
    mix = [(kind, url) for kind, urls in paths.items() for url in urls]
    latencies: list[float] = []
    errors: list[tuple[str, int]] = []
    lock = threading.Lock()

    def client(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(requests):
            _, url = rng.choice(mix)
            status, dt, _ = _get(served.base + url, timeout=60)
            with lock:
                latencies.append(dt)
                if status != 200:
                    errors.append((url, status))

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    latencies.sort()
    return {"clients": clients, "requests": len(latencies), "errors": len(errors),
            "error_samples": errors[:10], "seconds": seconds,
            "throughput_rps": len(latencies) / seconds,
            "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * _percentile(latencies, 95), "max_ms": 1000 * latencies[-1],
            "peak_rss_mb": served.peak / 1e6}


# -- report ---------------------------------------------------------------------------------
def _ms(cell: dict | None, key: str = "p95_ms") -> str:
    if not cell:
        return "-"
    if cell.get("timed_out"):
        return f"> {cell['budget_s']:.0f} s"
    return f"{cell[key]:,.0f}"


def report(results: dict) -> str:
    lines = [f"# kg serve benchmark, {results['stamp']}", "",
             f"Machine: {os.cpu_count()} cores; budget per query {results['budget_s']:.0f} s.",
             ""]
    for mode, stages in results["modes"].items():
        sizes = [s["build"]["documents"] for s in stages]
        lines += [f"## {mode} corpus", "",
                  "| documents | words | facts (built) | build s |", "| --- | --- | --- | --- |"]
        lines += [f"| {s['build']['documents']:,} | {s['build']['words']:,} | "
                  f"{s['build']['facts']:,} | {s['build']['seconds']:.0f} |" for s in stages]
        lines += ["", "Query p95 in ms (p50 in brackets), on the on-disk store:", "",
                  "| query | " + " | ".join(f"{n:,} docs" for n in sizes) + " |",
                  "| --- |" + " --- |" * len(sizes)]
        for name in stages[0]["queries"]:
            cells = [f"{_ms(s['queries'].get(name))} ({_ms(s['queries'].get(name), 'p50_ms')})"
                     for s in stages]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
        for s in stages:
            if "load" in s:
                load = s["load"]
                lines += [f"Load test at {s['build']['documents']:,} documents: "
                          f"{load['clients']} clients x {load['requests'] // load['clients']} "
                          f"requests: {load['throughput_rps']:.1f} requests/s, p50 "
                          f"{load['p50_ms']:.0f} ms, p95 {load['p95_ms']:.0f} ms, max "
                          f"{load['max_ms']:.0f} ms, {load['errors']} errors, peak RSS of "
                          f"server and workers {load['peak_rss_mb']:.0f} MB (start-up "
                          f"indexes {s['warm_s']:.1f} s).", ""]
            if "pages" in s:
                lines += [f"Pages at {s['build']['documents']:,} documents (ms):", "",
                          "| page | p50 | p95 |", "| --- | --- | --- |"]
                lines += [f"| {k} | {v['p50_ms']:.0f} | {v['p95_ms']:.0f} |"
                          for k, v in s["pages"].items()]
                lines.append("")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", default="100,500,2000")
    ap.add_argument("--modes", default="shared,distinct")
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--budget", type=float, default=QUERY_BUDGET_S)
    ap.add_argument("--load-at", type=int, default=500)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--work", type=Path, default=HERE / "corpus")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--load-store", type=Path,
                    help="only the load test, against this existing store")
    args = ap.parse_args(argv)
    if args.load_store is not None:
        served = Served(args.load_store)
        try:
            result = load_test(served, _sample_paths(args.load_store), clients=args.clients,
                               requests=args.requests) | {"warm_s": served.warm_s}
        finally:
            served.close()
        print(json.dumps(result, indent=1))
        return 0
    if args.smoke:
        args.documents, args.modes, args.reps, args.budget = "6", "shared", 1, 30.0
        args.load_at, args.clients, args.requests = 6, 2, 5
    sizes = sorted(int(n) for n in args.documents.split(","))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    results: dict = {"stamp": stamp, "budget_s": args.budget, "modes": {}}
    for mode in args.modes.split(","):
        src = corpus(mode, sizes[-1], args.work)
        store_dir = args.work / f"store-{mode}{sizes[-1]}"
        shutil.rmtree(store_dir, ignore_errors=True)
        stages = results["modes"][mode] = []
        for n in sizes:
            stage: dict = {"build": grow_store(src, store_dir, n)}
            print(f"{mode} {n}: built {stage['build']}", file=sys.stderr, flush=True)
            stage["queries"] = time_queries(store_dir, reps=args.reps, budget=args.budget)
            if (mode == "shared" and n == args.load_at) or n == sizes[-1]:
                served = Served(store_dir)
                try:
                    stage["warm_s"] = served.warm_s
                    paths = _sample_paths(store_dir)
                    if mode == "shared" and n == args.load_at:
                        stage["load"] = load_test(served, paths, clients=args.clients,
                                                  requests=args.requests)
                    if n == sizes[-1]:
                        stage["pages"] = page_times(served, paths)
                finally:
                    served.close()
            stages.append(stage)
            print(report(results), file=sys.stderr, flush=True)
    text = report(results)
    print(text)
    if not args.smoke:
        out = HERE / "results"
        out.mkdir(exist_ok=True)
        (out / f"serve-{stamp}.md").write_text(text)
        (out / f"serve-{stamp}.json").write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
