"""Clock labels and "X time" phrases → IANA zones, from the data table `data/zones.yaml`.

Newsrooms write "(Tokyo time)", "All times JST" or "14:05 BST"; the reader needs one
IANA name per document and, for labelled stamps, the label's own offset.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache
from importlib import resources

import pytz
import yaml

from exporter.errors import ConfigError


@cache
def _table() -> dict:
    text = resources.files("exporter").joinpath("data/zones.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def labels() -> dict[str, str]:
    """Upper-case label → IANA zone."""
    return {str(k).upper(): v for k, v in _table()["labels"].items()}


@cache
def label_pattern() -> str:
    """Regex alternation of the labels, longest first, for stamp parsing."""
    return "|".join(sorted((re.escape(k) for k in labels() if len(k) > 1), key=len, reverse=True))


def zone_for_label(label: str) -> str | None:
    return labels().get(label.strip().upper())


def fixed_offset(label: str) -> timedelta | None:
    """The offset a season-specific label stands for ("BST" is always +01:00), else None."""
    minutes = _table().get("fixed", {}).get(label.strip().upper())
    return None if minutes is None else timedelta(minutes=minutes)


def zone_for_name(name: str) -> str | None:
    """'Tokyo' (from "Tokyo time") → 'Asia/Tokyo' using the names table."""
    key = re.sub(r"\s+", " ", name.strip().lower())
    return _table().get("names", {}).get(key)


def check_zone(name: str) -> str:
    """Return the IANA name when pytz knows it, else raise ConfigError naming it."""
    try:
        pytz.timezone(name)
    except pytz.UnknownTimeZoneError:
        raise ConfigError(
            f"unknown time zone {name!r}",
            hint="use an IANA name such as Asia/Tokyo or Europe/London",
        ) from None
    return name


def localize(zone: str, naive: datetime) -> datetime:
    """Attach a zone the right way: pytz's localize, never tzinfo= (which gives local mean time).

    Ambiguous wall times (the repeated hour when clocks go back) resolve to the first
    occurrence, and non-existent ones (the skipped hour) move forward, the way a person
    reading the blog would understand them.
    """
    tz = pytz.timezone(zone)
    try:
        return tz.localize(naive, is_dst=None)
    except pytz.AmbiguousTimeError:
        return tz.localize(naive, is_dst=True)
    except pytz.NonExistentTimeError:
        return tz.normalize(tz.localize(naive, is_dst=False))
