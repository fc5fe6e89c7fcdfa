"""Who held which office when: lookups at a date, US officials read from release text, terms, and the table
rebuilt from ../shared/data byte for byte."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.resolve.build_offices import build, close_open_appointments, to_end_of_term, write
from etl.resolve.offices import Holder, Offices, offices, written_like
from etl.resolve.us_offices import us_officials
from tests.conftest import SHARED_DATA

D = dt.date


@pytest.mark.parametrize("name, title, day, country, expected", [
    ("Blinken", "Secretary", D(2022, 3, 1), None, ("Antony John Blinken", "Secretary of State", "USA")),
    ("Blinken", "Deputy Secretary", D(2016, 3, 1), None, ("Antony John Blinken", "Deputy Secretary of State", "USA")),
    ("Blinken", "Secretary", D(2016, 3, 1), None, None),  # then Deputy Secretary: a plain 'Secretary' is not him
    ("Blinken", None, None, None, None),  # no date: no answer
    ("Biden", "President", D(2022, 3, 1), None, ("Joseph R. Biden", "President", "USA")),
    ("Modi", "Prime Minister", D(2022, 3, 1), None, ("Narendra Modi", "Prime Minister", "IND")),
    ("Modi", "Prime Minister", D(2022, 3, 1), "PAK", None),  # the text's country wins
    ("Kerry", "Secretary", D(2014, 6, 1), None, ("John Forbes Kerry", "Secretary of State", "USA")),
    ("Xi", "President", D(2021, 10, 6), None, ("Xi Jinping", "President", "CHN")),  # a family name written first
])
def test_holder_at_a_date(name, title, day, country, expected):
    holder = offices().holder(name, title, day, country)
    assert (holder and (holder.name, holder.office, holder.country)) == (expected or None)


def test_two_people_who_fit_are_no_answer():
    table = Offices([Holder("Alan John Blinken", "Ambassador", "USA", D(1993, 1, 1), D(1998, 1, 1), "hsg-pocom"),
                     Holder("Donald M. Blinken", "Ambassador", "USA", D(1994, 1, 1), D(1997, 1, 1), "hsg-pocom")])
    assert table.holder("Blinken", "Ambassador", D(1995, 1, 1)) is None
    assert table.holder("Alan Blinken", "Ambassador", D(1995, 1, 1)).name == "Alan John Blinken"


@pytest.mark.parametrize("title, country, expected", [
    ("Secretary", "USA", True), ("Deputy National Security Advisor", "USA", True), ("Ambassador", "USA", True),
    ("Foreign Secretary", "USA", False), ("Cabinet Secretary", "USA", False),  # Westminster titles: not American
    ("Deputy Secretary", "USA", True), ("Principal Secretary", "USA", False),  # a rank must be the office's own
])
def test_which_titles_a_governments_offices_have(title, country, expected):
    assert offices().has_office(title, country) is expected and offices().covers(country)


def test_a_sighting_holds_a_year_either_side():
    table = Offices([Holder("Narendra Modi", "Prime Minister", "IND", D(2021, 2, 8), D(2021, 2, 8), "wh-briefings")])
    assert table.holder("Modi", "Prime Minister", D(2022, 1, 1)) is not None
    assert table.holder("Modi", "Prime Minister", D(2023, 6, 1)) is None


def test_a_japanese_name_the_table_writes_family_name_first_is_found_in_either_order():
    # hsg-visits writes 'Kishida Fumio'; releases write 'Prime Minister Kishida' and 'Fumio Kishida'
    table = Offices([Holder("Kishida Fumio", "Prime Minister", "JPN", D(2023, 1, 13), D(2024, 9, 21), "hsg-visits")])
    for name in ("Kishida", "Fumio Kishida", "Kishida Fumio"):
        holder = table.holder(name, "Prime Minister", D(2023, 5, 19))
        assert holder and holder.country == "JPN", name
    assert table.holder("Hiroshi Kishida", "Prime Minister", D(2023, 5, 19)) is None  # another given name
    assert written_like(table.holder("Kishida", "Prime Minister", D(2023, 5, 19)), "Kishida") == "Fumio Kishida"
    modi = Holder("Narendra Modi", "Prime Minister", "IND", D(2021, 2, 8), D(2021, 2, 8), "wh-briefings")
    assert written_like(modi, "Modi") == "Narendra Modi"


def test_a_full_name_keeps_the_nationality_of_an_office_held_within_a_career():
    table = Offices([Holder("Donald Lu", "Ambassador", "USA", D(2018, 10, 12), D(2021, 1, 20), "hsg-pocom"),
                     Holder("Charles Donald Jacob", "Envoy", "USA", D(1886, 1, 26), D(1886, 5, 29), "hsg-pocom"),
                     Holder("Maria Flores", "Ambassador", "USA", D(2015, 1, 1), D(2017, 1, 1), "hsg-pocom"),
                     Holder("Maria Flores", "Foreign Minister", "PER", D(2016, 1, 1), None, "wh-briefings")])
    assert table.holder("Donald Lu", "Assistant Secretary", D(2023, 6, 2)) is None  # an office the table lacks
    assert table.nationality("Donald Lu", D(2023, 6, 2)).country == "USA"
    assert table.nationality("Lu", D(2023, 6, 2)) is None  # a surname alone is anyone's
    assert table.nationality("Charles Jacob", D(2023, 6, 2)) is None  # a namesake of 1886 is not American
    assert table.nationality("Maria Flores", D(2023, 6, 2)) is None  # two countries: no answer


def test_an_official_out_of_the_offices_table_is_still_of_their_country():
    from tests.extraction_cases import release

    events = release("Assistant Secretary of State for South and Central Asian Affairs Donald Lu will travel to Dhaka, "
                     "Bangladesh, June 3-8, to meet with Foreign Secretary Masud Bin Momen.", published="2023-06-02",
                     publisher=None)
    people = {p.name: p.country for e in events for p in e.participants}
    assert people["Donald Lu"] == "USA" and people.get("Masud Bin Momen") == "BGD"


@pytest.mark.skipif(not (SHARED_DATA / "hsg-pocom").exists(), reason="../shared/data is not beside the checkout")
def test_make_offices_reproduces_the_committed_table(tmp_path: Path):
    out = tmp_path / "offices.tsv"
    write(build(SHARED_DATA), out)
    committed = Path(__file__).resolve().parent.parent / "etl" / "resolve" / "offices.tsv"
    assert out.read_bytes() == committed.read_bytes()


@pytest.mark.parametrize("text, expected", [
    ("Deputy Secretary of State Wendy Sherman met with her counterpart.", [("Wendy Sherman", "Deputy Secretary of State")]),
    ("McGurk and U.S. Special Envoy for Yemen Tim Lenderking. Mr. Sullivan",
     [("Tim Lenderking", "Special Envoy for Yemen")]),
    ("Under Secretary of State for Political Affairs Victoria Nuland.",
     [("Victoria Nuland", "Under Secretary of State for Political Affairs")]),  # the portfolio, not the first name
    ("Ambassador to the United Nations Linda Thomas-Greenfield said", [("Linda Thomas-Greenfield",
                                                                        "Ambassador to the United Nations")]),
    ("Secretary of State Antony J. Blinken and Secretary of Defense Lloyd J. Austin III met",
     [("Antony J. Blinken", "Secretary of State"), ("Lloyd J. Austin", "Secretary of Defense")]),
    ("Israeli Ambassador to the United States Michael Herzog said", []),  # another government's envoy
    ("Republic of Korea National Security Advisor Suh Hoon said", []),
    ("National Security Advisor Suh Hoon of the Republic of Korea", []),
    ("Ambassador to Mexico Ken Salazar. Secretary of Homeland Security Alejandro Mayorkas, and",
     [("Ken Salazar", "Ambassador to Mexico"), ("Alejandro Mayorkas", "Secretary of Homeland Security")]),
    ("Ambassador to the Republic of Kenya The Honorable Meg Whitman", []),  # a nomination list's honorific
    ("Secretary of Labor for President Barack Obama.", []),  # the President is not the portfolio's holder
    ("spoke today with South African\nNational Security Advisor Thabo Nkosi. They", []),  # a two-word nationality
    ("The UK delegation was led by Deputy National Security Advisor Tom Hale and included", []),  # its side
    # whom someone met, in a list that names another country, is the other side; a list of the Cabinet is ours
    ("Raimondo met with Minister of Trade and Indonesian Sherpa Budi Santoso, Foreign Secretary R.T. Wibowo, "
     "Deputy National Security Advisor Ahmad Rizal, and", []),
    ("Sullivan met with Secretary of Commerce Gina Raimondo, Deputy Secretary of Defense Kathleen Hicks, and",
     [("Gina Raimondo", "Secretary of Commerce"), ("Kathleen Hicks", "Deputy Secretary of Defense")]),
])
def test_us_officials_named_by_office(text, expected):
    assert us_officials(text) == expected


def test_a_us_official_seen_in_releases_serves_to_the_end_of_the_term_or_a_successor():
    rows = [("Joseph R. Biden", "President", "USA", D(2021, 1, 20), D(2025, 1, 20), "hsg-travels/presidents"),
            ("Jen Psaki", "Press Secretary", "USA", D(2021, 2, 1), D(2022, 5, 1), "wh-briefings"),
            ("Karine Jean-Pierre", "Press Secretary", "USA", D(2022, 5, 21), D(2022, 12, 1), "wh-briefings"),
            ("Narendra Modi", "Prime Minister", "IND", D(2021, 2, 8), D(2022, 2, 8), "wh-briefings")]
    spans = {r[0]: (r[4], r[5]) for r in to_end_of_term(rows)}
    assert spans["Jen Psaki"] == (D(2022, 5, 20), "wh-briefings/term")  # the day before her successor is seen
    assert spans["Karine Jean-Pierre"] == (D(2025, 1, 20), "wh-briefings/term")  # the administration's end
    assert spans["Narendra Modi"] == (D(2022, 2, 8), "wh-briefings")  # another government's term is not known
    table = Offices([Holder(*r[:4], r[4], r[5]) for r in to_end_of_term(rows)])
    assert table.holder("Jean-Pierre", "Press Secretary", D(2024, 6, 1)).name == "Karine Jean-Pierre"
    assert table.holder("Jean-Pierre", "Press Secretary", D(2025, 6, 1)) is None  # no slack past a closed term


def test_an_appointment_with_no_recorded_end_ends_when_the_next_holder_starts():
    deputy = "Deputy Secretary of State"
    rows = [("Antony John Blinken", deputy, "USA", D(2015, 1, 9), D(2017, 1, 19), "hsg-pocom"),
            ("William Joseph Burns", deputy, "USA", D(2011, 7, 28), D(2014, 11, 3), "hsg-pocom"),
            ("James Steinberg", deputy, "USA", D(2009, 1, 28), D(2011, 7, 29), "hsg-pocom"),
            ("John J. Sullivan", deputy, "USA", D(2017, 5, 24), None, "hsg-pocom"),
            ("Stephen E. Biegun", deputy, "USA", D(2019, 12, 21), None, "hsg-pocom"),
            ("Wendy Sherman", deputy, "USA", D(2021, 6, 8), D(2022, 10, 7), "wh-briefings"),
            ("Wendy R. Sherman", deputy, "USA", D(2023, 1, 1), None, "hsg-pocom"),  # the same person, later
            ("Mary A. Ryan", "Career Ambassador", "USA", D(2002, 3, 31), None, "hsg-pocom"),  # a rank many hold
            ("Ruth A. Davis", "Career Ambassador", "USA", D(2004, 10, 11), None, "hsg-pocom")]
    ends = {row[0]: row[4] for row in close_open_appointments(rows)}
    assert ends["John J. Sullivan"] == D(2019, 12, 20)  # the day before Biegun started
    assert ends["Stephen E. Biegun"] == D(2021, 6, 7)  # the day before the releases first name Sherman
    assert ends["Wendy R. Sherman"] is None  # nobody else after her
    assert ends["Mary A. Ryan"] is None  # an office of many holders at once is not closed by the next


def test_sherman_is_the_deputy_secretary_of_state_in_2023():
    holder = offices().holder("Sherman", "Deputy Secretary", D(2023, 4, 12))
    assert holder and (holder.name, holder.office, holder.country) == ("Wendy Sherman", "Deputy Secretary of State",
                                                                       "USA")
    assert offices().holder("Biegun", "Deputy Secretary", D(2023, 4, 12)) is None


def test_a_surname_one_letter_off_is_the_holder_of_that_office_at_the_date():
    table = offices()
    assert table.misspelt_holder("Naftali Bennet", "Prime Minister", D(2021, 10, 1)).name == "Naftali Bennett"
    assert table.misspelt_holder("Naftali Bennet", "Prime Minister", D(2019, 10, 1)) is None  # not yet in office
    assert table.misspelt_holder("Yair Lapin", "Foreign Minister", D(2021, 10, 1)) is None  # another given name
    assert table.misspelt_holder("Jane Smith", "Secretary", D(2022, 10, 1)) is None
