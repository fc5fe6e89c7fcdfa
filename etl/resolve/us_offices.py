"""US officials as White House releases name them in running text: 'Deputy Secretary of State Wendy Sherman',
'Special Envoy for Climate John Kerry', 'National Cyber Director Chris Inglis'.

Plain string logic over a release's text, used by etl/resolve/build_offices.py to fill the years the State
Department's own records (hsg-pocom) leave empty. Table-tested in tests/test_us_offices.py.
"""
from __future__ import annotations

import re

from etl.extract.gazetteer import country_of_word

_S = r"[ \t]+"  # words of one office and name stay on one line
_DEPARTMENTS = (rf"State|Defense|the{_S}Treasury|Commerce|Energy|Homeland{_S}Security|Agriculture|Labor|Transportation|"
                rf"Health{_S}and{_S}Human{_S}Services|Education|the{_S}Interior|Veterans{_S}Affairs|"
                rf"Housing{_S}and{_S}Urban{_S}Development")
# Words that are an office's or a list's, never a name's.
_NOT_NAMES = {"The", "Honorable", "Dr", "Nominee", "Secretary", "Director", "Administrator", "Ambassador", "President",
              "Vice", "Deputy", "Advisor", "Adviser", "Announcing", "Meeting", "Meetings", "Travel", "Trip", "Visit",
              "Call", "Calls", "Admiral", "General", "Senator", "Governor", "Representative", "Coordinator", "Chair",
              "Chairman", "Under", "Assistant", "Special", "Envoy", "Minister", "Security", "Affairs", "Service",
              "Award", "Bureau", "Office", "Department", "Council", "Commission", "Nations", "Republic", "States",
              "Emirates", "Union", "Services", "Convention", "Technology", "Development", "Independent"}
_PORTFOLIO_WORD = r"(?:U\.S\.|(?!The\b|Honorable\b)[A-Z][\w’'-]*)"
# A portfolio: 'for Climate', 'for the Horn of Africa', 'for Political Affairs', 'to the United Nations'; greedy, so
# that 'for Political Affairs Victoria Nuland' leaves the name two words.
_PORTFOLIO = rf"(?:{_S}(?:for|to){_S}(?:the{_S})?{_PORTFOLIO_WORD}(?:{_S}(?:(?:of|and|the|for){_S})?{_PORTFOLIO_WORD}){{0,4}})"
_OFFICES = (
    rf"(?:Deputy{_S}|Under{_S}|Assistant{_S})?Secretary{_S}of{_S}(?:{_DEPARTMENTS}){_PORTFOLIO}?",
    rf"(?:Principal{_S})?(?:Deputy{_S})?National{_S}Security{_S}Advis[oe]r{_PORTFOLIO}?",
    rf"Special{_S}(?:Presidential{_S})?(?:Envoy|Representative|Coordinator|Advis[oe]r){_PORTFOLIO}",
    rf"Ambassador{_PORTFOLIO}",
    rf"(?:NSC{_S})?Coordinator{_PORTFOLIO}",
    rf"Counselor{_S}of{_S}the{_S}Department(?:{_S}of{_S}State)?",
    rf"Trade{_S}Representative",
    rf"USAID{_S}Administrator|Administrator{_S}of{_S}(?:the{_S})?USAID",
    rf"Director{_S}of{_S}National{_S}Intelligence|CIA{_S}Director",
    rf"Chairman{_S}of{_S}the{_S}Joint{_S}Chiefs{_S}of{_S}Staff",
    rf"National{_S}Cyber{_S}Director|White{_S}House{_S}Chief{_S}of{_S}Staff",
    rf"(?:White{_S}House{_S})?(?:Principal{_S}Deputy{_S}|Deputy{_S})?Press{_S}Secretary",
    rf"(?:NSC|State{_S}Department|Department{_S}of{_S}State){_S}Spokes(?:person|man|woman)",
)
_WORD = r"[A-Z][a-z]+(?:['’][A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)*"
_NAME = rf"(?P<name>{_WORD}(?:{_S}[A-Z]\.)?(?:{_S}{_WORD}){{1,2}})(?:,?{_S}(?:Jr\.|Sr\.|II|III|IV)\b)?"
# The name ends where the sentence goes on in lower case, or at punctuation.
_SIGHTING = re.compile(rf"\b(?:U\.S\.{_S})?(?P<office>{'|'.join(_OFFICES)}){_S}{_NAME}(?=[ \t]+[a-z(]|[,.;:)\n]|['’]s\b|$)")
# Another government's official, named in the same words: 'Israeli Ambassador to the United States Michael
# Herzog', 'National Security Advisor Suh Hoon of the Republic of Korea'.
_TO_US = re.compile(r"\bto\s+the\s+(?:United\s+States|U\.S\.)")
_OF_COUNTRY_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")
# 'The UK delegation was led by Deputy National Security Advisor David Quarrey': the side names the country.
_SIDE_LED_BY = re.compile(r"\b(?P<side>[A-Z][\w.]+)\s+(?:[a-z]+\s+)?(?:side|delegation|team)\s+(?:was|were|is)\s+"
                          r"(?:led|headed)\s+by\s+$")
