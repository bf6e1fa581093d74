"""Offices of a province, county or governorate (r21b-positions), on invented sentences set
in Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica, Botswana and Vietnam: a
governor's, senator's or regent's office named by the bare name of a unit that the text
also names with its kind ("X Province", "X County") is the unit's, not the city's of that
name (kg/extract/office_regions.py)."""

from __future__ import annotations

from kg.records import Mention
from tests.extract.event_helpers import facts_of, names, run


def _owners(result, holder: str) -> set[str]:
    out: set[str] = set()
    for f in facts_of(result, "Position"):
        h = (f.roles.get("holder") or [None])[0]
        if isinstance(h, Mention) and holder in h.text:
            out |= names(result, f.roles.get("organization"))
    return out


def test_a_governor_before_the_name_of_a_province_and_its_city(nlp):
    r = run(nlp, "Hanoi, 4 May 2026. Floods cut roads across Lao Cai Province on Monday. "
                 "Lao Cai Governor Tran Van Binh said 12 people had died in the city of "
                 "Lao Cai and in the villages around it. Vietnam sent soldiers.")
    owners = _owners(r, "Tran Van Binh")
    assert owners and all("Province" in o for o in owners), owners


def test_the_governor_of_a_place_the_text_names_as_a_province(nlp):
    r = run(nlp, "Lusaka, 4 May 2026. Cholera has spread through Kasama and the rest of "
                 "Northern Province, the health ministry said. The governor of Kasama, "
                 "Mwila Chanda, closed the markets of Kasama on Tuesday. Kasama Province "
                 "has 40 cases.")
    owners = _owners(r, "Mwila Chanda")
    assert owners and all("Province" in o for o in owners), owners


def test_a_senator_of_a_county_named_after_its_town(nlp):
    r = run(nlp, "Kingston, 4 May 2026. Police said the fire began in a warehouse in "
                 "Mandeville, in Manchester County, late on Monday. Manchester Senator "
                 "Delroy Whyte-Palmer called for an inquiry into the fire service.")
    owners = _owners(r, "Whyte-Palmer")
    assert owners and all("County" in o for o in owners), owners


def test_a_regional_governor_named_with_the_level_adjective(nlp):
    r = run(nlp, "Gaborone, 4 May 2026. Floods displaced 3,000 people in the Chobe Region "
                 "this week. Chobe Regional Governor Neo Kgosietsile said two people had "
                 "drowned near Kasane. Botswana asked for help.")
    owners = _owners(r, "Kgosietsile")
    assert owners and all("Region" in o for o in owners), owners


def test_a_mayor_stays_the_citys(nlp):
    # a city's office: the unit of the same name does not take it
    r = run(nlp, "Riga, 4 May 2026. Storms hit Daugavpils and the rest of Daugavpils "
                 "County overnight. Daugavpils Mayor Ilze Kalnina said the city's schools "
                 "would stay shut. Latvia sent engineers.")
    assert not any("County" in o for o in _owners(r, "Kalnina"))


def test_no_unit_named_with_its_kind_leaves_the_owner(nlp):
    r = run(nlp, "Doha, 4 May 2026. Al Khor Governor Hamad Al-Marri said the storm had "
                 "flooded two roads in Al Khor. Qatar closed schools.")
    assert not any("Province" in o or "County" in o for o in _owners(r, "Al-Marri"))
