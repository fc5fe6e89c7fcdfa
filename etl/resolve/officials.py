"""One identity per official across sources and spellings."""
from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import token_sort_ratio

from etl.resolve.names import NameParts, clean_display_name, name_parts, nickname_of, slugify
from etl.resolve.titles import split_title

FIRST_NAME_SIMILARITY = 0.85


@dataclass(eq=False)
class Official:
    """A resolved person: stable id, display name, country and every spelling seen."""

    official_id: str
    name: str
    country_iso3: str | None
    aliases: set[str] = field(default_factory=set)
    is_new: bool = False
    touched: bool = False  # gained a spelling in this run: its aliases need writing
    renamed: bool = False  # a fuller form of the name was seen: store it as the name

    def add_aliases(self, names: Iterable[str]) -> bool:
        """Record new spellings, marking the official for writing; True when any was new."""
        new = set(names) - self.aliases
        if new:
            self.aliases |= new
            self.touched = True
        return bool(new)


def _first_names_agree(a: NameParts, b: NameParts) -> bool:
    if a.first is None or b.first is None:
        return True
    if len(a.first) == 1 or len(b.first) == 1:
        return a.first[0] == b.first[0]
    return JaroWinkler.similarity(a.first, b.first) >= FIRST_NAME_SIMILARITY or nickname_of(a.first, b.first)


_PATRONYMIC = frozenset({"bin", "bint", "ibn", "ben"})


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if not 2 <= len(short) < len(long) or long[-len(short):] != short:
        return False
    # 'Salman bin Hamad Al Khalifa' is Hamad Al Khalifa's son, not a longer form of his name
    return long[-len(short) - 1] not in _PATRONYMIC


def _is_patronymic_prefix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    # 'Mohamed bin Zayed' is 'Mohamed bin Zayed Al Nahyan' without the family name
    return 3 <= len(short) < len(long) and long[:len(short)] == short and short[-2] in _PATRONYMIC


def compatible(a: NameParts, b: NameParts) -> bool:
    """True when two names can denote the same person ('Antony J. Blinken' ~ 'Antony Blinken')."""
    if _is_suffix(a.full, b.full) or _is_suffix(b.full, a.full):
        return True  # double surnames: 'Lopez Obrador' ~ 'Andres Manuel Lopez Obrador'
    if _is_patronymic_prefix(a.full, b.full) or _is_patronymic_prefix(b.full, a.full):
        return True
    if len(a.full) == 2 and a.full == b.full[::-1]:
        return True  # family name first, as ICEWS writes 'Aso Taro' for 'Taro Aso'
    if a.surname != b.surname:
        single = a if a.first is None else b if b.first is None else None
        other = b if single is a else a
        # A lone name may be the given name first ('Moon' of 'Moon Jae-in').
        if single is None or other.first != single.surname:
            return False
    if a.numeral and b.numeral and a.numeral != b.numeral:
        return False
    if a.middles and b.middles and a.middles != b.middles:
        return False
    return _first_names_agree(a, b)


@lru_cache(maxsize=1)
def _common_names() -> dict[str, list[tuple[NameParts, str, str]]]:
    """Surname -> (formal name's parts, the name the person goes by, country), from common_names.tsv."""
    table: dict[str, list[tuple[NameParts, str, str]]] = defaultdict(list)
    text = resources.files(__package__).joinpath("common_names.tsv").read_text("utf-8")
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        for spelling in (row["alias"], row["name"]):
            if parts := name_parts(spelling):
                table[parts.surname].append((parts, row["name"], row["iso3"]))
    return table


def common_name(parts: NameParts, country: str | None) -> str | None:
    """The name a person goes by when the actor dictionary heads them with another form ('Bill Clinton')."""
    if parts.first is None:
        return None  # a lone surname could be anyone of that name
    for known, name, iso3 in _common_names().get(parts.surname, ()):
        if country in (None, iso3) and compatible(parts, known):
            return name
    return None


class OfficialResolver:
    """Matches names to known officials, creating new ones when nothing fits."""

    def __init__(self, officials: list[Official] | None = None) -> None:
        self._by_id: dict[str, Official] = {}
        self._by_key: dict[str, dict[str, Official]] = defaultdict(dict)
        for official in officials or []:
            self._add(official)

    def _add(self, official: Official) -> None:
        self._by_id[official.official_id] = official
        for alias in sorted({official.name, *official.aliases}):
            parts = name_parts(alias)
            if parts:
                for key in {parts.surname, parts.first or parts.surname}:
                    self._by_key[key][official.official_id] = official

    @property
    def officials(self) -> list[Official]:
        """Every official known, old and new."""
        return list(self._by_id.values())

    def resolve(self, name: str, country_iso3: str | None) -> Official | None:
        """The official a name denotes in a country, recording the spelling as an alias."""
        display = clean_display_name(split_title(name)[1])
        parts = name_parts(display)
        if parts is None:
            return None
        official = self._match(display, parts, country_iso3)
        known_as = common_name(parts, country_iso3)
        if official is None:
            name = known_as or display
            official = Official(self._new_id(name, country_iso3), name, country_iso3, {display}, True, True)
            self._add(official)
        elif known_as and official.name != known_as:
            official.add_aliases([display])
            official.name, official.renamed = known_as, True
            self._add(official)
        elif official.add_aliases([display]):
            current = name_parts(official.name)
            if not known_as and len(parts.full) > len(current.full if current else ()):
                official.name, official.renamed = display, True  # 'Assad' first, then 'Bashar al-Assad'
            self._add(official)
        return official

    def _match(self, display: str, parts: NameParts, country: str | None) -> Official | None:
        pool = self._by_key.get(parts.surname, {})
        if parts.first and _PATRONYMIC.intersection(parts.full):  # 'Mohamed bin Zayed' files under 'Nahyan' too
            pool = {**pool, **self._by_key.get(parts.first, {})}
        candidates = [
            o
            for o in sorted(pool.values(), key=lambda o: o.official_id)
            if (country is None or o.country_iso3 in (None, country))
            and any(compatible(parts, p) for p in map(name_parts, {o.name, *o.aliases}) if p)
        ]
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        exact = [o for o in candidates if display in o.aliases or display == o.name]
        if len(exact) == 1:
            return exact[0]
        if parts.first is None:
            return None  # a lone surname shared by several people stays ambiguous
        return max(candidates, key=lambda o: (token_sort_ratio(display, o.name), o.official_id))

    def _new_id(self, display: str, country: str | None) -> str:
        base = f"{(country or 'xxx').lower()}-{slugify(display)}"
        candidate, n = base, 2
        while candidate in self._by_id:
            candidate, n = f"{base}-{n}", n + 1
        return candidate
