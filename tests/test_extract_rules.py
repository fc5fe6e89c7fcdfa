"""The extractor's sentence rules, each on a short text written for the rule (not taken from the eval articles)."""
from __future__ import annotations

import pytest

from etl.extract.pipeline import extract_text
from tests.extraction_cases import events_of as _events, pairs as _pairs, visitors as _visitors

pytestmark = pytest.mark.xdist_group("spacy")  # one model load per worker


def test_a_subject_meeting_people_in_turn_gives_one_meeting_each():
    events = _events("SEOUL — Indian External Affairs Minister Subrahmanyam Jaishankar called on Prime Minister "
                     "Han Duck-soo on Wednesday and met Trade Minister Ahn Dukgeun and Defence Minister Shin Won-sik.")
    pairs = _pairs(events)
    assert frozenset({"Subrahmanyam Jaishankar", "Han Duck-soo"}) in pairs
    assert frozenset({"Subrahmanyam Jaishankar", "Ahn Dukgeun"}) in pairs
    assert frozenset({"Han Duck-soo", "Ahn Dukgeun"}) not in pairs


def test_people_accompanying_the_visitor_join_the_visit_not_the_meeting():
    events = _events("NEW DELHI — Nepalese Prime Minister Pushpa Kamal Dahal arrived in New Delhi on Wednesday. "
                     "He was received at the airport by Minister of State Meenakashi Lekhi and is accompanied by "
                     "Foreign Minister Narayan Prakash Saud and Finance Minister Prakash Sharan Mahat.")
    assert frozenset({"Pushpa Kamal Dahal", "Meenakashi Lekhi"}) in _pairs(events)
    assert frozenset({"Meenakashi Lekhi", "Narayan Prakash Saud"}) not in _pairs(events)
    assert {("Pushpa Kamal Dahal", "IND"), ("Narayan Prakash Saud", "IND")} <= _visitors(events)


def test_a_message_from_someone_does_not_make_them_a_participant():
    events = _events("MOSCOW — Iranian Foreign Minister Abbas Araghchi met President Vladimir Putin at the Kremlin "
                     "on Thursday and handed him a message from Supreme Leader Ali Khamenei.")
    pairs = _pairs(events)
    assert frozenset({"Abbas Araghchi", "Vladimir Putin"}) in pairs
    assert not any("Ali Khamenei" in pair for pair in pairs)


def test_a_described_person_refers_back_to_the_last_one_with_that_title():
    events = _events("WASHINGTON — Indian National Security Adviser Ajit Doval met his U.S. counterpart Jake "
                     "Sullivan on Monday.\n\nLater the Indian adviser held separate talks with Deputy Secretary of "
                     "State Wendy Sherman and with General Mark Milley.")
    pairs = _pairs(events)
    assert {frozenset({"Ajit Doval", "Wendy Sherman"}), frozenset({"Ajit Doval", "Mark Milley"})} <= pairs
    assert frozenset({"Wendy Sherman", "Mark Milley"}) not in pairs


def test_an_invited_trip_is_held_and_a_visit_per_month_named():
    events = _events("CAIRO — Indian Prime Minister Narendra Modi arrived in Cairo on Saturday at President Abdel "
                     "Fattah el-Sisi's invitation. Sisi has been to India twice before: in October 2015 and on a "
                     "state visit in September 2016.", "2023-06-26")
    visits = {(p.name, e.country, e.date.iso_start()) for e in events if e.kind == "visit" and e.status == "held"
              for p in e.participants}
    assert ("Narendra Modi", "EGY", "2023-06-24") in visits
    assert {("Abdel Fattah el-Sisi", "IND", "2015-10"), ("Abdel Fattah el-Sisi", "IND", "2016-09")} <= visits


def test_a_past_invitation_is_not_a_plan_and_in_country_is_the_place():
    events = _events("MEXICO CITY — Chilean President Gabriel Boric met Mexican President Andres Manuel Lopez Obrador "
                     "on Wednesday. Foreign Secretary Marcelo Ebrard first extended the invitation in January, when "
                     "he met Boric, then president-elect, in Chile.", "2022-11-24")
    ebrard = [e for e in events if e.kind == "meeting" and any(p.name == "Marcelo Ebrard" for p in e.participants)]
    assert [(e.status, e.country, e.date.iso_start()) for e in ebrard] == [("held", "CHL", "2022-01")]


def test_a_plan_as_a_noun_is_not_a_planned_meeting():
    events = _events("AMMAN — U.S. Secretary of State John Kerry held talks on Thursday with King Abdullah II, which "
                     "covered a private-sector plan to revive the West Bank economy.", "2013-06-28")
    assert [(e.status, e.date.iso_start()) for e in events if e.kind == "meeting"] == [("held", "2013-06-27")]


