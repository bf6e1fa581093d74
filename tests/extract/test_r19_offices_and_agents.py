"""Round 19 (communication, offices): offices of a state or province, and bodies named
after a word that says what they are, pinned on sentences written for the purpose."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _owners(r, holder: str) -> set[str]:
    return {o for f in facts_of(r, "Position") if names(r, f.roles["holder"]) == {holder}
            for o in names(r, f.roles.get("organization"))}


# --- an office of a state or province belongs to the region, not the country ---------------
def test_a_premier_with_no_owner_is_the_premier_of_the_region_the_text_is_about(nlp):
    r = run(nlp, "Floods cut roads across Copperbelt Province on Monday. Schools in "
                 "Copperbelt Province stayed shut in Zambia. Premier Mwila Banda declared "
                 "a state of emergency.")
    assert _owners(r, "Mwila Banda") == {"Copperbelt Province"}


def test_a_chief_minister_in_a_sentence_naming_one_region_is_its_chief_minister(nlp):
    r = run(nlp, "Benin's health ministry said the outbreak was contained. In Borgou, "
                 "Chief Minister Sika Dossou ordered schools closed.")
    assert _owners(r, "Sika Dossou") == {"Borgou"}


def test_a_premier_whose_title_says_his_region_by_its_adjective_is_its_premier(nlp):
    r = run(nlp, "Floods hit the department of Borgou in Benin on Monday. Borgou closed its "
                 "schools. The Borgouan Premier, Sika Dossou, asked Cotonou for help.")
    assert _owners(r, "Sika Dossou") == {"Borgou"}


def test_a_chief_minister_chairing_a_meeting_in_a_passive_is_the_regions(nlp):
    r = run(nlp, "Cholera spread in Luapula Province this week, and Luapula Province closed "
                 "its markets. At a meeting chaired by Chief Minister Mwila Banda, the "
                 "cabinet approved funds for Zambia's health workers.")
    assert _owners(r, "Mwila Banda") == {"Luapula Province"}


def test_a_premier_with_no_region_named_stays_the_countrys(nlp):
    r = run(nlp, "In Riga, Premier Lukas Ozols said Latvia would send aid.")
    assert _owners(r, "Lukas Ozols") == {"Latvia"}


def test_a_national_minister_is_not_moved_to_the_region(nlp):
    r = run(nlp, "Floods cut roads across Copperbelt Province on Monday. Schools in "
                 "Copperbelt Province stayed shut. In Lusaka, Interior Minister Mwila Banda "
                 "said Zambia would send troops.")
    assert "Copperbelt Province" not in _owners(r, "Mwila Banda")
