"""Named initiatives in text: programmes, mechanisms, agreements and groupings, with acronyms and expansions."""
from __future__ import annotations

import re

from etl.extract.dates import CALENDAR_WORDS
from etl.extract.venues import seats
from etl.resolve.countries import to_iso3

# Groupings and mechanisms usually written by a short name alone.
KNOWN_SHORT_NAMES = ("Quad", "G20", "G-20", "G7", "G-7", "G8", "BRICS", "ASEAN", "NATO", "AUKUS", "SCO", "APEC",
                     "SAARC", "BIMSTEC", "OPEC", "IPEF", "I2U2", "iCET", "COMPACT", "JCPOA", "European Union",
                     "African Union", "Group of 20", "Group of Seven", "Group of Eight", "COVAX", "B3W", "PGII",
                     "CARICOM", "ECOWAS", "GCC", "OSCE", "PEPFAR", "Mercosur")
# Head words of a named initiative, in a capitalised phrase.
HEADS = ("Initiative", "Dialogue", "Compact", "COMPACT", "Arrangement", "Agreement", "Forum", "Summit", "Council",
         "Consultations", "Organisation", "Organization", "Plan", "Corporation", "Goals", "Corridor", "Framework",
         "Mechanism", "Programme", "Program", "Treaty", "Accord", "Alliance", "Years", "Assembly", "Cooperation",
         "Co-operation", "Roundtable", "Stocktake", "Policy", "Meeting", "Commission", "Presence", "Pact",
         "Partnership", "System", "Charter", "Declaration", "Process", "Format", "Group", "Consensus", "Outlook",
         "Force", "Platform", "Strategy")
# Relationship labels ('U.S.-Japan Alliance', 'Comprehensive Strategic Partnership') and bodies that are not initiatives.
_NOT_INITIATIVES = re.compile(r"^(?:the\s+)?(?:[\w.]+-[\w.]+|United States-\w+)\s+(?:Treaty\s+)?Alliance$|"
                              r"^(?:the\s+)?(?:[\w.]+-[\w.]+\s+|United States-\w+\s+)?"
                              r"(?:(?:Comprehensive|Global|Special|Strategic|Privileged|Enhanced|and)\s+)*"
                              r"(?:Strategic\s+)?Partnership$|(?:^|\s)(?:Security Council|Business Council|"
                              r"Council of Ministers|Cabinet|Foreign Ministry|Ministry|Economic Commission|"
                              r"Bureau|Agency|Office|Department)$|^(?:General Assembly)$|"
                              r"(?:^|(?<!Joint)\s)Commission$|"  # a 'Joint Commission' is a bilateral mechanism
                              r"(?:^|(?<!Task)\s)Forces?$", re.I)  # a 'Task Force', not the 'Air Force'
# Person titles inside a phrase mean it is a list of people, not a name ('President X and African Union Commission').
_PERSON_WORDS = re.compile(r"\b(?:President|Minister|Premier|Chancellor|Secretary|King|Emir|Prince|Advis[eo]r|Director|"
                           r"Ambassador|Envoy|Spokesperson|Coordinator|Officer|Administrator|Congress(?:wo)?man|"
                           r"Senator|Representative|Assembly(?:wo)?man|Governor|Mayor)\b")
# A legislator's party, state and district in brackets ('(D-KS-23)', '(OH-03)'): no acronym of a name.
_DISTRICT = re.compile(r"^(?:[DRI]-[A-Z]{2}(?:-\d{1,2})?|[A-Z]{2}-\d{1,2})$")
# A release's own headline words ('Readout of … Meeting') and a government's own councils are not initiatives.
_NOT_NAMES = re.compile(r"^(?:Readout|Statement|Remarks|Fact Sheet|FACT SHEET|Joint Statement|Press Release)\b|"
                        r"\bJoint Statement\b|"  # 'United States-Australia-Japan Joint Statement on …': the release itself
                        r"^National\b.*\bCouncils?$|\bPolicy Councils?$|^Domestic Policy$")
# The name groups use themselves.
CANONICAL = {"group of 20": "G20", "group of twenty": "G20", "g-20": "G20"}
_COP = re.compile(r"\bCOP[- ]?\d{1,2}\b")  # COP26, COP-28, COP 27
# 'the U.S.-Russia dialogue on Strategic Stability': a pair's lower-case mechanism named by its capitalised subject.
_PAIR_MECHANISM = re.compile(r"(?<![\w\-])((?:U\.S\.|[A-Z][\w.]+)-[A-Z][\w.]+ (?:dialogue|talks|consultations|"
                             r"working group) (?:on|for) (?:the )?[A-Z][\w\-]+(?: (?:and |of |the )*[A-Z][\w\-]+)*)")
