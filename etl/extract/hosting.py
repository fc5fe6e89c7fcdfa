"""Where a hosted meeting was when the text does not say: in the host's country."""
from __future__ import annotations

import re

from etl.extract.model import Event

# The verbs that make the people named before them the hosts of the people named after.
HOST_VERB = re.compile(r"\b(?:hosted|hosts|hosting|received|receives|welcomed|welcomes|welcome)\b")

_PASSIVE = re.compile(r"\s+by\b")
_ONLINE = re.compile(r"\b(?:virtual(?:ly)?|video|online|by phone|teleconference)\b", re.I)


def _named_before(person, text: str, at: int) -> bool:
    surname = person.name.split()[-1]
    found = text.find(surname)
    return 0 <= found < at


def hosted_meetings(events: list[Event]) -> None:
    """A held meeting with no place, reported as 'A hosted B', took place in A's country when every host named before
    the verb is of one known country and a guest is of another: 'President Perez of Chile hosted a U.S. delegation
    led by …' was in Chile (rule place.host)."""
    for meeting in events:
        if meeting.kind != "meeting" or meeting.status != "held" or meeting.country or not meeting.evidence:
            continue
        verb = HOST_VERB.search(meeting.evidence)
        if verb is None or _PASSIVE.match(meeting.evidence, verb.end()) or _ONLINE.search(meeting.evidence):
            continue  # 'a summit hosted by A and B': the hosts come after; a virtual one is nowhere
        hosts = [p for p in meeting.participants if _named_before(p, meeting.evidence, verb.start())]
        guests = [p for p in meeting.participants if p not in hosts]
        countries = {p.country for p in hosts}
        if len(countries) != 1 or None in countries or not guests:
            continue
        (home,) = countries
        if any(g.country and g.country != home for g in guests):
            meeting.country = home
            meeting.rules.append(f"place.host: hosted by {hosts[0].name}, of {home}")
