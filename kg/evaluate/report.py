"""The readable evaluation report: score tables, then every miss and spurious fact in context."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from kg.evaluate.mapping import COLUMNS
from kg.evaluate.run import Evaluation


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _column(cell: dict) -> str:
    return f"{cell['agree']}/{cell['given']}" if cell["given"] else "-"


def print_report(ev: Evaluation, console: Console) -> None:
    """Print the whole report; uses the same figures as ``Evaluation.as_json``."""
    data = ev.as_json()
    docs = ", ".join(data["documents"]) or "none"
    console.print(f"[bold]Evaluation[/] of {docs} against {data['gold']}", highlight=False)

    e = data["entities"]
    t = Table("type", "gold", "predicted", "found", "right type", "P", "R", "F1",
              title="Entities (per type: name and type must both agree)", title_justify="left")
    for name, row in e["by_type"].items():
        t.add_row(name, str(row["gold"]), str(row["predicted"]), str(row["found"]),
                  str(row["correct"]), _pct(row["precision"]), _pct(row["recall"]),
                  _pct(row["f1"]))
    t.add_section()
    t.add_row("all (by name)", str(e["gold"]), str(e["predicted"]), str(e["matched"]), "",
              _pct(e["precision"]), _pct(e["recall"]), _pct(e["f1"]), style="bold")
    console.print(t)
    console.print(f"type accuracy of matched entities: {_pct(e['type_accuracy'])} %",
                  highlight=False)

    f = data["facts"]
    t = Table("type", "gold", "core", "predicted", "matched", "P", "R", "F1", *COLUMNS,
              title="Facts (columns: agreement of matched facts, agree/given)",
              title_justify="left")
    for name, row in f["by_type"].items():
        t.add_row(name, str(row["gold"]), str(row["core"]), str(row["predicted"]),
                  str(row["matched"]), _pct(row["precision"]), _pct(row["recall"]),
                  _pct(row["f1"]), *(_column(row["columns"][c]) for c in COLUMNS))
    t.add_section()
    t.add_row("all", str(f["gold"]), str(f["core"]), str(f["predicted"]), str(f["matched"]),
              _pct(f["precision"]), _pct(f["recall"]), _pct(f["f1"]),
              *(_column(f["columns"][c]) for c in COLUMNS), style="bold")
    console.print(t)
    console.print(f"core recall: {_pct(f['core_recall'])} %", highlight=False)

    q = data["questions"]
    t = Table("line", "question", "query", "rows found", "extra", "status",
              title=f"Competency questions: {q['answered']}/{q['total']} answered",
              title_justify="left")
    for d in q["details"]:
        style = "green" if d["status"] == "answered" else "red"
        t.add_row(str(d["line"]), d["ask"], d["query"] or "-",
                  f"{d['found']}/{d['gold_rows']}", str(len(d["extra"])),
                  f"[{style}]{d['status']}[/]")
    console.print(t)
    for d in q["details"]:
        if d["missing"]:
            rows = "; ".join("[" + ", ".join("null" if c is None else str(c) for c in r) + "]"
                             for r in d["missing"])
            console.print(f"  line {d['line']} missing rows: {rows}", markup=False,
                          highlight=False)

    misses = data["misses"]
    console.print(f"\n[bold]Misses[/] ({len(misses)}): gold facts and entities the graph "
                  "lacks", highlight=False)
    for m in misses:
        if m["kind"] == "entity":
            console.print(f"- entity {m['type']} {m['name']!r} (gold line {m['line']})",
                          markup=False, highlight=False)
        else:
            core = " core" if m["core"] else ""
            console.print(f"-{core} fact {m['gold']} (gold line {m['line']})", markup=False,
                          highlight=False)
        if m["sentence"]:
            console.print(f"    sentence: {m['sentence']}", markup=False, highlight=False,
                          style="dim")
        near = m.get("nearest")
        if near:
            console.print(f"    nearest:  {near['fact']} — differs in "
                          f"{', '.join(near['disagree']) or 'nothing scored'}",
                          markup=False, highlight=False, style="dim")

    spurious = data["spurious"]
    console.print(f"\n[bold]Spurious[/] ({len(spurious)}): graph entities and facts the gold "
                  "lacks", highlight=False)
    for s in spurious:
        if s["kind"] == "entity":
            dup = (f" (duplicate of {', '.join(s['duplicate_of'])})"
                   if s["duplicate_of"] else "")
            console.print(f"- entity {s['type']} {s['label']!r}{dup}", markup=False,
                          highlight=False)
        else:
            console.print(f"- fact {s['fact']}", markup=False, highlight=False)
        if s["sentence"]:
            console.print(f"    sentence: {s['sentence']}", markup=False, highlight=False,
                          style="dim")

    unjudged = data.get("unjudged", [])
    if unjudged:
        console.print(f"\n[bold]Not judged[/] ({len(unjudged)}): facts of types this legacy "
                      "gold file never annotates, and entities only they name (--legacy)",
                      highlight=False)
        for u in unjudged:
            what = f"entity {u['type']} {u['label']!r}" if u["kind"] == "entity" else \
                f"fact {u['fact']}"
            console.print(f"- {what}", markup=False, highlight=False)

    partial = data["partial"]
    if partial:
        console.print(f"\n[bold]Matched with disagreements[/] ({len(partial)})",
                      highlight=False)
        for p in partial:
            console.print(f"- {p['gold']} (gold line {p['line']}) vs {p['fact']}: "
                          f"{', '.join(p['disagree'])} differ", markup=False, highlight=False)
            if p["sentence"]:
                console.print(f"    sentence: {p['sentence']}", markup=False,
                              highlight=False, style="dim")


def _prf(part: dict) -> str:
    return f"{part['precision']:.3f}/{part['recall']:.3f}/{part['f1']:.3f}"


def print_split_lines(figures: dict[str, dict], console: Console) -> None:
    """One line per split: entity P/R/F1, type accuracy, fact P/R/F1, dates, questions."""
    t = Table("split", "texts", "entities P/R/F1", "type acc.", "facts P/R/F1", "core R",
              "dates right/given", "questions", title="kg eval by split (micro-averaged)",
              title_justify="left")
    for name, fig in figures.items():
        e, f, d, q = fig["entities"], fig["facts"], fig["dates"], fig["questions"]
        t.add_row(name, str(fig["texts"]), _prf(e), f"{e['type_accuracy']:.3f}", _prf(f),
                  f"{f['core_recall']:.3f}", f"{d['right']}/{d['given']}",
                  f"{q['answered']}/{q['total']}")
    console.print(t)


def print_type_table(name: str, fig: dict, console: Console) -> None:
    """The per-type fact table of one split (summed over its texts)."""
    t = Table("type", "gold", "core", "predicted", "matched", "P", "R", "F1", *COLUMNS,
              title=f"Facts by type, {name} (columns: agree/given over matched facts)",
              title_justify="left")
    for ftype, row in sorted(fig["facts"]["by_type"].items(), key=lambda kv: -kv[1]["gold"]):
        t.add_row(ftype, str(row["gold"]), str(row["core"]), str(row["predicted"]),
                  str(row["matched"]), _pct(row["precision"]), _pct(row["recall"]),
                  _pct(row["f1"]), *(_column(row["columns"][c]) for c in COLUMNS))
    console.print(t)
