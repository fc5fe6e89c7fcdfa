"""Closing lists of who took part: 'The Leaders that participated:' and then one name a line."""
from __future__ import annotations

import re

from etl.extract.gazetteer import country_of_formal_name, country_of_word

# 'The Leaders that participated:', 'Participants in today's meeting included:', 'Meeting Participants',
# 'Joining the call were the following leaders:', 'The Vice President was joined by the following leaders:'.
ROSTER_HEADING = re.compile(r"(?:^[ \t]*|(?<=[.!?] ))(?:(?:The\s+)?(?:[\w’'-]+\s+){0,6}?(?:leaders|participants|attendees)\b|"
                            r"Joining\s+(?:the|today[’']s)\s+\w+\s+(?:were|was)\b|"
                            r"(?:[\w’'.-]+\s+){1,8}?(?:joined|attended)\s+by\s+the\s+following\b)"
                            r"(?:[^.\n:]{0,60}:|[ \t]*$)", re.I | re.M)
ITEM_MAX = 160  # characters of a list line: a name with its title and country, not a paragraph


def roster_zone(text: str) -> tuple[int, int] | None:
    """The characters of the list lines after the first roster heading that has any, or None."""
    for heading in ROSTER_HEADING.finditer(text):
        end = heading.end()
        for line in re.finditer(r"[^\n]+", text[heading.end():]):
            item = line[0].strip()
            if len(item) > ITEM_MAX or ROSTER_HEADING.match(item):
                break
            end = heading.end() + line.end()
        if end > heading.end():
            return heading.start(), end
    return None


def is_roster_line(paragraph: str) -> bool:
    """True for a paragraph that is a roster heading or ends with one ('… The President was joined by the
    following leaders:')."""
    paragraph = paragraph.strip()
    return any(heading.end() == len(paragraph) for heading in ROSTER_HEADING.finditer(paragraph))


_OF_PLACE = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+(?:and\s+(?:the\s+)?)?[A-Z][\w.'’-]*)*)")


def foreign_item(line: str) -> bool:
    """True for a list line that names its person's country ('Prime Minister Mia Mottley of Barbados', 'Japanese
    Foreign Minister …'): the lines of a domestic roster (members of Congress, advocates) name none."""
    words = line.split()
    state = line.rsplit(",", 1)[1] if "," in line else ""  # 'President Alberto Fernandez, Argentine Republic'
    return bool(words) and bool(country_of_word(words[0]) or any(country_of_word(m[1]) for m in _OF_PLACE.finditer(line))
                                or state.strip(" .") and country_of_formal_name(state.strip(" .")))


def listed(people, doc, zone: tuple[int, int]) -> list:
    """The people first named in the roster whose own line gives them a country (the text's, not a guess from the
    publisher): the other side's leaders, not the publisher's own staff or domestic guests."""
    start, end = zone
    return [p for p in people if p.mentions and start <= doc[p.mentions[0][0]].idx < end and p.country
            and not any(rule.startswith("publisher:") for rule in p.rules)]
