"""Dependency patterns matched by array comparisons over the parse.

spaCy's ``DependencyMatcher`` runs ``{"IN": [...]}`` attribute sets as Python
predicates, once per token and node; the event rules use them on every node, so
matching cost about a tenth of kg's time after parsing. The shapes the rules
need are small trees of direct-child and direct-head relations (``REL_OP: ">"``
and ``"<"``) and of the tokens right after and right before (``"."`` and ``";"``,
within the sentence) over plain token attributes and entity types, which a few numpy
comparisons over ``Doc.to_array`` decide exactly. Any other pattern is handed to
spaCy's matcher unchanged (whose token-by-token pass cost about 2 % of a build
while seven of the event rules' patterns needed it).

Each node of a pattern is tested on its own subtree of the pattern: spaCy's
matcher does not ask the nodes of a match to be distinct tokens, so a token
stands for a node when its own attributes fit and, for each node attached to
it, a child (``>``) or its head (``<``, never a root's own) stands for that node.

Only the anchor (the first node) of a match is reported: that is all the event
engine reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

_COLUMNS = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "LEMMA": 2, "POS": 3, "TAG": 4, "DEP": 5,
            "ENT_TYPE": 6}
_ARRAY_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD]
_HEAD = 7
_SELECTIVE = [2, 1, 0, 6, 4, 5, 3]  # columns, the fewest tokens passing a test first
_LINKS = {">": "children", "<": "heads", ".": "after", ";": "before"}


@dataclass(slots=True)
class _Node:
    """One pattern node: attribute tests, the nodes that must be its children and the
    node that must be its head."""

    tests: list[tuple[int, np.ndarray, bool]]  # (column, values, whether they are excluded)
    children: list[int] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    after: list[int] = field(default_factory=list)  # "." : the next token stands for them
    before: list[int] = field(default_factory=list)  # ";" : the previous token does


def _compile(pattern: list[dict], interned: dict) -> list[_Node] | None:
    """The nodes of ``pattern`` (the anchor first), or None outside the supported subset."""
    if not pattern or set(pattern[0]) - {"RIGHT_ID", "RIGHT_ATTRS"}:
        return None
    ids: dict = {}  # RIGHT_ID -> node; any hashable id, as for spaCy (YAML reads "on" as True)
    nodes: list[_Node] = []
    for n, spec in enumerate(pattern):
        tests = _tests(spec.get("RIGHT_ATTRS", {}), interned)
        if tests is None or not isinstance(spec.get("RIGHT_ID"), str | bool | int) \
                or spec["RIGHT_ID"] in ids:
            return None
        if n:
            if set(spec) - {"LEFT_ID", "REL_OP", "RIGHT_ID", "RIGHT_ATTRS"} \
                    or spec.get("REL_OP") not in _LINKS \
                    or not isinstance(spec.get("LEFT_ID"), str | bool | int) \
                    or spec["LEFT_ID"] not in ids:
                return None
            left = nodes[ids[spec["LEFT_ID"]]]
            getattr(left, _LINKS[spec["REL_OP"]]).append(n)
        ids[spec["RIGHT_ID"]] = n
        nodes.append(_Node(tests))
    return nodes


def _tests(attrs: dict, interned: dict) -> list[tuple[int, np.ndarray, bool]] | None:
    out = []
    for name, value in attrs.items():
        column = _COLUMNS.get(name.upper()) if isinstance(name, str) else None
        if column is None:
            return None
        negated = False
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} \
                and isinstance(next(iter(value.values())), list) \
                and all(isinstance(v, str) for v in next(iter(value.values()))):
            negated = "NOT_IN" in value  # "a verb other than these"
            values = next(iter(value.values()))
        else:
            return None
        # the ids spaCy's matcher compares with: symbol ids for symbol names, else hashes
        ids = tuple(sorted({get_string_id(v) for v in values}))
        allowed = interned.setdefault(ids, np.array(ids, dtype=np.uint64))
        out.append((column, allowed, negated))
    # the most selective first (words before tags, excluded sets last): _satisfied stops
    # at the first test no token passes
    return sorted(out, key=lambda test: (test[2], _SELECTIVE.index(test[0])))


class AnchorMatcher:
    """``DependencyMatcher``-compatible anchors of dependency patterns, keyed by name."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.keys: list[str] = []  # in the order added: the order matches are reported
        self.compiled: dict[str, list[list[_Node]]] = {}
        self.fallback = DependencyMatcher(vocab)
        self.interned: dict[tuple[int, ...], np.ndarray] = {}  # equal value sets, one array

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        compiled = [_compile(p, self.interned) for p in patterns]
        if key in self.keys:
            raise ValueError(f"dependency pattern {key!r} added twice")
        self.keys.append(key)
        if all(c is not None for c in compiled):
            self.compiled[key] = compiled  # type: ignore[assignment]
        else:
            self.fallback.add(key, patterns)

    def __call__(self, doc: Doc) -> list[tuple[str, int]]:
        """``(key, anchor token index)`` per match: keys in the order added, anchors ascending."""
        if not len(doc):
            return []
        found: dict[str, list[int]] = {}
        if len(self.fallback):
            strings = doc.vocab.strings
            for match_id, token_ids in self.fallback(doc):
                found.setdefault(strings[match_id], []).append(token_ids[0])
        if self.compiled:
            table = np.ascontiguousarray(doc.to_array(_ARRAY_ATTRS).T)  # a row per attribute
            heads = np.arange(len(doc), dtype=np.int64) + table[_HEAD].view(np.int64)
            memo: dict[tuple[int, int], np.ndarray] = {}
            for key, patterns in self.compiled.items():
                hits = _satisfied(patterns[0], 0, table, heads, memo)
                for nodes in patterns[1:]:
                    hits = hits | _satisfied(nodes, 0, table, heads, memo)
                found[key] = np.flatnonzero(hits).tolist()
        return [(key, i) for key in self.keys for i in found.get(key, ())]