_LOWER_HEAD = re.compile(r"\s+(policy|initiative|programme|program|agreement|framework|doctrine|vision|strategy)\b")
_WORD = r"(?:[A-Z][\w'’.+\-–]*|2\+2|[0-9]+(?:st|nd|rd|th)?|[a-z][A-Z][\w\-]*)"
_CONNECT = r"(?:of|for|on|and|the|&|de)"
_PHRASE = re.compile(rf"(?<![\w\-])({_WORD}(?:\s+(?:{_CONNECT}\s+)*{_WORD})*)")
_PAREN = re.compile(r"\s*\(([^()]{2,120})\)")
_ACRONYM = re.compile(r"^[A-Za-z0-9+&\-]{2,12}(?: \d{2,4})?$")  # 'PACC 2030'


# A treaty's article, or the year that dates a pair's treaty, before its name: not part of the name.
_ARTICLE_OF = re.compile(r"^(?:Article\s+(?:[IVXLC]+|\d+)\s+of\s+(?:the\s+)?)?(?:(?:19|20)\d{2}\s+(?=\S+-\S))?")
_OFFICE_OF = re.compile(r"^(?:(?:Vice|Deputy)\s+)?(?:Chair(?:man|woman|person)?|Head|Secretary[- ]General|"
                        r"Director[- ]General|Members?)\s+of\s+(?:the\s+)?(?=[A-Z])")


# What a capitalised run can start with that no name does: a date ('January 26 of the …', 'May for the …') or a
# name's suffix ('Joseph R. Biden, Jr. Meeting with …').
_NOT_A_START = re.compile(r"^(?:(?:" + "|".join(sorted(CALENDAR_WORDS)) + r")(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?"
                          r"(?:\s+\d{4})?\s+(?:(?:of|for|on|and)\s+)?(?:the\s+)?(?=[A-Z0-9])|(?:Jr|Sr)\.\s+)", re.I)


# 'the Biden Administration policy': a government's, not a named policy.
_GOVERNMENT_WORDS = {"Administration", "Government", "Department", "Ministry", "House", "Office", "Cabinet"}
# Negotiating formats written as numbers: 'C5+1', 'P5+1', 'E3+3'.
_FORMAT = re.compile(r"(?<![\w+])[A-Z]{1,2}\d\+\d(?![\w+])")
_LED_BY_WORD = re.compile(r"^\S+-(?:led|backed|sponsored|funded|hosted|brokered)\s+(?=[A-Z])")


def _clean(phrase: str) -> str:
    phrase = re.sub(r"^(?:(?:The|A|An|This|That|Its|Their|His|Her|Both|Under|At|On|In)\s+)+(?:the\s+)?", "", phrase.strip())
    phrase = _NOT_A_START.sub("", phrase)
    phrase = _LED_BY_WORD.sub("", phrase)  # 'the G7-led Build Back Better World initiative
    phrase = _OFFICE_OF.sub("", phrase)  # 'Chair of the African Union' names the Union
    phrase = _ARTICLE_OF.sub("", phrase)  # 'Article IV of the 1951 U.S.-Philippines Mutual Defense Treaty'
    if (of := re.match(r"^(.+?)\s+of\s+(?:the\s+)?(?=[A-Z])", phrase)) and of[1] in seats():
        phrase = phrase[of.end():]  # 'a meeting at the White House of the U.S.-Israel Strategic Consultative Group'
    owner = re.match(r"^([A-Z][\w.\-]*)['’]s\s+", phrase)
    if owner and owner[1] not in KNOWN_SHORT_NAMES:  # 'NATO’s Article 5' still names NATO
        phrase = phrase[owner.end():]  # "Italy's Mattei Plan" -> "Mattei Plan"
    return re.sub(r"['’]s$", "", phrase).strip(" ,.;:'\"‘’“”")


def _cut_to_head(phrase: str) -> str | None:
    """The phrase up to its last head word, keeping a complement after it ('Summit for Democracy', 'Plan for Africa');
    None when there is no head, or the phrase to the head is a body that is no initiative ('U.S.-India Business
    Council of the U.S. Chamber of Commerce')."""
    words = phrase.split()
    last = max((i for i, w in enumerate(words) if w.strip("'’s") in HEADS or w in HEADS), default=None)
    if last is None or _NOT_INITIATIVES.search(" ".join(words[:last + 1])):
        return None
    end = last + 1
    the = 1 if end < len(words) - 2 and words[end + 1] == "the" else 0  # 'Summit of the Americas'
    if end < len(words) - 1 - the and words[end] in ("for", "of", "on") and words[end + 1 + the][:1].isupper() \
            and words[end + 1 + the].lower() not in CALENDAR_WORDS:  # 'the Group on March 11': the day it met
        day = next((k for k in range(end + 2, len(words))
                    if words[k].lower() in CALENDAR_WORDS and words[k - 1] in ("on", "in")), None)
        end = len(words) if day is None else day - 1  # 'Plan for Africa on Monday' ends before 'on Monday'
    return " ".join(words[:end])


# One pattern for every known short name, longest first so 'G20' wins over 'G2'; first in the list wins ties.
_SHORT_BY_TEXT = {short: short for short in reversed(KNOWN_SHORT_NAMES)}
_SHORT_NAME = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(s) for s in sorted(_SHORT_BY_TEXT, key=len, reverse=True))
                         + r")(?![\w\-])")


