"""The extractor's rules for trips in real government releases: who travels where and when, delegations, who
leads and joins them, and where their meetings were, each on a text written for the rule (not taken from the
labelled releases)."""
from __future__ import annotations

import pytest

from tests.extraction_cases import events_of as _events, pairs as _pairs, release as _release, visitors as _visitors

pytestmark = pytest.mark.xdist_group("spacy")  # one model load per worker

_TRIP = ("This week, Special Envoy Jane Roe traveled to Doha, Qatar to discuss regional security. She was joined by "
         "Deputy Assistant Secretary John Doe and US Ambassador to Qatar Timmy Davis. ")


def test_a_title_set_off_by_commas_before_a_name_is_that_persons():
    events = _release("On Monday, the Assistant to the President for Economic Policy, Dr. Maria Lopez, traveled to "
                      "Lima, Peru.", publisher="USA")
    (visit,) = [e for e in events if e.kind == "visit"]
    (person,) = visit.participants
    assert (person.name, person.title, person.country, visit.country) == (
        "Maria Lopez", "Assistant to the President for Economic Policy", "USA", "PER")


def test_the_nationality_of_a_led_delegation_is_its_side_not_a_destination():
    events = _release("Maria Lopez led a US delegation with officials of the Treasury and the Department of State to "
                      "a summit in Lima, Peru.", publisher=None)
    (visit,) = [e for e in events if e.kind == "visit"]
    assert visit.country == "PER" and [(p.name, p.country) for p in visit.participants] == [("Maria Lopez", "USA")]


@pytest.mark.parametrize("words", ["had the opportunity to meet with", "was able to meet"])
def test_an_opportunity_taken_is_a_meeting_held(words):
    events = _release(f"Secretary Blinken {words} Vietnamese Foreign Minister Bui Thanh Son.")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert meeting.status == "held"


def test_the_people_who_join_her_travel_with_the_pronouns_referent():
    visits = _visitors(_release(_TRIP, published="2022-05-20"))
    assert ("John Doe", "QAT") in visits and ("Jane Roe", "QAT") in visits


def test_the_delegation_that_meets_someone_is_the_trip_party_on_that_trip():
    events = _release(_TRIP + "The delegation also met with Afghan Foreign Minister Ahmad Karimi.")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert {p.name for p in meeting.participants} == {"Jane Roe", "John Doe", "Timmy Davis", "Ahmad Karimi"}
    assert (meeting.city, meeting.country) == ("Doha", "QAT")  # no place named: the trip's
    # on neutral ground, reported as news: the other side travelled there too
    assert ("Ahmad Karimi", "QAT") in _visitors(events)


def test_an_ambassador_posted_to_the_country_visited_is_at_the_meetings_but_no_visitor():
    events = _release(_TRIP + "The delegation met with Afghan Foreign Minister Ahmad Karimi.")
    assert ("Timmy Davis", "QAT") not in _visitors(events)
    assert frozenset(("Timmy Davis", "Ahmad Karimi")) in _pairs(events)


def test_the_delegation_meeting_unnamed_officials_is_no_engagement_among_itself():
    events = _release(_TRIP + "The delegation met with a range of senior government officials.")
    assert not [e for e in events if e.kind == "meeting"]


def test_a_trips_place_stays_with_meetings_of_its_own_days():
    events = _release("Secretary Blinken traveled to Hanoi, Vietnam on May 3. Blinken met Vietnamese Foreign "
                      "Minister Bui Thanh Son on May 4. On May 30, Secretary Blinken met Indonesian Foreign Minister "
                      "Retno Marsudi.", published="2022-05-31")
    places = {frozenset(p.name for p in e.participants): e.country for e in events if e.kind == "meeting"}
    assert places[frozenset(("Antony John Blinken", "Bui Thanh Son"))] == "VNM"
    assert places[frozenset(("Antony John Blinken", "Retno Marsudi"))] is None  # weeks later: not on this trip


