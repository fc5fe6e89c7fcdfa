"""CAMEO meeting, consultation and visit events (036, 040-046) as engagements; shared by GDELT and ICEWS.

The rule, also in docs/machine-coded.md:
- 036 express intent to meet -> planned meeting; 040 consult, 044 meet at a third location, 045 mediate and
  046 negotiate -> meeting; 041 discuss by telephone -> call.
- 042 make a visit -> a visit by actor 1 to the place of the event (to actor 2's country when the place is
  missing or is actor 1's own country); 043 host a visit -> a visit by actor 2 to actor 1's country.
- An event must involve two countries (two actors', or an actor's and the place's): a domestic event or one
  with no country at all is rejected with the reason.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from etl.records import Batch, Engagement, Participant, Party, Reject, SourceRecord
from etl.resolve.countries import country_name

# EventBaseCode -> (kind, status, what the coder said)
EVENT_KINDS: dict[str, tuple[str, str, str]] = {
    "036": ("meeting", "planned", "express intent to meet or negotiate"),
    "040": ("meeting", "held", "consult"),
    "041": ("call", "held", "discuss by telephone"),
    "042": ("visit", "held", "make a visit"),
    "043": ("visit", "held", "host a visit"),
    "044": ("meeting", "held", "meet at a third location"),
    "045": ("meeting", "held", "mediate"),
    "046": ("meeting", "held", "engage in negotiation"),
}


class CodedEventError(ValueError):
    """A coded event that cannot become an engagement; field names the column at fault."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass
class Actor:
    """One side of a coded event: a named person, or a country-level actor such as 'Government (Japan)'."""

    label: str | None
    country_iso3: str | None
    person: bool = False
    field: str = "actor"


def in_scope(base_code: str) -> bool:
    """True for the CAMEO base codes Parley loads."""
    return base_code in EVENT_KINDS


def _countries(*isos: str | None) -> list[str]:
    return sorted({iso for iso in isos if iso})


def _check_foreign(actor1: Actor, actor2: Actor, place_iso3: str | None) -> None:
    countries = _countries(actor1.country_iso3, actor2.country_iso3, place_iso3)
    if not countries:
        raise CodedEventError(actor1.field, "neither actor nor the place has a country")
    if len(countries) > 1:
        return
    if actor1.country_iso3 and actor2.country_iso3:
        raise CodedEventError(actor2.field, f"domestic event: both actors and the place are in {countries[0]}")
    missing = actor2 if actor1.country_iso3 or actor1.person else actor1
    raise CodedEventError(missing.field, f"only one country involved: {countries[0]}; the other actor has none")


@dataclass(frozen=True)
class CodedDecision:
    """What a coded event says happened, as plain values: what coded_engagement builds an Engagement from, and what
    the vectorised GDELT reader computes once per distinct coding instead of once per row."""

    kind: str
    status: str
    country_iso3: str | None
    city: str | None
    title: str
    participants: tuple[tuple[str, str | None, str], ...]  # (name, country, role)
    parties: tuple[tuple[str, str, str | None], ...]  # (country, role, name)


def _side(actor: Actor, role: str, participants: list[tuple], parties: list[tuple]) -> None:
    if actor.person and actor.label:
        participants.append((actor.label, actor.country_iso3, role))
    elif actor.country_iso3:
        parties.append((actor.country_iso3, role, actor.label))


def _display(actor: Actor) -> str:
    return actor.label or country_name(actor.country_iso3) or "unknown actor"


def coded_decision(base_code: str, actor1: Actor, actor2: Actor, place_iso3: str | None,
                   city: str | None) -> CodedDecision:
    """The engagement a coded event describes; CodedEventError when it is not a foreign engagement."""
    kind, status, verb = EVENT_KINDS[base_code]
    participants: list[tuple] = []
    parties: list[tuple] = []
    event_place = place_iso3
    if base_code == "042":
        visitor, host = actor1, actor2
        place_iso3 = place_iso3 if place_iso3 and place_iso3 != actor1.country_iso3 else actor2.country_iso3
    elif base_code == "043":
        visitor, host = actor2, actor1
        place_iso3 = actor1.country_iso3 or place_iso3
    else:
        visitor = host = None
    _check_foreign(actor1, actor2, place_iso3)
    if visitor is not None and host is not None:
        if visitor.country_iso3 is None and not visitor.person:
            raise CodedEventError(visitor.field, "the visitor has no country")
        if place_iso3 is None or place_iso3 == visitor.country_iso3:
            raise CodedEventError(visitor.field, "visit with no destination abroad")
        _side(visitor, "visitor", participants, parties)
        _side(host, "host", participants, parties)
        title = f"{_display(visitor)} visits {country_name(place_iso3)}"
    else:
        _side(actor1, "attendee", participants, parties)
        _side(actor2, "attendee", participants, parties)
        title = f"{_display(actor1)} and {_display(actor2)}: {verb}"
    if place_iso3 != event_place:
        city = None  # the coded city is somewhere else than where the visit went
    return CodedDecision(kind, status, place_iso3, city, title, tuple(participants), tuple(parties))


def engagement_of(decision: CodedDecision, day: dt.date) -> Engagement:
    """The decision as the engagement a source record carries."""
    return Engagement(kind=decision.kind, status=decision.status, start_date=day, end_date=day, date_precision="day",
                      city=decision.city, country_iso3=decision.country_iso3, title=decision.title,
                      participants=[Participant(name=n, country_iso3=c, role=r) for n, c, r in decision.participants],
                      parties=[Party(country_iso3=c, role=r, name=n) for c, r, n in decision.parties])


def coded_engagement(base_code: str, day: dt.date, actor1: Actor, actor2: Actor, place_iso3: str | None,
                     city: str | None) -> Engagement:
    """The engagement a coded event describes; CodedEventError when it is not a foreign engagement."""
    return engagement_of(coded_decision(base_code, actor1, actor2, place_iso3, city), day)


def coded_number(text: str, column: str, cast: type = float) -> float | int | None:
    """A coded number (Goldstein, mentions, tone); None when blank, CodedEventError naming the column when not one."""
    if not text:
        return None
    try:
        return cast(text)
    except ValueError:
        raise CodedEventError(column, f"'{text}' is not a number") from None


def collect(batch: Batch, kind: str, locator: str, line: str, base_code: Callable[[], str],
            record: Callable[[str], SourceRecord]) -> None:
    """Add one coded row to a batch: a record when in scope, a skipped count when not, a reject when bad."""
    try:
        code = base_code()
        if not in_scope(code):
            batch.records_skipped += 1
            return
        batch.records.append(record(code))
    except CodedEventError as exc:
        batch.rejects.append(Reject(source_kind=kind, locator=locator, field=exc.field, reason=exc.reason,
                                    record=line[:2000]))
