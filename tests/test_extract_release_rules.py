"""The extractor's rules for real government releases: the failure classes seen on them, each on a text written for
the rule (not taken from the labelled releases)."""
from __future__ import annotations

import pytest

from tests.extraction_cases import (countries as _countries, events_of as _events, names as _names, pairs as _pairs,
    release as _release, visitors as _visitors)

pytestmark = pytest.mark.xdist_group("spacy")  # one model load per worker


def test_a_headline_possessive_is_not_part_of_a_name():
    events = _release("Deputy Secretary Wendy Sherman’s Trip to Japan.\n\nDeputy Secretary Sherman met Japanese "
                      "Vice Foreign Minister Takeo Mori in Tokyo on May 18.")
    names = _names(events)
    assert "Wendy Sherman" in names and not any("Trip" in n or "’s" in n for n in names)


def test_a_titles_for_country_is_a_portfolio_not_a_nationality():
    events = _release("Secretary Blinken met Special Representative for North Korea Sung Kim and Special Envoy for "
                      "Yemen Tim Lenderking in Washington on May 18.")
    people = {p.name: (p.title, p.country) for e in events for p in e.participants}
    assert people["Sung Kim"] == ("Special Representative for North Korea", "USA")
    assert people["Tim Lenderking"] == ("Special Envoy for Yemen", "USA")
    assert people["Antony John Blinken"][1] == "USA"  # the Secretary of State in May 2022, by the offices table


def test_the_spokesperson_who_issues_a_release_takes_no_part():
    events = _release("The below is attributable to Spokesperson Ned Price:\n\nSecretary Blinken spoke by phone today "
                      "with Indian External Affairs Minister Subrahmanyam Jaishankar about Ukraine.")
    (call,) = [e for e in events if e.kind == "call"]
    assert {p.name for p in call.participants} == {"Antony John Blinken", "Subrahmanyam Jaishankar"}


def test_without_the_publisher_an_unqualified_official_has_no_country():
    events = _release("Counselor Derek Chollet met Prime Minister Denys Shmyhal of Ukraine in Kyiv on May 10.",
                      publisher=None)
    people = _countries(events)
    assert people.get("Denys Shmyhal") == "UKR" and people.get("Derek Chollet") != "USA"


def test_a_degree_received_is_no_meeting():
    events = _release("Dr. Woods received a B.S. in Mechanical Engineering from the University of Virginia and "
                      "received the National Medal of Science from President Obama in 2014.")
    assert [e for e in events if e.kind != "visit"] == []


def test_welcoming_news_is_no_meeting_but_being_welcomed_by_someone_is():
    from etl.extract.triggers import kinds_in

    assert kinds_in("Both sides welcomed the successful departure of the first grain vessel.") == []
    assert kinds_in("They welcomed progress on the deal.") == []
    assert kinds_in("The President welcomed President Rivas’s stated openness to talks.") == []  # her words, not her
    assert kinds_in("The three were welcomed at the palace by Foreign Secretary Alicia Barcena.") == ["meeting"]
    assert kinds_in("Prime Minister Modi welcomed President Biden to Delhi.") == ["meeting"]
    assert kinds_in("Prime Minister Modi welcomed him to the country’s capital.") == ["meeting"]
    assert kinds_in("Prime Minister Modi welcomed Chile’s President Rivas to Delhi.") == ["meeting"]


def test_readouts_spoke_with_is_a_call_unless_they_met():
    from etl.extract.triggers import kinds_in

    assert kinds_in("President Biden spoke today with Prime Minister Narendra Modi of India.") == ["call"]
    assert kinds_in("Biden met Modi in Delhi and spoke with him about trade.") == ["meeting"]
    assert kinds_in("The President spoke with reporters.") == []


def test_the_ner_cut_given_name_is_put_back():
    events = _release("Today, National Security Advisor Jake Sullivan and Secretary of State Antony J. Blinken held a call "
                      "with Ukrainian Foreign Minister Dmytro Kuleba.", published="2022-08-01")
    names = _names(events)
    assert "Antony J. Blinken" in names and "J. Blinken" not in names


