"""The entity rule files are validated on load; every bad entry is reported by file and line."""

from __future__ import annotations

import shutil

import pytest

from kg.errors import RuleError
from kg.extract.entity_rules import load_entity_rules
from kg.records import EntityType
from kg.resources import rules_dir


def test_shipped_rules_load():
    rules = load_entity_rules()
    assert rules.demonym_country("Kazakh") == "KZ"
    assert rules.demonym_country("Nigerian") == "NG"
    assert rules.demonym_country("Dominican") is None  # two countries: ambiguous
    assert len({c for codes in rules.demonyms.values() for c in codes}) >= 190
    assert rules.titles["president"] == "country"
    assert rules.heads["ministry"] is EntityType.GOVERNMENT_BODY


def test_every_bad_entry_is_listed_with_file_and_line(tmp_path):
    d = tmp_path / "entities"
    shutil.copytree(rules_dir() / "entities", d)
    (d / "heads.jsonl").write_text(
        '{"head": "ministry", "type": "GovernmentBody"}\n'
        '{"head": "agency", "type": "Agency"}\n'
        'not json\n'
        '{"head": "army"}\n')
    with pytest.raises(RuleError) as info:
        load_entity_rules(d)
    msg = str(info.value)
    assert "heads.jsonl:2" in msg and "'Agency'" in msg
    assert "heads.jsonl:3" in msg and "not valid JSON" in msg
    assert "heads.jsonl:4" in msg and "missing field 'type'" in msg
    assert "heads.jsonl:1" not in msg


def test_bad_entries_of_several_files_are_reported_together(tmp_path):
    d = tmp_path / "entities"
    shutil.copytree(rules_dir() / "entities", d)
    (d / "noise.jsonl").write_text('{"pattern": "(", "scope": "line", "why": "x"}\n')
    (d / "bodies.jsonl").write_text('{"phrases": ["army"], "type": "ArmedForce", '
                                    '"scope": "country", "name": "Army", "why": "x"}\n')
    with pytest.raises(RuleError) as info:
        load_entity_rules(d)
    msg = str(info.value)
    assert "noise.jsonl:1: pattern does not compile" in msg
    assert "bodies.jsonl:1: field 'name' must contain {owner}" in msg
    assert msg.startswith("2 bad entries")


def test_one_compass_list_serves_every_reader(tmp_path):
    """kg/rules/entities/compass.jsonl is the one list of compass words: the unit names of
    kg/resolve/admin.py and kg/resolve/places.py and the place readers of kg/extract read
    it (four different hand-written sets before, each missing words of the others)."""
    from kg.resolve.admin import unit_keys
    from kg.resolve.places import _subdivision_keys

    rules = load_entity_rules()
    assert {"north", "southern", "north-east", "south central", "upper", "central"} \
        <= rules.compass
    # a unit whose name is only a compass word without its kind keeps its kind: "North
    # Eastern Province" is not "north eastern" (the admin set had no two-word forms)
    assert unit_keys("North Eastern Province") == frozenset({"north eastern province"})
    assert unit_keys("Lowland District") == frozenset({"lowland district", "lowland"})
    # nor "Southwestern Region" (the places set had no one-word diagonals)
    assert "southwestern" not in _subdivision_keys("Southwestern Region")
    assert "tarmia" in _subdivision_keys("Tarmia Region")
    d = tmp_path / "entities"
    shutil.copytree(rules_dir() / "entities", d)
    (d / "compass.jsonl").write_text('{"kind": "diagonal", "words": ["ne"], "why": "x"}\n')
    with pytest.raises(RuleError, match=r"compass.jsonl:1.*'diagonal'"):
        load_entity_rules(d)
