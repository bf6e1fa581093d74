"""The model's attribute ruler, applied by table lookup instead of spaCy's Matcher.

The small English model's ``attribute_ruler`` maps fine-grained tags to POS and
morphology with about 180 patterns, nearly all of one token ("TAG is NNS", "LOWER is
'us' and TAG is PRP"). spaCy runs them through its general Matcher, which steps every
pattern through every token: a tenth of the model's time on news text. Here the
one-token patterns whose conditions are plain values (or ``IN`` lists) are looked up by
the token's TAG, LOWER or DEP; every other pattern (several tokens, regular expressions,
operators) still goes through a Matcher of its own. The matches are applied in the
ruler's own order with spaCy's own ``set_token_attrs``, so the tokens come out exactly
as the shipped ruler leaves them (tests/nlp/test_attribute_rules.py compares every
token attribute on news text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "kg_attribute_rules_v1"
_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
# the column of doc.to_array(_COLUMNS) each key reads
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
_COLUMN = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _condition(key: str, spec: Any, strings) -> tuple[int, frozenset[int]] | None:
    """(column, accepted values) of one token condition, or None when it is more than
    a value or an IN list (then the pattern stays with the Matcher)."""
    if key not in _KEYS:
        return None
    if isinstance(spec, dict):
        if set(spec) != {"IN"}:
            return None
        values = spec["IN"]
    else:
        values = [spec]
    if key == "IS_SPACE":
        if not all(isinstance(v, bool) for v in values):
            return None
        return _COLUMN[key], frozenset(int(v) for v in values)
    if not all(isinstance(v, str) for v in values):
        return None
    return _COLUMN[key], frozenset(strings.add(v) for v in values)


class FastAttributeRules:
    """An ``AttributeRuler``'s patterns and attributes, matched by lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        # rule id -> its conditions; candidates found through one indexed condition
        self._checks: dict[int, list[tuple[int, frozenset[int]]]] = {}
        self._index: list[dict[int, list[int]]] = [{} for _ in _COLUMNS]  # IS_SPACE: none
        self._always: list[int] = []
        self.rest = Matcher(ruler.vocab)
        for rule_id in range(len(ruler.attrs)):
            key = strings[str(rule_id)]
            patterns = ruler.matcher.get(key)[1]
            simple = []
            for pattern in patterns:
                conds = ([_condition(k, v, strings) for k, v in pattern[0].items()]
                         if len(pattern) == 1 and pattern[0] else [None])
                simple.append(None if None in conds else conds)
            if len(patterns) != 1 or simple[0] is None or self.indices[rule_id] not in (0, -1):
                self.rest.add(key, patterns)
                continue
            conds = simple[0]
            self._checks[rule_id] = conds
            # index by the most selective condition: one value of LOWER, then TAG, DEP
            for column in (1, 0, 2):
                one = [c for c in conds if c[0] == column and len(c[1]) == 1]
                if one:
                    self._index[column].setdefault(next(iter(one[0][1])), []).append(rule_id)
                    break
            else:
                self._always.append(rule_id)
        self._rest_id = {strings[str(i)]: i for i in range(len(ruler.attrs))}
        self._has_rest = len(self.rest) > 0

    def matches(self, doc: Doc) -> list[tuple[int, int]]:
        """(rule id, token index) of every match, in the order the ruler applies them."""
        out: list[tuple[int, int]] = []
        if len(doc):
            rows = doc.to_array(_COLUMNS).tolist()
            index, checks, always = self._index, self._checks, self._always
            by_tag, by_lower, by_dep = index[0], index[1], index[2]
            for i, row in enumerate(rows):
                cands = (by_lower.get(row[1], []) + by_tag.get(row[0], [])
                         + by_dep.get(row[2], []) + always)
                for rule_id in cands:
                    if all(row[col] in ok for col, ok in checks[rule_id]):
                        out.append((rule_id, i))
        if self._has_rest:
            for match_id, start, end in self.rest(doc, allow_missing=True):
                rule_id = self._rest_id[match_id]
                index = self.indices[rule_id]
                out.append((rule_id, (start if index >= 0 else end) + index))
        out.sort()
        return out

    def __call__(self, doc: Doc) -> Doc:
        attrs = self.attrs
        for rule_id, i in self.matches(doc):
            set_token_attrs(doc[i], attrs[rule_id])
        return doc


def fast_attribute_rules(nlp: Language) -> bool:
    """Replace the model's ``attribute_ruler`` by its lookup twin (same patterns); False
    when there is none to replace (a model without one keeps its pipeline as it is)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    nlp.add_pipe(FACTORY, before="attribute_ruler", config={"patterns": ruler.patterns})
    nlp.remove_pipe("attribute_ruler")
    return True


@Language.factory(FACTORY, default_config={"patterns": []})
def _make(nlp: Language, name: str, patterns: list[dict]) -> Callable[[Doc], Doc]:
    ruler = AttributeRuler(nlp.vocab, name)
    ruler.add_patterns(patterns)
    return FastAttributeRules(ruler)
