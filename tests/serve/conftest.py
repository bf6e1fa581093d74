"""Stores for the explorer tests: the seed, a hostile document, and the app in-process."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

HERE = Path(__file__).resolve().parent
HOSTILE = HERE / "hostile.txt"
SCRIPT = '<script>alert("x")</script>'
EX = "https://w3id.org/kg-news/data/entity/person/"
KG = "https://w3id.org/kg-news/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


def store_from_file(path: Path, directory: Path) -> Path:
    disk = Store(str(directory))
    disk.load(path=str(path), format=RdfFormat.TRIG)
    disk.flush()
    del disk
    return directory


@pytest.fixture(scope="session")
def seed_store(seed_build, tmp_path_factory) -> Path:
    """The seed graph as an on-disk store."""
    path, _ = seed_build
    return store_from_file(path, tmp_path_factory.mktemp("seed-store") / "store")


def add_hostile_entity(directory: Path) -> None:
    """An entity whose label, alias and links are hostile strings, in a graph of its own."""
    disk = Store(str(directory))
    e = NamedNode(EX + "hostile")
    g = NamedNode("https://w3id.org/kg-news/data/doc/hostile-extra")
    disk.extend([
        Quad(e, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
             NamedNode(KG + "Person"), g),
        Quad(e, NamedNode(SKOS + "prefLabel"), Literal(SCRIPT), g),
        Quad(e, NamedNode(SKOS + "altLabel"), Literal('"onerror=alert(1) x="'), g),
        Quad(e, NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
             NamedNode("javascript:alert(1)"), g),
        Quad(e, NamedNode(KG + "countryCode"), Literal("<b>KZ</b>"), g),
    ])
    disk.flush()
    del disk


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory) -> Path:
    """tests/serve/hostile.txt built by kg, plus an entity with hostile labels and links."""
    from kg.build import BuildOptions, build_to_file
    from kg.ingest.sources import expand_sources

    directory = tmp_path_factory.mktemp("hostile") / "store"
    report = build_to_file(expand_sources([str(HOSTILE)]), None, fmt=None,
                           options=BuildOptions(),
                           store_dir=directory)
    assert report.built == 1 and report.facts >= 3
    add_hostile_entity(directory)
    return directory


@contextlib.contextmanager
def explorer_client(store: Path | None = None, **settings):
    """The app in-process (Starlette's TestClient), its workers started and stopped."""
    from starlette.testclient import TestClient

    from kg.explorer.app import ServeSettings, create_app

    options = {"store_dir": store, "port": 80, "allow_hosts": ("testserver",), **settings}
    app = create_app(ServeSettings(**options))
    with TestClient(app, raise_server_exceptions=True) as client:
        yield client


@pytest.fixture(scope="module")
def seed_client(seed_store):
    with explorer_client(seed_store) as client:
        yield client
