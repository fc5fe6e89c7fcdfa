"""The extractor's rules for the lists in real releases and the meetings they complete: closing rosters, 'the
meeting included …' after the sentence that placed it, and where such a meeting was; each on a text written for the
rule (not taken from the labelled releases)."""
from __future__ import annotations

import pytest

from tests.extraction_cases import events_of as _events, pairs as _pairs, release as _release, visitors as _visitors

pytestmark = pytest.mark.xdist_group("spacy")  # one model load per worker


_ROSTER = ("Readout of the Vice President’s Meeting with Caribbean Leaders\n\n"
           "Special Envoy Jane Roe met virtually today with 3 leaders representing Caribbean nations.\n\n"
           "On security, the Special Envoy announced support through the Caribbean Basin Security Initiative (CBSI).\n\n"
           "The Leaders that participated:\n\n"
           "Prime Minister Mia Mottley of Barbados\n\n"
           "Prime Minister Timothy Harris of Saint Kitts and Nevis\n\n"
           "President Chan Santokhi of Suriname")


def test_a_closing_roster_of_foreign_leaders_completes_the_engagement_the_lead_reported():
    events = _release(_ROSTER, published="2022-04-29", titled=True)
    (call,) = [e for e in events if e.kind != "visit"]
    assert call.kind == "call"  # met virtually: nobody travelled
    assert {(p.name, p.country) for p in call.participants} >= {
        ("Jane Roe", "USA"), ("Mia Mottley", "BRB"), ("Timothy Harris", "KNA"), ("Chan Santokhi", "SUR")}
    assert "Caribbean Basin Security Initiative (CBSI)" in call.initiatives
    assert not _visitors(events)


def test_a_domestic_roster_joins_nothing():
    events = _release("Today, Domestic Policy Advisor Jane Roe met with members of the Congressional Black Caucus to "
                      "discuss aid to Haiti.\n\nParticipants included:\n\nCongresswoman Ann Poe (OH-03), Chair of the "
                      "Congressional Black Caucus\n\nCongressman Bill Kerr (NY-05)\n\nGeorgia State Senator Nan Orr",
                      published="2021-09-22")
    assert not [e for e in events if e.kind != "visit"]
    assert not any(p.country == "GEO" for e in events for p in e.participants)  # a state senator of Georgia, USA


def test_a_visit_with_someone_is_a_meeting():
    events = _events(" ".join(["Vice President Jane Roe arrived in Abu Dhabi today.",
                               "In her visit with President Mohammed bin Zayed Al Nahyan, the Vice President conveyed "
                               "condolences."]), published="2022-05-16")
    assert frozenset(("Jane Roe", "Mohammed bin Zayed Al Nahyan")) in _pairs(events)


def test_a_call_with_a_group_is_completed_by_the_leaders_joining_it():
    text = ("Call with the Leaders of the Eastern Flank\n\nPresident Jane Roe spoke today with the Bucharest Nine (B9) "
            "group of NATO Allies. The leaders discussed security and the need for dialogue.\n\nJoining the call were "
            "the following leaders:\n\nBulgarian President Rumen Radev\n\nPolish President Andrzej Duda")
    (call,) = [e for e in _release(text, published="2021-12-09", titled=True) if e.kind != "visit"]
    assert call.kind == "call" and call.country is None
    assert {p.name for p in call.participants} >= {"Jane Roe", "Rumen Radev", "Andrzej Duda"}


def test_the_meeting_a_next_sentence_lists_is_where_the_first_one_put_it():
    events = _release("Vice President Jane Roe convened leaders today on the margins of the Leaders Meeting in Bangkok, "
                      "Thailand. In addition to the Vice President, the meeting included: Prime Minister Jacinda "
                      "Ardern of New Zealand and Prime Minister Justin Trudeau of Canada.", published="2022-11-18")
    assert frozenset(("Jane Roe", "Jacinda Ardern")) in _pairs(events)
    assert {("Jacinda Ardern", "THA"), ("Justin Trudeau", "THA")} <= _visitors(events)


