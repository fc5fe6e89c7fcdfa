"""Date expressions in news text resolved against the publication date (when known), with their precision."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]
MONTHS = {m.lower(): i for i, m in enumerate(_MONTH_NAMES, start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
# Day and month names, lower-case: a date in a phrase is never part of a name ('the Group on March 11').
CALENDAR_WORDS = frozenset(m.lower() for m in _MONTH_NAMES) | frozenset(WEEKDAYS)
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:,?\s*(?P<year>(?:19|20)\d\d))?"
_RANGE_MD = re.compile(rf"\b{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|through)\s*(?:{_MONTH.replace('month', 'month2')}\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}", re.I)
_RANGE_DM = re.compile(rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}{_YEAR}", re.I)
_DAY_MD = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}", re.I)
_DAY_DM = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}{_YEAR}", re.I)
_MONTH_ONLY = re.compile(rf"\b(?:in|since|during|of|until|by|early|late|mid|last|next)?-?\s*{_MONTH}(?:\s+(?P<this>this|last|next)\s+year|{_YEAR})\b", re.I)
_WEEKDAY = re.compile(r"\b(?P<rel>last|next|this|on|coming)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(?P<what>today|yesterday|tomorrow|earlier this month|this month|later this month|next month|last month|this week|last week|next week)\b", re.I)


@dataclass(frozen=True)
class DateSpan:
    """A resolved date or range; precision 'day' or 'month'."""

    start: dt.date
    end: dt.date | None
    precision: str

    def iso_start(self) -> str:
        return self.start.isoformat() if self.precision == "day" else self.start.strftime("%Y-%m")

    def iso_end(self) -> str | None:
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        return self.end.isoformat() if self.end else None


def _year_for(month: int, day: int, published: dt.date, future: bool) -> int:
    """The year that puts month/day nearest the publication date on the expected side."""
    candidate = dt.date(published.year, month, min(day, 28))
    if future and candidate < published - dt.timedelta(days=60):
        return published.year + 1
    if not future and candidate > published + dt.timedelta(days=60):
        return published.year - 1
    return published.year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(text: str | None) -> int | None:
    return MONTHS.get((text or "").lower().rstrip(".")) if text else None


def resolve(text: str, published: dt.date | None, future: bool = False) -> DateSpan | None:
    """The first date or date range in text, resolved against the publication date; None when there is none.

    Without a publication date only dates that state their year resolve: 'on Friday' or 'March 3' could be any year.
    """
    for pattern in (_RANGE_MD, _RANGE_DM):
        if (match := pattern.search(text)) and (match["year"] or published):
            month = _month_number(match["month"])
            month2 = _month_number(match.groupdict().get("month2")) or month
            year = int(match["year"]) if match["year"] else _year_for(month, int(match["d1"]), published, future)
            start, end = _safe_date(year, month, int(match["d1"])), _safe_date(year, month2, int(match["d2"]))
            if start and end and end >= start:
                return DateSpan(start, end, "day")
    for pattern in (_DAY_MD, _DAY_DM):
        if (match := pattern.search(text)) and (match["year"] or published):
            month, day = _month_number(match["month"]), int(match["day"])
            year = int(match["year"]) if match["year"] else _year_for(month, day, published, future)
            if day <= 31 and (value := _safe_date(year, month, day)):
                return DateSpan(value, None, "day")
    if published and (match := _WEEKDAY.search(text)):
        return DateSpan(_weekday(WEEKDAYS[match["wd"].lower()], (match["rel"] or "").lower(), published, future), None, "day")
    if published and (match := _RELATIVE.search(text)):
        return _relative(match["what"].lower(), published)
    if (match := _MONTH_ONLY.search(text)) and (match["year"] or published):
        month = _month_number(match["month"])
        if match["this"]:
            year = published.year + {"this": 0, "last": -1, "next": 1}[match["this"].lower()]
        elif match["year"]:
            year = int(match["year"])
        else:
            year = _year_for(month, 15, published, future)
        return DateSpan(dt.date(year, month, 1), None, "month")
    return None


def _weekday(weekday: int, rel: str, published: dt.date, future: bool) -> dt.date:
    if rel == "next" or (future and rel != "last"):
        delta = (weekday - published.weekday()) % 7 or (7 if rel == "next" else 0)
        return published + dt.timedelta(days=delta)
    delta = (published.weekday() - weekday) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


def _relative(what: str, published: dt.date) -> DateSpan:
    day = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(what)
    if day is not None:
        return DateSpan(published + dt.timedelta(days=day), None, "day")
    if "week" in what:
        shift = {"last week": -7, "next week": 7}.get(what, 0)
        return DateSpan(published + dt.timedelta(days=shift), None, "day")
    month_shift = {"next month": 1, "last month": -1}.get(what, 0)
    year, month = divmod(published.year * 12 + published.month - 1 + month_shift, 12)
    return DateSpan(dt.date(year, month + 1, 1), None, "month")


def parse_full_date(text: str) -> dt.date | None:
    """An absolute date written any common way ('30 January 2023', '2023-01-30'), via dateparser."""
    value = dateparser.parse(text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return value.date() if value else None
