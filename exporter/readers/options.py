"""What a reader may be told about a source beyond its bytes (from config or CLI flags)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ReadOptions:
    """Per-source facts a person can supply when the text does not say them."""

    slug: str
    zone: str | None = None
    year: int | None = None
    date: date | None = None
    title: str | None = None
    url: str | None = None
    kind: str | None = None
    #: The reader's today, only to choose among years a weekday allows (never written out).
    today: date | None = None
    #: Resolves a dateline place ("Port Royal, Freedonia") to an IANA zone (the gazetteer).
    zone_of_place: Callable[[str], str | None] | None = None
