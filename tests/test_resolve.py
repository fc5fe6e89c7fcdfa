"""Countries, titles, names, officials and initiatives resolve to one identity each."""
import pytest

from etl.resolve.countries import country_name, to_iso3
from etl.resolve.initiatives import InitiativeResolver, initiative_key
from etl.resolve.officials import Official, OfficialResolver
from etl.resolve.titles import seniority, split_title


@pytest.mark.parametrize("name, iso3", [
    ("US", "USA"), ("U.S.", "USA"), ("United States", "USA"), ("USA", "USA"), ("united-kingdom", "GBR"),
    ("korea-south", "KOR"), ("korea-north", "PRK"), ("cote-divoire", "CIV"), ("germany", "DEU"),
    ("czechoslovakia", "CSK"), ("german-democratic-republic", "DDR"), ("burma", "MMR"), ("India", "IND"),
    ("IND", "IND"), ("EU", "EUU"), ("Niger", "NER"), ("Nigeria", "NGA"), ("turkey", "TUR"),
])
def test_country_names_resolve_to_iso3(name, iso3):
    assert to_iso3(name) == iso3


@pytest.mark.parametrize("name", ["", "   ", "Atlantis", "narnia-kingdom"])
def test_unknown_countries_are_none(name):
    assert to_iso3(name) is None


def test_every_hsg_country_slug_resolves():
    import re
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent / "data" / "sources"
    slugs = set()
    for path in root.rglob("*.xml"):
        slugs |= set(re.findall(r'<(?:country|from) id="([^"]+)"', path.read_text("utf-8")))
    assert len(slugs) > 200
    assert [s for s in slugs if to_iso3(s) is None] == []


def test_country_name_for_codes():
    assert country_name("USA") == "United States"
    assert country_name("EUU") == "European Union"


@pytest.mark.parametrize("text, title, name", [
    ("Prime Minister Narendra Modi", "Prime Minister", "Narendra Modi"),
    ("King Abdullah II", "King", "Abdullah II"),
    ("President- elect Ernesto Zedillo Ponce de Leon", "President-elect", "Ernesto Zedillo Ponce de Leon"),
    ("Chairman of the Presidency Bakir Izetbegovic", "Chairman of the Presidency", "Bakir Izetbegovic"),
    ("Jose Luis Rodriguez Zapatero", None, "Jose Luis Rodriguez Zapatero"),
    ("Foreign Secretary Shri Vikram Misri", "Foreign Secretary", "Vikram Misri"),
])
def test_split_title(text, title, name):
    assert split_title(text) == (title, name)


def test_seniority_orders_titles():
    assert seniority("Prime Minister")[0] == 1
    assert seniority("Acting President")[0] == 2
    assert seniority("Secretary of State")[0] == 3
    assert seniority("Under Secretary")[0] == 5
    assert seniority(None)[0] == 6


def test_one_official_across_spellings():
    resolver = OfficialResolver()
    ids = {resolver.resolve(n, "USA").official_id
           for n in ["Antony John Blinken", "Antony J. Blinken", "Antony Blinken", "Secretary Blinken"]}
    assert len(ids) == 1
    modi = {resolver.resolve(n, "IND").official_id
            for n in ["Narendra Modi", "PM Modi", "Prime Minister Narendra Modi's"]}
    assert len(modi) == 1


def test_different_people_stay_apart():
    resolver = OfficialResolver()
    hw = resolver.resolve("George H. W. Bush", "USA")
    w = resolver.resolve("George W. Bush", "USA")
    assert hw.official_id != w.official_id
    jordan = resolver.resolve("Abdullah II", "JOR")
    saudi = resolver.resolve("Abdullah", "SAU")
    assert jordan.official_id != saudi.official_id
    assert resolver.resolve("Theodore Roosevelt", "USA").official_id != resolver.resolve("Franklin D. Roosevelt", "USA").official_id


def test_transliterated_first_names_match():
    resolver = OfficialResolver()
    assert resolver.resolve("Benjamin Netanyahu", "ISR") is resolver.resolve("Binyamin Netanyahu", "ISR")


