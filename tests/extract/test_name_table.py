"""The shipped first-name table (kg/extract/name_table.py): made from nomquamgender's
data by the rule its docstring states, byte-stable, and what name_gender.py reads."""

from __future__ import annotations

import gzip

import pytest

from kg.extract import name_table


def test_derive_keeps_known_names_and_confident_genders():
    data = {
        "aaron": [4, 9000, 0.004],  # confident man's name
        "beatrix": [3, 800, 0.995],  # confident woman's name
        "casey": [5, 20000, 0.4],  # ambiguous: known, no gender
        "dunmore": [1, 40, 0.1],  # one source: not a first name people bear
        "elowen": [2, 30, 1.0],  # two sources, too few bearers for a gender: known only
        "farid": [3, 499, 0.0],  # below 500 bearers: known only
        "gale": None,
    }
    assert name_table.derive(data) == [
        ("aaron", "m"), ("beatrix", "f"), ("casey", "-"), ("elowen", "-"), ("farid", "-")]


def test_render_and_read_round_trip(tmp_path):
    rows = [("aaron", "m"), ("beatrix", "f"), ("casey", "-")]
    blob = name_table.render(rows)
    assert blob == name_table.render(rows)  # no timestamp in the gzip header
    path = tmp_path / "names.tsv.gz"
    path.write_bytes(blob)
    genders, known = name_table.read(path)
    assert genders == {"aaron": "m", "beatrix": "f"}
    assert known == {"aaron", "beatrix", "casey"}
    assert gzip.decompress(blob).decode().startswith("# First names")


def test_shipped_table_matches_the_package_data():
    """The table in kg/rules is what nomquamgender's installed data gives today: a new
    release of the package or a changed threshold must be followed by
    `python -m kg.extract.name_table`."""
    pytest.importorskip("nomquamgender")
    shipped = gzip.decompress(name_table.table_path().read_bytes())
    made = name_table.render(name_table.derive(name_table.package_data()))
    assert shipped == gzip.decompress(made)


def test_name_gender_reads_the_shipped_table():
    from kg.extract.name_gender import first_name_gender, known_first_name

    assert first_name_gender("Thomas") == "m"
    assert first_name_gender("Elena") == "f"
    assert known_first_name("Ernesto")
    assert not known_first_name("Governance")
