"""Knowledge-base files: the shipped one loads; malformed user files are refused clearly."""

from __future__ import annotations

import pytest

from kg.errors import RuleError
from kg.records import EntityType
from kg.resolve.kb import load_kb, parse_kb_file

HEAD = """@prefix kg: <https://w3id.org/kg-news/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix ex: <https://example.org/kb/> .
"""


def test_shipped_kb_entries_have_a_type_and_a_reason(tmp_path):
    kb = load_kb()
    assert kb.entries
    text = "\n".join(p.read_text() for p in map(__import__("pathlib").Path, kb.files))
    for entry in kb.entries:
        # every entry is preceded by a "# Why:" comment in its file
        assert entry.type in EntityType
    assert text.count("# Why:") >= 5


def test_user_kb_adds_entries_with_links(tmp_path):
    f = tmp_path / "mine.ttl"
    f.write_text(HEAD + """ex:nra a kg:GovernmentBody ; skos:prefLabel "Northern Rail Authority" ;
        skos:altLabel "NRA" ; owl:sameAs <https://www.wikidata.org/entity/Q42> .""")
    kb = load_kb([f])
    entry = kb.lookup("nra")
    assert entry is not None and entry.label == "Northern Rail Authority"
    assert entry.type is EntityType.GOVERNMENT_BODY
    assert entry.same_as == ("https://www.wikidata.org/entity/Q42",)
    assert load_kb() .lookup("NRA") is None  # the shipped KB is not changed


def test_malformed_entries_are_all_listed(tmp_path):
    f = tmp_path / "bad.ttl"
    f.write_text(HEAD + """ex:a skos:prefLabel "No Class" .
ex:b a kg:Person, kg:City ; skos:prefLabel "Two Classes" .
ex:c a kg:Person ; skos:prefLabel "Fine" .""")
    with pytest.raises(RuleError) as info:
        parse_kb_file(f)
    msg = str(info.value)
    assert "example.org/kb/a" in msg and "example.org/kb/b" in msg
    assert "example.org/kb/c" not in msg


def test_unparsable_or_missing_file(tmp_path):
    f = tmp_path / "broken.ttl"
    f.write_text("this is not turtle .")
    with pytest.raises(RuleError, match="cannot parse"):
        parse_kb_file(f)
    with pytest.raises(RuleError, match="not found"):
        load_kb([tmp_path / "missing.ttl"])
