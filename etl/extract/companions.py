"""Who travels with whom and who else was there: companions, spouses, delegations and sides."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from etl.extract.gazetteer import country_of_word
from etl.extract.model import Person
from etl.extract.references import person_named
from etl.extract.spans import first_at, mention_chars, token_offsets

if TYPE_CHECKING:
    from etl.extract.model import Event


# A sentence that names more people at the engagement just reported: delegations, companions, others present.
DELEGATION = re.compile(r"\b(?:(?P<side>[A-Z][\w.]+)\s+(?:side|delegation)|(?P<owner>\w+)['’]s\s+(?:team|delegation|side))"
                        r"\s+(?:also\s+)?(?:included|includes|comprised|consisted of|was made up of)|\b(?:were|was)\s+(?:then\s+)?joined by|,\s+joined by|"
                        r"\baccompanied by|\balongside\b|\balso (?:attended|present|took part|joined)|\bsat in on\b|"
                        r"\bst(?:ood|ands|anding) in for\b|"
                        r"\bamong (?:those|the leaders|the guests) (?:attending|present)|\bin attendance\b|"
                        r"\b(?:delegations?|teams?) (?:also )?(?:included|includes|comprised)|"
                        # 'Additional representatives of the Government of Mexico included A, B and C'
                        r"(?P<more>\b(?:[Aa]dditional|[Oo]ther)\s+(?:[\w-]+\s+){0,2}?(?:participants|representatives|"
                        r"officials|attendees)(?:\s+(?:of|from)\s+(?:the\s+)?(?P<more_side>[A-Z][\w.]*(?:\s+(?:of\s+)?"
                        r"[A-Z][\w.]*){0,3}))?\s+(?:also\s+)?(?:included|includes|were)\b)")


THAT_MEETING = re.compile(r"\b(?:the|that|this) (?:meeting|talks|session)\b")


_COMPANIONS = re.compile(r"\b(?:accompanied by|travell?(?:ing|ed) with|along with (?:his|her) (?:wife|husband)|brought|"
                         r"(?:was |were |will be |, )joined (?:in (?:his|her|their) (?:meetings|talks) )?by)\b")  # 'Sullivan, joined by McGurk, will travel to Cairo'


# Where the list of companions stops: 'accompanied by his sister Karina, attended …', '…, and the three were welcomed'.
_COMPANIONS_END = re.compile(r",\s+(?:and the(?!\s+(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w.]*['’]s\s)|where|while|before|after|"
                             r"who|which)\b|;|,\s+[a-z]+(?:ed|s)\b|"  # '…, and the State Department's X' goes on
                             r"\b(?:were|was) (?:welcomed|received|met|greeted)\b")


# 'A and B also traveled with the delegation': the people named travel with the visit just reported.
WITH_HIM = re.compile(r"\b(?:travell?(?:ed|ing) with|accompanied|flew with|joined) "
                      r"(?:him|her|them|the (?:[\w.-]+ )?delegation)\b")


NOT_MET = re.compile(r"\baccompanied by\b")  # companions met nobody here: 'received by A and accompanied by B'


# 'Chile was represented by A and B', 'the Mexican side included C': the country of the people named after it.
_SIDE = re.compile(r"\b(?P<side>[A-Z][\w.]+)\s+(?:was|were)\s+represented\s+by\b|"
                   r"\b[Tt]he\s+(?P<adj>[A-Z]\w+)\s+(?:[a-z]+\s+)?(?:side|delegation|team)\s+"
                   r"(?:included|comprised|(?:was|were) (?:led|headed) by)\b|"
                   # 'hosted a U.S. delegation led by A, B and C'
                   r"\b(?:a|an|the)\s+(?P<led>[A-Z][\w.]*)\s+(?:[a-z-]+\s+)?(?:delegation|team)\s+(?:led|headed)\s+by\b")
# 'The Israeli interagency delegation was led by National Security Advisor Meir Ben-Shabbat': the other side of an
# engagement whose sentence named only one person.
LED_BY = re.compile(r"\b(?:[Tt]he\s+)?[A-Z][\w.]+\s+(?:[a-z]+\s+)?(?:side|delegation|team)\s+(?:was|were|is)\s+"
                    r"(?:led|headed)\s+by\b")


def companion_groups(sentence: Span, people: list[Person]) -> list[tuple[list[Person], list[Person]]]:
    """(whom they travel with, companions) for each 'accompanied by' / 'brought' in the sentence:
    'Biden was accompanied by A and B, while Xi brought C and D'."""
    groups = []
    for match in _COMPANIONS.finditer(sentence.text):
        end = _COMPANIONS_END.search(sentence.text, match.end())
        limit = end.start() if end else len(sentence.text)
        travelling = [p for p in people if match.start() < first_at(p, sentence) < limit]
        if travelling:
            groups.append((_accompanied(sentence, people, travelling, match), travelling))
    return groups


def assign_sides(sentence: Span, people: list[Person]) -> None:
    """Give people named after 'X was represented by' / 'the X side included' the country X, when unknown or only
    guessed from the publisher."""
    matches = list(_SIDE.finditer(sentence.text))
    for n, match in enumerate(matches):
        country = country_of_word(match["side"] or match["adj"] or match["led"])
        end = matches[n + 1].start() if n + 1 < len(matches) else len(sentence.text)
        for person in people:
            guessed = any(rule.startswith("publisher:") for rule in person.rules)  # the text's own side wins
            if country and (not person.country or guessed) and match.end() <= first_at(person, sentence) < end:
                if person.country != country:
                    person.rules.append(f"side: named after '{match[0]}'")
                person.country = country


SPOUSE = re.compile(r"\band (?:his|her) (?:wife|husband|partner|spouse)\b,?\s*")


def note_spouse(sentence: Span, people: list[Person], match: re.Match) -> None:
    """'received Boric and his partner, Irina Karamanos': the partner travels with Boric."""
    before = [(at, p) for p in people if 0 <= (at := first_at(p, sentence)) < match.start()]
    after = [(at, p) for p in people if match.end() - 2 <= (at := first_at(p, sentence)) <= match.end() + 2]
    if before and after:
        principal, spouse = max(before, key=lambda item: item[0])[1], after[0][1]
        if spouse is not principal and spouse not in principal.companions:
            principal.companions.append(spouse)


def _accompanied(sentence: Span, people: list[Person], travelling: list[Person], match: re.Match) -> list[Person]:
    """Who the companions travel with: the person named (or implied) last before 'accompanied by'."""
    at = match.start()
    before = [(first_at(p, sentence), p) for p in people if p not in travelling and first_at(p, sentence) < at]
    if not before:
        return []
    if re.search(r"\b(?:is|was|are|were|be|been)\s+(?:also\s+)?$", sentence.text[:at]):
        return [min(before, key=lambda item: item[0])[1]]  # 'He was received by A and is accompanied by …': the subject
    return [max(before, key=lambda item: item[0])[1]]  # 'Milei, accompanied by his sister Karina, …'


def join_visit(events: list[Event], travellers: list[Person], people: list[Person]) -> None:
    """Add companions to the latest visit of someone else the sentence names (or implies), and to the other legs
    reported in the same sentence."""
    principals = [p for p in people if p not in travellers]
    visit = next((e for e in reversed(events) if e.kind == "visit" and any(p in e.participants for p in principals)),
                 None)
    if visit is None:  # the trip is reported later or inferred (passes.add_companions)
        for principal in principals[:1]:
            principal.companions.extend(p for p in travellers if p not in principal.companions)
            for person in travellers:  # on the traveller's side, before countries are inferred from the place
                person.country = person.country or principal.country
        return
    for leg in events:  # 'led a delegation to A, B and C': the companions are on every leg the sentence gives
        if leg.kind == "visit" and leg.sentence == visit.sentence and any(p in leg.participants for p in principals):
            add_travellers(leg, travellers, leg.participants[0].country)


def add_travellers(visit: Event, travellers: list[Person], side: str | None) -> None:
    """Add people to a visit; those of unknown country are on the visitor's side."""
    for person in travellers:
        if person not in visit.participants:
            person.country = person.country or side
            visit.participants.append(person)
            visit.rules.append(f"companions: {person.name} travels with the visitor")


