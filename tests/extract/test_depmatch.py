"""AnchorMatcher (kg/extract/depmatch.py) against spaCy's DependencyMatcher.

On hand-built parses: every compiled pattern must report exactly the distinct
(key, anchor) pairs spaCy's matcher reports, in the same order; patterns
outside the compiled subset go to spaCy's matcher and still match.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.depmatch import AnchorMatcher, _compile

LEMMAS = ["deploy", "send", "troop", "police", "city", "say"]
POS = ["VERB", "NOUN", "PROPN", "ADJ"]
DEPS = ["nsubj", "dobj", "nsubjpass", "prep", "pobj", "amod"]
TAGS = ["VBD", "VBN", "NN", "NNS"]
ENTS = ["ORG", "GPE", "KG_Organization"]


def make_doc(vocab: Vocab, tokens: list[tuple[str, str, str, str, int]],
             ents: list[str] | None = None) -> Doc:
    """(lemma, pos, tag, dep, head) per token; a token whose head is itself is a root;
    ``ents``: an entity label or "" per token (each labelled token an entity of its own)."""
    words = [f"w{i}" for i in range(len(tokens))]
    deps = ["ROOT" if head == i else dep for i, (_, _, _, dep, head) in enumerate(tokens)]
    return Doc(vocab, words=words, lemmas=[t[0] for t in tokens], pos=[t[1] for t in tokens],
               tags=[t[2] for t in tokens], deps=deps, heads=[t[4] for t in tokens],
               ents=[f"B-{e}" if e else "O" for e in ents] if ents else None)


def spacy_anchors(vocab: Vocab, patterns: dict[str, list[list[dict]]], doc: Doc):
    """Distinct (key, anchor) pairs of spaCy's DependencyMatcher, first-seen order."""
    matcher = DependencyMatcher(vocab)
    for key, pats in patterns.items():
        matcher.add(key, pats)
    out = []
    for match_id, token_ids in matcher(doc):
        pair = (vocab.strings[match_id], token_ids[0])
        if pair not in out:
            out.append(pair)
    return out


def kg_anchors(vocab: Vocab, patterns: dict[str, list[list[dict]]], doc: Doc):
    matcher = AnchorMatcher(vocab)
    for key, pats in patterns.items():
        matcher.add(key, pats)
    return matcher(doc)


# "Police deployed troops to the city": deployed is the root
SENTENCE = [("police", "NOUN", "NNS", "nsubj", 1), ("deploy", "VERB", "VBD", "ROOT", 1),
            ("troop", "NOUN", "NNS", "dobj", 1), ("to", "ADP", "IN", "prep", 1),
            ("city", "NOUN", "NN", "pobj", 3)]

ACTIVE = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": ["deploy", "send"]},
                                                  "POS": {"IN": ["VERB", "NOUN"]}}},
          {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "arg",
           "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "dobj"]}}}]


def test_a_shape_with_a_child_matches_like_spacy():
    vocab = Vocab()
    doc = make_doc(vocab, SENTENCE)
    patterns = {"shape:active": [ACTIVE]}
    assert kg_anchors(vocab, patterns, doc) == [("shape:active", 1)]
    assert kg_anchors(vocab, patterns, doc) == spacy_anchors(vocab, patterns, doc)


def test_a_missing_child_or_a_wrong_attribute_is_no_match():
    vocab = Vocab()
    no_object = [t if t[3] not in ("nsubj", "dobj") else (t[0], t[1], t[2], "amod", t[4])
                 for t in SENTENCE]
    assert kg_anchors(vocab, {"a": [ACTIVE]}, make_doc(vocab, no_object)) == []
    as_adj = [(t[0], "ADJ", *t[2:]) if t[0] == "deploy" else t for t in SENTENCE]
    assert kg_anchors(vocab, {"a": [ACTIVE]}, make_doc(vocab, as_adj)) == []


def test_a_root_is_no_child_of_itself():
    vocab = Vocab()
    doc = make_doc(vocab, [("deploy", "VERB", "VBD", "ROOT", 0)])
    pattern = [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "deploy"}},
               {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "c", "RIGHT_ATTRS": {"LEMMA": "deploy"}}]
    assert kg_anchors(vocab, {"p": [pattern]}, doc) == []
    assert spacy_anchors(vocab, {"p": [pattern]}, doc) == []