def test_a_hyphened_surname_alone_is_the_person_named_in_full_before():
    events = _release("Senior Advisor Maria Ruiz-Tagle spoke at the conference.\n\nRuiz-Tagle also met with "
                      "President Shavkat Mirziyoyev of Uzbekistan.")
    assert frozenset(("Maria Ruiz-Tagle", "Shavkat Mirziyoyev")) in _pairs(events)


@pytest.mark.parametrize("text", [
    "Vice President Harris traveled to Florida and Virginia this week.",
    "Vice President Harris will travel to Florida and Montana next week.",
    "Vice President Harris thanked the legislators. She has visited Florida, Virginia and Montana to meet with state "
    "legislators.",
])
def test_us_states_are_no_foreign_destinations(text):
    # towns named Florida (Cuba), Virginia (South Africa) and Montana (Bulgaria) are not what a US release means
    assert not [e for e in _release(text) if e.kind == "visit"]  # a visit home is no visit


def test_a_title_before_a_name_is_no_reference_back_to_the_protagonist():
    events = _release("National Security Advisor Jake Sullivan will travel to Brasilia on Monday. The meetings follow "
                      "President Biden’s call with President-elect Lula da Silva in October 2022, where the President "
                      "committed to keeping open channels of communication.", published="2022-12-02")
    (call,) = [e for e in events if e.kind == "call"]
    assert {p.name for p in call.participants} == {"Joseph R. Biden", "Lula da Silva"}


def test_being_in_a_city_is_a_visit_and_titles_the_publisher_never_uses_are_the_hosts():
    events = _release("This week, Deputy National Security Advisor Daleep Singh was in New Delhi to discuss trade. "
                      "Singh met with Foreign Secretary Harsh Shringla and Cabinet Secretary Rajiv Gauba.",
                      published="2022-04-01")
    assert ("Daleep Singh", "IND") in _visitors(events)
    (meeting,) = [e for e in events if e.kind == "meeting"]
    # a US release: the United States has no Foreign Secretary nor Cabinet Secretary, so these are India's
    assert {p.name: p.country for p in meeting.participants} == {
        "Daleep Singh": "USA", "Harsh Shringla": "IND", "Rajiv Gauba": "IND"}
    assert meeting.country == "IND"


def test_who_was_in_a_place_is_background_not_a_visit():
    events = _release("Deputy Minister Ana Ruiz stood in for Foreign Secretary Marcelo Ebrard, who was in Qatar for "
                      "the World Cup.", publisher=None)
    assert not [e for e in events if e.kind == "visit"]


def test_will_travel_to_is_a_planned_visit_to_each_place_after_to():
    events = _release("After Riyadh, Special Envoy Tim Lenderking will travel to Oman and Qatar on May 25.")
    visits = {(p.name, e.country, e.status) for e in events if e.kind == "visit" for p in e.participants}
    assert visits == {("Tim Lenderking", "OMN", "planned"), ("Tim Lenderking", "QAT", "planned")}


@pytest.mark.parametrize("sentence", [
    "Special Envoy Omar Haddad traveled to Jordan and Lebanon to discuss the refugee response.",
    "Special Envoy Omar Haddad traveled this week to Jordan and the Lebanon to discuss the refugee response.",
])
def test_each_stop_of_a_trip_is_a_visit_and_no_stop_is_the_travellers_home(sentence):
    # with no publisher, the traveller's country is unknown: it is neither stop of the trip
    visits = _visitors(_events(sentence))
    assert visits == {("Omar Haddad", "JOR"), ("Omar Haddad", "LBN")}


def test_a_spokespersons_statement_on_someones_travel_is_not_their_trip():
    events = _release("Statement by Press Secretary Jen Psaki on the President’s Travel to Italy\n\nPresident Joseph "
                      "R. Biden, Jr. will travel to Rome, Italy for the G20 Leaders’ Summit on October 30-31.",
                      published="2021-10-14")
    assert not [e for e in events if any(p.name == "Jen Psaki" for p in e.participants)]


def test_the_subject_joined_by_someone_is_the_one_travelling():
    events = _release("National Security Advisor Jake Sullivan, joined by Coordinator Brett McGurk, will travel to "
                      "Cairo, Egypt tomorrow.", published="2021-09-28")
    visits = [e for e in events if e.kind == "visit"]
    assert [sorted(p.name for p in e.participants) for e in visits] == [["Brett McGurk", "Jake Sullivan"]]


