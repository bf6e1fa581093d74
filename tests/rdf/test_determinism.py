"""Same input, same IRIs: two builds give identical sorted N-Quads; the base IRI is honoured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, NamedNode
from rdf_samples import every_kind, nasty_labels

from kg.formats import GraphFormat
from kg.rdf.vocab import PREFIXES
from kg.store import export_store, load_graph_file

ROOT = Path(__file__).resolve().parents[2]
VOCABULARIES = tuple(PREFIXES.values())


def build_nquads(out: Path, hash_seed: str, *extra: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "-o",
                           str(out), "--format", "nq", "--quiet", *extra],
                          capture_output=True, text=True, env=env, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    return out.read_bytes()


@pytest.mark.slow
def test_two_builds_give_byte_identical_sorted_nquads(seed_build, tmp_path):
    """This session's build and one in a fresh process with another hash seed, so
    set/dict order cannot leak into the output."""
    first = tmp_path / "a.nq"
    export_store(load_graph_file(seed_build[0]), first, GraphFormat.NQ)
    second = build_nquads(tmp_path / "b.nq", "12345")
    a, b = sorted(first.read_bytes().splitlines()), sorted(second.splitlines())
    assert len(a) > 500
    assert a == b


def _data_iris(store) -> set[str]:
    iris = set()
    for q in store:
        for node in (q.subject, q.object, q.graph_name):
            if isinstance(node, NamedNode) and not node.value.startswith(VOCABULARIES):
                iris.add(node.value)
    return iris


def test_mapping_is_deterministic():
    a = sorted(str(q) for q in every_kind().store())
    b = sorted(str(q) for q in every_kind().store())
    assert a == b


def test_base_iri_is_used_for_every_data_iri():
    base = "http://example.org/news-kg/"
    store = every_kind().store(base)
    external = {"https://sws.geonames.org/7000001/"}  # an owl:sameAs link, not minted
    minted = _data_iris(store) - external
    assert minted and all(iri.startswith(base) for iri in minted), sorted(minted)[:5]
    assert not any(isinstance(q.subject, BlankNode) for q in store), "no blank nodes"


def test_any_label_gives_a_valid_stable_iri():
    """Unicode, quotes, slashes, spaces, braces: one entity IRI per name, no raw specials."""
    a, b = nasty_labels().store(), nasty_labels().store()
    assert sorted(str(q) for q in a) == sorted(str(q) for q in b)
    entity_iris = {i for i in _data_iris(a) if "/entity/" in i}
    assert len(entity_iris) == 8
    for iri in entity_iris:
        tail = iri.split("/entity/organization/", 1)[1]
        assert tail and not any(c in tail for c in ' "<>{}|\\^`/?#')
