"""``kg``: build a knowledge graph from news text, query it, export it.

Each command is a thin wrapper; the work happens in importable modules.
Read-only commands (query, queries, export, validate) never import spaCy.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kg import __version__
from kg.cli.common import err, handle_errors, out
from kg.formats import GraphFormat, ResultFormat, ShardCompression
from kg.limits import DEFAULT_PARTITION_DOCS, DEFAULT_STREAM_BYTES


class Executor(StrEnum):
    """Where ``kg build`` runs the per-document pipeline."""

    LOCAL = "local"
    DASK = "dask"


DEFAULT_STREAM_MB = DEFAULT_STREAM_BYTES / 2**20

app = typer.Typer(
    name="kg",
    help="Turn English news text into an RDF knowledge graph you can query.\n\n"
    "Typical use: `kg build seeds/ -o out/graph.ttl`, then "
    "`kg query entities-by-type --graph out/graph.ttl`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

GraphOpt = Annotated[Path | None, typer.Option("--graph", "-g", help="Graph file to read "
                                               "(.ttl .nt .nq .trig .jsonld .rdf).")]


def _graph_format(value) -> GraphFormat:
    """``--format``: a graph format or an alias of one (``rdf`` for RDF/XML)."""
    if isinstance(value, GraphFormat):
        return value
    try:
        return GraphFormat(str(value).lower())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not one of "
                                 f"{', '.join(GraphFormat.names())}") from None


FormatOpt = Annotated[GraphFormat | None, typer.Option(
    "--format", "-f", parser=_graph_format, metavar="|".join(GraphFormat.names()),
    help="Output format (xml or rdf: RDF/XML; jsonld: compact, with kg's @context); "
         "default from the file extension.")]
EntailOpt = Annotated[bool, typer.Option(
    "--entail", help="Also write what the ontology's alignments entail: the sem:, schema:, "
    "org: and prov: types and super-properties of kg's terms, for stores that do not "
    "reason.")]
StoreOpt = Annotated[Path | None, typer.Option("--store", help="On-disk store directory made "
                                               "by `kg build --store`.")]


def format_of(output: Path) -> GraphFormat:
    """The graph format an output path's extension names; a usage error if none does."""
    if str(output) == "-":
        raise typer.BadParameter("writing to standard output (-o -) needs --format")
    try:
        return GraphFormat.from_path(str(output))
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _version(value: bool) -> None:
    if value:
        out.print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """kg: news text in, RDF knowledge graph out."""


