"""`kg build --store` is incremental: unchanged documents are skipped, changed ones replaced."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.build import BuildOptions, build_to_file
from kg.errors import GraphLoadError
from kg.ingest.sources import expand_sources
from kg.rdf.iri import IriMinter
from kg.rdf.vocab import KG
from kg.store import drop_document, replace_graph, stored_hash

KG_CLI = [sys.executable, "-m", "kg"]
FIRST = ("Storm Closes Harbour in Valdren\n"
         "Mayor Ilse Varga said on Monday that 40 families had been moved to shelters.\n")
SECOND = ("Bridge Reopens in Tarsk\n"
          "Engineer Piet Kessler said the bridge in Tarsk would reopen on Friday.\n")
EDITED = FIRST + "Ilse Varga later said that 55 families had been moved.\n"


def graphs(store_dir: Path) -> dict[str, set[str]]:
    """Every named graph of a store, as sets of quads, opened read-only."""
    store = Store.read_only(str(store_dir))
    try:
        out: dict[str, set[str]] = {}
        for q in store:
            out.setdefault(q.graph_name.value, set()).add(str(q))
        return out
    finally:
        del store


def build(corpus: Path, store_dir: Path, **kw):
    return build_to_file(expand_sources([str(corpus)]), None, fmt=None,
                         options=BuildOptions(**kw), store_dir=store_dir)


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory):
    """Build a two-document corpus, rebuild it unchanged, then with one document edited."""
    work = tmp_path_factory.mktemp("incremental")
    corpus, store_dir = work / "corpus", work / "store"
    corpus.mkdir()
    (corpus / "alpha.txt").write_text(FIRST, encoding="utf-8")
    (corpus / "beta.txt").write_text(SECOND, encoding="utf-8")
    first = build(corpus, store_dir)
    after_first = graphs(store_dir)
    second = build(corpus, store_dir)
    after_second = graphs(store_dir)
    (corpus / "alpha.txt").write_text(EDITED, encoding="utf-8")
    third = build(corpus, store_dir)
    after_third = graphs(store_dir)
    return {"reports": (first, second, third),
            "graphs": (after_first, after_second, after_third), "store": store_dir,
            "corpus": corpus}


def test_second_build_skips_every_document(built_twice):
    first, second, _ = built_twice["reports"]
    assert (first.built, first.skipped) == (2, 0)
    assert (second.built, second.skipped, second.unchanged) == (0, 2, 2)
    assert second.triples == 0
    g1, g2, _ = built_twice["graphs"]
    assert g1 == g2


def test_edited_document_replaces_only_its_graph(built_twice):
    _, _, third = built_twice["reports"]
    assert (third.built, third.skipped, third.unchanged) == (1, 1, 1)
    _, before, after = built_twice["graphs"]
    minter = IriMinter()
    alpha, beta = minter.graph("alpha").value, minter.graph("beta").value
    assert after[beta] == before[beta]
    assert after[alpha] != before[alpha]
    assert any("55 families" in q for q in after[alpha])
    assert not any("55 families" in q for q in before[alpha])
    # the old version of the edited document left nothing behind
    old_hash = next(q for q in before[alpha] if "contentHash" in q)
    assert old_hash not in after[alpha]
    assert set(after) == set(before)


def test_rebuild_option_builds_unchanged_documents(built_twice, tmp_path):
    import shutil

    store_dir = tmp_path / "store"
    shutil.copytree(built_twice["store"], store_dir)
    report = build(built_twice["corpus"], store_dir, rebuild=True)
    assert (report.built, report.skipped) == (2, 0)
    assert graphs(store_dir) == built_twice["graphs"][2]


def test_graph_of_an_older_format_is_rebuilt_though_unchanged(built_twice, tmp_path):
    """A store built before kg wrote kg:labelKey (format 1: no kg:graphFormat) would
    answer no name-bound query; an incremental build rebuilds it, not skips it."""
    import shutil

    store_dir = tmp_path / "store"
    shutil.copytree(built_twice["store"], store_dir)
    store = Store(str(store_dir))
    old = [q for q in store if q.predicate in (KG.graphFormat, KG.labelKey)]
    assert old, "the build wrote no kg:graphFormat or kg:labelKey"
    for q in old:
        store.remove(q)
    store.flush()
    del store
    report = build(built_twice["corpus"], store_dir)
    assert (report.built, report.skipped) == (2, 0)
    assert graphs(store_dir) == built_twice["graphs"][2]
    again = build(built_twice["corpus"], store_dir)
    assert (again.built, again.skipped) == (0, 2)


def test_cli_drop_removes_one_graph_and_a_rebuild_restores_it(built_twice, tmp_path):
    import shutil

    store_dir = tmp_path / "store"
    shutil.copytree(built_twice["store"], store_dir)
    before = graphs(store_dir)
    done = subprocess.run([*KG_CLI, "drop", str(built_twice["corpus"] / "beta.txt"),
                           "--store", str(store_dir)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "dropped beta" in done.stderr
    after = graphs(store_dir)
    beta = IriMinter().graph("beta").value
    assert set(before) - set(after) == {beta}
    assert all(after[g] == before[g] for g in after)
    # the store is released: a read-only query runs, and a second drop is a clear error
    done = subprocess.run([*KG_CLI, "drop", "beta", "--store", str(store_dir)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "no stored document 'beta'" in done.stderr
    assert "alpha" in done.stderr  # names what is stored
    report = build(built_twice["corpus"], store_dir)
    assert (report.built, report.unchanged) == (1, 1)
    assert graphs(store_dir) == before


# --- units without spaCy -------------------------------------------------------------

def _doc_quads(minter: IriMinter, doc_id: str, sha: str) -> list[Quad]:
    g, d = minter.graph(doc_id), minter.document(doc_id)
    from kg.rdf.vocab import DCT, RDF

    return [Quad(d, RDF.type, KG.SourceDocument, g), Quad(d, DCT.identifier, Literal(doc_id), g),
            Quad(d, KG.contentHash, Literal(sha), g)]


def test_stored_hash_and_replace_graph():
    minter, store = IriMinter(), Store()
    g, d = minter.graph("x"), minter.document("x")
    assert stored_hash(store, g, d) is None
    replace_graph(store, g, _doc_quads(minter, "x", "aaa"))
    assert stored_hash(store, g, d) == "aaa"
    replace_graph(store, g, _doc_quads(minter, "x", "bbb"))
    assert stored_hash(store, g, d) == "bbb"
    assert len(store) == 3
    # a hash in another graph does not count
    assert stored_hash(store, NamedNode("urn:other"), d) is None


def test_drop_document_by_id_keeps_the_others():
    minter, store = IriMinter(), Store()
    for doc_id in ("x", "y"):
        store.extend(_doc_quads(minter, doc_id, doc_id * 3))
    assert drop_document(store, "x") == "x"
    assert [g.value for g in store.named_graphs()] == [minter.graph("y").value]
    with pytest.raises(GraphLoadError, match="no stored document 'x'"):
        drop_document(store, "x")
    assert drop_document(store, "some/dir/y.txt") == "y"
    assert len(store) == 0
