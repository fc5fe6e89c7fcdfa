"""Sentences -> engagements: who met, called or visited whom, when, where and about what."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from spacy.tokens import Doc, Span

from etl.extract import triggers
from etl.extract.rosters import listed, roster_zone
from etl.extract.companions import (DELEGATION, LED_BY, NOT_MET, SPOUSE, THAT_MEETING, WITH_HIM, assign_sides,
                                    companion_groups, coordinated_before, join_delegation, join_visit, note_spouse)
from etl.extract.dates import DateSpan, resolve
from etl.extract.gazetteer import country_of_city, country_of_word
from etl.extract.initiatives import find_initiatives
from etl.extract.model import MEETING_COMPANION, Event, Person, Sentence
from etl.extract.places import meeting_place, visit_destinations
from etl.extract.references import (DESCRIBED, Context, headline_issuers, participants, people_in, person_named,
                                    statement_authors, subject)
from etl.extract.spans import first_at, last_mention_before, mention_chars, sentences_of
from etl.extract.timing import PAST_ENCOUNTER, date_for, status_of, told_as_history, undated
from etl.extract.topics import find_topics


_UNNAMED_COUNTERPARTS = re.compile(r"\b[Ww]ith (?:(?:their|his|her) )?(?:\w+ )?[Cc]ounterparts?\b")


def extract_events(doc: Doc, by_token: dict[int, Person], published: dt.date | None,
                   dateline: tuple[str | None, str | None]) -> list[Event]:
    """Every engagement each sentence reports, in text order."""
    events: list[Event] = []
    everyone = sorted({id(p): p for p in by_token.values()}.values(), key=lambda p: p.mentions[0][0])
    context = Context(salient=max(everyone, key=lambda p: len(p.mentions), default=None), everyone=everyone)
    pending_initiatives: list[str] = []
    lone: Sentence | None = None  # the last engagement sentence that named one person or nobody
    first_lone: Sentence | None = None  # and the first, which a closing roster completes
    led: list[Person] = []  # the people later 'delegation was led by' sentences add to it
    breaks = [m.start() for m in re.finditer("\n\n", doc.text)]  # paragraph boundaries
    for index, sentence in enumerate(sentences_of(doc)):
        text = sentence.text.strip()
        if not text:
            continue
        paragraph = bisect.bisect_right(breaks, sentence.start_char)
        if paragraph != context.paragraph:
            context.paragraph, context.last_date = paragraph, None
        if index == 0:
            context.authors = statement_authors(sentence, by_token)
        initiatives = find_initiatives(text)
        kinds = triggers.kinds_in(text)
        people = participants(sentence, by_token, context) if kinds else people_in(sentence, by_token)
        if index == 0 and (issuers := headline_issuers(text, people, context.authors)):
            people = [p for p in people if p not in issuers]
            if context.salient in issuers:  # who 'he' is: the protagonist, not who issued the statement
                context.salient = max((p for p in everyone if p not in issuers), key=lambda p: len(p.mentions),
                                      default=None)
        assign_sides(sentence, people)
        groups = companion_groups(sentence, people)
        if groups and _THEY_JOINED.match(text) and context.last_group and events and events[-1].kind != "visit" \
                and index - events[-1].sentence <= 1:
            groups = []  # 'A met B and C. They were joined by D': D was at that meeting, not on someone's trip
        travelling = [p for _, group in groups for p in group]
        read = Sentence(sentence, text, index, kinds, people, travelling, published, dateline)
        found = sentence_events(read, context) if kinds else []
        if lone and not found and index - lone.index <= 3 and LED_BY.search(text) \
                and (others := [p for p in people if p not in lone.people and p not in led]):
            led += others  # each side, named in a sentence of its own: 'The UK delegation was led by …'
            found = _led_by(lone, led, context)
            if found:
                initiatives = _merge_lists(find_initiatives(lone.text), initiatives)
                lone = None
        if lone and index - lone.index <= 2 and _THE_MEETING_INCLUDED.search(text) \
                and (others := [p for p in people if p not in lone.people]):
            # 'Harris convened leaders in Bangkok. … the meeting included: A, B and C': the meeting just reported
            found = [e for e in found if e.kind == "visit"] + _led_by(lone, others, context, "participants.next")
            lone = None
        if kinds and len(people) <= 1 and not found and any(k != "visit" for k in kinds):
            # 'Sullivan led the U.S. delegation in a meeting of the Group', 'the UK and the US held consultations':
            # who took part comes next
            lone, led = read, []
            if first_lone is None or first_lone.index == 0:
                first_lone = read  # the body's first such sentence, which says how they met, before the headline
        for spouse_of in SPOUSE.finditer(text):
            note_spouse(sentence, people, spouse_of)
        if _IN_MEETINGS.search(text):  # 'was joined in his meetings by A and B': at every meeting of the trip
            for person in travelling:
                person.rules.append(MEETING_COMPANION)
        for principals, group in groups:
            if not [p for p in principals if p not in group] and _PRONOUN_SUBJECT.match(text) \
                    and (principal := context.last_subject or context.salient) and principal not in group:
                principals = [principal]  # 'She was joined by A and B': the one the text was about
            join_visit(events + found, group, principals)
        if not groups and WITH_HIM.search(text) and (principal := context.last_subject or context.salient):
            # 'First Lady Emine Erdogan travelled with him, as did Family Minister …'
            join_visit(events, [p for p in people if p is not principal], [principal])
        delegation = DELEGATION.search(text) if events else None
        if delegation and found and THAT_MEETING.search(text):
            found = [e for e in found if e.kind == "visit"]  # 'A and B sat in on the meeting': the one just reported
        if delegation and not any(e.kind != "visit" for e in found):
            join_delegation(events, sentence, [p for p in people if p not in travelling], delegation, index)
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
        if trip := next((e for e in reversed(found) if e.kind == "visit" and e.status == "held"), None):
            context.trip_party = trip.participants  # the list itself: companions named later join it
        if people and context.salient is None:
            context.salient = people[0]
        context.last_subject = subject(sentence, by_token, people) or context.last_subject
        if len(people) >= 2 and any(e.kind != "visit" for e in found):
            context.last_group = people
    if (zone := roster_zone(doc.text)) and (roster := listed(everyone, doc, zone)):
        events = _join_roster(events, roster, first_lone, context, pending_initiatives)
    return events


def _join_roster(events: list[Event], roster: list[Person], lone: Sentence | None, context: Context,
                 initiatives: list[str]) -> list[Event]:
    """The people a closing roster lists join the release's first held engagement, or complete the first sentence
    that reported one naming nobody else ('met virtually today with 15 leaders') when that comes first."""
    target = next((e for e in events if e.kind != "visit" and e.status == "held"), None)
    if lone is not None and (target is None or lone.index < target.sentence):
        found = sentence_events(dataclasses.replace(lone, people=lone.people + [p for p in roster if p not in lone.people]),
                                context)
        for event in found:
            event.rules.append(f"participants.roster: {len(roster)} listed after the text")
            event.initiatives = _merge_lists(find_initiatives(lone.text), initiatives)  # none had an event to join
        return sorted(events + found, key=lambda e: e.sentence)
    for person in roster if target else []:
        if person not in target.participants:
            target.participants.append(person)
            target.rules.append(f"participants.roster: {person.name}")
    return events


_THEY_JOINED = re.compile(r"\s*They\s+(?:were|are|had been|will be)\s+(?:also\s+)?joined by\b")
_IN_MEETINGS = re.compile(r"\bjoined in (?:his|her|their) (?:meetings|talks) by\b")
_PRONOUN_SUBJECT = re.compile(r"\s*(?:She|He|They)\s+(?:was|were|is|are|had been|will be)\s+(?:also\s+)?(?:joined|accompanied) by\b")


def _led_by(lone: Sentence, others: list[Person], context: Context, rule: str = "participants.led-by") -> list[Event]:
    """The engagement a one-person sentence reported, with the people a later sentence ('the X delegation was led
    by', 'the meeting included') names as its other side."""
    found = sentence_events(dataclasses.replace(lone, people=lone.people + others), context)
    for event in found:
        event.rules.append(f"{rule}: {', '.join(p.name for p in others)} (sentence {lone.index + 1})")
    return found


_GATHERING = r"(?:meeting|call|session|talks|discussion|summit|conversation|gathering|roundtable|videoconference)"
# A sentence naming who took part in the engagement just reported: 'the meeting included: A, B and C',
# 'Participating in the call were A, B and C', 'Also taking part in today's session was A', 'Participants included'.
_THE_MEETING_INCLUDED = re.compile(
    r"\b(?:(?:the|that|this) " + _GATHERING + r" (?:also )?(?:included|was attended by|were attended by|brought together)"
    r"|(?:participating|taking part|joining) in (?:the|that|this|today[’']s) (?:[\w-]+ )?" + _GATHERING + r" (?:were|was)"
    r"|(?:the )?(?:participants|attendees) (?:in (?:the|today[’']s) (?:[\w-]+ )?" + _GATHERING + r" )?(?:also )?(?:included|were)"
    r")\b", re.I)


def sentence_events(s: Sentence, context: Context) -> list[Event]:
    """The calls, meetings and visits one sentence reports, each with the rules that made it."""
    planned_words = triggers.is_planned(s.text)
    earlier_date = context.last_date
    span, stated = date_for(s.text, s.published, planned_words, context)
    if planned_words and not stated and span is not None and s.published and span.start < s.published:
        span = None  # 'Sisi is expected to visit Nairobi later this year': not the last sentence's past date
    elif not planned_words and not stated and span is not None and s.published and span.start > s.published \
            and PAST_ENCOUNTER.search(s.text):
        span = None  # 'Dodd recently met with Lasso', after 'will welcome Lasso on December 19': not that date
    if not stated and told_as_history(s.text, s.published):
        return []
    status = status_of(s.text, span, s.published)
    found = _pair_events(s, span, stated, status, planned_words)
    if "visit" in s.kinds and s.people:
        found += _visit_events(s, span, stated, status, planned_words, earlier_date)
    return found


def _fallback(s: Sentence) -> DateSpan | None:
    """The publication day; with no publication date an undated report stays undated, never the day of loading."""
    return DateSpan(s.published, None, "day") if s.published else None


def _pair_events(s: Sentence, span: DateSpan | None, stated: bool, status: str, planned_words: bool) -> list[Event]:
    """The call, meeting or talks between two or more of the sentence's people."""
    pair_kind = next((k for k in s.kinds if k != "visit"), None)
    if not pair_kind or len(s.people) < 2:
        return []
    city, country = (None, None) if pair_kind == "call" else meeting_place(s.span, s.dateline)
    groups = _separate_meetings(s.span, s.people, s.travelling) if pair_kind == "meeting" else [s.people]
    if _UNNAMED_COUNTERPARTS.search(s.text):  # 'A and B left for Tokyo for talks with their counterparts'
        groups = [g for g in groups if len({p.country for p in g}) > 1 or None in {p.country for p in g}]
    found = []
    for group in groups:
        event = Event(pair_kind, status, span or _fallback(s), city, country, list(group), s.text, s.index,
                      date_stated=stated)
        event.rules = [f"trigger.{pair_kind}: '{triggers.trigger_words(s.text, pair_kind)}'",
                       "participants.separate-meetings" if len(groups) > 1 else "participants.sentence",
                       _date_rule(span, stated, s.published), _status_rule(status, planned_words),
                       _place_rule(city, country, s.dateline, pair_kind)]
        found.append(event)
    return found


def _visit_events(s: Sentence, span: DateSpan | None, stated: bool, status: str, planned_words: bool,
                  earlier_date: DateSpan | None) -> list[Event]:
    """A visit by each visitor of the sentence to each destination, dated by the visitor's own clause if it has one."""
    found = []
    visits = _visits(s.span, s.people, s.travelling)
    for visitor, clause in visits:
        clause_span = resolve(undated(clause), s.published, future=planned_words) if clause != s.text else None
        visit_span, visit_stated = clause_span or span, stated
        if clause != s.text and clause_span is None and len(visits) > 1:
            visit_span, visit_stated = earlier_date, False  # the sentence's date belongs to another visitor's clause
        travellers = [visitor] + [p for p in s.people if p is not visitor and p.country and p.country == visitor.country
                                  and re.search(r"\b(accompanied|along with|delegation)\b", s.text)]
        travellers += [p for p in coordinated_before(s.span, visitor, s.people) if p not in travellers]
        if not mention_chars(visitor, s.span):  # 'They visited …', 'the delegation travelled to …': the whole party
            travellers += [p for p in s.people if p not in travellers and not mention_chars(p, s.span)]
        trips = _month_dates(clause) or [visit_span]  # 'in October 2015 … and in September 2016': two trips
        for city, country in visit_destinations(s.span, visitor, s.dateline, clause):
            for trip in trips:
                visit_status = status_of(clause, trip, s.published) if clause_span else status
                event = Event("visit", visit_status, trip or _fallback(s), city, country, list(travellers), s.text,
                              s.index, date_stated=bool(clause_span) or visit_stated or len(trips) > 1)
                event.rules = [f"trigger.visit: '{triggers.trigger_words(clause, 'visit')}'",
                               "visitor.own-clause" if clause != s.text else "visitor.sentence",
                               _date_rule(trip, event.date_stated, s.published),
                               _status_rule(visit_status, planned_words),
                               "destination.dateline" if (city, country) == s.dateline else "destination.sentence"]
                found.append(event)
    return found


def _date_rule(span: DateSpan | None, stated: bool, published: dt.date | None) -> str:
    if span is None:
        return "date.none"
    if stated:
        return f"date.stated: {span.iso_start()}"
    if published and span.start == published and span.precision == "day":
        return "date.publication"
    return f"date.earlier-sentence: {span.iso_start()}"


def _status_rule(status: str, planned_words: bool) -> str:
    if status == "planned":
        return "status.planned: future words" if planned_words else "status.planned: dated after publication"
    return "status.held"


def _place_rule(city: str | None, country: str | None, dateline: tuple[str | None, str | None], kind: str) -> str:
    if kind == "call":
        return "place.none: calls have no place"
    if country is None:
        return "place.unknown"
    return "place.dateline" if (city, country) == dateline else f"place.sentence: {city or country}"


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


def _separate_meetings(sentence: Span, people: list[Person], travelling: list[Person]) -> list[list[Person]]:
    """One group per encounter when a subject meets several people in turn; else all the people as one group."""
    text = sentence.text
    travelling = travelling if NOT_MET.search(text) else []
    people = [p for p in people if p not in travelling] if len(people) - len(travelling) >= 2 else people
    verbs = list(_ENCOUNTER.finditer(text))
    separate = bool(_SEPARATE.search(text))
    if not verbs or (len(verbs) < 2 and not separate):
        return [people]
    subject = [p for p in people if first_at(p, sentence) < verbs[0].start()]
    if not subject or len(subject) == len(people):
        return [people]
    groups: list[list[Person]] = []
    for n, verb in enumerate(verbs):
        end = verbs[n + 1].start() if n + 1 < len(verbs) else len(text)
        met = [p for p in people if p not in subject and verb.start() <= first_at(p, sentence) < end]
        if separate:
            groups.extend([*subject, person] for person in met)
        elif met:
            groups.append([*subject, *met])
    return groups or [people]


_POSSESSIVE_VISIT = re.compile(r"(\w+)['’]s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b")


# 'the state visit of President Yoon', 'a visit by Prime Minister Modi': the person named next is the one travelling.
_VISIT_OF = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\s+(?:of|by)\s+(?=(?:the\s+)?[A-Z])")
_PHRASE_END = re.compile(r"[,;:]|\s(?:which|where|who|and (?:the|a|an|to|discussed|reviewed)\b)")
_VISIT_OF_REACH = 60  # characters from 'visit of' to the visitor's name: room for a title ('Prime Minister of India')


def _first_named_after(at: int, people: list[Person], sentence: Span, reach: int = _VISIT_OF_REACH) -> Person | None:
    """The person named soonest at or after a character offset, within reach of it."""
    starts = [(min((a for a in mention_chars(p, sentence) if a >= at), default=-1), p) for p in people]
    starts = [(a, p) for a, p in starts if 0 <= a - at <= reach]
    return min(starts, key=lambda item: item[0])[1] if starts else None


def _visits(sentence: Span, people: list[Person], travelling: list[Person] = ()) -> list[tuple[Person, str]]:
    """(visitor, the clause about their trip): one per "X's visit", else the person nearest before the trigger who
    is not only travelling with someone ('Sullivan, joined by McGurk, will travel to Cairo': Sullivan)."""
    text = sentence.text
    found = []
    matches = [m for m in _POSSESSIVE_VISIT.finditer(text) if person_named(m[1], people)]
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        person = person_named(match[1], people)
        if person not in [p for p, _ in found]:
            found.append((person, text[match.start():end]))
    if found:
        return found
    if (of := _VISIT_OF.search(text)) and (guest := _first_named_after(of.end(), people, sentence)):
        # 'discussed the upcoming state visit of President Yoon to the United States': the phrase, to its comma, is
        # the trip; what else the sentence names ('concerns about Belarus') is not where it goes
        end = _PHRASE_END.search(text, of.end())
        return [(guest, text[of.start():end.start() if end else len(text)])]
    if re.match(r"\s*(?:His|Her) (?:[\w-]+ )?(?:visit|trip|tour) (?:comes|came|follows|followed|is|was)\b", text):
        return []  # 'His visit comes as …': the visit already reported, not a new one
    host = _HOST_VERB.search(text)
    if host and _BY_HOST.match(text, host.end()):
        host = None  # 'a brief welcome was led by Akume', 'was received by': the host is named after, not the guest
    guest = _first_named_after(host.start() + 1, people, sentence, reach=len(text)) if host else None
    if own := re.search(r"\b(?:his|her) (?:own )?(?:[\w-]+ )?(?:visit|trip|tour)\b", text):
        # 'hosted X after her own tour of Asia': the sentence's subject travelled; 'welcomed X for his first visit':
        # the visit the welcome is for is the guest's
        for_it = re.search(r"\b(?:for|on)\s+$", text[:own.start()])
        traveller = guest if guest and for_it and 0 <= first_at(guest, sentence) < own.start() else people[0]
        return [(traveller, text[own.start():])]
    if re.search(r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:[\w-]+ )?(?:visit|trip)\b", text) and not any(
            country_of_word(m[1]) or country_of_city(m[1]) for m in
            re.finditer(r"\b(?:visit(?:ed|ing|s)?|arriv\w+|travel\w*|land\w*)\s+(?:to\s+|in\s+)?([A-Z][\w-]+)", text)):
        return []  # 'the visit followed a call …', 'During that visit Trump pledged …': the visit already reported
    if guest:
        return [(guest, text)]  # 'X receives Y', 'X hosted Y': the guest, named after the verb, is the one travelling
    trigger = triggers.VISIT.search(text)
    limit = trigger.start() if trigger else len(text)
    before = [(last_mention_before(p, sentence, limit), p) for p in people]
    before = [(at, p) for at, p in before if at >= 0]
    if any(p not in travelling for _, p in before):
        before = [(at, p) for at, p in before if p not in travelling]
    if not before:
        return [(people[0], text)]
    at, nearest = max(before, key=lambda item: item[0])
    implied = next((p for p in people if not mention_chars(p, sentence)), None)
    if implied and DESCRIBED.search(text, at, limit):
        return [(implied, text)]  # 'spokesman Baghaei wrote that the minister was visiting': the minister travels
    return [(nearest, text)]


_HOST_VERB = re.compile(r"\b(?:receive[sd]?|receiving|host(?:s|ed|ing)?|welcome[sd]?|welcoming)\b")
_BY_HOST = re.compile(r"\s+(?:(?:was|were)\s+(?:[a-z]+\s+)?)?by\b")


def _merge_lists(first: list[str], second: list[str]) -> list[str]:
    return first + [item for item in second if item not in first]
