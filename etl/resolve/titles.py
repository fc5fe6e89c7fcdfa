"""Official titles: split 'Prime Minister Narendra Modi' into title and name; rank seniority."""
from __future__ import annotations

import re

# Words that make up titles of office. A title is the longest run of these at the start of a string.
TITLE_WORDS = frozenset(
    """
    acting interim provisional caretaker designate elect vice deputy first second general federal crown grand
    prime minister minster ministers president presidents premier premiers chancellor chancellors secretaries king queen
    emperor empress prince princess sultan
    amir emir shah pope taoiseach governor secretary chairman chairwoman chairperson chief head state presidency
    regent junta member sheikh sheikha brigadier lieutenant major colonel admiral marshal field duke duchess
    foreign external affairs home interior defence defense finance trade commerce industry economy
    national security adviser advisor under assistant ambassador envoy special representative high
    commissioner council councillor councilor counselor counsellor spokesperson spokesman senior director
    of the for and on to in at & state's joint chiefs staff army navy
    mr mrs ms dr shri smt his her majesty highness excellency royal
    pm fm eam nsa sen senator rep representative gen col lt adm amb hon cm mp
    leader lady gentleman ayatollah then-president then-prime former outgoing incoming president-elect
    officer executive operating coordinator administrator ceo coo cfo cto
    """.split()
)
# Words that may continue a title but never start one or end one.
_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "to", "in", "at", "&"})
# Honorifics dropped from the title entirely.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "shri", "smt", "his", "her", "majesty", "highness", "excellency"})

_ACTING = ("acting ", "interim ", "provisional ", "vice ", "deputy ", "crown ")
# Checked in order; the first match decides. Narrow titles come before the broad ones they contain.
_SENIORITY = (
    (r"\b(king|queen|emperor|empress|sultan|amir|emir|shah|pope|grand duke|grand duchess)\b", 1, "Head of state/government"),
    (r"^(president|chancellor|federal chancellor|prime minister|premier|taoiseach|chairman|general secretary|head of state|chief of state)", 1, "Head of state/government"),
    (r"\b(president|prime minister|premier|chancellor|crown prince|prince|princess)\b", 2, "Deputy or acting head"),
    (r"\b(under secretary|under-secretary|deputy secretary|assistant secretary|deputy minister|vice minister|minister of state|ambassador|envoy|special representative|commissioner|director)\b", 5, "Senior official"),
    (r"\b(secretary of state|foreign minister|minister of foreign affairs|minister for foreign affairs|external affairs minister|foreign secretary|secretary-general|secretary general)\b", 3, "Foreign minister"),
    (r"\b(minister|secretary|national security advis[eo]r)\b", 4, "Minister"),
)


def _words(text: str) -> list[str]:
    return text.replace(",", " ").split()


def _is_title_word(word: str) -> bool:
    key = word.lower().strip(".").replace("-", " ")
    return all(part in TITLE_WORDS for part in key.split()) if key else False


def split_title(text: str) -> tuple[str | None, str]:
    """Split a leading title of office from a person's name: ('Prime Minister', 'Narendra Modi')."""
    words = _words(text.strip())
    cut = 0
    for i, word in enumerate(words[:-1]):  # always leave one word for the name
        if not _is_title_word(word):
            break
        cut = i + 1
    while cut and words[cut - 1].lower() in _CONNECTORS:
        cut -= 1
    title_words = [w for w in words[:cut] if w.lower().strip(".") not in _HONORIFICS]
    title = " ".join(title_words) or None
    name = " ".join(words[cut:]).strip(" ,")
    return (_tidy_title(title) if title else None), name


def _tidy_title(title: str) -> str:
    """Fix spacing in hyphenated titles written 'President- elect'."""
    return re.sub(r"-\s+", "-", title).strip()


def seniority(title: str | None) -> tuple[int, str]:
    """A rank (1 = head of state or government .. 6 = other) and its label for a title."""
    lowered = (title or "").lower()
    for pattern, rank, label in _SENIORITY:
        if rank == 1 and lowered.startswith(_ACTING):
            continue
        if re.search(pattern, lowered):
            return rank, label
    return 6, "Other"
