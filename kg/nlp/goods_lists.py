"""Lists of goods the parser breaks at an -ing or noun modifier: "rice, cooking oil and
medicines", "blankets and cooking utensils", "food and drinking water", "tablets and
hygiene kits".

The small model reads the modifier ("cooking", "drinking", "hygiene") as a verb or as an
item of its own and hangs the noun it modifies, and the phrase after it ("to 2,300
households"), on that false verb or on the clause's verb: the goods lose their last items
and the recipients their preposition ("handed over 40 tonnes of rice, cooking oil and
medicines to the prefect": theme "rice", no addressee), or gives the verb two objects
("providing food, bedding and medical care"). After the parser,
``kg_goods_lists_v1`` mends each such list item: the modifier (a word of the event
lexicon's ``goods_modifiers``, right after a comma, "and" or "or" that follows a noun) is
made a compound of the noun after it, that noun a conjunct of the item before, and a
to- or for-phrase hung on either of them goes back to the verb the list belongs to; a
verb's second object after a comma, with the list's "and" in it, is made a conjunct of the
first.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp.carried_in import mend_carried_in

# a clause of its own has these: the modifier is then a real verb ("farmers, fishing
# boats idle, ...": no)
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})
_NOUN_TAGS = frozenset({"NN", "NNS", "VBZ", "VBP", "VB"})  # the noun, often mistagged
_RECIPIENT_PREPS = frozenset({"to", "for"})


def goods_modifiers() -> frozenset[str]:
    """The event lexicon's ``goods_modifiers`` (kg/rules/events/lexicon.yaml)."""
    from kg.rules.loader import lexicon_words

    return lexicon_words("goods_modifiers")


@Language.component("kg_goods_lists_v1")
def goods_lists(doc: Doc) -> Doc:
    """Mend the lists of goods the parser broke at a modifier (module docstring)."""
    if not doc.has_annotation("DEP"):
        return doc
    words = goods_modifiers()
    for g in doc:
        if g.lower_ in words:
            _mend(doc, g)
    for v in doc:
        if v.tag_.startswith("VB"):
            _one_object(doc, v)
    mend_carried_in(doc)  # "flew in two tonnes of rice": the load, not a place
    return doc


def _one_object(doc: Doc, v: Token) -> None:
    """"providing food, bedding and medical care to the families": the parser gave the
    verb two objects, the second a list item after a comma or a conjunction ("bedding"
    read as a modifier of "care"); the second is a conjunct of the first."""
    objs = [c for c in v.children if c.dep_ == "dobj"]
    if len(objs) != 2:
        return
    first, second = objs
    sep = second.left_edge.i - 1
    if sep not in (first.right_edge.i, first.right_edge.i + 1) or doc[sep].text != "," or \
            not any(t.lower_ in ("and", "or") for t in second.subtree):
        return
    second.head = first
    second.dep_ = "conj"
    doc[sep].head = first


def _mend(doc: Doc, g: Token) -> None:
    i = g.i
    if i < 2 or i + 1 >= len(doc):
        return
    n = doc[i + 1]
    if g.head == n or not n.is_alpha or n.tag_ not in _NOUN_TAGS or \
            any(c.dep_ in _CLAUSE_DEPS for c in g.children) or n.sent != g.sent:
        return
    item = _item_before(doc, i)
    if item is None or item == n or n.is_ancestor(item) or g.is_ancestor(item):
        return
    verb = next((a for a in item.ancestors if a.tag_[:2] in ("VB", "MD")), None)
    if verb is None:
        return
    # what hung on the false verb after the noun: a recipient's phrase and the rest of
    # the clause ("..., cooking oil and medicines to the prefect, and visited X")
    moving = [c for t in (g, n) for c in t.children if c.i > n.i and c != n and (
        t == g or (c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS))]
    if any(m.is_ancestor(verb) or m == verb for m in moving):
        return
    n.head = item
    n.dep_ = "conj"
    g.head = n
    g.dep_ = "compound"
    for m in moving:
        m.head = verb
    between = doc[i - 1]  # the comma or the conjunction before the item is the list's
    if between.text == ",":
        between.head = n
    elif between.lower_ in ("and", "or") and between.head != item and \
            not between.is_ancestor(item):
        between.head = item
        between.dep_ = "cc"
    # nouns, not verbs, for the attribute ruler that runs next ("utensils" read as VBZ)
    if g.tag_.startswith("VB"):
        g.tag_ = "NN"
    if n.tag_.startswith("VB"):
        n.tag_ = "NNS" if n.lower_.endswith("s") else "NN"


def _item_before(doc: Doc, i: int) -> Token | None:
    """The noun of the list item before position ``i``: "rice, [cooking]", "blankets and
    [cooking]", "tents, and [drinking]"; None when no list comes before."""
    j = i - 1
    if doc[j].lower_ in ("and", "or"):
        j -= 1
        if doc[j].text == ",":
            j -= 1
    elif doc[j].text == ",":
        j -= 1
    else:
        return None
    item = doc[j]
    # (tags, not coarse parts of speech: the attribute ruler sets those after this runs)
    return item if item.tag_.startswith("NN") and item.sent == doc[i].sent else None
