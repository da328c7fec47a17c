"""Clock labels and "X time" phrases → IANA zones, from the data table `data/zones.yaml`.

Newsrooms write "(Avalon time)", "All times JST", "14:05 BST" or "14:05 GMT+1"; the reader
needs one IANA name per document and, for labelled stamps, the label's own offset. A
"(local time)" blog takes its zone from the dateline place, which `place_resolver` looks up.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from typing import Any

import pytz

from exporter import regexes
from exporter.datafiles import load_data
from exporter.errors import ConfigError

#: "GMT+1", "UTC+05:30", "UTC−4": a label that is an offset, not a name.
OFFSET_LABEL = r"(?:UTC|GMT)\s?[+\-−]\s?(?:1[0-4]|0?\d)(?::?[0-5]\d)?"
_OFFSET = regexes.compile(
    r"^(?:UTC|GMT)\s?(?P<sign>[+\-−])\s?(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$", re.I
)


@cache
def _table() -> dict:
    return load_data("zones.yaml")


@cache
def labels() -> dict[str, str]:
    """Upper-case label → IANA zone."""
    return {str(k).upper(): v for k, v in _table()["labels"].items()}


@cache
def label_pattern() -> str:
    """Regex alternation of the labels (offsets first, then names longest first)."""
    names = sorted((re.escape(k) for k in labels() if len(k) > 1), key=len, reverse=True)
    return "|".join([OFFSET_LABEL, *names])


def zone_for_label(label: str) -> str | None:
    """The IANA zone a named label stands for; None for offsets ("GMT+1") and unknown labels."""
    return labels().get(label.strip().upper())


def fixed_offset(label: str) -> timedelta | None:
    """The offset a season-specific label stands for ("BST" is always +01:00), else None."""
    m = _OFFSET.match(label.strip())
    if m:
        minutes = int(m["h"]) * 60 + int(m["m"] or 0)
        return timedelta(minutes=-minutes if m["sign"] in "-−" else minutes)
    minutes = _table().get("fixed", {}).get(label.strip().upper())
    return None if minutes is None else timedelta(minutes=minutes)


def zone_for_offset(offset: timedelta) -> str | None:
    """An IANA zone that always has `offset` (whole hours only): a last resort for a page whose
    stamps carry offsets ("UTC+09:00") and say nothing else about their clock."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -12 <= hours <= 14:
        return None
    if hours == 0:
        return "UTC"
    # The Etc zones' signs are POSIX-style, the reverse of ISO 8601: UTC+09:00 is Etc/GMT-9.
    return f"Etc/GMT{-hours:+d}"


def zone_for_name(name: str) -> str | None:
    """'Avalon' (from "Avalon time") → its zone using the names table."""
    key = re.sub(r"\s+", " ", name.strip().lower())
    return _table().get("names", {}).get(key)


@cache
def _countries() -> dict[str, str]:
    """Lower-case English country name → its only zone (pytz's list, with parenthesised names
    such as "X (South)" also as "South X"); countries spanning several zones are left out."""
    out: dict[str, str] = {}
    for code, label in pytz.country_names.items():
        found = pytz.country_timezones.get(code, [])
        if len(found) != 1:
            continue
        names = {label.lower()}
        m = re.match(r"^(.+?) \((.+)\)$", label)
        if m:
            names.add(f"{m[2]} {m[1]}".lower())
        for name in names:
            out[name] = found[0]
    return out


def zone_for_place(name: str) -> str | None:
    """A dateline place ("PORT ROYAL, Freedonia") → zone from the names table or a one-zone country.

    The reader's own fallback when no gazetteer is wired in: the whole name, then each
    comma-separated part from the last (the country) to the first (the town).
    """
    parts = [p.strip(" .-–—") for p in name.split(",")]
    for part in [name, *reversed(parts)]:
        key = re.sub(r"\s+", " ", part.strip().lower())
        zone = zone_for_name(key) or _countries().get(key)
        if zone:
            return zone
    return None


def place_resolver(extra: Iterable[Mapping[str, Any]] = ()) -> Callable[[str], str | None]:
    """A dateline-place → zone function backed by the gazetteer, loaded only on first use.

    Most blogs declare their clock, so the gazetteer (tens of milliseconds to load) is only
    built for the few that say "(local time)" and leave it to the dateline.
    """
    places = tuple(extra)
    loaded: list[Callable[[str], str | None]] = []

    def resolve(name: str) -> str | None:
        if not loaded:
            from exporter.understand.places import Gazetteer

            loaded.append(Gazetteer.load(places).zone_for)
        return loaded[0](name) or zone_for_place(name)

    return resolve


