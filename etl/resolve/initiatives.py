"""One identity per named initiative across spellings and acronyms."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.resolve.names import ascii_fold, slugify

_STOP = frozenset({"the", "for", "of", "on", "and", "a", "an", "21st", "century", "in", "to"})
_US_VARIANTS = re.compile(r"\b(u\.\s?s\.(\s?a\.)?|united states( of america)?|usa|america)(?![a-z])", re.I)
_ACRONYM_AFTER = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[A-Za-z0-9&+\-]{2,15})\)\s*$")
_EXPANSION_AFTER = re.compile(r"^(?P<acr>[^()]+?)\s*\((?P<exp>[^()]{12,})\)\s*(?P<rest>.*)$")


def initiative_key(name: str) -> str:
    """Order-, case- and punctuation-free words of a name, with every spelling of the US as 'us'."""
    text = _US_VARIANTS.sub(" us ", ascii_fold(name).lower())
    words = re.sub(r"[^a-z0-9+]+", " ", text).split()
    return " ".join(sorted(_singular(w) for w in words if w not in _STOP))


def _singular(word: str) -> str:
    """'technologies' and 'technology' are one word for matching; short words and '-ss' stay as they are."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def split_acronym(name: str) -> tuple[str, str | None, str | None]:
    """('U.S.-India Initiative on ... (iCET)') -> (name, acronym, expansion) where the text gives one."""
    name = re.sub(r"\s+", " ", name.strip(" '\"‘’“”"))
    match = _ACRONYM_AFTER.match(name)
    if match and not re.search(r"\s", match["acr"]):
        return match["name"].strip(), match["acr"], None
    match = _EXPANSION_AFTER.match(name)
    if match:
        short = f"{match['acr'].strip()} {match['rest'].strip()}".strip()
        return short, None, match["exp"].strip()
    return name, None, None


@dataclass
class Initiative:
    """A resolved initiative with every spelling seen."""

    initiative_id: str
    name: str
    acronym: str | None = None
    aliases: set[str] = field(default_factory=set)
    is_new: bool = False


class InitiativeResolver:
    """Matches initiative names to known initiatives by their words or acronym."""

    def __init__(self, initiatives: list[Initiative] | None = None) -> None:
        self._by_id: dict[str, Initiative] = {}
        self._by_key: dict[str, Initiative] = {}
        for initiative in initiatives or []:
            self._index(initiative)

    def _index(self, initiative: Initiative) -> None:
        self._by_id[initiative.initiative_id] = initiative
        for alias in {initiative.name, *initiative.aliases}:
            self._by_key.setdefault(initiative_key(alias), initiative)
        if initiative.acronym:
            self._by_key.setdefault(initiative_key(initiative.acronym), initiative)

    @property
    def initiatives(self) -> list[Initiative]:
        """Every initiative known, old and new."""
        return list(self._by_id.values())

    def resolve(self, raw: str) -> Initiative | None:
        """The initiative a mention denotes, recording the spelling; None for an empty mention."""
        name, acronym, expansion = split_acronym(raw)
        if not initiative_key(name):
            return None
        keys = [initiative_key(k) for k in (raw, name, acronym, expansion) if k]
        found = next((self._by_key[k] for k in keys if k in self._by_key), None)
        if found is None:
            found = Initiative(self._new_id(name), name, acronym, set(), True)
        found.aliases.add(re.sub(r"\s+", " ", raw.strip()))
        if acronym and not found.acronym:
            found.acronym = acronym
        self._index(found)
        for spelling in (name, expansion):
            if spelling:
                found.aliases.add(spelling)
                self._by_key.setdefault(initiative_key(spelling), found)
        return found

    def _new_id(self, name: str) -> str:
        base = slugify(_US_VARIANTS.sub("US", name)) or "initiative"
        candidate, n = base, 2
        while candidate in self._by_id:
            candidate, n = f"{base}-{n}", n + 1
        return candidate
