"""An article's parts: publication date, headline, dateline place and body."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.*)$")
_DATELINE_DASH = re.compile(r"^\s*([A-Z][A-Za-z.'\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z.' ]+)?\s+[—–-]{1,2}\s+", re.M)
_DATELINE_COLON = re.compile(r"^\s*([A-Z][A-Za-z.'\- ]{2,40}):\s*$", re.M)


@dataclass
class Article:
    """One article ready for extraction."""

    text: str
    published: dt.date | None
    headline: str | None
    dateline: str | None
    publisher: str | None = None  # ISO3 of the government that issued it: its unqualified officials are its own
    publisher_inferred: str | None = None  # why the text, not the source, says whose release it is


def parse_article(text: str, published: dt.date | None = None, headline: str | None = None,
                  publisher: str | None = None) -> Article:
    """Split the optional ' date YYYY-MM-DD headline' first line off and find the dateline city."""
    first, _, rest = text.partition("\n")
    if match := _HEADER.match(first):
        published = published or dt.date.fromisoformat(match[1])
        headline = headline or match[2].strip()
        first_line = match[2].rstrip()
        # A headline on its own line ends a sentence: without a full stop spaCy would run it into the dateline.
        if rest.startswith("\n") and first_line and first_line[-1] not in ".!?:\"'”’":
            first_line += "."
        text = first_line + "\n" + rest
    dateline = None
    body_start = rest if match else text
    opening = body_start.lstrip("\n").split("\n", 1)[0]  # 'Washington:' opens the body; 'Participants included:' is no place
    for pattern, where in ((_DATELINE_DASH, body_start[:600]), (_DATELINE_COLON, opening)):
        if found := pattern.search(where):
            dateline = found[1].strip().title() if found[1].isupper() else found[1].strip()
            break
    return Article(text=text, published=published, headline=headline, dateline=dateline, publisher=publisher)
