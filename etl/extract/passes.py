"""Article-level passes over the engagements the sentence rules propose: countries inferred, calls restated,
guests' visits, companions, one event per engagement, headline copies and initiative names (domestic meetings and
visits home are dropped by etl.extract.domestic). Each reads and writes the data model of etl.extract.model and
records the rule that changed an event."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from etl.extract.companions import add_travellers
from etl.extract.dates import DateSpan
from etl.extract.document import Article
from etl.extract.learned import MAX_CONFIDENCE
from etl.extract.model import MEETING_COMPANION, Event, Person
from etl.resolve.initiatives import InitiativeResolver
from etl.resolve.offices import offices
from etl.resolve.names import name_parts

def infer_countries(people: list[Person], events: list[Event], mentions: Counter) -> None:
    """Fill unknown countries: from a relative with the same family name, then from each engagement's other side.

    At an engagement in country C, someone of unknown country meeting only people of C (or visiting C) is the
    guest, from the country the article names most after C, or of no known country when it names no other;
    someone meeting people of C and of other countries is taken for C's side. On a call (or at a meeting of no
    known place) with one side known, the one unknown person is from the country the article names most after it.
    """
    known = {p.name.split()[-1].lower(): p.country for p in people if p.country and len(p.name.split()) > 1}
    for person in people:
        if not person.country and len(person.name.split()) > 1:
            person.country = known.get(person.name.split()[-1].lower())
    named = mentions + Counter(p.country for p in people if p.country)  # countries named, and of people named
    # Meetings first: meeting the hosts in their country says more about someone's side than a visit does.
    for event in sorted(events, key=lambda e: e.kind == "visit"):
        if event.kind == "call" or not event.country:
            continue
        others = {p.country for p in event.participants if p.country}
        for person in event.participants:
            if person.country:
                continue
            visited = {e.country for e in events if e.kind == "visit" and person in e.participants}
            if event.kind != "visit" and event.country in visited:
                continue  # a traveller to the meeting's country is no host there: their visit says whose side
            if event.kind == "visit" or others == {event.country}:
                # nobody is reported meeting only their own side at home; nor is home another stop of the trip
                person.country = next((c for c, _ in mentions.most_common() if c != event.country and c not in visited),
                                      None)
            elif others and event.country not in others and (subject := _names_more(named, others, event.country)):
                person.country = subject  # Lavrov meeting Blinken in Reykjavik
            elif others:
                person.country = event.country
    for event in events:  # a call, or a meeting of no known place, between one known side and one unknown person
        others = {p.country for p in event.participants if p.country}
        unknown = [p for p in event.participants if not p.country]
        if event.kind != "visit" and not event.country and len(others) == 1 and len(unknown) == 1:
            unknown[0].country = next((c for c, _ in mentions.most_common() if c not in others), None)


def _names_more(named: Counter, known: set[str], place: str) -> str | None:
    """The country an article names (or whose people it names) more often than the place of a meeting where nobody
    is from the place, when it names the place only as the venue: on neutral ground the other side is likelier the
    article's subject than a host it never mentions."""
    if named[place] > 1:
        return None  # the article names the place again beyond the venue: its people are likelier the hosts
    subject = next((c for c, _ in named.most_common() if c not in known), None)
    return subject if subject and subject != place and named[subject] > named[place] else None


_RESIDENT_TITLES = ("ambassador", "envoy", "chargé", "charge d", "high commissioner", "consul")


def unify_initiatives(events: list[Event]) -> None:
    """Name each initiative one way within an article: variant spellings take the first name the article used."""
    resolver = InitiativeResolver()
    first_name: dict[str, str] = {}
    for event in events:
        names = []
        for mention in event.initiatives:
            initiative = resolver.resolve(mention)
            name = first_name.setdefault(initiative.initiative_id, mention) if initiative else mention
            if name not in names:
                names.append(name)
        event.initiatives = names


def date_from_visits(events: list[Event]) -> None:
    """An undated engagement during a visit known only to the month takes that month (background paragraphs)."""
    for event in events:
        if event.kind == "visit" or event.date_stated:
            continue
        trips = [v for v in events if v.kind == "visit" and v.date_stated and v.date and v.country == event.country
                 and any(p in event.participants for p in v.participants)]
        if any(v.date.precision == "day" for v in trips):
            continue  # the trip under way, dated to the day, is the likelier one: keep the reported date
        visit = next((v for v in trips if v.date.precision == "month"), None)
        if visit is not None:
            event.date, event.date_stated = DateSpan(visit.date.start, None, visit.date.precision), True
            event.rules.append(f"pass.date-from-visit: {visit.date.iso_start()}")


TRIP_DAYS = 14  # an inferred visit within this many days after a reported arrival is part of the same trip