def test_keys_are_reported_in_the_order_added_and_others_fall_back_to_spacy():
    vocab = Vocab()
    doc = make_doc(vocab, SENTENCE)
    # ">>" (any descendant) is outside the compiled subset: spaCy's matcher answers it
    descendant = [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "deploy"}},
                  {"LEFT_ID": "t", "REL_OP": ">>", "RIGHT_ID": "c",
                   "RIGHT_ATTRS": {"LEMMA": "city"}}]
    assert _compile(descendant, {}) is None
    patterns = {"noun": [[{"RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "NOUN"}}]],
                "far": [descendant], "active": [ACTIVE]}
    matcher = AnchorMatcher(vocab)
    for key, pats in patterns.items():
        matcher.add(key, pats)
    assert "far" not in matcher.compiled
    assert matcher(doc) == [("noun", 0), ("noun", 2), ("noun", 4), ("far", 1), ("active", 1)]
    assert matcher(doc) == spacy_anchors(vocab, patterns, doc)


def test_unsupported_attributes_and_operators_are_not_compiled():
    assert _compile([{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "x"}}}], {}) is None
    assert _compile([{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": {"NOT_IN": ["x"],
                                                                  "IN": ["y"]}}}], {}) is None
    assert _compile([{"RIGHT_ID": "t", "RIGHT_ATTRS": {"IS_TITLE": True}}], {}) is None
    assert _compile([{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "x"}},
                     {"LEFT_ID": "t", "REL_OP": "<<", "RIGHT_ID": "h", "RIGHT_ATTRS": {}}],
                    {}) is None
    assert _compile([{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "x"}},
                     {"LEFT_ID": "t", "REL_OP": "$+", "RIGHT_ID": "h", "RIGHT_ATTRS": {}}],
                    {}) is None
    assert _compile([{"RIGHT_ID": "t", "RIGHT_ATTRS": {"ENT_IOB": "B"}}], {}) is None


# --- property: random parses and random compiled patterns agree with spaCy -------------------
@st.composite
def parses(draw):
    """One or two sentences; each token's head is an earlier token of its sentence."""
    tokens = []
    for _ in range(draw(st.integers(1, 2))):
        start = len(tokens)
        for i in range(draw(st.integers(1, 7))):
            head = start if i == 0 else draw(st.integers(start, start + i - 1))
            tokens.append((draw(st.sampled_from(LEMMAS)), draw(st.sampled_from(POS)),
                           draw(st.sampled_from(TAGS)), draw(st.sampled_from(DEPS)), head))
    return tokens


@st.composite
def attrs(draw):
    out = {}
    for name, values in (("LEMMA", LEMMAS), ("POS", POS), ("DEP", DEPS), ("TAG", TAGS),
                         ("ENT_TYPE", ENTS)):
        if draw(st.booleans()):
            chosen = draw(st.lists(st.sampled_from(values), min_size=1, max_size=3, unique=True))
            out[name] = chosen[0] if len(chosen) == 1 and draw(st.booleans()) else {"IN": chosen}
    return out


@st.composite
def tree_patterns(draw):
    nodes = [{"RIGHT_ID": "n0", "RIGHT_ATTRS": draw(attrs())}]
    for n in range(1, draw(st.integers(1, 3))):
        parent = draw(st.integers(0, n - 1))
        operator = draw(st.sampled_from([">", "<", ".", ";"]))
        nodes.append({"LEFT_ID": f"n{parent}", "REL_OP": operator,
                      "RIGHT_ID": f"n{n}", "RIGHT_ATTRS": draw(attrs())})
    return nodes


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(parses(), st.lists(st.lists(tree_patterns(), min_size=1, max_size=2), min_size=1,
                          max_size=3), st.lists(st.sampled_from([*ENTS, ""]), min_size=14,
                                                max_size=14))
def test_random_patterns_on_random_parses_agree_with_spacy(tokens, pattern_lists, ents):
    vocab = Vocab()
    doc = make_doc(vocab, tokens, ents[:len(tokens)])
    patterns = {f"k{i}": pats for i, pats in enumerate(pattern_lists)}
    got = kg_anchors(vocab, patterns, doc)
    # compiled keys report distinct anchors in ascending order, key by key
    assert got == sorted(set(got), key=lambda p: (int(p[0][1:]), p[1]))
    assert sorted(got) == sorted(spacy_anchors(vocab, patterns, doc))