def test_everyone_a_list_names_before_a_trip_takes_it_but_two_sides_do_not():
    events = _release("This week, Deputy Secretary of Commerce Ana Ortiz, Under Secretary for Economic Growth Tom "
                      "Reyes, and Senior Advisor to the Secretary of State for Energy Lena Marsh traveled to Qatar "
                      "and Oman.", published="2021-12-03")
    assert _visitors(events) == {(name, country) for name in ("Ana Ortiz", "Tom Reyes", "Lena Marsh")
                                 for country in ("QAT", "OMN")}
    events = _events("Modi, Sisi hold talks as the Egyptian leader visits India.\n\nPrime Minister Narendra Modi "
                     "of India met President Abdel Fattah el-Sisi of Egypt in New Delhi.", published="2023-01-25")
    assert ("Narendra Modi", "IND") not in _visitors(events)


def test_a_statement_by_one_person_who_says_i_will_travel_is_their_planned_trip():
    events = _release("Statement by Vice President Kamala Harris on Her Trip to Ghana\n\nTonight, I will travel to "
                      "Ghana at the invitation of President Akufo-Addo.", published="2023-03-25", titled=True)
    assert {(p.name, e.country, e.status) for e in events if e.kind == "visit" for p in e.participants} \
        == {("Kamala Harris", "GHA", "planned")}


def test_a_headlines_trip_the_body_has_still_to_come_is_planned():
    events = _release("Statement by Press Secretary Jen Psaki on the President’s Travel to Spain and Portugal\n\n"
                      "President Joseph R. Biden, Jr. will travel to Madrid, Spain on June 28. He will also visit "
                      "Portugal.", published="2022-06-20", titled=True)
    assert not _visitors(events)


def test_who_issues_a_statement_on_someones_travel_is_neither_traveller_nor_he():
    events = _release("Statement by Press Secretary Jen Psaki on the President’s Travel to Spain and Portugal\n\n"
                      "President Joseph R. Biden, Jr. will travel to Madrid, Spain on June 28. He will also visit "
                      "Portugal.", published="2022-06-20", titled=True)
    assert {(p.name, e.country) for e in events if e.kind == "visit" for p in e.participants} \
        == {("Joseph R. Biden", "ESP"), ("Joseph R. Biden", "PRT")}


def test_a_readouts_meeting_on_neutral_ground_is_a_visit_by_both_sides():
    events = _release("Readout of Vice President Harris’s Meeting with Prime Minister Han of the Republic of Korea\n\n"
                      "Vice President Kamala Harris today met with Prime Minister Han Duck-soo of the Republic of Korea "
                      "in Tokyo, Japan.", published="2022-09-27", titled=True, publisher=None)
    assert _visitors(events) == {("Kamala Harris", "JPN"), ("Han Duck-soo", "JPN")}


def test_who_joins_a_delegation_is_on_its_trip_and_at_the_meetings_the_delegation_held():
    events = _release("Director Ana Ortiz led a U.S. delegation to Ghana. Ortiz was joined by U.S. Agency for "
                      "International Development’s (USAID) Deputy Assistant Administrator for the Africa Bureau Luis "
                      "Vargas. In Ghana, Ortiz and the U.S. delegation met with Vice President Kwame Mensah.")
    assert _visitors(events) == {("Ana Ortiz", "GHA"), ("Luis Vargas", "GHA")}
    assert frozenset({"Luis Vargas", "Kwame Mensah"}) in _pairs(events)


@pytest.mark.parametrize("sentence", [
    "The Deputy Secretary and the First Vice Foreign Minister discussed the upcoming state visit of President Yoon "
    "Suk Yeol of the Republic of Korea to the United States.",
    "Sullivan and Cho prepared for the visit by President Yoon Suk Yeol of the Republic of Korea to the United "
    "States next month.",
])
def test_the_person_named_after_visit_of_is_the_one_travelling(sentence):
    events = _release("Deputy Secretary of State Wendy R. Sherman met today with Republic of Korea First Vice Foreign "
                      f"Minister Cho Hyun-dong in Washington. {sentence}", published="2023-04-12")
    planned = {(p.name, e.country) for e in events if e.kind == "visit" and e.status == "planned"
               for p in e.participants}
    assert planned == {("Yoon Suk Yeol", "USA")}


