"""Fuzz the gold-file reader (kg/evaluate/gold.py read_gold).

Mutations of the seed's gold file, YAML-token soup and raw bytes: the reader
returns a Gold or raises GoldError naming the file; any other exception is a
crash. Bounded to a few seconds by default (KG_HYPOTHESIS_SCALE for more).
Crashes it found are pinned in ``REGRESSIONS``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import GoldError
from kg.evaluate.gold import Gold, read_gold
from kg.evaluate.mapping import load_mapping

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reliability"))
from reliability_strategies import PIECES, examples, hostile_text

GOLD = Path(__file__).resolve().parent.parent.parent / "seeds" / "seed-facts.yaml"
SEED_LINES = GOLD.read_text(encoding="utf-8").splitlines(keepends=True)
MAPPING = load_mapping()
NAME = "fuzz/gold.yaml"

YAML_BITS = [
    "entities:", "events:", "relations:", "questions:", "document:", "published:", "updated:",
    "- ", "  ", "    ", "{", "}", "[", "]", ", ", ": ", "&a ", "*a", "<<: *a", "!!str ", "!!int ",
    "!!python/object/apply:os.system ['true']", "!!binary AAAA", "? ", "|", ">", "---", "...",
    "%YAML 1.1", "null", "~", "true", "no", "0x1F", "1e999", "-.inf", ".nan", "2022-02-31",
    "2022-13-01", "2022-01-10T25:61:00Z", "name: X", "type: Person", "type: Deployment",
    "aliases: [A, B]", "core: true", "agent: X", "quantity: 13 checkpoints", "quantity: -1",
    "date: 2022", "ask: Who?", "answer: [[X]]", "query: timeline", "columns: [entity]",
    "params: {place: X}", "ordered_by: date", "#", "\t", "\n", "\r\n", "'", '"', "\\",
]


@st.composite
def mutated_gold(draw) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.integers(0, 6))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        elif op == 2:  # replace a token inside the line
            words = lines[i].split(" ")
            j = draw(st.integers(0, len(words) - 1))
            words[j] = draw(st.one_of(st.sampled_from(YAML_BITS), hostile_text))
            lines[i] = " ".join(words)
        elif op == 3:  # cut the line
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == 4:
            lines.insert(i, draw(st.sampled_from(YAML_BITS)) + draw(hostile_text) + "\n")
        elif op == 5:  # re-indent
            lines[i] = draw(st.sampled_from(["", " ", "  ", "\t"])) + lines[i].lstrip()
        else:  # truncated download
            lines = lines[:i]
    return "".join(lines)


yaml_soup = st.lists(st.one_of(st.sampled_from(YAML_BITS), st.sampled_from(PIECES),
                               hostile_text), max_size=30).map("".join)


def read(text: str) -> None:
    try:
        gold = read_gold(NAME, mapping=MAPPING, text=text)
    except GoldError as exc:
        assert str(exc).startswith(f"{NAME}: "), str(exc)
        return
    assert isinstance(gold, Gold)
    assert all(e.name for e in gold.entities)


def test_the_seed_gold_file_reads():
    gold = read_gold(GOLD, mapping=MAPPING)
    assert gold.entities and gold.facts


@examples(40)  # the whole seed gold file: PyYAML composes it in about 0.1 s
@given(mutated_gold())
def test_fuzz_mutated_seed_gold(text):
    read(text)


@examples(300)
@given(yaml_soup)
def test_fuzz_yaml_soup(text):
    read(text)


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@examples(100)
@given(data=st.binary(max_size=300))
def test_fuzz_gold_file_bytes(scratch, data):
    path = scratch / "gold.yaml"
    path.write_bytes(data)
    try:
        read_gold(path, mapping=MAPPING)
    except GoldError as exc:
        assert str(path) in str(exc)


# --- crashes the fuzzers found, kept as regression tests -----------------------------------

REGRESSIONS: list[tuple[str, str]] = [
    ("alias into aliases", "entities:\n  - {name: X, type: Person, aliases: &a [Y]}\n"
                           "  - {name: Z, type: Person, aliases: *a}\n"),
    ("python tag", "entities: !!python/object/apply:os.system ['true']\n"),
    ("merge key", "entities:\n  - &e {name: X, type: Person}\n  - {<<: *e, name: Y}\n"),
    ("huge float quantity", "entities: []\nevents:\n  - {type: Deployment, quantity: 1e999}\n"),
    ("nul character", "entities: [\x00]\n"),
    # an explicit !!int tag on a word raised ValueError from int() instead of a GoldError
    ("int tag on a word", "!!int entities:"),
    ("int tag on a value", "entities:\n  - {name: !!int X, type: Person}\n"),
]


@pytest.mark.parametrize("name,text", REGRESSIONS, ids=[r[0] for r in REGRESSIONS])
def test_regressions(name, text):
    read(text)
