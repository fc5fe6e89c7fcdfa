"""Sentences -> engagements: who met, called or visited whom, when, where and about what."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from etl.extract import triggers
from etl.extract.dates import DateSpan, resolve
from etl.extract.gazetteer import country_of_city, country_of_word, is_city
from etl.extract.initiatives import find_initiatives
from etl.extract.people import Person, sentences_of
from etl.extract.topics import find_topics

_PRONOUN_START = re.compile(r"^\s*(?:[A-Z]\w+\s+){0,3}?(?:[^,.]{1,40},\s*){0,2}?(?:he|she|his|her|the (?:\w+ ){0,2}(?:minister|secretary|president|"
                            r"leader|adviser|advisor|chief|emir|premier|chancellor|envoy|king|visitor|guest|diplomat))\b",
                            re.I)
_REFERS_BACK = re.compile(r"\b(?:he|she|his|her|him|the (?:\w+ ){0,2}(?:chief|minister|secretary|president|"
                          r"leader|adviser|advisor|emir|premier|chancellor|envoy|king|visitor|guest|diplomat))\b", re.I)
_HE_SHE_START = re.compile(r"^\s*(?:[A-Z]\w+\s+){0,3}?(?:[^,.]{1,40},\s*){0,2}?(?:he|she)\b", re.I)
_UNNAMED_COUNTERPARTS = re.compile(r"\bwith (?:their|his|her) (?:\w+ )?counterparts?\b")
_OBJECT_PRONOUN = re.compile(r"\b(?:met|meet|meets|meeting|received|receive|receives|welcomed|welcomes|welcome|greeted|"
                             r"greet|called on|host|hosted|hosts|hosting|accompanied|joined)\s+(?:him|her)"
                             r"(?=\s*(?:[,.;]|$|at|in|on|to|and|before|after|for|with|during|as|when|upon)\b|\s*[,.;])")
# The longer forms come first so that 'the two presidents' is read whole, not as 'the two'.
_THE_TWO = re.compile(r"^\s*They (?:had |have |also |last |first )?(?:met|spoke|spoken|talked|held)\b|"
                      r"\b(the two (?:leaders|sides|ministers|men|women|advisers|presidents|prime ministers|"
                      r"foreign ministers)|the two|both (?:leaders|sides|ministers|men|women)|the leaders|the ministers|"
                      r"the presidents|the prime ministers|the foreign ministers)\b", re.I)


# A sentence that names more people at the engagement just reported: delegations, companions, others present.
_DELEGATION = re.compile(r"\b(?:(?P<side>[A-Z][\w.]+)\s+(?:side|delegation)|(?P<owner>\w+)['’]s\s+(?:team|delegation|side))"
                         r"\s+(?:included|comprised|consisted of|was made up of)|\b(?:were|was)\s+(?:then\s+)?joined by|"
                         r"\baccompanied by|\balongside\b|\balso (?:attended|present|took part|joined)|\bsat in on\b|"
                         r"\bst(?:ood|ands|anding) in for\b|"
                         r"\bamong (?:those|the leaders|the guests) (?:attending|present)|\bin attendance\b|"
                         r"\b(?:delegations?|teams?) (?:included|comprised)")


_THAT_MEETING = re.compile(r"\b(?:the|that|this) (?:meeting|talks|session)\b")


@dataclass
class Event:
    """One engagement the text reports, with the sentence that proves it."""

    kind: str
    status: str
    date: DateSpan | None
    city: str | None
    country: str | None
    participants: list[Person]
    evidence: str
    sentence: int
    initiatives: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    confidence: float = 0.6
    date_stated: bool = True  # False when the date came from an earlier sentence or the publication date


@dataclass
class _Context:
    """What earlier sentences established: the salient person, the last meeting, the last date."""

    salient: Person | None = None
    last_subject: Person | None = None
    last_group: list[Person] = field(default_factory=list)
    last_date: DateSpan | None = None
    paragraph: int = -1
    everyone: list[Person] = field(default_factory=list)  # in order of first mention


# Words after a name that make it the owner of something passed on, not someone present: 'hands Khamenei message to'.
_ONLY_MENTIONED = {"message", "letter", "note", "greetings", "regards", "invitation", "condolences", "administration",
                   "government", "era", "doctrine"}
_ACCOMPANYING = re.compile(r",\s*who\s+(?:is|was|has been)\s+(?:accompanying|travell?ing with)"
                           r"(?:\s+[A-Z][\w.-]*){0,4}\s*$")
_OWNED_ROLES = {"deputy", "wife", "husband", "spouse", "son", "daughter", "spokesman", "spokeswoman", "spokesperson",
                "aide", "aides", "envoy", "predecessor", "successor", "office", "government", "administration",
                "ministry", "party", "cabinet", "team", "representative", "chief"}
_SENDER = re.compile(r"\b(?:message|letter|note|greetings|invitation) from(?:\s+[A-Z][\w.-]*){0,4}\s*$|"
                     r"\bon behalf of(?:\s+[A-Z][\w.-]*){0,4}\s*$")


def _people_in(sentence: Span, by_token: dict[int, Person]) -> list[Person]:
    """The people named in a sentence, in order, leaving out those only mentioned as a message's sender."""
    doc = sentence.doc
    ordered: list[Person] = []
    for i in range(sentence.start, sentence.end):
        person = by_token.get(i)
        if person is None or person in ordered or by_token.get(i + 1) is person:
            continue
        after = doc[i + 1:i + 3]
        words = [t.text.lower() for t in after if t.text not in ("'s", "’s")]
        if words and words[0] in _ONLY_MENTIONED:
            continue
        if len(after) == 2 and after[0].text in ("'s", "’s") and after[1].text.lower() in _OWNED_ROLES:
            continue  # 'held talks with Blinken's deputy, Kurt Campbell': Blinken is not there
        start = next(s for s, e in person.mentions if s <= i < e) if person.mentions else i
        if _SENDER.search(doc[sentence.start:start].text):
            continue  # 'a written message from Supreme Leader Ali Khamenei'
        if _ACCOMPANYING.search(doc[sentence.start:start].text):
            continue  # 'Kamikawa, who is accompanying Kishida, held talks with …': Kishida is elsewhere
        ordered.append(person)
    return ordered


