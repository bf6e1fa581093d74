"""Match gold entities and facts with a graph's, one-to-one, and score them.

Rules (docs/evaluation.md has the long form):

- an entity matches a gold entity when one of its labels equals, after
  folding, the gold name or an alias; the pairing is one-to-one, preferring a
  label equal to the canonical name, then agreeing types, then more mentions;
- a fact matches a gold fact of the same type when every gold role scored
  ``match`` agrees (a null role accepts anything; a list role needs
  ``lists.min_fraction`` of its items); location, date, quantity, qualifier
  and unit are reported as separate agreement columns and only break ties;
- the pairing is a maximum one-to-one matching (augmenting paths), trying
  candidates with more agreeing columns first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from kg.evaluate.gold import Gold, GoldEntity, GoldFact
from kg.evaluate.graph import FactRef, GraphData, GraphEntity, GraphFact, GraphQuantity, Value
from kg.evaluate.mapping import COLUMNS, FactSpec, Mapping, RoleSpec


# --- generic helpers -----------------------------------------------------------------
def assign(candidates: list[list[int]]) -> dict[int, int]:
    """Maximum one-to-one matching of left items to right items (Kuhn's algorithm).

    ``candidates[i]`` lists the right items left item ``i`` may take, best
    first; earlier left items and earlier candidates win when the maximum
    allows a choice.
    """
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall, F1; nothing to find and nothing found counts as perfect.

    F1 is computed from the counts (2·tp / (predicted + gold)), the same value as
    2PR/(P+R) but exact where that one rounds below a floor it equals (15 of 40 is 0.75,
    not 0.7499999999999999).
    """
    if predicted == 0 and gold == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * tp / (predicted + gold)
    return {"precision": p, "recall": r, "f1": f}


def date_matches(gold: str, graph: str) -> bool:
    """ISO equality; a gold month or year matches any graph date inside it."""
    graph = graph.strip()[:10]
    if len(gold) == 10:
        return graph == gold
    return graph.startswith(gold + "-") or graph == gold


def number_matches(gold: float, graph: float | None, tolerance: float) -> bool:
    if graph is None:
        return False
    return math.isclose(gold, graph, rel_tol=tolerance, abs_tol=tolerance)


# --- results ---------------------------------------------------------------------------
@dataclass(slots=True)
class EntityResult:
    pairs: list[tuple[GoldEntity, GraphEntity]]
    missed: list[GoldEntity]
    spurious: list[GraphEntity]
    duplicate_of: dict[str, list[str]]  # spurious entity IRI -> gold names it also names
    scores: dict[str, float]
    type_accuracy: float
    by_type: dict[str, dict]
    unjudged: list[GraphEntity] = field(default_factory=list)  # legacy: see Matcher.legacy


@dataclass(slots=True)
class Near:
    """The graph fact of the same type closest to a missed gold fact."""

    fact: GraphFact
    disagree: list[str]


@dataclass(slots=True)
class FactResult:
    pairs: list[tuple[GoldFact, GraphFact, dict[str, bool]]]
    missed: list[tuple[GoldFact, Near | None]]
    spurious: list[GraphFact]
    scores: dict[str, float]
    core_recall: float
    columns: dict[str, dict[str, float]]
    by_type: dict[str, dict]
    unjudged: list[GraphFact] = field(default_factory=list)  # legacy gold: types it never annotates


@dataclass(slots=True)
class Matcher:
    """Compares one gold annotation with one graph under one mapping."""

    gold: Gold
    graph: GraphData
    mapping: Mapping
    # A gold file written before kg's event inventory and factuality (the seed's, 2022):
    # graph facts of types it never annotates are not judged, nor is factuality
    # (docs/evaluation.md, "Gold files older than the inventory").
    legacy: bool = False
    denotes: dict[str, set[str]] = field(default_factory=dict)  # entity IRI -> gold names
    _names: dict[str, set[str]] = field(default_factory=dict)  # gold name -> folded names
    _folded: list[str] | None = None  # the graph's sentences folded, once (likely_sentence)

    def __post_init__(self) -> None:
        fold = self.mapping.fold
        owner: dict[str, str] = {}
        for g in self.gold.entities:
            self._names[g.name] = {fold(n) for n in g.names}
            for n in self._names[g.name]:
                owner[n] = g.name
        for e in self.graph.entities:
            self.denotes[e.iri] = {owner[k] for k in map(fold, e.labels) if k in owner}

    def denoted(self, entity: GraphEntity) -> set[str]:
        if entity.iri not in self.denotes:  # an entity outside the evaluated documents
            fold = self.mapping.fold
            self.denotes[entity.iri] = {g for g, names in self._names.items()
                                        if names & {fold(x) for x in entity.labels}}
        return self.denotes[entity.iri]

    def names_of(self, gold_name: str) -> set[str]:
        return self._names.get(gold_name, set())

    # --- entities -----------------------------------------------------------------
    def match_entities(self) -> EntityResult:
        m = self.mapping
        gold, graph = self.gold.entities, self.graph.entities
        candidates: list[list[int]] = []
        for g in gold:
            cls = m.entity_types[g.type]
            canonical = m.fold(g.name)
            ranked = [
                (m.fold(e.pref) != canonical, e.cls != cls,
                 m.fold(e.pref) not in self.names_of(g.name), -e.mentions, e.iri, j)
                for j, e in enumerate(graph) if g.name in self.denotes.get(e.iri, ())
            ]
            candidates.append([t[-1] for t in sorted(ranked)])
        chosen = assign(candidates)
        pairs = [(gold[i], graph[j]) for i, j in sorted(chosen.items())]
        taken = set(chosen.values())
        missed = [g for i, g in enumerate(gold) if i not in chosen]
        spurious = [e for j, e in enumerate(graph) if j not in taken]
        unjudged: list[GraphEntity] = []
        if self.legacy:  # an entity only facts of unannotated types name is not judged
            only = self._named_only_by_unjudged_facts()
            unjudged = [e for e in spurious if e.iri in only]
            spurious = [e for e in spurious if e.iri not in only]
            graph = [e for e in graph if e.iri not in only]
        duplicate_of = {e.iri: sorted(self.denotes.get(e.iri, ())) for e in spurious
                        if self.denotes.get(e.iri)}
        typed = sum(1 for g, e in pairs if m.entity_types[g.type] == e.cls)

        by_type: dict[str, dict] = {}
        types = list(dict.fromkeys([*(g.type for g in gold),
                                    *(m.class_to_entity_type.get(e.cls, e.cls)
                                      for e in graph)]))
        for t in types:
            n_gold = sum(1 for g in gold if g.type == t)
            n_pred = sum(1 for e in graph if m.class_to_entity_type.get(e.cls, e.cls) == t)
            found = sum(1 for g, _ in pairs if g.type == t)
            correct = sum(1 for g, e in pairs
                          if g.type == t and m.class_to_entity_type.get(e.cls) == t)
            by_type[t] = {"gold": n_gold, "predicted": n_pred, "found": found,
                          "correct": correct, **prf(correct, n_pred, n_gold)}
        return EntityResult(pairs, missed, spurious, duplicate_of,
                            prf(len(pairs), len(graph), len(gold)),
                            typed / len(pairs) if pairs else 0.0, by_type, unjudged)

    def _annotated_classes(self) -> set[str]:
        return {self.mapping.facts[g.type].cls for g in self.gold.facts}

    def _named_only_by_unjudged_facts(self) -> set[str]:
        """IRIs that fill roles of unjudged facts (legacy) and of no judged one."""
        annotated = self._annotated_classes()
        judged: set[str] = set()
        other: set[str] = set()
        for f in self.graph.facts:
            into = judged if f.cls in annotated else other
            for values in f.values.values():
                into.update(v.iri for v in values if isinstance(v, GraphEntity))
        return other - judged

    # --- role comparison ------------------------------------------------------------
    def item_matches(self, item, filler: Value, kind: str) -> bool:
        m = self.mapping
        if kind == "entity":
            gold_entity = self.gold.entity_named(str(item), m)
            if isinstance(filler, GraphEntity):
                if gold_entity is not None:
                    return gold_entity.name in self.denoted(filler)
                return any(m.text_matches(str(item), label) for label in filler.labels)
            if isinstance(filler, str):
                if gold_entity is not None:
                    return m.fold(filler) in self.names_of(gold_entity.name)
                return m.text_matches(str(item), filler)
            return False
        if kind == "text":
            if isinstance(filler, GraphEntity):
                return any(m.text_matches(str(item), label) for label in filler.labels)
            return isinstance(filler, str) and m.text_matches(str(item), filler)
        if kind == "type":
            spec = m.facts.get(str(item))
            want = {m.fold(str(item)), m.fold(spec.cls if spec else str(item))}
            if isinstance(filler, FactRef):
                return m.fold(filler.cls) in want
            return isinstance(filler, str) and m.fold(filler.rsplit("#", 1)[-1]) in want
        if kind == "quantity":
            return isinstance(filler, GraphQuantity) and number_matches(
                float(item), filler.value, m.tolerance)
        if kind == "qualifier":
            return (isinstance(filler, GraphQuantity) and filler.qualifier is not None
                    and m.qualifier_key(filler.qualifier) == m.qualifier_key(str(item)))
        if kind == "unit":
            return (isinstance(filler, GraphQuantity) and filler.unit is not None
                    and m.unit_key(filler.unit) == m.unit_key(str(item)))
        if kind == "date":
            return isinstance(filler, str) and date_matches(str(item), filler)
        if kind == "factuality":
            return isinstance(filler, str) and m.fold(filler) == m.fold(str(item))
        return True  # kind "ignore"

    def role_agrees(self, value, role: RoleSpec, fact: GraphFact) -> bool:
        """Whether the graph fact's fillers of ``role`` agree with the gold value."""
        if value is None or role.kind == "ignore" or (self.legacy and
                                                      role.kind == "factuality"):
            return True
        fillers = fact.fillers(role.properties)
        if not fillers and role.default is not None:
            fillers = [role.default]
        if isinstance(value, list):
            items = [v for v in value if v is not None]
            if not items:
                return True
            cands = [[j for j, f in enumerate(fillers) if self.item_matches(v, f, role.kind)]
                     for v in items]
            found = len(assign(cands))
            return found / len(items) >= self.mapping.list_min_fraction - 1e-12
        return any(self.item_matches(value, f, role.kind) for f in fillers)

    @staticmethod
    def gold_roles(gold: GoldFact, spec: FactSpec) -> dict:
        """The gold fact's roles, with the default of each role it leaves unsaid."""
        roles = dict(gold.roles)
        for name, role in spec.roles.items():
            if role.default is not None and roles.get(name) is None:
                roles[name] = role.default
        return roles

    def gating(self, gold: GoldFact, spec: FactSpec, fact: GraphFact) -> list[str]:
        """Gold roles scored ``match`` that the graph fact gets wrong."""
        return [name for name, value in self.gold_roles(gold, spec).items()
                if spec.roles[name].gates and not self.role_agrees(value, spec.roles[name],
                                                                   fact)]

    def columns(self, gold: GoldFact, spec: FactSpec, fact: GraphFact) -> dict[str, bool]:
        """Agreement per column, for the columns the gold fact gives."""
        out: dict[str, bool] = {}
        for name, value in gold.roles.items():
            role = spec.roles[name]
            if role.score in COLUMNS and value is not None:
                ok = self.role_agrees(value, role, fact)
                out[role.score] = out.get(role.score, True) and ok
        return out

    # --- facts ------------------------------------------------------------------------
    def match_facts(self) -> FactResult:
        m = self.mapping
        gold, graph = self.gold.facts, self.graph.facts
        unjudged: list[GraphFact] = []
        if self.legacy:
            annotated = self._annotated_classes()
            unjudged = [f for f in graph if f.cls not in annotated]
            graph = [f for f in graph if f.cls in annotated]
        candidates: list[list[int]] = []
        for g in gold:
            spec = m.facts[g.type]
            ranked = []
            for j, f in enumerate(graph):
                if f.cls != spec.cls or self.gating(g, spec, f):
                    continue
                agree = sum(self.columns(g, spec, f).values())
                ranked.append((-agree, j))
            candidates.append([j for _, j in sorted(ranked)])
        chosen = assign(candidates)
        taken = set(chosen.values())
        pairs = [(gold[i], graph[j], self.columns(gold[i], m.facts[gold[i].type], graph[j]))
                 for i, j in sorted(chosen.items())]
        missed = [(g, self.nearest(g)) for i, g in enumerate(gold) if i not in chosen]
        spurious = [f for j, f in enumerate(graph) if j not in taken]

        def column_table(selected) -> dict[str, dict[str, float]]:
            out = {}
            for c in COLUMNS:
                given = [cols[c] for _, _, cols in selected if c in cols]
                out[c] = {"given": len(given), "agree": sum(given),
                          "accuracy": sum(given) / len(given) if given else None}
            return out

        by_type: dict[str, dict] = {}
        types = list(dict.fromkeys([*(g.type for g in gold),
                                    *(m.class_to_fact_type.get(f.cls, f.cls) for f in graph)]))
        for t in types:
            cls = m.facts[t].cls if t in m.facts else t
            n_gold = sum(1 for g in gold if g.type == t)
            n_core = sum(1 for g in gold if g.type == t and g.core)
            n_pred = sum(1 for f in graph if f.cls == cls)
            sel = [p for p in pairs if p[0].type == t]
            by_type[t] = {"gold": n_gold, "core": n_core, "predicted": n_pred,
                          "matched": len(sel), **prf(len(sel), n_pred, n_gold),
                          "columns": column_table(sel)}
        n_core = sum(1 for g in gold if g.core)
        core_found = sum(1 for g, _, _ in pairs if g.core)
        return FactResult(pairs, missed, spurious, prf(len(pairs), len(graph), len(gold)),
                          core_found / n_core if n_core else 1.0, column_table(pairs), by_type,
                          unjudged)

    def nearest(self, gold: GoldFact) -> Near | None:
        """The same-type graph fact with the fewest disagreeing gold roles."""
        spec = self.mapping.facts[gold.type]
        best: Near | None = None
        for f in self.graph.facts:
            if f.cls != spec.cls:
                continue
            wrong = [n for n, v in self.gold_roles(gold, spec).items()
                     if v is not None and not self.role_agrees(v, spec.roles[n], f)]
            if best is None or len(wrong) < len(best.disagree):
                best = Near(f, wrong)
        return best

    # --- context for misses -----------------------------------------------------------
    def surfaces(self, value, kind: str) -> list[str]:
        """Strings that would show a gold role value in a sentence."""
        if value is None:
            return []
        if isinstance(value, list):
            return [s for v in value for s in self.surfaces(v, kind)]
        if kind == "entity":
            entity = self.gold.entity_named(str(value), self.mapping)
            return list(entity.names) if entity else [str(value)]
        if kind == "quantity":
            n = float(value)
            if n.is_integer():
                return [f"{int(n)}", f"{int(n):,}"]
            return [f"{n:g}"]
        if kind == "text":
            return [str(value)]
        return []

    def likely_sentence(self, gold: GoldFact) -> str | None:
        """The sentence that best shows a missed fact (a reading aid, not a score).

        Each role value, and the type name itself, is looked for in every
        sentence; a value found in few sentences weighs more than one found in
        many (a count beats a country named everywhere).
        """
        spec = self.mapping.facts[gold.type]
        wanted = [([_CAMEL.sub(" ", spec.cls)], True)]
        for name, value in gold.roles.items():
            kind = spec.roles[name].kind
            forms = self.surfaces(value, kind)
            if forms:
                wanted.append((forms, kind == "text"))
        return self._best_sentence(wanted)

    def entity_sentence(self, entity: GoldEntity) -> str | None:
        """The first sentence that contains one of the entity's names."""
        return self._best_sentence([(list(entity.names), False)])

    def _best_sentence(self, wanted: list[tuple[list[str], bool]]) -> str | None:
        fold = self.mapping.fold
        if self._folded is None:
            self._folded = [fold(s) for s in self.graph.sentences]
        folded = self._folded
        hits: list[set[int]] = []
        for forms, lenient in wanted:
            keys = [fold(f) for f in forms]
            hits.append({i for i, text in enumerate(folded)
                         if any(_contains(text, k) for k in keys)
                         or (lenient and any(self.mapping.text_matches(f, self.graph.sentences[i])
                                             for f in forms))})
        scores = [sum(1 / len(h) for h in hits if i in h) for i in range(len(folded))]
        if not scores or max(scores) == 0:
            return None
        return self.graph.sentences[scores.index(max(scores))]


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _contains(haystack: str, needle: str) -> bool:
    if not needle:
        return False
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def describe_fact(fact: GraphFact, mapping: Mapping) -> str:
    """``Type(role=value, ...)`` over the properties the mapping reads as roles."""
    props = list(dict.fromkeys(p for spec in mapping.facts.values()
                               for role in spec.roles.values() for p in role.properties))
    parts = []
    for p in props:
        values = fact.values.get(p)
        if not values:
            continue
        shown = []
        for v in values:
            if isinstance(v, GraphEntity):
                shown.append(v.pref)
            elif isinstance(v, GraphQuantity):
                shown.append(v.describe())
            elif isinstance(v, FactRef):
                shown.append(v.cls)
            else:
                shown.append(str(v))
        parts.append(f"{p}={'; '.join(sorted(shown))}")
    return f"{fact.cls}({', '.join(parts)})"