KISHIDA = """WASHINGTON — Japanese Prime Minister Fumio Kishida arrived in Washington on Monday for a four-day official \
visit. President Joe Biden will host him at the White House on Wednesday.

On Tuesday Kishida met Secretary of State Antony Blinken and Defense Secretary Lloyd Austin separately.

Japanese Foreign Minister Yoko Kamikawa, who is accompanying Kishida, held talks with Blinken's deputy, Kurt \
Campbell. Kishida last visited the United States in January 2023."""


def test_who_is_there_when_someone_is_accompanied_or_only_owns_a_deputy():
    events = _events(KISHIDA, "2024-05-15")
    pairs = _pairs(events)
    assert frozenset({"Yoko Kamikawa", "Kurt Campbell"}) in pairs
    assert not any("Antony Blinken" in pair and "Kurt Campbell" in pair for pair in pairs)
    assert not any("Fumio Kishida" in pair and "Kurt Campbell" in pair for pair in pairs)
    planned = [e for e in events if e.status == "planned" and e.kind == "meeting"]
    assert [{p.name for p in e.participants} for e in planned] == [{"Joe Biden", "Fumio Kishida"}]


def test_the_trip_under_way_dates_undated_mentions_not_an_older_trip():
    visits = {(e.date.iso_start(), e.date.precision) for e in _events(KISHIDA, "2024-05-15")
              if e.kind == "visit" and any(p.name == "Fumio Kishida" for p in e.participants)}
    assert visits == {("2024-05-13", "day"), ("2023-01", "month")}


def test_a_companion_named_in_a_sentence_without_an_engagement_joins_the_visit_on_the_visitor_side():
    events = _events("BRASILIA — Brazilian President Luiz Inacio Lula da Silva received German Chancellor Olaf Scholz "
                     "at the Planalto Palace on Monday.\n\nScholz, who arrived on Sunday, is accompanied by Economy "
                     "Minister Robert Habeck. On Tuesday he will fly to Buenos Aires for talks with Argentine President "
                     "Alberto Fernandez.", "2023-09-12")
    assert ("Robert Habeck", "BRA") in _visitors(events)
    habeck = next(p for e in events for p in e.participants if p.name == "Robert Habeck")
    assert habeck.country == "DEU"
    assert frozenset({"Luiz Inacio Lula da Silva", "Robert Habeck"}) not in _pairs(events)
    assert not any(p.name == "Buenos Aires" for e in events for p in e.participants)


def test_a_joint_commission_is_an_initiative_and_the_european_commission_is_not():
    from etl.extract.initiatives import find_initiatives

    assert find_initiatives("He will co-chair the India-Sri Lanka Joint Commission with Ali Sabry.") == [
        "India-Sri Lanka Joint Commission"]
    assert find_initiatives("She met officials of the European Commission.") == []


RUTO = """CAIRO — Kenyan President William Ruto held talks with Egyptian President Abdel Fattah al-Sisi in Cairo on \
Monday during a two-day state visit.

Foreign Minister Sameh Shoukry and his Kenyan counterpart Musalia Mudavadi held separate talks on regional security.

The two presidents last met on the sidelines of the African Union summit in Addis Ababa in February last year. Sisi \
is expected to visit Nairobi later this year, Ruto said."""


def test_the_two_presidents_are_the_articles_presidents_and_a_plan_keeps_no_past_date():
    events = _events(RUTO, "2024-02-20")
    pairs = _pairs(events)
    assert frozenset({"Sameh Shoukry", "Musalia Mudavadi"}) in pairs
    past = [e for e in events if e.kind == "meeting" and e.date.iso_start() == "2023-02"]
    assert [{p.name for p in e.participants} for e in past] == [{"William Ruto", "Abdel Fattah al-Sisi"}]
    planned = [e for e in events if e.kind == "visit" and e.status == "planned"]
    assert [(e.country, e.date.start >= __import__("datetime").date(2024, 2, 20)) for e in planned] == [("KEN", True)]


def test_each_leader_brings_their_own_companions():
    import datetime as dt

    found = extract_text(" date 2022-11-16 Test\n\nNUSA DUA, Indonesia — U.S. President Joe Biden and Chinese "
                         "President Xi Jinping met on Monday on the sidelines of the G20 summit in Bali.\n\nBiden was "
                         "accompanied by Secretary of State Antony Blinken and National Security Adviser Jake Sullivan, "
                         "while Xi brought Foreign Minister Wang Yi.", dt.date(2022, 11, 16))
    meeting = next(e for e in found.events if e.kind == "meeting")
    assert meeting.country == "IDN" and {p.name for p in meeting.participants} == {"Joe Biden", "Xi Jinping"}
    people = {p.name: p for p in found.people}
    assert [c.name for c in people["Xi Jinping"].companions] == ["Wang Yi"]
    assert [c.name for c in people["Joe Biden"].companions] == ["Antony Blinken", "Jake Sullivan"]


