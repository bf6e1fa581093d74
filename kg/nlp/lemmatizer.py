"""The model's rule lemmatizer with every lemma it computes remembered.

spaCy's ``Lemmatizer`` in rule mode computes a token's lemma from its text, POS and
morphology alone, but remembers only the forms it derives by its suffix rules: a base
form (a singular noun, an infinitive, an adjective in the positive: most tokens of news
text) is worked out again at every token, reading its morphology into a dict each
time. That was about 3 % of a build's time. Here the lemma of each (text, POS,
morphology) is asked of the model's own lemmatizer once and then looked up, and the
lemmas are written with one ``Doc.from_array``, so every token gets the lemma the
shipped component gives it (tests/nlp/test_lemmatizer.py compares them on news text).

A lemma not yet remembered is still the model's rule lemmatizer at work, and its suffix
rules test each candidate form for membership in the word list of its POS (``form in
index``): the model ships those lists as Python lists (up to 57,528 nouns), so each test
was a linear scan, about 0.3 ms a new word (some 7,800 of them, 2 s, in a build of the
dev split). :func:`indexed_lists` gives the lists a set to answer membership from.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY = "kg_lemmatizer_v1"
_COLUMNS = [ORTH, POS, MORPH, LEMMA]


# the noun list of the lemmatizer last loaded (WordNet's nouns): read by the entity rules
# that ask whether a capitalised word is a common noun
_NOUNS: list[frozenset[str]] = [frozenset()]


def known_nouns() -> frozenset[str]:
    """The common nouns the loaded model's lemmatizer knows (empty before one is loaded)."""
    return _NOUNS[0]


class IndexList(list):
    """A word list that answers ``in`` from a set (the same answer as the list's scan)."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self.words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self.words


def indexed_lists(lemmatizer: Lemmatizer) -> int:
    """Make the word lists of ``lemmatizer``'s ``lemma_index`` table :class:`IndexList`;
    how many were changed. They stay lists (serialised, copied, compared as before)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return 0
    table = lemmatizer.lookups.get_table("lemma_index")
    changed = 0
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = IndexList(words)
            changed += 1
    if "noun" in table:
        _NOUNS[0] = table["noun"].words
    return changed


class CachedLemmatizer:
    """A rule-mode ``Lemmatizer`` whose lemmas are remembered by (text, POS, morphology).

    The lemma strings stay in the vocabulary's string store, as the shipped component
    leaves them (kg parses outside spaCy's memory zones, which would drop them).
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.use(lemmatizer)

    def use(self, lemmatizer: Lemmatizer) -> None:
        """Compute lemmas with ``lemmatizer`` (the model's, with its loaded tables)."""
        self.lemmatizer = lemmatizer
        indexed_lists(lemmatizer)
        self.strings = lemmatizer.vocab.strings
        self.overwrite = lemmatizer.overwrite
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if not self.lemmatizer._validated:
            self.lemmatizer._validate_tables()
        rows = doc.to_array(_COLUMNS).tolist()
        lemmas, get, overwrite = self.lemmas, self.lemmas.get, self.overwrite
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:  # set before (the attribute ruler): kept
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            value = get(key)
            if value is None:
                value = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if pos:  # without a POS the shipped lemmatizer warns each time: ask it
                    lemmas[key] = value
            out.append(value)
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))
        return doc


def cached_lemmatizer(nlp: Language) -> bool:
    """Put :class:`CachedLemmatizer` in place of the model's rule lemmatizer; False when
    there is none (a model without one, or one in another mode, keeps its own)."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return False
    nlp.add_pipe(FACTORY, before="lemmatizer")
    nlp.get_pipe(FACTORY).use(lemmatizer)
    nlp.remove_pipe("lemmatizer")
    return True


@Language.factory(FACTORY)
def _make(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return CachedLemmatizer(Lemmatizer(nlp.vocab, None, name, mode="rule"))
