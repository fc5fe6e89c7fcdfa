"""Labels for free from release titles: 'Readout of X's Call with Y of Z', 'X's Travel to A, B and C'.

Plain string logic, no spaCy: the silver evaluation (bench/eval_titles.py) and training data read titles with it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from etl.extract.gazetteer import country_of_word
from etl.resolve.countries import to_iso3

# Leading words of a person's title, longest first, so 'Deputy National Security Advisor' wins over 'National …'.
_TITLE_WORDS = sorted((
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Chancellor", "King", "Queen",
    "His Majesty King", "Her Majesty Queen", "His Majesty", "Her Majesty", "Crown Prince", "His Royal Highness Crown Prince",
    "His Royal Highness", "His Highness", "Emir", "Amir", "Sheikh", "Sultan", "Taoiseach", "Pope", "His Holiness Pope",
    "His Holiness", "Secretary-General", "Secretary General", "Director-General", "Director General",
    "Foreign Minister", "Minister", "Secretary", "Deputy Secretary", "Secretary of State", "Chairman", "Chair",
    "National Security Advisor", "Deputy National Security Advisor", "Principal Deputy National Security Advisor",
    "First Lady", "Second Gentleman", "Governor-General", "Governor General", "General Secretary",
    "State Counsellor", "Premier", "Special Presidential Envoy", "Special Envoy", "Ambassador", "Senator",
    "Commission President", "European Commission President", "European Council President", "Mayor",
), key=len, reverse=True)
_TITLE = re.compile(r"^(?P<title>" + "|".join(map(re.escape, _TITLE_WORDS)) + r")\s+(?P<name>.+)$")
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.?$|,?\s+(?:II|III|IV)$")
_ENGAGEMENT = re.compile(
    r"^(?:Readout\s+of\s+(?:the\s+)?)?(?P<who>.+?)(?:['’]s?)?\s+(?P<kind>(?:Virtual\s+|Bilateral\s+|Phone\s+|Video\s+)?"
    r"(?:Call|Meeting|Conversation|Phone\s+Call|Video\s+Call|Video\s+Conference))\s+[Ww]ith\s+(?P<whom>.+)$")
_TRAVEL = re.compile(r"^(?:Readout\s+of\s+)?(?P<who>.+?)(?:['’]s?)?\s+(?:Upcoming\s+)?(?:Travel|Trip|Visit)\s+to\s+"
                     r"(?P<where>.+)$")
_PREFIX = re.compile(r"^(?:Readout|Statement|Readout and Statement)\s+(?:by|from)\s+.+?\s+on\s+(?:the\s+)?|^Readout\s+from\s+",
                     re.I)
_TRAILER = re.compile(r"\s+(?:Regarding|on|to Discuss|About|Ahead of|Following|During|at|in)\s+[^,]*$")
_OF_COUNTRY = re.compile(r"^(?P<person>.+?)\s+[Oo]f\s+(?:the\s+)?(?P<country>[A-Z][\w’'\-. ]+)$")
_DOMESTIC = re.compile(r"\b(?:Members? of Congress|Senators|Governors|Mayors|Leaders|Advocates|CEOs|Officials|Caucus|"
                       r"Organizations|Stakeholders|Counterparts|Group|Workers|Families|Allies|Partners|Elders|Official|Delegation|"
                       r"Administration|Team)\b", re.I)
_LOWER_PARTICLES = ("bin", "al", "de", "da", "van", "von", "del", "la")
# Words in a title that say the release is about an engagement; a release with none of them announces none.
ANNOUNCES = re.compile(r"\b(?:Readout|Call|Meeting|Meets|Met|Travel|Trip|Visit|Summit|Dialogue|Joint Statement|"
                       r"Bilateral|Welcome|Host|Hosts|Talks|Leaders['’]? Statement|Conversation)\b", re.I)


@dataclass(frozen=True)
class TitledPerson:
    """A person as a title names them: name, title, and the country it says they are of."""

    name: str
    title: str | None = None
    country: str | None = None


@dataclass
class HeadlineLabel:
    """What a release's title says happened: who, which kind, with whom, or where they travelled."""

    kind: str  # 'call', 'meeting' or 'visit'
    who: TitledPerson
    counterparts: list[TitledPerson] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)  # ISO3, for visits