QUAD = """WASHINGTON — President Joe Biden hosted the first leaders' summit of the Quad on Friday by video link with \
Prime Ministers Narendra Modi of India, Scott Morrison of Australia and Yoshihide Suga of Japan.

Earlier this week, Secretary of State Antony Blinken and Defense Secretary Lloyd Austin left for Tokyo for talks with \
their counterparts, the first cabinet-level trip abroad of the Biden administration."""


def test_video_summit_countries_by_of_and_coordinated_travellers():
    events = _events(QUAD, "2021-03-12")
    call = next(e for e in events if e.kind == "call")
    assert {p.name: p.country for p in call.participants} == {
        "Joe Biden": "USA", "Narendra Modi": "IND", "Scott Morrison": "AUS", "Yoshihide Suga": "JPN"}
    assert {("Antony Blinken", "JPN"), ("Lloyd Austin", "JPN")} <= _visitors(events)
    assert not [e for e in events if e.kind == "meeting" and e.status == "held"]  # two Americans, unnamed hosts


def test_a_two_word_demonym_names_the_country():
    events = _events("PANMUNJOM, Korea — U.S. President Donald Trump met North Korean leader Kim Jong Un at the "
                     "Demilitarized Zone on Sunday.", "2019-06-30")
    assert {p.name: p.country for e in events for p in e.participants}["Kim Jong Un"] == "PRK"


def test_bilateral_talks_with_two_leaders_are_two_meetings_and_un_officials_serve_the_un():
    events = _events("KAZAN, Russia — President Vladimir Putin held bilateral talks with Chinese President Xi Jinping "
                     "and Indian Prime Minister Narendra Modi on Tuesday.\n\nUN Secretary-General Antonio Guterres is "
                     "expected to arrive on Thursday and meet Putin.", "2024-10-23")
    pairs = _pairs(events)
    assert {frozenset({"Vladimir Putin", "Xi Jinping"}), frozenset({"Vladimir Putin", "Narendra Modi"})} <= pairs
    assert frozenset({"Xi Jinping", "Narendra Modi"}) not in pairs
    assert {e.city for e in events if e.kind == "meeting"} == {"Kazan"}
    guterres = next(p for e in events for p in e.participants if p.name == "Antonio Guterres")
    assert guterres.country == "UNO"


def test_talks_after_which_leaders_act_and_a_city_the_ner_calls_an_organisation():
    events = _events("PARIS — Prime Minister Narendra Modi and French President Emmanuel Macron on Friday adopted a "
                     "roadmap after talks at the Elysee Palace.\n\nModi will travel to Abu Dhabi on Saturday for talks "
                     "with UAE President Mohamed bin Zayed Al Nahyan.", "2023-07-14")
    assert frozenset({"Narendra Modi", "Emmanuel Macron"}) in _pairs(events)
    planned = [e for e in events if e.status == "planned" and e.kind == "meeting"]
    assert [(e.city, e.country) for e in planned] == [("Abu Dhabi", "ARE")]


def test_later_in_the_day_is_the_days_narrative_not_a_plan():
    events = _events("NEW DELHI — Prime Minister Narendra Modi held talks with his Japanese counterpart Fumio Kishida "
                     "on Monday. External Affairs Minister S. Jaishankar called on Kishida later in the day.")
    assert frozenset({"S. Jaishankar", "Fumio Kishida"}) in _pairs(events)  # held, so a pair


def test_a_countrys_top_diplomat_is_of_that_country():
    events = _events("BEIJING — US Secretary of State Antony Blinken held talks with China's top diplomat Wang Yi on "
                     "Monday.")
    people = {p.name: (p.title, p.country) for e in events for p in e.participants}
    assert people["Wang Yi"] == ("top diplomat", "CHN")


def test_a_resident_ambassador_named_after_the_sentences_last_comma_visits_nobody():
    events = _events("HANOI — Deputy Prime Minister Pham Binh Minh received two new ambassadors on Monday. Later in "
                     "the day Minh received the new Saudi Arabian ambassador, Saud Al Suwelim.")
    people = {p.name: p.title for e in events for p in e.participants}
    assert people["Saud Al Suwelim"] == "Saudi Arabian ambassador"
    assert not [e for e in events if e.kind == "visit"]
