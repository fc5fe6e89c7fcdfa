"""People in an article: each named person once, with the title and country the text gives them."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from etl.extract.gazetteer import country_of_person, country_of_word, is_city
from etl.resolve.names import name_parts
from etl.resolve.officials import compatible
from etl.resolve.titles import TITLE_WORDS, split_title

_CONNECTORS = {"of", "the", "for", "and", "&"}
_HONORIFICS = {"shri", "smt", "mr", "mrs", "ms", "dr", "h.e.", "sir", "sheikh", "sheikha"}
# Nouns that head organisations and mechanisms, never a person's name.
_ORG_NOUNS = {"dialogue", "council", "secretariat", "house", "technology", "technologies", "commerce", "affairs",
              "initiative", "ministry", "embassy", "office", "department", "government", "administration", "summit",
              "forum", "partnership", "agreement", "committee", "commission", "assembly", "organisation",
              "organization", "union", "bank", "fund", "court", "cabinet", "parliament", "party", "group",
              "bureau", "agency", "service", "institute", "directorate", "authority", "force", "forces", "army"}
# Gatherings named like people ('United Nations Food Systems Summit Stocktake').
_EVENT_NOUNS = {"summit", "conference", "forum", "stocktake", "expo", "games", "olympics", "congress", "convention",
                "meeting", "session"}
# Buildings and venues, named like people ('National Palace', 'Palazzo Chigi', 'Rashtrapati Bhavan').
_PLACE_NOUNS = {"palace", "palazzo", "bhavan", "hall", "building", "airport", "station", "villa", "residence",
                "centre", "center", "square", "museum", "hotel", "castle", "chateau", "kremlin", "mansion", "house",
                "airbase", "base", "port", "bridge", "memorial", "cathedral", "mosque", "temple", "stadium"}
_NOT_NAMES = re.compile(r"^(?:the|a|an|his|her|their|twitter|x|facebook|instagram|reuters|xinhua|embassy|ministry|"
                        r"white house|kremlin|pentagon|parliament|congress|senate|january|february|march|april|may|"
                        r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|"
                        r"friday|saturday|sunday)$", re.I)
# Countries whose names are written family name first in English-language news.
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "MNG"})
_POSSESSIVE = re.compile(r"['’]s$")
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.\-]*$")
_PARTICLES = ("bin", "bint", "al", "el", "de", "da", "e", "van", "von", "la", "del")
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin)-[A-Z]")  # 'el-Sisi', 'al-Sudani'
_PARTICLE_PREFIX_WORD = re.compile(r"^(?:al|el|ad|as|ash|at|az)-(?=[A-Z])")
_CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                   "february", "march", "april", "june", "july", "august", "september", "october", "november",
                   "december"}


@dataclass
class Person:
    """One person in one article: the name as first given in full, title and country at the time."""

    name: str
    title: str | None = None
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token (start, end) of each mention
    aliases: list[str] = field(default_factory=list)  # 'widely known as Lu Olo'
    companions: list["Person"] = field(default_factory=list, repr=False)  # named as travelling with this person

    def as_json(self) -> dict:
        return {"name": self.name, "title": self.title, "country": self.country}


@dataclass
class Mention:
    """A span naming a person, with what its context says of them."""

    start: int
    end: int
    name: str
    title: str | None
    country: str | None


def is_proper(token: Token) -> bool:
    """A proper noun by its Penn tag (the pipeline runs without the attribute ruler that sets pos_)."""
    return token.tag_ in ("NNP", "NNPS")


def _is_title_token(token: Token) -> bool:
    word = token.text.lower().strip(".")
    return word in TITLE_WORDS and (token.text[:1].isupper() or word in _CONNECTORS or "-" in word)


def _left_context(doc: Doc, start: int, floor: int) -> tuple[str | None, str | None]:
    """Title and country from the words just before a name ('Indian Foreign Secretary', "China's President")."""
    title_words: list[str] = []
    country = None
    i = start - 1
    while i >= floor:
        token = doc[i]
        if token.text in ("'s", "’s") and i - 1 >= floor:
            # the owner may span several tokens: "Timor-Leste's", "South Korea's"
            owner = next(((k, c) for k in (1, 2, 3) if i - k >= floor
                          and (c := country_of_word(doc[i - k:i].text.replace(" - ", "-")))), None)
            if owner:
                country = country or owner[1]
                i -= owner[0] + 1
                continue
        if _is_title_token(token) and token.text.lower() not in _HONORIFICS:
            title_words.insert(0, token.text)
        elif token.text == "leader" and i == start - 1:
            title_words.insert(0, token.text)  # 'North Korean leader Kim Jong Un'
        elif token.text == "-" and title_words and i - 1 >= floor and _is_title_token(doc[i - 1]):
            title_words[0] = "-" + title_words[0]  # 'Secretary-General', split by the tokenizer
        elif token.text.lower() in _HONORIFICS:
            pass
        elif token.text[:1].isupper() and (c := country_of_word(token.text)):
            if i - 1 >= floor and (two := country_of_word(f"{doc[i - 1].text} {token.text}")):
                c, i = two, i - 1  # 'North Korean', 'South African': the two words name the country
            country = country or c
        elif token.text in ("U.S.", "US", "UK", "EU", "UN") and (c := country_of_word(token.text)):
            country = country or c
        else:
            break
        i -= 1
    if country is None and i + 1 < start and doc[i + 1].text.lower() == "and" and i >= floor:
        country = _coordinated_country(doc, i, floor)
    while title_words and title_words[0].lower() in _CONNECTORS:
        title_words.pop(0)
    while title_words and title_words[-1].lower() in _CONNECTORS:
        title_words.pop()
    return (" ".join(title_words).replace(" -", "-") or None), country


def _coordinated_country(doc: Doc, end: int, floor: int) -> str | None:
    """The nationality of the titled name just before 'and' ('Japanese Foreign Minister Fumio Kishida and …')."""
    i = end
    while i >= floor and doc[i].text[:1].isupper() and not _is_title_token(doc[i]):
        i -= 1  # back over the earlier person's name
    if i == end:
        return None
    return _left_context(doc, i + 1, floor)[1]


_APPOSITION = re.compile(r"^,\s+(?:the\s+)?(?:(?P<country>[A-Z][\w.]+(?:\s[A-Z]\w+)?)(?:'s|’s)?\s+)?"
                         r"(?P<title>(?:[A-Z][\w-]+\s+)*?(?:President|Minister|Secretary|Chancellor|Adviser|Advisor|"
                         r"Ambassador|Chairman|Chairperson|Emir|King|Premier|Spokesman|Spokesperson|Envoy|Governor|"
                         r"Chief|Director|Commissioner|Speaker)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)?)")


_OF_COUNTRY = re.compile(r"^\s*of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})(?=\s*(?:[,.;]|and\b|$))")


def _right_context(doc: Doc, end: int, sentence_end: int) -> tuple[str | None, str | None]:
    """Title and country from an apposition after a name ('Jake Sullivan, the National Security Adviser')."""
    following = doc[end:min(sentence_end, end + 16)].text
    if (of := _OF_COUNTRY.match(following)) and (c := country_of_word(of[1])):
        return None, c  # 'Prime Ministers Narendra Modi of India, Scott Morrison of Australia'
    match = _APPOSITION.match(following)
    if not match or re.match(r"\s+[A-Z][a-z]", following[match.end():]):
        return None, None  # 'Arzu Rana Deuba, Foreign Minister Narayan Khadka': a list, the title is the next name's
    country = country_of_word(match["country"]) if match["country"] else None
    title = match["title"]
    if match["country"] and not country:
        title = f"{match['country']} {title}"
    of_country = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w ]+)$", title)
    if of_country and (c := country_of_word(of_country[1])):
        country = country or c
        title = title[: of_country.start()].strip()
    return title, country


def _tidy_title(title: str | None) -> str | None:
    if not title:
        return None
    words = [w for w in title.split() if w.lower().strip(".") not in _HONORIFICS]
    while words and words[0].lower() in _CONNECTORS | {"in", "at", "on", "to"}:
        words.pop(0)
    if words and words[-1] in ("Ministers", "Presidents", "Secretaries", "Chancellors"):
        words[-1] = {"Secretaries": "Secretary"}.get(words[-1], words[-1][:-1])  # 'Prime Ministers A, B and C'
    return " ".join(words) or None


def _clean_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip()).strip(" ,.;:")
    words = [w for w in text.split() if w.lower().strip(".") not in _HONORIFICS]
    return " ".join(words)


def _name_spans(doc: Doc) -> list[tuple[int, int, str | None]]:
    """Token spans that name a person, with any title inside the span, from NER and title-led name runs."""
    spans: list[tuple[int, int, str | None]] = []
    taken: set[int] = set()
    ents = list(doc.ents)
    ent_starts = {e.start for e in ents}
    for ent in ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "PRODUCT"):
            continue
        title, name = split_title(ent.text)
        if ent.label_ != "PERSON" and title is None:
            continue
        end = ent.end
        particles = ("e", "da", "de", "do", "dos", "das", "del", "la", "van", "von", "der")
        while end < len(doc) and doc[end].text in particles:
            after = end
            while after < len(doc) and doc[after].text in particles:
                after += 1  # 'de la O'
            if after < len(doc) and doc[after].text[:1].isupper() and is_proper(doc[after]):
                end = after + 1
            else:
                break
        while end > ent.start + 1 and doc[end - 1].text.lower() in ("and", "or", ",", "&"):
            end -= 1  # 'Rogelio Ramirez de la O and' ends before the conjunction
        # a hyphenated last part the NER cut: 'Han Duck | -soo', 'Abdel Fattah | el-Sisi'
        if ent.label_ == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2
        elif ent.label_ == "PERSON" and end + 2 < len(doc) and doc[end].text.lower() in ("el", "al") \
                and doc[end + 1].text == "-" and doc[end + 2].text[:1].isupper():
            end += 3
        # the NER sometimes stops a Hispanic or Arabic name early: 'Rosa Icela | Rodriguez'
        while ent.label_ == "PERSON" and end < len(doc) and end - ent.end < 2 and is_proper(doc[end]) \
                and _NAME_TOKEN.match(doc[end].text) and not _is_title_token(doc[end]) \
                and doc[end].text.lower() not in _CALENDAR_WORDS and not country_of_word(doc[end].text) \
                and end not in ent_starts:
            end += 1
        start = ent.start
        if title:  # skip the title's tokens: the name is what follows them
            while start < ent.end and not doc[start:ent.end].text.startswith(name.split()[0]):
                start += 1
        spans.append((start, end, title))
        taken.update(range(ent.start, end))
    # Names the NER missed: a capitalised title followed by capitalised words ('Foreign Secretary Vikram Misri').
    tokens = list(doc)  # indexing a list is far cheaper than building a Token per doc[i]
    i = 0
    while i < len(tokens):
        if i not in taken and tokens[i].text[:1].isupper() and _is_title_token(tokens[i]):
            j = i
            while j < len(tokens) and (_is_title_token(tokens[j]) or tokens[j].text.lower() in _HONORIFICS):
                j += 1
            k = j
            while k < len(tokens) and k not in taken and _NAME_TOKEN.match(tokens[k].text) \
                    and not _is_title_token(tokens[k]) and (is_proper(tokens[k]) or tokens[k].tag_ == "FW") \
                    and not country_of_word(tokens[k].text):
                k += 1
            if k > j:
                spans.append((j, k, None))
                taken.update(range(i, k))
            i = max(k, i + 1)
        else:
            i += 1
    return sorted(spans)


def sentences_of(doc: Doc) -> list:
    """The doc's sentences, computed once (Doc.sents walks every token on each call)."""
    if "sents" not in doc.user_data:
        doc.user_data["sents"] = list(doc.sents)
    return doc.user_data["sents"]