_TEAM = ("President Smith’s National Security Advisor Jane Roe and Under Secretary of State John Doe traveled to "
         "Lima, Peru on March 3 to advance our bilateral agenda. Senior Director Ann Poe and Ambassador Bill Kerr "
         "also traveled with the delegation.\n\n"
         "National Security Advisor Roe and her team met with President Luis Vela and Foreign Minister Rosa Ibarra.\n\n"
         "Additional representatives of the Government of Peru included Interior Minister Carlos Mena and "
         "Deputy Foreign Minister Ana Ruiz.")


def test_a_possessive_owner_before_a_titled_name_is_not_on_the_trip():
    events = _release(_TEAM, published="2023-03-04", publisher="USA")
    assert not any("Smith" in p.name for e in events for p in e.participants)
    # 'our bilateral agenda' is no meeting: the travellers met nobody in that sentence
    assert not [e for e in events if e.kind == "meeting" and {p.name for p in e.participants} == {"Jane Roe", "John Doe"}]


def test_those_who_also_traveled_with_the_delegation_are_on_its_visit():
    visits = _visitors(_release(_TEAM, published="2023-03-04", publisher="USA"))
    assert {("Jane Roe", "PER"), ("John Doe", "PER"), ("Ann Poe", "PER"), ("Bill Kerr", "PER")} <= visits


def test_a_meeting_with_no_place_on_a_reported_trip_is_there_not_at_home():
    events = _release(_TEAM, published="2023-03-04", publisher="USA")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert meeting.country == "PER"
    assert ("Luis Vela", "USA") not in _visitors(events)  # the hosts did not travel to the publisher


def test_additional_representatives_named_later_join_the_last_meeting_on_their_side():
    events = _release(_TEAM, published="2023-03-04", publisher="USA")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    people = {p.name: p.country for p in meeting.participants}
    assert people.get("Carlos Mena") == "PER" and people.get("Ana Ruiz") == "PER" and "Jane Roe" in people


def test_a_visit_dated_to_a_month_already_past_is_held_though_its_sentence_looks_ahead():
    events = _release("They discussed next steps toward the commitment made during Vice President Jane Roe’s visit to "
                      "Peru in June to hold a security dialogue.", published="2021-08-11", publisher="USA")
    (visit,) = [e for e in events if e.kind == "visit"]
    assert (visit.status, visit.date.iso_start()) == ("held", "2021-06")


def test_who_he_will_be_joined_by_travels_on_every_leg():
    events = _release("Special Envoy Jane Roe will travel to Saudi Arabia and Oman October 20-27. She will be joined "
                      "by Acting Assistant Secretary John Doe.", published="2021-10-20")
    legs = {(p.name, e.country) for e in events if e.kind == "visit" for p in e.participants}
    assert {("John Doe", "SAU"), ("John Doe", "OMN"), ("Jane Roe", "SAU")} <= legs


def test_a_foreign_host_places_the_meeting_at_home_and_the_led_delegation_is_the_guests_side():
    events = _release("President Juan Perez of Chile hosted a U.S. delegation led by Homeland Security Advisor Jane Roe and "
                      "Deputy Attorney General John Doe on July 24.", published="2023-07-25")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert meeting.country == "CHL"
    assert {p.name: p.country for p in meeting.participants}.get("John Doe") == "USA"
    assert {("Jane Roe", "CHL"), ("John Doe", "CHL")} <= _visitors(events)


@pytest.mark.parametrize("text", [
    "President Jane Roe spoke with Allies in a virtual summit hosted by Presidents Juan Perez of Chile and Ana Ruiz "
    "of Peru.",
    "President Juan Perez of Chile hosted Special Envoy Jane Roe by video on July 24.",
])
def test_a_passive_or_virtual_host_places_nothing(text):
    events = _release(text, published="2023-07-25")
    assert not _visitors(events)


