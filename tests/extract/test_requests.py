"""Requests and accusations (kg/extract/requests.py, request.yaml, accusation.yaml): the
one asked, what is asked, nominal requests, who accuses whom of what. Invented
sentences, names and places other than the dev texts'."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _one(result, kind):
    found = facts_of(result, kind)
    assert len(found) == 1, [(f.rule, f.roles) for f in facts_of(result, kind)]
    return found[0]


def _texts(values) -> list[str]:
    return [v if isinstance(v, str) else v.text for v in values or []]


# --- requests -----------------------------------------------------------------------------
def test_a_capital_asked_for_help_is_the_addressee(nlp):
    r = run(nlp, "Fiji's government asked Wellington for help restoring order on Sunday.")
    req = _one(r, "Request")
    assert names(r, req.roles["addressee"]) == {"Wellington"}
    assert any("help restoring order" in t for t in _texts(req.roles["theme"]))


def test_asking_not_to_be_named_is_no_request(nlp):
    r = run(nlp, "A nurse in Suva, who asked not to be named, said the ward was full.")
    assert facts_of(r, "Request") == []


def test_calling_someone_names_is_no_request(nlp):
    r = run(nlp, "Premier Lena Borg called the strikers \"vandals\" on Monday.")
    assert facts_of(r, "Request") == []


def test_at_the_request_of_a_country_is_its_request(nlp):
    r = run(nlp, "The UN Security Council will hold an emergency meeting on Friday at the "
                 "request of Mongolia.")
    req = _one(r, "Request")
    assert names(r, req.roles["agent"]) == {"Mongolia"}
    assert names(r, req.roles["addressee"]) == {"UN Security Council"}
    assert any("emergency meeting" in t for t in _texts(req.roles["theme"]))


def test_a_request_for_assistance_from_a_government(nlp):
    r = run(nlp, "New Zealand will send 50 police officers to Tonga, following a formal "
                 "request for assistance from the Government of Tonga.")
    req = _one(r, "Request")
    assert names(r, req.roles["agent"]) == {"Government of Tonga"}
    assert names(r, req.roles["addressee"]) == {"New Zealand"}
    assert _texts(req.roles["theme"]) == ["assistance"]


def test_a_demand_keeps_its_deadline(nlp):
    r = run(nlp, "The Farmers Union has demanded a referendum by the end of the year.")
    req = _one(r, "Request")
    assert "referendum by the end of the year" in _texts(req.roles["theme"])[0]


def test_the_president_appeals_to_each_addressee(nlp):
    r = run(nlp, "The President appeals to the private sector and the churches to support "
                 "the relief effort.")
    req = _one(r, "Request")
    assert set(_texts(req.roles["addressee"])) == {"private sector", "churches"}
    assert _texts(req.roles["agent"]) == ["President"]


def test_people_by_role_call_for_a_rally(nlp):
    r = run(nlp, "Organisers have called for a new march on Saturday.")
    req = _one(r, "Request")
    assert _texts(req.roles["agent"]) == ["Organisers"]
    assert "addressee" not in req.roles


def test_the_one_invited_is_the_addressee_of_a_passive(nlp):
    r = run(nlp, "No representative of the Farmers Union was invited to the talks.")
    req = _one(r, "Request")
    assert names(r, req.roles["addressee"]) == {"Farmers Union"}
    assert "agent" not in req.roles


def test_a_quoted_appeal_is_the_speakers(nlp):
    r = run(nlp, "\"We urge everyone to stay calm,\" Governor Rosa Quispe said.")
    req = _one(r, "Request")
    assert names(r, req.roles["agent"]) == {"Rosa Quispe"}


# --- accusations ------------------------------------------------------------------------
def test_accused_of_gives_agent_theme_and_cause(nlp):
    r = run(nlp, "The Chadian army accused the rebels of shelling the market in Abeche.")
    acc = _one(r, "Accusation")
    assert _texts(acc.roles["theme"]) == ["rebels"]
    assert "shelling the market" in acc.roles["cause"][0]


def test_each_other_is_one_accusation_each_way(nlp):
    r = run(nlp, "Chad and Sudan accused each other of starting the fighting on the border.")
    pairs = {(next(iter(names(r, f.roles["agent"]))), next(iter(names(r, f.roles["theme"]))))
             for f in facts_of(r, "Accusation")}
    assert pairs == {("Chad", "Sudan"), ("Sudan", "Chad")}


def test_blaming_someone_for_something(nlp):
    r = run(nlp, "Governor Elena Vargas blamed \"outside agitators\" for the fires.")
    acc = _one(r, "Accusation")
    assert _texts(acc.roles["theme"]) == ["outside agitators"]
    assert acc.roles["cause"] == ["the fires"]


def test_blaming_a_thing_accuses_nobody(nlp):
    r = run(nlp, "Residents blame the delays on a payroll error.")
    assert facts_of(r, "Accusation") == []


def test_a_request_a_day_before_a_dated_arrival_is_dated(nlp):
    r = run(nlp, "The first advisers arrived in Suva on Sunday night, a day after the Fijian "
                 "government asked Wellington for help restoring order.")
    req = _one(r, "Request")
    assert [t.value for t in req.roles["date"]] == ["2023-03-11"]  # Sunday 12 March - 1


def test_an_accusation_is_dated_by_its_report_not_by_the_deed(nlp):
    r = run(nlp, "Laos's Defence Ministry accused the Thai air force of bombing its posts on "
                 "Monday, ministry spokeswoman Vanna Phommavong told reporters on Tuesday.")
    acc = _one(r, "Accusation")
    assert [t.value for t in acc.roles["date"]] == ["2023-03-14"]
    assert "bombing its posts on Monday" in acc.roles["cause"][0]
