"""Build data/known_people.tsv from PETRARCH2's Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance).

Run once when the dictionary changes:
    python -m etl.extract.build_known_people ../shared/data/actors/Phoenix.Countries.actors.txt
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from etl.extract.gazetteer import _key
from etl.resolve.countries import to_iso3

_NAME = re.compile(r"^([A-Z][A-Z0-9_.'\-]+?)_?(\s+#.*)?$")
_CODE = re.compile(r"^\s+\[([A-Z]{3})")


def parse_actors(text: str) -> dict[str, set[str]]:
    """Person name -> the set of country codes the dictionary gives them."""
    people: dict[str, set[str]] = defaultdict(set)
    current: str | None = None
    for line in text.splitlines():
        if match := _NAME.match(line):
            current = match[1].replace("_", " ").strip()
        elif current and (match := _CODE.match(line)):
            iso3 = to_iso3(match[1])
            if iso3:
                people[_key(current)].add(iso3)
        elif line.startswith("+"):
            continue
        elif not line.strip() or line.startswith("#"):
            current = None
    return people


def main(source: str) -> None:
    people = parse_actors(Path(source).read_text("latin-1"))
    out = Path(__file__).parent / "data" / "known_people.tsv"
    rows = sorted((name, next(iter(codes))) for name, codes in people.items()
                  if len(codes) == 1 and len(name.split()) >= 2)
    with out.open("w", encoding="utf-8") as handle:
        handle.write("name\tiso3\n")
        handle.writelines(f"{name}\t{iso3}\n" for name, iso3 in rows)
    print(f"{len(rows)} people -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