# Between two people of one list: 'and', or a comma (', and'), then the next one's title ('Senior Advisor to the
# Secretary of State for Global Energy Security', 'Assistant Secretary of Defense for Special Operations and
# Low-Intensity Conflict').
_LIST_GAP = re.compile(r"(?:\s+and|,(?:\s+and)?)\s+(?:(?:[A-Z][\w.'’-]*|of|the|for|to|on|and(?=\s+[A-Z]))\s+){0,12}")


def coordinated_before(sentence: Span, person: Person, people: list[Person]) -> list[Person]:
    """People listed with this one just before it: 'Blinken and Defense Secretary Lloyd Austin left for …',
    'Deputy Secretary A, Under Secretary B, and Senior Advisor C traveled to …'."""
    idx, doc = token_offsets(sentence.doc), sentence.doc
    found: list[Person] = []
    frontier = [person]
    while frontier:
        starts = mention_chars(frontier.pop(), sentence)
        if not starts:
            continue
        for other in people:
            if other is person or other in found or (other.country and person.country and other.country != person.country):
                continue  # 'Modi, Sisi hold talks': two sides, not one party
            for s, e in other.mentions:
                if not sentence.start <= s < sentence.end:
                    continue
                end_char = idx[e - 1] + len(doc[e - 1].text) - sentence.start_char
                if end_char <= starts[0] and _LIST_GAP.fullmatch(sentence.text[end_char:starts[0]]):
                    found.append(other)
                    frontier.append(other)
                    break
    return found


def join_delegation(events: list[Event], sentence: Span, people: list[Person], match: re.Match, index: int) -> None:
    """Add the people a delegation sentence names to the engagement reported just before it."""
    if match["more"]:  # 'Additional representatives … included': of the last meeting, however far back
        target = next((e for e in reversed(events) if e.kind not in ("visit", "call") and e.status == "held"), None)
    else:
        target = next((e for e in reversed(events) if e.kind != "visit" and index - e.sentence <= 3), None)
    if target is None:
        return
    side = country_of_word(match["side"]) if match["side"] else None
    if match["more_side"]:
        side = country_of_word(match["more_side"].split()[-1])
    if match["owner"]:
        owner = person_named(match["owner"], target.participants)
        side = owner.country if owner else side
    absent = _ABSENT.search(sentence.text)
    for person in people:
        if absent and any(absent.start() < at for at in mention_chars(person, sentence)):
            continue  # 'C stood in for Foreign Secretary D': D was not there
        if person not in target.participants:
            person.country = person.country or side
            target.participants.append(person)


_ABSENT = re.compile(r"\b(?:st(?:ood|ands|anding) in for|in place of|instead of|replacing)\b")