def _satisfied(nodes: list[_Node], n: int, table: np.ndarray, heads: np.ndarray,
               memo: dict[tuple[int, int], np.ndarray]) -> np.ndarray:
    """Tokens that can stand for node ``n`` with a child standing for each of its children."""
    node = nodes[n]
    ok = None
    for column, allowed, negated in node.tests:
        test = memo.get((column, id(allowed), negated))  # shapes share tests (interned)
        if test is None:
            values = table[column]
            # membership in a sorted array: far cheaper than np.isin on arrays this small
            at = np.searchsorted(allowed, values)
            at[at == len(allowed)] = 0
            test = allowed[at] == values
            memo[(column, id(allowed), negated)] = test = ~test if negated else test
        ok = test if ok is None else ok & test
        if not ok.any():
            return ok  # no token has the node's own attributes: the rest need no look
    if ok is None:
        ok = np.ones(len(heads), dtype=bool)
    for child in node.children:
        below = np.flatnonzero(_satisfied(nodes, child, table, heads, memo))
        below = below[heads[below] != below]  # the root is no child of itself
        has = np.zeros(len(heads), dtype=bool)
        has[heads[below]] = True
        ok = ok & has
    for head in node.heads:  # the token's head stands for it (a root has none)
        ok = ok & _satisfied(nodes, head, table, heads, memo)[heads] & \
            (heads != np.arange(len(heads)))
    if node.after or node.before:
        joined = _same_sentence(heads, memo)  # token i and token i + 1 share a sentence
        for nxt in node.after:
            shifted = np.zeros(len(heads), dtype=bool)
            shifted[:-1] = _satisfied(nodes, nxt, table, heads, memo)[1:] & joined
            ok = ok & shifted
        for prev in node.before:
            shifted = np.zeros(len(heads), dtype=bool)
            shifted[1:] = _satisfied(nodes, prev, table, heads, memo)[:-1] & joined
            ok = ok & shifted
    return ok


def _same_sentence(heads: np.ndarray, memo: dict) -> np.ndarray:
    """Whether each token and the next have the same root: spaCy's matcher takes a
    token's sentence to be its root's subtree."""
    joined = memo.get(("joined",))
    if joined is None:
        roots = heads
        while True:
            up = heads[roots]
            if np.array_equal(up, roots):
                break
            roots = up
        memo[("joined",)] = joined = roots[:-1] == roots[1:]
    return joined