def _on_reported_trip(person: Person, event: Event, events: list[Event]) -> bool:
    """True when the text already reports this person's trip to the event's country, begun shortly before."""
    if not event.date:
        return False
    for visit in events:
        if visit.kind == "visit" and visit.country == event.country and person in visit.participants and visit.date:
            if 0 <= (event.date.start - visit.date.start).days <= TRIP_DAYS:
                return True
    return False


NEWS_DAYS = 7  # an engagement dated within this many days of publication is the news, not background


def _reported_as_news(event: Event, published: dt.date | None) -> bool:
    return bool(event.date_stated and event.date and published
                and abs((event.date.start - published).days) <= NEWS_DAYS)


def _on_trip_reported(event: Event, published: dt.date | None) -> bool:
    """The meeting took place on a trip the text reports as news (rule place.trip)."""
    return any(rule.startswith("place.trip") for rule in event.rules) and bool(
        event.date and published and abs((event.date.start - published).days) <= NEWS_DAYS)


def _place_in_sentence(event: Event) -> bool:
    """The sentence itself says where (not the dateline, which is where the reporter files from)."""
    return any(rule.startswith("place.sentence") for rule in event.rules)


def guest_visits(events: list[Event], published: dt.date | None = None) -> list[Event]:
    """A visit for each guest at a held engagement abroad, or at a planned one whose sentence names the place:
    meeting someone in their country means travelling there. Two sides meeting where neither is at home both travelled, when that meeting is the news: background
    ('when they met in Tokyo in May 2022') says where they met, not which trip the text is about."""
    visits = []
    for event in events:
        if event.kind != "meeting" or not event.country:
            continue
        hosts = [p for p in event.participants if p.country == event.country]
        if event.status != "held" and not (hosts and _place_in_sentence(event)):
            continue  # a plan to meet someone at a stated place in their country is a plan to travel there
        # nobody from the place, and two sides known: they met on neutral ground, and both travelled there
        neutral = not hosts and len({p.country for p in event.participants if p.country}) >= 2 \
            and (_reported_as_news(event, published) and _place_in_sentence(event) or _on_trip_reported(event, published))
        travelling = [c for p in event.participants for c in p.companions]  # they join their principal's visit
        for person in event.participants:
            if person in travelling:
                continue
            if (hosts or neutral) and person.country and person.country != event.country \
                    and not any(t in (person.title or "").lower() for t in _RESIDENT_TITLES) \
                    and not _on_reported_trip(person, event, events):
                visit = Event("visit", event.status, event.date, event.city, event.country, [person], event.evidence,
                              event.sentence, confidence=round(event.confidence * 0.8, 2), date_stated=event.date_stated)
                visit.rules = [f"pass.guest-visit: {person.name} met {'the hosts' if hosts else 'another side'} in {event.country}"]
                visits.append(visit)
    return visits


def trip_meetings(events: list[Event]) -> None:
    """A held meeting that names no place, of someone on the latest held visit reported before it and begun at
    most TRIP_DAYS earlier, took place on that trip; one they 'also met' after a placed meeting, where that was."""
    trips = sorted((v for v in events if v.kind == "visit" and v.status == "held" and v.country),
                   key=lambda v: -v.sentence)  # the latest first
    for meeting in events:
        if meeting.kind in ("visit", "call") or meeting.status != "held" or meeting.country:
            continue
        trip = next((v for v in trips if v.sentence <= meeting.sentence), None)
        if trip is None or not any(p in trip.participants for p in meeting.participants):
            continue
        if meeting.date and trip.date and not 0 <= (meeting.date.start - trip.date.start).days <= TRIP_DAYS:
            continue
        trip = _leg_met_at(trip, meeting, trips)
        meeting.city, meeting.country = trip.city, trip.country
        meeting.rules.append(f"place.trip: on the trip to {trip.city or trip.country} (sentence {trip.sentence + 1})")
    _also_met_there(events)


def _also_met_there(events: list[Event]) -> None:
    """A held meeting with no place that someone 'also met' just after a placed meeting of theirs on the same day
    was held where that one was."""
    for meeting in events:
        if meeting.kind in ("visit", "call") or meeting.status != "held" or meeting.country \
                or not _ALSO_MET.search(meeting.evidence):
            continue
        before = max((e for e in events if e.sentence < meeting.sentence and e.kind not in ("visit", "call")),
                     key=lambda e: e.sentence, default=None)
        if before and before.status == "held" and before.country \
                and meeting.sentence - before.sentence <= 2 and before.participants[:1] == meeting.participants[:1] \
                and (not meeting.date or not before.date or meeting.date.start == before.date.start):
            # 'Sherman met Vice Foreign Minister Cho in Seoul today. She also met Foreign Minister Park.'
            meeting.city, meeting.country = before.city, before.country
            meeting.rules.append(f"place.also: where the meeting before was (sentence {before.sentence + 1})")


