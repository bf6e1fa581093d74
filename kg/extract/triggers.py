"""The trigger engine: which tokens are events of which type.

Matchers are built once per vocabulary from the rule files (kg/rules/events/*.yaml):
one dependency pattern per shared shape (its lexicon the union of the types that use
it; the trigger's lemma then picks the types), a pattern of its own where a type needs
one, and a PhraseMatcher for multi-word phrase triggers. The engine holds no trigger
words of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kg.extract.depmatch import AnchorMatcher
from kg.rules.loader import EventRules, RuleSet, event_rules


# --- the engine ----------------------------------------------------------------------------
@dataclass(slots=True)
class Match:
    rules: EventRules
    pattern_id: str
    voice: str
    trigger: Token
    phrase: list[Token]
    alternatives: list[tuple[str, str]] = field(default_factory=list)  # (pattern id, voice)
    order: dict[str, int] = field(default_factory=dict)  # pattern id -> position in its file

    def rule_for(self, voice: str) -> str:
        """The id of the most specific matched pattern (latest in its file) with this voice."""
        found = [(self.order.get(pid, 0), pid) for pid, v in
                 [(self.pattern_id, self.voice), *self.alternatives] if v == voice]
        if found:
            return max(found)[1]
        return f"{self.pattern_id}+{voice}"


class Engine:
    """Matchers built once per vocabulary from the rule files."""

    def __init__(self, vocab: Vocab, rules: RuleSet) -> None:
        self.rules = rules
        self.dep = AnchorMatcher(vocab)
        # token-by-token lower-case phrases: a PhraseMatcher finds them in a fraction of
        # the time a token Matcher takes (the same matches)
        self.phrase = PhraseMatcher(vocab, attr="LOWER")
        self.by_key: dict[str, tuple[EventRules, str, str]] = {}
        self.tails: dict[str, dict[str, list[list[str]]]] = {}
        # one dependency pattern per shared shape (its lexicon the union of the types
        # using it), then the trigger's lemma picks the types: far fewer patterns to run
        self.by_shape: dict[str, list[tuple[EventRules, str, set[str]]]] = {}
        self.order: dict[str, int] = {}
        from spacy.lang.en import English

        tokenizer = English().tokenizer
        words_by_shape: dict[str, set[str]] = {}
        for t in rules.types.values():
            heads = sorted({v.split()[0] for v in t.verbs})
            tails: dict[str, list[list[str]]] = {}
            for v in t.verbs:
                words = v.split()
                tails.setdefault(words[0], []).append(words[1:])
            self.tails[t.kind] = tails
            for p in t.patterns:
                self.order[p.id] = len(self.order)
                if p.shape == "phrase":
                    pats = [Doc(vocab, words=[w.lower_ for w in tokenizer(phrase)])
                            for phrase in t.phrases]
                    if pats:
                        self.phrase.add(p.id, pats)
                        self.by_key[p.id] = (t, p.id, "nominal")
                    continue
                if p.shape is None:  # a pattern of its own
                    self.dep.add(p.id, [p.pattern])
                    self.by_key[p.id] = (t, p.id, p.voice or "active")
                    continue
                voice = rules.shapes[p.shape]["voice"]
                words = set(t.nouns) if voice == "nominal" else set(heads)
                if not words:
                    continue
                self.by_key[p.id] = (t, p.id, voice)
                self.by_shape.setdefault(p.shape, []).append((t, p.id, words))
                words_by_shape.setdefault(p.shape, set()).update(words)
        for shape, words in words_by_shape.items():
            spec = rules.shapes[shape]
            table = {"$verbs": sorted(words), "$nouns": sorted(words)}
            # a shape may list alternative patterns ("also"): the same voice and roles
            self.dep.add(f"shape:{shape}", [_substitute(pat, table) for pat in
                                            [spec["pattern"], *spec.get("also", [])]])

    def _candidates(self, key: str, trigger: Token) -> list[tuple[EventRules, str, str]]:
        if not key.startswith("shape:"):
            return [self.by_key[key]]
        lemma = trigger.lemma_.lower()
        return [self.by_key[pid] for _, pid, words in self.by_shape[key[6:]] if lemma in words]

    def matches(self, doc: Doc) -> list[Match]:
        found: dict[tuple[str, int], Match] = {}
        order = self.order
        for key, anchor in self.dep(doc):
            trigger = doc[anchor]
            for rules, pid, voice in self._candidates(key, trigger):
                # a shared shape matched a lexicon lemma: the rest of a multi-word verb
                # must be there too; a pattern of its own says all it needs
                if voice != "nominal" and key.startswith("shape:") and \
                        not self._tail_ok(rules, trigger):
                    continue
                k = (rules.kind, trigger.i)
                if k in found:
                    prior = found[k]
                    if pid == prior.pattern_id or any(a == pid for a, _ in prior.alternatives):
                        continue
                    if order[pid] < order[prior.pattern_id]:
                        found[k] = Match(rules, pid, voice, trigger, [trigger],
                                         [(prior.pattern_id, prior.voice), *prior.alternatives])
                    else:
                        prior.alternatives.append((pid, voice))
                else:
                    found[k] = Match(rules, pid, voice, trigger, [trigger])
        for match_id, start, end in self.phrase(doc):
            key = doc.vocab.strings[match_id]
            rules, pid, voice = self.by_key[key]
            span = doc[start:end]
            k = (rules.kind, span.root.i)
            if k not in found or len(found[k].phrase) < len(span):
                found[k] = Match(rules, pid, voice, span.root, list(span))
        # a token inside a longer phrase trigger is not a trigger of its own
        covered = {t.i: m for m in found.values() if len(m.phrase) > 1 for t in m.phrase}
        out = [m for m in found.values()
               if len(m.phrase) > 1 or m.trigger.i not in covered]
        for m in out:
            m.order = order
        return sorted(out, key=lambda m: m.trigger.i)

    def _tail_ok(self, rules: EventRules, trigger: Token) -> bool:
        tails = self.tails[rules.kind].get(trigger.lemma_.lower())
        if tails is None:
            return False
        if [] in tails:  # the one-word verb: nothing more to find
            return True
        # ("called ... on Sunday" is no "call on": a date is no particle's object)
        near = {c.lemma_.lower() for c in trigger.children
                if c.dep_ in ("prt", "dobj", "prep", "advmod", "dative", "oprd") and not (
                    c.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME")
                                             for o in c.children if o.dep_ == "pobj"))}
        # the noun of a light verb in the passive, with the one it goes to or is aimed at:
        # "the portfolio was assigned to X", "charges were brought against X", "shots were
        # fired at the patrol" ("shots were fired from X" names no target: a re-telling)
        if any(c.dep_ == "prep" and c.lower_ in _GOALS for c in trigger.children):
            near |= {c.lemma_.lower() for c in trigger.children if c.dep_ == "nsubjpass"}
        # "took to the streets", "set the station on fire": the object of the particle
        near |= {g.lemma_.lower() for c in trigger.children if c.dep_ == "prep"
                 for g in c.children if g.dep_ == "pobj"}
        return any(all(w in near for w in tail) for tail in tails)


_GOALS = ("to", "against", "at", "on", "upon", "into")


def _substitute(value, table: dict[str, list[str]]):
    if isinstance(value, str) and value in table:
        return list(table[value])
    if isinstance(value, dict):
        return {k: _substitute(v, table) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, table) for v in value]
    return value


_ENGINES: dict[int, tuple[Vocab, Engine]] = {}


def engine_for(vocab: Vocab) -> Engine:
    """One engine per vocabulary (i.e. per loaded pipeline), built on first use."""
    key = id(vocab)
    known = _ENGINES.get(key)
    if known is None or known[0] is not vocab:  # ids of freed vocabularies are reused
        known = _ENGINES[key] = (vocab, Engine(vocab, event_rules()))
    return known[1]


def fix_capitalised_nouns(doc: Doc, rules) -> None:
    """"Protests against ... began", "Police in X detained": the model may read a capitalised
    common noun at the start of a sentence (or after a headline line) as a proper noun with
    itself as lemma, so triggers and role rules miss it. Such a token, when it spells a
    trigger noun or a force, body or actor noun of the lexicon and no name follows it,
    becomes that common noun."""
    lists = rules.lists
    nouns = {n for t in rules.types.values() for n in t.nouns} | set(lists["forces"]) | \
        set(lists["body_heads"]) | set(lists["actor_nouns"])
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if not (tok.is_sent_start or tok.i == 0 or doc[tok.i - 1].is_space):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].is_title:
            continue  # "Police Scotland", "Army Chief X": a name
        low = tok.lower_
        for cand in (low, low[:-1] if low.endswith("s") else None,
                     low[:-2] if low.endswith("es") else None):
            if cand and cand in nouns:
                tok.lemma_ = cand
                tok.pos_ = "NOUN"
                break

