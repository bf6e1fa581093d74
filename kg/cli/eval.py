"""``kg eval``: score a graph (or a fresh build of sources) against a gold annotation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import err, handle_errors, out


@handle_errors
def eval_cmd(
    sources: Annotated[list[str] | None, typer.Argument(
        help="Sources to build and evaluate (files, directories, globs); or give --graph.",
        show_default=False)] = None,
    *,
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold annotation file "
                                              "(format: docs/evaluation.md).")] = None,
    corpus: Annotated[list[str] | None, typer.Option(
        "--corpus", help="[NAME=]DIR: build the texts of a split directory (texts and "
        "their gold files) and score them together; repeat for several splits.",
        show_default=False)] = None,
    types: Annotated[list[str] | None, typer.Option(
        "--types", help="With --corpus: print the per-type fact table of this split.",
        show_default=False)] = None,
    graph: Annotated[Path | None, typer.Option("--graph", "-g", help="Evaluate this graph "
                                               "file instead of building sources.")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Evaluate this on-disk store "
                                               "instead of building sources.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of "
                                          "the report.")] = False,
    min_f1: Annotated[float | None, typer.Option("--min-f1", min=0.0, max=1.0,
                                                 help="Exit with status 1 when the entity "
                                                 "or the fact F1 is below this.")] = None,
    questions: Annotated[Path | None, typer.Option("--questions", help="Question -> query "
                                                   "map (default: the built-in one).")] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model when building "
                                              "sources.")] = None,
    fact_threshold: Annotated[float, typer.Option(
        "--fact-threshold", min=0.0, max=0.99, help="Build with kg build's --fact-threshold "
        "(the learned fact filter; 0: off).")] = 0.0,
    check: Annotated[bool, typer.Option("--check", help="Only validate the gold file (and "
                                        "its questions' queries), then exit.")] = False,
    legacy: Annotated[list[str] | None, typer.Option(
        "--legacy", help="Score a gold file older than kg's event inventory (the seed's): "
        "facts of types it never annotates are not judged, nor is factuality. With --gold: "
        "--legacy gold; with --corpus: --legacy SPLIT (repeatable).",
        show_default=False)] = None,
) -> None:
    """Measure extraction quality: precision/recall/F1 of entities and facts, questions answered."""
    from kg.evaluate.gold import read_gold
    from kg.evaluate.mapping import load_mapping
    from kg.evaluate.run import evaluate_store

    if corpus:
        if gold is not None or sources or graph is not None or store is not None or check:
            raise typer.BadParameter("--corpus takes no --gold, SOURCES, --graph, --store "
                                     "or --check")
        _corpus(corpus, types or [], as_json=as_json, model=model, questions=questions,
                fact_threshold=fact_threshold,
                min_f1=min_f1, legacy=legacy or [])
        return
    if gold is None:
        raise typer.BadParameter("give --gold FILE (or --corpus DIR)")
    if legacy and legacy != ["gold"]:
        raise typer.BadParameter("with --gold, say --legacy gold")
    given = sum(x is not None and x != [] for x in (sources, graph, store))
    if given != (0 if check else 1):
        raise typer.BadParameter("--check takes no graph or sources" if check else
                                 "give SOURCES to build, or --graph FILE, or --store DIR "
                                 "(exactly one)")
    mapping = load_mapping()
    gold_data = read_gold(gold, mapping=mapping)  # fail on a bad gold file before building
    if check:
        _check(gold_data, questions)
        return
    if sources:
        st = _build(sources, model, fact_threshold)
    else:
        from kg.store import open_graph

        st = open_graph(graph=graph, store=store)
    ev = evaluate_store(st, gold_data, mapping=mapping, questions=questions,
                        legacy=bool(legacy))
    if as_json:
        out.file.write(json.dumps(ev.as_json(), ensure_ascii=False, indent=2) + "\n")
        out.file.flush()
    else:
        from kg.evaluate.report import print_report

        print_report(ev, out)
    if min_f1 is not None:
        low = ev.below(min_f1)
        if low:
            err.print(f"below --min-f1 {min_f1}: {', '.join(low)}", markup=False)
            raise typer.Exit(1)


def _check(gold, questions: Path | None) -> None:
    """Report what a valid gold file holds and which questions have no query."""
    from kg.evaluate.questions import load_question_specs
    from kg.query import find_query

    specs = load_question_specs(questions)
    unmapped = []
    for q in gold.questions:
        spec = q.spec or specs.get(q.ask)
        if spec is None:
            unmapped.append(q)
        else:
            find_query(spec.query)  # an unknown query name is an error now, not later
    core = sum(1 for f in gold.facts if f.core)
    out.print(f"{gold.path}: valid; {len(gold.entities)} entities, {len(gold.facts)} facts "
              f"({core} core), {len(gold.questions)} questions", markup=False)
    for q in unmapped:
        err.print(f"warning: line {q.line}: no query answers {q.ask!r}; add query/columns "
                  "to the question (docs/evaluation.md)", markup=False)


def _build(sources: list[str], model: str | None, fact_threshold: float = 0.0):
    """Build the sources into an in-memory store (this is where spaCy is loaded)."""
    from kg.build import BuildOptions, build_into
    from kg.ingest.sources import expand_sources
    from kg.store import open_store

    st = open_store(None)
    report = build_into(st, expand_sources(sources), options=BuildOptions(model=model,
                                                                fact_threshold=fact_threshold))
    for w in report.warnings:
        err.print(f"warning: {w}", markup=False)
    for e in report.errors:
        err.print(f"error: {e}", markup=False)
    err.print(f"built {report.built} documents, {report.facts} facts, {report.entities} "
              f"entities in {report.seconds:.1f} s", markup=False)
    return st


def _corpus(specs: list[str], types: list[str], *, as_json: bool, model: str | None,
            fact_threshold: float = 0.0,
            questions: Path | None, min_f1: float | None, legacy: list[str]) -> None:
    """Build and score each split; one line per split (docs/evaluation.md, make eval)."""
    from kg.evaluate.corpus import evaluate_split, read_split
    from kg.evaluate.mapping import load_mapping

    mapping = load_mapping()
    splits = []
    for spec in specs:
        name, sep, directory = spec.partition("=")
        if not sep:
            name, directory = Path(spec).name or spec, spec
        splits.append(read_split(name, directory, mapping=mapping))  # all checked first
    for option, names in (("--types", types), ("--legacy", legacy)):
        unknown = set(names) - {s.name for s in splits}
        if unknown:
            raise typer.BadParameter(f"{option} names no split: {', '.join(sorted(unknown))}")
    results = {}
    for split in splits:
        st = _build([str(p) for p in split.texts], model, fact_threshold)
        results[split.name] = evaluate_split(st, split, mapping=mapping, questions=questions,
                                             legacy=split.name in legacy)
    figures = {name: r.as_json() for name, r in results.items()}
    if as_json:
        out.file.write(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
        out.file.flush()
    else:
        from kg.evaluate.report import print_split_lines, print_type_table

        print_split_lines(figures, out)
        for name in types:
            print_type_table(name, figures[name], out)
    if min_f1 is not None:
        low = [f"{name} {part} F1 {fig[part]['f1']:.3f}" for name, fig in figures.items()
               for part in ("entities", "facts") if fig[part]["f1"] < min_f1]
        if low:
            err.print(f"below --min-f1 {min_f1}: {', '.join(low)}", markup=False)
            raise typer.Exit(1)
