"""The extractor's article-level passes (etl/extract/passes.py), each on a short text written for the pass."""
from __future__ import annotations

import pytest

from tests.extraction_cases import (countries as _countries, events_of as _events, pairs as _pairs,
    release as _release, visitors as _visitors)

pytestmark = pytest.mark.xdist_group("spacy")  # one model load per worker


def test_a_guest_spouse_travels_with_the_guest():
    events = _events("LIMA — Peruvian President Dina Boluarte and her husband received Chilean President Gabriel "
                     "Boric and his partner, Irina Karamanos, at the Government Palace on Friday.")
    assert {("Gabriel Boric", "PER"), ("Irina Karamanos", "PER")} <= _visitors(events)


def test_a_headline_trip_the_body_dates_is_the_bodys_trip_not_one_held_on_publication():
    import datetime as dt

    from etl.extract.document import parse_article
    from etl.extract.pipeline import extract_articles

    headline = "Special Envoy Lenderking's Travel to Bahrain and Kuwait"
    text = (f"{headline}.\n\nSpecial Envoy for Yemen Tim Lenderking will travel to Bahrain and Kuwait on June 3 "
            "to meet senior officials.")
    article = parse_article(text, dt.date(2022, 5, 27), headline=headline, publisher="USA")
    events = next(extract_articles([article])).events
    visits = {(e.country, e.status, e.date.iso_start()) for e in events if e.kind == "visit"}
    assert visits == {("BHR", "planned", "2022-06-03"), ("KWT", "planned", "2022-06-03")}
    assert all(any(r.startswith("pass.headline-restated") for r in e.rules) for e in events if e.kind == "visit")


def test_nobody_visits_their_own_country_and_the_city_places_the_meeting():
    events = _release("Counselor of the Department Derek Chollet met with Ukrainian Prime Minister Denys Shmyhal and "
                      "Foreign Minister Dmytro Kuleba in Kyiv on May 10.")
    visits = {(p.name, e.country) for e in events if e.kind == "visit" for p in e.participants}
    assert visits == {("Derek Chollet", "UKR")}  # 'of the Department' is his title; the Ukrainians are at home
    meeting = next(e for e in events if e.kind == "meeting")
    assert meeting.country == "UKR" and {p.country for p in meeting.participants} == {"USA", "UKR"}


def test_a_meeting_among_one_governments_officials_alone_is_domestic():
    events = _events("Readout of the Secretary's Meeting with Governors\n\nToday, President Joe Biden and Vice "
                     "President Kamala Harris met with a bipartisan group of governors to discuss wildfire response "
                     "and the coming storm season.", "2023-06-01")
    assert not [e for e in events if e.kind != "visit"]


def test_one_side_named_beside_another_country_is_still_foreign():
    events = _events("WASHINGTON — Secretary of State Antony Blinken and Homeland Security Secretary Alejandro "
                     "Mayorkas met a Mexican delegation on Tuesday to discuss migration along the border with Mexico.",
                     "2023-06-01")
    assert frozenset({"Antony Blinken", "Alejandro Mayorkas"}) in _pairs(events)


def test_two_sides_meeting_on_neutral_ground_both_travelled_there():
    events = _events("Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Jakarta on "
                     "Thursday, their first talks since February.", "2023-07-14")
    assert {("Antony Blinken", "IDN"), ("Wang Yi", "IDN")} <= _visitors(events)


def test_an_unqualified_counterpart_on_neutral_ground_is_the_articles_other_side():
    events = _events("National Security Advisor Jake Sullivan spoke with Russian Security Council Secretary Nikolay "
                     "Patrushev on Monday. They followed up on the talks held in Helsinki on Friday between Secretary "
                     "of State Antony Blinken and Foreign Minister Sergey Lavrov.", "2023-07-17")
    lavrov = {p.country for e in events for p in e.participants if p.name.endswith("Lavrov")}
    assert lavrov == {"RUS"}
    assert {("Antony Blinken", "FIN"), ("Sergey Lavrov", "FIN")} <= _visitors(events)


def test_background_meetings_abroad_are_where_they_met_not_a_trip():
    events = _events("NEW DELHI — Prime Minister Narendra Modi met Nepalese Prime Minister Sher Bahadur Deuba on "
                     "Friday. The two last met in Glasgow in November 2021.", "2022-04-01")
    assert not {v for v in _visitors(events) if v[1] == "GBR"}


def test_in_a_release_naming_no_other_country_its_unplaced_officials_are_its_own():
    events = _release("Readout of a Meeting with Mayors\n\nThe mayors also met with Secretary of Transportation Pete "
                      "Buttigieg and Director of Intergovernmental Affairs Julie Chavez Rodriguez.",
                      published="2023-06-03")
    assert [e for e in events if e.kind != "visit"] == []


