"""Communication shapes of round 20, read from the errors of the moved texts and checked on
dev:

- the one asked named by a from-phrase: "requested assistance from the Government of X",
  "sought support from the regional agency", "demanded a ransom from the owner",
  "assistance was requested from X", "seeks help from X" (a headline): the named body,
  person or country is the addressee, and what is asked is the object without the
  from-phrase (kg/extract/requests.py ``_asked_from``); "the Governments of X and Y" are
  the two countries; a town the thing comes from is no one asked;
- what a for-phrase asks for is all of it: the list ("asked X for boats, aircraft and
  engineers"), a second for-phrase ("for a helicopter and for engineers to inspect the
  harbours"), the rest of a list the parser made a second object, and the infinitive of
  what it is for ("for funds to cover the cost", "for boats to help reach families")
  (kg/extract/asked.py ``asked_for``);
- people named by what they are or do speak as text: firefighters, paramedics, elders, a
  husband or wife, herders, miners ("firefighters said", "her husband told the paper",
  "local elders reached by telephone told X", "herders gave a different account, saying
  ..."); not lawmakers ("the 58-year-old lawmaker" is the member the text named)
  (kg/rules/events/statements.yaml ``speakers.people``);
- an airline suspending its flights, or a state suspending imports, exports or trade, is
  no Sanction (the guide types them a Decision, Closure or Ban); suspended aid, licences,
  visas and memberships stay Sanctions (kg/rules/events/lexicon.yaml ``sanctionables``);
- "seek" asks others only for help, support, a loan, an inquiry and the like ("will seek
  a parliamentary inquiry"); "seek a third term", "seek talks", "sought to calm", "seek
  damages from X" ask no one (kg/rules/events/lexicon.yaml ``sought_requests``).

Sentences invented, set in Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica,
Botswana and Vietnam.
"""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import facts_of, names, requests_of, run


@pytest.mark.parametrize(("text", "addressee", "theme_word"), [
    # active, the from-phrase on the object
    ("The Government of Zambia has requested assistance from the Government of Botswana "
     "for additional firefighting foam.", {"Government of Botswana"}, "foam"),
    # a body with a long name
    ("The Government of Palau has also sought support from the Pacific Islands Forum.",
     {"Pacific Islands Forum"}, "support"),
    # demanded ... from a person
    ("The kidnappers demanded a ransom of $2 million from Jamaica Shipping Ltd.",
     {"Jamaica Shipping Ltd."}, "ransom"),
    # the governments of two countries
    ("The Prime Minister of Nauru formally requested assistance from the Governments of "
     "Qatar and Latvia on Monday evening.", {"Qatar", "Latvia"}, "assistance"),
    # headline form
    ("Zambia seeks help from Botswana", {"Botswana"}, "help"),
    # participle clause
    ("Benin declared an emergency on Monday, requesting aid from Qatar.", {"Qatar"}, "aid"),
    # relative clause
    ("The aid that Benin requested from Qatar arrived on Friday.", {"Qatar"}, "aid"),
])
def test_the_one_asked_named_by_a_from_phrase(nlp, text, addressee, theme_word):
    found = requests_of(run(nlp, text))
    assert any(who == addressee and any(theme_word in t and " from " not in t for t in what)
               for who, what, _agent in found), found


def test_passive_request_from_a_named_giver(nlp):
    found = requests_of(run(nlp, "Assistance was requested from the Government of Estonia "
                               "after the storm."))
    assert any(who == {"Government of Estonia"} and any("ssistance" in t for t in what)
               for who, what, _a in found), found


def test_a_town_the_thing_comes_from_is_no_one_asked(nlp):
    found = requests_of(run(nlp, "The Prime Minister of Palau requested an emergency shipment "
                               "of diesel from Francistown."))
    assert found and all("Francistown" not in who for who, _w, _a in found), found