def test_a_person_named_only_as_a_possessive_takes_no_part():
    events = _release("National Security Advisor Jake Sullivan met with Italian Diplomatic Advisor Luigi Mattiolo in "
                      "Rome on March 14 to coordinate a united response to President Putin’s war of choice.",
                      published="2022-03-15")
    people = _names(events)
    assert {"Jake Sullivan", "Luigi Mattiolo"} <= people and not any("Putin" in name for name in people)


def test_the_agenda_of_a_held_call_does_not_make_it_planned():
    from etl.extract.triggers import is_planned

    assert not is_planned("President Biden spoke today with Prime Minister Suga to discuss the challenges that Japan "
                          "and the United States will face together.")
    assert not is_planned("The President spoke today with the Chancellor, committing that the two countries will "
                          "work closely together.")
    assert not is_planned("The leaders met on Monday and agreed that their ministers will meet again in May.")
    assert is_planned("Blinken will travel to Mexico to discuss migration.")
    assert is_planned("On Thursday he is due to address the Senate, where he will meet its president.")
    assert is_planned("Sullivan will meet his counterpart, who has said that talks are overdue.")


def test_a_route_between_two_cities_is_no_venue():
    events = _events("Jaishankar calls on Kishida as he wraps up Seoul-Tokyo tour\n\nExternal Affairs Minister "
                     "Subrahmanyam Jaishankar called on Japanese Prime Minister Fumio Kishida on Friday.",
                     "2024-03-08")
    assert not {v for v in _visitors(events) if v[1] == "KOR"}


@pytest.mark.parametrize("sentence, kinds", [
    ("The presidents also discussed the U.S.-Russia dialogue on Strategic Stability.", []),  # a subject of the call
    ("They reviewed progress in the 2+2 dialogue.", []),
    ("The two sides held the third round of the dialogue in Delhi.", ["dialogue"]),
    ("Misri and Kessler co-chaired the dialogue.", ["dialogue"]),
])
def test_a_dialogue_talked_about_is_no_dialogue_held(sentence, kinds):
    from etl.extract.triggers import kinds_in

    assert kinds_in(sentence) == kinds


def test_the_other_sides_leader_named_in_a_sentence_of_its_own_joins_the_engagement():
    events = _release("Readout of the Strategic Group\n\nNational Security Advisor Jake Sullivan led the U.S. "
                      "delegation at a virtual meeting of the U.S.-Japan Extended Deterrence Dialogue on "
                      "June 3. The Japanese interagency delegation was led by National Security Secretary Takeo "
                      "Akiba.", published="2023-06-03")
    meetings = [e for e in events if e.kind != "visit"]
    assert [e.kind for e in meetings] == ["call"]  # a virtual meeting is a video call, as the kit defines calls
    assert [(sorted(p.name for p in e.participants), e.date.iso_start()) for e in meetings] == [
        (["Jake Sullivan", "Takeo Akiba"], "2023-06-03")]
    assert {p.country for p in meetings[0].participants} == {"USA", "JPN"}
    assert meetings[0].initiatives == ["U.S.-Japan Extended Deterrence Dialogue"]


def test_leaders_joining_a_call_are_all_on_it():
    events = _release("Readout of the President's Call with Partners\n\nPresident Joseph R. Biden, Jr. hosted a "
                      "videoconference today with partners to discuss energy security. Joining President Biden on the "
                      "call were Prime Minister Mark Rutte of the Netherlands, European Commission President von der "
                      "Leyen, and President Sauli Niinisto of Finland.", published="2022-10-05")
    calls = [e for e in events if e.kind == "call" and e.status == "held"]
    people = _countries(calls)
    assert {"Mark Rutte", "von der Leyen", "Sauli Niinisto"} <= set(people)
    assert people["von der Leyen"] == "EUU" and people["Mark Rutte"] == "NLD"


@pytest.mark.parametrize("sentence, kinds", [
    ("Today Vice President Kamala Harris spoke to President Xiomara Castro of Honduras.", ["call"]),
    ("The President spoke to reporters after the event.", []),
])
def test_spoke_to_someone_is_a_call(sentence, kinds):
    from etl.extract.triggers import kinds_in

    assert kinds_in(sentence) == kinds