def test_an_excluded_set_is_compiled_and_matches_like_spacy():
    """"a verb other than these" (NOT_IN): the anchor's object may be anything but them."""
    vocab = Vocab()
    doc = make_doc(vocab, SENTENCE)
    for excluded in (["troop"], ["city"], ["troop", "city"]):
        pattern = [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "deploy"}},
                   {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "o",
                    "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"NOT_IN": excluded}}}]
        assert _compile(pattern, {}) is not None
        patterns = {"p": [pattern]}
        assert kg_anchors(vocab, patterns, doc) == spacy_anchors(vocab, patterns, doc)
        assert kg_anchors(vocab, patterns, doc) == ([] if "troop" in excluded else [("p", 1)])


# "Officials of the Council named Ms Vell its envoy": a relative clause read under a noun root
MISREAD = [("official", "NOUN", "NNS", "ROOT", 0), ("name", "VERB", "VBD", "acl", 0),
           ("vell", "PROPN", "NNP", "oprd", 1), ("council", "PROPN", "NNP", "pobj", 0)]


def test_a_head_relation_is_compiled_and_matches_like_spacy():
    """``<``: the anchor's head stands for the node; a root has no head."""
    vocab = Vocab()
    doc = make_doc(vocab, MISREAD)
    pattern = [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": {"IN": ["name", "appoint"]},
                                                 "DEP": "acl"}},
               {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "n",
                "RIGHT_ATTRS": {"DEP": "oprd", "POS": "PROPN"}},
               {"LEFT_ID": "t", "REL_OP": "<", "RIGHT_ID": "h",
                "RIGHT_ATTRS": {"DEP": "ROOT", "POS": "NOUN"}}]
    assert _compile(pattern, {}) is not None
    assert kg_anchors(vocab, {"p": [pattern]}, doc) == [("p", 1)]
    assert kg_anchors(vocab, {"p": [pattern]}, doc) == spacy_anchors(vocab, {"p": [pattern]}, doc)
    verb_root = [t if t[3] != "ROOT" else (t[0], "VERB", "VBD", "ROOT", 0) for t in MISREAD]
    assert kg_anchors(vocab, {"p": [pattern]}, make_doc(vocab, verb_root)) == []
    rootless = [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"DEP": "ROOT"}},
                {"LEFT_ID": "t", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {}}]
    assert kg_anchors(vocab, {"r": [rootless]}, doc) == []
    assert spacy_anchors(vocab, {"r": [rootless]}, doc) == []


def test_entity_types_and_a_boolean_node_id_are_compiled_and_match_like_spacy():
    """ENT_TYPE sets, and a node id YAML read as a boolean (``RIGHT_ID: on``)."""
    vocab = Vocab()
    tokens = [("leave", "VERB", "VBD", "ROOT", 0), ("council", "PROPN", "NNP", "dobj", 0),
              ("on", "ADP", "IN", "prep", 0), ("bail", "NOUN", "NN", "pobj", 2)]
    pattern = [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "leave"}},
               {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "b",
                "RIGHT_ATTRS": {"DEP": "dobj", "ENT_TYPE": {"IN": ["ORG", "KG_Organization"]}}},
               {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": True,
                "RIGHT_ATTRS": {"DEP": "prep", "ORTH": "w2"}},
               {"LEFT_ID": True, "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {"DEP": "pobj"}}]
    assert _compile(pattern, {}) is not None
    for ents, expected in ((["", "KG_Organization", "", ""], [("p", 0)]),
                           (["", "ORG", "", ""], [("p", 0)]), (["", "GPE", "", ""], []),
                           (None, [])):
        doc = make_doc(vocab, tokens, ents)
        assert kg_anchors(vocab, {"p": [pattern]}, doc) == expected, ents
        assert spacy_anchors(vocab, {"p": [pattern]}, doc) == expected, ents


def test_the_next_and_previous_token_are_compiled_and_match_like_spacy():
    """"." and ";" (the token right after, right before) stay within the sentence."""
    vocab = Vocab()
    # two sentences: "police deploy troop" / "city say"; "troop" and "city" are adjacent
    doc = make_doc(vocab, [("police", "NOUN", "NNS", "nsubj", 1),
                           ("deploy", "VERB", "VBD", "ROOT", 1),
                           ("troop", "NOUN", "NNS", "dobj", 1), ("city", "NOUN", "NN", "nsubj", 4),
                           ("say", "VERB", "VBD", "ROOT", 4)])
    patterns = {"next": [[{"RIGHT_ID": "t", "RIGHT_ATTRS": {"POS": "NOUN"}},
                          {"LEFT_ID": "t", "REL_OP": ".", "RIGHT_ID": "n",
                           "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "NOUN"]}}}]],
                "prev": [[{"RIGHT_ID": "t", "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "VERB"]}}},
                          {"LEFT_ID": "t", "REL_OP": ";", "RIGHT_ID": "p",
                           "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "VERB"]}}}]]}
    matcher = AnchorMatcher(vocab)
    for key, pats in patterns.items():
        matcher.add(key, pats)
    assert set(matcher.compiled) == {"next", "prev"}
    # troop -> city crosses the sentence end: no match; city -> say does
    assert matcher(doc) == [("next", 0), ("next", 3), ("prev", 1), ("prev", 2), ("prev", 4)]
    assert sorted(matcher(doc)) == sorted(spacy_anchors(vocab, patterns, doc))


def test_the_event_rules_need_no_fallback(nlp):
    """Every pattern of the rule files is compiled: spaCy's matcher has nothing to run."""
    from kg.extract.triggers import engine_for

    matcher = engine_for(nlp.vocab).dep
    assert len(matcher.fallback) == 0 and len(matcher.compiled) == len(matcher.keys)
