"""A learned last check on every fact: keep it only if it is likely to be right.

The rules find facts with a precision of about 0.72 on the development texts and about
0.50 on news they were not written from. Which of their readings go wrong is partly
predictable from things no single rule sees: the type and the rule together with the
factuality, which roles were filled and by what kind of filler (a pronoun, a lower-case
description, a quantity), where in the document and in which kind of unit the sentence
is, how long it is, whether it quotes, how many other facts share it. A logistic model
over those features, trained on the development corpus by
:mod:`kg.evaluate.filter_training`, gives each fact a probability of being right; with ``kg build
--fact-threshold P`` a fact below ``P`` is dropped. The filter is off by default: it
raises precision on unseen news but costs recall, and it drops facts of types the
development texts rarely hold (docs/evaluation.md, "The fact filter"). The features never
name an entity or a text: only types, rule ids, role names, trigger words and shapes.

The model is data (``kg/rules/filter/fact_filter.json``), checked when it is loaded.
Long documents built in parts (kg/ingest/parts.py) are filtered part by part, so the
per-document counts are the part's.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import RuleError
from kg.records import Fact, Mention, Quantity, SourceDocument, TimeExpr, Unit
from kg.resources import rules_dir

FEATURES = "fact-filter-v1"  # the feature set below; a model names the set it was trained on
_QUOTES = ('"', "\u201c", "\u201d")


def _filler(value) -> str:
    if isinstance(value, Mention):
        return value.type.value
    if isinstance(value, Quantity):
        return "Q"
    if isinstance(value, TimeExpr):
        return "T"
    return "S"


def _source(value) -> str:
    if not isinstance(value, Mention):
        return "-"
    kind = value.source.split(":")[0]
    return kind + "+ante" if value.antecedent is not None else kind


def fact_features(fact: Fact, document: SourceDocument, facts: list[Fact]) -> list[str]:
    """The features of ``fact`` among the document's ``facts`` (feature set ``FEATURES``)."""
    return document_features([fact], document, among=facts)[0]


def document_features(facts: list[Fact], document: SourceDocument, *,
                      among: list[Fact] | None = None) -> list[list[str]]:
    """The features of each of ``facts`` (counted among ``among``, default ``facts``),
    the per-document counts taken once."""
    among = facts if among is None else among
    per_sentence = Counter(g.sentence for g in among)
    per_kind = Counter(g.kind for g in among)
    units = {u.index: u for u in document.units}
    return [_features(f, document, units.get(f.unit), per_sentence[f.sentence],
                      per_kind[f.kind]) for f in facts]


def _features(fact: Fact, document: SourceDocument, unit: Unit | None, same: int,
              same_kind: int) -> list[str]:
    k = fact.kind
    out = [f"k={k}", f"r={fact.rule}", f"kf={k}|{fact.factuality}", f"f={fact.factuality}",
           f"c={k}|{round(fact.confidence, 1)}", f"cat={fact.category}"]
    if fact.trigger is not None:
        words = fact.trigger.text.lower().split()
        out.append(f"t={k}|{fact.trigger.text.lower()}")
        out.append(f"tw={words[-1] if words else ''}")
    else:
        out.append(f"notrig={k}")
    names = sorted(fact.roles)
    out.append(f"sig={k}|{','.join(names)}")
    out.append(f"n={k}|{min(len(names), 5)}")
    for role in names:
        values = fact.roles[role]
        out.append(f"ro={k}|{role}")
        out.append(f"rn={k}|{role}|{min(len(values), 3)}")
        for v in values[:3]:
            out.append(f"rf={k}|{role}|{_filler(v)}")
            out.append(f"rs={k}|{role}|{_source(v)}")
            out.append(f"rfx={role}|{_filler(v)}")
            if isinstance(v, Mention):
                out.append(f"lower={role}|{v.text[:1].islower()}")
                out.append(f"words={role}|{min(len(v.text.split()), 5)}")
    a, b = fact.sentence
    sentence = document.text[a:b]
    out.append(f"slen={min((b - a) // 60, 6)}")
    out.append(f"quote={k}|{any(q in sentence for q in _QUOTES)}")
    out.append(f"q2={'said' in sentence or 'says' in sentence}")
    if unit is not None:
        out.append(f"uk={unit.kind}")
        head = unit.headline is not None and unit.headline.start <= a <= unit.headline.end
        out.append(f"head={k}|{head}")
        where = (a - unit.start) / max(1, unit.end - unit.start)
        out.append(f"pos={k}|{min(int(where * 5), 4)}")
    out.append(f"same={min(same, 6)}")
    out.append(f"samek={k}|{min(same_kind, 8)}")
    out.append(f"attr={k}|{fact.attributed_to is not None}")
    out.append(f"links={bool(fact.links)}")
    out.append(f"reported={fact.reported is not None}")
    return out


@dataclass(frozen=True, slots=True)
class FactModel:
    """A logistic model over :func:`fact_features`; ``suggested_threshold`` is the one
    its training chose (half the F1 it expects, docs/evaluation.md)."""

    bias: float
    weights: dict[str, float]
    suggested_threshold: float = 0.0

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(x, 0.0) for x in set(features))
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, facts: list[Fact], document: SourceDocument) -> None:
        """Set each fact's ``probability`` (kg:confidence in the graph)."""
        for fact, features in zip(facts, document_features(facts, document), strict=True):
            fact.probability = self.probability(features)

    def keep(self, facts: list[Fact], document: SourceDocument, *,
             threshold: float) -> list[Fact]:
        """The facts, scored, whose probability reaches ``threshold`` (all of them at 0)."""
        self.score(facts, document)
        return [f for f in facts if threshold <= 0 or f.probability >= threshold]


def default_model_path() -> Path:
    return rules_dir() / "filter" / "fact_filter.json"


def read_model(path: Path) -> FactModel:
    """A model file, checked: what is wrong is named with the file (a RuleError)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise RuleError(f"{path}: cannot read the fact filter model: {exc}",
                        hint="restore it from the repository or retrain it "
                             "(python -m kg.evaluate.filter_training)") from exc
    problems = []
    if not isinstance(data, dict):
        data, problems = {}, ["it is not a JSON object"]
    if data.get("features") != FEATURES:
        problems.append(f"its features are {data.get('features')!r}, this kg computes "
                        f"{FEATURES!r}")
    threshold = data.get("suggested_threshold")
    bias, weights = data.get("bias"), data.get("weights")
    if not isinstance(threshold, (int, float)) or not 0 <= threshold < 1:
        problems.append("'suggested_threshold' must be a number from 0 up to (not "
                        "including) 1")
    if not isinstance(bias, (int, float)):
        problems.append("'bias' must be a number")
    if not isinstance(weights, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) for k, v in weights.items()):
        problems.append("'weights' must map feature names to numbers")
    if problems:
        raise RuleError(f"{path}: bad fact filter model: " + "; ".join(problems),
                        hint="retrain it with python -m kg.evaluate.filter_training")
    return FactModel(bias=float(bias), weights={k: float(v) for k, v in weights.items()},
                     suggested_threshold=float(threshold))


@cache
def fact_model() -> FactModel:
    """The shipped model, read once."""
    return read_model(default_model_path())
