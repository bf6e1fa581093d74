"""Evaluate a store against a gold file: entities, facts, questions, as one result object.

This is the importable function behind ``kg eval``; it reads the graph
through SPARQL only and never imports spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Store

from kg.evaluate.gold import Gold, read_gold
from kg.evaluate.graph import GraphData, GraphEntity, GraphRows, read_graph
from kg.evaluate.mapping import Mapping, load_mapping
from kg.evaluate.match import EntityResult, FactResult, Matcher, describe_fact
from kg.evaluate.questions import QuestionResult, answer_questions, load_question_specs


@dataclass(slots=True)
class Evaluation:
    gold: Gold
    graph: GraphData
    mapping: Mapping
    matcher: Matcher
    entities: EntityResult
    facts: FactResult
    questions: list[QuestionResult]

    def below(self, min_f1: float) -> list[str]:
        """Which F1 scores fall below ``min_f1`` (empty when both reach it)."""
        out = []
        if self.entities.scores["f1"] < min_f1:
            out.append(f"entity F1 {self.entities.scores['f1']:.3f}")
        if self.facts.scores["f1"] < min_f1:
            out.append(f"fact F1 {self.facts.scores['f1']:.3f}")
        return out

    def as_json(self) -> dict:
        e, f, m = self.entities, self.facts, self.mapping
        answered = sum(1 for q in self.questions if q.answered)
        return {
            "gold": str(self.gold.path),
            "documents": self.graph.documents,
            "entities": {**e.scores, "type_accuracy": e.type_accuracy,
                         "gold": len(self.gold.entities),
                         "predicted": len(self.graph.entities) - len(e.unjudged),
                         "matched": len(e.pairs), "by_type": e.by_type,
                         "unjudged": len(e.unjudged)},
            "facts": {**f.scores, "core_recall": f.core_recall,
                      "gold": len(self.gold.facts),
                      "core": sum(1 for g in self.gold.facts if g.core),
                      "predicted": len(self.graph.facts) - len(f.unjudged),
                      "matched": len(f.pairs), "columns": f.columns, "by_type": f.by_type,
                      "unjudged": len(f.unjudged)},
            "questions": {"answered": answered, "total": len(self.questions),
                          "details": [q.as_json() for q in self.questions]},
            "misses": self.entity_misses() + self.fact_misses(),
            "spurious": [self.spurious_entity(x) for x in e.spurious]
            + [{"kind": "fact", "type": m.class_to_fact_type.get(x.cls, x.cls),
                "iri": x.iri, "fact": describe_fact(x, m), "sentence": x.sentence}
               for x in f.spurious],
            "unjudged": [{"kind": "entity", "type": m.class_to_entity_type.get(x.cls, x.cls),
                          "label": x.pref, "iri": x.iri, "sentence": x.sentence}
                         for x in e.unjudged]
            + [{"kind": "fact", "type": m.class_to_fact_type.get(x.cls, x.cls),
                          "iri": x.iri, "fact": describe_fact(x, m), "sentence": x.sentence}
                         for x in f.unjudged],
            "partial": [{"type": g.type, "line": g.line, "gold": g.describe(), "iri": x.iri,
                         "fact": describe_fact(x, m),
                         "disagree": sorted(c for c, ok in cols.items() if not ok),
                         "sentence": x.sentence}
                        for g, x, cols in f.pairs if not all(cols.values())],
        }

    def entity_misses(self) -> list[dict]:
        return [{"kind": "entity", "type": g.type, "name": g.name, "line": g.line,
                 "sentence": self.matcher.entity_sentence(g)} for g in self.entities.missed]

    def fact_misses(self) -> list[dict]:
        out = []
        for g, near in self.facts.missed:
            item = {"kind": "fact", "type": g.type, "core": g.core, "line": g.line,
                    "gold": g.describe(), "sentence": self.matcher.likely_sentence(g),
                    "nearest": None}
            if near is not None:
                item["nearest"] = {"iri": near.fact.iri,
                                   "fact": describe_fact(near.fact, self.mapping),
                                   "disagree": near.disagree, "sentence": near.fact.sentence}
            out.append(item)
        return out

    def spurious_entity(self, x: GraphEntity) -> dict:
        return {"kind": "entity", "type": self.mapping.class_to_entity_type.get(x.cls, x.cls),
                "label": x.pref, "iri": x.iri, "sentence": x.sentence,
                "duplicate_of": self.entities.duplicate_of.get(x.iri, [])}


def evaluate_store(store: Store, gold: Gold | Path | str, *, mapping: Mapping | None = None,
                   questions: Path | None = None, legacy: bool = False,
                   rows: GraphRows | None = None) -> Evaluation:
    """Score the graph in ``store`` against a gold file (or a parsed one). ``legacy``: the
    gold file predates kg's event inventory and factuality (the seed's): facts of types
    it never annotates are not judged, nor is factuality. ``rows``: the store's rows read
    once (:class:`kg.evaluate.graph.GraphRows`), when many gold files score one store."""
    mapping = mapping or load_mapping()
    if not isinstance(gold, Gold):
        gold = read_gold(gold, mapping=mapping)
    data = read_graph(store, document=gold.document,
                      entity_classes=set(mapping.entity_types.values()), rows=rows)
    matcher = Matcher(gold, data, mapping, legacy=legacy)
    entities = matcher.match_entities()
    facts = matcher.match_facts()
    specs = load_question_specs(questions)
    answers = answer_questions(store, gold, matcher, specs=specs)
    return Evaluation(gold, data, mapping, matcher, entities, facts, answers)
