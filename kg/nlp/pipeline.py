"""Assemble the spaCy pipeline kg runs: the model plus kg's components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.nlp.model import load_model

if TYPE_CHECKING:
    from spacy.language import Language


def build_nlp(model: str | None = None) -> Language:
    """The model with kg's components inserted where they must run."""
    import kg.nlp.components  # noqa: F401  (registers the components)

    nlp = load_model(model)
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("kg_line_breaks_v1", before=before)
    else:
        nlp.add_pipe("kg_line_breaks_v1", first=True)
    return nlp
