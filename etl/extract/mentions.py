"""The person a name span reads as, with the title and nationality the words around it give."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from etl.extract.gazetteer import country_of_formal_name, country_of_word, is_city, union_of
from etl.extract.name_words import (ACCREDITED_TITLES, CONNECTORS, DOCUMENT_NOUNS, EVENT_NOUNS, GROUP_NOUNS,
                                      HEADLINE_NOUNS, HEADLINE_VERBS, HONORIFICS, NOT_NAMES, ORG_NOUNS,
                                      PLACE_NOUNS, PLURAL_TITLES, PORTFOLIO_HEADS, PORTFOLIO_WORDS, REGIONS, THING_AFTER)
from etl.extract.name_spans import CALENDAR_NAME_WORDS, is_honorific, is_title_token
from etl.extract.portfolios import portfolio_before
from etl.extract.spans import SentenceBounds
from etl.extract.venues import seats
from etl.resolve.offices import offices
from etl.resolve.titles import TITLE_WORDS


_PARTICLES = ("bin", "bint", "al", "el", "de", "da", "e", "van", "von", "der", "den", "la", "le", "del", "du", "di", "dos", "das")


_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin)-[A-Z]")  # 'el-Sisi', 'al-Sudani'


@dataclass
class Mention:
    """A span naming a person, with what its context says of them."""

    start: int
    end: int
    name: str
    title: str | None
    country: str | None


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
        if is_title_token(token) and not is_honorific(token):
            title_words.insert(0, token.text)
        elif token.text in ("leader", "diplomat") and i == start - 1:
            title_words.insert(0, token.text)  # 'North Korean leader Kim Jong Un'
        elif token.text in ("top", "chief", "senior") and i == start - 2 and title_words in (["leader"], ["diplomat"]):
            title_words.insert(0, token.text)  # "China's top diplomat Wang Yi": the possessive before is his country
        elif token.text == "to" and title_words and i - 1 >= floor and (
                doc[i - 1].text.lower() in ACCREDITED_TITLES or is_title_token(doc[i - 1]) and doc[i - 1].text[:1].isupper()):
            title_words.insert(0, token.text)  # 'Ambassador to …', 'Chief of Staff to the Vice President Tina Flournoy'
        elif token.text == "-" and title_words and i - 1 >= floor and is_title_token(doc[i - 1]):
            title_words[0] = "-" + title_words[0]  # 'Secretary-General', split by the tokenizer
        elif is_honorific(token):
            pass
        elif token.text[:1].isupper() and all(w.lower() in PORTFOLIO_WORDS for w in title_words) \
                and (title_words or token.text.lower() in PORTFOLIO_HEADS) \
                and (opening := portfolio_before(doc, i, floor)) is not None:
            title_words[:0] = [t.text for t in doc[opening + 1:i + 1]]  # 'for Near Eastern | Affairs Joey Hood'
            i = opening
            continue
        elif token.text[:1].isupper() and token.text.lower() in ORG_NOUNS and i - 1 >= floor \
                and doc[i - 1].text.lower() in ("the", "of", "for"):
            title_words.insert(0, token.text)  # 'Counselor of the Department Derek Chollet'
        elif token.text[:1].isupper() and token.text.lower() in ORG_NOUNS and _titled(title_words) and i - 1 >= floor \
                and country_of_word(doc[i - 1].text):
            title_words.insert(0, token.text)  # 'European Commission President von der Leyen': the body's nationality
        elif token.text[:1].isupper() and token.text.lower() in ORG_NOUNS and _titled(title_words) \
                and (owner := _owning_country(doc, i, floor)):
            # 'Japanese National Security Secretariat Secretary General Akiba': the body is the nationality's
            first, opening, country = owner
            title_words[:0] = [t.text for t in doc[first:i + 1]]
            i = opening - 1
            continue
        elif token.text[:1].isupper() and (c := country_of_word(token.text)):
            if all(w.lower() in CONNECTORS for w in title_words) and i + 1 < start \
                    and doc[i + 1].text.lower() in CONNECTORS:
                break  # 'A of Romania and B': the country ends the name before, it is not this one's nationality
            words = [token.text]
            if i - 1 >= floor and (two := country_of_word(f"{doc[i - 1].text} {token.text}")):
                c, i, words = two, i - 1, [doc[i - 1].text, token.text]  # 'North Korean', 'South African'
            if title_words and title_words[0].lower() == "and" and i - 1 >= floor and doc[i - 1].text == "of":
                break  # 'Yoon of the Republic of Korea and Prime Minister Kishida': the earlier name's country
            if i - 1 >= floor and (doc[i - 1].text.lower() == "for" or doc[i - 1].text == "to" and i - 2 >= floor
                                   and doc[i - 2].text.lower() in ACCREDITED_TITLES) or title_words[:1] == ["State"]:
                title_words[:0] = words  # 'Special Envoy for Yemen', 'Georgia State Senator': not a nationality
            else:
                country = country or c
        elif token.text in ("U.S.", "US", "UK", "EU", "UN") and (c := country_of_word(token.text)):
            country = country or c
        else:
            break
        i -= 1
    if title_words and not country and (seat := _seat_before(doc, i, floor)):
        country = seat  # 'White House National Climate Advisor Gina McCarthy': the seat's government
    while title_words and title_words[0].lower() in CONNECTORS:
        title_words.pop(0)
    while title_words and title_words[-1].lower() in CONNECTORS:
        title_words.pop()
    return (" ".join(title_words).replace(" -", "-") or None), country


def _titled(title_words: list[str]) -> bool:
    """True when the words read so far are a title an organisation's name may open: not 'and Chancellor', whose
    organisation before it ('… of the European Commission and Chancellor Scholz') is the previous name's."""
    return bool(title_words) and title_words[0].lower() not in CONNECTORS


