"""kg's remembering twin of the model's rule lemmatizer gives every token the same lemma."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from kg.nlp.lemmatizer import FACTORY, IndexList, cached_lemmatizer, indexed_lists
from kg.nlp.model import load_model

ROOT = Path(__file__).resolve().parents[2]


def _lemmas(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def models():
    shipped = load_model()
    cached = load_model()
    assert cached_lemmatizer(cached)
    return shipped, cached


def test_the_lemmatizer_is_replaced_in_place(models):
    shipped, cached = models
    assert cached.pipe_names == [FACTORY if n == "lemmatizer" else n
                                 for n in shipped.pipe_names]


def test_the_pipeline_kg_builds_uses_it(nlp):
    assert FACTORY in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


INVENTED = [
    # base forms, inflections, exceptions, words the tables lack, lemmas the attribute
    # ruler sets ("'s", "n't"), the same word under two tags, and a repeat of each
    "The ministers were meeting; they'd met twice, and he's meeting them again.",
    "Geese, mice and oxen fled the better-armed militias' worst raids in 2023.",
    "Colonel Ntaganda ain't gonna release the detainees, said Mr. O'Neill.",
    "A record was set. They record it. Records show records were recorded.",
    "",
    "The ministers were meeting; they'd met twice, and he's meeting them again.",
]


def test_same_lemmas_on_invented_sentences(models):
    shipped, cached = models
    for text in INVENTED:
        assert _lemmas(cached(text)) == _lemmas(shipped(text)), text


def test_same_lemmas_on_the_dev_texts(models, dev_texts, shipped_dev_docs):
    _, cached = models
    for a, b in zip(shipped_dev_docs, cached.pipe(dev_texts), strict=True):
        assert _lemmas(b) == _lemmas(a)


def test_a_lemma_set_before_is_kept(models):
    _, cached = models
    component = cached.get_pipe(FACTORY)
    doc = cached.make_doc("Troops were deployed")
    doc[1].lemma_ = "kept"
    for name, proc in cached.pipeline:
        if name not in ("kg_lemmatizer_v1", "ner"):
            doc = proc(doc)
    doc[1].lemma_ = "kept"  # as if the attribute ruler had set it
    component(doc)
    assert [t.lemma_ for t in doc] == ["troop", "kept", "deploy"]


def test_a_model_without_a_rule_lemmatizer_is_left_alone():
    nlp = English()
    assert not cached_lemmatizer(nlp)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not cached_lemmatizer(nlp)
    assert nlp.pipe_names == ["lemmatizer"]


def test_word_lists_answer_membership_from_a_set(models):
    shipped, cached = models
    lemmatizer = cached.get_pipe(FACTORY).lemmatizer
    table = lemmatizer.lookups.get_table("lemma_index")
    original = shipped.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(words, IndexList) for words in table.values())
    for key, words in original.items():  # the same words, in the same order
        assert list(table[key]) == words and type(words) is list
    nouns = table["noun"]
    assert "city" in nouns and "cities" not in nouns and 7 not in nouns
    assert indexed_lists(lemmatizer) == 0  # done once


def test_index_list_is_a_list_with_the_same_answers():
    words = IndexList(["troop", "village", "troop"])
    assert words == ["troop", "village", "troop"] and isinstance(words, list)
    assert "village" in words and "villages" not in words and None not in words
