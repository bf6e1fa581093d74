"""The development split (tests/data/dev) never scores below its floors.

The split is built and scored exactly as ``make eval`` does it (``kg eval --corpus``):
every text built into one store by the real build, each gold file scored against its
document, the figures summed over the split. The floors (tests/extract/dev_floors.yaml)
are the measured scores rounded down; they guard what the rules achieve on the
development split, they do not measure generalisation (the held-out split does).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pyoxigraph import Store

from kg.build import build_into
from kg.evaluate.corpus import evaluate_split, read_split
from kg.ingest.sources import expand_sources

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"
FLOORS = yaml.safe_load((Path(__file__).with_name("dev_floors.yaml")).read_text("utf-8"))


@pytest.fixture(scope="module")
def dev_figures() -> dict:
    split = read_split("dev", DEV)
    store = Store()
    report = build_into(store, expand_sources([str(p) for p in split.texts]))
    assert report.failed == 0, report.errors
    return evaluate_split(store, split).as_json()


SPLIT_METRICS = [(part, metric) for part, metrics in FLOORS["split"].items()
                 for metric in metrics]


@pytest.mark.parametrize(("part", "metric"), SPLIT_METRICS)
def test_dev_split_reaches_its_floors(dev_figures, part, metric):
    score = dev_figures[part][metric]
    floor = FLOORS["split"][part][metric]
    assert score >= floor, (f"dev split: {part} {metric} fell to {score:.3f}, below its floor "
                            f"{floor} (tests/extract/dev_floors.yaml): a regression to fix")


@pytest.mark.parametrize("name", sorted(FLOORS["texts"]))
def test_each_dev_text_reaches_its_floors(dev_figures, name):
    doc = next(d for d in dev_figures["documents"] if Path(d["gold"]).stem == name)
    floors = FLOORS["texts"][name]
    low = {part: doc[part]["f1"] for part in ("entities", "facts")
           if doc[part]["f1"] < floors[part]}
    assert not low, f"{name}: F1 below its floor {floors}: {low}"


def test_every_dev_text_has_gold_and_a_floor():
    texts = {p.stem for p in DEV.glob("*.txt")}
    golds = {p.stem for p in DEV.glob("*.yaml")}
    assert texts == golds == set(FLOORS["texts"])
