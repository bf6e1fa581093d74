"""The rule layer in front of the NER: KB labels and standalone country names."""

from __future__ import annotations


def ents(nlp, text):
    return [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]


def test_rule_layer_runs_before_ner(nlp):
    names = nlp.pipe_names
    assert names.index("kg_entity_rules_v1") < names.index("ner")


def test_country_names_are_marked_only_when_standalone(nlp):
    found = ents(nlp, "Leaders of Tajikistan and Bolivia met in Georgia Tech Park.")
    assert ("Tajikistan", "GPE", "gazetteer:country") in found
    assert ("Bolivia", "GPE", "gazetteer:country") in found
    assert not [f for f in found if f[0] == "Georgia" and f[2] == "gazetteer:country"]


def test_country_inside_an_official_name_is_left_to_the_model(nlp):
    found = ents(nlp, "The Ministry of Health of the Republic of Peru said so.")
    assert not [f for f in found if f[0] == "Peru" and f[2] == "gazetteer:country"]


def test_user_kb_file_feeds_the_rule_layer(tmp_path):
    from kg.nlp.pipeline import build_nlp

    f = tmp_path / "mine.ttl"
    f.write_text("""@prefix kg: <https://w3id.org/kg-news/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/kb/zx> a kg:ArmedForce ; skos:prefLabel "Zorro Unit" .""")
    nlp = build_nlp(kb_files=[str(f)])
    doc = nlp("The Zorro Unit arrived.")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Zorro Unit", "KG_ArmedForce", "https://example.org/kb/zx")]
    assert doc._.kg_kb.lookup("Zorro Unit") is not None