def check_zone(name: str) -> str:
    """Return the IANA name when pytz knows it, else raise ConfigError naming it."""
    try:
        pytz.timezone(name)
    except (pytz.UnknownTimeZoneError, OSError):  # OSError: listed, but its file is missing
        raise ConfigError(
            f"unknown time zone {name!r}",
            hint="use an IANA name such as Asia/Tokyo or Europe/London",
        ) from None
    return name


def localize(zone: str, naive: datetime, *, first: bool = True) -> datetime:
    """Attach a zone the right way: pytz's localize, never tzinfo= (which gives local mean time).

    Ambiguous wall times (the repeated hour when clocks go back) resolve to the first
    occurrence unless `first` is False, and non-existent ones (the skipped hour) move
    forward, the way a person reading the blog would understand them.
    """
    steady = steady_local(zone, naive)
    return steady if steady is not None else _localize_near_a_change(zone, naive, first)


def _localize_near_a_change(zone: str, naive: datetime, first: bool) -> datetime:
    """`localize` by pytz alone, as every wall time was before a steady day's offset was
    taken at once (`steady_local`): what it must give on any day."""
    tz = pytz.timezone(zone)
    try:
        return tz.localize(naive, is_dst=None)
    except pytz.AmbiguousTimeError:
        return tz.localize(naive, is_dst=first)
    except pytz.NonExistentTimeError:
        return tz.normalize(tz.localize(naive, is_dst=False))


def steady_local(zone: str, naive: datetime) -> datetime | None:
    """`naive` in `zone` when its day has one offset throughout (every way of localizing
    agrees there), else None: near a change, the caller's own rule decides."""
    key = (zone, naive.date())
    steady = _steady.get(key, _UNKNOWN)
    if steady is _UNKNOWN:
        steady = _steady[key] = _steady_offset(zone, key[1])
    return None if steady is None else naive.replace(tzinfo=steady)  # type: ignore[arg-type]


#: (zone, day) → the one offset every wall time of that day has, or None near a change.
_steady: dict[tuple[str, date], object] = {}
_UNKNOWN = object()
#: No zone's clock is further than this from UTC: a change within it of a day may touch it.
_REACH = timedelta(days=2)


def _steady_offset(zone: str, day: date) -> tzinfo | None:
    """The zone's offset on `day` when its clocks do not change anywhere near it, else None.

    pytz's `localize` searches its transitions for every wall time (some 8 µs); a blog
    stamps hundreds of updates a day, and a day without a change has one answer for all
    of them: the one its noon gets. Where the zone changes within two days of it (or pytz
    does not show its transitions), every time is localized on its own.
    """
    tz = pytz.timezone(zone)
    changes = getattr(tz, "_utc_transition_times", ())
    noon = datetime.combine(day, time(12))
    if bisect_left(changes, noon - _REACH) != bisect_right(changes, noon + _REACH):
        return None
    return tz.localize(noon).tzinfo


def is_ambiguous(zone: str, naive: datetime) -> bool:
    """True when the wall time happens twice in `zone` (the hour repeated when clocks go
    back): never on a day with one offset throughout (`steady_local`), which a calendar
    asks of each of its events' times."""
    if steady_local(zone, naive) is not None:
        return False
    try:
        pytz.timezone(zone).localize(naive, is_dst=None)
    except pytz.AmbiguousTimeError:
        return True
    except pytz.NonExistentTimeError:
        return False
    return False


def as_written(moment: datetime) -> datetime:
    """`moment` as a calendar can write it: local time in its zone, or UTC where local
    time cannot say which instant it is.

    pytz arithmetic keeps the offset a moment started with ("15:00 EDT" + 10 hours is
    "01:00 EDT" the next day, even after clocks went back), so the moment is first put in
    its zone's own wall time. A wall time that comes twice (the hour repeated when clocks
    go back) is written in UTC: RFC 5545 (3.3.5) reads it as the first occurrence, but
    clients do not all agree (khal takes the second), and UTC leaves no doubt. A moment
    with an offset but no zone is written in UTC: a TZID must name a VTIMEZONE, and an
    offset ("UTC+09:00") is none.
    """
    zone = getattr(moment.tzinfo, "zone", None)
    if zone is None:
        return moment.astimezone(UTC)
    if zone == "UTC":
        return moment
    moment = pytz.timezone(zone).normalize(moment)
    if is_ambiguous(zone, moment.replace(tzinfo=None)):
        return moment.astimezone(UTC)
    return moment
