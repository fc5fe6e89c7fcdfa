"""News articles and press releases: plain text, HTML, JSON Lines and RSS/Atom feeds -> extracted engagements."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from etl.extract.document import Article, parse_article
from etl.execution import Execution
from etl.extract.version import extractor_version
from etl.records import Batch, Engagement, Participant, Reject, SourceRecord
from etl.resolve.countries import to_iso3
from etl.resolve.publishers import publisher_code, publisher_of_domain
from etl.sources.files import InputError, read_text
from etl.sources.markdown import FrontMatterError, has_front_matter, parse_release, release_text

KIND = "articles"
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson", ".xml", ".rss", ".atom")
_ENGLISH = re.compile(r"\b(the|and|of|to|in|on|with|for|said|was|is|by)\b", re.I)


@dataclass
class RawArticle:
    """One article read from an input, before extraction."""

    locator: str
    uri: str
    title: str | None
    published: dt.date | None
    text: str
    publisher: str | None = None  # ISO3 of the government whose release this is, from the front matter


def _reject(locator: str, reason: str, field: str | None = None, record: str | None = None) -> Reject:
    return Reject(source_kind=KIND, locator=locator, field=field, reason=reason, record=record)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _html_text(html: str) -> str | None:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)


def _from_html(path: Path, text: str) -> Iterator[RawArticle | Reject]:
    import trafilatura

    body = _html_text(text)
    if not body:
        yield _reject(str(path), "no article text found in the HTML")
        return
    meta = trafilatura.extract_metadata(text)
    yield RawArticle(str(path), (meta.url if meta and meta.url else path.as_uri()), meta.title if meta else None,
                     _date(meta.date) if meta else None, body)


def _from_jsonl(path: Path, text: str) -> Iterator[RawArticle | Reject]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        locator = f"{path}: line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _reject(locator, f"invalid JSON: {exc.msg}", record=line[:2000])
            continue
        if not isinstance(row, dict) or not str(row.get("text") or "").strip():
            yield _reject(locator, "missing", field="text", record=line[:2000])
            continue
        published = _date(row.get("published"))
        if row.get("published") and published is None:
            yield _reject(locator, f"'{row['published']}' is not a date", field="published", record=line[:2000])
            continue
        yield RawArticle(locator, str(row.get("url") or f"{path.as_uri()}#line{number}"), row.get("title"),
                         published, str(row["text"]))


def _from_feed(path: Path, text: str) -> Iterator[RawArticle | Reject]:
    import feedparser

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        yield _reject(str(path), f"not a readable RSS/Atom feed: {feed.get('bozo_exception')}")
        return
    for index, entry in enumerate(feed.entries, start=1):
        locator = f"{path}: entry {index}"
        content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        body = (_html_text(content) if "<" in content else content) or ""
        if not body.strip():
            yield _reject(locator, "entry has no text", field="content")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield RawArticle(locator, entry.get("link") or f"{path.as_uri()}#entry{index}", entry.get("title"),
                         dt.date(*published[:3]) if published else None, body)


def _from_markdown(path: Path, text: str) -> Iterator[RawArticle | Reject]:
    try:
        release = parse_release(text)
    except FrontMatterError as exc:
        yield _reject(str(path), exc.reason, field=exc.field, record=text[:2000])
        return
    if not release.body.strip():
        yield _reject(str(path), "the release has no text after its front matter", field="body")
        return
    yield RawArticle(str(path), release.url or path.resolve().as_uri(), release.title, release.published,
                     release_text(release), publisher_code(release.publisher))


def read_articles(path: Path) -> Iterator[RawArticle | Reject]:
    """The articles in one input file, or rejects saying why one could not be read."""
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        yield _reject(str(path), f"file is {path.stat().st_size} bytes, over the {MAX_ARTICLE_BYTES}-byte article limit")
        return
    text = read_text(path, KIND)
    if "\x00" in text:
        yield _reject(str(path), "binary content (NUL bytes), not text")
        return
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        yield from _from_html(path, text)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _from_jsonl(path, text)
    elif suffix in (".xml", ".rss", ".atom"):
        yield from _from_feed(path, text)
    elif suffix in (".md", ".markdown") and has_front_matter(text):
        yield from _from_markdown(path, text)
    else:
        yield RawArticle(str(path), path.resolve().as_uri(), None, None, text)


def english_enough(text: str) -> bool:
    """True when common English function words make up a plausible share of the words."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) >= 8 and len(_ENGLISH.findall(text)) / len(words) >= 0.08


