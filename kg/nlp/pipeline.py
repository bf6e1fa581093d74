"""Assemble the spaCy pipeline kg runs: the model plus kg's components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.nlp.model import load_model

if TYPE_CHECKING:
    from spacy.language import Language


def build_nlp(model: str | None = None, *, kb_files: tuple[str, ...] | list[str] = ()
              ) -> Language:
    """The model with kg's components inserted where they must run.

    ``kb_files`` are user knowledge-base files (Turtle) added to the shipped KB.
    """
    import kg.nlp.components  # noqa: F401  (registers the components)
    from kg.nlp.attribute_rules import fast_attribute_rules
    from kg.nlp.lemmatizer import cached_lemmatizer

    nlp = load_model(model)
    keep_title_abbreviations(nlp)
    fast_attribute_rules(nlp)  # the same annotations, a tenth of the model's time saved
    cached_lemmatizer(nlp)  # the same lemmas, each computed once
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("kg_line_breaks_v1", before=before)
    else:
        nlp.add_pipe("kg_line_breaks_v1", first=True)
    if "parser" in nlp.pipe_names:  # lists of goods the parser broke at a modifier
        from kg.nlp.goods_lists import goods_lists  # noqa: F401  (registers it)

        nlp.add_pipe("kg_goods_lists_v1", after="parser")
    config = {"kb_files": [str(f) for f in kb_files]}
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_entity_rules_v1", before="ner", config=config)
    else:
        nlp.add_pipe("kg_entity_rules_v1", last=True, config=config)
    return nlp


def keep_title_abbreviations(nlp: Language) -> None:
    """Keep a dotted rank or honorific of kg/rules/entities/titles.jsonl ("Col.", "Lt.",
    "Brig.", "Hon.") one token, as "Gen." and "Dr." already are.

    The model's tokenizer splits "Col." into "Col" + "."; the parser then reads the
    period as the end of a sentence or a name of its own ("spokesman Col. X" gave the
    holder "Col", "the governor, Brig. Gen. X," lost the apposition)."""
    from spacy.symbols import ORTH

    from kg.nlp.components import title_abbreviations

    for word in sorted(title_abbreviations()):
        if len(nlp.tokenizer(word)) > 1:
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])
