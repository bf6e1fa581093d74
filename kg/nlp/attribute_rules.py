"""The model's attribute ruler, applied by table lookup instead of spaCy's Matcher.

The small English model's ``attribute_ruler`` maps fine-grained tags to POS and
morphology with about 180 patterns, nearly all of one token ("TAG is NNS", "LOWER is
'us' and TAG is PRP"). spaCy runs them through its general Matcher, which steps every
pattern through every token: a tenth of the model's time on news text. Here each pattern
is looked up by the value of its most selective condition (LOWER, DEP, TAG) and its
other conditions (IN, NOT_IN, REGEX, the other tokens of a sequence) checked only there;
a pattern using anything else (operators, other attributes) still goes through a Matcher.
What a token's own columns decide is remembered by those columns (a text repeats its
rows), so only patterns of several tokens are checked token by token.
The matches are applied in the ruler's own order with spaCy's own ``set_token_attrs``,
so the tokens come out exactly as the shipped ruler leaves them
(tests/nlp/test_attribute_rules.py compares every token attribute on news text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "kg_attribute_rules_v1"
_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = list(_ATTRS.values())  # read with doc.to_array(_COLUMNS)
_COLUMN = {key: i for i, key in enumerate(_ATTRS)}  # a key's column in that array
# the most selective column first
_PRIORITY = [_COLUMN[key] for key in ("LOWER", "DEP", "TAG", "IS_SPACE")]

# Rows remembered by FastAttributeRules (tens of thousands in a million words); past it,
# forgotten and learnt again, so memory stays bounded whatever the input.
_ROWS_KEPT = 200_000

# A token condition: (column, "in" | "not_in", accepted hashes) or (column, "regex", cache)
Condition = tuple[int, str, Any]


class _Regex:
    """A REGEX condition, decided once per string (hash) it meets."""

    def __init__(self, pattern: str, strings) -> None:
        self.regex, self.strings, self.seen = re.compile(pattern), strings, {}

    def __call__(self, value: int) -> bool:
        hit = self.seen.get(value)
        if hit is None:
            hit = self.seen[value] = bool(self.regex.search(self.strings[value]))
        return hit


def _conditions(spec: dict, strings) -> list[Condition] | None:
    """The conditions of one token spec, or None when it uses anything else (an
    operator, another attribute): then its rule stays with a Matcher."""
    out: list[Condition] = []
    for key, value in spec.items():
        if key not in _COLUMN:
            return None
        column = _COLUMN[key]
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            out.append((column, "in", frozenset([int(value)])))
            continue
        if isinstance(value, str):
            out.append((column, "in", frozenset([strings.add(value)])))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
                out.append((column, op.lower(), frozenset(strings.add(v) for v in arg)))
            elif op == "REGEX" and isinstance(arg, str):
                out.append((column, "regex", _Regex(arg, strings)))
            else:
                return None
        else:
            return None
    return out


def _holds(row: list[int], conds: list[Condition]) -> bool:
    for column, op, arg in conds:
        value = row[column]
        if op == "in":
            if value not in arg:
                return False
        elif op == "not_in":
            if value in arg:
                return False
        elif not arg(value):
            return False
    return True


def _anchor(specs: list[list[Condition]]) -> tuple[int, Condition | None]:
    """(token offset, condition) of the most selective IN condition of a pattern: the
    tokens where it can match are found by looking that condition's values up."""
    best: tuple[int, Condition] | None = None
    for k, spec in enumerate(specs):
        for cond in spec:
            if cond[1] == "in" and (best is None or _PRIORITY.index(cond[0])
                                    < _PRIORITY.index(best[1][0])):
                best = (k, cond)
    return best if best is not None else (0, None)


class FastAttributeRules:
    """An ``AttributeRuler``'s patterns and attributes, matched by lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        # patterns by the column of their most selective IN condition, then by its values
        # (an IN list gives one key per value)
        tables: dict[int, dict[int, list]] = {}
        self._scans: list[tuple[int, list[list[Condition]]]] = []
        self.rest = Matcher(ruler.vocab)
        for rule_id in range(len(ruler.attrs)):
            key = strings[str(rule_id)]
            patterns = ruler.matcher.get(key)[1]
            parsed = [[_conditions(spec, strings) for spec in p] for p in patterns]
            if any(not p or None in p for p in parsed):
                self.rest.add(key, patterns)
                continue
            for specs in parsed:
                k, anchor = _anchor(specs)
                if anchor is None:  # no IN condition anywhere: tried at every token
                    self._scans.append((rule_id, specs))
                    continue
                # a one-token pattern keeps the conditions left to check; a longer one
                # all its tokens and the offset of the anchor token
                entry = ((rule_id, [c for c in specs[0] if c is not anchor], None, 0)
                         if len(specs) == 1 else (rule_id, None, specs, k))
                table = tables.setdefault(anchor[0], {})
                for value in anchor[2]:
                    table.setdefault(value, []).append(entry)
        self._tables = sorted(tables.items())
        self._rest_id = {strings[str(i)]: i for i in range(len(ruler.attrs))}
        self._has_rest = len(self.rest) > 0
        # what a token's own columns decide (see _by_row), remembered by those columns
        self._rows: dict[tuple[int, ...], tuple[tuple[int, ...], tuple]] = {}

    def _by_row(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], tuple]:
        """For a token with these column values: the one-token rules that match it, and
        the several-token patterns anchored on it, (rule id, specs, anchor offset), to be
        checked against its neighbours. A function of the row alone, so remembered (most
        tokens of a text repeat a row seen before)."""
        ones: list[int] = []
        sequences: list[tuple[int, list[list[Condition]], int]] = []
        for c, table in self._tables:
            for rule_id, others, specs, k in table.get(row[c], ()):
                if specs is None:
                    if not others or _holds(row, others):
                        ones.append(rule_id)
                else:
                    sequences.append((rule_id, specs, k))
        for rule_id, specs in self._scans:
            if len(specs) == 1 and _holds(row, specs[0]):
                ones.append(rule_id)
        if len(self._rows) >= _ROWS_KEPT:
            self._rows.clear()
        found = self._rows[row] = (tuple(ones), tuple(sequences))
        return found

    def matches(self, doc: Doc) -> list[tuple[int, int]]:
        """(rule id, token index) of every match, in the order the ruler applies them."""
        out: list[tuple[int, int]] = []
        if len(doc):
            rows = doc.to_array(_COLUMNS).tolist()
            known = self._rows.get
            for i, row in enumerate(map(tuple, rows)):
                found = known(row) or self._by_row(row)
                for rule_id in found[0]:
                    out.append((rule_id, i))
                for rule_id, specs, k in found[1]:
                    self._sequence(rows, i - k, rule_id, specs, out)
            for rule_id, specs in self._scans:
                if len(specs) > 1:
                    for i in range(len(rows)):
                        self._sequence(rows, i, rule_id, specs, out)
        if self._has_rest:
            for match_id, start, end in self.rest(doc, allow_missing=True):
                rule_id = self._rest_id[match_id]
                index = self.indices[rule_id]
                out.append((rule_id, (start if index >= 0 else end) + index))
        out.sort()
        return out

    def _sequence(self, rows: list[list[int]], start: int, rule_id: int,
                  specs: list[list[Condition]], out: list[tuple[int, int]]) -> None:
        """A match of ``specs`` from token ``start``, if there is one, into ``out``."""
        width = len(specs)
        if start < 0 or start + width > len(rows):
            return
        if all(_holds(rows[start + j], spec) for j, spec in enumerate(specs)):
            index = self.indices[rule_id]
            out.append((rule_id, start + (index if index >= 0 else width + index)))

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
