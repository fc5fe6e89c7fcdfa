"""People in an article: each named person once, with the title and country the text gives them."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from etl.extract.gazetteer import country_of_person
from etl.extract.mentions import Mention, read_mention
from etl.extract.name_spans import is_proper, name_spans
from etl.extract.model import Person
from etl.extract.spans import SentenceBounds
from etl.resolve.names import name_parts
from etl.resolve.officials import compatible


# Countries whose names are written family name first in English-language news.
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "MNG"})


_POSSESSIVE = re.compile(r"['’]s$")


_PARTICLE_PREFIX_WORD = re.compile(r"^(?:al|el|ad|as|ash|at|az)-(?=[A-Z])")


def find_people(doc: Doc) -> tuple[list[Person], dict[int, Person]]:
    """Every person named in the article, and which person each name token belongs to."""
    people: list[Person] = []
    by_token: dict[int, Person] = {}
    sentences = SentenceBounds(doc)
    mentions = [m for m in (read_mention(doc, *span, sentences) for span in name_spans(doc)) if m is not None]
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
    # Some people go by their given name ('Abiy' for Abiy Ahmed) or a middle one: a name one person alone has,
    # after them.
    given: dict[str, list[Person]] = {}
    for person in people:
        words = person.name.split()
        if len(words) > 1 and len(words[0]) > 3 and words[0] not in surnames:
            given.setdefault(words[0], []).append(person)
        for word in words[1:-1]:  # 'Lula' of Luiz Inácio Lula da Silva: some go by a middle name
            if len(word) > 3 and word[:1].isupper() and word not in surnames:
                given.setdefault(word, []).append(person)
    names = sorted(set(surnames) | set(given), key=len, reverse=True)
    if not names:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    for found in pattern.finditer(doc.text):
        span = doc.char_span(found.start(), found.end())
        if span is None or (len(span) != 1 and " " in found[0]) or any(t.i in by_token for t in span):
            continue  # not whole tokens (inside another word or name), or already someone's
        token = span[0]  # a hyphened surname is several tokens: 'Sherwood - Randall'
        word = found[0]
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
        for part in span:
            by_token[part.i] = owner
        owner.mentions.append((span.start, span.end))
        owner.mentions.sort()


_KNOWN_AS = re.compile(r"\b(?:widely|popularly|better|also|commonly)?\s*known as\s*$|\bnicknamed\s*$|\(\s*$", re.I)


def _merge_nicknames(doc: Doc, people: list[Person], by_token: dict[int, Person],
                     sentences: SentenceBounds) -> list[Person]:
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


def _first_of_double_surname(people: list[Person], word: str) -> Person | None:
    """The one person whose hyphened surname begins with the word: 'President Osmani' is Vjosa Osmani-Sadriu."""
    found = [p for p in people if len(words := p.name.split()) > 1 and words[-1].split("-")[0] == word != words[-1]]
    return found[0] if len(found) == 1 else None


def _match(people: list[Person], mention: Mention) -> Person | None:
    if " " not in mention.name and (double := _first_of_double_surname(people, mention.name)):
        return double
    parts = name_parts(mention.name)
    if parts is None:
        return None
    found = [p for p in people if (other := name_parts(p.name)) and compatible(parts, other)]
    if not found:
        return None
    if len(mention.name.split()) == 1 and len(found) > 1:
        return min(found, key=lambda p: p.mentions[0][0] if p.mentions else mention.start)  # first introduced
    return found[-1]
