"""Who held which office when: 'Secretary Blinken' in 2022 is Antony John Blinken, USA, Secretary of State.

The table, etl/resolve/offices.tsv, is built from public data by etl/resolve/build_offices.py (`make offices`);
docs/extraction.md says what is in it. A lookup only fills what the text leaves out: names and titles read in the
text always win.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from etl.resolve.names import ascii_fold, name_parts
from etl.resolve.officials import compatible

# A holder seen only at dates (a visit, a release title) is taken to hold the office this long either side; one
# whose term the builder closed (the administration's end, a successor seen) only before the first sighting.
SIGHTING_SLACK = dt.timedelta(days=365)
SIGHTINGS = ("hsg-visits", "wh-briefings")
TERM_SUFFIX = "/term"
# How long a person named in full keeps the nationality of an office they held: a career, not a lifetime, so that a
# namesake of a nineteenth-century envoy is not taken for an American.
NATIONALITY_YEARS = 20
_FILLER = {"of", "the", "for", "and", "u.s.", "us", "united", "states", "to", "on", "in", "&"}


@dataclass(frozen=True)
class Holder:
    """One person holding one office over a span of dates."""

    name: str
    office: str
    country: str
    start: dt.date
    end: dt.date | None
    source: str

    def held_on(self, day: dt.date) -> bool:
        """True when the office was this person's on that day."""
        before = SIGHTING_SLACK if self.source.removesuffix(TERM_SUFFIX) in SIGHTINGS else dt.timedelta(0)
        after = SIGHTING_SLACK if self.source in SIGHTINGS else dt.timedelta(0)
        return self.start - before <= day <= (self.end or dt.date.max - after) + after


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z.'-]*", ascii_fold(text).lower()) if w not in _FILLER]


def _surname(name: str) -> str:
    words = _words(name)
    return words[-1].strip(".") if words else ""


def written_like(holder: Holder, surname: str) -> str:
    """The holder's full name ending in the surname the text used: 'Fumio Kishida' for 'Prime Minister Kishida',
    though the table has 'Kishida Fumio'."""
    words = holder.name.split()
    if holder.country in EITHER_ORDER and len(words) == 2 and _words(words[0]) == [_surname(surname)]:
        return f"{words[1]} {words[0]}"
    return holder.name


def _given_name(name: str, surname: str) -> str:
    """The first of the name's words but the surname: 'fumio' of both 'Fumio Kishida' and 'Kishida Fumio'."""
    return next((w for w in _words(name) if w.strip(".") != surname), "")


# Where a name is written family name first, even in English: one word alone ('Xi', 'Yoon') is the family name.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"})
# Where English writes names in either order: the Office of the Historian has 'Kishida Fumio' and 'Suga Yoshihide',
# the White House 'Fumio Kishida'.
EITHER_ORDER = frozenset({"JPN"})


_RANKS = {"deputy", "under", "assistant", "vice", "principal", "associate", "acting"}


def _title_fits(title: str | None, office: str) -> bool:
    """'Secretary' fits 'Secretary of State' but not 'Deputy Secretary of State'; 'Deputy Secretary' fits the latter."""
    if not title:
        return True
    wanted, held = set(_words(title)) - {"then", "former"}, set(_words(office))
    return bool(wanted - {"acting"}) and wanted - {"acting"} <= held and held & _RANKS <= wanted


