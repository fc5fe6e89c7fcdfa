"""Build the person tables from PETRARCH2's Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance).

Writes etl/extract/data/known_people.tsv (name -> country) and etl/resolve/common_names.tsv (a formal name ->
the nickname form the dictionary heads the person with, or the reverse). Run once when the dictionary changes:
    make known-people   (or: .venv/bin/python tools/build_known_people.py ../shared/data/actors/Phoenix.Countries.actors.txt)

A data builder, kept out of the runtime package: nothing Parley runs imports it.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(_REPO))  # run as a script from a checkout

from etl.extract.gazetteer import _key  # noqa: E402
from etl.resolve.countries import to_iso3  # noqa: E402
from etl.resolve.names import name_parts, nickname_of  # noqa: E402
from etl.resolve.titles import split_title  # noqa: E402

_NAME = re.compile(r"^([A-Z][A-Z0-9_.'\-]+?)_?(\s+#.*)?$")
_CODE = re.compile(r"^\s+\[([A-Z]{3})")
_ROOT = _REPO / "etl"


def _entries(text: str) -> Iterator[tuple[str, list[str], set[str]]]:
    """(head name, aliases, country codes) for each actor entry, in the dictionary's order."""
    head: str | None = None
    aliases: list[str] = []
    codes: set[str] = set()
    for line in text.splitlines():
        if match := _NAME.match(line):
            if head:
                yield head, aliases, codes
            head, aliases, codes = match[1].replace("_", " ").strip(), [], set()
        elif head and (match := _CODE.match(line)):
            if iso3 := to_iso3(match[1]):
                codes.add(iso3)
        elif head and line.startswith("+"):
            aliases.append(line[1:].split("#")[0].replace("_", " ").strip())
        elif not line.strip() or line.startswith("#"):
            if head:
                yield head, aliases, codes
            head = None
    if head:
        yield head, aliases, codes


def parse_actors(text: str) -> dict[str, set[str]]:
    """Person name -> the set of country codes the dictionary gives them."""
    people: dict[str, set[str]] = defaultdict(set)
    for head, _, codes in _entries(text):
        people[_key(head)] |= codes
    return people


def parse_common_names(text: str) -> set[tuple[str, str, str]]:
    """(alias, head name, country) where one of the two given names is a nickname of the other."""
    rows = set()
    for head, aliases, codes in _entries(text):
        head_name = head.title()
        head_parts = name_parts(head_name)
        if len(codes) != 1 or head_parts is None or head_parts.first is None:
            continue
        for alias in aliases:
            name = split_title(alias.title())[1]
            parts = name_parts(name)
            if parts and parts.first and parts.surname == head_parts.surname and nickname_of(parts.first, head_parts.first):
                rows.add((name, head_name, next(iter(codes))))
    return rows


def main(source: str) -> None:
    text = Path(source).read_text("latin-1")
    people = parse_actors(text)
    out = _ROOT / "extract" / "data" / "known_people.tsv"
    rows = sorted((name, next(iter(codes))) for name, codes in people.items()
                  if len(codes) == 1 and len(name.split()) >= 2)
    with out.open("w", encoding="utf-8") as handle:
        handle.write("name\tiso3\n")
        handle.writelines(f"{name}\t{iso3}\n" for name, iso3 in rows)
    print(f"{len(rows)} people -> {out}")
    common = _ROOT / "resolve" / "common_names.tsv"
    pairs = sorted(parse_common_names(text))
    with common.open("w", encoding="utf-8") as handle:
        handle.write("alias\tname\tiso3\n")
        handle.writelines(f"{alias}\t{name}\t{iso3}\n" for alias, name, iso3 in pairs)
    print(f"{len(pairs)} common names -> {common}")


if __name__ == "__main__":
    main(sys.argv[1])