_TOPIC_PLACE = re.compile(r"\b(?:war|conflict|crisis|situation|fighting|violence|ceasefire|peace|tensions|"
                          r"humanitarian|reconstruction|invasion|occupation|aggression)\s+(?:in|on|over|of|against)"
                          r"(?:\s+the)?\s*$", re.I)


_REPORTED_SPEECH = re.compile(r"\b(?:said|says|told [\w ]{1,40}?|added|stressed|noted|wrote|argued) that\b")


def _places(sentence: Span, prefer: str | None = None) -> tuple[list[tuple[str, str]], list[str]]:
    """(city, country) pairs and bare countries named as places in a sentence, in order."""
    cities, countries = [], []
    speech = _REPORTED_SPEECH.search(sentence.text)
    if speech and speech.start() <= triggers.first_trigger(sentence.text):
        speech = None  # the engagement itself is reported: 'X said that she met Y in Z'
    for ent in _ents_in(sentence):
        if ent.label_ not in ("GPE", "LOC", "FAC", "ORG"):
            continue
        if speech and ent.start_char - sentence.start_char > speech.end():
            break  # 'After the meeting, Erdogan told reporters that the battery stationed in Adana …': not the venue
        if _TOPIC_PLACE.search(sentence.doc[max(sentence.start, ent.start - 3):ent.start].text):
            continue  # 'the war in Gaza' is what they discussed, not where they met
        if ent.end < sentence.end and sentence.doc[ent.end].tag_ in ("VBZ", "VBD", "VBP"):
            continue  # 'as Moscow prepares for …': a government by its capital, not a place
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        # the NER tags some countries ORG or LOC ('Timor-Leste'); a country's name is a place whatever the label
        if (country := country_of_word(text)) and not is_city(text):
            countries.append(country)
        elif ent.label_ in ("GPE", "LOC", "ORG") and is_city(text) and (country := country_of_city(text, prefer)):
            cities.append((_city_name(text), country))
    return cities, countries


def _country_names(sentence: Span, iso3: str) -> list[str]:
    return [ent.text for ent in _ents_in(sentence)
            if country_of_word(re.sub(r"^the\s+", "", ent.text, flags=re.I)) == iso3]