def test_a_companion_joined_by_travels_with_the_subject_on_every_leg():
    events = _release("Deputy National Security Advisor for International Economics Daleep Singh led an interagency "
                      "delegation to Colombia, Ecuador, and Panama this week. Singh was joined by David Marchick, Chief "
                      "Operating Officer of the U.S. International Development Finance Corporation, and Special Envoy "
                      "for the Northern Triangle Ricardo Zuniga.", published="2021-10-01")
    visitors = _visitors(events)
    for country in ("COL", "ECU", "PAN"):
        assert {("Daleep Singh", country), ("David Marchick", country), ("Ricardo Zuniga", country)} <= visitors
    assert not {name for name, _ in visitors} - {"Daleep Singh", "David Marchick", "Ricardo Zuniga"}


def test_a_trip_reported_by_its_leader_and_by_its_delegation_is_one_visit_per_country():
    events = _release("Deputy National Security Advisor Singh's Travel to Ghana\n\nDeputy National Security Advisor "
                      "Daleep Singh traveled to Ghana this week, joined by Alexia Latortue, Deputy CEO of the Millennium "
                      "Challenge Corporation.", published="2021-11-08", titled=True)
    trips = [e for e in events if e.kind == "visit"]
    assert len(trips) == 1 and trips[0].country == "GHA"
    assert {p.name for p in trips[0].participants} == {"Daleep Singh", "Alexia Latortue"}


def test_a_calls_readout_restating_it_in_meeting_words_is_still_one_call():
    events = _release("Readout of President Biden's Call with President Ghani\n\nPresident Joseph R. Biden, Jr. spoke "
                      "today with President Ashraf Ghani of Afghanistan. President Biden and President Ghani discussed "
                      "the situation in Afghanistan and reaffirmed their commitment to an enduring bilateral "
                      "partnership.", published="2021-07-23")
    assert [e.kind for e in events] == ["call"]


def test_a_headline_travel_the_body_speaks_of_as_future_is_planned():
    events = _release(" date 2022-06-14 Statement by Press Secretary Karine Jean-Pierre on President Biden’s Travel to "
                      "Saudi Arabia\n\n"
                      "President Joseph R. Biden, Jr. will travel to Jeddah, Saudi Arabia, at the invitation of King "
                      "Salman.", published="2022-06-14")
    assert [(e.status, e.country) for e in events if e.kind == "visit"] == [("planned", "SAU")]


def test_officials_meeting_an_unnamed_group_of_no_other_country_is_domestic():
    events = _release("Today, Secretary of Commerce Gina Raimondo and National Security Advisor Jake Sullivan met with "
                      "16 CEOs to discuss the war against Ukraine.", published="2022-03-21")
    assert [e for e in events if e.kind != "visit"] == []


def test_a_call_with_an_international_official_of_no_country_is_not_domestic():
    events = _release("Readout of the Vice President's Call with the Director-General\n\nVice President Kamala Harris "
                      "spoke by phone today with World Health Organization Director-General Dr. Tedros Adhanom "
                      "Ghebreyesus.", published="2021-01-21")
    assert frozenset({"Kamala Harris", "Tedros Adhanom Ghebreyesus"}) in _pairs(events)


def test_the_unknown_side_of_a_call_is_the_other_country_the_readout_names():
    events = _events("President Maria Ortega of Chile spoke today with Emir Khalid bin Rashid to reaffirm the "
                     "partnership between Chile and Qatar.")
    people = _countries(events)
    assert people == {"Maria Ortega": "CHL", "Khalid bin Rashid": "QAT"}
    # an international official in a call naming no other country keeps no country
    events = _release("Vice President Kamala Harris spoke today with World Health Organization Director-General "
                      "Dr. Tedros Adhanom Ghebreyesus.", published="2021-01-21")
    assert _countries(events)["Tedros Adhanom Ghebreyesus"] is None


def test_in_a_governments_release_its_own_people_travelling_at_home_visit_no_one():
    events = _release("Each time I traveled to Michigan with Carl Levin over the years was special. Theron Rutnya "
                      "arrived in Wisconsin to bring broadband to Tribal lands.", published="2021-07-29")
    assert [e for e in events if e.kind == "visit"] == []
    guest = _release("Prime Minister Narendra Modi of India arrived in Washington today.", published="2021-09-23")
    assert {(p.name, e.country) for e in guest if e.kind == "visit" for p in e.participants} == {("Narendra Modi", "USA")}


def test_a_summit_of_one_governments_officials_alone_is_domestic():
    events = _release("Today, Secretary of the Interior Jane Roe and Domestic Policy Advisor John Doe convened the "
                      "first meeting of the Council on Tribal Affairs.\n\nThe White House will hold a Tribal Leaders "
                      "Summit in late 2021, where leaders will interact directly with Secretary Roe and Advisor Doe.",
                      published="2021-04-23", publisher="USA")
    assert not [e for e in events if e.kind != "visit"]