_ORG_NAME_WORDS = 3  # capitalised words an organisation's name may have before its head noun ('National Security')


def _owning_country(doc: Doc, head: int, floor: int) -> tuple[int, int, str] | None:
    """The country words opening the organisation whose head noun is at `head` ('Japanese | National Security
    Secretariat', 'Chinese | Foreign Ministry'): the index of the name's first word after them, of their first
    word, and the country; None when no country word opens it."""
    i = head - 1
    while i >= floor and head - i <= _ORG_NAME_WORDS + 1:
        token = doc[i]
        if not token.text[:1].isupper() or is_honorific(token):
            return None
        if i - 1 >= floor and (c := country_of_word(f"{doc[i - 1].text} {token.text}")):
            return i + 1, i - 1, c
        if (c := country_of_word(token.text)) and not is_city(token.text):
            return i + 1, i, c
        i -= 1
    return None


def _seat_before(doc: Doc, last: int, floor: int) -> str | None:
    """The country of a seat of government named just before a title, over up to three capitalised words of its
    portfolio ('White House | National Climate | Advisor'), or None."""
    table = seats()
    for end in range(last, max(floor - 1, last - 3), -1):
        if not doc[end].text[:1].isupper():
            return None
        for size in (1, 2, 3):
            if end - size + 1 >= floor and (words := doc[end - size + 1:end + 1].text) in table:
                return table[words]
    return None


def _coordinated(doc: Doc, start: int, floor: int, depth: int = 0) -> tuple[str | None, str | None]:
    """Title and nationality of the titled name before an 'and' just before this one ('Japanese Foreign Minister
    Fumio Kishida and …', 'Presidents Biden and von der Leyen'), which the second name shares unless it says its own.
    A list of one government's ministers shares its first one's nationality across commas too ('Ukrainian Prime
    Minister Shmyhal, Foreign Minister Kuleba and Defense Minister Reznikov'), but a list naming another office
    does not ('European Council President Charles Michel, President Emmanuel Macron')."""
    i = start - 1
    while i >= floor and is_title_token(doc[i]) and (doc[i].text[:1].isupper() or doc[i].text in ("of", "for")
                                                      and i > floor and doc[i - 1].text[:1].isupper()):
        i -= 1  # back over this name's own title, 'of' and 'for' in it too ('and Minister of Defense Hamada')
    while i >= floor and doc[i].text[:1].isupper() and doc[i].lower_ in PORTFOLIO_WORDS:
        i -= 1  # a portfolio's last words that are no title words ('… Labour and Welfare Kato')
    while (opening := _portfolio_list_opening(doc, i, floor)) is not None:
        i = opening - 1  # and over a portfolio that lists: 'and Minister of Economy, Trade and Industry Saito'
        while i >= floor and is_title_token(doc[i]) and doc[i].text[:1].isupper():
            i -= 1
    own_title = doc[i + 1:start].text
    if re.search(r"\s(?:of|for)\s", own_title) and not _MINISTER.search(own_title):
        return None, None  # 'Foreign Minister Hayashi and Secretary of Defense Austin': two sides, not one list
    if i - 1 < floor or not (doc[i].text.lower() == "and" or doc[i].text == "," and depth < _LIST_REACH
                             and _MINISTER.search(own_title)):
        return None, None
    listed = doc[i].text == ","
    i -= 1
    of = next((k for k in (1, 2, 3) if i - k >= floor and doc[i - k].text == "of"
               and country_of_word(doc[i - k + 1:i + 1].text)), None)
    if of:
        i -= of + 1  # back over the earlier name's own country: 'Presidents Klaus Iohannis of Romania and …'
    name_end = i
    while i >= floor and doc[i].text[:1].isupper() and not is_title_token(doc[i]):
        i -= 1  # back over the earlier person's name
    if i == name_end:
        return None, None
    title, country = _left_context(doc, i + 1, floor)
    if country is None and depth < _LIST_REACH and (not title or _MINISTER.search(title)):
        country = _coordinated(doc, i + 1, floor, depth + 1)[1]  # '… Shmyhal, Foreign Minister Kuleba and …'
    if listed and not (title and _MINISTER.search(title)):
        return None, None
    plural = title and title.split()[-1] in PLURAL_TITLES
    return (_tidy_title(title) if plural else None), country


