"""Person names reduced to comparable parts: first name, middle initials, surname."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nicknames import NickNamer

_SUFFIXES = frozenset({"jr", "sr", "3rd", "2nd", "4th", "iii", "ii", "iv", "i", "v", "vi", "vii", "viii", "xvi", "xxiii"})
_PARTICLES = frozenset({"de", "da", "del", "der", "van", "von", "la", "le", "bin", "al", "el", "ibn"})


def ascii_fold(text: str) -> str:
    """Text without accents ('Shinzō' -> 'Shinzo')."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slugify(text: str) -> str:
    """A lowercase hyphenated slug of ASCII words."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


@dataclass(frozen=True)
class NameParts:
    """The comparable parts of a person's name."""

    first: str | None
    middles: tuple[str, ...]
    surname: str
    numeral: str | None
    full: tuple[str, ...] = ()  # every word, particles and middle names included

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(t for t in (self.first, *self.middles, self.surname) if t)


@lru_cache(maxsize=65536)
def name_parts(name: str) -> NameParts | None:
    """Split a name into first, middle initials, surname and regnal numeral; None if empty."""
    words = [w for w in re.split(r"[\s.,]+", ascii_fold(name).lower().replace("'s", "")) if w]
    # 'el-Sisi' and 'al-Assad' are 'Sisi' and 'Assad' when written alone
    words = [re.sub(r"^(?:al|el|ad|as|ash|at|az)-(?=[a-z]{3})", "", w) for w in words]
    words = [re.sub(r"[^a-z0-9-]", "", w).replace("-", "") for w in words]
    words = [w for w in words if w]
    numeral = None
    while len(words) > 1 and words[-1] in _SUFFIXES:
        suffix = words.pop()
        if suffix not in {"jr", "sr"}:
            numeral = suffix
    if not words:
        return None
    if len(words) == 1:
        return NameParts(None, (), words[0], numeral, tuple(words))
    core = [w for w in words[1:-1] if w not in _PARTICLES]
    return NameParts(words[0], tuple(w[0] for w in core), words[-1], numeral, tuple(words))


def clean_display_name(name: str) -> str:
    """A name with possessives, stray punctuation and doubled spaces removed."""
    name = re.sub(r"['’]s$", "", name.strip())
    return re.sub(r"\s+", " ", name).strip(" ,;:")


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=65536)
def nickname_of(a: str, b: str) -> bool:
    """True when one of two different given names is a usual English nickname of the other ('bill', 'william')."""
    a, b = a.lower(), b.lower()
    return a != b and (b in _nicknamer().nicknames_of(a) or a in _nicknamer().nicknames_of(b))
