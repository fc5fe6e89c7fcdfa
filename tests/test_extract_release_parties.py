"""The extractor's rules for travelling parties in real government releases: who is in the party, what 'they' and
'the delegation' refer to, titles with honorifics and long portfolios, places the NER reads as people, and meetings
with a party's own people, each on a text written for the rule (not taken from the labelled releases)."""
from __future__ import annotations

import pytest

from tests.extraction_cases import pairs as _pairs, release as _release, visitors as _visitors

pytestmark = pytest.mark.xdist_group("spacy")  # one model load per worker

_PARTY = ("This week, Assistant to the President for Homeland Security Dr. Maria Lopez, and Assistant Secretary of "
          "Defense for Special Operations and Low-Intensity Conflict John Doe traveled to Ghana, Togo, and Niger. ")


def _people(events) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.title, p.country) for e in events for p in e.participants}


def test_an_honorific_between_a_title_and_a_name_leaves_the_title_whole():
    people = _people(_release(_PARTY, published="2021-10-30"))
    assert people["Maria Lopez"] == ("Assistant to the President for Homeland Security", "USA")


def test_a_portfolio_with_and_in_it_is_one_title_and_one_list_of_travellers():
    events = _release(_PARTY, published="2021-10-30")
    assert "Operations" not in _people(events)
    assert {("Maria Lopez", "NER"), ("John Doe", "NER"), ("Maria Lopez", "GHA")} <= _visitors(events)


def test_they_and_the_delegation_are_the_party_of_the_trip_reported():
    events = _release(_PARTY + "In West Africa, the delegation travelled to Niger. In Niamey, they met with "
                      "Nigerien President Bazoum to discuss security cooperation.", published="2021-10-30")
    assert {frozenset(("Maria Lopez", "Bazoum")), frozenset(("John Doe", "Bazoum"))} <= _pairs(events)


def test_meeting_the_partys_own_forces_is_no_engagement():
    events = _release(_PARTY + "In Ghana, Dr. Lopez and Mr. Doe met with U.S. forces who train local partners.",
                      published="2021-10-30")
    assert [e for e in events if e.kind == "meeting"] == []


def test_a_title_inside_a_person_entity_is_the_title():
    people = _people(_release("NSC Spokesperson Adrienne Watson said that Secretary Blinken met Foreign Minister "
                              "Kuleba in Kyiv today.", published="2022-05-20"))
    assert "Adrienne Watson" not in people or people["Adrienne Watson"][0] == "NSC Spokesperson"
    assert "NSC Spokesperson Adrienne Watson" not in people


def test_a_city_the_ner_tags_as_a_nationality_is_still_the_place():
    events = _release("Principal Deputy National Security Advisor Jon Finer traveled to Tunis and met today with "
                      "President Kais Saied of Tunisia.", published="2021-08-13")
    assert ("Jon Finer", "TUN") in _visitors(events)
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert (meeting.city, meeting.country) == ("Tunis", "TUN")


def test_a_welcome_led_by_the_hosts_makes_them_no_guests():
    events = _release("Secretary Blinken touched down in Abuja on Tuesday, where a brief welcome was led by George "
                      "Akume, the Secretary to the Government of the Federation.", published="2024-01-23")
    assert [(name.split()[-1], country) for name, country in _visitors(events)] == [("Blinken", "NGA")]
