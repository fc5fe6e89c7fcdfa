"""The cheap first pass: which paragraphs of a text are worth sending through spaCy.

Most of a press release reports no engagement. Only a sentence with a trigger word (triggers.kinds_in) can make an
event, and the date and sentence context of the rules reset at every paragraph break, so a paragraph with no trigger
contributes only two things: the people it introduces, and the initiatives it names (which join the nearest event).
The headline and the lead paragraph, where releases introduce their people in full, are always kept; a dropped
paragraph that names initiatives is replaced by those names alone, so they still join the engagement before them.
A text with no trigger at all needs no parse.
"""
from __future__ import annotations

import re

from etl.extract.companions import DELEGATION, SPOUSE, WITH_HIM
from etl.extract.initiatives import find_initiatives
from etl.extract.rosters import ITEM_MAX, foreign_item, is_roster_line
from etl.extract.triggers import kinds_in

ALWAYS_KEPT = 2  # the headline (or dateline paragraph) and the lead
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
# Paragraphs that join people to an engagement reported elsewhere: companions, delegations, spouses.
_JOINS = (DELEGATION, SPOUSE, WITH_HIM, re.compile(r"\b(?:accompan\w+|travell?(?:ing|ed) with|along with|as did|"
                                                 r"delegation|joined|sat in|stood in|in place of|instead of)\b", re.I))

# Where a sentence ends, cheaply: a capitalised name never runs on across 'Treaty. The Vice President' ('U.S.' and
# 'Dr.' do not end one).
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.!?])(?<!Mrs\.)\s+(?=[A-Z])")


def worth_keeping(paragraph: str) -> bool:
    """True when a paragraph may report an engagement or join someone to one."""
    return bool(kinds_in(paragraph)) or any(pattern.search(paragraph) for pattern in _JOINS)


def worth_parsing(text: str) -> bool:
    """False when no sentence of the text can report an engagement."""
    return bool(kinds_in(text))


def focus(text: str) -> str:
    """The text with the paragraphs that cannot report an engagement reduced to the initiatives they name."""
    paragraphs = _PARAGRAPHS.split(text)
    if len(paragraphs) <= ALWAYS_KEPT:
        return text
    kept = paragraphs[:ALWAYS_KEPT]
    # the lines of a closing list of participants name who took part (etl/extract/rosters.py); its heading may
    # end the lead
    in_roster = is_roster_line(kept[-1])
    for paragraph in paragraphs[ALWAYS_KEPT:]:
        heading = is_roster_line(paragraph)
        in_roster = heading or in_roster and len(paragraph.strip()) <= ITEM_MAX
        if in_roster and not heading and foreign_item(paragraph):
            kept.append(paragraph.rstrip(" .") + ".")  # one line, one sentence: the parser would run them together
        elif heading or worth_keeping(paragraph):
            kept.append(paragraph)
        elif names := [n for s in _SENTENCE_END.split(paragraph) for n in find_initiatives(s)]:
            kept.append("; ".join(names) + ".")
    return "\n\n".join(kept)
