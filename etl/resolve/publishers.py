"""Whose releases a document is: a government named by ISO3, from the source's setting, front matter or web domain."""
from __future__ import annotations

from urllib.parse import urlsplit

from etl.resolve.countries import to_iso3

# Domain suffixes reserved to one government (longest match wins). '.gov' and '.mil' are the US federal domains.
GOVERNMENT_DOMAINS = {
    "gov": "USA", "mil": "USA", "archives.gov": "USA",
    "gov.uk": "GBR", "gov.in": "IND", "nic.in": "IND", "gov.au": "AUS", "govt.nz": "NZL", "gc.ca": "CAN",
    "canada.ca": "CAN", "go.jp": "JPN", "go.kr": "KOR", "gov.cn": "CHN", "gouv.fr": "FRA", "elysee.fr": "FRA",
    "bund.de": "DEU", "bundesregierung.de": "DEU", "auswaertiges-amt.de": "DEU", "gov.za": "ZAF", "gov.sg": "SGP",
    "gov.il": "ISR", "gov.br": "BRA", "gob.mx": "MEX", "gov.ph": "PHL", "go.id": "IDN", "gov.pk": "PAK",
    "kremlin.ru": "RUS", "mid.ru": "RUS", "gov.ie": "IRL", "governo.it": "ITA", "esteri.it": "ITA",
    "lamoncloa.gob.es": "ESP", "gob.es": "ESP", "europa.eu": "EUU", "un.org": "UNO",
}


def publisher_of_domain(url: str | None) -> str | None:
    """The government a URL's domain belongs to ('bidenwhitehouse.archives.gov' -> USA), else None."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.") if url else ""
    labels = host.split(".")
    for size in range(len(labels), 0, -1):
        if (code := GOVERNMENT_DOMAINS.get(".".join(labels[-size:]))) is not None:
            return code
    return None


def publisher_code(value: str | None) -> str | None:
    """A publisher setting ('USA', 'United States', 'India') as ISO3; None when empty or unknown."""
    return to_iso3(value) if value else None