class Offices:
    """Office holders indexed by surname, looked up by name, title, date and country."""

    def __init__(self, holders: list[Holder]):
        self._by_surname: dict[str, list[Holder]] = {}
        self._by_office: dict[tuple[str, str], list[Holder]] = {}
        self._fits: dict[tuple[str, str], bool] = {}
        self._by_deletion: dict[str, set[str]] | None = None  # surnames by each one-letter deletion of them
        for holder in holders:
            self._by_surname.setdefault(_surname(holder.name), []).append(holder)
            if holder.country in FAMILY_NAME_FIRST | EITHER_ORDER and len(words := _words(holder.name)) > 1:
                self._by_surname.setdefault(words[0], []).append(holder)  # 'President Xi' is Xi Jinping
            self._by_office.setdefault((holder.office.lower(), holder.country), []).append(holder)

    def someone_else_holds(self, name: str, office: str, country: str, on: dt.date | None) -> bool:
        """True when the table says another person held exactly this office of this country that day: in a US
        release of 2021, 'President Guillermo Lasso' is not the American President."""
        if on is None:
            return False
        holders = [h for h in self._by_office.get((office.lower(), country), []) if h.held_on(on)]
        return bool(holders) and not any(same_person(h.name, name) for h in holders)

    def office_holder(self, title: str, country: str, on: dt.date | None) -> Holder | None:
        """The one person holding the country's office the title names that day ('President', FRA, 2022-12-01:
        Emmanuel Macron); None without a date, or when nobody or several people fit."""
        if on is None:
            return None
        found = [h for (office, owner), holders in self._by_office.items() if owner == country
                 and _title_fits(title, office) and len(_words(title)) == len(_words(office))
                 for h in holders if h.held_on(on)]
        if not found or not all(same_person(found[0].name, h.name) for h in found[1:]):
            return None
        return min(found, key=lambda h: (h.source.removesuffix(TERM_SUFFIX) in SIGHTINGS, (h.end or dt.date.max) - h.start))

    def has_office(self, title: str, country: str) -> bool:
        """True when the table gives the country an office the title fits ('Foreign Secretary' fits none of the USA's)."""
        key = (title.lower(), country)
        if key not in self._fits:
            self._fits[key] = any(_title_fits(title, office) for office, owner in self._by_office if owner == country)
        return self._fits[key]

    def titles_surname(self, title: str | None, surname: str) -> bool:
        """True when someone of that surname held an office the title fits, at any date ('Secretary Austin')."""
        return bool(title) and any(_title_fits(title, h.office) for h in self._by_surname.get(_surname(surname), []))

    def covers(self, country: str) -> bool:
        """True when the table holds offices of the country at all."""
        return any(owner == country for _, owner in self._by_office)

    def holder(self, name: str, title: str | None, on: dt.date | None, country: str | None = None) -> Holder | None:
        """The one person who fits the name, title and date (and country when known); None when none or several do."""
        if on is None:
            return None  # without a date, every Secretary Smith of two centuries fits
        given, surname = _words(name)[:-1], _surname(name)
        found = [h for h in self._by_surname.get(surname, [])
                 if h.held_on(on) and _title_fits(title, h.office) and (country is None or h.country == country)
                 and (not given or _given_name(h.name, surname)[:1] == given[0][:1])]
        if not found or not all(same_person(found[0].name, h.name) for h in found[1:]):
            return None
        # Appointment records before sightings; then the narrowest span.
        return min(found, key=lambda h: (h.source.removesuffix(TERM_SUFFIX) in SIGHTINGS,
                                         (h.end or dt.date.max) - h.start))

    def misspelt_holder(self, name: str, title: str | None, on: dt.date | None) -> Holder | None:
        """The one holder at the date whose surname is one letter from the name's, with the same given name and a
        title that fits: 'Prime Minister Naftali Bennet' is Naftali Bennett. None for short surnames, where one
        letter makes another name."""
        words = _words(name)
        if on is None or len(words) < 2 or len(words[-1]) < MISSPELT_MIN:
            return None
        if self._by_deletion is None:  # built on first use: most texts spell every name right
            self._by_deletion = {}
            for key in self._by_surname:
                for variant in _deletions(key):
                    self._by_deletion.setdefault(variant, set()).add(key)
        keys = {k for variant in _deletions(words[-1]) for k in self._by_deletion.get(variant, ())}
        found = [h for key in sorted(keys) if key != words[-1] and _one_edit(key, words[-1])
                 for h in self._by_surname[key]
                 if _words(h.name)[0] == words[0] and h.held_on(on) and _title_fits(title, h.office)]
        return found[0] if found and all(same_person(found[0].name, h.name) for h in found[1:]) else None

    def nationality(self, name: str, on: dt.date | None) -> Holder | None:
        """A holder of any office of one country whose full name this is, with an office begun within
        NATIONALITY_YEARS before the date: an ambassador of 2018 is still American in 2023, out of office or in one
        the table has not recorded yet. None for a one-word name, or when the name's holders are of several
        countries."""
        if on is None or len(_words(name)) < 2:
            return None
        earliest = on - dt.timedelta(days=365 * NATIONALITY_YEARS)
        found = [h for h in self._by_surname.get(_surname(name), [])
                 if earliest <= h.start <= on and same_person(h.name, name)]
        if not found or len({h.country for h in found}) > 1:
            return None
        return max(found, key=lambda h: h.start)


MISSPELT_MIN = 5  # letters a surname needs before one letter off is read as a misspelling


def _deletions(word: str) -> set[str]:
    """The word and every word one deletion from it: two words one edit apart share one of these."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True when one insertion, deletion or substitution turns a into b (a != b)."""
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def same_person(a: str, b: str) -> bool:
    """'Joe Biden' and 'Joseph R. Biden' are one person; 'Alan John Blinken' and 'Antony John Blinken' two."""
    parts_a, parts_b = name_parts(a), name_parts(b)
    return parts_a is not None and parts_b is not None and compatible(parts_a, parts_b)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def offices() -> Offices:
    """The office holders shipped with Parley."""
    with resources.files(__package__).joinpath("offices.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return Offices([Holder(r["name"], r["office"], r["country"], _date(r["start"]), _date(r["end"]), r["source"])
                        for r in rows])
