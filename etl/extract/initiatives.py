"""Named initiatives in text: programmes, mechanisms, agreements and groupings, with acronyms and expansions."""
from __future__ import annotations

import re

# Groupings and mechanisms usually written by a short name alone.
KNOWN_SHORT_NAMES = ("Quad", "G20", "G-20", "G7", "G-7", "G8", "BRICS", "ASEAN", "NATO", "AUKUS", "SCO", "APEC",
                     "SAARC", "BIMSTEC", "OPEC", "IPEF", "I2U2", "iCET", "COMPACT", "JCPOA", "European Union",
                     "African Union", "Group of 20", "Group of Seven", "Group of Eight")
# Head words of a named initiative, in a capitalised phrase.
HEADS = ("Initiative", "Dialogue", "Compact", "COMPACT", "Arrangement", "Agreement", "Forum", "Summit", "Council",
         "Consultations", "Organisation", "Organization", "Plan", "Corporation", "Goals", "Corridor", "Framework",
         "Mechanism", "Programme", "Program", "Treaty", "Accord", "Alliance", "Years", "Assembly", "Cooperation",
         "Co-operation", "Roundtable", "Stocktake", "Policy", "Meeting", "Commission", "Presence", "Pact",
         "Partnership", "System", "Charter", "Declaration", "Process", "Format", "Group")
# Relationship labels and bodies that are not initiatives.
_NOT_INITIATIVES = re.compile(r"^(?:the\s+)?(?:(?:Comprehensive|Global|Special|Strategic|Privileged|Enhanced)\s+)*"
                              r"(?:Strategic\s+)?Partnership$|^(?:National Security Council|Security Council|"
                              r"Council of Ministers|Cabinet|Foreign Ministry|Ministry|General Assembly)$", re.I)
_WORD = r"(?:[A-Z][\w'’.+\-]*|[0-9]+(?:st|nd|rd|th)?|2\+2|[a-z][A-Z][\w\-]*)"
_CONNECT = r"(?:of|for|on|and|the|in|&|to|de)"
_PHRASE = re.compile(rf"(?<![\w\-])({_WORD}(?:\s+(?:{_CONNECT}\s+)*{_WORD})*)")
_PAREN = re.compile(r"\s*\(([^()]{2,120})\)")
_ACRONYM = re.compile(r"^[A-Za-z0-9+&\-]{2,12}$")


def _clean(phrase: str) -> str:
    phrase = re.sub(r"^(?:The|A|An|This|That|Its|Their|His|Her|Both|Under|At|On|In)\s+", "", phrase.strip())
    return re.sub(r"['’]s$", "", phrase).strip(" ,.;:'\"‘’“”")


def _cut_to_head(phrase: str) -> str | None:
    """The phrase ending at its last initiative head word, or at a following 'for the 21st Century'-like tail."""
    words = phrase.split()
    last = max((i for i, w in enumerate(words) if w.strip("'’s") in HEADS or w in HEADS), default=None)
    if last is None:
        return None
    return " ".join(words[: last + 1])


def _named(phrase: str) -> str | None:
    """The initiative a capitalised phrase names, if any."""
    name = _cut_to_head(phrase)
    if name and len(name.split()) >= 2 and not _NOT_INITIATIVES.match(name):
        return name
    for short in KNOWN_SHORT_NAMES:
        if re.search(rf"(?<![\w\-]){re.escape(short)}(?![\w\-])", phrase):
            return short
    return None


def _names_in(phrase: str) -> list[str]:
    """Initiatives in a phrase; 'G20 and the Asia-Pacific Economic Cooperation' names two."""
    pieces = re.split(r"\s+and\s+(?:the\s+)?", phrase)
    if len(pieces) > 1:
        named = [_named(_clean(piece)) for piece in pieces]
        if all(named):
            return named
    whole = _named(phrase)
    return [whole] if whole else []


def find_initiatives(sentence: str) -> list[str]:
    """Initiative names mentioned in one sentence, as written (with '(ACRONYM)' or expansion when given)."""
    found: list[str] = []
    consumed_until = -1
    for match in _PHRASE.finditer(sentence):
        if match.start() < consumed_until:
            continue  # inside a parenthesis already read as an acronym or expansion
        phrase = _clean(match.group(1))
        paren = _PAREN.match(sentence, match.end())
        if paren and _ACRONYM.match(paren.group(1)) and any(c.isupper() for c in paren.group(1)) \
                and len(phrase.split()) >= 2:
            found.append(f"{phrase} ({paren.group(1)})")  # 'Long Name (ACR)'
            consumed_until = paren.end()
            continue
        names = _names_in(phrase)
        if names and paren and len(paren.group(1)) > 12 and names[-1].split()[-1] in ("COMPACT", "Compact"):
            names[-1] = f"{names[-1]} ({paren.group(1)})"
            consumed_until = paren.end()
        found.extend(names)
    return _dedupe(found)


def _dedupe(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen
