"""The gold <-> ontology mapping (``mapping.yaml``), checked against its schema on load.

Everything the matcher knows about class names, property names and the
comparison of names, text, quantities and dates comes from this one data file,
so a new fact type or role is a data change, not a code change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import RuleError
from kg.evaluate._yaml import NodeReader
from kg.rdf.vocab import KG

MAPPING_FILE = Path(__file__).with_name("mapping.yaml")

KINDS = ("entity", "text", "type", "quantity", "qualifier", "unit", "date", "factuality",
         "ignore")
# The factuality values a gold file and a graph may give (ontology: kg:factuality).
FACTUALITY = ("asserted", "negated", "future", "hypothetical", "claimed")
SCORES = ("match", "location", "date", "quantity", "qualifier", "unit", "none")
COLUMNS = ("location", "date", "quantity", "qualifier", "unit")
CATEGORIES = ("event", "relation")

_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """How one gold role is read from a graph fact."""

    name: str
    properties: tuple[str, ...]
    kind: str
    score: str
    default: str | None = None  # the value a gold file or a graph leaves unsaid

    @property
    def gates(self) -> bool:
        """Whether the role must agree for a gold and a graph fact to match."""
        return self.score == "match"


@dataclass(frozen=True, slots=True)
class FactSpec:
    type: str
    cls: str
    category: str
    roles: dict[str, RoleSpec]


@dataclass(slots=True)
class Mapping:
    """The parsed mapping plus the folding helpers every comparison uses."""

    path: Path
    quote_table: dict[int, str]
    text_min_overlap: float
    text_prefix: int
    stopwords: frozenset[str]
    list_min_fraction: float
    tolerance: float
    qualifier_groups: dict[str, int]
    unit_groups: dict[str, int]
    entity_types: dict[str, str]
    facts: dict[str, FactSpec]
    class_to_entity_type: dict[str, str] = field(default_factory=dict)
    class_to_fact_type: dict[str, str] = field(default_factory=dict)
    # content words per text: scoring compares the same role values and sentences many
    # times over (a missed fact's likely sentence reads every sentence of its document)
    _words: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.class_to_entity_type = {c: t for t, c in self.entity_types.items()}
        self.class_to_fact_type = {s.cls: t for t, s in self.facts.items()}

    # --- folding ---------------------------------------------------------------
    def fold(self, text: str) -> str:
        """Name folding: NFKC, typographic quotes/dashes to ASCII, spaces collapsed, casefold.

        The dotted capital I ("İ", Turkish and Azerbaijani names written in capitals)
        folds to "i": casefold alone gives "i" and a combining dot, so "İZMİR" never
        matched "İzmir" or "Izmir"."""
        text = unicodedata.normalize("NFKC", text).translate(self.quote_table)
        return _WS.sub(" ", text).strip().replace("İ", "I").casefold()

    def words(self, text: str) -> tuple[str, ...]:
        """Content words of a text (folded, stopwords dropped), read once per text."""
        found = self._words.get(text)
        if found is None:
            found = tuple(w for w in _WORD.findall(self.fold(text)) if w not in self.stopwords)
            self._words[text] = found
        return found

    def words_agree(self, a: str, b: str) -> bool:
        """Equal, equal but for a plural "s", or sharing the first ``prefix`` letters."""
        if a == b or (len(a) > 3 and len(b) > 3 and a.removesuffix("s") == b.removesuffix("s")):
            return True
        n = self.text_prefix
        return len(a) >= n and len(b) >= n and a[:n] == b[:n]

    def text_overlap(self, gold: str, graph: str) -> float:
        """Share of the gold text's content words found in the graph text."""
        want = self.words(gold)
        if not want:
            return 1.0 if self.fold(gold) == self.fold(graph) else 0.0
        have = self.words(graph)
        found = sum(1 for w in want if w in have or any(self.words_agree(w, h) for h in have))
        return found / len(want)

    def text_matches(self, gold: str, graph: str) -> bool:
        return self.text_overlap(gold, graph) >= self.text_min_overlap

    def qualifier_key(self, text: str) -> str:
        folded = self.fold(text)
        group = self.qualifier_groups.get(folded)
        return f"#{group}" if group is not None else folded

    def unit_key(self, text: str) -> str:
        folded = self.fold(text)
        for candidate in (folded, folded.removesuffix("s")):
            group = self.unit_groups.get(candidate)
            if group is not None:
                return f"#{group}"
        return folded.removesuffix("s")


def load_mapping(path: Path | None = None) -> Mapping:
    """Parse and check ``mapping.yaml`` (or another mapping file)."""
    if path is None:
        return _default_mapping()
    return _parse(Path(path))


@cache
def _default_mapping() -> Mapping:
    return _parse(MAPPING_FILE)


def _check_term(r: NodeReader, node, name: str, what: str) -> str:
    if name not in KG.terms:
        raise r.fail(node, f"{what} {name!r} is not a term of the kg: vocabulary",
                     hint="see kg/rdf/vocab.py")
    return name


