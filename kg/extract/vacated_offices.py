"""The office a person leaves, read from how the sentence names the one who leaves
(Resignation and Dismissal ``role``; kg/extract/type_roles.py ``_office``).

A report of someone leaving office names the office in one of a few shapes that any verb
of leaving shares ("resigned", "stepped down", "quit", "was dismissed", "the resignation
of"); the title before the name ("Finance Minister X resigned") is read by type_roles.py
itself. This module reads the others:

- the one who leaves is named by the office alone: "the country's interior minister
  resigned", "the previous president stepped down" (the office: the noun phrase without
  its article and owner);
- an apposition gives the office: "the company's managing director, X, resigned", "X, head
  of the agency, resigned";
- a relative clause gives it: "X, who held the transport portfolio, stepped down", "X, who
  served as finance minister until he quit", "X, who was deputy mayor, resigned";
- the clause the leaving ends gives it: "X was finance minister until he resigned", "X
  served as mayor until she was dismissed".

The office words are data: relations.yaml ``position.title_heads`` (the head of a title)
and lexicon.yaml ``office_nouns`` (portfolio, post ...).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import np_tokens, prep_objects, text_of

# the verbs of a clause that states the office held: "who held the X portfolio", "who
# served as X", "who was X"
_HOLDING = {"hold", "serve", "be", "occupy", "head", "lead"}
# the words of a noun phrase that are not part of the office: its article, its owner
# ("the company's", "Latvia's") and what the parser hangs on it besides modifiers
_NOT_OFFICE = {"det", "poss", "case", "appos", "relcl", "acl", "punct", "advcl", "cc",
               "conj"}


def office_words(head: Token) -> list[Token]:
    """The office a noun phrase headed by a title names, without article and owner: "the
    country's interior minister" -> "interior minister"."""
    keep: list[Token] = []

    def walk(t: Token) -> None:
        keep.append(t)
        for c in t.children:
            # a list inside the office stays ("Minister of Economy, Trade and Industry");
            # one of the office's own head is another office ("the minister and his deputy")
            if c.dep_ in _NOT_OFFICE and not (t is not head and c.dep_ in (
                    "conj", "cc", "punct", "det")):
                continue
            walk(c)

    walk(head)
    keep.sort(key=lambda t: t.i)
    # commas of an apposition hung inside the office, and edge punctuation, go
    return [t for n, t in enumerate(keep) if not t.is_punct or (
        0 < n < len(keep) - 1 and not keep[n + 1].is_punct and keep[n + 1].i == t.i + 1)]


def _is_office(tok: Token, titles: set[str], offices: set[str]) -> bool:
    low = tok.lemma_.lower()
    return tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ != "PERSON" and (
        low in titles or low in offices or tok.lower_ in titles)


def _held(verb: Token, titles: set[str], offices: set[str]) -> Token | None:
    """The office a clause of holding states: its object, its "as" phrase or its
    complement ("held the X portfolio", "served as X", "was X")."""
    if verb.lemma_.lower() not in _HOLDING:
        return None
    cands = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    cands += [o for _, o in prep_objects(verb, {"as"})]
    return next((c for c in cands if _is_office(c, titles, offices)), None)


def vacated_office(theme: Token, trigger: Token, titles: set[str], offices: set[str]
                   ) -> str | None:
    """The office the one named by ``theme`` (the head of the leaver's noun phrase) leaves
    by ``trigger``, when the sentence names it in one of the module's shapes."""
    if theme.pos_ == "PRON":
        # "X was finance minister until he resigned": the clause the leaving ends
        clause = trigger
        while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if clause.dep_ == "advcl" and any(c.lower_ == "until" and c.dep_ == "mark"
                                          for c in clause.children):
            office = _held(clause.head, titles, offices)
            if office is not None:
                return text_of(office_words(office))
        return None
    if _is_office(theme, titles, offices):
        return text_of(office_words(theme))
    for c in theme.children:
        if c.dep_ == "appos" and _is_office(c, titles, offices):
            return text_of(np_tokens(c, drop={"relcl", "advcl", "parataxis", "det", "appos"}))
        if c.dep_ == "relcl":
            office = _held(c, titles, offices)
            if office is not None:
                return text_of(office_words(office))
    if theme.dep_ == "appos" and _is_office(theme.head, titles, offices):
        return text_of(office_words(theme.head))
    return None
