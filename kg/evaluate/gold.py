"""Read and validate a gold annotation file (format: docs/evaluation.md).

The reader walks PyYAML's node tree so that every error names the line it is
on. Types and roles are checked against the mapping (``mapping.yaml``), so a
gold file can only use names the matcher knows how to compare.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from yaml.nodes import Node, SequenceNode

from kg.errors import GoldError
from kg.evaluate._yaml import NodeReader, Scalar, line_of
from kg.evaluate.mapping import FACTUALITY, Mapping, load_mapping

CELL_KINDS = ("entity", "text", "number", "date", "type")

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                       r"(?:Z|[+-]\d{2}:?\d{2})?$")
_QUANTITY = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*(.*?)\s*$")

RoleValue = str | float | None | list[str | float | None]


@dataclass(frozen=True, slots=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...]
    line: int

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(slots=True)
class GoldFact:
    """One gold event or relation; ``roles`` holds only roles the annotator wrote."""

    type: str
    category: str
    core: bool
    roles: dict[str, RoleValue]
    line: int
    index: int = 0
    background: bool = False  # background history, not news of the day (not scored apart)

    def describe(self) -> str:
        parts = []
        for name, value in self.roles.items():
            if isinstance(value, list):
                shown = "[" + ", ".join("null" if v is None else _num(v) for v in value) + "]"
            else:
                shown = "null" if value is None else _num(value)
            parts.append(f"{name}={shown}")
        return f"{self.type}({', '.join(parts)})"


@dataclass(frozen=True, slots=True)
class Column:
    """Which result column of a query answers which position of a gold row, and how."""

    column: str
    kind: str


@dataclass(slots=True)
class QuestionSpec:
    """How a competency question is asked of the graph: a library query and its columns."""

    query: str
    params: dict[str, str]
    columns: list[Column]
    ordered_by: str | None = None
    line: int = 0


@dataclass(slots=True)
class GoldQuestion:
    ask: str
    # a cell is one value, or a tuple of values for a role with several ("[Gao, Kidal]")
    answer: list[list[Scalar | tuple[Scalar, ...]]]
    line: int
    spec: QuestionSpec | None = None


@dataclass(slots=True)
class Gold:
    path: Path
    document: str | None
    published: str | None
    updated: str | None
    entities: list[GoldEntity]
    facts: list[GoldFact]
    questions: list[GoldQuestion]
    _by_name: dict[str, GoldEntity] = field(default_factory=dict)

    def entity_named(self, name: str, mapping: Mapping) -> GoldEntity | None:
        """The gold entity one of whose names or aliases folds to ``name``."""
        if not self._by_name:
            self._by_name = {mapping.fold(n): e for e in self.entities for n in e.names}
        return self._by_name.get(mapping.fold(name))


def _num(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_gold(path: Path | str, *, mapping: Mapping | None = None,
              text: str | None = None) -> Gold:
    """Parse and validate ``path`` (or ``text``); raise GoldError naming the bad line."""
    mapping = mapping or load_mapping()
    r = NodeReader(path, GoldError)
    root = r.load(text)
    if root is None:
        raise GoldError("empty gold file", path=r.path,
                        hint="see docs/evaluation.md for the format")
    top = r.keys(root, "the gold file", required=("entities",),
                 optional=("document", "published", "updated", "events", "relations",
                           "questions"))
    document = r.string(top["document"], "document") if "document" in top else None
    published = _date_text(r, top["published"], "published") if "published" in top else None
    updated = None
    if "updated" in top:
        updated = r.string(top["updated"], "updated")
        if not (_DATETIME.match(updated) or _DATE.match(updated)):
            raise r.fail(top["updated"], f"updated must be an ISO date-time, got {updated!r}")

    entities = _entities(r, top["entities"], mapping)
    facts: list[GoldFact] = []
    for section, category in (("events", "event"), ("relations", "relation")):
        if section in top and not _empty(top[section]):
            for node in r.sequence(top[section], section):
                fact = _fact(r, node, category, mapping)
                fact.index = len(facts)
                facts.append(fact)
    questions = []
    if "questions" in top and not _empty(top["questions"]):
        questions = [_question(r, n) for n in r.sequence(top["questions"], "questions")]
    return Gold(r.path, document, published, updated, entities, facts, questions)


def _empty(node: Node) -> bool:
    return getattr(node, "tag", "").endswith(":null")


def _date_text(r: NodeReader, node: Node, what: str) -> str:
    value = r.scalar(node, what)
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not _DATE.match(text):
        raise r.fail(node, f"{what} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), "
                           f"got {node.value!r}")
    if len(text) == 10:
        try:
            date.fromisoformat(text)
        except ValueError as exc:
            raise r.fail(node, f"{what}: {exc}") from exc
    elif len(text) == 7 and not 1 <= int(text[5:]) <= 12:
        raise r.fail(node, f"{what}: no month {text[5:]}")
    return text


def _entities(r: NodeReader, node: Node, mapping: Mapping) -> list[GoldEntity]:
    out: list[GoldEntity] = []
    owner: dict[str, str] = {}
    if _empty(node):
        return out
    for item in r.sequence(node, "entities"):
        fields = r.keys(item, "an entity", required=("name", "type"), optional=("aliases",))
        name = r.string(fields["name"], "entity name")
        etype = r.string(fields["type"], f"type of {name!r}")
        if etype not in mapping.entity_types:
            raise r.fail(fields["type"], f"unknown entity type {etype!r} of {name!r}",
                         hint=f"one of {', '.join(mapping.entity_types)}")
        aliases: list[str] = []
        if "aliases" in fields and not _empty(fields["aliases"]):
            aliases = r.strings(fields["aliases"], f"aliases of {name!r}")
        for n in dict.fromkeys([name, *aliases]):
            key = mapping.fold(n)
            if key in owner and owner[key] != name:
                raise r.fail(item, f"{n!r} names both {owner[key]!r} and {name!r}",
                             hint="a name or alias must identify one entity")
            if key in owner and n == name:
                raise r.fail(item, f"entity {name!r} is listed twice")
            owner[key] = name
        out.append(GoldEntity(name, etype, tuple(dict.fromkeys(a for a in aliases
                                                               if a != name)), line_of(item)))
    return out


def _fact(r: NodeReader, node: Node, category: str, mapping: Mapping) -> GoldFact:
    items = r.mapping(node, f"an {category}")
    if "type" not in items:
        raise r.fail(node, f"an {category} lacks 'type'")
    ftype = r.string(items["type"], "type")
    spec = mapping.facts.get(ftype)
    if spec is None:
        raise r.fail(items["type"], f"unknown {category} type {ftype!r}",
                     hint=f"known: {', '.join(mapping.facts)}")
    if spec.category != category:
        raise r.fail(items["type"], f"{ftype} is a {spec.category}, listed under "
                                    f"{category}s", hint=f"move it to {spec.category}s")
    core = r.boolean(items["core"], "core") if "core" in items else False
    background = (r.boolean(items["background"], "background")
                  if "background" in items else False)
    roles: dict[str, RoleValue] = {}
    for name, value_node in items.items():
        if name in ("type", "core", "background"):
            continue
        role = spec.roles.get(name)
        if role is None:
            hint = f"its roles: {', '.join(spec.roles)}"
            if node.flow_style and _empty(value_node):
                hint = (f"{name!r} has no value: in a {{...}} mapping a comma ends a value, "
                        f"so quote a value that holds one (theme: \"X, Y\"); {hint}")
            raise r.fail(value_node, f"unknown role {name!r} for {ftype}", hint=hint)
        if role.kind == "quantity" and not _empty(value_node):
            roles[name], unit = _quantity(r, value_node, f"role {name!r}")
            if unit and "unit" not in items and "unit" in spec.roles:
                roles["unit"] = unit
            continue
        roles[name] = _role_value(r, value_node, name, role.kind, mapping)
    return GoldFact(ftype, category, core, roles, line_of(node), background=background)


def _quantity(r: NodeReader, node: Node, what: str) -> tuple[float, str | None]:
    """A number, or a number followed by its unit ("13 checkpoints")."""
    value = r.scalar(node, what)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise r.fail(node, f"{what} must be a finite number, got {node.value!r}")
        return float(value), None
    m = _QUANTITY.match(str(value))
    if not m or isinstance(value, bool):
        raise r.fail(node, f"{what} must be a number, optionally followed by a unit "
                           f"(\"13 checkpoints\"), got {node.value!r}")
    return float(m.group(1).replace(",", "")), m.group(2) or None


def _role_value(r: NodeReader, node: Node, name: str, kind: str,
                mapping: Mapping) -> RoleValue:
    what = f"role {name!r}"
    if _empty(node):
        return None
    if hasattr(node, "value") and isinstance(node.value, list):
        values = [_one_value(r, n, what, kind, mapping) for n in r.sequence(node, what)]
        if not values:
            raise r.fail(node, f"{what} is an empty list", hint="write null or leave it out")
        if kind in ("quantity", "date", "qualifier", "unit", "type", "factuality"):
            raise r.fail(node, f"{what} takes one value, not a list")
        return values
    return _one_value(r, node, what, kind, mapping)


def _one_value(r: NodeReader, node: Node, what: str, kind: str, mapping: Mapping):
    if _empty(node):
        return None
    if kind == "date":
        return _date_text(r, node, what)
    text = r.string(node, what)
    if kind == "factuality" and text not in FACTUALITY:
        raise r.fail(node, f"{what}: unknown factuality {text!r}",
                     hint=f"one of {', '.join(FACTUALITY)}")
    if kind == "type" and text not in mapping.facts:
        raise r.fail(node, f"{what}: unknown fact type {text!r}",
                     hint=f"known: {', '.join(mapping.facts)}")
    return text


def _cell(r: NodeReader, node: Node) -> Scalar | tuple[Scalar, ...]:
    """An answer cell: one value, or a list of two or more values for a role that has
    several (the listings join them with "; " in one cell: "Gao; Kidal")."""
    if isinstance(node, SequenceNode):
        values = tuple(r.scalar(c, "a value of an answer cell") for c in node.value)
        if len(values) < 2 or None in values:
            raise r.fail(node, "a list in an answer cell needs two or more values, no null",
                         hint="write one value without brackets")
        return values
    return r.scalar(node, "an answer cell")


def _question(r: NodeReader, node: Node) -> GoldQuestion:
    items = r.keys(node, "a question", required=("ask", "answer"),
                   optional=("query", "params", "columns", "ordered_by"))
    ask = r.string(items["ask"], "ask")
    rows: list[list[Scalar | tuple[Scalar, ...]]] = []
    width = None
    for row_node in r.sequence(items["answer"], f"answer of {ask!r}"):
        row = [_cell(r, c) for c in r.sequence(row_node, "an answer row")]
        if width is not None and len(row) != width:
            raise r.fail(row_node, f"answer rows of {ask!r} differ in length "
                                   f"({len(row)} vs {width})")
        width = len(row)
        rows.append(row)
    spec = None
    if "query" in items:
        spec = parse_spec(r, node, items)
        if width is not None and len(spec.columns) != width:
            raise r.fail(items["columns"], f"{len(spec.columns)} columns for answer rows of "
                                           f"{width} cells")
    elif any(k in items for k in ("params", "columns", "ordered_by")):
        raise r.fail(node, "params/columns/ordered_by need a `query`")
    return GoldQuestion(ask, rows, line_of(node), spec)


def parse_spec(r: NodeReader, node: Node, items: dict[str, Node]) -> QuestionSpec:
    """The query part of a question (in a gold file or in questions.yaml)."""
    query = r.string(items["query"], "query")
    if "columns" not in items:
        raise r.fail(node, f"query {query!r} needs `columns`")
    params: dict[str, str] = {}
    if "params" in items and not _empty(items["params"]):
        for key, value in r.mapping(items["params"], "params").items():
            v = r.scalar(value, f"parameter {key!r}")
            if v is None or isinstance(v, bool):
                raise r.fail(value, f"parameter {key!r} needs a value")
            params[key] = _num(v) if isinstance(v, float) else str(v)
    columns = []
    for col_node in r.sequence(items["columns"], "columns"):
        fields = r.keys(col_node, "a column", required=("column", "kind"))
        kind = r.string(fields["kind"], "kind")
        if kind not in CELL_KINDS:
            raise r.fail(fields["kind"], f"unknown column kind {kind!r}",
                         hint=f"one of {', '.join(CELL_KINDS)}")
        columns.append(Column(r.string(fields["column"], "column"), kind))
    ordered_by = None
    if "ordered_by" in items:
        ordered_by = r.string(items["ordered_by"], "ordered_by")
        if ordered_by not in {c.column for c in columns}:
            raise r.fail(items["ordered_by"], f"ordered_by {ordered_by!r} is not one of the "
                                              "columns")
    return QuestionSpec(query, params, columns, ordered_by, line_of(node))
