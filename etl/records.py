"""The records every source produces: engagements with participants, their source, and rejects."""
from __future__ import annotations

import datetime as dt
from typing import Literal

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


class Reject(BaseModel):
    """A record that could not be loaded: where it is, which field, and why."""

    source_kind: str
    locator: str
    field: str | None = None
    reason: str
    record: str | None = None

    def message(self) -> str:
        """The reject as one line: 'file: record: field: reason'."""
        where = f"{self.locator}: {self.field}" if self.field else self.locator
        return f"{where}: {self.reason}"


class Batch(BaseModel):
    """What a source module read from one input: records, rejects, and how many it saw."""

    path: str
    records: list[SourceRecord] = Field(default_factory=list)
    rejects: list[Reject] = Field(default_factory=list)
    records_in: int = 0