def _portfolio_list_opening(doc: Doc, i: int, floor: int) -> int | None:
    """The 'of' or 'for' opening a portfolio whose list reaches the ',' or 'and' at token i ('Minister of | Economy
    , Trade and | Industry'), when a capitalised title word comes before it; None otherwise."""
    if doc[i].text not in (",", "and", "&") or i - 1 < floor or not doc[i - 1].text[:1].isupper():
        return None
    k = i
    while k >= max(floor, i - 8) and (doc[k].text[:1].isupper() and (is_title_token(doc[k]) or doc[k].lower_ in
                                                                    PORTFOLIO_WORDS) or doc[k].text in (",", "and", "&")):
        k -= 1
    if k - 1 >= floor and doc[k].text in ("of", "for") and is_title_token(doc[k - 1]) and doc[k - 1].text[:1].isupper():
        return k
    return None


# How many names back a list shares its first one's nationality; titles of a government's ministers.
_LIST_REACH = 4
_MINISTER = re.compile(r"\bMinisters?\b")



_HEAD_TITLES = (r"President|Minister|Secretary|Chancellor|Adviser|Advisor|Ambassador|Chairman|Chairperson|Emir|King|"
                r"Premier|Spokesman|Spokesperson|Envoy|Governor|Chief|Director|Commissioner|Speaker")
_APPOSITION = re.compile(r"^,\s+(?:the\s+)?(?:(?P<country>[A-Z][\w.]+(?:\s[A-Z]\w+)?)(?:'s|’s)?\s+)?"
                         r"(?P<title>(?:[A-Z][\w-]+\s+)*?(?:" + _HEAD_TITLES + r")(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)?)")


# 'the Assistant to the President for Homeland Security, Dr. Elizabeth Sherwood-Randall, led …': a title set off
# before the name by a comma, the name closed by another.
_LEFT_APPOSITION = re.compile(r"(?:^|\b[Tt]he\s+)(?P<title>(?:[A-Z][\w-]+\s+)*?(?:" + _HEAD_TITLES +
                              r"|Assistant|Counselor|Coordinator|Administrator|Representative)"
                              r"(?:\s+(?:to|of|for|on)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+(?:and\s+)?[A-Z][\w-]+)*)*)\s*,\s*$")


# 'received the new Saudi Arabian ambassador, Saud Al Suwelim': a resident envoy, in lower case as news writes it.
_RESIDENT_APPOSITION = re.compile(r"\b(?:the|a|an|its|their)\s+(?:(?:new|newly appointed|incoming|outgoing)\s+)?"
                                  r"(?P<title>(?:[A-Z][\w-]+\s+){1,3}(?:ambassador|envoy|high commissioner|"
                                  r"consul general|charg[eé] d['’]affaires))\s*,\s*$")


# A name's line ending in its state's name, as a list of participants gives them.
_LINE_COUNTRY = re.compile(r"^\s*,\s+(?P<state>[A-Z][^,.;:()\n]{1,60}?)\s*\.?\s*$")


# 'Kim of the Republic of Korea (ROK) on …', 'Boric of Chile spoke', 'Tshisekedi of the Democratic Republic of the Congo'
_OF_COUNTRY = re.compile(r"^\s*of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?[A-Z][\w-]+){0,2})\b"
                         r"(?=\s*(?:[,.;(]|[a-z]|$))")  # '… of Saint Kitts and Nevis', '… of Kenya and President Ruto'


