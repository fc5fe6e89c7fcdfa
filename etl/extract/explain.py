"""`parley extract --explain`: each event with the rules that made it and what they matched."""
from __future__ import annotations

from etl.extract.model import Event


def explain(event: Event, number: int) -> list[str]:
    """Lines describing one event and every rule that created or changed it, in the order they fired."""
    when = event.date.iso_start() if event.date else "undated"
    where = ", ".join(p for p in (event.city, event.country) if p) or "no place"
    people = "; ".join(f"{p.name} ({', '.join(x for x in (p.title, p.country) if x) or 'no title or country'})"
                       for p in event.participants)
    lines = [f"{number}. {event.kind} {event.status} {when} {where}: {people}",
             f"   evidence: {event.evidence}"]
    lines += [f"   rule {rule}" for rule in event.rules]
    for person in event.participants:
        lines += [f"   rule {rule}  [{person.name}]" for rule in person.rules]
    return lines
