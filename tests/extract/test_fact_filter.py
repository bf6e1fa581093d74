"""The learned fact filter (kg/extract/fact_filter.py): features, model file, dropping."""

from __future__ import annotations

import json

import pytest

from kg.errors import RuleError
from kg.extract.fact_filter import FEATURES, FactModel, fact_features, fact_model, read_model
from tests.evaluate.eval_builders import TinyDoc, qty

_TEXT = ("Police in Lusaka detained 40 protesters on Monday, the ministry said.",
         "The Zambian army was deployed to the Copperbelt.")


def _doc():
    doc = TinyDoc(*_TEXT, doc_id="zambia")
    police, lusaka = doc.mention("Police", "GovernmentBody"), doc.mention("Lusaka", "City")
    detained = doc.fact("Detention", 0, agent=police, location=lusaka, quantity=qty(40, "40"))
    army = doc.mention("Zambian army", "ArmedForce")
    deployed = doc.fact("Deployment", 1, theme=army,
                        location=doc.mention("Copperbelt", "Region"))
    return doc, detained, deployed


def test_features_name_types_rules_and_roles_never_an_entity():
    doc, detained, _ = _doc()
    result = doc.result()
    feats = fact_features(detained, result.document, result.facts)
    assert {"k=Detention", "r=test/Detention", "ro=Detention|agent",
            "rf=Detention|agent|GovernmentBody", "rf=Detention|quantity|Q",
            "rfx=location|City", "same=1", "samek=Detention|1"} <= set(feats)
    text = " ".join(feats)
    for name in ("Lusaka", "Police", "protesters", "Copperbelt"):
        assert name not in text


def test_keep_drops_what_the_model_scores_below_the_threshold():
    doc, detained, deployed = _doc()
    result = doc.result()
    model = FactModel(bias=0.0, weights={"k=Detention": -3.0, "k=Deployment": 3.0})
    assert model.probability(fact_features(detained, result.document, result.facts)) < 0.1
    assert model.keep(result.facts, result.document, threshold=0.5) == [deployed]
    assert model.keep(result.facts, result.document, threshold=0.0) == [detained, deployed]


def test_the_shipped_model_loads_and_matches_this_feature_set():
    model = fact_model()
    assert 0 < model.suggested_threshold < 1
    assert len(model.weights) > 100
    assert all(w.split("=", 1)[0] for w in model.weights)


@pytest.mark.parametrize("content, reason", [
    ("{not json", "cannot read"),
    (json.dumps({"features": "fact-filter-v0", "suggested_threshold": 0.3, "bias": 0,
                 "weights": {}}), "fact-filter-v0"),
    (json.dumps({"features": FEATURES, "suggested_threshold": 1.5, "bias": 0,
                 "weights": {}}), "suggested_threshold"),
    (json.dumps({"features": FEATURES, "suggested_threshold": 0.3, "bias": 0,
                 "weights": {"k=Arrest": "high"}}), "weights"),
])
def test_a_bad_model_file_is_named_with_the_reason(tmp_path, content, reason):
    path = tmp_path / "model.json"
    path.write_text(content, "utf-8")
    with pytest.raises(RuleError) as err:
        read_model(path)
    assert str(path) in err.value.message and reason in err.value.message


def test_a_build_drops_facts_only_when_asked():
    from kg.api import build_graph

    text = ("GABORONE, May 4 - Soldiers were deployed to Francistown on Sunday after "
            "police detained 12 miners, the interior ministry said.")
    count = ("SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { GRAPH ?g { ?f a "
             "<https://w3id.org/kg-news/ns#Event> } }")
    default = build_graph({"botswana": text}).query(count).column("n")[0]
    kept = build_graph({"botswana": text}, fact_threshold=0.0).query(count).column("n")[0]
    none = build_graph({"botswana": text}, fact_threshold=0.99).query(count).column("n")[0]
    assert default == kept > 0
    assert none < kept


def test_every_extracted_fact_carries_the_models_probability_as_its_confidence(nlp):
    from kg.rdf.iri import IriMinter
    from kg.rdf.mapping import map_document
    from kg.rdf.vocab import KG
    from tests.extract.event_helpers import run

    result = run(nlp, "Soldiers were deployed to Francistown on Sunday after police in "
                      "Gaborone detained 12 miners, the interior ministry said.")
    assert len(result.facts) >= 2
    model = fact_model()
    for fact in result.facts:
        expected = model.probability(fact_features(fact, result.document, result.facts))
        assert fact.probability == pytest.approx(expected)
    written = sorted(float(q.object.value) for q in map_document(result, IriMinter())
                     if q.predicate == KG.confidence)
    assert written == sorted(round(f.probability, 3) for f in result.facts)
    assert written != sorted(round(f.confidence, 3) for f in result.facts)  # not the rules'