@pytest.mark.parametrize("text", [
    "The party will also seek a parliamentary inquiry into the subsidy decision in Jamaica.",
    "The government of Vietnam is likely to seek a new loan before the end of the year.",
])
def test_seek_asks_for_help_or_an_inquiry(nlp, text):
    assert requests_of(run(nlp, text))


@pytest.mark.parametrize("text", [
    "President Ilze Berzina of Latvia will seek a third term in the spring election.",
    "The economy ministry of Estonia said it would seek talks with Qatar on the tariffs.",
    "Residents of Gaborone should seek medical care at once in case of fever.",
    "The shipyard in Vietnam said it would seek damages from the union.",
    "The governor of Benin sought to calm the protesters on Friday.",
])
def test_seek_without_anyone_asked_is_no_request(nlp, text):
    assert not requests_of(run(nlp, text))


@pytest.mark.parametrize(("text", "words"), [
    # a list of things, with what they are for
    ("The governor asked the federal government in Gaborone for boats, aircraft and "
     "engineers to help reach families stranded on rooftops.",
     ["boats", "aircraft", "engineers", "families"]),
    # a second for-phrase (reported clause)
    ("Prime Minister Ana Tuilagi said she had asked Qatar for a second helicopter and for "
     "engineers to inspect damaged harbours.", ["helicopter", "engineers", "harbours"]),
    # the infinitive hung on the noun
    ("The Ministry of Health of Jamaica has also asked the World Bank for funds to cover "
     "the cost of vector control.", ["funds", "cover", "vector"]),
    # the rest of the list read as a second object
    ("He said the government of Latvia had asked the European Union for helicopters "
     "capable of flying at night, temporary bridges and high-capacity pumps.",
     ["helicopters", "bridges", "pumps"]),
])
def test_what_a_for_phrase_asks_for_is_all_of_it(nlp, text, words):
    found = requests_of(run(nlp, text))
    assert any(all(any(w in t for t in what) for w in words) for _who, what, _a in found), \
        found


def test_a_single_thing_asked_for_stays_as_it_was(nlp):
    found = requests_of(run(nlp, "Botswana asked Zambia for help on Monday."))
    assert any(what == {"help"} for _who, what, _a in found), found


def _speakers(result):
    return {s for f in facts_of(result, "Statement") for s in names(result, f.roles.get("speaker"))}


@pytest.mark.parametrize(("text", "speaker"), [
    ("Two of the people reported missing in Benin were in the car, firefighters said.",
     "firefighters"),
    ("The journalist Ana Mbewe was taken from her home in Lusaka early on Friday, her "
     "husband told the Zambia Daily Mail.", "her husband"),
    ("Local elders reached by telephone told the Botswana Guardian that at least 19 people "
     "had been killed.", "Local elders"),
    ("Herders in Botswana gave a different account, saying that the cattle had died of "
     "thirst.", "Herders in Botswana"),
    ("According to paramedics, three people in Palau were taken to hospital.", "paramedics"),
])
def test_people_named_by_what_they_are_speak(nlp, text, speaker):
    assert speaker in _speakers(run(nlp, text))


@pytest.mark.parametrize("text", [
    "Air Botswana said it had suspended its flights to Lusaka until further notice.",
    "The United States suspended imports of shrimp landed in Vietnamese ports.",
    "Imports of beef from Botswana were suspended by Qatar on Friday.",
    "Latvia has suspended all trade with the breakaway region, the ministry said.",
    "Jamaica's decision to suspend exports of sugar to Estonia angered farmers.",
])
def test_suspended_flights_or_trade_are_no_sanction(nlp, text):
    assert facts_of(run(nlp, text), "Sanction") == []


@pytest.mark.parametrize("text", [
    "The European Union suspended budget support to Benin on Monday.",
    "The regulator suspended the licence of Palau Trust Limited with immediate effect.",
    "Budget support to Nauru was suspended by the World Bank after the coup.",
])
def test_suspended_aid_or_licences_stay_sanctions(nlp, text):
    assert facts_of(run(nlp, text), "Sanction")
