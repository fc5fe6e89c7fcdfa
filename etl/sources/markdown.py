"""Markdown press releases with a YAML front matter (Hugo, Jekyll and most static-site press archives)."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)|(?<=\S)(\*{1,3}|_{2,3})")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_END_MARK = re.compile(r"^\s*\\?#{3}\s*$")  # '###', the press-release end mark (written '\###' in these archives)
DATE_FIELDS = ("date", "published_time", "published", "publishDate", "pubDate")
URL_FIELDS = ("source_url", "url", "canonical_url", "permalink", "link")


class FrontMatterError(ValueError):
    """The front matter cannot be read; field names the key (or 'front matter' for the block)."""

    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass
class Release:
    """One release read from a Markdown file: its header fields and its body as plain text."""

    title: str | None
    published: dt.date | None
    url: str | None
    body: str
    tags: list[str] = field(default_factory=list)
    publisher: str | None = None


def has_front_matter(text: str) -> bool:
    """True when the text opens with a '---' YAML block."""
    return _FENCE.match(text) is not None


def _as_date(value: object, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise FrontMatterError(key, f"'{text[:40]}' is not a date") from None


def _published(header: dict) -> dt.date:
    for key in DATE_FIELDS:
        if header.get(key) not in (None, ""):
            return _as_date(header[key], key)
    raise FrontMatterError("date", f"missing: the front matter has none of {', '.join(DATE_FIELDS)}")


def _plain(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).replace("\u00a0", " ").split())
    return text or None


def _tags(value: object) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [t for t in (_plain(item) for item in items) if t]


def read_front_matter(text: str) -> tuple[dict, str]:
    """The YAML header as a dict and the Markdown after it; FrontMatterError when the header is not readable."""
    match = _FENCE.match(text)
    if match is None:
        raise FrontMatterError("front matter", "no closing '---' line after the opening one")
    try:
        header = yaml.safe_load(match[1])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (header line {mark.line + 2})" if mark is not None else ""
        raise FrontMatterError("front matter", f"not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    if header is None:
        header = {}
    if not isinstance(header, dict):
        raise FrontMatterError("front matter", f"a YAML mapping was expected, not {type(header).__name__}")
    return header, text[match.end():]


def parse_release(text: str) -> Release:
    """A release from a Markdown file with a front matter: title, publication date, URL, tags and plain body."""
    header, markdown = read_front_matter(text)
    url = next((_plain(header[k]) for k in URL_FIELDS if header.get(k)), None)
    return Release(title=_plain(header.get("title")), published=_published(header), url=url,
                   body=markdown_to_text(markdown), tags=_tags(header.get("tags")),
                   publisher=_plain(header.get("publisher")))


def release_text(release: Release) -> str:
    """The release as the extractor reads it: the title as its first paragraph (headlines name who met whom),
    then the body."""
    title = release.title
    if not title:
        return release.body
    return f"{title}{'' if title[-1] in '.!?:' else '.'}\n\n{release.body}"


def readable_releases(folder: Path) -> Iterator[tuple[Path, Release]]:
    """Every release under a folder that parses, in path order; for builders and benchmarks over an archive
    (a load rejects the others, with the reason)."""
    for path in sorted(folder.rglob("*.md")):
        try:
            yield path, parse_release(path.read_text("utf-8"))
        except (FrontMatterError, UnicodeDecodeError):
            continue


def _clean_inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = _EMPHASIS.sub("", line)
    line = _ESCAPE.sub(r"\1", line)
    return line.replace("\u00a0", " ")


def markdown_to_text(markdown: str) -> str:
    """Markdown as plain paragraphs: wrapped lines joined, list items and headings on their own, markup removed."""
    paragraphs: list[str] = []
    current: list[str] = []

    def close() -> None:
        # inline markup is removed from the whole paragraph: a link's text may wrap onto the next line
        if text := " ".join(_clean_inline(" ".join(current)).split()):
            paragraphs.append(text)
        current.clear()

    for raw in markdown.splitlines():
        if _END_MARK.match(raw):
            break
        line = raw.strip()
        if not line:
            close()
            continue
        if _HEADING.match(line) or _LIST_ITEM.match(raw):
            close()
            line = _LIST_ITEM.sub("", _HEADING.sub("", line))
        current.append(line)
        if raw.endswith("  ") or _HEADING.match(raw.strip()):
            close()  # a hard line break or a heading ends its paragraph
    close()
    return "\n\n".join(paragraphs)