def test_in_a_country_named_at_the_start_of_a_sentence_is_the_place():
    events = _release("In Ecuador, Deputy National Security Advisor Daleep Singh met with President Guillermo Lasso "
                      "and key ministers.", published="2021-10-01")
    meetings = [e for e in events if e.kind == "meeting"]
    assert [(e.country, {p.name: p.country for p in e.participants}.get("Guillermo Lasso")) for e in meetings] == [
        ("ECU", "ECU")]


def test_of_a_country_before_its_abbreviation_gives_the_country():
    events = _release("National Security Advisor Jake Sullivan met with National Security Office Director Kim Sung-han "
                      "of the Republic of Korea (ROK) on September 1, 2022 in Honolulu, Hawaii.",
                      published="2022-09-01")
    assert _countries(events).get("Kim Sung-han") == "KOR"


def test_a_joint_statement_headline_is_no_meeting():
    from etl.extract.triggers import kinds_in

    assert kinds_in("Joint Statement by President Biden and President von der Leyen on Energy Security.") == []
    assert kinds_in("Joint Statement on the Phone Call between President Biden and President Macron.") == ["call"]
    assert kinds_in("In a joint statement the leaders backed Ukraine.") == ["meeting"]


def test_where_other_people_are_held_is_no_venue():
    events = _release("National Security Advisor Jake Sullivan met today with journalist Masih Alinejad. During the "
                      "meeting, Mr. Sullivan expressed concern for her colleagues who are detained in Iran.",
                      published="2021-07-23")
    assert not [e for e in events if e.country == "IRN"]


def test_a_nationality_before_an_appositions_title_is_the_persons_country():
    events = _events("The meeting, chaired by Amos Hochstein, U.S. Senior Advisor for Energy Security, and Bjorn "
                     "Seibert of the European Commission, reviewed progress.")
    people = {p.name: (p.title, p.country) for e in events for p in e.participants}
    assert people["Amos Hochstein"] == ("Senior Advisor for Energy Security", "USA")


@pytest.mark.parametrize("sentence", [
    "The two ministers met in Lima and agreed on steps to meet the shared goal of ending illegal fishing by 2030.",
    "The two ministers met in Lima to discuss how the new port meets the needs of both economies.",
])
def test_meeting_a_goal_or_a_need_is_no_meeting_and_not_planned(sentence):
    events = _events("Foreign Minister Ana Cecilia Gervasi of Peru and Foreign Minister Alberto van Klaveren of "
                     "Chile held talks today. " + sentence)
    # van Klaveren meeting in Lima is also his visit to Peru
    assert {(e.kind, e.status) for e in events if e.kind != "visit"} == {("meeting", "held")}


def test_a_plural_title_is_each_names_and_each_keeps_its_own_country():
    events = _events("The summit was hosted by Presidents Klaus Iohannis of Romania and Andrzej Duda of Poland.")
    people = {p.name: (p.title, p.country) for e in events for p in e.participants}
    assert people == {"Klaus Iohannis": ("President", "ROU"), "Andrzej Duda": ("President", "POL")}


def test_the_authors_of_a_statement_referred_to_take_no_part():
    events = _events("The Task Force met in Brussels to discuss the Joint Statement by Presidents Ramos and Ferreira. "
                     "The meeting, chaired by Under Secretary Lena Marsh of the United States and Director Piet Smit of "
                     "the Netherlands, reviewed progress.")
    assert all({p.name for p in e.participants} <= {"Lena Marsh", "Piet Smit"} for e in events)


@pytest.mark.parametrize("headline, body, expected", [
    ("Joint Statement by the President of Peru Dina Boluarte and President of Chile Gabriel Boric on Fisheries",
     "We, the President of Peru and the President of Chile, met in Quito today to discuss fisheries.",
     {frozenset({"Dina Boluarte", "Gabriel Boric"})}),
    ("Peru-Chile Joint Statement on Fisheries",
     "We, President Boluarte and President Boric, today reaffirmed our commitment to sustainable fisheries.",
     {frozenset({"Boluarte", "Boric"})}),  # surnames: the offices table may give a full name
    # a headline with nothing after its authors ('… of the Republic of Chile U.S.-Chile Partnership')
    ("Joint Statement by President Dina Boluarte of Peru and President Gabriel Boric of the Republic of Chile",
     "We met today to commemorate two centuries of relations.", {frozenset({"Dina Boluarte", "Gabriel Boric"})}),
    # a statement's 'we' that reports no encounter of its own is no meeting
    ("Joint Statement by President Dina Boluarte and President Gabriel Boric on Fisheries",
     "We are jointly committed to sustainable fisheries.", set()),
])
def test_the_authors_who_say_we_met_are_the_meeting(headline, body, expected):
    pairs = _pairs(_release(f"{headline}\n\n{body}", publisher=None, titled=True))
    assert {frozenset(name.split()[-1] for name in pair) for pair in pairs} \
        == {frozenset(name.split()[-1] for name in pair) for pair in expected}


