"""Where an engagement took place: the cities and countries a sentence names as places, else the dateline."""
from __future__ import annotations

import re

from spacy.tokens import Span

from etl.extract import triggers
from etl.extract.gazetteer import country_of_city, country_of_word, is_city
from etl.extract.model import Person
from etl.extract.spans import ents_in
from etl.extract.venues import seat_met_at
from etl.resolve.titles import TITLE_WORDS


_TOPIC_PLACE = re.compile(r"\b(?:war|conflict|crisis|situation|fighting|violence|ceasefire|peace|tensions|"
                          r"humanitarian|reconstruction|invasion|occupation|aggression|"
                          # where other people are: 'colleagues who are detained in Iran'
                          r"detained|imprisoned|jailed|arrested|killed|born|living|residing|stranded|trapped)\s+"
                          r"(?:in|on|over|of|against)"
                          r"(?:\s+the)?\s*$", re.I)


# 'led a US delegation to …', 'the Indian side': a country before these nouns names a side, not a place.
_SIDE_NOUNS = {"delegation", "delegations", "side", "team", "government", "officials", "embassy", "ambassador",
               "counterparts", "interagency"}


# An event still to come named before a place: 'ahead of the NATO Summit in Vilnius', 'left to COP26 in Glasgow'.
_LATER_EVENT = re.compile(r"\b(?:ahead of|in advance of|left (?:to|until|before)|leading up to|(?:the|an?) upcoming|"
                          r"preparations? for)\s[^.;]{0,120}?\bin(?:\s+the)?\s*$", re.I)


_REPORTED_SPEECH = re.compile(r"\b(?:said|says|told [\w ]{1,40}?|added|stressed|noted|wrote|argued) that\b")


_IN_CITY = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(?=[\s,.;]|$)")


def _in_compound(text: str, start: int, end: int) -> bool:
    """True when a name is hyphened to another capitalised word ('Seoul-Tokyo', 'U.S.-Russia')."""
    return (text[end:end + 1] == "-" and text[end + 1:end + 2].isupper()) \
        or (start > 1 and text[start - 1] == "-" and text[start - 2:start - 1].isalpha() and text[start:start + 1].isupper()
            and text[:start - 1].rsplit(None, 1)[-1][:1].isupper())


def _whose(doc, start: int) -> bool:
    """True when the words before a place make it a person's or a title's country ('Rutte of the Netherlands',
    'the President of Chile')."""
    at = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    if at < 2 or doc[at - 1].lower_ != "of":
        return False
    before = doc[at - 2]
    return before.ent_type_ == "PERSON" or (before.text[:1].isupper() and before.text.lower() in TITLE_WORDS)


_PLACE_BEFORE = {"in", "to", "and", ",", "visited", "from", "at"}


def _misread_place(ent: Span, prefer: str | None) -> str | tuple[str, str] | None:
    """A place the NER read as a person ('traveled to Djibouti, Kenya, and Niger', 'In Niamey, they met'): a
    country's name after a word that leads to places, or a city after 'in'."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in _PLACE_BEFORE and (country := country_of_word(ent.text)) and not is_city(ent.text):
        return country
    if before == "in" and is_city(ent.text) and not country_of_word(ent.text) \
            and (country := country_of_city(ent.text, prefer)):
        return _city_name(ent.text), country
    return None


def _places(sentence: Span, prefer: str | None = None) -> tuple[list[tuple[str, str]], list[str]]:
    """(city, country) pairs and bare countries named as places in a sentence, in order."""
    cities, countries = [], []
    speech = _REPORTED_SPEECH.search(sentence.text)
    if speech and speech.start() <= triggers.first_trigger(sentence.text):
        speech = None  # the engagement itself is reported: 'X said that she met Y in Z'
    for ent in ents_in(sentence):
        if ent.label_ == "PERSON" and (place := _misread_place(ent, prefer)):
            (countries if isinstance(place, str) else cities).append(place)
            continue
        if ent.label_ not in ("GPE", "LOC", "FAC", "ORG", "NORP"):
            continue
        if speech and ent.start_char - sentence.start_char > speech.end():
            break  # 'After the meeting, Erdogan told reporters that the battery stationed in Adana …': not the venue
        if _TOPIC_PLACE.search(sentence.doc[max(sentence.start, ent.start - 3):ent.start].text):
            continue  # 'the war in Gaza' is what they discussed, not where they met
        if _LATER_EVENT.search(sentence.doc[sentence.start:ent.start].text[-160:]):
            continue  # 'with 44 days left to COP26 in Glasgow': where a later event will be, not this one
        if ent.end < sentence.end and sentence.doc[ent.end].tag_ in ("VBZ", "VBD", "VBP"):
            continue  # 'as Moscow prepares for …': a government by its capital, not a place
        if ent.end < sentence.end and sentence.doc[ent.end].lower_ in _SIDE_NOUNS:
            continue  # 'a US delegation': whose delegation, not where it went
        if ent.end < sentence.end and sentence.doc[ent.end].text[:1].isupper() \
                and sentence.doc[ent.end].lower_ in TITLE_WORDS and not is_city(ent.text) \
                and country_of_word(re.sub(r"^the\s+", "", ent.text, flags=re.I)):
            continue  # 'US Secretary of State Antony Blinken': whose official, not where they went ('Geneva' is)
        if _whose(sentence.doc, ent.start):
            continue  # 'Prime Minister Mark Rutte of the Netherlands': whose leader, not where they met
        if _in_compound(sentence.doc.text, ent.start_char, ent.end_char):
            continue  # 'a Seoul-Tokyo tour', 'U.S.-Russia relations': a route or a pair, not a venue
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        if ent.label_ == "NORP":  # a nationality, but the NER tags some cities so ('traveled to Tunis')
            if is_city(text) and not country_of_word(text) and (country := country_of_city(text, prefer)):
                cities.append((_city_name(text), country))
            continue
        # the NER tags some countries ORG or LOC ('Timor-Leste'); a country's name is a place whatever the label
        if (country := country_of_word(text)) and not is_city(text):
            countries.append(country)
        elif ent.label_ in ("GPE", "LOC", "ORG") and is_city(text) and (country := country_of_city(text, prefer)):
            cities.append((_city_name(text), country))
    if not cities and not countries:  # the NER missed the place: 'met … in Kyiv on May 10'
        text = sentence.text[:speech.end()] if speech else sentence.text
        for found in _IN_CITY.finditer(text):
            if _LATER_EVENT.search(text[max(0, found.start() - 160):found.start() + 3]):
                continue
            if is_city(found[1]) and not country_of_word(found[1]) and (country := country_of_city(found[1], prefer)):
                cities.append((_city_name(found[1]), country))
    return cities, countries


def _country_names(sentence: Span, iso3: str) -> list[str]:
    return [ent.text for ent in ents_in(sentence)
            if country_of_word(re.sub(r"^the\s+", "", ent.text, flags=re.I)) == iso3]


def _city_name(text: str) -> str:
    """A city as it should be shown: 'Washington' for 'Washington, D.C.', 'Kazan' for a dateline's 'KAZAN'."""
    name = re.sub(r"\s*,?\s*D\.?\s?C\.?$", "", text).strip()
    return name.title() if name.isupper() and len(name) > 3 else name