def _ents_in(sentence: Span) -> list[Span]:
    """The sentence's entities, from one pass over the doc's (Span.ents walks them all on every call)."""
    doc = sentence.doc
    if "ents" not in doc.user_data:
        doc.user_data["ents"] = list(doc.ents)
    ents = doc.user_data["ents"]
    return [e for e in ents if sentence.start <= e.start and e.end <= sentence.end]


def _city_name(text: str) -> str:
    """A city as it should be shown: 'Washington' for 'Washington, D.C.', 'Kazan' for a dateline's 'KAZAN'."""
    name = re.sub(r"\s*,?\s*D\.?\s?C\.?$", "", text).strip()
    return name.title() if name.isupper() and len(name) > 3 else name


_SINCE = re.compile(r"\b(?:since|after|before|until|ahead of)\b[^,.;]*", re.I)


# 'the Department of Foreign Affairs said on Friday': when it was said, not when the engagement is.
_ATTRIBUTION = re.compile(r"\b(?:said|says|announced|reported|told (?:reporters|a briefing)|wrote)\s+(?:in a statement\s+)?"
                          r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _undated(text: str) -> str:
    """The text without the parts whose dates are not the engagement's ('since 2022', 'said on Friday')."""
    return _ATTRIBUTION.sub(" ", _SINCE.sub(" ", text))


def _date_for(sentence: str, published: dt.date, planned: bool, context: _Context) -> tuple[DateSpan | None, bool]:
    """The sentence's own date (ignoring 'since …' clauses), else the last one before it; and whether it is its own."""
    span = resolve(_undated(sentence), published, future=planned)
    if span is not None:
        context.last_date = span
        return span, True
    return context.last_date, False


def _status(sentence: str, span: DateSpan | None, published: dt.date) -> str:
    """Planned when dated after publication or spoken of as future; a visit under way is held."""
    planned = triggers.is_planned(sentence)
    if span is not None and span.precision == "day":
        if span.start > published or (planned and span.start == published):  # under way (started before) is held
            return "planned"
        return "held"
    return "planned" if planned else "held"


def _visit_destinations(sentence: Span, visitor: Person, dateline: tuple[str | None, str | None],
                        clause: str) -> list[tuple[str | None, str]]:
    """(city, country) of each place the visitor travels to in their clause; the dateline when none is named."""
    cities, countries = _places(sentence, dateline[1])
    if clause != sentence.text:  # keep the places named in this visitor's clause
        cities = [c for c in cities if c[0] in clause] or cities
        countries = [c for c in countries if any(word in clause for word in _country_names(sentence, c))] or countries
    found: dict[str, str | None] = {}
    for city, country in cities:
        if country != visitor.country:
            found.setdefault(country, city)
    for country in countries:
        if country != visitor.country:
            found.setdefault(country, dateline[0] if dateline[1] == country else None)
    if not found and dateline[1] and dateline[1] != visitor.country:
        found[dateline[1]] = dateline[0]
    return [(city, country) for country, city in found.items()]


def _meeting_place(sentence: Span, dateline: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The first city the sentence names; else the dateline's, unless the sentence names only other countries."""
    cities, countries = _places(sentence, dateline[1])
    if cities:
        return cities[0]
    if countries and dateline[1] not in countries and triggers.VISIT.search(sentence.text):
        return None, countries[0]  # 'Widodo visited Timor-Leste in January 2016, when he held talks with …'
    for country in countries:  # 'when he met Boric, then president-elect, in Chile'
        if any(re.search(rf"\bin (?:the )?{re.escape(name)}\b", sentence.text) for name in _country_names(sentence, country)):
            return None, country
    return dateline


def _participants(sentence: Span, by_token: dict[int, Person], context: _Context) -> list[Person]:
    people = _people_in(sentence, by_token)
    text = sentence.text
    the_two = _THE_TWO.search(text)
    if the_two and len(context.last_group) >= 2 and (
            len(people) < 2 or the_two.start() < min((_first_at(p, sentence) for p in people), default=0)):
        # 'The two men met one-on-one and then held a session joined by A, B and C'
        pair = _the_two(the_two[0].lower(), context.last_group, context.everyone)
        people = [*pair, *[p for p in people if p not in pair]]
    if not people and context.salient and _REFERS_BACK.search(text):
        return [context.salient]  # 'a tour that took the Pentagon chief to Japan': the article's protagonist
    if len(people) == 1 and context.salient and context.salient not in people and _OBJECT_PRONOUN.search(text):
        return [*people, context.salient]  # 'Singh met him at the airport': the article's protagonist
    described = _described(sentence, by_token)
    if described:
        return people if described in people else [described, *people]  # 'the Indian adviser held talks with …'
    referent = (context.last_subject if _HE_SHE_START.match(text) else None) or context.salient
    if _PRONOUN_START.match(text) and referent and referent not in people and _same_side(text, referent):
        first_person_token = next((i for i in range(sentence.start, sentence.end) if i in by_token), sentence.end)
        if first_person_token - sentence.start > 2 or not people:
            people = [referent, *people]
    return people


_DESCRIBED = re.compile(r"\b[Tt]he (?:(?P<adj>[A-Z][a-z]+) )?(?P<noun>adviser|advisor|minister|secretary|president|"
                        r"prime minister|foreign minister|leader|envoy|premier|chancellor|king|emir|diplomat)\b")


def _described(sentence: Span, by_token: dict[int, Person]) -> Person | None:
    """The person an earlier sentence named and this one describes: 'the Indian adviser' -> Ajit Doval."""
    match = _DESCRIBED.search(sentence.text)
    if not match or (match["adj"] and not country_of_word(match["adj"])):
        return None
    country = country_of_word(match["adj"]) if match["adj"] else None
    nouns = _TITLE_SYNONYMS.get(match["noun"].lower(), (match["noun"].lower().split()[-1],))
    earlier = sorted(((i, p) for i, p in by_token.items() if i < sentence.start), key=lambda item: -item[0])
    for _, person in earlier:
        title = (person.title or "").lower()
        if any(noun in title for noun in nouns) and (country is None or person.country == country):
            return person
    return None


_TITLE_SYNONYMS = {"envoy": ("envoy", "ambassador"), "diplomat": ("ambassador", "envoy", "minister", "secretary"),
                   "leader": ("president", "prime minister", "chancellor", "premier", "king", "emir")}
_DEMONYM_BEFORE_NOUN = re.compile(r"^\s*(?:\w+\s+){0,3}?[Tt]he (?:\w+ )?(?P<adj>[A-Z][a-z]+) (?:\w+ )?"
                                  r"(?:leader|minister|president|envoy|diplomat|visitor|guest)")


def _same_side(text: str, referent: Person) -> bool:
    """False when the sentence opens on someone of another nationality ('The last Brazilian leader …' is not Biden)."""
    match = _DEMONYM_BEFORE_NOUN.match(text)
    country = country_of_word(match["adj"]) if match else None
    return country is None or referent.country in (None, country)


def _the_two(phrase: str, group: list[Person], everyone: list[Person] = ()) -> list[Person]:
    """Whom 'the two presidents' or 'the leaders' means among the people of the last encounter (or, when it names
    fewer than two with that title, among everyone in the article)."""
    noun = next((n for n in ("president", "prime minister", "foreign minister", "minister") if n in phrase), None)
    titled = [p for p in group if p.title and (noun is None or noun in p.title.lower())]
    if noun and not titled:  # the last encounter had no one of that rank: the article's two, if it has just two
        named = [p for p in everyone if p.title and p.title.lower().endswith(noun)
                 and not re.search(r"\b(?:vice|deputy|former)\b", p.title.lower())]
        titled = named if len(named) == 2 else titled
    chosen = titled if len(titled) >= 2 else group
    return chosen[:2] if re.search(r"\b(?:two|both)\b", phrase) else chosen


def _subject(sentence: Span, by_token: dict[int, Person], people: list[Person]) -> Person | None:
    """The person the sentence is about: the first named before its first verb, or the referent of a leading "he"/"she"."""
    for token in sentence:
        if token.tag_.startswith("VB"):
            break  # the subject is a person named before the first verb
        if token.i in by_token:
            return by_token[token.i]
    if _HE_SHE_START.match(sentence.text) and people and not _mention_chars(people[0], sentence):
        return people[0]  # the referent _participants put first
    return None


def extract_events(doc: Doc, by_token: dict[int, Person], published: dt.date,
                   dateline: tuple[str | None, str | None]) -> list[Event]:
    """Every engagement each sentence reports, in text order."""
    events: list[Event] = []
    everyone = sorted({id(p): p for p in by_token.values()}.values(), key=lambda p: p.mentions[0][0])
    context = _Context(salient=max(everyone, key=lambda p: len(p.mentions), default=None), everyone=everyone)
    pending_initiatives: list[str] = []
    breaks = [m.start() for m in re.finditer("\n\n", doc.text)]  # paragraph boundaries
    for index, sentence in enumerate(sentences_of(doc)):
        text = sentence.text.strip()
        if not text:
            continue
        paragraph = bisect.bisect_right(breaks, sentence.start_char)
        if paragraph != context.paragraph:
            context.paragraph, context.last_date = paragraph, None
        initiatives = find_initiatives(text)
        kinds = triggers.kinds_in(text)
        people = _participants(sentence, by_token, context) if kinds else _people_in(sentence, by_token)
        assign_sides(sentence, people)
        groups = companion_groups(sentence, people)
        travelling = [p for _, group in groups for p in group]
        found = _sentence_events(sentence, text, index, kinds, people, travelling, published, dateline,
                                 context) if kinds else []
        for spouse_of in _SPOUSE.finditer(text):
            _note_spouse(sentence, people, spouse_of)
        for principals, group in groups:
            _join_visit(events + found, group, principals)
        if not groups and _WITH_HIM.search(text) and (principal := context.last_subject or context.salient):
            # 'First Lady Emine Erdogan travelled with him, as did Family Minister …'
            _join_visit(events, [p for p in people if p is not principal], [principal])
        delegation = _DELEGATION.search(text) if events else None
        if delegation and found and _THAT_MEETING.search(text):
            found = [e for e in found if e.kind == "visit"]  # 'A and B sat in on the meeting': the one just reported
        if delegation and not any(e.kind != "visit" for e in found):
            _join_delegation(events, sentence, [p for p in people if p not in travelling], delegation, index)
        for event in found:
            event.initiatives = list(initiatives)
            event.topics = find_topics(text)
        if found:
            found[0].initiatives = _merge_lists(pending_initiatives, found[0].initiatives)
            pending_initiatives = []
        elif initiatives:
            if events:
                events[-1].initiatives = _merge_lists(events[-1].initiatives, initiatives)
            else:
                pending_initiatives = _merge_lists(pending_initiatives, initiatives)
        events.extend(found)
        if people and context.salient is None:
            context.salient = people[0]
        context.last_subject = _subject(sentence, by_token, people) or context.last_subject
        if len(people) >= 2 and any(e.kind != "visit" for e in found):
            context.last_group = people
    return events


def _sentence_events(sentence: Span, text: str, index: int, kinds: list[str], people: list[Person],
                     travelling: list[Person], published: dt.date, dateline: tuple[str | None, str | None],
                     context: _Context) -> list[Event]:
    planned_words = triggers.is_planned(text)
    earlier_date = context.last_date
    span, stated = _date_for(text, published, planned_words, context)
    if planned_words and not stated and span is not None and span.start < published:
        span = None  # 'Sisi is expected to visit Nairobi later this year': not the last sentence's past date
    status = _status(text, span, published)
    found: list[Event] = []
    pair_kind = next((k for k in kinds if k != "visit"), None)
    if pair_kind and len(people) >= 2:
        city, country = (None, None) if pair_kind == "call" else _meeting_place(sentence, dateline)
        groups = _separate_meetings(sentence, people, travelling) if pair_kind == "meeting" else [people]
        if _UNNAMED_COUNTERPARTS.search(text):  # 'A and B left for Tokyo for talks with their counterparts'
            groups = [g for g in groups if len({p.country for p in g}) > 1 or None in {p.country for p in g}]
        for group in groups:
            found.append(Event(pair_kind, status, span or DateSpan(published, None, "day"), city, country,
                               list(group), text, index, confidence=_confidence(span, city, group),
                               date_stated=stated))
    if "visit" in kinds and people:
        visits = _visits(sentence, people)
        for visitor, clause in visits:
            clause_span = resolve(_undated(clause), published, future=planned_words) if clause != text else None
            visit_span = clause_span or span
            if clause != text and clause_span is None and len(visits) > 1:
                visit_span, stated = earlier_date, False  # the sentence's date belongs to another visitor's clause
            travellers = [visitor] + [p for p in people if p is not visitor and p.country and p.country == visitor.country
                                      and re.search(r"\b(accompanied|along with|delegation)\b", text)]
            travellers += [p for p in _coordinated_before(sentence, visitor, people) if p not in travellers]
            trips = _month_dates(clause) or [visit_span]  # 'in October 2015 … and in September 2016': two trips
            for city, country in _visit_destinations(sentence, visitor, dateline, clause):
                for trip in trips:
                    found.append(Event("visit", _status(clause, trip, published) if clause_span else status,
                                       trip or DateSpan(published, None, "day"), city, country, list(travellers),
                                       text, index, confidence=_confidence(trip, city, [visitor]),
                                       date_stated=bool(clause_span) or stated or len(trips) > 1))
    return found


_MONTH_YEAR = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December) \d{4}\b")


def _month_dates(clause: str) -> list[DateSpan]:
    """Each month a clause names when it names two or more ('in October 2015 … in September 2016'), else none."""
    months = list(dict.fromkeys(m[0] for m in _MONTH_YEAR.finditer(clause)))
    if len(months) < 2:
        return []
    spans = [dt.datetime.strptime(month, "%B %Y").date() for month in months]
    return [DateSpan(start, None, "month") for start in spans]


# Verbs that open one encounter each: 'called on A and met B', 'held separate talks with A and with B'.
_ENCOUNTER = re.compile(r"\b(?:met(?: with)?|meets|called on|calls on|(?:held|holds) (?:separate )?talks with|"
                        r"hand(?:s|ed|ing)|"
                        r"talks with|received|receives|(?:a )?(?:meeting|lunch|dinner|breakfast) with|and with)\b")
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b|\bbilateral (?:talks|meetings)\b")
_COMPANIONS = re.compile(r"\b(?:accompanied by|travell?(?:ing|ed) with|along with (?:his|her) (?:wife|husband)|brought)\b")
# Where the list of companions stops: 'accompanied by his sister Karina, attended …', '…, and the three were welcomed'.
_COMPANIONS_END = re.compile(r",\s+(?:and the|where|while|before|after|who|which)\b|;|,\s+[a-z]+(?:ed|s)\b|"
                             r"\b(?:were|was) (?:welcomed|received|met|greeted)\b")
_WITH_HIM = re.compile(r"\b(?:travell?(?:ed|ing) with|accompanied|flew with|joined) (?:him|her)\b")
_NOT_MET = re.compile(r"\baccompanied by\b")  # companions met nobody here: 'received by A and accompanied by B'
# 'Chile was represented by A and B', 'the Mexican side included C': the country of the people named after it.
_SIDE = re.compile(r"\b(?P<side>[A-Z][\w.]+)\s+(?:was|were)\s+represented\s+by\b|"
                   r"\bthe\s+(?P<adj>[A-Z]\w+)\s+(?:side|delegation|team)\s+(?:included|comprised|was led by)\b")


def _first_at(person: Person, sentence: Span) -> int:
    """Where the person is first named in the sentence; -1 when only implied (a pronoun's referent)."""
    return min(_mention_chars(person, sentence), default=-1)


def companion_groups(sentence: Span, people: list[Person]) -> list[tuple[list[Person], list[Person]]]:
    """(whom they travel with, companions) for each 'accompanied by' / 'brought' in the sentence:
    'Biden was accompanied by A and B, while Xi brought C and D'."""
    groups = []
    for match in _COMPANIONS.finditer(sentence.text):
        end = _COMPANIONS_END.search(sentence.text, match.end())
        limit = end.start() if end else len(sentence.text)
        travelling = [p for p in people if match.start() < _first_at(p, sentence) < limit]
        if travelling:
            groups.append((_accompanied(sentence, people, travelling, match), travelling))
    return groups


def assign_sides(sentence: Span, people: list[Person]) -> None:
    """Give people named after 'X was represented by' / 'the X side included' the country X, when unknown."""
    matches = list(_SIDE.finditer(sentence.text))
    for n, match in enumerate(matches):
        country = country_of_word(match["side"] or match["adj"])
        end = matches[n + 1].start() if n + 1 < len(matches) else len(sentence.text)
        for person in people:
            if country and not person.country and match.end() <= _first_at(person, sentence) < end:
                person.country = country


_SPOUSE = re.compile(r"\band (?:his|her) (?:wife|husband|partner|spouse)\b,?\s*")


def _note_spouse(sentence: Span, people: list[Person], match: re.Match) -> None:
    """'received Boric and his partner, Irina Karamanos': the partner travels with Boric."""
    before = [(at, p) for p in people if 0 <= (at := _first_at(p, sentence)) < match.start()]
    after = [(at, p) for p in people if match.end() - 2 <= (at := _first_at(p, sentence)) <= match.end() + 2]
    if before and after:
        principal, spouse = max(before, key=lambda item: item[0])[1], after[0][1]
        if spouse is not principal and spouse not in principal.companions:
            principal.companions.append(spouse)


def _accompanied(sentence: Span, people: list[Person], travelling: list[Person], match: re.Match) -> list[Person]:
    """Who the companions travel with: the person named (or implied) last before 'accompanied by'."""
    at = match.start()
    before = [(_first_at(p, sentence), p) for p in people if p not in travelling and _first_at(p, sentence) < at]
    if not before:
        return []
    if re.search(r"\b(?:is|was|are|were|be|been)\s+(?:also\s+)?$", sentence.text[:at]):
        return [min(before, key=lambda item: item[0])[1]]  # 'He was received by A and is accompanied by …': the subject
    return [max(before, key=lambda item: item[0])[1]]  # 'Milei, accompanied by his sister Karina, …'



def _separate_meetings(sentence: Span, people: list[Person], travelling: list[Person]) -> list[list[Person]]:
    """One group per encounter when a subject meets several people in turn; else all the people as one group."""
    text = sentence.text
    travelling = travelling if _NOT_MET.search(text) else []
    people = [p for p in people if p not in travelling] if len(people) - len(travelling) >= 2 else people
    verbs = list(_ENCOUNTER.finditer(text))
    separate = bool(_SEPARATE.search(text))
    if not verbs or (len(verbs) < 2 and not separate):
        return [people]
    subject = [p for p in people if _first_at(p, sentence) < verbs[0].start()]
    if not subject or len(subject) == len(people):
        return [people]
    groups: list[list[Person]] = []
    for n, verb in enumerate(verbs):
        end = verbs[n + 1].start() if n + 1 < len(verbs) else len(text)
        met = [p for p in people if p not in subject and verb.start() <= _first_at(p, sentence) < end]
        if separate:
            groups.extend([*subject, person] for person in met)
        elif met:
            groups.append([*subject, *met])
    return groups or [people]


def _join_visit(events: list[Event], travellers: list[Person], people: list[Person]) -> None:
    """Add companions to the latest visit of someone else the sentence names (or implies)."""
    principals = [p for p in people if p not in travellers]
    visit = next((e for e in reversed(events) if e.kind == "visit" and any(p in e.participants for p in principals)),
                 None)
    if visit is None:  # the trip is reported later or inferred (pipeline.add_companions)
        for principal in principals[:1]:
            principal.companions.extend(p for p in travellers if p not in principal.companions)
            for person in travellers:  # on the traveller's side, before countries are inferred from the place
                person.country = person.country or principal.country
        return
    for person in travellers:
        if person not in visit.participants:
            person.country = person.country or visit.participants[0].country
            visit.participants.append(person)


_POSSESSIVE_VISIT = re.compile(r"(\w+)['’]s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b")


def _person_named(word: str, people: list[Person]) -> Person | None:
    return next((p for p in people if word.lower() in p.name.lower().split()), None)


def _visits(sentence: Span, people: list[Person]) -> list[tuple[Person, str]]:
    """(visitor, the clause about their trip): one per "X's visit", else the person nearest before the trigger."""
    text = sentence.text
    found = []
    matches = [m for m in _POSSESSIVE_VISIT.finditer(text) if _person_named(m[1], people)]
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        person = _person_named(match[1], people)
        if person not in [p for p, _ in found]:
            found.append((person, text[match.start():end]))
    if found:
        return found
    if re.match(r"\s*(?:His|Her) (?:[\w-]+ )?(?:visit|trip|tour) (?:comes|came|follows|followed|is|was)\b", text):
        return []  # 'His visit comes as …': the visit already reported, not a new one
    if own := re.search(r"\b(?:his|her) (?:own )?(?:[\w-]+ )?(?:visit|trip|tour)\b", text):
        return [(people[0], text[own.start():])]  # 'after her own tour of Asia': the sentence's subject travelled
    if re.search(r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:[\w-]+ )?(?:visit|trip)\b", text) and not any(
            country_of_word(m[1]) or country_of_city(m[1]) for m in
            re.finditer(r"\b(?:visit(?:ed|ing|s)?|arriv\w+|travel\w*|land\w*)\s+(?:to\s+|in\s+)?([A-Z][\w-]+)", text)):
        return []  # 'the visit followed a call …', 'During that visit Trump pledged …': the visit already reported
    host = _HOST_VERB.search(text)
    if host:  # 'X receives Y', 'X hosted Y': the guest, named after the verb, is the one travelling
        after = [(min((a for a in _mention_chars(p, sentence) if a > host.start()), default=-1), p) for p in people]
        after = [(at, p) for at, p in after if at >= 0]
        if after:
            return [(min(after, key=lambda item: item[0])[1], text)]
    trigger = triggers.VISIT.search(text)
    limit = trigger.start() if trigger else len(text)
    before = [(_last_mention_before(p, sentence, limit), p) for p in people]
    before = [(at, p) for at, p in before if at >= 0]
    if not before:
        return [(people[0], text)]
    at, nearest = max(before, key=lambda item: item[0])
    implied = next((p for p in people if not _mention_chars(p, sentence)), None)
    if implied and _DESCRIBED.search(text, at, limit):
        return [(implied, text)]  # 'spokesman Baghaei wrote that the minister was visiting': the minister travels
    return [(nearest, text)]


