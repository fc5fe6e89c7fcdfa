"""Country names, slugs and codes -> ISO 3166 alpha-3."""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from importlib import resources

import pycountry

_PUNCT = re.compile(r"[^a-z0-9 ]+")


def _normalise(text: str) -> str:
    """Lowercase ASCII words separated by single spaces ('Côte-d'Ivoire' -> 'cote d ivoire')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _PUNCT.sub(" ", ascii_text.lower().replace("'", "").replace("’", "")).split()
    return " ".join(words)


@lru_cache(maxsize=1)
def _overrides() -> dict[str, str]:
    """The documented table of names pycountry does not know (country_names.csv)."""
    text = resources.files(__package__).joinpath("country_names.csv").read_text("utf-8")
    return {_normalise(row["name"]): row["iso3"] for row in csv.DictReader(text.splitlines())}


def curated_iso3(name: str) -> str | None:
    """The alpha-3 code the documented table (country_names.csv) gives a name or abbreviation ('ROK', 'PRC'), or None."""
    return _overrides().get(_normalise(name.replace("-", " ").replace("_", " ")))


@lru_cache(maxsize=4096)
def to_iso3(name: str | None) -> str | None:
    """The ISO alpha-3 code for a country name, HSG slug or ISO code; None when unknown."""
    if not name or not name.strip():
        return None
    key = _normalise(name.replace("-", " ").replace("_", " "))
    if not key:
        return None
    if key in _overrides():
        return _overrides()[key]
    for table in (pycountry.countries, pycountry.historic_countries):
        try:
            return table.lookup(name.strip()).alpha_3
        except LookupError:
            pass
        try:
            return table.lookup(key).alpha_3
        except LookupError:
            pass
    return None


@lru_cache(maxsize=1024)
def country_name(iso3: str | None) -> str | None:
    """A readable name for an alpha-3 code (common name where pycountry has one)."""
    if not iso3:
        return None
    special = {"EUU": "European Union", "UNO": "United Nations", "XKX": "Kosovo"}
    if iso3 in special:
        return special[iso3]
    country = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return getattr(country, "common_name", None) or country.name


def country_names() -> list[tuple[str, str]]:
    """(alpha-3, readable name) of every code Parley can name: current and historical countries, EU, UN, Kosovo."""
    codes = {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries} \
        | {"EUU", "UNO", "XKX"}
    return sorted((code, country_name(code)) for code in codes)


def is_known_code(code: str) -> bool:
    """True when code is an alpha-3 code Parley can name."""
    return country_name(code) not in (None, code)