_TRAVEL_TO = re.compile(r"\b(?:travel(?:s|led|ed|ling|ing)?|trip|journey|head(?:s|ed|ing)?|fly|flies|flew)"
                        + triggers.TRAVEL_WHEN + r"\s+to\s+", re.I)


def visit_destinations(sentence: Span, visitor: Person, dateline: tuple[str | None, str | None],
                       clause: str) -> list[tuple[str | None, str]]:
    """(city, country) of each place the visitor travels to in their clause; the dateline when none is named."""
    cities, countries = _places(sentence, dateline[1])
    if clause != sentence.text:  # keep the places named in this visitor's clause
        cities = [c for c in cities if c[0] in clause] or cities
        countries = [c for c in countries if any(word in clause for word in _country_names(sentence, c))] or countries
    if going := _TRAVEL_TO.search(clause):  # 'After Nigeria, he will travel to Angola': only what follows 'to'
        ahead = clause[going.end():]
        ahead_cities = [c for c in cities if c[0] in ahead]
        ahead_countries = [c for c in countries if any(word in ahead for word in _country_names(sentence, c))]
        if ahead_cities or ahead_countries:
            cities, countries = ahead_cities, ahead_countries
    found: dict[str, str | None] = {}
    for city, country in cities:
        if country != visitor.country:
            found.setdefault(country, city)
    for country in countries:
        if country != visitor.country:
            found.setdefault(country, dateline[0] if dateline[1] == country else None)
    if not found and dateline[1] and dateline[1] != visitor.country:
        found[dateline[1]] = dateline[0]
    return [(city, country) for country, city in found.items()]


def meeting_place(sentence: Span, dateline: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The first city the sentence names; else the dateline's, unless the sentence names only other countries."""
    cities, countries = _places(sentence, dateline[1])
    if cities:
        return cities[0]
    if seat := seat_met_at(triggers.without_invitations(sentence.text)):
        return None, seat  # 'convened a meeting at the White House'
    if countries and dateline[1] not in countries and triggers.VISIT.search(sentence.text):
        return None, countries[0]  # 'Widodo visited Timor-Leste in January 2016, when he held talks with …'
    said = _before_purpose(sentence)
    for country in countries:  # 'when he met Boric, then president-elect, in Chile', 'in Apulia, Italy'
        if any(_said_in(said, name) for name in _country_names(sentence, country)):
            return None, country
    return dateline


def _said_in(text: str, country: str) -> bool:
    """True when the text says something happened in the country: 'in Chile', or 'in Apulia, Italy' with a town or
    region the gazetteer lacks; not 'the war in Gaza, Turkey's ministry said'."""
    for found in re.finditer(rf"\b[Ii]n (?:the )?(?:(?P<region>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?), )?"
                             rf"{re.escape(country)}\b(?![’']s)", text):
        if not (found["region"] and (country_of_word(found["region"]) or _TOPIC_PLACE.search(text[:found.start() + 3]))):
            return True
    return False


def _before_purpose(sentence: Span) -> str:
    """The sentence up to its infinitive of purpose: in 'met A to express support for protests in Iran', Iran is
    what they spoke of, not where they met."""
    doc = sentence.doc
    for token in sentence[2:-1]:
        if token.lower_ == "to" and doc[token.i + 1].tag_ == "VB":
            return doc[sentence.start:token.i].text
    return sentence.text
