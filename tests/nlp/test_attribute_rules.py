"""kg's lookup twin of the model's attribute ruler leaves every token as the ruler does."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.nlp.attribute_rules import FACTORY, FastAttributeRules, fast_attribute_rules
from kg.nlp.model import load_model

ROOT = Path(__file__).resolve().parents[2]


def _attrs(doc: Doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_,
             t.ent_iob_) for t in doc]


@pytest.fixture(scope="module")
def models():
    shipped = load_model()
    fast = load_model()
    assert fast_attribute_rules(fast)
    return shipped, fast


def test_the_ruler_is_replaced_in_place(models):
    shipped, fast = models
    assert fast.pipe_names == [FACTORY if n == "attribute_ruler" else n
                               for n in shipped.pipe_names]


def test_the_pipeline_kg_builds_uses_it(nlp):
    assert FACTORY in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names


INVENTED = [
    "The ministry said on Tuesday that it ain't gonna lift the curfew in Port Ellery.",
    "Us? We'd've left.  Troops  were deployed\n\nto the northern border, officials said.",
    "\"I'm not going,\" she told reporters; they're wanna-be rebels, he added.",
    "Mr. O'Neill's 3rd battalion (about 1,200 soldiers) arrived at 5 p.m. ET.",
    "Hasn't the council voted? Yes -- it has, 12 to 3, on the 5th of May 2023.",
]


def test_same_annotations_on_invented_sentences(models):
    shipped, fast = models
    for text in INVENTED:
        assert _attrs(fast(text)) == _attrs(shipped(text)), text


def test_same_annotations_on_the_dev_texts(models, dev_texts, shipped_dev_docs):
    _, fast = models
    for a, b in zip(shipped_dev_docs, fast.pipe(dev_texts), strict=True):
        assert _attrs(b) == _attrs(a)


def _twin_and_ruler(patterns: list[dict]) -> tuple[English, AttributeRuler, FastAttributeRules]:
    nlp = English()
    ruler = AttributeRuler(nlp.vocab, "r")
    ruler.add_patterns(patterns)
    return nlp, ruler, FastAttributeRules(ruler)


def test_every_kind_of_pattern_matches_as_the_matcher_does():
    # one-token lookups, IN lists, booleans, regular expressions, several tokens with a
    # negative index, and a later rule overriding an earlier one on the same token
    patterns = [
        {"patterns": [[{"LOWER": "the"}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"LOWER": {"IN": ["a", "an"]}}]], "attrs": {"POS": "DET", "LEMMA": "a"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
        {"patterns": [[{"LOWER": {"REGEX": "^[0-9]+$"}}]], "attrs": {"POS": "NUM"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"},
         "index": -1},
        {"patterns": [[{"LOWER": "the"}]], "attrs": {"POS": "PRON"}},
        {"patterns": [[{"LOWER": "big"}], [{"LOWER": "small"}]], "attrs": {"POS": "ADJ"}},
        {"patterns": [[{}]], "attrs": {"MORPH": "Foo=Bar"}, "index": 0},
        {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a", "na"]}, "IS_SPACE": False}]],
         "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"LOWER": {"REGEX": "^c"}}, {"LOWER": "cat"}]], "attrs": {"POS": "X"},
         "index": 1},
        {"patterns": [[{"LOWER": "dog", "OP": "+"}]], "attrs": {"POS": "NOUN"}},
    ]
    nlp, ruler, twin = _twin_and_ruler(patterns)
    for text in ["The big dog and a small cat gon na run  12 miles", "an  apple", "",
                 "cool cat cat dog dog", "the"]:
        a, b = nlp.make_doc(text), nlp.make_doc(text)
        ruler(a)
        twin(b)
        assert _attrs(b) == _attrs(a), text
    doc = nlp.make_doc("the gon na")
    twin(doc)
    assert [t.pos_ for t in doc][:1] == ["PRON"]  # the later rule wins
    assert doc[2].lemma_ == "to"


def test_a_model_without_a_ruler_is_left_alone():
    nlp = English()
    assert not fast_attribute_rules(nlp)
    assert nlp.pipe_names == []


def test_remembered_rows_give_the_same_matches_and_stay_bounded(models, monkeypatch):
    # a row (tag, lower form, dependency, space) decides the one-token rules; the rows
    # are remembered, forgotten past a bound, and learnt again with the same result
    import kg.nlp.attribute_rules as module

    shipped, fast = models
    twin = fast.get_pipe(FACTORY)
    monkeypatch.setattr(module, "_ROWS_KEPT", 3)
    twin._rows.clear()
    text = "They're gonna say they're nothin' if they ain't. They're gonna say it again."
    for _ in range(2):
        assert _attrs(fast(text)) == _attrs(shipped(text))
        assert len(twin._rows) <= 3