def _right_context(doc: Doc, end: int, sentence_end: int) -> tuple[str | None, str | None]:
    """Title and country from an apposition after a name ('Jake Sullivan, the National Security Adviser')."""
    following = doc[end:min(sentence_end, end + 16)].text
    if (line := _LINE_COUNTRY.match(following)) and (c := country_of_formal_name(line["state"])):
        return None, c  # a roster's line: 'President Alberto Fernandez, Argentine Republic'
    if (of := _OF_COUNTRY.match(following)) and (c := country_of_word(of[1]) or country_of_word(of[1].split(" and ")[0])
                                                  or union_of(of[1])):
        return None, c  # 'Prime Ministers Narendra Modi of India, Scott Morrison of Australia'
    match = _APPOSITION.match(following)
    if not match or re.match(r"\s+[A-Z][a-z]", following[match.end():]):
        return None, None  # 'Arzu Rana Deuba, Foreign Minister Narayan Khadka': a list, the title is the next name's
    country = (country_of_word(match["country"]) or seats().get(match["country"])) if match["country"] else None
    title = match["title"]
    if match["country"] and not country:
        first, _, rest = match["country"].partition(" ")
        if rest and (country := country_of_word(first)):
            title = f"{rest} {title}"  # 'Amos Hochstein, U.S. Senior Advisor for Energy Security'
        else:
            title = f"{match['country']} {title}"
    of_country = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w ]+)$", title)
    if of_country and (c := country_of_word(of_country[1])):
        country = country or c
        title = title[: of_country.start()].strip()
    return title, country


# 'Sherwood-Randall, led a US delegation …', 'Wang Yi, who heads the Chinese delegation': the side they lead.
_LEADS_SIDE = re.compile(r"^\s*,?\s*(?:who\s+)?(?:led|leads|will lead|is leading|heads|headed|will head)\s+"
                         r"(?:a|an|the)\s+(?P<side>[A-Z][\w.]*(?:\s[A-Z]\w+)?)\s+(?:[a-z-]+\s+)?delegation\b")


def _side_led(doc: Doc, end: int, sentence_end: int) -> str | None:
    """The country whose delegation the name is said to lead just after it, or None."""
    found = _LEADS_SIDE.match(doc[end:min(sentence_end, end + 10)].text)
    return country_of_word(found["side"]) if found else None


def _left_apposition(doc: Doc, start: int, end: int, floor: int, sentence_end: int) -> str | None:
    """A title set off by commas before the name ('the Assistant to the President for X, Dr. Jane Doe, said')."""
    i = start - 1
    while i >= floor and is_honorific(doc[i]):
        i -= 1
    if i <= floor or doc[i].text != "," or end >= sentence_end or doc[end].text not in (",", "."):
        return None  # set off by commas, or by a comma and the sentence's end
    before = doc[max(floor, i - 14):i + 1].text
    found = _LEFT_APPOSITION.search(before) or _RESIDENT_APPOSITION.search(before)
    return found["title"] if found else None


def _tidy_title(title: str | None) -> str | None:
    if not title:
        return None
    words = [w for w in title.split() if w.lower().strip(".") not in HONORIFICS]
    while words and words[0].lower() in CONNECTORS | {"in", "at", "on", "to"}:
        words.pop(0)
    if words and words[-1] in PLURAL_TITLES:
        words[-1] = {"Secretaries": "Secretary"}.get(words[-1], words[-1][:-1])  # 'Prime Ministers A, B and C'
    return " ".join(words) or None


def _in_portfolio_after(doc: Doc, i: int) -> bool:
    """True when the words before token i run back over portfolio words to the 'for' or 'and' that opens them
    ('for | Climate | Change')."""
    k = i - 1
    while k >= 0 and doc[k].text[:1].isupper() and doc[k].text.lower() in PORTFOLIO_WORDS and i - k <= 4:
        k -= 1
    return k >= 0 and doc[k].text in ("for", "and")


def _office_surname(doc: Doc, start: int, surname: str, sentences: SentenceBounds) -> bool:
    """True when the title before a one-word name is an office someone of that surname held ('Secretary Austin'),
    so the name is a person's even where it is also a town's."""
    title, _ = _left_context(doc, start, sentences.of(start)[0])
    return offices().titles_surname(title, surname)


def _clean_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip()).strip(" ,.;:")
    words = [w for w in text.split() if w.lower().strip(".") not in HONORIFICS]
    return " ".join(words)