def test_a_country_a_meeting_was_held_to_speak_of_is_not_where_it_was():
    events = _release("Vice President Jane Roe met today with activist Mary Major to express her support for the women "
                      "leading protests in Iran.", published="2022-10-14")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert meeting.country is None and not _visitors(events)


@pytest.mark.parametrize("listing", [
    "Participating in the call were Prime Minister Mary Major of Canada and Chancellor Hans Weber of Germany.",
    "Also taking part in today’s call was Prime Minister Mary Major of Canada, with Chancellor Hans Weber of Germany.",
    "Participants included Prime Minister Mary Major of Canada and Chancellor Hans Weber of Germany.",
])
def test_a_sentence_naming_who_took_part_completes_the_call_just_reported(listing):
    text = (f"President Joe Biden joined a call with G7 leaders today to discuss support for Ukraine. {listing}")
    (call,) = [e for e in _release(text, published="2024-02-10") if e.kind != "visit"]
    assert call.kind == "call"
    assert {(p.name, p.country) for p in call.participants} == {
        ("Joe Biden", "USA"), ("Mary Major", "CAN"), ("Hans Weber", "DEU")}


def test_a_roster_heading_may_end_the_paragraph_that_reports_the_call():
    text = ("Readout of the Vice President’s Call with Caribbean Leaders\n\n"
            "Vice President Kamala Harris convened a virtual meeting today with leaders of the Caribbean on energy security. "
            "The Vice President was joined by the following leaders:\n\n"
            "Prime Minister Mia Mottley of Barbados\n\nPresident Irfaan Ali of Guyana")
    (call,) = [e for e in _release(text, published="2023-06-02", titled=True) if e.kind != "visit"]
    assert {(p.name, p.country) for p in call.participants} == {
        ("Kamala Harris", "USA"), ("Mia Mottley", "BRB"), ("Irfaan Ali", "GUY")}


def test_people_who_joined_them_were_at_the_meeting_and_nobody_visits_home():
    events = _release("President Joe Biden met today with Crown Prince Mohammed bin Salman of Saudi Arabia in New "
                      "Delhi, India. They were joined by Prime Minister Narendra Modi of India.", published="2023-09-09")
    (meeting,) = [e for e in events if e.kind != "visit"]
    assert {p.name for p in meeting.participants} == {"Joe Biden", "Mohammed bin Salman", "Narendra Modi"}
    assert ("Narendra Modi", "IND") not in _visitors(events)
    assert {("Joe Biden", "IND"), ("Mohammed bin Salman", "IND")} <= _visitors(events)


def test_a_convened_forum_is_completed_by_a_roster_whose_lines_end_with_each_state():
    text = ("Readout of President Biden’s Meeting of the Major Economies Forum\n\n"
            "Today, President Joe Biden convened the U.S.-led Major Economies Forum on Energy and Climate, with just 44 "
            "days left to the UN Climate Change Conference of the Parties (COP26) in Glasgow.\n\n"
            "Participants included:\n\n"
            "President Alberto Fernandez, Argentine Republic\n\n"
            "Prime Minister Scott Morrison, Commonwealth of Australia\n\n"
            "President Charles Michel, European Council\n\n"
            "Special Presidential Envoy for Climate Change Ruslan Edelgeriyev, Russian Federation")
    (summit,) = [e for e in _release(text, published="2021-09-17", titled=True) if e.kind != "visit"]
    assert summit.kind == "summit" and summit.country is None  # Glasgow is where COP26 was to be
    assert {(p.name, p.country) for p in summit.participants} == {
        ("Joe Biden", "USA"), ("Alberto Fernandez", "ARG"), ("Scott Morrison", "AUS"), ("Charles Michel", "EUU"),
        ("Ruslan Edelgeriyev", "RUS")}