def _records(raw: RawArticle, article: Article, extraction) -> list[SourceRecord]:
    records = []
    for number, event in enumerate(extraction.events, start=1):
        precision = event.date.precision if event.date else "day"
        engagement = Engagement(
            kind=event.kind, status=event.status, start_date=event.date.start if event.date else None,
            end_date=event.date.end if event.date else None, date_precision=precision,
            city=event.city, country_iso3=to_iso3(event.country) if event.country else None,
            title=f"{event.kind.capitalize()}: {', '.join(p.name for p in event.participants)}",
            participants=[Participant(name=p.name, title=p.title, country_iso3=p.country,
                                      role="visitor" if event.kind == "visit" else "attendee")
                          for p in event.participants],
            initiatives=event.initiatives, topics=event.topics)
        records.append(SourceRecord(
            engagement=engagement, source_kind=KIND, uri=raw.uri, locator=f"{raw.locator}#event{number}",
            source_title=raw.title or article.headline, published_at=article.published, text=article.text[:20000],
            evidence=event.evidence, extractor=extractor_version(), confidence=event.confidence))
    return records


def publisher_for(raw: RawArticle, configured: str | None = None) -> str | None:
    """Whose release this is: the source's `publisher` setting, else the front matter's, else the URL's domain."""
    return configured or raw.publisher or publisher_of_domain(raw.uri)


def _readable(path: Path, batch: Batch) -> list[RawArticle]:
    """The articles of one input worth extracting; the rest become the batch's rejects."""
    try:
        items = list(read_articles(path))
    except InputError as exc:
        batch.rejects.append(exc.reject)
        return []
    raws = []
    for item in items:
        batch.records_in += 1
        if isinstance(item, Reject):
            batch.rejects.append(item)
        elif not english_enough(item.text):
            batch.rejects.append(_reject(item.locator, "text does not look like English", field="text",
                                         record=item.text[:500]))
        else:
            raws.append(item)
    return raws


def _extract_chunk(chunk: list[tuple[RawArticle, str | None]]) -> list[list[SourceRecord]]:
    """Records for each article of a chunk (run in a worker process when there are several)."""
    from etl.extract.pipeline import extract_articles  # spaCy loads only when articles are read

    articles = [parse_article(raw.text, raw.published, raw.title, publisher) for raw, publisher in chunk]
    return [_records(raw, article, found) for (raw, _), article, found in zip(chunk, articles, extract_articles(articles))]


def _extract_all(work: list[tuple[RawArticle, str | None]], execution: Execution,
                 progress: Callable[[int], None] | None) -> Iterator:
    if execution.engine == "ray":
        from etl.extract.ray_engine import extract_on_ray  # Ray is an extra: only this engine imports it

        return iter(extract_on_ray(_extract_chunk, work, execution, progress))
    from etl.extract.parallel import map_articles

    return map_articles(_extract_chunk, work, execution.workers, progress)


def parse_many_articles(paths: list[Path], publisher: str | None = None, execution: Execution | None = None,
                        progress: Callable[[int], None] | None = None) -> list[Batch]:
    """One batch per input, the articles of all of them extracted together on every core (or on Ray).

    publisher (ISO3) says whose releases these are, as a source's `publisher = "USA"` does. An article whose
    extraction fails, or kills its worker, is rejected with the reason; the rest of its input loads.
    progress(n) is called as each n articles are done.
    """
    from etl.extract.parallel import Failed

    batches = [Batch(path=str(path)) for path in paths]
    work = [(batch, raw) for path, batch in zip(paths, batches) for raw in _readable(path, batch)]
    chunks = [(raw, publisher_for(raw, publisher)) for _, raw in work]
    for (batch, raw), records in zip(work, _extract_all(chunks, execution or Execution(), progress)):
        if isinstance(records, Failed):
            batch.rejects.append(_reject(raw.locator, records.reason, field="text", record=raw.text[:500]))
        else:
            batch.records.extend(records)
    return batches


def parse_articles(path: Path, publisher: str | None = None) -> Batch:
    """Every engagement extracted from the articles in one input; unreadable articles become rejects."""
    return parse_many_articles([path], publisher, Execution(workers=1))[0]


# A folder's own documentation (provenance, licence) is not one of its articles.
_NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "provenance"})


def iter_articles(paths: list[Path]) -> Iterator[Path]:
    """Article files under the given files and directories (a folder's README or LICENSE is not an article)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                              and p.stem.lower() not in _NOT_ARTICLES)
        else:
            yield path
