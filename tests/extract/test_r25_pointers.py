"""Round 25, descriptions and counts that point back to named participants: each rule
pinned on an invented sentence (places only Zambia, Benin, Palau, Nauru, Qatar, Latvia,
Estonia, Jamaica, Botswana or Vietnam; invented people), with a neighbouring wording that
must not give the people."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- a definite count of people stands for the people named before (counted_people.py) --
def test_the_pair_is_the_two_people_named_before(nlp):
    r = run(nlp, "The newspaper's editor, Kalinda Mwale, and reporter Chanda Phiri were "
                 "held by Lusaka police on Tuesday. Prosecutors in Ndola began "
                 "investigating the pair on Thursday.")
    (inv,) = facts_of(r, "Investigation")
    assert names(r, inv.roles["theme"]) == {"Kalinda Mwale", "Chanda Phiri"}


def test_the_trio_is_the_three_people_named_before(nlp):
    r = run(nlp, "Prosecutors in Gaborone named Tebogo Kgosi, Lesego Molefe and Neo Dintwe "
                 "in the tender case. The trio were charged with fraud in March.")
    charges = facts_of(r, "Charge")
    assert any(names(r, c.roles.get("theme")) == {"Tebogo Kgosi", "Lesego Molefe",
                                                  "Neo Dintwe"} for c in charges)


def test_both_men_skip_the_speaker_of_their_sentence(nlp):
    r = run(nlp, "Police in Kingston arrested the driver, Devon Clarke, and the minibus "
                 "owner, Marlon Reid, on Monday. \"Prosecutors have charged both men with "
                 "negligent driving,\" Superintendent Andre Blake "
                 "said.")
    charges = facts_of(r, "Charge")
    assert any(names(r, c.roles.get("theme")) == {"Devon Clarke", "Marlon Reid"}
               for c in charges)


def test_an_indefinite_count_is_new_people(nlp):
    r = run(nlp, "Toomas Kask and Mart Saar led the march in Tallinn on Sunday. Police "
                 "later charged two men with vandalism.")
    for c in facts_of(r, "Charge"):
        assert not names(r, c.roles.get("theme")) & {"Toomas Kask", "Mart Saar"}


def test_a_count_with_more_people_before_it_stays_text(nlp):
    r = run(nlp, "Judge Liga Berzina heard Janis Kalnins, Andris Ozols and Peteris Liepa in "
                 "Riga on Monday. The pair were charged with bribery.")
    for c in facts_of(r, "Charge"):
        assert not names(r, c.roles.get("theme")) & {"Janis Kalnins", "Andris Ozols",
                                                     "Peteris Liepa", "Liga Berzina"}


# --- a bare "the group" stands for the one group named before (described_groups.py) ------
def test_the_group_is_the_association_named_before(nlp):
    r = run(nlp, "\"Our boats have rotted in the harbour,\" said Keli Ngiraked, chairperson "
                 "of the Koror Fishers Association. The group urged the Senate to order a "
                 "review of the fuel tenders.")
    reqs = facts_of(r, "Request")
    assert any(names(r, q.roles.get("agent")) == {"Koror Fishers Association"}
               for q in reqs)


def test_the_group_is_the_body_named_with_its_short_form(nlp):
    r = run(nlp, "On Monday about 200 members of the fishers' group Omelengmes ra Ngerchelong "
                 "(ORN) gathered in front of the Senate in Koror. \"Our engines have sat "
                 "unpaid on the dock since spring,\" said ORN chairperson Maria Tellei. The "
                 "group then urged the Senate to widen the probe to the remaining tenders.")
    reqs = facts_of(r, "Request")
    assert any(names(r, q.roles.get("agent")) == {"Omelengmes ra Ngerchelong"} for q in reqs)


def test_the_group_with_two_bodies_before_stays_text(nlp):
    r = run(nlp, "The Koror Fishers Association and the Palau Traders Union met in Koror on "
                 "Monday. The group urged the Senate to order a review of the fuel tenders.")
    for q in facts_of(r, "Request"):
        assert not names(r, q.roles.get("agent")) & {"Koror Fishers Association",
                                                      "Palau Traders Union"}


def test_the_board_is_the_one_board_named_before(nlp):
    r = run(nlp, "The Botswana Labour Relations Board met union leaders in Gaborone on Monday. "
                 "Minister Kagiso Seretse directed the board to impose arbitration.")
    orders = facts_of(r, "Order")
    assert any(names(r, o.roles.get("addressee")) == {"Botswana Labour Relations Board"}
               for o in orders)