def _is_country(phrase: str) -> bool:
    """'Republic of Korea', 'China and the Democratic People's Republic of Korea': countries, not initiatives."""
    pieces = re.split(r"\s+and\s+(?:the\s+)?", phrase.replace("’", "'"))
    return all(to_iso3(piece.removeprefix("the ")) for piece in pieces)


def _named(phrase: str) -> str | None:
    """The initiative a capitalised phrase names, if any."""
    if _PERSON_WORDS.search(phrase) or _NOT_NAMES.match(phrase):
        return None
    name = _cut_to_head(phrase)
    if name and len(name.split()) >= 2 and not _NOT_INITIATIVES.search(name) and not _NOT_NAMES.search(name):
        return name
    found = _SHORT_NAME.search(phrase)
    return _SHORT_BY_TEXT[found[0]] if found else None


def _names_in(phrase: str) -> list[str]:
    """Initiatives in a phrase; 'G20 and the Asia-Pacific Economic Cooperation' names two."""
    pieces = re.split(r"\s+and\s+(?:the\s+)?", phrase)
    if len(pieces) > 1:
        named = [_named(_clean(piece)) for piece in pieces]
        if all(named):
            return named
        if _is_country(pieces[0]):  # 'the United States and the European Commission on Energy Security': parties
            return [name for name in named if name in KNOWN_SHORT_NAMES]
    whole = _named(phrase)
    return [whole] if whole else []


def _spells(phrase: str, acronym: str) -> bool:
    """True when the acronym's capitals are, in order, initials of the phrase's words ('U.S. Agency for
    International Development' spells USAID)."""
    initials = "".join(w[:1] for w in re.split(r"[\s\-]+", phrase.replace("U.S.", "U S")) if w[:1].isupper())
    letters = iter(initials)
    return all(letter in letters for letter in re.sub(r"[^A-Z]", "", acronym))


def find_initiatives(sentence: str) -> list[str]:
    """Initiative names mentioned in one sentence, as written (with '(ACRONYM)' or expansion when given)."""
    found: list[str] = []
    consumed_until = -1
    for match in _PHRASE.finditer(sentence):
        if match.start() < consumed_until:
            continue  # inside a parenthesis already read as an acronym or expansion
        phrase = _clean(match.group(1))
        paren = _PAREN.match(sentence, match.end())
        if paren and _ACRONYM.match(paren.group(1)) and " and " in phrase:
            # 'G20 and the Asia-Pacific Economic Cooperation (APEC)': the acronym spells the names after an 'and'
            # ('Partnership for Global Infrastructure and Investment (PGII)' is one name: 'Investment' spells no PGII)
            pieces = re.split(r"\s+and\s+(?:the\s+)?", phrase)
            own = next((i for i in range(1, len(pieces)) if _spells(" ".join(pieces[i:]), paren.group(1))), 0)
            found.extend(_names_in(" and ".join(pieces[:own])) if own else [])
            phrase = _clean(" and ".join(pieces[own:]))
        if paren and _ACRONYM.match(paren.group(1)) and any(c.isupper() for c in paren.group(1)) \
                and not _DISTRICT.match(paren.group(1)) \
                and len(phrase.split()) >= 2 and not _NOT_INITIATIVES.search(phrase) and not _PERSON_WORDS.search(phrase) \
                and not _NOT_NAMES.search(phrase) and not _is_country(phrase) and not _is_country(match.group(1)):
            found.append(f"{phrase} ({paren.group(1)})")  # 'Long Name (ACR)'
            consumed_until = paren.end()
            continue
        if paren and re.fullmatch(r"[A-Z]{3,10}", phrase) and len(paren.group(1).split()) >= 3 \
                and paren.group(1)[:1].isupper():
            found.append(f"{phrase} ({paren.group(1)})")  # 'ACR (Long Name)'
            consumed_until = paren.end()
            continue
        # 'the PGII and the Partners of the Blue Pacific initiative': the head word is the last name's alone
        lower = _LOWER_HEAD.match(sentence, match.end())
        *before, last = re.split(r"\s+and\s+the\s+", phrase) if lower else ("",)
        if lower and len(last.split()) >= 2 \
                and not _PERSON_WORDS.search(phrase) and not _named(last) and not _is_country(last) \
                and last not in seats() and last.split()[-1] not in _GOVERNMENT_WORDS:
            found.extend(_names_in(" and the ".join(before)) if before else [])
            found.append(f"{last} {lower.group(1).capitalize()}")  # 'Neighbourhood First policy'
            continue
        names = _names_in(phrase)
        if names and paren and len(paren.group(1)) > 12 and names[-1].split()[-1] in ("COMPACT", "Compact"):
            names[-1] = f"{names[-1]} ({paren.group(1)})"
            consumed_until = paren.end()
        found.extend(names)
    found.extend(_COP.findall(sentence))
    found.extend(_FORMAT.findall(sentence))
    found.extend(_PAIR_MECHANISM.findall(sentence))
    return _dedupe([CANONICAL.get(name.lower(), name) for name in found])


def _dedupe(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen
