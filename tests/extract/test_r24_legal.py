"""Round 24, the legal process in follow-up stories: each rule pinned on an invented
sentence (places only Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica, Botswana
or Vietnam; invented people), with a neighbouring wording that must not give the fact."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- a sentence faced is a possible Conviction (conviction.yaml faced-term/-sentence) ------
def test_a_prison_term_faced_is_a_hypothetical_conviction(nlp):
    r = run(nlp, "Kaspars Ozols faces up to 15 years in prison in Riga.")
    (conv,) = facts_of(r, "Conviction")
    assert names(r, conv.roles["theme"]) == {"Kaspars Ozols"}
    assert conv.factuality == "hypothetical"
    (q,) = conv.roles["quantity"]
    assert q.value == 15


def test_a_term_that_could_be_faced_counts_at_least(nlp):
    r = run(nlp, "If found guilty of negligence, Mpho Sebego could face at least two years in "
                 "jail, the prosecutor in Gaborone said.")
    (conv,) = facts_of(r, "Conviction")
    assert names(r, conv.roles["theme"]) == {"Mpho Sebego"}
    assert conv.factuality == "hypothetical"


def test_long_sentences_faced_are_a_hypothetical_conviction(nlp):
    r = run(nlp, "The three suspects held in Tallinn could face long prison sentences if "
                 "convicted.")
    (conv,) = facts_of(r, "Conviction")
    assert "suspects" in " ".join(names(r, conv.roles["theme"]))
    assert conv.factuality == "hypothetical"


def test_charges_or_fines_faced_are_no_conviction(nlp):
    r = run(nlp, "Councils in Botswana that miss the target could face fines and lower "
                 "budgets, while Lesedi Moagi faces charges of fraud.")
    assert not facts_of(r, "Conviction")
    (charge,) = facts_of(r, "Charge")
    assert charge.factuality is None  # the charges are laid: asserted, not a prospect


# --- a description with the name in apposition is the named person (described_person) -----
def test_a_definite_description_named_in_apposition_is_the_person(nlp):
    r = run(nlp, "Police in Tallinn arrested the contractor, Jaan Tamm, on Friday.")
    (arrest,) = facts_of(r, "Arrest")
    assert names(r, arrest.roles["theme"]) == {"Jaan Tamm"}


def test_plural_description_with_names_in_apposition_is_those_people(nlp):
    r = run(nlp, "The men, Devon Brissett of Spanish Town and Marlon Grant of May Pen, were "
                 "each charged with robbery in Jamaica.")
    (charge,) = facts_of(r, "Charge")
    assert names(r, charge.roles["theme"]) == {"Devon Brissett", "Marlon Grant"}


def test_a_description_without_a_name_stays_text(nlp):
    r = run(nlp, "Police in Riga arrested the contractor on Friday.")
    (arrest,) = facts_of(r, "Arrest")
    assert names(r, arrest.roles["theme"]) == {"contractor"}


# --- an inquiry naming nobody and nothing is no fact (investigation.yaml requires) --------
def test_an_inquiry_that_names_nothing_is_no_investigation(nlp):
    r = run(nlp, 'The minister in Riga said she would not resign "in the middle of an '
                 'investigation".')
    assert not facts_of(r, "Investigation")


def test_an_inquiry_opened_by_a_prosecutor_is_kept(nlp):
    r = run(nlp, "The prosecutor in Doha opened an investigation into the deaths of two "
                 "workers.")
    (inv,) = facts_of(r, "Investigation")
    assert names(r, inv.roles["agent"])
