"""Helpers for the extractor's rule tests: extract a short text written for a rule, and read what came out."""
from __future__ import annotations

from etl.extract.pipeline import extract_text


def events_of(text: str, published: str = "2024-03-08"):
    """The events of a news text published on that day."""
    import datetime as dt

    return extract_text(f" date {published} Test\n\n{text}", dt.date.fromisoformat(published)).events


def pairs(events) -> set[frozenset[str]]:
    """Who met whom: each pair of people at a held meeting, call, dialogue or summit."""
    return {frozenset((a.name, b.name)) for e in events if e.kind != "visit" and e.status == "held"
            for i, a in enumerate(e.participants) for b in e.participants[i + 1:]}


def names(events) -> set[str]:
    """Everyone taking part in any event."""
    return {p.name for e in events for p in e.participants}


def countries(events) -> dict[str, str | None]:
    """Each participant's country, by name."""
    return {p.name: p.country for e in events for p in e.participants}


def visitors(events) -> set[tuple[str, str]]:
    """(visitor, destination) of every held visit."""
    return {(p.name, e.country) for e in events if e.kind == "visit" and e.status == "held" for p in e.participants}


def release(text: str, published: str = "2022-05-20", publisher: str | None = "USA", titled: bool = False):
    """The events of a government release (no date line; the publisher given); `titled` reads the first paragraph
    as the release's title, as the Markdown loader does."""
    import datetime as dt

    from etl.extract.document import parse_article
    from etl.extract.pipeline import extract_articles

    headline = text.split("\n\n", 1)[0].rstrip(".") if titled else None
    article = parse_article(text, dt.date.fromisoformat(published), headline, publisher=publisher)
    return next(extract_articles([article])).events