_ALSO_MET = re.compile(r"\balso (?:met|held (?:talks|a meeting)|sat down)\b")


def _leg_met_at(trip: Event, meeting: Event, trips: list[Event]) -> Event:
    """Of the legs the trip's sentence gives ('traveled to Dhaka, Bangladesh, and Colombo, Sri Lanka'), the one in
    the country of someone met who is not travelling (President Wickremesinghe: Sri Lanka); else the trip."""
    met = {p.country for p in meeting.participants if p not in trip.participants and p.country}
    legs = [v for v in trips if v.sentence == trip.sentence and v.country in met
            and any(p in v.participants for p in meeting.participants)]
    return legs[0] if len(legs) == 1 else trip


def hosts_by_title(events: list[Event], publisher: str | None) -> None:
    """At a held meeting abroad, someone met there whom only the publisher's guess made its own, under a title the
    office table gives none of the publisher's offices, is of the host country: 'Singh met with Foreign Secretary
    Harsh V. Shringla' in New Delhi, in a US release (the US has no Foreign Secretary)."""
    if not publisher or not offices().covers(publisher):
        return
    for meeting in events:
        if meeting.kind not in ("meeting", "dialogue") or meeting.status != "held" or meeting.country in (None, publisher):
            continue
        travellers = {id(p) for v in events if v.kind == "visit" and v.country == meeting.country for p in v.participants}
        for person in meeting.participants[1:]:
            if id(person) not in travellers and person.title and person.country == publisher \
                    and any(rule.startswith("publisher:") for rule in person.rules) \
                    and not offices().has_office(person.title, publisher):
                person.country = meeting.country
                person.rules.append(f"host-by-title: no {publisher} office is a {person.title}; met in {meeting.country}")


# 'In Ghana, Singh and the U.S. delegation met with …': the people travelling with Singh were at the meeting too.
# 'A and the delegation met …', 'The delegation also met with …': the whole travelling party was at the meeting.
_AND_DELEGATION = re.compile(r"\band (?:the|his|her|their) (?:[\w.-]+ )?delegation\b|"
                             r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir) (?:[\w.-]+ )?delegation (?:also |then |later )?"
                             r"(?:met|held|sat down)\b")


def add_companions(events: list[Event]) -> None:
    """People named as travelling with a visitor join the visitor's held visits, on the visitor's side, and the
    meetings the visitor held with 'the delegation'."""
    for event in events:
        if event.kind != "visit" or event.status != "held":
            continue
        for visitor in list(event.participants):
            add_travellers(event, visitor.companions, visitor.country)
    for meeting in events:
        if meeting.kind == "visit" or meeting.status != "held":
            continue
        everyone = bool(_AND_DELEGATION.search(meeting.evidence))  # else only those who joined all its meetings
        for visit in events:
            if visit.kind == "visit" and visit.status == "held" and visit.country in (meeting.country, None) \
                    and (leader := next((p for p in visit.participants if p in meeting.participants), None)):
                add_travellers(meeting, [p for p in visit.participants if p is not leader
                                         and (everyone or MEETING_COMPANION in p.rules)], leader.country)


def _surname(person: Person) -> str:
    return parts.surname if (parts := name_parts(person.name)) else person.name


def _surnames(event: Event) -> set[str]:
    return {_surname(p) for p in event.participants}


def _same_people(a: Event, b: Event) -> bool:
    return _surnames(a) == _surnames(b)


def _same_travellers(a: Event, b: Event) -> bool:
    """Visits by the same party: a report may name only its leader ('Singh's travel to Colombia') and another
    the whole delegation ('Singh, Marchick and Zúniga travelled to Colombia')."""
    ours, theirs = _surnames(a), _surnames(b)
    return bool(ours and theirs) and (ours <= theirs or theirs <= ours)


EVIDENCE_JOINER = " … "
MAX_EVIDENCE = 3
VISIT_MERGE_DAYS = 3  # a visit is reported day by day: its legs within a few days are one trip


