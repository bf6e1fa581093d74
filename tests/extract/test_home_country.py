"""The country a page is about (its home country) from the text, on invented releases and
sentences: the issuer's letterhead before any count of names; a foreign country the
text only asks something of or borders is no home."""

from __future__ import annotations

from tests.extract.event_helpers import located_pairs, run


def test_a_long_letterhead_line_in_capitals_keeps_the_issuers_country(nlp):
    # the ministry's name runs past eight words: still the letterhead, whose state line
    # names the home country, however often the body names the neighbour it asks
    r = run(nlp, "REPUBLIC OF BOTSWANA\n"
                 "MINISTRY OF LOCAL GOVERNMENT, LANDS, WATER AND RURAL DEVELOPMENT\n\n"
                 "PRESS RELEASE\n\n"
                 "Armed men attacked the village of Mokgatlhe on Friday night and stole "
                 "forty head of cattle, the Ministry said. The Government calls on the "
                 "authorities of Zambia to arrest the suspects, who fled to Zambia. Zambia "
                 "has not replied.")
    pairs = located_pairs(r)
    assert ("Mokgatlhe", "Botswana") in pairs
    assert ("Mokgatlhe", "Zambia") not in pairs


def test_a_government_of_line_names_the_home_country_in_any_case(nlp):
    # "Government of X" opening a letterhead line, not in capitals
    r = run(nlp, "Government of Fiji\n"
                 "Office of the Prime Minister\n\n"
                 "Media Release\n\n"
                 "Flood water cut the road to the village of Nakorovou on Monday, the "
                 "Office said. Fiji asked Tonga and Tonga's navy for two boats; Tonga sent "
                 "them on Tuesday and Tonga will send a third.")
    pairs = located_pairs(r)
    assert ("Nakorovou", "Fiji") in pairs
    assert ("Nakorovou", "Tonga") not in pairs

