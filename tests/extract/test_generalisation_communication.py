"""Communication and political events (issue 15): rules fixed against the dev split, each
pinned on sentences written for the purpose with other names and countries."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- Order: "ordered X onto the streets / out of Y / to the highest alert" -----------------
def test_an_order_sending_troops_out_of_a_country(nlp):
    r = run(nlp, "The junta in Bamako ordered all Danish and Swedish troops out of Mali "
                 "in March.")
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["addressee"]) == {"Danish and Swedish troops"}
    assert names(r, order.roles["theme"]) == {"out of Mali"}
    assert not [e for e in r.entities if e.name == "Danish and Swedish troops"]


def test_an_order_sending_soldiers_onto_the_streets(nlp):
    r = run(nlp, "Prime Minister Lemba Tshala ordered soldiers onto the streets of Kinshasa "
                 "on Sunday.")
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["agent"]) == {"Lemba Tshala"}
    assert names(r, order.roles["addressee"]) == {"soldiers"}
    assert names(r, order.roles["theme"]) == {"onto the streets of Kinshasa"}


def test_an_order_putting_a_named_force_on_alert(nlp):
    r = run(nlp, "President Ivan Petrov ordered the Bulgarian Armed Forces to the highest "
                 "level of combat readiness.")
    (order,) = facts_of(r, "Order")
    assert "to the highest level of combat readiness" in names(r, order.roles["theme"])
    assert order.roles.get("addressee")
    assert not any("Armed Forces" in t for t in names(r, order.roles["theme"]))


def test_an_order_with_a_clause_keeps_its_addressee_and_theme(nlp):
    r = run(nlp, "The governor ordered the police to clear the roads near Tamale.")
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["addressee"]) == {"police"}
    assert names(r, order.roles["theme"]) == {"clear the roads near Tamale"}


# --- Statement: a claim rejected in a relative clause -------------------------------------
def test_a_claim_rejected_in_an_apposition_is_the_rejecters_statement(nlp):
    r = run(nlp, "Uzbek officials said Kazakh losses were much higher, a claim Astana "
                 "rejected.")
    rejecting = [s for s in facts_of(r, "Statement")
                 if names(r, s.roles["speaker"]) == {"Astana"}]
    assert rejecting, [s.roles for s in facts_of(r, "Statement")]
    gist = rejecting[0].roles["gist"][0]
    assert "claim" in gist and "losses were much higher" in gist


def test_which_the_ministry_denied_says_what_it_denied(nlp):
    r = run(nlp, "The opposition said the commanders of the navy had agreed to join the "
                 "plotters, which the defence ministry denied.")
    denials = [s for s in facts_of(r, "Statement") if s.roles.get("cue") == ["deny"]]
    assert denials
    assert "agreed to join the plotters" in denials[0].roles["gist"][0]


def test_a_plain_rejection_is_no_statement_of_a_claim(nlp):
    r = run(nlp, "The court rejected the appeal, which the lawyers had filed in May.")
    assert not [s for s in facts_of(r, "Statement") if s.roles.get("cue") == ["reject"]]


# --- Request: "demanded that X do Y", "demanded that Y be done" -----------------------------
def test_demanded_that_a_country_do_something_names_the_one_asked(nlp):
    r = run(nlp, "Ankara has demanded that Greece remove from its islands the weapons "
                 "deployed last year.")
    (request,) = facts_of(r, "Request")
    assert names(r, request.roles["addressee"]) == {"Greece"}
    assert names(r, request.roles["theme"]) == {
        "remove from its islands the weapons deployed last year"}


def test_demanded_that_something_be_done_asks_no_one(nlp):
    r = run(nlp, "The minister will meet farmers' leaders, who have demanded that the "
                 "fuel tax be scrapped.")
    (request,) = facts_of(r, "Request")
    assert "addressee" not in request.roles
    assert names(r, request.roles["theme"]) == {"the fuel tax be scrapped"}


# --- Meeting: sessions, talks with a counterpart or with creditors including A and B -----
def test_a_session_of_the_cabinet_chaired_by_the_president(nlp):
    r = run(nlp, "President Amina Yusuf chaired an emergency session of the cabinet on "
                 "Friday.")
    (meeting,) = facts_of(r, "Meeting")
    assert names(r, meeting.roles["agent"]) == {"Amina Yusuf"}
    assert names(r, meeting.roles["participant"]) == {"cabinet", "Amina Yusuf"}  # chair too


def test_talks_with_a_counterpart_named_in_apposition(nlp):
    r = run(nlp, "Foreign Minister Ana Lopes held talks with her Indian counterpart, Sunil "
                 "Rao, in Delhi.")
    (meeting,) = facts_of(r, "Meeting")
    assert names(r, meeting.roles["agent"]) == {"Ana Lopes"}
    assert names(r, meeting.roles["participant"]) == {"Sunil Rao", "Ana Lopes"}  # host too


def test_talks_with_creditors_including_named_countries(nlp):
    r = run(nlp, "Kenya will commence formal talks with its creditors, including Japan and "
                 "China, on Friday.")
    (meeting,) = facts_of(r, "Meeting")
    assert names(r, meeting.roles["agent"]) == {"Kenya"}
    assert names(r, meeting.roles["participant"]) == {"Japan", "China", "Kenya"}  # host too
    assert meeting.factuality == "future"


def test_a_meeting_of_ministers_is_the_ministers_not_their_bloc(nlp):
    r = run(nlp, "Latvia would propose at the next meeting of EU foreign ministers that the "
                 "bloc impose travel bans.")
    (meeting,) = facts_of(r, "Meeting")
    assert names(r, meeting.roles["participant"]) == {"EU foreign ministers"}


def test_an_envoy_named_in_apposition_holds_the_talks(nlp):
    # the parser hangs the name on the noun of the for-phrase
    r = run(nlp, "The AU's special envoy for the peace process, Jean Dupont, held talks in "
                 "Addis Ababa on Tuesday with Sudan's chief negotiator, Amadou Traore.")
    (meeting,) = facts_of(r, "Meeting")
    assert names(r, meeting.roles["agent"]) == {"Jean Dupont"}


# --- Decision: a measure or declarable named by an of-phrase -------------------------------
def test_revoking_the_state_of_emergency_is_a_decision(nlp):
    r = run(nlp, "President Ana Duarte has revoked the state of emergency declared in "
                 "Maputo last week.")
    (decision,) = facts_of(r, "Decision")
    assert names(r, decision.roles["agent"]) == {"Ana Duarte"}
    assert names(r, decision.roles["theme"]) == {"state of emergency"}


def test_declaring_days_of_mourning_is_a_decision(nlp):
    r = run(nlp, "The government in Lusaka declared seven days of national mourning.")
    (decision,) = facts_of(r, "Decision")
    assert "days of national mourning" in names(r, decision.roles["theme"])


def test_a_wall_of_water_is_no_aid(nlp):
    # the of-phrase decides the kind only after heads like "state", "days", "round"
    r = run(nlp, "A wall of water swept through Beira, and the Red Cross sent a wall of "
                 "sandbags to the port.")
    assert not [f for f in facts_of(r, "Aid") if "wall" in " ".join(
        names(r, f.roles.get("theme", [])))]


# --- Request: a request told before the clause; "at the request of X" with nothing done ----
def test_a_request_following_which_troops_will_deploy_has_happened(nlp):
    r = run(nlp, "New Zealand will deploy police officers to Fiji, following a formal "
                 "request for assistance from the Government of Fiji.")
    (request,) = facts_of(r, "Request")
    assert request.factuality is None               # asserted: the request was made
    assert names(r, request.roles["agent"]) == {"Government of Fiji"}
    (deployment,) = facts_of(r, "Deployment")
    assert deployment.factuality == "future"


def test_being_somewhere_at_the_request_of_a_government_is_no_request(nlp):
    r = run(nlp, "\"We are here at the request of the Malian government, and we will "
                 "remain,\" the commander said.")
    assert not facts_of(r, "Request")


def test_a_session_called_at_the_request_of_a_country(nlp):
    r = run(nlp, "The session had been called at the request of Norway.")
    (request,) = facts_of(r, "Request")
    assert names(r, request.roles["agent"]) == {"Norway"}
    assert names(r, request.roles["theme"]) == {"session called"}


# --- Agreement: "the sides agreed", "the agreement X signed in 2018" -------------------------
def test_the_sides_that_agree_are_the_two_named_before(nlp):
    r = run(nlp, "Ethiopia and Eritrea accused each other of shelling. Foreign ministers "
                 "Abiy Tesfaye and Osman Saleh spoke by phone. The sides also agreed to a "
                 "ceasefire from midnight.")
    (agreement,) = facts_of(r, "Agreement")
    assert names(r, agreement.roles["participant"]) == {"Ethiopia", "Eritrea"}


def test_an_agreement_named_before_the_clause_that_signed_it(nlp):
    r = run(nlp, "Ghana's 300 soldiers serve under a training agreement Accra signed with "
                 "Paris in 2018.")
    (agreement,) = facts_of(r, "Agreement")
    assert names(r, agreement.roles["theme"]) == {"training agreement"}
    assert names(r, agreement.roles["participant"]) == {"Accra"}


def test_rejecting_a_claim_is_no_rejection(nlp):
    r = run(nlp, "Kazakh officials said Uzbek losses were much higher, a claim Tashkent "
                 "rejected.")
    assert not facts_of(r, "Rejection")


# --- Statement: "said on Wednesday she would ...": the day dates the saying -----------------
def test_the_day_after_the_verb_of_saying_is_not_in_the_gist(nlp):
    r = run(nlp, "President Maia Beridze said on Monday she would veto the bill.")
    (statement,) = facts_of(r, "Statement")
    assert statement.roles["gist"] == ["she would veto the bill"]
    assert [d.value for d in statement.roles["date"]] == ["2023-03-13"]


def test_a_session_told_in_passing_is_no_meeting(nlp):
    r = run(nlp, "The member states do not plan to adopt any documents following the "
                 "extraordinary session of the SADC council on Monday.")
    assert not facts_of(r, "Meeting")


# --- Statement: a second source's figure restates the count just given ----------------------
def test_a_second_figure_restates_what_was_counted(nlp):
    r = run(nlp, "The Malian police said 117 prisoners escaped; the Ministry of Justice put "
                 "the figure at 163.")
    (ministry,) = [s for s in facts_of(r, "Statement") if s.roles.get("cue") == ["put"]]
    assert ministry.roles["gist"] == ["163 prisoners escaped"]


def test_a_figure_in_a_while_clause_restates_the_estimate_before_it(nlp):
    r = run(nlp, "Western diplomats estimate that about 2,000 Russian personnel are deployed "
                 "in Chad, while a Chadian security source put the figure at fewer than "
                 "1,000.")
    (source,) = [s for s in facts_of(r, "Statement") if s.roles.get("cue") == ["put"]]
    assert source.roles["gist"] == ["fewer than 1,000 Russian personnel are deployed in Chad"]


def test_a_figure_that_says_what_it_counts_keeps_its_words(nlp):
    r = run(nlp, "The provincial government put the number of dead in the province at 26.")
    (statement,) = facts_of(r, "Statement")
    assert statement.roles["gist"] == ["put the number of dead in the province at 26"]