class _Sentences:
    """The sentence bounds of a doc, looked up by token (Token.sent walks the doc on every call)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in sentences_of(doc)]
        self.ends = self.starts[1:] + [len(doc)]

    def of(self, i: int) -> tuple[int, int]:
        """(start, end) token offsets of the sentence holding token i."""
        n = bisect.bisect_right(self.starts, i) - 1
        return self.starts[n], self.ends[n]


def _mention(doc: Doc, start: int, end: int, inner_title: str | None, sentences: _Sentences) -> Mention | None:
    while start < end - 1 and doc[start].text.lower() in _CALENDAR_WORDS:
        start += 1  # 'On Sunday Deuba travels': the day is not part of the name
    text = _clean_name(doc[start:end].text)
    if not text or _NOT_NAMES.match(text) or any(ch.isdigit() for ch in text):
        return None
    words = text.split()
    if not all(w[:1].isupper() or w.lower() in _PARTICLES or _PARTICLE_PREFIX.match(w) for w in words):
        return None
    if country_of_word(text) or is_city(text) or (len(words) == 1 and len(text) < 3):
        return None
    if len(words) == 1 and start > 0 and doc[start - 1].text in ("for", "of", "and", ","):
        return None  # a word inside a long title: 'Minister for Political, Legal and Security Affairs'

    if all(w.lower().strip(".") in TITLE_WORDS or w.lower() in _ORG_NOUNS for w in words) \
            or words[-1].lower() in _ORG_NOUNS or any(w.lower() in _PLACE_NOUNS | _EVENT_NOUNS for w in words):
        return None
    sentence_start, sentence_end = sentences.of(start)
    title, country = _left_context(doc, start, sentence_start)
    right_title, right_country = _right_context(doc, end, sentence_end)
    title = _tidy_title(inner_title or title or right_title)
    return Mention(start, end, text, title, country or right_country)


def find_people(doc: Doc) -> tuple[list[Person], dict[int, Person]]:
    """Every person named in the article, and which person each name token belongs to."""
    people: list[Person] = []
    by_token: dict[int, Person] = {}
    sentences = _Sentences(doc)
    mentions = [m for m in (_mention(doc, *span, sentences) for span in _name_spans(doc)) if m is not None]
    # Full names first, so that a surname used before the full name ('Misri … Vikram Misri') still resolves.
    ordered = sorted(mentions, key=lambda m: (len(m.name.split()) == 1 and not m.title, m.start))
    for mention in ordered:
        start, end = mention.start, mention.end
        person = _match(people, mention)
        if person is None:
            if len(mention.name.split()) == 1 and not mention.title:
                continue  # a lone word with no title is too weak to be a person
            person = Person(mention.name, mention.title, mention.country)
            people.append(person)
        elif len(mention.name.split()) > len(person.name.split()) and (len(person.name.split()) == 1 or not person.title):
            person.name = mention.name  # the fullest form: 'Lopez Obrador' in a headline, then 'Andres Manuel Lopez Obrador'
        person.title = person.title or mention.title
        person.country = person.country or mention.country
        person.mentions.append((start, end))
        person.mentions.sort()
        for i in range(start, end):
            by_token[i] = person
    people = _merge_nicknames(doc, people, by_token, sentences)
    _bare_surnames(doc, people, by_token)
    for person in people:
        # a UN or EU title says whom they serve now; the officials dictionary only knows their nationality
        international = person.country if person.country in ("UNO", "EUU") else None
        person.country = international or country_of_person(person.name) or person.country \
            or _country_of_title(person.title)
    return people, by_token


# Titles used by one country only.
_NATIONAL_TITLES = {"external affairs minister": "IND", "minister of external affairs": "IND", "union minister": "IND",
                    "chief minister": "IND", "taoiseach": "IRL", "tanaiste": "IRL", "chancellor of the exchequer": "GBR"}


# Titles that alone name one country's office (as a whole title: 'Secretary of State for Wales' is not American).
_NATIONAL_WHOLE_TITLES = {"secretary of state": "USA", "defense secretary": "USA", "secretary of defense": "USA",
                          "u.s. secretary of state": "USA", "defence secretary": None}


def _country_of_title(title: str | None) -> str | None:
    key = (title or "").lower()
    if key in _NATIONAL_WHOLE_TITLES:
        return _NATIONAL_WHOLE_TITLES[key]
    return next((country for words, country in _NATIONAL_TITLES.items() if words in key), None)


def _bare_surnames(doc: Doc, people: list[Person], by_token: dict[int, Person]) -> None:
    """A capitalised surname alone ('Misri is visiting …') is a mention of the one person with that surname."""
    surnames: dict[str, list[Person]] = {}
    for person in people:
        words = person.name.split()
        if len(words) > 1:
            surnames.setdefault(_PARTICLE_PREFIX_WORD.sub("", words[-1]), []).append(person)
        if len(words) > 1 and (person.country or country_of_person(person.name)) in _FAMILY_NAME_FIRST:
            surnames.setdefault(words[0], []).append(person)  # 'Xi' of Xi Jinping, 'Moon' of Moon Jae-in
    # Some people go by their given name ('Abiy' for Abiy Ahmed): a given name one person alone has, after them.
    given: dict[str, list[Person]] = {}
    for person in people:
        words = person.name.split()
        if len(words) > 1 and len(words[0]) > 3 and words[0] not in surnames:
            given.setdefault(words[0], []).append(person)
    names = sorted(set(surnames) | set(given), key=len, reverse=True)
    if not names:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    for found in pattern.finditer(doc.text):
        span = doc.char_span(found.start(), found.end())
        if span is None or len(span) != 1 or span[0].i in by_token:
            continue  # not a whole token (inside another word or name), or already someone's
        token = span[0]
        word = token.text
        owners = surnames.get(word)
        if not owners and len(given.get(word, [])) == 1 and given[word][0].mentions[0][0] < token.i \
                and not (token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper()):
            owners = given[word]
        if not owners or not is_proper(token):
            continue
        # Several people share the surname ('Sher Bahadur Deuba', his wife 'Arzu Rana Deuba'): by convention the
        # bare surname is the person introduced first.
        owner = min(owners, key=lambda p: p.mentions[0][0])
        if len(owners) > 1 and owner.mentions[0][0] > token.i:
            continue
        by_token[token.i] = owner
        owner.mentions.append((token.i, token.i + 1))
        owner.mentions.sort()


_KNOWN_AS = re.compile(r"\b(?:widely|popularly|better|also|commonly)?\s*known as\s*$|\bnicknamed\s*$|\(\s*$", re.I)


def _merge_nicknames(doc: Doc, people: list[Person], by_token: dict[int, Person],
                     sentences: _Sentences) -> list[Person]:
    """Fold a nickname into its owner: 'President Francisco Guterres, widely known as Lu Olo'."""
    for nick in list(people):
        for start, _ in nick.mentions:
            window = doc[max(sentences.of(start)[0], start - 8):start]
            if not _KNOWN_AS.search(window.text):
                continue
            owner = next((by_token[i] for i in range(start - 1, window.start - 1, -1)
                          if i in by_token and by_token[i] is not nick), None)
            if owner is None:
                continue
            owner.aliases.append(nick.name)
            owner.mentions = sorted(owner.mentions + nick.mentions)
            owner.title, owner.country = owner.title or nick.title, owner.country or nick.country
            for token, person in list(by_token.items()):
                if person is nick:
                    by_token[token] = owner
            people.remove(nick)
            break
    return people


def _match(people: list[Person], mention: Mention) -> Person | None:
    parts = name_parts(mention.name)
    if parts is None:
        return None
    found = [p for p in people if (other := name_parts(p.name)) and compatible(parts, other)]
    if not found:
        return None
    if len(mention.name.split()) == 1 and len(found) > 1:
        return min(found, key=lambda p: p.mentions[0][0] if p.mentions else mention.start)  # first introduced
    return found[-1]
