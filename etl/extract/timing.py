"""When the engagement a sentence reports took place, and whether it is news, a plan or history."""
from __future__ import annotations

import datetime as dt
import re

from etl.extract import triggers
from etl.extract.dates import DateSpan, resolve
from etl.extract.references import Context


# A verb that reports an encounter as past, which a later date the text gave before cannot be the date of.
PAST_ENCOUNTER = re.compile(r"\b(?:met|spoke|talked|conferred|visited|travell?ed|hosted|welcomed|received|recently)\b")
# 'From 1989 until 1991, Hill served as …', 'She arrived in Alaska in 2005', '(2013-2017)': a sentence dated by an earlier
# year alone tells a career or a history, not an engagement (the kit labels no year-only mention either).
_BACKGROUND_YEAR = re.compile(r"\b(?:in|from|during|between|until|through|by)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b"
                              r"|\(((?:19|20)\d\d)\s*[-–]\s*(?:(?:19|20)\d\d|present)\)")
_SINCE = re.compile(r"\b(?:since|after|before|until|ahead of)\b[^,.;]*", re.I)


# 'the Department of Foreign Affairs said on Friday': when it was said, not when the engagement is.
_ATTRIBUTION = re.compile(r"\b(?:said|says|announced|reported|told (?:reporters|a briefing)|wrote)\s+(?:in a statement\s+)?"
                          r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


# 'endorsed the March 2021 Joint Statement of the Security Consultative Committee': the date names a document.
_DOCUMENT_DATE = re.compile(r"\b(?:the|its|their|our)\s+(?:(?:January|February|March|April|May|June|July|August|"
                            r"September|October|November|December)\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d\d\s+"
                            r"(?=(?:[A-Z][\w’'.-]*\s+){0,4}(?:Statement|Declaration|Communiqu[eé]|Strategy|Framework|"
                            r"Action Plan|Report|Review|Resolution|Charter|Memorandum|Vision)\b)")


def undated(text: str) -> str:
    """The text without the parts whose dates are not the engagement's ('since 2022', 'said on Friday', 'the March
    2021 Joint Statement')."""
    return _DOCUMENT_DATE.sub(" the ", _ATTRIBUTION.sub(" ", _SINCE.sub(" ", text)))


def date_for(sentence: str, published: dt.date | None, planned: bool, context: Context) -> tuple[DateSpan | None, bool]:
    """The sentence's own date (ignoring 'since …' clauses), else the last one before it; and whether it is its own."""
    span = resolve(undated(sentence), published, future=planned)
    if span is not None:
        context.last_date = span
        return span, True
    return context.last_date, False


# 'then-Vice President Biden visited Natori': a title someone held then is history being told.
_THEN_TITLE = re.compile(r"\bthen-(?:[A-Z]|vice\b|prime\b|deputy\b|secretary\b|president\b|senator\b)")


def told_as_history(sentence: str, published: dt.date | None) -> bool:
    """True when the sentence is dated only by a year before publication, or names someone by a title they held
    then: a biography's or a history's sentence, not news of an engagement."""
    if _THEN_TITLE.search(sentence):
        return True
    return published is not None and any(int(m[1] or m[2]) < published.year for m in _BACKGROUND_YEAR.finditer(sentence))


def status_of(sentence: str, span: DateSpan | None, published: dt.date | None) -> str:
    """Planned when dated after publication or spoken of as future; a visit under way is held."""
    planned = triggers.is_planned(sentence)
    if span is not None and span.precision == "day" and published is not None:
        if span.start > published or (planned and span.start == published):  # under way (started before) is held
            return "planned"
        return "held"
    if span is not None and span.precision == "month" and published is not None \
            and (span.start.year, span.start.month) < (published.year, published.month):
        return "held"  # 'the commitment made during Harris' visit in June to hold a dialogue': June is past
    return "planned" if planned else "held"
