"""The gold <-> ontology mapping file: its schema check and its comparison helpers."""

from __future__ import annotations

import pytest

from kg.errors import RuleError
from kg.evaluate.mapping import MAPPING_FILE, load_mapping
from kg.rdf.vocab import KG


def test_default_mapping_covers_the_ontology_terms_it_names():
    m = load_mapping()
    assert set(m.entity_types.values()) <= KG.terms
    for spec in m.facts.values():
        assert spec.cls in KG.terms
        for role in spec.roles.values():
            assert set(role.properties) <= KG.terms
    assert m.facts["Membership"].roles["of"].properties == ("group", "groupText")
    assert m.facts["Position"].roles["of"].properties == ("organization", "organizationText")
    assert not m.facts["Detention"].roles["location"].gates
    assert m.facts["Detention"].roles["agent"].gates


def test_folding_and_text_overlap():
    m = load_mapping()
    assert m.fold("  Klow’s   “Old”  Town ") == "klow's \"old\" town"
    assert m.fold("KLOW") == m.fold("klow")
    # a dotted capital I folds like any capital: names in capitals match their title case
    assert m.fold("REPUBLIC OF NİMBARA") == m.fold("Republic of Nimbara")
    assert m.text_overlap("guarding key sites", "they guard the key sites") == 1.0
    assert m.text_overlap("guarding key sites", "keep order") == 0.0
    assert m.text_matches("members of a cell", "four members of the cell")
    assert not m.text_matches("stolen cars and weapons", "police said")


def test_qualifier_and_unit_equivalence():
    m = load_mapping()
    assert m.qualifier_key("more than") == m.qualifier_key("Over")
    assert m.qualifier_key("at least") != m.qualifier_key("over")
    assert m.qualifier_key("some odd word") == "some odd word"
    assert m.unit_key("checkpoints") == m.unit_key("checkpoint")
    assert m.unit_key("USD") == m.unit_key("$") == m.unit_key("dollars")


def broken(tmp_path, old: str, new: str):
    text = MAPPING_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mapping.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    return path, line


@pytest.mark.parametrize(("old", "new", "message"), [
    ("agent:        {properties: [agent, agentText], kind: entity}",
     "agent:        {properties: [agnt, agentText], kind: entity}", "'agnt' is not a term"),
    ("purpose:      {properties: [purpose], kind: text}",
     "purpose:      {properties: [purpose], kind: prose}", "unknown kind 'prose'"),
    ("location:     {properties: [location, locationText], kind: entity, score: location}",
     "location:     {properties: [location, locationText], kind: entity, score: place}",
     "unknown score 'place'"),
    ("Protest:        {class: Protest,", "Protest:        {class: Protests,",
     "'Protests' is not a term"),
    ("roles: [location, date, cause, factuality]}", "roles: [location, date, causes, factuality]}",
     "names role 'causes'"),
])
def test_schema_errors_name_their_line(tmp_path, old, new, message):
    path, line = broken(tmp_path, old, new)
    with pytest.raises(RuleError, match=message) as info:
        load_mapping(path)
    assert f": line {line}:" in str(info.value)
