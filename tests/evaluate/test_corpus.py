"""Scoring a split: gold files found and checked, figures summed over the documents."""

from __future__ import annotations

import pytest
from eval_builders import TinyDoc, qty, when
from pyoxigraph import Store

from kg.errors import GoldError
from kg.evaluate.corpus import evaluate_split, read_split

ONE = ("The Syldavian Guard detained 30 people in Klow on Tuesday.",)
TWO = ("Police arrested 12 people in Szohod.", "Szohod is calm.")


def split_dir(tmp_path):
    (tmp_path / "one.txt").write_text("\n".join(ONE), encoding="utf-8")
    (tmp_path / "two.txt").write_text("\n".join(TWO), encoding="utf-8")
    (tmp_path / "one.yaml").write_text("""document: one.txt
entities:
  - {name: Syldavian Guard, type: ArmedForce}
  - {name: Klow, type: City}
events:
  - {type: Detention, core: true, agent: Syldavian Guard, quantity: 30, location: Klow,
     date: 2022-03-08}
""", encoding="utf-8")
    (tmp_path / "two.yaml").write_text("""document: two.txt
entities:
  - {name: Szohod, type: City}
  - {name: police, type: ArmedForce, aliases: [Police]}
events:
  - {type: Arrest, agent: police, quantity: 12, location: Szohod}
  - {type: Protest, location: Szohod}
""", encoding="utf-8")
    return tmp_path


def test_split_figures_are_sums_over_its_documents(tmp_path):
    split = read_split("dev", split_dir(tmp_path))
    assert [g.document for g in split.golds] == ["one.txt", "two.txt"]
    store = Store()
    one = TinyDoc(*ONE, doc_id="one")
    guard, klow = one.mention("Syldavian Guard", "ArmedForce"), one.mention("Klow", "City")
    one.fact("Detention", 0, agent=guard, quantity=qty(30), location=klow,
             date=when("2022-03-09"))                     # date wrong: a column, not a miss
    one.store(store)
    two = TinyDoc(*TWO, doc_id="two")
    szohod = two.mention("Szohod", "Place")               # right name, wrong type
    police = two.mention("Police", "ArmedForce")
    two.fact("Arrest", 0, agent=police, quantity=qty(12), location=szohod)
    two.fact("Riot", 1, location=szohod)                  # spurious
    two.store(store)

    fig = evaluate_split(store, split).as_json()
    assert fig["texts"] == 2
    e, f = fig["entities"], fig["facts"]
    assert (e["gold"], e["predicted"], e["matched"]) == (4, 4, 4)
    assert e["type_accuracy"] == pytest.approx(3 / 4)
    assert (f["gold"], f["predicted"], f["matched"]) == (3, 3, 2)
    assert f["precision"] == pytest.approx(2 / 3) and f["recall"] == pytest.approx(2 / 3)
    assert f["core_recall"] == 1.0
    assert fig["dates"] == {"right": 0, "given": 1, "accuracy": 0.0}
    assert f["by_type"]["Protest"]["gold"] == 1 and f["by_type"]["Riot"]["predicted"] == 1
    assert f["by_type"]["Arrest"]["columns"]["location"] == {"given": 1, "agree": 1,
                                                             "accuracy": 1.0}
    assert [d["facts"]["matched"] for d in fig["documents"]] == [1, 1]


def test_a_gold_file_must_name_a_text_of_the_split(tmp_path):
    d = split_dir(tmp_path)
    (d / "two.txt").unlink()
    with pytest.raises(GoldError, match=r"'two\.txt' is not in"):
        read_split("dev", d)
    (d / "two.yaml").write_text("entities: []\n", encoding="utf-8")
    with pytest.raises(GoldError, match="must name its text"):
        read_split("dev", d)


def test_an_empty_or_missing_split_is_an_error(tmp_path):
    with pytest.raises(GoldError, match="no gold files"):
        read_split("dev", tmp_path)
    with pytest.raises(GoldError, match="is not a directory"):
        read_split("dev", tmp_path / "nowhere")


def test_each_documents_view_is_the_same_read_once_or_per_document():
    """GraphRows (the store's rows read once for a split) gives every document's view
    exactly as reading the store for that document alone does: entities with their
    mention counts and first sentences, facts with their values, sentences."""
    from kg.evaluate.graph import GraphRows, read_graph

    store = Store()
    one = TinyDoc(*ONE, "Klow was quiet on Wednesday.", doc_id="one")
    guard, klow = one.mention("Syldavian Guard", "ArmedForce"), one.mention("Klow", "City")
    one.mention("Klow", "City", nth=1)
    one.fact("Detention", 0, agent=guard, quantity=qty(30), location=klow)
    one.store(store)
    two = TinyDoc(*TWO, doc_id="two")
    szohod = two.mention("Szohod", "City")
    two.mention("Szohod", "City", nth=1)
    two.fact("Arrest", 0, agent=two.mention("Police", "ArmedForce"), quantity=qty(12),
             location=szohod)
    two.store(store)
    rows = GraphRows(store)
    for document in (None, "one.txt", "two", "two.txt"):
        alone = read_graph(store, document=document)
        shared = read_graph(store, document=document, rows=rows)
        assert shared == alone, document
    one_view = read_graph(store, document="one.txt", rows=rows)
    assert {e.pref: e.mentions for e in one_view.entities} == {"Klow": 2, "Syldavian Guard": 1}
    assert [f.cls for f in one_view.facts] == ["Detention"] and len(one_view.sentences) == 2