def test_initiative_spellings_resolve_to_one():
    resolver = InitiativeResolver()
    a = resolver.resolve("India-US COMPACT (Catalysing Opportunities for Military Partnership, Accelerated Commerce & Technology) for the 21st Century")
    b = resolver.resolve("US-India COMPACT for the 21st Century")
    c = resolver.resolve("India-U.S. COMPACT")
    assert a is b is c
    icet = resolver.resolve("U.S.-India Initiative on Critical and Emerging Technologies (iCET)")
    assert resolver.resolve("iCET") is icet
    assert icet.acronym == "iCET"


def test_initiative_key_ignores_order_case_and_us_spelling():
    assert initiative_key("U.S.-India Strategic Trade Dialogue") == initiative_key("India-United States strategic trade dialogue")


def test_family_name_first_is_the_same_person():
    resolver = OfficialResolver()
    assert resolver.resolve("Taro Aso", "JPN") is resolver.resolve("Aso Taro", "JPN")
    assert resolver.resolve("Shinzo Abe", "JPN") is not resolver.resolve("Aso Taro", "JPN")
    assert resolver.resolve("Sergey Viktorovich Lavrov", "RUS") is resolver.resolve("Sergei Lavrov", "RUS")


def test_a_son_named_after_his_father_stays_apart_and_the_fullest_name_wins():
    resolver = OfficialResolver()
    king = resolver.resolve("Hamad bin Isa Al Khalifa", "BHR")
    assert resolver.resolve("Salman bin Hamad Al Khalifa", "BHR") is not king
    assad = resolver.resolve("President Assad", "SYR")
    assert resolver.resolve("Bashar al-Assad", "SYR") is assad
    assert assad.name == "Bashar al-Assad" and assad.official_id == "syr-assad"


def test_a_nickname_is_the_same_person_and_the_dictionary_name_is_shown():
    resolver = OfficialResolver()
    clinton = resolver.resolve("William J. Clinton", "USA")
    assert clinton.name == "Bill Clinton"  # PETRARCH heads him 'Bill Clinton', with the formal name as an alias
    assert resolver.resolve("President Bill Clinton", "USA") is clinton
    assert resolver.resolve("Hillary Rodham Clinton", "USA") is not clinton
    hagel = resolver.resolve("Chuck Hagel", "USA")
    assert resolver.resolve("Charles T. Hagel", "USA") is hagel and hagel.name == "Chuck Hagel"
    # a nickname the dictionary does not list still joins its formal name, which keeps the fullest form
    assert resolver.resolve("Robert Menendez", "USA") is resolver.resolve("Bob Menendez", "USA")
    assert resolver.resolve("Robert Menendez", "USA").name == "Robert Menendez"


def test_a_stored_official_takes_the_name_the_dictionary_gives():
    stored = Official("usa-william-j-clinton", "William J. Clinton", "USA", {"William J. Clinton"})
    resolver = OfficialResolver([stored])
    assert resolver.resolve("William J. Clinton", "USA") is stored
    assert stored.name == "Bill Clinton" and stored.renamed and stored.official_id == "usa-william-j-clinton"


def test_a_name_to_its_fathers_name_is_the_full_name_without_the_family():
    resolver = OfficialResolver()
    mbz = resolver.resolve("Mohamed bin Zayed", "ARE")
    assert resolver.resolve("Crown Prince Mohamed bin Zayed Al Nahyan", "ARE") is mbz
    assert mbz.name == "Mohamed bin Zayed Al Nahyan"
    assert resolver.resolve("Abdullah bin Zayed Al Nahyan", "ARE") is not mbz  # his brother
    assert resolver.resolve("Salman bin Abdulaziz Al-Saud", "SAU") is resolver.resolve("Salman bin Abdulaziz", "SAU")


@pytest.mark.parametrize("name, iso3", [
    ("Commonwealth of Australia", "AUS"), ("People’s Republic of Bangladesh", "BGD"), ("Argentine Republic", "ARG"),
    ("Kingdom of Saudi Arabia", "SAU"), ("European Commission", "EUU"), ("Washington", None)])
def test_a_state_named_in_any_style_is_that_state(name, iso3):
    from etl.extract.gazetteer import country_of_formal_name

    assert country_of_formal_name(name) == iso3