def test_northern_ireland_is_the_united_kingdom():
    events = _events("Prime Minister of the United Kingdom and Northern Ireland Boris Johnson met Chancellor Olaf "
                     "Scholz of Germany in Berlin.")
    assert _countries(events)["Boris Johnson"] == "GBR"


def test_a_titles_region_is_no_person():
    events = _events("In Erbil, Coordinator Ana Ortiz met with President of the Iraqi Kurdistan Region Nechirvan "
                     "Barzani.")
    names = _names(events)
    assert "Nechirvan Barzani" in names and not any("Region" in n for n in names)


@pytest.mark.parametrize("sentence", [
    "President Biden met Prime Minister Ana Ortiz of Peru to discuss Gender Policy.",
    "President Biden met Prime Minister Ana Ortiz of Peru and Neighborhood Partnerships.",
])
def test_a_programmes_title_is_no_person(sentence):
    names = {p.name for e in _events(sentence) for p in e.participants}
    assert names == {"Joseph R. Biden", "Ana Ortiz"}


def test_a_meeting_at_a_seat_of_government_is_in_its_country():
    events = _events("On May 31, National Security Advisor Jake Sullivan and Israeli National Security Advisor Eyal "
                     "Hulata convened a meeting at the White House of the U.S.-Israel Strategic Consultative Group.",
                     published="2022-06-01")
    (meeting,) = [e for e in events if e.kind != "visit"]
    assert meeting.country == "USA" and meeting.initiatives == ["U.S.-Israel Strategic Consultative Group"]
    assert _visitors(events) == {("Eyal Hulata", "USA")}


def test_a_portfolio_the_ner_took_into_a_name_and_non_nato_are_no_names():
    events = _release("This week, Senior Director for Cyber Amit Mital will travel to Brazil. He will meet with "
                      "leaders of the Major Non-NATO allies.")
    names = _names(events)
    assert "Amit Mital" in names and not any("Cyber" in n or "NATO" in n for n in names)


def test_an_honorific_before_a_monarchs_title_is_neither_name_nor_title():
    events = _release("President Joseph R. Biden, Jr. met today with His Majesty King Abdullah II of Jordan.")
    people = {p.name: (p.title, p.country) for e in events for p in e.participants}
    assert people["Abdullah II"] == ("King", "JOR") and not any("Majesty" in n for n in people)


@pytest.mark.parametrize("headline", ["Readout of Oval Office Meeting with Bipartisan Leaders of Both Chambers of Congress",
                                      "Readout of Vice President Harris’s Meeting with Ohio State Legislators"])
def test_a_plural_group_in_a_headline_is_no_person(headline):
    events = _release(f"{headline}\n\nToday the Vice President met Ambassador Ana Ortiz of Peru.", titled=True)
    assert not any(p.name.endswith(("Leaders", "Legislators")) for e in events for p in e.participants)


def test_consultations_whose_sides_are_named_by_who_led_each_delegation_are_a_dialogue():
    events = _release("On 7-8 March, Peru and the United States held consultations on the Pacific. The U.S. "
                      "delegation was led by Coordinator Ana Ortiz and included officials of the Department of State. "
                      "The Peruvian delegation was led by Vice Minister Luis Vargas.", published="2022-03-11")
    (dialogue,) = [e for e in events if e.kind == "dialogue"]
    assert dialogue.status == "held" and {p.name for p in dialogue.participants} == {"Ana Ortiz", "Luis Vargas"}
    assert {p.name: p.country for p in dialogue.participants}["Luis Vargas"] == "PER"