_HOST_VERB = re.compile(r"\b(?:receive[sd]?|receiving|host(?:s|ed|ing)?|welcome[sd]?|welcoming)\b")


def _coordinated_before(sentence: Span, person: Person, people: list[Person]) -> list[Person]:
    """People joined to this one by 'and' just before it: 'Blinken and Defense Secretary Lloyd Austin left for …'."""
    starts = _mention_chars(person, sentence)
    if not starts:
        return []
    idx, doc = _token_offsets(sentence.doc), sentence.doc
    found = []
    for other in people:
        for s, e in other.mentions:
            if other is person or not sentence.start <= s < sentence.end:
                continue
            end_char = idx[e - 1] + len(doc[e - 1].text) - sentence.start_char
            between = sentence.text[end_char:starts[0]]
            if re.fullmatch(r"\s+and\s+(?:[A-Z][\w.'’-]*\s+){0,5}", between):
                found.append(other)
    return found


def _mention_chars(person: Person, sentence: Span) -> list[int]:
    """Character offsets (in the sentence) where the person is named."""
    idx = _token_offsets(sentence.doc)
    return [idx[s] - sentence.start_char for s, _ in person.mentions if sentence.start <= s < sentence.end]


def _token_offsets(doc: Doc) -> list[int]:
    """Each token's character offset, computed once per doc."""
    if "token_offsets" not in doc.user_data:
        doc.user_data["token_offsets"] = doc.to_array(IDX).tolist()
    return doc.user_data["token_offsets"]


