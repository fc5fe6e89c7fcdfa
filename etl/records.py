"""The records every source produces: engagements with participants, their source, and rejects."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field as dataclass_field
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, Field, field_validator, model_validator

Kind = Literal["visit", "meeting", "call", "summit", "dialogue"]
Status = Literal["held", "planned"]
Role = Literal["visitor", "host", "attendee"]
Precision = Literal["day", "month", "year"]

KINDS: tuple[str, ...] = ("visit", "meeting", "call", "summit", "dialogue")
STATUSES: tuple[str, ...] = ("held", "planned")
ROLES: tuple[str, ...] = ("visitor", "host", "attendee")


class Participant(BaseModel):
    """A named person taking part in an engagement, as the source states them."""

    name: str = Field(min_length=1)
    title: str | None = None
    country_iso3: str | None = None
    role: Role = "attendee"
    aliases: list[str] = Field(default_factory=list)


class Party(BaseModel):
    """A country taking part without a named person: a machine-coded actor such as 'Government (Japan)'."""

    country_iso3: str = Field(min_length=3, max_length=3)
    role: Role = "attendee"
    name: str | None = None


class Engagement(BaseModel):
    """One visit, meeting, call, summit or dialogue as a source reports it."""

    kind: Kind
    status: Status = "held"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_precision: Precision = "day"
    city: str | None = None
    country_iso3: str | None = None
    title: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    initiatives: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)

    @field_validator("city", "title")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if isinstance(value, str) else value

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Engagement":
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self


class CodedEvent(BaseModel):
    """How a machine coder (GDELT, ICEWS) coded the event a source row reports."""

    event_id: str
    event_code: str
    actor1: str | None = None
    actor1_code: str | None = None
    actor2: str | None = None
    actor2_code: str | None = None
    place: str | None = None
    goldstein: float | None = None
    num_mentions: int | None = None
    num_sources: int | None = None
    num_articles: int | None = None
    avg_tone: float | None = None
    publisher: str | None = None


class SourceRecord(BaseModel):
    """An engagement together with the document that reports it and the evidence."""

    engagement: Engagement
    source_kind: str
    uri: str
    locator: str
    source_title: str | None = None
    published_at: dt.date | None = None
    text: str | None = None
    evidence: str | None = None
    extractor: str = "structured"
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    coded_event: CodedEvent | None = None


class Reject(BaseModel):
    """A record that could not be loaded: where it is, which field, and why."""

    source_kind: str
    locator: str
    field: str | None = None
    reason: str
    record: str | None = None

    def message(self) -> str:
        """The reject as one line: 'file: record: field: reason'."""
        return reject_message(self)


class RowReject(NamedTuple):
    """A reject as a column reader makes it, one per bad row: a Reject's fields without a model per row."""

    source_kind: str
    locator: str
    field: str | None
    reason: str
    record: str | None

    def message(self) -> str:
        """The reject as one line: 'file: record: field: reason'."""
        return reject_message(self)


def reject_message(reject: Reject | RowReject) -> str:
    """'file: record: field: reason'."""
    where = f"{reject.locator}: {reject.field}" if reject.field else reject.locator
    return f"{where}: {reject.reason}"


@dataclass
class CodedRows:
    """Machine-coded engagements as a column reader produces them, one entry per record in each list: countries
    as parties (no named people), one day each, and the coded event. The writer stores them as it stores a
    SourceRecord of the same values, without building a model per row."""

    source_kind: str
    extractor: str
    confidence: float
    kind: list[str] = dataclass_field(default_factory=list)
    status: list[str] = dataclass_field(default_factory=list)
    day: list[dt.date] = dataclass_field(default_factory=list)
    city: list[str | None] = dataclass_field(default_factory=list)
    country_iso3: list[str | None] = dataclass_field(default_factory=list)
    title: list[str] = dataclass_field(default_factory=list)
    parties: list[tuple[tuple[str, str, str | None], ...]] = dataclass_field(default_factory=list)  # (iso3, role, name)
    uri: list[str] = dataclass_field(default_factory=list)
    locator: list[str] = dataclass_field(default_factory=list)
    coded: dict[str, list] = dataclass_field(default_factory=dict)  # CodedEvent's fields, a list each

    def __len__(self) -> int:
        return len(self.kind)


class Batch(BaseModel):
    """What a source module read from one input: records, rejects, and how many it saw."""

    path: str
    records: list[SourceRecord] = Field(default_factory=list)
    rejects: list[Reject] = Field(default_factory=list)
    records_in: int = 0
    records_skipped: int = 0
    coded_rows: Any = None  # CodedRows from a column reader, stored like records

