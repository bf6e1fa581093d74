"""Custom spaCy components kg adds to the model's pipeline."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc


@cache
def title_abbreviations() -> frozenset[str]:
    """The dotted ranks and honorifics of kg/rules/entities/titles.jsonl ("Col.", "Lt.",
    "Hon.") and the abbreviated given names of generic.jsonl ("Ma."): kept one token
    (kg.nlp.pipeline), and no sentence starts after one."""
    import json

    from kg.resources import rules_dir

    words: set[str] = set()
    for name, field in (("titles.jsonl", "title"), ("generic.jsonl", "given")):
        path = rules_dir() / "entities" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            entry = json.loads(line)
            forms = entry["title"].split() if field == "title" else \
                entry["words"] if entry["kind"] == "given" else []
            words.update(w for w in forms
                         if w.endswith(".") and w[:1].isupper() and w[:-1].isalpha())
    return frozenset(words)


@Language.component("kg_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, and never right after a dotted rank.

    News lines are headlines or paragraphs; the parser must never join a
    headline to the paragraph under it. The period of "Capt." ends no sentence
    ("..., a spokesman, Capt. X, said": the parser took it for one).
    """
    abbreviations = title_abbreviations()
    last = len(doc) - 1
    line_start = 0  # the first token of the current line
    for tok in doc:  # (iterating the doc makes each token once; indexing it costs more)
        i = tok.i
        if i >= last:
            break
        if "\n" in tok.text_with_ws:
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
            line_start = i + 1
        elif tok.text in abbreviations:
            doc[i + 1].is_sent_start = False
        elif tok.text == ":" and i - line_start <= _LABEL_TOKENS and _turn_label(
                doc[line_start:i]):
            doc[i + 1].is_sent_start = True
    return doc


_LABEL_TOKENS = 8  # "STATE ATTORNEY GENERAL JANE DOE:", "PRESENTER:", "Q:"


def _turn_label(label) -> bool:
    """A line's label in capitals before a colon: the speaker of a transcript's turn
    ("Q:", "A:", "PRESENTER:", "JANE DOE (clip):") or a page's tag ("LIVE:"). The words
    after it are a sentence of their own: the parser must not take the label for its
    subject ("Q: the police said ...": the police said it)."""
    words = [t for t in label if not t.is_punct and not t.is_space]
    if not words or len(label) == 0:
        return False
    paren = False
    for t in label:
        if t.text == "(":
            paren = True
        elif t.text == ")":
            paren = False
        elif not paren and not t.is_punct and not (t.is_upper and t.is_alpha):
            return False
    return True


# --- entity rule layer ---------------------------------------------------------------
# Runs before the statistical NER. It marks knowledge-base labels (label "KG_<Type>",
# entity id = the KB IRI) and country names from the gazetteer (label "GPE") as preset
# entities; the NER respects them and predicts around them.

if not Doc.has_extension("kg_kb"):
    Doc.set_extension("kg_kb", default=None)


class EntityRuleLayer:
    """Preset entities from the reference KB and the country gazetteer."""

    def __init__(self, nlp: Language, name: str, kb_files: list[str], defaults: bool,
                 countries: bool):
        from spacy.matcher import PhraseMatcher

        from kg.resolve.kb import load_kb

        self.name = name
        self.kb = load_kb(kb_files, defaults=defaults)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[str, tuple[str, str]] = {}  # match key -> (label, ent id)
        for n, entry in enumerate(self.kb.entries):
            key = f"kb{n}"
            self.labels[key] = (f"KG_{entry.type.value}", entry.iri)
            forms = set(entry.labels)
            forms |= {f.upper() for f in entry.labels if len(f) > 3}  # all-caps datelines
            self.matcher.add(key, [nlp.make_doc(f) for f in sorted(forms)])
        if countries:
            from kg.resolve.places import gazetteer

            gaz = gazetteer()
            names = {p.name for p in gaz.by_code.values()}
            # a letterhead or an all-caps dateline writes the name in capitals, an official
            # release the long form: "REPUBLIC OF VANUATU", "Republic of Kenya"
            names |= {n.upper() for n in names if len(n) > 3}
            # and a formal name of any state shape ("Kingdom of X", "Italian Republic")
            names |= set(gaz.official_names())
            # "St Kitts and Nevis": a "Saint" country written with the abbreviation
            names |= {f"{st} {n[6:]}" for n in list(names) if n.startswith("Saint ")
                      for st in ("St", "St.")}
            names |= {o.upper() for o in gaz.official_names()}
            self.labels["country"] = ("GPE", "gazetteer:country")
            self.matcher.add("country", [nlp.make_doc(n) for n in sorted(names)])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.util import filter_spans

        doc._.kg_kb = self.kb
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            label, ent_id = self.labels[key]
            if key == "country" and not _standalone(doc, start, end):
                continue
            spans.append(doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                                       label=label, kb_id=ent_id))
        spans = [s for s in spans if s is not None]
        if spans:
            # every non-overlapping match is kept; existing entities never overlap yet
            doc.set_ents(filter_spans(spans), default="unmodified")
        return doc


def _standalone(doc: Doc, start: int, end: int) -> bool:
    """A country name not inside a longer capitalised name.

    'Georgia Tech', 'Jordan Peele' and 'Ministry of Defense of the Republic of Chad'
    are left to the statistical model.
    """
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].is_title \
            and not doc[i - 1].is_sent_start:
        return False
    prev_cap = start > 0 and doc[start - 1].is_title and not doc[start].is_sent_start \
        and doc[start - 1].lower_ not in {"the", "of", "and", "in", "to"}
    next_cap = end < len(doc) and doc[end].is_title and not doc[end].is_sent_start
    if doc[start:end].text.isupper():  # "NIGERIA POLICE FORCE", a letterhead's body
        next_cap = next_cap or (end < len(doc) and doc[end].is_upper and doc[end].is_alpha)
        prev_cap = prev_cap or (start > 0 and doc[start - 1].is_upper and
                                doc[start - 1].is_alpha)
    return not (prev_cap or next_cap)


@Language.factory("kg_entity_rules_v1",
                  default_config={"kb_files": [], "defaults": True, "countries": True})
def make_entity_rules(nlp: Language, name: str, kb_files: list[str], defaults: bool,
                      countries: bool) -> EntityRuleLayer:
    return EntityRuleLayer(nlp, name, kb_files, defaults, countries)
