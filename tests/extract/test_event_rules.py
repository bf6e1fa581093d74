"""The event rule files: schema checks with file:line errors, and every example fires."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.extract.triggers import engine_for
from kg.resources import rules_dir
from kg.rules.loader import event_rules, load_rules
from tests.extract.event_helpers import run

RULES = event_rules()
TYPE_PATTERNS = [(t.kind, p.id, p.example) for t in RULES.types.values() for p in t.patterns]
OTHER_PATTERNS = [(p["id"], p["shape"], p["example"])
                  for spec in (RULES.statements, RULES.relations) for p in spec["patterns"]]


def test_shipped_rules_load_with_one_lexicon_per_type():
    kinds = set(RULES.types)
    for needed in ("Deployment", "Request", "Detention", "Arrest", "Neutralisation", "Seizure",
                   "Protest", "Riot", "StateOfEmergency", "CounterTerrorismOperation",
                   "Participation", "Protection", "Casualties", "Damage", "Arson", "Meeting",
                   "Withdrawal", "Appointment", "Dismissal"):
        assert needed in kinds
        t = RULES.types[needed]
        assert t.verbs or t.nouns or t.phrases
        assert t.path.name.endswith(".yaml")


@pytest.mark.parametrize(("kind", "pattern_id", "example"), TYPE_PATTERNS,
                         ids=[p for _, p, _ in TYPE_PATTERNS])
def test_every_type_pattern_fires_on_its_example(nlp, kind, pattern_id, example):
    matches = engine_for(nlp.vocab).matches(nlp(example))
    fired = {m.pattern_id for m in matches} | {a for m in matches for a, _ in m.alternatives}
    assert pattern_id in fired
    facts = run(nlp, example).facts
    assert any(f.kind == kind for f in facts), f"{pattern_id}: no {kind} fact"


@pytest.mark.parametrize(("pattern_id", "shape", "example"), OTHER_PATTERNS,
                         ids=[p for p, _, _ in OTHER_PATTERNS])
def test_every_statement_and_relation_pattern_fires(nlp, pattern_id, shape, example):
    if shape == "headline":
        result = run(nlp, "Officials spoke to reporters.", headline=example)
    else:
        result = run(nlp, example)
    assert any(f.rule.startswith(pattern_id) for f in result.facts)


def _copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "events"
    shutil.copytree(rules_dir() / "events", target)
    return target


def test_bad_entries_are_all_listed_with_file_and_line(tmp_path):
    d = _copy_rules(tmp_path)
    (d / "arrest.yaml").write_text(
        "type: Arrest\ncategory: event\nconfidence: 0.8\n"
        "lexicon: {verbs: [arrest]}\n"
        "args: {subject: agent, sideways: theme}\n"
        "patterns:\n"
        "  - {id: arrest/x, shape: no-such-shape, example: 'Police arrested two men.'}\n"
        "  - {id: arrest/y}\n", encoding="utf-8")
    (d / "riot.yaml").write_text(
        "type: Riots\ncategory: event\nconfidence: 2\nlexicon: {nouns: [riot]}\n"
        "args: {}\npatterns: []\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules(d)
    text = str(err.value)
    assert "arrest.yaml:5: unknown argument slot 'sideways'" in text
    assert "arrest.yaml:7: unknown shape 'no-such-shape'" in text
    assert "arrest.yaml:8: missing field 'example'" in text
    assert "riot.yaml:1: unknown event type 'Riots'" in text
    assert "riot.yaml:1: confidence must be in (0, 1]" in text


def test_yaml_syntax_error_names_the_file(tmp_path):
    d = _copy_rules(tmp_path)
    (d / "seizure.yaml").write_text("type: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"seizure\.yaml"):
        load_rules(d)


def test_duplicate_pattern_ids_are_refused(tmp_path):
    d = _copy_rules(tmp_path)
    text = (d / "arrest.yaml").read_text(encoding="utf-8")
    (d / "arrest.yaml").write_text(text.replace("arrest/passive", "arrest/active"),
                                   encoding="utf-8")
    with pytest.raises(RuleError, match="used twice"):
        load_rules(d)


def test_bad_options_of_a_type_file_are_listed(tmp_path):
    d = _copy_rules(tmp_path)
    (d / "ban.yaml").write_text(
        "type: Ban\ncategory: event\nconfidence: 0.8\n"
        "lexicon: {verbs: [ban]}\n"
        "args: {subject: agent, on: theme}\n"
        "theme_for: {ban: no_such_list}\n"
        "lemma_args: {ban: {sideways: theme}}\n"
        "yields_to: [Riots]\n"
        "requires: [colour]\n"
        "extras: [astrology]\n"
        "patterns:\n"
        "  - {id: ban/x, shape: verb-active, example: 'Togo banned rallies.'}\n",
        encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules(d)
    text = str(err.value)
    assert "ban.yaml:5: argument slot True: quote the key" in text
    assert "theme constraint 'no_such_list'" in text
    assert "unknown argument slot 'sideways'" in text
    assert "yields_to names unknown type 'Riots'" in text
    assert "requires names unknown role 'colour'" in text
    assert "unknown extra reader 'astrology'" in text
