"""The values that flow between stages: documents read, events understood.

All frozen, all tuples, all datetimes aware, so a stage can never change what an earlier
stage produced and a rebuild from the same sources gives the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cached_property


class Status(StrEnum):
    """Whether a happening took place, is expected, or was called off."""

    HAPPENED = "happened"
    PLANNED = "planned"
    APPROXIMATE = "approximate"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Update:
    """One live-blog entry: its stamp resolved to an instant, and all its paragraphs."""

    instant: datetime
    stamp: str
    paragraphs: tuple[str, ...]
    line: int
    #: Disambiguates two updates that carry the same instant (0 for the first, in time order).
    seq: int = 0
    #: True when the stamp had to be guessed (no am/pm, no zone …).
    approximate: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @cached_property
    def anchor(self) -> str:
        """Stable identity inside its document: the instant (UTC), plus seq when shared.
        Worked out once: the feeds, the page, the state and the evidence of events all
        ask for it (some eight times an update, 3 µs each)."""
        key = self.instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return key if self.seq == 0 else f"{key}-{self.seq}"


@dataclass(frozen=True)
class Deletion:
    """An editor's note that an entry was removed: kept so feeds can publish a tombstone."""

    instant: datetime
    note: str
    line: int

    @property
    def anchor(self) -> str:
        return self.instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of narrative text with the line it starts on (articles, intros)."""

    text: str
    line: int
    heading: bool = False


@dataclass(frozen=True)
class Document:
    """What a reader understood of one source file, before any interpretation of events."""

    path: str
    kind: str
    title: str
    zone: str
    slug: str
    intro: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    updates: tuple[Update, ...] = ()
    deletions: tuple[Deletion, ...] = ()
    notes: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    published: date | None = None
    url: str | None = None

    @property
    def latest(self) -> datetime | None:
        """The newest instant the document speaks with (its last update)."""
        if not self.updates:
            return None
        return max(u.instant for u in self.updates)


@dataclass(frozen=True)
class Place:
    """A place known to the gazetteer, or only named by the text (then without coordinates)."""

    name: str
    address: str | None = None
    lat: float | None = None
    lon: float | None = None
    zone: str | None = None
    kind: str = "venue"

    @property
    def has_geo(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Evidence:
    """A sentence an event came from, with when it was written and where to read it."""

    text: str
    source: str
    written: datetime | None = None
    anchor: str | None = None
    url: str | None = None
    #: Where it is read in its update (or article): so that an event's sentences of one
    #: update are listed as they were written. Not part of what the sentence is.
    order: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Event:
    """One happening of the itinerary, ready to be written as a VEVENT."""

    uid: str
    title: str
    start: datetime | date
    end: datetime | date | None
    status: Status
    place: Place | None = None
    category: str = "Event"
    approximate: bool = False
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)
