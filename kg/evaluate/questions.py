"""Competency questions: run each question's library query and compare rows with the gold answer.

Which query answers which question, with which parameters and columns, is
data: ``questions.yaml`` next to this module, or the question's own
``query:``/``params:``/``columns:`` in the gold file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pyoxigraph import Store

from kg.errors import GoldError
from kg.evaluate._yaml import NodeReader
from kg.evaluate.gold import Gold, GoldQuestion, QuestionSpec, parse_spec
from kg.evaluate.match import Matcher, assign, date_matches, number_matches
from kg.query import find_query, rows, run_query

QUESTIONS_FILE = Path(__file__).with_name("questions.yaml")


@dataclass(slots=True)
class QuestionResult:
    ask: str
    line: int
    query: str | None
    status: str  # answered | incomplete | misordered | unmapped
    gold_rows: int
    found: int = 0
    missing: list[list] = field(default_factory=list)
    extra: list[list] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return self.status == "answered"

    def as_json(self) -> dict:
        return {"ask": self.ask, "line": self.line, "query": self.query,
                "status": self.status, "gold_rows": self.gold_rows, "found": self.found,
                "missing": self.missing, "extra": self.extra}


def load_question_specs(path: Path | None = None) -> dict[str, QuestionSpec]:
    """Question text -> how to ask it, from ``questions.yaml`` (or another file)."""
    if path is None:
        return _default_specs()
    return _parse_specs(Path(path))


@cache
def _default_specs() -> dict[str, QuestionSpec]:
    return _parse_specs(QUESTIONS_FILE)


def _parse_specs(path: Path) -> dict[str, QuestionSpec]:
    r = NodeReader(path, GoldError)
    root = r.load()
    if root is None:
        return {}
    top = r.keys(root, "the question map", required=("questions",))
    out: dict[str, QuestionSpec] = {}
    for node in r.sequence(top["questions"], "questions"):
        items = r.keys(node, "a question", required=("ask", "query", "columns"),
                       optional=("params", "ordered_by"))
        ask = r.string(items["ask"], "ask")
        if ask in out:
            raise r.fail(node, f"question {ask!r} is mapped twice")
        out[ask] = parse_spec(r, node, items)
    return out


_JOINED = "; "  # how the library queries join the values of a multi-valued role


class CellMatcher:
    """Compares a result cell with a gold answer cell of a given kind."""

    def __init__(self, matcher: Matcher):
        self.m = matcher
        mapping = matcher.mapping
        # folded label of a graph entity -> gold entities that entity names
        self.label_index: dict[str, set[str]] = {}
        for e in matcher.graph.entities:
            names = matcher.denotes.get(e.iri, set())
            if names:
                for label in e.labels:
                    self.label_index.setdefault(mapping.fold(label), set()).update(names)

    def matches(self, gold, cell: str | None, kind: str) -> bool:
        mapping = self.m.mapping
        if cell is not None and not cell.strip():
            cell = None
        if gold is None:
            return cell is None
        if cell is None:
            return False
        if isinstance(gold, tuple):
            # a role with several values: the listing joins them in one cell ("Gao; Kidal");
            # each value matches one part, one to one, and no part is left over
            parts = [p.strip() for p in cell.split(_JOINED)]
            return len(parts) == len(gold) and len(assign(
                [[j for j, p in enumerate(parts) if self.matches(g, p, kind)]
                 for g in gold])) == len(gold)
        if kind == "entity":
            entity = self.m.gold.entity_named(str(gold), mapping)
            if entity is None:
                return (mapping.fold(str(gold)) == mapping.fold(cell)
                        or mapping.text_matches(str(gold), cell))
            folded = mapping.fold(cell)
            return (folded in self.m.names_of(entity.name)
                    or entity.name in self.label_index.get(folded, ()))
        if kind == "text":
            return mapping.text_matches(str(gold), cell)
        if kind == "number":
            try:
                return number_matches(float(gold), float(cell), mapping.tolerance)
            except (TypeError, ValueError):
                return False
        if kind == "date":
            return date_matches(str(gold), cell)
        if kind == "type":
            spec = mapping.facts.get(str(gold))
            want = {mapping.fold(str(gold)), mapping.fold(spec.cls if spec else str(gold))}
            return mapping.fold(cell.rsplit("#", 1)[-1]) in want
        raise ValueError(f"unknown cell kind {kind!r}")


def answer_question(store: Store, question: GoldQuestion, spec: QuestionSpec | None,
                    cells: CellMatcher, *, path: Path | None = None,
                    legacy: bool = False) -> QuestionResult:
    """Run the question's query and compare its rows with the gold answer. A legacy gold
    file (no factuality annotated) is asked about every event, whatever its factuality."""
    if spec is None:
        return QuestionResult(question.ask, question.line, None, "unmapped",
                              len(question.answer), missing=question.answer)
    query = find_query(spec.query)
    params = dict(spec.params)
    if legacy and any(p.name == "only" for p in query.params):
        params.setdefault("only", "any")
    header, data = rows(run_query(store, query, params))
    absent = [c.column for c in spec.columns if c.column not in header]
    if absent:
        raise GoldError(f"line {question.line}: query {spec.query!r} has no column "
                        f"{', '.join(map(repr, absent))} (question {question.ask!r})",
                        path=path, hint=f"its columns: {', '.join(header)}")
    index = [header.index(c.column) for c in spec.columns]
    projected = list(dict.fromkeys(tuple(row[i] for i in index) for row in data))
    candidates = [[j for j, row in enumerate(projected)
                   if all(cells.matches(g, cell, c.kind)
                          for g, cell, c in zip(gold_row, row, spec.columns, strict=True))]
                  for gold_row in question.answer]
    chosen = assign(candidates)
    missing = [row for i, row in enumerate(question.answer) if i not in chosen]
    extra = [list(row) for j, row in enumerate(projected) if j not in set(chosen.values())]
    status = "answered" if not missing else "incomplete"
    if status == "answered" and spec.ordered_by and not _in_order(question, spec, chosen):
        status = "misordered"
    return QuestionResult(question.ask, question.line, spec.query, status,
                          len(question.answer), len(chosen), missing, extra)


def _in_order(question: GoldQuestion, spec: QuestionSpec, chosen: dict[int, int]) -> bool:
    """Rows whose gold keys differ come back in the gold order."""
    k = [c.column for c in spec.columns].index(spec.ordered_by)
    keys = {i: _order_key(question.answer[i][k]) for i in chosen}
    return all(chosen[i] < chosen[j] for i in chosen for j in chosen if keys[i] < keys[j])


def _order_key(value) -> tuple:
    if isinstance(value, tuple):
        value = value[0]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, float(value), "")
    return (1, 0.0, "" if value is None else str(value))


def answer_questions(store: Store, gold: Gold, matcher: Matcher, *,
                     specs: dict[str, QuestionSpec] | None = None) -> list[QuestionResult]:
    specs = load_question_specs() if specs is None else specs
    cells = CellMatcher(matcher)
    return [answer_question(store, q, q.spec or specs.get(q.ask), cells, path=gold.path,
                            legacy=matcher.legacy) for q in gold.questions]