def test_an_invitation_delivered_at_a_meeting_neither_plans_it_nor_places_it():
    events = _release("President Biden will host President Luis Vargas of Peru at the White House on December 19. "
                      "Special Advisor Ana Ortiz recently met with President Vargas and delivered President Biden’s "
                      "invitation to meet at the White House.", published="2022-12-16")
    by_people = {frozenset(p.name for p in e.participants): e for e in events if e.kind == "meeting"}
    planned = by_people[frozenset({"Joseph R. Biden", "Luis Vargas"})]
    assert (planned.status, planned.country, str(planned.date.start)) == ("planned", "USA", "2022-12-19")
    delivered = by_people[frozenset({"Ana Ortiz", "Luis Vargas"})]
    assert delivered.status == "held" and "place.sentence: USA" not in delivered.rules


def test_an_officer_of_an_organisation_is_named_after_it():
    events = _release("Director Ana Ortiz led a delegation to Ghana. Ortiz was joined by Deputy Chief Executive "
                      "Officer of the Millennium Challenge Corporation Alexia Latortue and others.")
    names = _names(events)
    assert "Alexia Latortue" in names and not any("Corporation" in n for n in names)


@pytest.mark.parametrize("sentence, country", [
    ("Today, White House National Climate Advisor Ana Ortiz met Minister Luis Vargas of Peru.", "USA"),
    ("Kremlin Chief of Staff Ivan Petrov met Minister Luis Vargas of Peru.", "RUS"),
])
def test_a_title_led_by_a_seat_of_government_is_that_governments(sentence, country):
    people = {p.name: p.country for e in _events(sentence) for p in e.participants}
    assert people[next(n for n in people if n != "Luis Vargas")] == country


def test_the_publishers_own_legislators_are_its_own_and_visit_no_one():
    events = _release("President Biden met Speaker Pelosi and Leader Schumer at the White House on Monday to discuss "
                      "the budget for Ukraine.")
    assert _countries(events)["Schumer"] == "USA"
    assert not _visitors(events)


def test_the_country_after_an_earlier_name_is_not_the_next_names():
    events = _release("President Biden will hold bilateral meetings with President Yoon Suk Yeol of the Republic of "
                      "Korea and Prime Minister Ana Ortiz of Peru.")
    assert _countries(events)["Ana Ortiz"] == "PER"


def test_officials_titled_by_a_seat_of_government_meeting_their_own_legislators_is_domestic():
    events = _release("Readout of White House Meeting with State Legislators from Ohio\n\nToday, Ana Ortiz, White "
                      "House Gender Policy Council Director, and Luis Vargas, White House Intergovernmental Affairs "
                      "Director, hosted a roundtable discussion with state legislators from Ohio.", titled=True,
                      publisher=None)
    assert not events


@pytest.mark.parametrize("sentence", [
    "Ambassador Christopher Hill has taught as a Visiting Professor at Kyoto University in Japan.",
    "He received the 2016 Charles E. Cobb, Jr. Award for Initiative and Success in Trade Development.",
    "From 1989 until 1991, Hill served as Deputy Assistant Secretary of the Treasury, where he met Japanese Finance "
    "Minister Ryutaro Hashimoto.",
    "She served as Senior Director for Russia on the National Security Council (2013-2017), and traveled to Moscow "
    "with Vice President Biden.",
    "Five months after the disasters, then-Vice President Biden visited Natori and Sendai in Japan.",
])
def test_a_biography_or_a_history_is_no_engagement(sentence):
    assert _release(sentence) == []


def test_a_past_visit_dated_to_its_month_is_still_read():
    events = _events("Widodo visited Timor-Leste in January 2016, when he held talks with then-President Taur Matan "
                     "Ruak.", "2023-06-01")
    assert any(e.kind == "visit" and e.country == "TLS" and e.date.iso_start() == "2016-01" for e in events)


@pytest.mark.parametrize("sentence, meets", [
    ("Jane Roe and John Doe traveled to Lima to advance our bilateral agenda.", False),
    ("Jane Roe praised the strength of bilateral ties in a speech.", False),
    ("Jane Roe held a bilateral meeting with John Doe in Lima.", True),
    ("Jane Roe held a bilateral with John Doe on the margins of the summit.", True),
])
def test_bilateral_is_a_meeting_only_as_a_meeting(sentence, meets):
    from etl.extract.triggers import MEETING
    assert bool(MEETING.search(sentence)) is meets
