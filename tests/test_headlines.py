"""Release titles read as labels: a table of real White House titles and what each announces (no spaCy)."""
from __future__ import annotations

import pytest

from etl.extract.headlines import ANNOUNCES, parse_headline, same_person, surname

CASES = [
    # title, kind, who, [(counterpart, title, country)], destinations
    ("Readout of President Joseph R. Biden, Jr. Call with Prime Minister Narendra Modi of India",
     "call", "Joseph R. Biden", [("Narendra Modi", "Prime Minister", "IND")], []),
    ("Readout of President Biden’s Meeting with President Xi Jinping of the People’s Republic of China",
     "meeting", "Biden", [("Xi Jinping", "President", "CHN")], []),
    ("Readout of Vice President Harris Call with Crown Prince Salman Bin Hamad Al Khalifa of Bahrain",
     "call", "Harris", [("Salman Bin Hamad Al Khalifa", "Crown Prince", "BHR")], []),
    ("Readout of President Biden’s Call with His Majesty King Abdullah II of Jordan",
     "call", "Biden", [("Abdullah", "His Majesty King", "JOR")], []),
    ("Statement by NSC Spokesperson Emily Horne on National Security Advisor Jake Sullivan’s Call with Israeli "
     "National Security Advisor Meir Ben-Shabbat Regarding the Situation in Jerusalem",
     "call", "Jake Sullivan", [("Meir Ben-Shabbat", "National Security Advisor", "ISR")], []),
    ("Statement by Press Secretary Jen Psaki on President Biden’s Virtual Meeting with Prime Minister Modi of India",
     "call", "Biden", [("Modi", "Prime Minister", "IND")], []),
    ("Statement by NSC Spokesperson Emily Horne on Deputy National Security Advisor Daleep Singh’s Travel to "
     "Colombia, Ecuador, and Panama", "visit", "Daleep Singh", [], ["COL", "ECU", "PAN"]),
    ("Statement from Press Secretary Kirsten Allen on Vice President Harris’s Travel to Japan and Republic of Korea",
     "visit", "Harris", [], ["JPN", "KOR"]),
]

NOT_ENGAGEMENTS = [
    "Readout of President Biden’s Meeting with Progressive Members of Congress",
    "Readout of White House Meeting with Leaders of Veteran-Serving Organizations",
    "Readout of President Joe Biden’s Call with European Allies",
    "Readout of President Biden’s Call with Cherelle Griner",
    "Statement by NSC Spokesperson Emily Horne on National Security Advisor Jake Sullivan’s Meeting with The Elders",
    "Statement by NSC Spokesperson Emily Horne on Senior Administration Official Travel to Uzbekistan",
    "FACT SHEET: Addressing Addiction and the Overdose Epidemic",
]


@pytest.mark.parametrize("title, kind, who, counterparts, destinations", CASES)
def test_titles_announce_engagements(title, kind, who, counterparts, destinations):
    label = parse_headline(title)
    assert label is not None
    assert (label.kind, label.who.name) == (kind, who)
    assert [(c.name.removesuffix(" II"), c.title, c.country) for c in label.counterparts] == counterparts
    assert label.destinations == destinations


@pytest.mark.parametrize("title", NOT_ENGAGEMENTS)
def test_titles_that_announce_no_engagement_with_a_person(title):
    assert parse_headline(title) is None


def test_escaped_no_break_spaces_are_spaces():
    label = parse_headline("Readout of President Biden\u2019s Call with Prime Minister Fumio\u00a0Kishida of\u00a0Japan")
    assert label and label.counterparts[0].name == "Fumio Kishida" and label.counterparts[0].country == "JPN"


@pytest.mark.parametrize("title, announces", [
    ("Readout of President Biden’s Call with President Zelenskyy of Ukraine", True),
    ("Joint Statement by the United States and India", True),
    ("Statement from President Biden on the Passing of Senator Harry Reid", False),
    ("A Proclamation on National Poison Prevention Week, 2022", False),
])
def test_which_titles_announce_an_engagement(title, announces):
    assert bool(ANNOUNCES.search(title)) is announces


def test_surname_folds_accents():
    assert surname("Andrés Manuel López Obrador") == "obrador" and surname("Joseph R. Biden Jr.") == "biden"


@pytest.mark.parametrize("titled, extracted, same", [
    ("Biden", "Joseph R. Biden Jr", True),
    ("Abdullah II", "King Abdullah II", True),
    ("Lee", "Lee Hsien Loong", True),
    ("Kishida", "Kishida Fumio", True),
    ("Fumio Kishida", "Kishida Fumio", True),
    ("Hassan", "Samia Suluhu", False),
    ("Narendra Modi", "Shehbaz Sharif", False),
])
def test_a_titled_name_matches_the_name_the_text_gives(titled, extracted, same):
    assert same_person(titled, extracted) is same