def _last_mention_before(person: Person, sentence: Span, limit: int) -> int:
    """Character offset of the person's last mention before limit; -1 when none."""
    return max((at for at in _mention_chars(person, sentence) if at < limit), default=-1)


def _confidence(span: DateSpan | None, city: str | None, people: list[Person]) -> float:
    score = 0.55 + 0.1 * (span is not None) + 0.1 * (city is not None)
    score += 0.1 * all(p.title for p in people) + 0.1 * all(p.country for p in people)
    return round(min(score, 0.95), 2)


def _join_delegation(events: list[Event], sentence: Span, people: list[Person], match: re.Match, index: int) -> None:
    """Add the people a delegation sentence names to the engagement reported just before it."""
    target = next((e for e in reversed(events) if e.kind != "visit" and index - e.sentence <= 3), None)
    if target is None:
        return
    side = country_of_word(match["side"]) if match["side"] else None
    if match["owner"]:
        owner = _person_named(match["owner"], target.participants)
        side = owner.country if owner else side
    absent = _ABSENT.search(sentence.text)
    for person in people:
        if absent and any(absent.start() < at for at in _mention_chars(person, sentence)):
            continue  # 'C stood in for Foreign Secretary D': D was not there
        if person not in target.participants:
            person.country = person.country or side
            target.participants.append(person)


_ABSENT = re.compile(r"\b(?:st(?:ood|ands|anding) in for|in place of|instead of|replacing)\b")


def _merge_lists(first: list[str], second: list[str]) -> list[str]:
    return first + [item for item in second if item not in first]
