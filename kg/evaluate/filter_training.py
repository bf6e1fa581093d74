"""Train the fact filter (kg/extract/fact_filter.py) on a split's gold files.

Every text of the split is built with the filter off; each fact the scorer judges is a
sample, labelled 1 if it matches a gold fact and 0 if it is spurious (facts of types a
legacy gold file never annotates are left out). The model is an L2-regularised logistic
regression over :func:`kg.extract.fact_filter.fact_features` (features seen in fewer
than ``min_count`` facts are left out), fitted with SciPy's L-BFGS. Cross-validation by
document (``folds``) says what the filter does to texts it was not trained on.

    python -m kg.evaluate.filter_training tests/data/dev -o kg/rules/filter/fact_filter.json

Why not scikit-learn: it is not in the lock and would add 40 MB for one solver call;
SciPy is already installed, and at build time the model is a dot product (no library).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.extract.fact_filter import FEATURES, default_model_path, fact_features

DEFAULT_L2 = 3.0
DEFAULT_MIN_COUNT = 3
# A fact is worth keeping for F1 when its chance of being right is above half the F1
# one expects: about 0.67 on the development texts, 0.5 on unseen news.
DEFAULT_THRESHOLD = 0.3


@dataclass(frozen=True, slots=True)
class Sample:
    document: str
    kind: str
    features: tuple[str, ...]
    right: bool


def collect(split_dir: Path | str, *, model: str | None = None) -> tuple[list[Sample], int]:
    """The judged facts of a split built without the filter, and the split's gold count."""
    from kg.build import BuildOptions, build_into
    from kg.evaluate.corpus import evaluate_split, read_split
    from kg.ingest.sources import expand_sources
    from kg.rdf.iri import IriMinter
    from kg.rdf.mapping import DocumentMapper
    from kg.store import open_store

    split = read_split("train", split_dir)
    results = []
    store = open_store(None)
    build_into(store, expand_sources([str(p) for p in split.texts]),
               options=BuildOptions(model=model), observe=results.append)
    evaluation = evaluate_split(store, split)
    label: dict[str, bool] = {}
    for ev in evaluation.evaluations:
        label.update((x.iri, True) for _g, x, _c in ev.facts.pairs)
        label.update((x.iri, False) for x in ev.facts.spurious)
    minter = IriMinter()
    samples = []
    for result in results:
        doc = result.document
        for fact in result.facts:
            iri = minter.fact(doc.doc_id, fact.kind, DocumentMapper.fact_identity(fact))
            if iri.value in label:
                samples.append(Sample(doc.doc_id, fact.kind,
                                      tuple(fact_features(fact, doc, result.facts)),
                                      label[iri.value]))
    return samples, sum(len(g.facts) for g in split.golds)


def fit(samples: list[Sample], *, l2: float = DEFAULT_L2,
        min_count: int = DEFAULT_MIN_COUNT) -> tuple[float, dict[str, float]]:
    """Bias and weights of the logistic model (features in fewer than ``min_count``
    samples get none)."""
    import numpy as np
    from scipy import sparse
    from scipy.optimize import minimize

    counts = Counter(x for s in samples for x in set(s.features))
    names = sorted(x for x, c in counts.items() if c >= min_count)
    index = {x: i for i, x in enumerate(names)}
    rows, cols = [], []
    for i, s in enumerate(samples):
        for j in {index[x] for x in s.features if x in index} | {len(names)}:
            rows.append(i)
            cols.append(j)
    X = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(samples), len(names) + 1))
    y = np.array([1.0 if s.right else 0.0 for s in samples])
    reg = np.full(X.shape[1], l2)
    reg[-1] = 0.0  # the bias is not shrunk

    def loss(w):
        z = X @ w
        p = 1.0 / (1.0 + np.exp(-z))
        return (float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * np.sum(reg * w * w)),
                X.T @ (p - y) + reg * w)

    w = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B",
                 options={"maxiter": 1000}).x
    weights = {x: round(float(w[i]), 4) for x, i in index.items() if abs(w[i]) >= 1e-4}
    return round(float(w[-1]), 4), weights


def cross_validate(samples: list[Sample], gold: int, *, folds: int = 5, seed: int = 7,
                   l2: float = DEFAULT_L2, min_count: int = DEFAULT_MIN_COUNT,
                   thresholds=(0.0, 0.2, 0.3, 0.4, 0.5)) -> dict[str, dict[str, float]]:
    """Fact P/R/F1 of the split with each threshold, every document scored by a model
    trained on the other folds. Counts only: dropping a matched fact is taken to lose
    its gold fact (another fact might have matched it), so recall is a lower bound."""
    from kg.extract.fact_filter import FactModel

    docs = sorted({s.document for s in samples})
    random.Random(seed).shuffle(docs)
    fold = {d: i % folds for i, d in enumerate(docs)}
    scored: list[tuple[float, bool]] = []
    for k in range(folds):
        bias, weights = fit([s for s in samples if fold[s.document] != k], l2=l2,
                            min_count=min_count)
        model = FactModel(bias=bias, weights=weights)
        scored += [(model.probability(list(s.features)), s.right)
                   for s in samples if fold[s.document] == k]
    out = {}
    for t in thresholds:
        kept = [right for p, right in scored if p >= t]
        tp = sum(kept)
        out[f"{t:.2f}"] = {"precision": round(tp / len(kept), 4) if kept else 0.0,
                           "recall": round(tp / gold, 4) if gold else 0.0,
                           "f1": round(2 * tp / (len(kept) + gold), 4), "kept": len(kept)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.evaluate.filter_training",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("split", help="a directory of texts and their gold files")
    ap.add_argument("-o", "--output", type=Path, default=default_model_path())
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--l2", type=float, default=DEFAULT_L2)
    ap.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT)
    ap.add_argument("--folds", type=int, default=5, help="0: no cross-validation")
    ap.add_argument("--model", default=None, help="the spaCy model (default: kg's)")
    args = ap.parse_args(argv)
    samples, gold = collect(args.split, model=args.model)
    right = sum(s.right for s in samples)
    print(f"{len(samples)} judged facts ({right} right) of {gold} gold facts in "
          f"{len({s.document for s in samples})} texts", file=sys.stderr)
    cv = cross_validate(samples, gold, folds=args.folds, l2=args.l2,
                        min_count=args.min_count) if args.folds > 1 else {}
    for t, fig in cv.items():
        print(f"cross-validated, threshold {t}: {fig}", file=sys.stderr)
    bias, weights = fit(samples, l2=args.l2, min_count=args.min_count)
    model = {"about": "kg's fact filter (kg/extract/fact_filter.py); written by "
                      "python -m kg.evaluate.filter_training",
             "features": FEATURES, "suggested_threshold": args.threshold, "bias": bias,
             "trained_on": {"split": str(args.split),
                            "texts": len({s.document for s in samples}),
                            "facts": len(samples), "right": right, "gold": gold,
                            "l2": args.l2, "min_count": args.min_count},
             "cross_validation": cv,
             "weights": dict(sorted(weights.items()))}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.output}: {len(weights)} weights", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
