"""kg eval on the development set (tests/data/dev) never falls below its floors.

The texts were written by the project and the rules fixed against them, so the floors
(tests/data/dev/floors.yaml) guard those fixes; they are not a held-out measure. The
documents are parsed with the session's model (tests/conftest.py ``nlp``) and scored
through the same path as ``kg eval`` (map to RDF, store, SPARQL-based evaluation).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pyoxigraph import Store

from kg.evaluate.run import evaluate_store
from kg.extract.document import extract_document
from kg.ingest.reader import read_document
from kg.rdf.iri import IriMinter
from kg.rdf.mapping import map_document
from kg.store import replace_graph

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"
FLOORS = yaml.safe_load((DEV / "floors.yaml").read_text("utf-8"))["texts"]


@pytest.fixture(scope="module")
def dev_scores(nlp) -> dict[str, dict]:
    scores = {}
    for name in FLOORS:
        document = read_document(DEV / f"{name}.txt")
        result = extract_document(document, [(u, nlp(u.text)) for u in document.units])
        minter = IriMinter()
        store = Store()
        replace_graph(store, minter.graph(document.doc_id), map_document(result, minter))
        scores[name] = evaluate_store(store, DEV / f"{name}.yaml").as_json()
    return scores


@pytest.mark.parametrize(("name", "part", "metric"), [
    (name, part, metric) for name, floors in FLOORS.items()
    for part in ("entities", "facts") for metric in floors[part]])
def test_dev_scores_reach_their_floors(dev_scores, name, part, metric):
    score = dev_scores[name][part][metric]
    floor = FLOORS[name][part][metric]
    assert score >= floor, (f"{name}: {part} {metric} fell to {score:.3f}, below its floor "
                            f"{floor} (tests/data/dev/floors.yaml): a regression to fix")


@pytest.mark.parametrize("name", list(FLOORS))
def test_dev_questions_reach_their_floor(dev_scores, name):
    assert dev_scores[name]["questions"]["answered"] >= FLOORS[name]["questions"]["answered"]


def test_every_dev_text_has_gold_and_a_floor():
    texts = {p.stem for p in DEV.glob("*.txt")}
    assert texts == {p.stem for p in DEV.glob("*.yaml")} - {"floors"} == set(FLOORS)