@app.command()
@handle_errors
def build(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for "
                                                 "stdin.", show_default=False)],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Graph file to write "
                                               "(written atomically); with --executor dask, "
                                               "the folder (or fsspec URL) of the shards."
                                               )] = None,
    fmt: FormatOpt = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model name or path "
                                              "(default: en_core_web_sm, else its mirror)."
                                              )] = None,
    store: StoreOpt = None,
    base_iri: Annotated[str | None, typer.Option("--base-iri", help="Base for minted IRIs.")
                        ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base file "
                                                  "(Turtle, SKOS labels + a kg: class); "
                                                  "repeatable.")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="With --store: rebuild documents "
                                          "the store already holds unchanged; with "
                                          "--executor dask: rebuild finished shards.")
                       ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the "
                                      "per-document pipeline (each loads the model).")] = 1,
    published: Annotated[str | None, typer.Option(
        "--published", help="The page date of every source (YYYY-MM-DD), whatever the text "
        "says; relative dates resolve against it.")] = None,
    fact_threshold: Annotated[float, typer.Option(
        "--fact-threshold", min=0.0, max=0.99, help="Drop facts the learned filter gives a "
        "lower probability of being right (0: keep every fact; 0.3 is the trained "
        "model's suggestion: more precise, less recall; docs/evaluation.md).")] = 0.0,
    max_size: Annotated[float | None, typer.Option(
        "--max-size", min=0, help="Refuse files larger than this, in MB (default: no limit "
        f"for files, {DEFAULT_STREAM_MB:g} MB for standard input; 0: no limit at all). Long "
        "documents are built in parts, in bounded memory.", show_default=False)] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="In folders, follow "
                                               "symbolic links that lead outside the folder."
                                               )] = False,
    entail: EntailOpt = False,
    field: Annotated[list[str] | None, typer.Option(
        "--field", help="JSON Lines archives: the key of a record's id, url, title, "
        "published or text, as NAME=KEY (e.g. text=body); repeatable.")] = None,
    executor: Annotated[Executor, typer.Option(
        "--executor", help="local: this machine (--jobs); dask: a Dask cluster, one N-Quads "
        "shard per partition into the -o folder (docs/scaling.md).")] = Executor.LOCAL,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="--executor dask: start a local cluster of this many "
        "worker processes.", show_default=False)] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="--executor dask: use the cluster of this scheduler "
        "(tcp://HOST:PORT).", show_default=False)] = None,
    compression: Annotated[ShardCompression, typer.Option(
        "--compression", help="--executor dask: shards as gzip (.nq.gz) or plain .nq."
        )] = ShardCompression.GZIP,
    partition_docs: Annotated[int, typer.Option(
        "--partition-docs", min=1, help="--executor dask: documents per partition (and "
        "shard), on average.")] = DEFAULT_PARTITION_DOCS,
) -> None:
    """Read news text and build the knowledge graph (one named graph per document)."""
    from kg.build import BuildOptions, build_to_file
    from kg.ingest.archives import ArchiveFields
    from kg.ingest.sources import expand_sources

    if executor is Executor.LOCAL and (workers or scheduler):
        raise typer.BadParameter("--workers and --scheduler need --executor dask")
    if executor is Executor.DASK:
        _check_dask_options(output=output, store=store, fmt=fmt, jobs=jobs, workers=workers,
                            scheduler=scheduler)
        if entail:
            raise typer.BadParameter("--entail does not apply to shards; load them with "
                                     "`kg load --shards DIR --into STORE`, then `kg export "
                                     "--store STORE --entail -o FILE`")
    if output is None and store is None:
        raise typer.BadParameter("give --output FILE and/or --store DIR")
    if entail and output is None:
        raise typer.BadParameter("--entail is for the output file (-o): the store keeps kg's "
                                 "own terms; `kg export --store DIR --entail -o FILE` writes "
                                 "them with what they entail")
    out_file = Path(output) if output is not None and executor is Executor.LOCAL else None
    if out_file is not None and fmt is None:
        fmt = format_of(out_file)
    srcs = expand_sources(sources, follow_links=follow_links)
    for w in srcs.warnings:
        err.print(f"[yellow]warning:[/] {w}", markup=True, highlight=False)
    options = BuildOptions(model=model, base_iri=base_iri,
                           kb_files=tuple(str(p) for p in kb or ()), rebuild=rebuild,
                           jobs=jobs,
                           max_bytes=None if max_size is None else int(max_size * 2**20),
                           published=_iso_date(published, "--published"),
                           fields=ArchiveFields.parse(field or []),
                           fact_threshold=fact_threshold)
    if executor is Executor.DASK:
        from kg.cli.build_dask import run_dask_build
        from kg.dask_build import DaskOptions

        assert output is not None
        failed = run_dask_build(srcs, output, options=options, quiet=quiet,
                                dask=DaskOptions(workers=workers, scheduler=scheduler,
                                                 compression=compression,
                                                 partition_docs=partition_docs,
                                                 rebuild=rebuild))
        if failed:
            raise typer.Exit(1)
        return
    output = out_file
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from kg.cli.interrupt import interruptible

    unchanged = f"{output} was not written and keeps its previous content" if output else ""
    if store is not None:
        unchanged += (("; " if unchanged else "")
                      + f"documents finished before the stop are in {store}")
    with interruptible(unchanged), \
            Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                     TextColumn("{task.description}"), console=err,
                     disable=quiet or not err.is_terminal, transient=True) as bar:
        task = bar.add_task("", total=len(srcs))
        report = build_to_file(srcs, output, fmt=fmt, options=options, store_dir=store,
                               progress=lambda d: bar.update(task, advance=1,
                                                             description=d.doc_id),
                               entail=entail)
    for w in report.warnings:
        err.print(f"[yellow]warning:[/] {w}", markup=True, highlight=False)
    for e in report.errors:
        err.print("[bold red]error:[/] ", end="", markup=True)
        err.print(e, markup=False)
    target = f" -> {output}" if output else ""
    if output is not None and not report.built and not report.unchanged:
        target = f"; nothing built, so {output} was left unchanged"
    err.print(f"{report.built} documents built, {report.skipped} skipped, {report.failed} failed; "
              f"{report.units} updates, {report.entities} entities, {report.facts} facts, "
              f"{report.triples} triples in {report.seconds:.1f} s{target}", markup=False)
    if report.failed:
        raise typer.Exit(1)


def _check_dask_options(*, output, store, fmt, jobs: int, workers, scheduler) -> None:
    """The options a distributed build takes: -o FOLDER, and workers or a scheduler."""
    if output is None:
        raise typer.BadParameter("--executor dask writes shards: give -o FOLDER (or an "
                                 "fsspec URL such as s3://bucket/shards)")
    if store is not None or fmt is not None or jobs != 1:
        raise typer.BadParameter("--executor dask writes N-Quads shards into -o FOLDER; "
                                 "--store, --format and --jobs are for local builds (load "
                                 "the shards with `kg load --shards FOLDER --into STORE`)")
    if workers and scheduler:
        raise typer.BadParameter("give --workers N (a local cluster) or --scheduler URL "
                                 "(an existing one), not both")


