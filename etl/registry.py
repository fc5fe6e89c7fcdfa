"""The source kinds Parley can load: how to find their files and parse one."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from etl.extract.version import articles_reader, travels_reader
from etl.records import Batch
from etl.sources.articles import iter_articles, parse_articles, parse_many_articles
from etl.sources.gdelt import iter_exports
from etl.sources.gdelt_columns import parse_export, parse_exports
from etl.sources.hsg import iter_xml, parse_travels, parse_visits
from etl.sources.icews import iter_event_files, parse_icews
from etl.sources.table import iter_tables, parse_table


@dataclass(frozen=True)
class SourceKind:
    """A source kind: its name, the files it reads under a path, and its parser."""

    name: str
    files: Callable[[list[Path]], Iterator[Path]]
    parse: Callable[[Path], Batch]
    help: str
    parse_many: Callable[..., list[Batch]] | None = None  # all inputs at once (on every core), where that pays
    options: tuple[str, ...] = ()  # settings a [[sources]] entry may give this kind, passed to its parser
    version: Callable[[], str] = lambda: ""  # the reader's version (input_files.read_with): another rereads inputs
    batch_files: int | None = None  # inputs a load publishes at a time (etl/backfill.py); None: all as one


GDELT_BATCH_FILES = 96  # a day of GDELT 2.0's fifteen-minute exports

SOURCE_KINDS: dict[str, SourceKind] = {
    kind.name: kind
    for kind in (
        SourceKind("hsg-travels", iter_xml, parse_travels, "Office of the Historian travels XML (Presidents, Secretaries)",
                   version=travels_reader),
        SourceKind("hsg-visits", iter_xml, parse_visits, "Office of the Historian visits of foreign leaders XML"),
        SourceKind("table", iter_tables, parse_table, "curated engagements as CSV, JSON or JSON Lines"),
        SourceKind("articles", iter_articles, parse_articles,
                   "news articles and press releases: text, Markdown with front matter, HTML, JSONL, RSS/Atom",
                   parse_many=parse_many_articles, options=("publisher",), version=articles_reader),
        SourceKind("gdelt", iter_exports, parse_export, "GDELT 1.0/2.0 event exports: meetings, consultations, visits",
                   parse_many=parse_exports, batch_files=GDELT_BATCH_FILES),
        SourceKind("icews", iter_event_files, parse_icews, "ICEWS event files: meetings, consultations, visits"),
    )
}


def register(kind: SourceKind) -> None:
    """Make another source kind loadable."""
    SOURCE_KINDS[kind.name] = kind
