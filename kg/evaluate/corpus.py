"""Score a split of a corpus (many texts, one gold file each) as one set of figures.

A split is a directory of texts and their gold files (``tests/data/dev``,
``tests/data/heldout``, ``seeds``): every ``*.yaml`` in it is a gold file whose
``document:`` names a text of the same directory. The figures are micro-averaged:
matched, predicted and gold counts are summed over the documents before P/R/F1 are
taken, so a long text weighs more than a short one, as in the per-type tables.
Like :mod:`kg.evaluate.run`, this reads the graph through SPARQL only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Store

from kg.errors import GoldError
from kg.evaluate.gold import Gold, read_gold
from kg.evaluate.graph import GraphRows
from kg.evaluate.mapping import COLUMNS, Mapping, load_mapping
from kg.evaluate.match import prf
from kg.evaluate.run import Evaluation, evaluate_store


@dataclass(frozen=True, slots=True)
class SplitFiles:
    """The gold files of a split and the texts they annotate."""

    name: str
    directory: Path
    golds: list[Gold]

    @property
    def texts(self) -> list[Path]:
        return [self.directory / g.document for g in self.golds if g.document]


def read_split(name: str, directory: Path | str, *, mapping: Mapping | None = None) -> SplitFiles:
    """Every gold file of ``directory``, checked to name a text that is there."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(f"split {name!r}: {directory} is not a directory",
                        hint="give a directory of texts and their gold files")
    mapping = mapping or load_mapping()
    golds = []
    for path in sorted(directory.glob("*.yaml")):
        gold = read_gold(path, mapping=mapping)
        if not gold.document:
            raise GoldError("a gold file of a split must name its text with `document:`",
                            path=path)
        if not (directory / gold.document).is_file():
            raise GoldError(f"the text {gold.document!r} is not in {directory}", path=path)
        golds.append(gold)
    if not golds:
        raise GoldError(f"split {name!r}: no gold files (*.yaml) in {directory}")
    return SplitFiles(name, directory, golds)


@dataclass(slots=True)
class SplitResult:
    """The evaluations of a split's documents and their micro-averaged sums."""

    name: str
    evaluations: list[Evaluation] = field(default_factory=list)

    def as_json(self, *, documents: bool = True) -> dict:
        """The ``kg eval --json`` figures summed over the split (and per document)."""
        per_doc = [ev.as_json() for ev in self.evaluations]
        typed = sum(1 for ev in self.evaluations for g, e in ev.entities.pairs
                    if ev.mapping.entity_types[g.type] == e.cls)
        core_found = sum(1 for ev in self.evaluations for g, _, _ in ev.facts.pairs if g.core)
        out = {"split": self.name, "texts": len(per_doc),
               "entities": _entities(per_doc, typed), "facts": _facts(per_doc, core_found),
               "questions": {"answered": sum(d["questions"]["answered"] for d in per_doc),
                             "total": sum(d["questions"]["total"] for d in per_doc)}}
        dates = out["facts"]["columns"]["date"]
        out["dates"] = {"right": dates["agree"], "given": dates["given"],
                        "accuracy": dates["accuracy"]}
        if documents:
            out["documents"] = [
                {"gold": d["gold"], "documents": d["documents"],
                 "entities": {k: d["entities"][k] for k in (*_SCORE_KEYS, "type_accuracy")},
                 "facts": {k: d["facts"][k] for k in (*_SCORE_KEYS, "core_recall")},
                 "dates": {"right": d["facts"]["columns"]["date"]["agree"],
                           "given": d["facts"]["columns"]["date"]["given"]},
                 "questions": {k: d["questions"][k] for k in ("answered", "total")}}
                for d in per_doc]
        return out


_SCORE_KEYS = ("precision", "recall", "f1", "gold", "predicted", "matched")


def evaluate_split(store: Store, split: SplitFiles, *, mapping: Mapping | None = None,
                   questions: Path | None = None, legacy: bool = False) -> SplitResult:
    """Score every gold file of ``split`` against its document in ``store``."""
    mapping = mapping or load_mapping()
    result = SplitResult(split.name)
    rows = GraphRows(store)  # the store read once for every gold file
    for gold in split.golds:
        result.evaluations.append(evaluate_store(store, gold, mapping=mapping,
                                                 questions=questions, legacy=legacy,
                                                 rows=rows))
    return result


def _entities(per_doc: list[dict], typed: int) -> dict:
    gold = sum(d["entities"]["gold"] for d in per_doc)
    predicted = sum(d["entities"]["predicted"] for d in per_doc)
    matched = sum(d["entities"]["matched"] for d in per_doc)
    by_type: dict[str, dict] = defaultdict(lambda: dict.fromkeys(
        ("gold", "predicted", "found", "correct"), 0))
    for d in per_doc:
        for t, row in d["entities"]["by_type"].items():
            for k in ("gold", "predicted", "found", "correct"):
                by_type[t][k] += row[k]
    for row in by_type.values():
        row.update(prf(row["correct"], row["predicted"], row["gold"]))
    return {**prf(matched, predicted, gold), "type_accuracy": typed / matched if matched else 0.0,
            "gold": gold, "predicted": predicted, "matched": matched,
            "by_type": dict(sorted(by_type.items()))}


def _columns(rows: list[dict]) -> dict[str, dict]:
    out = {}
    for c in COLUMNS:
        given = sum(r[c]["given"] for r in rows)
        agree = sum(r[c]["agree"] for r in rows)
        out[c] = {"given": given, "agree": agree, "accuracy": agree / given if given else None}
    return out


def _facts(per_doc: list[dict], core_found: int) -> dict:
    keys = ("gold", "core", "predicted", "matched")
    total = {k: sum(d["facts"][k] for d in per_doc) for k in keys}
    by_type: dict[str, dict] = defaultdict(lambda: {**dict.fromkeys(keys, 0), "cols": []})
    for d in per_doc:
        for t, row in d["facts"]["by_type"].items():
            for k in keys:
                by_type[t][k] += row[k]
            by_type[t]["cols"].append(row["columns"])
    table = {}
    for t, row in sorted(by_type.items()):
        cols = row.pop("cols")
        table[t] = {**row, **prf(row["matched"], row["predicted"], row["gold"]),
                    "columns": _columns(cols)}
    return {**prf(total["matched"], total["predicted"], total["gold"]),
            "core_recall": core_found / total["core"] if total["core"] else 1.0,
            **total, "columns": _columns([d["facts"]["columns"] for d in per_doc]),
            "by_type": table}