def _role(r: NodeReader, name: str, node) -> RoleSpec:
    what = f"role {name!r}"
    items = r.keys(node, what, required=("properties", "kind"), optional=("score", "default"))
    props = tuple(_check_term(r, items["properties"], p, "property")
                  for p in r.strings(items["properties"], f"properties of {what}"))
    kind = r.string(items["kind"], f"kind of {what}")
    if kind not in KINDS:
        raise r.fail(items["kind"], f"unknown kind {kind!r} of {what}",
                     hint=f"one of {', '.join(KINDS)}")
    score = r.string(items["score"], f"score of {what}") if "score" in items else "match"
    if score not in SCORES:
        raise r.fail(items["score"], f"unknown score {score!r} of {what}",
                     hint=f"one of {', '.join(SCORES)}")
    if (kind == "ignore") != (score == "none"):
        raise r.fail(node, f"{what}: kind ignore goes with score none, and only with it")
    if kind != "ignore" and not props:
        raise r.fail(items["properties"], f"{what} needs at least one property")
    default = None
    if "default" in items:
        default = r.string(items["default"], f"default of {what}")
        if kind != "factuality" or default not in FACTUALITY:
            raise r.fail(items["default"], f"{what}: only a factuality role takes a default, "
                                           f"one of {', '.join(FACTUALITY)}")
    return RoleSpec(name, props, kind, score, default)


def _parse(path: Path) -> Mapping:
    r = NodeReader(path, RuleError)
    root = r.load()
    if root is None:
        raise RuleError("empty mapping file", path=path)
    top = r.keys(root, "the mapping", required=(
        "version", "names", "text", "lists", "quantities", "entity_types", "roles", "facts"))
    if r.scalar(top["version"], "version") != 1:
        raise r.fail(top["version"], "unsupported mapping version", hint="expected 1")

    names = r.keys(top["names"], "names", required=("quotes",))
    table: dict[int, str] = {}
    for repl, chars in r.mapping(names["quotes"], "names.quotes").items():
        for ch in r.strings(chars, f"characters folded to {repl!r}"):
            if len(ch) != 1:
                raise r.fail(chars, f"{ch!r} is not a single character")
            table[ord(ch)] = repl

    text = r.keys(top["text"], "text", required=("min_overlap", "prefix", "stopwords"))
    min_overlap = r.number(text["min_overlap"], "text.min_overlap")
    if not 0 < min_overlap <= 1:
        raise r.fail(text["min_overlap"], "text.min_overlap must be in (0, 1]")
    prefix = int(r.number(text["prefix"], "text.prefix"))
    if prefix < 1:
        raise r.fail(text["prefix"], "text.prefix must be at least 1")
    stop = frozenset(s.casefold() for s in r.strings(text["stopwords"], "text.stopwords"))

    lists = r.keys(top["lists"], "lists", required=("min_fraction",))
    min_fraction = r.number(lists["min_fraction"], "lists.min_fraction")
    if not 0 < min_fraction <= 1:
        raise r.fail(lists["min_fraction"], "lists.min_fraction must be in (0, 1]")

    qty = r.keys(top["quantities"], "quantities",
                 required=("tolerance", "qualifiers", "units"))
    tolerance = r.number(qty["tolerance"], "quantities.tolerance")

    probe = Mapping(path, table, min_overlap, prefix, stop, min_fraction, tolerance,
                    {}, {}, {}, {})

    def groups(node, what: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for n, group in enumerate(r.sequence(node, what)):
            for word in r.strings(group, f"a group of {what}"):
                key = probe.fold(word)
                if key in out:
                    raise r.fail(group, f"{word!r} is in two groups of {what}")
                out[key] = n
        return out

    qualifiers = groups(qty["qualifiers"], "quantities.qualifiers")
    units = groups(qty["units"], "quantities.units")

    entity_types: dict[str, str] = {}
    seen_classes: set[str] = set()
    for gold_type, node in r.mapping(top["entity_types"], "entity_types").items():
        cls = _check_term(r, node, r.string(node, f"class of {gold_type}"), "class")
        if cls in seen_classes:
            raise r.fail(node, f"class {cls!r} is mapped from two gold entity types")
        seen_classes.add(cls)
        entity_types[gold_type] = cls

    roles = {name: _role(r, name, node)
             for name, node in r.mapping(top["roles"], "roles").items()}

    facts: dict[str, FactSpec] = {}
    seen_classes = set()
    for gold_type, node in r.mapping(top["facts"], "facts").items():
        what = f"fact type {gold_type!r}"
        items = r.keys(node, what, required=("class", "category", "roles"),
                       optional=("overrides",))
        cls = _check_term(r, items["class"], r.string(items["class"], f"class of {what}"),
                          "class")
        if cls in seen_classes:
            raise r.fail(items["class"], f"class {cls!r} is mapped from two gold fact types")
        seen_classes.add(cls)
        category = r.string(items["category"], f"category of {what}")
        if category not in CATEGORIES:
            raise r.fail(items["category"], f"category must be one of {CATEGORIES}")
        overrides = ({name: _role(r, name, n) for name, n in
                      r.mapping(items["overrides"], f"overrides of {what}").items()}
                     if "overrides" in items else {})
        spec_roles: dict[str, RoleSpec] = {}
        for role_node in r.sequence(items["roles"], f"roles of {what}"):
            name = r.string(role_node, f"a role of {what}")
            spec = overrides.get(name) or roles.get(name)
            if spec is None:
                raise r.fail(role_node, f"{what} names role {name!r}, which is neither in "
                                        "`roles` nor in its overrides")
            spec_roles[name] = spec
        for name, n in (r.mapping(items["overrides"], "overrides").items()
                        if "overrides" in items else ()):
            if name not in spec_roles:
                raise r.fail(n, f"override {name!r} is not a role of {what}")
        facts[gold_type] = FactSpec(gold_type, cls, category, spec_roles)

    return Mapping(path, table, min_overlap, prefix, stop, min_fraction, tolerance,
                   qualifiers, units, entity_types, facts)