def clean_title(title: str) -> str:
    """A title with no-break spaces, soft hyphens and word joiners as the plain characters they stand for."""
    title = unicodedata.normalize("NFC", title).replace("\u00a0", " ").replace("\u2060", "").replace("\u00ad", "")
    return " ".join(title.split())


def titled_person(text: str) -> TitledPerson | None:
    """'Prime Minister Narendra Modi of India' -> name, title and country; None for groups and offices."""
    text = text.strip().strip(",")
    country = None
    if found := _OF_COUNTRY.match(text):
        country = to_iso3(found["country"].strip(" .").replace("’", "'"))
        if country:
            text = found["person"]
    text = re.split(r"['’]s?(?=[\s.,]|$)", text)[0].strip()  # a possessive ends the name: 'Biden’s Historic Trip'
    first, _, rest = text.partition(" ")
    if rest and (adjective := country_of_word(first)) and _TITLE.match(rest):
        country, text = adjective, rest  # 'Israeli National Security Advisor Meir Ben-Shabbat'
    title = None
    if found := _TITLE.match(text):
        title, text = found["title"], found["name"]
    name = _SUFFIX.sub("", text).strip(" ,")
    words = name.split()
    if not words or name in _TITLE_WORDS or words[0] in ("The", "the") or _DOMESTIC.search(name):
        return None
    if not all(w[:1].isupper() or w in _LOWER_PARTICLES or w.startswith(("al-", "el-")) for w in words):
        return None
    if title is None and len(words) < 2:
        return None
    return TitledPerson(name, title, country)


def _split_people(text: str) -> list[str]:
    """'President A of X and Prime Minister B of Y' -> the two; a name list without titles stays whole."""
    parts = re.split(r",\s+(?:and\s+)?|\s+and\s+", text)
    if len(parts) > 1 and all(_TITLE.match(p.strip()) for p in parts):
        return parts
    return [text]


def _countries(text: str) -> list[str]:
    names = re.split(r",\s+(?:and\s+)?|\s+and\s+", re.sub(r"\s*\(.*?\)", "", text))
    return [code for code in (to_iso3(n.strip(" .").removeprefix("the ")) for n in names) if code]


def parse_headline(title: str) -> HeadlineLabel | None:
    """The engagement a release title announces, or None when it announces no call, meeting or trip with a person."""
    title = _PREFIX.sub("", clean_title(title))
    if found := _ENGAGEMENT.match(title):
        who = titled_person(found["who"])
        counterparts = [p for p in map(titled_person, _split_people(_TRAILER.sub("", found["whom"])))
                        if p and (p.title or p.country)]  # 'Cherelle Griner': no office, no country, no diplomacy
        if who is None or not counterparts:
            return None
        kind = "call" if re.search(r"Call|Phone|Video|Virtual|Conversation", found["kind"]) else "meeting"
        return HeadlineLabel(kind, who, counterparts)
    if found := _TRAVEL.match(title):
        who = titled_person(found["who"].removeprefix("the ").removeprefix("The "))
        destinations = _countries(found["where"])
        if who is None or not destinations:
            return None
        return HeadlineLabel("visit", who, destinations=destinations)
    return None


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def name_words(name: str) -> list[str]:
    """A name's words, folded, without suffixes ('Joseph R. Biden Jr.' -> joseph, r, biden)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return [w for w in re.findall(r"[a-z]+", folded) if w not in _SUFFIXES]


def surname(name: str) -> str:
    """The last word of a name, folded for matching ('López Obrador' -> 'obrador')."""
    words = name_words(name)
    return words[-1] if words else ""


def same_person(titled: str, extracted: str) -> bool:
    """Whether an extracted name is the person a title names: the same surname; a title's lone name ('Prime
    Minister Lee', 'King Abdullah II') anywhere in the other; or family name first ('Kishida Fumio')."""
    a, b = name_words(titled), name_words(extracted)
    if not a or not b:
        return False
    if a[-1] == b[-1] or (len(a) == 1 and a[0] in b) or (len(b) == 1 and b[0] in a):
        return True
    return a[0] == b[-1] or a[-1] == b[0]