_QUALIFIER_WORDS = 3
# 'Singh met with Principal Secretary P.K. Mishra, Minister of Commerce and Indian G20 Sherpa Piyush Goyal, …,
# Deputy National Security Advisor Vikram Misri': a list of whom someone met that names another country is the
# other side's, whose offices read like ours (a list of the Cabinet names none). A sentence ends at a stop that is
# no initial's ('P.K.', 'Harsh V. Shringla').
_SENTENCE_END = re.compile(r"(?<![A-Z])[.;!?]\s")
_MET_WITH = re.compile(r"\b(?:met|meet|meets|meeting)\s+with\b")
_SENTENCE_REACH = 400
_PAST = {"former", "late", "then", "ex"}


def _foreign(text: str, match: re.Match) -> bool:
    """True when a country qualifies the office before it or after the name, the office is a past one, or the
    holder is among whom someone met abroad."""
    clause = re.split(r"[.;:!?]\s", text[max(0, match.start() - 40):match.start()])[-1]
    before = clause.split()[-_QUALIFIER_WORDS:]
    words = [w.strip(",.;:") for w in before]
    # one word or two: 'Indian', 'South African'
    qualifiers = {country_of_word(w) for w in words + [f"{a} {b}" for a, b in zip(words, words[1:])]
                  if w[:1].isupper()} - {None, "USA"}
    if before and before[-1].lower().rstrip("-") in _PAST:
        return True  # 'former Secretary of State Madeleine K. Albright' held it then, not now
    side = _SIDE_LED_BY.search(" ".join(clause.split()) + " ")
    if side and country_of_word(side["side"]) not in (None, "USA"):
        return True
    return bool(_TO_US.search(match["office"]) or _OF_COUNTRY_AFTER.match(text, match.end()) or qualifiers
                or "President" in match["office"].split() or _met_abroad(text, match))


def _met_abroad(text: str, match: re.Match) -> bool:
    """True when the office holder is in a list of whom someone met that names a country other than the US."""
    sentence = _SENTENCE_END.split(text[max(0, match.start() - _SENTENCE_REACH):match.start()])[-1]
    lists = list(_MET_WITH.finditer(sentence))
    if not lists:
        return False
    words = [w.strip(",.;:()") for w in sentence[lists[-1].end():].split()]  # the list the name is in
    return any(country_of_word(w) not in (None, "USA") for w in words if w[:1].isupper())


def us_officials(text: str) -> list[tuple[str, str]]:
    """(name, office) for each US official the text names by office and full name, in order."""
    found = []
    for match in _SIGHTING.finditer(text):
        name = " ".join(match["name"].split())
        if _foreign(text, match) or _NOT_NAMES & set(name.replace(".", "").split()):
            continue
        found.append((name, " ".join(match["office"].split())))
    return found