def _close_dates(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return a.date is b.date
    if "month" in (a.date.precision, b.date.precision):
        return (a.date.start.year, a.date.start.month) == (b.date.start.year, b.date.start.month)
    limit = VISIT_MERGE_DAYS if a.kind == "visit" else 1
    return abs((a.date.start - b.date.start).days) <= limit


def merge_events(events: list[Event]) -> list[Event]:
    """One event per engagement: repeated reports in the article merge (same kind, people and day)."""
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if m.kind == event.kind and m.status == event.status
                     and (_same_travellers(m, event) if m.kind == "visit" else _same_people(m, event))
                     and (_close_dates(m, event) or not (m.date_stated and event.date_stated))
                     and (m.kind != "visit" or m.country == event.country)), None)
        if twin is None:
            merged.append(event)
            continue
        if twin.kind == "visit":  # the report naming the whole delegation adds who the other left out
            known = _surnames(twin)
            twin.participants += [p for p in event.participants if _surname(p) not in known]
        if event.date_stated and not twin.date_stated:
            twin.date, twin.date_stated = event.date, True
        elif twin.kind == "visit" and twin.date and event.date and event.date.precision == twin.date.precision == "day" \
                and event.date.start < twin.date.start:
            twin.date = event.date  # a visit starts on its first reported day
        twin.rules.append(f"pass.merged: the same engagement reported again (sentence {event.sentence + 1})")
        if event.evidence not in twin.evidence and twin.evidence.count(EVIDENCE_JOINER) < MAX_EVIDENCE - 1:
            twin.evidence += EVIDENCE_JOINER + event.evidence  # every sentence that reports it, up to a few
        twin.initiatives += [i for i in event.initiatives if i not in twin.initiatives]
        twin.topics += [t for t in event.topics if t not in twin.topics]
        if event.country and not twin.country:  # where the headline is silent, the body's sentence says where
            twin.rules += [rule for rule in event.rules if rule.startswith("place.")]
        twin.city, twin.country = twin.city or event.city, twin.country or event.country
        if event.date_stated and twin.date and event.date and twin.date.precision == "month" and event.date.precision == "day":
            twin.date = event.date
        elif twin.date and event.date and event.date.end and not twin.date.end and event.date.start == twin.date.start:
            twin.date = event.date
        twin.confidence = min(MAX_CONFIDENCE, max(twin.confidence, event.confidence) + 0.05)
    return merged


# Meeting words a call's readout uses of the call itself ('the two leaders discussed … their bilateral partnership').
_CALL_CONTENT_TRIGGER = re.compile(r"^trigger\.meeting: '(?:bilateral|jointly|discussed .*|conferred|talks with|"
                                   r"one-on-one|joint statement)'$", re.I)


def calls_restated(events: list[Event]) -> list[Event]:
    """A held meeting between people of a held call of the same day, read only from words a call's content uses
    and placed nowhere by its own sentence, is that call reported again: it merges into the call."""
    kept = []
    for event in events:
        call = None if event.kind != "meeting" or event.status != "held" or _place_in_sentence(event) \
            or not any(_CALL_CONTENT_TRIGGER.match(rule) for rule in event.rules) else next(
            (c for c in events if c.kind == "call" and c.status == "held" and c.date == event.date
             and _surnames(event) <= _surnames(c)), None)
        if call is None:
            kept.append(event)
            continue
        call.rules.append(f"pass.call-restated: the meeting words of sentence {event.sentence + 1} report this call")
        if event.evidence not in call.evidence and call.evidence.count(EVIDENCE_JOINER) < MAX_EVIDENCE - 1:
            call.evidence += EVIDENCE_JOINER + event.evidence
        call.initiatives += [i for i in event.initiatives if i not in call.initiatives]
        call.topics += [t for t in event.topics if t not in call.topics]
    return kept


def headline_restated(events: list[Event], article: Article) -> list[Event]:
    """A headline's undated engagement ('X's Travel to A and B') that the body reports again on a day of its own
    ('X will travel to A and B on May 25'), or as still to come ('X will then travel to Jeddah'), is the body's
    engagement: the headline's copy goes."""
    if not article.headline:
        return events
    kept = []
    for event in events:
        body = None if event.sentence != 0 or event.date_stated else next(
            (b for b in events if b.sentence > 0 and b.kind == event.kind and b.country == event.country
             and _same_people(b, event) and ((b.date_stated and b.date != event.date)
                                             or b.status == "planned" != event.status)), None)
        if body is None:
            kept.append(event)
        else:
            body.rules.append(f"pass.headline-restated: the headline's {event.kind} is this one")
    for event in kept:
        if _trip_still_to_come(event, kept):
            event.status = "planned"
            event.rules.append("pass.headline-planned: the body speaks of this trip as still to come")
    return kept


def _trip_still_to_come(event: Event, events: list[Event]) -> bool:
    """A headline's undated held visit ('… on the President's Travel to Italy, Vatican City, and the United Kingdom')
    whose traveller the body only ever has travelling in future ('will travel to Rome', 'will also visit …')."""
    if event.kind != "visit" or event.sentence != 0 or event.date_stated or event.status != "held":
        return False
    trips = [e for e in events if e.kind == "visit" and e.sentence > 0 and _same_people(e, event)]
    return bool(trips) and all(e.status == "planned" for e in trips)
