"""Who speaks and who is asked (round 8): a document's source named through a participle
("according to a toll established by X"), the one asked by "urged anyone with information
to call ..." and what they are asked. Invented sentences (names and countries no dev text
is about)."""

from __future__ import annotations

from tests.extract.event_helpers import STAMP, facts_of, names, run, updates


def _one(r, kind):
    found = facts_of(r, kind)
    assert len(found) == 1, [(f.rule, f.roles) for f in r.facts]
    return found[0]


# --- "according to a toll established by X": X speaks --------------------------------------
def test_a_toll_established_by_a_body_is_its_statement(nlp):
    r = run(nlp, "According to a provisional toll established by the Botswana Police "
                 "Service, six people were killed in Francistown.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Botswana Police Service"}
    assert "six people were killed" in s.roles["gist"][0]


def test_a_count_compiled_by_a_body_is_its_statement(nlp):
    r = run(nlp, "According to a count compiled by the Red Cross of Palau, nine people "
                 "died in Koror.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Red Cross of Palau"}


# --- "urged anyone with information to call ...": theme the infinitive ---------------------
def test_anyone_with_information_is_asked_to_call(nlp):
    r = run(nlp, "Police in Cotonou urged anyone with information to call a police hotline.")
    req = _one(r, "Request")
    assert req.roles["theme"] == ["call a police hotline"]
    assert req.roles["addressee"] == ["anyone with information"]


def test_the_with_phrase_stays_with_the_one_asked(nlp):
    r = run(nlp, "The ministry urged anyone with information on the theft in Suva to "
                 "contact the nearest police station.")
    req = _one(r, "Request")
    assert req.roles["theme"] == ["contact the nearest police station"]
    assert req.roles["addressee"] == ["anyone with information on the theft in Suva"]


# --- coordinated themes: every item of a list, with its count -----------------------------
def test_a_list_split_by_the_parser_is_one_theme(nlp):
    r = run(nlp, "Fourteen suspects were arrested during the night, and a pistol, three "
                 "grenades and a quantity of ammunition were seized in a house in Kasama.")
    seizure = _one(r, "Seizure")
    assert seizure.roles["theme"] == ["pistol, three grenades and a quantity of ammunition"]


def test_a_list_of_counted_things_keeps_each_count(nlp):
    r = run(nlp, "The Zambia Defence Force has deployed two helicopters and about 150 "
                 "soldiers to the region to help move residents of low-lying villages.")
    deployment = _one(r, "Deployment")
    assert deployment.roles["theme"] == ["two helicopters and about 150 soldiers"]


def test_a_single_count_stays_the_quantity(nlp):
    r = run(nlp, "Police detained 40 protesters in Suva on Tuesday.")
    assert _one(r, "Detention").roles["theme"] == ["protesters"]


# --- adverbials out of the theme; what a ban bars -------------------------------------------
def test_until_further_notice_is_no_theme(nlp):
    r = run(nlp, "With effect from Tuesday, and until further notice, motorcycle taxis and "
                 "bicycle taxis are prohibited from operating between 18:00 and 06:00 in the "
                 "communes of Kabwe and Ndola.")
    (theme,) = _one(r, "Ban").roles["theme"]
    assert theme.startswith("motorcycle taxis and bicycle taxis operating between 18:00")
    assert "notice" not in theme and "Kabwe" not in theme


def test_banned_from_an_activity_keeps_the_activity(nlp):
    r = run(nlp, "Foreign trawlers are banned from fishing near the reef.")
    (theme,) = _one(r, "Ban").roles["theme"]
    assert "fishing" in theme and "trawlers" in theme


# --- who speaks: a body's directorate, an unnamed spokesperson after what the body did -----
def test_a_police_directorate_speaks_for_the_police_named_before(nlp):
    r = run(nlp, "The Zambia Police Service has detained 28 people in Lusaka, the capital's "
                 "police directorate said in a statement.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Zambia Police Service"}


def test_a_spokesperson_after_the_bodys_call_speaks_for_the_body(nlp):
    r = run(nlp, "The Pacific Islands Forum urged \"all sides in Fiji to show restraint\", a "
                 "spokesperson told journalists in Suva.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Pacific Islands Forum"}
    assert s.roles["addressee"] == ["journalists"]


def test_a_spokesman_of_a_named_body_still_speaks_for_it(nlp):
    r = run(nlp, "Protesters blocked the road to Suva, a police spokesman said.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"police"}


def test_a_town_police_directorate_speaks_for_that_police(nlp):
    r = run(nlp, "Kabwe police have detained 28 people, the town's police directorate said "
                 "in a statement.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Kabwe police"}


def test_he_after_a_quote_is_the_surname_that_spoke_before(nlp):
    # "Lomani" alone is typed as a body by the model; it spoke in the sentence before the
    # quote, so "he" is Lomani, not the president named in the update before
    r = updates(nlp, [
        ("Parliament in Suva on Thursday elected Josaia Lomani, a deputy chief prosecutor, "
         "as the new prosecutor general.", STAMP),
        ("President Adi Salote said she would hold talks with all parties next week.",
         STAMP.replace(hour=11)),
        ("Lomani, speaking to reporters at the prosecutor's office, said he would not "
         "resign. \"I was chosen lawfully by parliament and I will do my job,\" he said.",
         STAMP.replace(hour=12)),
    ])
    quoted = [f for f in facts_of(r, "Statement") if f.roles.get("quote")]
    assert quoted and all(names(r, f.roles["speaker"]) != {"Adi Salote"} for f in quoted)
