"""``kg build --executor dask``: the progress bar and the summary of a distributed build."""

from __future__ import annotations

from kg.cli.common import err


def run_dask_build(sources, output: str, *, options, dask, quiet: bool) -> int:
    """Build ``sources`` into shards under ``output``; prints progress and a summary.
    Returns the number of documents that failed."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from kg.cli.interrupt import interruptible
    from kg.dask_build import build_shards
    from kg.ingest.raw import count_documents

    total = count_documents(sources)

    def started(report) -> None:
        where = dask.scheduler or f"a local cluster of {dask.workers or 1} workers"
        err.print(f"building on {where}", markup=False, highlight=False)
        if report.dashboard:
            err.print(f"Dask dashboard: {report.dashboard}", markup=False, highlight=False)

    with interruptible(f"the finished shards are in {output}; run the same command again "
                       "to build only the rest"), \
            Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("docs {task.fields[rate]}"), TimeElapsedColumn(),
                  TextColumn("ETA"), TimeRemainingColumn(), console=err,
                  disable=quiet or not err.is_terminal, transient=True) as bar:
        task = bar.add_task("", total=total or None, rate="")

        def progress(done: int, words: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{done / elapsed:,.1f}/s, {words / elapsed:,.0f} words/s" if elapsed else ""
            bar.update(task, completed=done, rate=rate)

        report = build_shards(sources, output, options=options, dask=dask, progress=progress,
                              on_start=started)
    for w in report.warnings:
        err.print(f"[yellow]warning:[/] {w}", markup=True, highlight=False)
    for e in report.errors:
        err.print("[bold red]error:[/] ", end="", markup=True)
        err.print(e, markup=False)
    rate = report.words_built / report.seconds if report.seconds else 0.0
    bad = f" ({report.bad_records} bad archive records)" if report.bad_records else ""
    err.print(f"{report.built} documents built, {report.skipped} skipped{bad}, {report.failed} "
              f"failed; {report.units} updates, {report.entities} entities, {report.facts} "
              f"facts, {report.triples} triples, {report.words:,} words in "
              f"{report.seconds:.1f} s ({rate:,.0f} words/s); {report.shards} shards "
              f"({report.shards_reused} already built, {report.shard_bytes / 2**20:.1f} MB) "
              f"-> {output}", markup=False, highlight=False)
    return report.failed