def read_mention(doc: Doc, start: int, end: int, inner_title: str | None,
                 sentences: SentenceBounds) -> Mention | None:
    """The person a name span reads as, with the title and nationality around it; None when it is no person."""
    while start < end - 1 and doc[start].text.lower() in CALENDAR_NAME_WORDS:
        start += 1  # 'On Sunday Deuba travels': the day is not part of the name
    while end - start >= 3 and _in_portfolio_after(doc, start) \
            and doc[start].text.lower() in PORTFOLIO_WORDS and doc[start].text.lower() not in ("and", "the", "&"):
        start += 1  # 'Senior Director for Cyber Amit Mital', '… for Climate Change Xie Zhenhua': the NER took it in
    if start > 0 and doc[start - 1].text == "of":  # 'President of Chile Gabriel Boric': the NER took the country in
        start += next((k for k in (3, 2, 1) if end - start - k >= 2 and country_of_word(doc[start:start + k].text)), 0)
    end = next((i for i in range(start + 1, end) if doc[i].text in ("'s", "’s")), end)  # a possessive ends a name
    end = next((i for i in range(start + 1, end) if doc[i].text in HEADLINE_VERBS), end)
    while end > start + 1 and doc[end - 1].text in HEADLINE_NOUNS:
        end -= 1  # a headline's capitalised noun: 'Harris Call with …', 'Chollet's Trip to Ukraine'
    text = _clean_name(doc[start:end].text)
    if not text or NOT_NAMES.match(text) or any(ch.isdigit() for ch in text) or text.lower().startswith("non-") \
            or all(word in HEADLINE_NOUNS for word in text.split()) or text.split()[-1].lower() in GROUP_NOUNS \
            or text.split()[0] in DOCUMENT_NOUNS:
        return None
    words = text.split()
    if not all(w[:1].isupper() or w.lower() in _PARTICLES or _PARTICLE_PREFIX.match(w) for w in words):
        return None
    titled_short = start > 0 and is_title_token(doc[start - 1]) and doc[start - 1].text[:1].isupper()
    if country_of_word(text) or (len(words) == 1 and len(text) < 3 and not (titled_short and text.istitle())):
        return None  # two letters are no name, but 'President Xi' and 'Premier Li' are
    if text.lower() in REGIONS:
        return None  # a portfolio's region: 'Special Envoy for the Northern Triangle'
    if is_city(text) and not (titled_short and len(words) == 1 and _office_surname(doc, start, text, sentences)):
        return None  # a town ('Sherman'), even after a title: reading titled ones as people raised untouched noise
    if len(words) == 1 and end < len(doc) and doc[end].text[:1].isupper() and is_title_token(doc[end]):
        return None  # a word inside a title: 'National Cyber Director Chris Inglis'
    if len(words) == 1 and start > 0 and doc[start - 1].text in ("for", "of", "and", ","):
        return None  # a word inside a long title: 'Minister for Political, Legal and Security Affairs'
    lead = start - 1 if start > 0 and doc[start - 1].text == "the" else start
    if len(words) <= 2 and lead > 1 and doc[lead - 1].text in ("for", "of") and is_title_token(doc[lead - 2]) \
            and (words[0].lower() in PORTFOLIO_WORDS or words[-1].lower() in PORTFOLIO_HEADS):
        return None  # a title's portfolio: 'Director of Public Engagement', 'Coordinator for the Southwest Border'

    if all(w.lower().strip(".") in TITLE_WORDS or w.lower() in ORG_NOUNS for w in words) \
            or words[-1].lower() in ORG_NOUNS or any(w.lower() in PLACE_NOUNS | EVENT_NOUNS for w in words) \
            or (end < len(doc) and doc[end].lower_ in THING_AFTER):
        return None
    sentence_start, sentence_end = sentences.of(start)
    title, country = _left_context(doc, start, sentence_start)
    right_title, right_country = _right_context(doc, end, sentence_end)
    shared_title, shared_country = _coordinated(doc, start, sentence_start)
    inner_title = title if title and inner_title and title.endswith(inner_title) else inner_title  # 'First Lady'
    # an honorific inside the span is no title: 'Prime Minister | Sheikh Hasina' keeps the title before it
    title = _tidy_title(inner_title) or _tidy_title(title or right_title) \
        or _left_apposition(doc, start, end, sentence_start, sentence_end) or shared_title
    # a name's own 'of Poland' outweighs the country of the name it is coordinated with ('A of Romania and B of Poland')
    country = country or right_country or shared_country or _side_led(doc, end, sentence_end)
    return Mention(start, end, text, title, country)
