"""Custom spaCy components kg adds to the model's pipeline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News lines are headlines or paragraphs; the parser must never join a
    headline to the paragraph under it.
    """
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws:
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
