"""A bug hit on one document costs that document only: the rest of the build goes on."""

from __future__ import annotations

import pytest
from pyoxigraph import Store

import kg.extract.document
import kg.nlp.pipeline
from kg.build import BuildOptions, build_into
from kg.ingest.sources import expand_sources


@pytest.fixture
def flaky_folder(tmp_path, monkeypatch):
    """Two documents; extracting the one called "boom" raises."""
    (tmp_path / "boom.txt").write_text("Port Closed\nOfficials closed the port of Xam.\n")
    (tmp_path / "fine.txt").write_text("Bridge Reopens\nThe bridge over the Lorr reopened.\n")
    real = kg.extract.document.extract_document

    def flaky(document, parsed, **kw):
        if document.doc_id == "boom":
            raise RuntimeError("extractor tripped")
        return real(document, parsed, **kw)

    monkeypatch.setattr(kg.extract.document, "extract_document", flaky)
    return tmp_path


@pytest.fixture
def two_documents(flaky_folder, monkeypatch, nlp):
    monkeypatch.setattr(kg.nlp.pipeline, "build_nlp", lambda *a, **kw: nlp)  # load it once
    return expand_sources([str(flaky_folder)])


def test_internal_error_fails_one_document_with_one_line(two_documents, monkeypatch):
    monkeypatch.delenv("KG_DEBUG", raising=False)
    store = Store()
    report = build_into(store, two_documents, options=BuildOptions())
    assert (report.built, report.failed) == (1, 1)
    (line,) = report.errors
    assert "boom.txt: internal error while extracting: RuntimeError: extractor tripped" in line
    assert "at test_internal_error.py:" in line and "please report" in line
    assert len(store) > 0


def test_kg_debug_shows_the_traceback(two_documents, monkeypatch):
    monkeypatch.setenv("KG_DEBUG", "1")
    with pytest.raises(RuntimeError, match="extractor tripped"):
        build_into(Store(), two_documents, options=BuildOptions())


def test_a_jobs_worker_fails_one_document_with_one_line(flaky_folder, monkeypatch, nlp):
    """`--jobs N` workers isolate documents as `--jobs 1` does (the worker code, in-process)."""
    import kg.build_jobs as jobs
    from kg.ingest.reader import read_document
    from kg.nlp.model import model_label
    from kg.rdf.iri import IriMinter

    monkeypatch.delenv("KG_DEBUG", raising=False)
    tmp_path = flaky_folder
    from kg.build import BuildOptions
    from kg.collector import SurvivorFreezer

    with SurvivorFreezer() as freezer:  # as _init_worker sets a worker up
        for key, value in dict(nlp=nlp, label=model_label(nlp), minter=IriMinter(),
                               freezer=freezer,
                               options=BuildOptions(batch_size=8, max_chars=100_000)).items():
            monkeypatch.setitem(jobs._WORKER, key, value)
        boom, fine = jobs._process_chunk([read_document(tmp_path / "boom.txt"),
                                          read_document(tmp_path / "fine.txt")])
    assert boom.nquads == b"" and "internal error while extracting: RuntimeError" in boom.error
    assert "boom.txt" in boom.error
    assert fine.error is None and fine.triples > 0 and fine.nquads