def test_those_who_joined_him_in_his_meetings_are_at_each_meeting_of_the_trip():
    events = _release("Special Envoy Jane Roe traveled to Israel and the West Bank December 21-22, and was joined in "
                      "her meetings by Senior Director John Doe, and the State Department’s Acting Assistant Secretary "
                      "Ann Poe. In Jerusalem, Ms. Roe met with President Isaac Herzog.\n\nIn Ramallah, Ms. Roe met "
                      "with Palestinian Authority President Mahmoud Abbas.", published="2021-12-22")
    pairs = _pairs(events)
    assert {frozenset(("John Doe", "Isaac Herzog")), frozenset(("Ann Poe", "Mahmoud Abbas"))} <= pairs
    assert {("John Doe", "ISR"), ("Ann Poe", "PSE")} <= _visitors(events)


def test_a_first_lady_is_titled_so():
    events = _release("First Lady Jane Roe will travel to Romania from May 5 – May 9, 2022.", published="2022-05-02")
    assert {p.title for e in events for p in e.participants} == {"First Lady"}


@pytest.mark.parametrize("text, country", [
    ("On the margins of the G7 Summit in Apulia, Italy, President Jane Roe met today with Prime Minister Fumio Kishida "
     "of Japan.", "ITA"),
    ("President Jane Roe met today with Prime Minister Fumio Kishida of Japan in Apulia, Italy.", "ITA"),
    # a topic's place and a government's possessive say nothing of where they met
    ("President Jane Roe met today with Prime Minister Fumio Kishida of Japan about the war in Gaza, Turkey’s ministry "
     "said.", None),
])
def test_a_town_the_gazetteer_lacks_before_its_country_places_the_meeting_in_that_country(text, country):
    (meeting,) = [e for e in _release(text, published="2024-06-14", publisher=None) if e.kind == "meeting"]
    assert meeting.country == country


def test_meetings_held_on_a_stay_are_meetings():
    events = _release("National Security Advisor Jake Sullivan was in Riyadh today for meetings with Crown Prince "
                      "Mohammed bin Salman.", published="2022-10-10")
    assert frozenset(("Jake Sullivan", "Mohammed bin Salman")) in _pairs(events)


def test_travel_to_ones_own_countrys_territory_is_no_visit():
    events = _release("Secretary of Education Miguel Cardona traveled to San Juan, Puerto Rico today to visit schools.",
                      published="2022-01-20")
    assert not _visitors(events)


def test_a_meeting_on_a_trip_of_several_legs_is_in_the_leg_of_the_person_met():
    events = _release("Assistant Secretary of State Donald Lu traveled to Dhaka, Bangladesh, and Colombo, Sri Lanka, "
                      "from October 2-6. He met with President Ranil Wickremesinghe.", published="2023-10-10")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert meeting.country == "LKA"


def test_a_sentence_opening_in_a_city_is_placed_there():
    events = _release("Assistant Secretary of State Donald Lu traveled to Bangladesh and Sri Lanka from October 2-6. "
                      "In Colombo, Assistant Secretary Lu met with Foreign Minister Ali Sabry.", published="2023-10-10")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert (meeting.city, meeting.country) == ("Colombo", "LKA")


def test_also_meeting_someone_next_is_where_the_meeting_before_was():
    events = _release("Deputy Secretary of State Wendy Sherman met with Vice Foreign Minister Cho Hyun-dong of the "
                      "Republic of Korea in Seoul today. Deputy Secretary Sherman also met with Foreign Minister Park Jin.",
                      published="2022-10-10")
    places = {frozenset(p.name for p in e.participants): e.country for e in events if e.kind == "meeting"}
    assert places[frozenset(("Wendy Sherman", "Park Jin"))] == "KOR"


def test_a_nationality_before_a_title_is_whose_official_not_a_destination():
    events = _release("US Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday, on "
                      "the second day of a visit aimed at easing tensions.", published="2023-06-19", publisher=None)
    assert {(e.country, tuple(p.name for p in e.participants)) for e in events if e.kind == "visit"} == {
        ("CHN", ("Antony Blinken",))}
