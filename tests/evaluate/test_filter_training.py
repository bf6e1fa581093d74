"""Training the fact filter (kg/evaluate/filter_training.py) on labelled samples."""

from __future__ import annotations

from kg.evaluate.filter_training import Sample, cross_validate, fit
from kg.extract.fact_filter import FactModel


def _samples() -> list[Sample]:
    out = []
    for i in range(60):  # a rule right nine times in ten, another wrong nine times in ten
        out.append(Sample(f"d{i % 10}", "Arrest", ("k=Arrest", "r=good", "rare" if i == 0
                                                   else "common"), i % 10 != 0))
        out.append(Sample(f"d{i % 10}", "Arrest", ("k=Arrest", "r=bad", "common"),
                          i % 10 == 0))
    return out


def test_fit_learns_which_features_go_with_right_facts():
    bias, weights = fit(_samples(), l2=1.0, min_count=3)
    assert weights["r=good"] > 0 > weights["r=bad"]
    assert "rare" not in weights  # seen in fewer than min_count samples
    model = FactModel(bias=bias, weights=weights)
    assert model.probability(["k=Arrest", "r=good", "common"]) > 0.8
    assert model.probability(["k=Arrest", "r=bad", "common"]) < 0.2


def test_cross_validation_scores_each_fold_with_a_model_it_was_not_trained_on():
    samples = _samples()
    gold = 60
    figures = cross_validate(samples, gold, folds=5, l2=1.0, min_count=3,
                             thresholds=(0.0, 0.5))
    off, on = figures["0.00"], figures["0.50"]
    assert off["kept"] == len(samples) and off["recall"] == 1.0  # 60 right of 60 gold
    assert on["kept"] == 60 and on["precision"] == 0.9  # the good rule's facts only
    assert on["f1"] > off["f1"]
