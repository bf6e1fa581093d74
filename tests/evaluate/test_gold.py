"""The gold reader: the seed annotation parses, and every error names its line."""

from __future__ import annotations

import re

import pytest

from kg.errors import GoldError
from kg.evaluate.gold import read_gold

HEAD = """\
document: tiny.txt
entities:
  - {name: Syldavia, type: Country, aliases: [the kingdom]}
  - {name: Klow, type: City}
"""


def fails_at(tmp_path, text: str, line: int, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError) as info:
        read_gold(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: line {line}: "), msg
    assert re.search(message, msg), msg


def test_seed_gold_reads(gold_path):
    gold = read_gold(gold_path)
    assert gold.document == "000_72ea2dc2026ad733.txt"
    assert gold.published == "2022-01-06"
    assert len(gold.entities) == 31
    assert len(gold.facts) == 48
    assert sum(f.core for f in gold.facts) == 29
    assert len(gold.questions) == 9
    deployments = [f for f in gold.facts if f.type == "Deployment"]
    assert deployments[1].roles["agent"] is None                 # null kept: accepts anything
    assert deployments[1].roles["quantity"] == 13.0
    assert deployments[1].roles["unit"] == "checkpoints"         # from "13 checkpoints"
    assert deployments[1].roles["date"] == "2022-01-09"
    detentions = [f for f in gold.facts if f.type == "Detention"]
    assert detentions[2].roles["agent"][0] == "National Guard of Kazakhstan"
    assert len(detentions[2].roles["agent"]) == 3
    assert detentions[0].roles["quantity_qualifier"] == "more than"
    positions = [f for f in gold.facts if f.type == "Position"]
    assert positions and all(f.category == "relation" for f in positions)
    assert gold.questions[-1].answer[0] == ["Protest", "2022-01-02"]
    text = gold_path.read_text(encoding="utf-8").splitlines()
    for fact in gold.facts:                                       # lines point at the fact
        assert f"type: {fact.type}" in text[fact.line - 1]


def test_partial_dates_and_number_forms(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(HEAD + """\
events:
  - {type: Protest, location: Klow, date: 2022-01}
  - {type: Riot, location: Klow, date: 2022}
  - {type: Casualties, quantity: "1,250 people"}
""", encoding="utf-8")
    gold = read_gold(path)
    assert [f.roles.get("date") for f in gold.facts[:2]] == ["2022-01", "2022"]
    assert gold.facts[2].roles["quantity"] == 1250.0
    assert gold.facts[2].roles["unit"] == "people"


def test_yaml_syntax_error_has_its_line(tmp_path):
    fails_at(tmp_path, HEAD + "events:\n  - {type: Protest, location: [Klow}\n", 6,
             "YAML syntax error")


def test_unknown_top_level_key(tmp_path):
    fails_at(tmp_path, HEAD + "facts: []\n", 5, "unknown key 'facts'")


def test_unknown_entity_type(tmp_path):
    fails_at(tmp_path, "entities:\n  - {name: A, type: City}\n  - {name: B, type: Planet}\n", 3,
             "unknown entity type 'Planet'")


def test_entity_without_type(tmp_path):
    fails_at(tmp_path, "entities:\n  - {name: A, type: City}\n  - {name: B}\n", 3,
             "lacks 'type'")


def test_alias_naming_two_entities(tmp_path):
    fails_at(tmp_path, HEAD + "  - {name: Szohod, type: City, aliases: [The Kingdom]}\n", 5,
             "names both 'Syldavia' and 'Szohod'")


def test_duplicate_entity(tmp_path):
    fails_at(tmp_path, HEAD + "  - {name: Klow, type: City}\n", 5, "listed twice")


def test_unknown_fact_type(tmp_path):
    fails_at(tmp_path, HEAD + "events:\n  - {type: Picnic, location: Klow}\n", 6,
             "unknown event type 'Picnic'")


def test_unknown_role(tmp_path):
    fails_at(tmp_path, HEAD + "events:\n  - {type: Protest,\n     agnet: Klow}\n", 7,
             "unknown role 'agnet' for Protest")


def test_unquoted_comma_in_a_flow_mapping_is_explained(tmp_path):
    """``{theme: tear gas, rubber bullets}`` reads "rubber bullets" as a role with no
    value: the error says to quote the value, not only that the role is unknown."""
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + "events:\n  - {type: Protest, location: Klow, Syldavia}\n",
                    encoding="utf-8")
    with pytest.raises(GoldError) as info:
        read_gold(path)
    assert "unknown role 'Syldavia' for Protest" in str(info.value)
    assert "quote a value" in str(info.value)


def test_relation_listed_under_events(tmp_path):
    fails_at(tmp_path, HEAD + "events:\n  - {type: LocatedIn, place: Klow, in: Syldavia}\n",
             6, "LocatedIn is a relation")


def test_bad_date(tmp_path):
    fails_at(tmp_path, HEAD + "events:\n  - {type: Protest, date: 2022-13-45}\n", 6,
             "date")
    fails_at(tmp_path, HEAD + "events:\n  - {type: Protest, date: last week}\n", 6,
             "must be an ISO date")


def test_bad_quantity(tmp_path):
    fails_at(tmp_path, HEAD + "events:\n  - {type: Casualties, quantity: dozens}\n", 6,
             "must be a number")


def test_quantity_must_be_finite(tmp_path):
    fails_at(tmp_path, HEAD + "events:\n  - {type: Casualties, quantity: .inf}\n", 6,
             "finite number")


def test_core_must_be_boolean(tmp_path):
    fails_at(tmp_path, HEAD + "events:\n  - {type: Protest, core: maybe}\n", 6,
             "true or false")


def test_answer_rows_of_different_length(tmp_path):
    fails_at(tmp_path, HEAD + "questions:\n  - ask: where?\n    answer:\n      - [Klow]\n"
             "      - [Klow, Syldavia]\n", 9, "differ in length")


def test_question_columns_must_fit_the_answer(tmp_path):
    fails_at(tmp_path, HEAD + "questions:\n  - ask: where?\n    answer: [[Klow]]\n"
             "    query: timeline\n    columns:\n      - {column: type, kind: type}\n"
             "      - {column: date, kind: date}\n", 10, "2 columns for answer rows of 1")


def test_unknown_column_kind(tmp_path):
    fails_at(tmp_path, HEAD + "questions:\n  - ask: where?\n    answer: [[Klow]]\n"
             "    query: timeline\n    columns:\n      - {column: type, kind: colour}\n", 10,
             "unknown column kind 'colour'")


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(GoldError, match="empty gold file"):
        read_gold(empty)
    with pytest.raises(GoldError, match="cannot read"):
        read_gold(tmp_path / "absent.yaml")