def _iso_date(text: str | None, option: str):
    """An ISO date given on the command line, or a usage error naming the option."""
    from datetime import date

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise typer.BadParameter(f"{option} takes a date as YYYY-MM-DD, got {text!r}") from exc


@app.command()
@handle_errors
def query(
    name: Annotated[str | None, typer.Argument(help="A query of the library (see `kg queries`),"
                                               " a .rq/.sparql file, or - to read SPARQL "
                                               "from stdin.", show_default=False)] = None,
    graph: GraphOpt = None,
    store: StoreOpt = None,
    sparql: Annotated[str | None, typer.Option("--sparql", "-e", help="SPARQL text to run "
                                               "instead of a named query.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value, "
                                                    "bound safely; repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="SELECT and ASK: table, csv, tsv, "
                                     "json, xml; CONSTRUCT and DESCRIBE: ttl (also for table), "
                                     "nt, jsonld, xml (RDF/XML).")] = ResultFormat.TABLE.value,
    print_sparql: Annotated[bool, typer.Option("--print-sparql", help="Print the query with "
                                               "the parameters in its VALUES blocks "
                                               "(standard SPARQL 1.1, for any store) and "
                                               "exit.")] = False,
) -> None:
    """Run a SPARQL query (library name, file, -e TEXT or - for stdin) over a graph or store.

    ASK prints true or false and exits 0 or 1.
    """
    from kg.cli.render import RESULT_FORMAT_NAMES, print_results
    from kg.query import find_query, parse_params, query_from_text, run_query, sparql_with_values

    if fmt not in RESULT_FORMAT_NAMES:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(RESULT_FORMAT_NAMES)}",
                                 param_hint="--format")
    if (name is None) == (sparql is None):
        raise typer.BadParameter("give a query name, a .rq/.sparql file or -, or -e 'SPARQL'")
    if sparql is not None:
        q = query_from_text(sparql, name="sparql")
    elif name == "-":
        import sys

        q = query_from_text(sys.stdin.read(), name="stdin")
    else:
        q = find_query(name)
    params = parse_params(param or [])
    if print_sparql:
        out.print(sparql_with_values(q, params), markup=False, highlight=False, end="")
        return
    from kg.store import open_graph

    st = open_graph(graph=graph, store=store)
    if not print_results(run_query(st, q, params), fmt, title=q.title):
        raise typer.Exit(1)


@app.command("queries")
@handle_errors
def list_queries() -> None:
    """List the query library with titles and parameters."""
    from rich.table import Table

    from kg.query import library

    table = Table("name", "title", "parameters", box=None, show_edge=False)
    for name, q in library().items():
        params = ", ".join(f"{p.name} ({p.kind})" + (f" = {p.default}" if p.default else "")
                           for p in q.params if not p.derived)
        table.add_row(name, q.title, params or "-")
    out.print(table)


@app.command()
@handle_errors
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (atomically).")],
    graph: GraphOpt = None,
    store: StoreOpt = None,
    fmt: FormatOpt = None,
    entail: EntailOpt = False,
) -> None:
    """Export a graph file or store to another RDF format."""
    from kg.store import export_store, open_graph

    fmt = fmt or format_of(output)
    st = open_graph(graph=graph, store=store)
    if graph is not None and fmt.is_dataset and not any(True for _ in st.named_graphs()):
        err.print(f"[yellow]warning:[/] {graph} holds no named graphs (a triple format such as "
                  f"Turtle or N-Triples cannot), so every quad of {output} is in the default "
                  "graph; export from the store (--store DIR) or from a .nq/.trig/.jsonld "
                  "file to keep one graph per document", markup=True, highlight=False)
    export_store(st, output, fmt, entail=entail)
    err.print(f"{len(st)} quads{' and what they entail' if entail else ''} -> {output} "
              f"({fmt.label})", markup=False)


from kg.cli.entities import entities_cmd  # noqa: E402

app.command("entities")(entities_cmd)

from kg.cli.eval import eval_cmd  # noqa: E402

app.command("eval")(eval_cmd)

from kg.cli.validate import validate_cmd  # noqa: E402

app.command("validate")(validate_cmd)

from kg.cli.drop import drop_cmd  # noqa: E402

app.command("drop")(drop_cmd)

from kg.cli.load import load_cmd  # noqa: E402

app.command("load")(load_cmd)

from kg.cli.serve import serve_cmd  # noqa: E402

app.command("serve")(serve_cmd)


def main() -> None:
    app()
