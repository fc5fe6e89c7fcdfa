"""The token spans that name a person in a parsed article: NER persons, repaired where the NER cut them, and
title-led runs of capitalised words the NER missed ('Foreign Secretary Vikram Misri')."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from etl.extract.dates import CALENDAR_WORDS
from etl.extract.gazetteer import begins_country_name, country_of_word, is_city
from etl.extract.name_words import (ACCREDITED_TITLES, CONNECTORS, HONORIFICS, NAME_PARTICLES, ORG_NOUNS, PLACE_NOUNS,
                                     PORTFOLIO_WORDS)
from etl.extract.portfolios import complement_after, leading_portfolio_words
from etl.resolve.titles import TITLE_WORDS, split_title

NAME_TOKEN = re.compile(r"^[A-Z][\w'’.\-]*$")
CALENDAR_NAME_WORDS = CALENDAR_WORDS - {"may"}  # 'Theresa May': a month that is also a family name


def is_proper(token: Token) -> bool:
    """A proper noun by its Penn tag (the pipeline runs without the attribute ruler that sets pos_)."""
    return token.tag_ in ("NNP", "NNPS")


def is_honorific(token: Token) -> bool:
    """'Dr.', 'Mr', 'H.E.', 'HE' (His Excellency, in capitals only: 'He' is the pronoun), 'Sheikh', 'His Majesty'."""
    word = token.text.lower()
    return word in HONORIFICS or word.rstrip(".") in HONORIFICS or token.text == "HE"


def is_title_token(token: Token) -> bool:
    """A word of a title ('Minister', 'Deputy', 'of' inside one), capitalised unless it is a connector."""
    word = token.text.lower().strip(".")
    return word in TITLE_WORDS and (token.text[:1].isupper() or word in CONNECTORS or "-" in word)


def _misread_as_place(ent) -> bool:
    """One capitalised word the NER tagged a place that no gazetteer knows as one."""
    return ent.label_ in ("GPE", "LOC") and len(ent) == 1 and ent.text.isalpha() and ent.text.istitle() \
        and not country_of_word(ent.text) and not is_city(ent.text)


def name_spans(doc: Doc) -> list[tuple[int, int, str | None]]:
    """Token spans that name a person, with any title inside the span, from NER and title-led name runs."""
    spans: list[tuple[int, int, str | None]] = []
    taken: set[int] = set()
    ents = list(doc.ents)
    ent_starts = {e.start for e in ents}
    by_start = {e.start: e for e in ents}
    for ent in ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "PRODUCT") or ent.start in taken:
            continue
        if all(word.lower().strip(".") in TITLE_WORDS for word in ent.text.split()):
            continue  # a title alone ('His Majesty | King | Abdullah II'): the title-led runs below read the name
        title, name = split_title(ent.text)
        if ent.label_ != "PERSON" and (title is None or all(w.lower() in PORTFOLIO_WORDS for w in name.split())):
            continue  # 'Secretary of Defense for Special | Operations': a title's portfolio, not a name after it
        end = ent.end
        while end < len(doc) and doc[end].text in NAME_PARTICLES:
            after = end
            while after < len(doc) and doc[after].text in NAME_PARTICLES:
                after += 1  # 'de la O'
            if after < len(doc) and doc[after].text[:1].isupper() and is_proper(doc[after]):
                end = after + 1
            else:
                break
        if ent.label_ == "PERSON" and end < len(doc) and doc[end - 1].text in NAME_PARTICLES and doc[end].text[:1].isupper():
            end += 1  # the NER stopped at the particle: 'von der | Leyen'
        while end > ent.start + 1 and doc[end - 1].text.lower() in ("and", "or", ",", "&"):
            end -= 1  # 'Rogelio Ramirez de la O and' ends before the conjunction
        # a hyphenated last part the NER cut: 'Han Duck | -soo', 'Abdel Fattah | el-Sisi'
        if ent.label_ == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2
        elif ent.label_ == "PERSON" and end + 2 < len(doc) and doc[end].text.lower() in ("el", "al") \
                and doc[end + 1].text == "-" and doc[end + 2].text[:1].isupper():
            end += 3
        # the NER sometimes stops a Hispanic or Arabic name early: 'Rosa Icela | Rodriguez', and after a title may
        # read the rest as places: 'President Andry | Nirina | Rajoelina of Madagascar'
        titled = ent.start > 0 and is_title_token(doc[ent.start - 1])
        while ent.label_ == "PERSON" and end < len(doc) and end - ent.end < 2 and is_proper(doc[end]) \
                and NAME_TOKEN.match(doc[end].text) and not is_title_token(doc[end]) \
                and doc[end].text.lower() not in CALENDAR_NAME_WORDS and not country_of_word(doc[end].text) \
                and (end not in ent_starts or titled and _misread_as_place(by_start[end])):
            end += 1
        if ent.label_ == "PERSON" and (next_ent := by_start.get(end)) is not None and next_ent.label_ == "PERSON" \
                and doc[end - 1].whitespace_ and is_proper(doc[end]):
            end = next_ent.end  # one name the NER read as two: 'Samia Suluhu | Hassan'

        start = ent.start
        if ent.label_ == "PERSON" and start > 0 and re.fullmatch(r"[A-Z]\.", doc[start].text) \
                and NAME_TOKEN.match(doc[start - 1].text) and is_proper(doc[start - 1]) \
                and not is_title_token(doc[start - 1]) and start - 1 not in taken:
            start -= 1  # the NER left the given name out: 'Secretary of State Antony | J. Blinken'
        if title and (portfolio := leading_portfolio_words(name)):  # 'Advisor | for International Economics | Daleep Singh'
            title, name = f"{title} {' '.join(name.split()[:portfolio])}", " ".join(name.split()[portfolio:])
        if title:  # skip the title's tokens: the name is what follows them
            while start < ent.end and not doc[start:ent.end].text.startswith(name.split()[0]):
                start += 1
        # a title inside the entity: 'NSC Spokesperson | Adrienne Watson', 'National Security Council Indo-Pacific
        # Coordinator Kurt' (an ORG the NER cut in the name: the title-led runs below read it whole)
        if inner := next((m for m in range(end - 2, start - 1, -1)
                          if is_title_token(doc[m]) and doc[m].text[:1].isupper() and not is_honorific(doc[m])), None):
            if ent.label_ != "PERSON":
                continue
            title, start = doc[ent.start:inner + 1].text, inner + 1
        spans.append((start, end, title))
        taken.update(range(ent.start, end))
    # Names the NER missed: a capitalised title followed by capitalised words ('Foreign Secretary Vikram Misri').
    tokens = list(doc)  # indexing a list is far cheaper than building a Token per doc[i]
    i = 0
    while i < len(tokens):
        if i not in taken and tokens[i].text[:1].isupper() and is_title_token(tokens[i]):
            j, complement = i, False
            while j < len(tokens):
                if is_title_token(tokens[j]) or is_honorific(tokens[j]):
                    j += 1
                elif tokens[j - 1].text.lower() in ("for", "the", "of") and (skip := complement_after(tokens, j)):
                    j, complement = j + skip, True  # 'Special Envoy for Yemen Lenderking', 'Counselor of the Department …'
                elif tokens[j].text == "to" and tokens[j - 1].text.lower() in ACCREDITED_TITLES \
                        and (skip := complement_after(tokens, j + 1 + (tokens[j + 1].text == "the" if j + 1 < len(tokens) else 0))):
                    j, complement = j + 1 + (tokens[j + 1].text == "the") + skip, True  # 'Ambassador to Uzbekistan Daniel Rosenblum'
                else:
                    break
            k = j
            while k < len(tokens) and k not in taken and NAME_TOKEN.match(tokens[k].text) \
                    and not is_title_token(tokens[k]) and (is_proper(tokens[k]) or tokens[k].tag_ == "FW") \
                    and not country_of_word(tokens[k].text):
                k += 1
                if k > j and k + 1 < len(tokens) and tokens[k].text in NAME_PARTICLES and tokens[k + 1].text[:1].isupper():
                    k += 1  # 'Luiz Inácio Lula da Silva': the particle goes on to the surname
            if organisation := next((m for m in range(k - 3, j - 1, -1) if tokens[m].text.lower() in ORG_NOUNS), None):
                j, complement = organisation + 1, True  # 'Officer of the Millennium Challenge Corporation Alexia Latortue'
            if k == j + 1 and tokens[j].text.lower() not in ORG_NOUNS | PLACE_NOUNS and tokens[j].whitespace_ \
                    and (joined := next((n for n, span in enumerate(spans) if span[0] == k), None)) is not None:
                k = spans.pop(joined)[1]  # a given name the NER's name goes on from: 'Ismael | Ould Cheikh Ahmed'
            if all(t.text.lower() in PORTFOLIO_WORDS for t in tokens[j:k]):
                k = j  # 'for Special | Operations and Low-Intensity Conflict Chris Maier': the portfolio goes on
            # 'the Presidents of the Democratic Republic | of the Congo': the words begin a country's name
            if k > j and not begins_country_name(doc[j:k].text, doc.text[tokens[k - 1].idx + len(tokens[k - 1]):]):
                # a title with a portfolio in it is read here: the words before the name no longer spell it
                spans.append((j, k, " ".join(t.text for t in tokens[i:j]) if complement else None))
                taken.update(range(i, k))
            i = max(k, i + 1)
        else:
            i += 1
    return sorted(spans)
