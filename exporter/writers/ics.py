"""The itinerary as an iCalendar file (RFC 5545 + RFC 7986), made with icalendar.

icalendar types and writes every value (TEXT escaped by `Text`), orders the properties
and makes the VTIMEZONEs; this module supplies every value that must not come from the
clock (DTSTAMP, LAST-MODIFIED from the sources), and the properties clients look for:
Apple's structured location, RFC 7986's calendar name and refresh interval (with the
VALUE=DURATION icalendar leaves out).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import partial
from itertools import pairwise
from typing import Any, BinaryIO

import icalendar
from icalendar.caselessdict import canonsort_keys
from icalendar.parser_tools import to_unicode
from icalendar.timezone import tzp

from exporter import __version__, parallel, zones
from exporter.model import Event, Status
from exporter.writers.folding import content_bytes

PRODID = f"-//exporter//exporter {__version__.split('.')[0]}//EN"

_STATUS = {
    Status.HAPPENED: "CONFIRMED",
    Status.PLANNED: "TENTATIVE",
    Status.APPROXIMATE: "TENTATIVE",
    Status.CANCELLED: "CANCELLED",
}


class Text(icalendar.vText):
    """A TEXT value escaped as RFC 5545 (3.3.11) says: backslash, semicolon, comma and line
    breaks, each character for itself.

    icalendar's vText first takes a backslash before "N" for a line break (its way of
    letting a Python string ask for one), so a headline quoting a path or a code, "C:\\News",
    would reach calendars as "C:" and "ews" on two lines.
    """

    __slots__ = ()

    def to_ical(self) -> bytes:
        escaped = (
            self.replace("\\", "\\\\")
            .replace(";", "\\;")
            .replace(",", "\\,")
            .replace("\r\n", "\\n")
            .replace("\n", "\\n")
            .replace("\r", "\\n")
        )
        return escaped.encode(self.encoding)


@dataclass(frozen=True)
class CalendarMeta:
    """Calendar-wide properties, from the config and the sources."""

    name: str
    description: str
    stamp: datetime
    refresh: timedelta = timedelta(hours=1)
    url: str | None = None
    source: str | None = None
    zone: str | None = None


@dataclass(frozen=True)
class Revision:
    """How many times an event changed since first published, and when it last did."""

    sequence: int = 0
    modified: datetime | None = None


@dataclass(frozen=True)
class CalendarBuild:
    meta: CalendarMeta
    revisions: dict[str, Revision] = field(default_factory=dict)


def _duration_text(delta: timedelta) -> str:
    """RFC 5545 DURATION text for a whole number of seconds."""
    return icalendar.vDuration(delta).to_ical().decode()


def describe_event(event: Event) -> str:
    """DESCRIPTION: what is known, then each source sentence with when it was written."""
    status_word = {
        Status.HAPPENED: "Happened.",
        Status.PLANNED: "Planned: reported ahead of time.",
        Status.APPROXIMATE: "Happened; the time is estimated from the reports.",
        Status.CANCELLED: "Cancelled.",
    }[event.status]
    lines = [status_word]
    if event.approximate and event.status != Status.APPROXIMATE:
        lines.append("The end time is estimated.")
    if event.evidence:
        lines.append("")
        lines.append("Sources:")
    for ev in event.evidence:
        when = ev.written.strftime("%a %b %d, %H:%M") if ev.written else ""
        head = f"[{when}] " if when else ""
        lines.append(f"• {head}{ev.text}")
        if ev.url:
            lines.append(f"  {ev.url}")
    return "\n".join(lines)


def _structured_location(event: Event, title: str) -> icalendar.vUri | None:
    """X-APPLE-STRUCTURED-LOCATION: Apple Calendar's map pin; X-TITLE must equal LOCATION.

    Parameter values have no escapes (RFC 5545, 3.2), yet readers such as icalendar take
    "\\," in one for an escaped comma: a name with a backslash gets no pin (LOCATION and
    GEO still carry it) rather than a title that reads back otherwise.
    """
    place = event.place
    assert place is not None and place.lat is not None and place.lon is not None
    if "\\" in title:
        return None
    prop = icalendar.vUri(f"geo:{place.lat:.6f},{place.lon:.6f}")
    params = {"VALUE": "URI", "X-APPLE-RADIUS": "70", "X-TITLE": title}
    if place.address:
        params["X-ADDRESS"] = place.address
    prop.params.update(params)
    return prop


def _location_text(event: Event) -> str:
    place = event.place
    assert place is not None
    if place.address and place.address not in place.name:
        return f"{place.name}, {place.address}"
    return place.name


def _when(
    start: datetime | date, end: datetime | date | None
) -> tuple[datetime | date, datetime | date | None]:
    """DTSTART and DTEND as written: days as they are, moments in local time where it says
    which instant they are, and both in UTC when either is (khal refuses an event that
    mixes the two forms, and recurring-ical-events misplaces it)."""
    if not isinstance(start, datetime):
        return start, end
    start = zones.as_written(start)
    if isinstance(end, datetime):
        end = zones.as_written(end)
        if (start.tzinfo is UTC) != (end.tzinfo is UTC):
            return start.astimezone(UTC), end.astimezone(UTC)
    return start, end


def _content_line(name: str, value: Any) -> str:
    """One property as its content line, unfolded: the text of `Contentline.from_parts`
    (same parameter order, same `to_unicode`) from the value's own `to_ical`. A TZID=UTC
    parameter, which icalendar leaves out, is left out."""
    text = to_unicode(value.to_ical())
    params = getattr(value, "params", None)
    if params:
        written = to_unicode(params.to_ical(sorted=True))
        if written:
            return f"{name};{written}:{text}"
    return f"{name}:{text}"


@dataclass(frozen=True)
class _Shared:
    """Values every event of one calendar carries, typed and written once: icalendar's
    `add` would infer and build each of them again for every event, and `to_ical` write
    each again."""

    stamp: icalendar.vDDDTypes
    status: dict[Status, icalendar.vText]
    transparent: icalendar.vText
    public: icalendar.vText
    #: The content line of each value above, by the value's id (they live as long as this).
    written: dict[int, str]

    @classmethod
    def of(cls, meta: CalendarMeta) -> _Shared:
        stamp = icalendar.vDDDTypes(meta.stamp.astimezone(UTC))
        status = {status: icalendar.vText(word) for status, word in _STATUS.items()}
        transparent, public = icalendar.vText("TRANSPARENT"), icalendar.vText("PUBLIC")
        named = [("DTSTAMP", stamp), ("TRANSP", transparent), ("CLASS", public)]
        named += [("STATUS", value) for value in status.values()]
        written = {id(value): _content_line(name, value) for name, value in named}
        return cls(stamp, status, transparent, public, written)


def _properties(event: Event, build: CalendarBuild, shared: _Shared) -> dict[str, Any]:
    """One VEVENT's properties, name → icalendar value (each property once)."""
    meta = build.meta
    revision = build.revisions.get(event.uid, Revision())
    text, moment = Text, _moment
    props: dict[str, Any] = {"UID": text(event.uid), "DTSTAMP": shared.stamp}
    start, end = _when(event.start, event.end)
    props["DTSTART"] = moment(start)
    if end is not None:
        props["DTEND"] = moment(end)
    elif isinstance(event.start, date) and not isinstance(event.start, datetime):
        props["DTEND"] = moment(event.start + timedelta(days=1))
    props["SUMMARY"] = text(event.title)
    if event.place is not None:
        location = _location_text(event)
        props["LOCATION"] = text(location)
        if event.place.has_geo:
            props["GEO"] = icalendar.vGeo((round(event.place.lat, 6), round(event.place.lon, 6)))
            pin = _structured_location(event, location)
            if pin is not None:
                props["X-APPLE-STRUCTURED-LOCATION"] = pin
    props["DESCRIPTION"] = text(describe_event(event))
    url = next((e.url for e in event.evidence if e.url), None) or meta.url
    if url:
        props["URL"] = icalendar.vUri(url)
    props["STATUS"] = shared.status[event.status]
    props["CATEGORIES"] = icalendar.vCategory([event.category])
    props["TRANSP"] = shared.transparent
    props["CLASS"] = shared.public
    props["SEQUENCE"] = icalendar.vInt(revision.sequence)
    first = _first_known(event)
    props["LAST-MODIFIED"] = moment((revision.modified or first or meta.stamp).astimezone(UTC))
    props["CREATED"] = moment((first or meta.stamp).astimezone(UTC))
    return props


def _moment(value: datetime | date) -> icalendar.vDatetime | icalendar.vDDDTypes:
    """A date-time as icalendar's vDatetime; a day as vDDDTypes (which adds VALUE=DATE).
    The same line as vDDDTypes for both: its `to_ical` builds a vDatetime on every call,
    looking up the zone's TZID again."""
    if isinstance(value, datetime):
        return icalendar.vDatetime(value)
    return icalendar.vDDDTypes(value)


def _vevent_lines(props: dict[str, Any], shared: _Shared) -> list[str]:
    """A VEVENT's content lines, its properties in the order icalendar writes them
    (`Event.canonical_order`, then by name): what `Event.content_lines()` gives for the
    same values, without building the component (a case-insensitive dict, a parameter
    object per property, a list of `Contentline`s), about half of what writing an event
    cost. The tests compare the two on generated events."""
    written = shared.written
    lines = ["BEGIN:VEVENT"]
    for name in canonsort_keys(props, icalendar.Event.canonical_order):
        value = props[name]
        lines.append(written.get(id(value)) or _content_line(name, value))
    lines.append("END:VEVENT")
    return lines


def _first_known(event: Event) -> datetime | None:
    written = [e.written for e in event.evidence if e.written]
    return min(written) if written else None


def calendar_bytes(events: list[Event], build: CalendarBuild, workers: int = 0) -> bytes:
    """`calendar_chunks` joined: the calendar file's octets."""
    return b"".join(calendar_chunks(events, build, workers))


def calendar_chunks(events: list[Event], build: CalendarBuild, workers: int = 0) -> Iterator[bytes]:
    """The whole calendar, events in start order, VTIMEZONE for every zone used, as the
    octets of its head, of each event and of its end: never copied into one object, as a
    calendar of tens of thousands of events would be two or three times over.

    Each event's values are icalendar's types, written out at once as its content lines
    (`_vevent_lines`, the lines icalendar's Event would write for them), so a calendar
    of tens of thousands of events never holds them all as objects; lines are folded by
    `folding.fold` (same octets, a fraction of the time). VTIMEZONEs come in zone-name
    order so the bytes never depend on set order.
    With `workers`, the events are cut into as many even runs, each written in its own
    process (`parallel.map_pieces`), and their octets put back in order. Each run's
    octets then go to a file of its own (`parallel.spool`), read back as the calendar is
    written out: a worker's share of a big calendar is tens of MB, and sent back pickled
    it was held three times over (the worker's, the pipe's, this process's) at the
    moment the build held the most.
    """
    meta = build.meta
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for name, value in (
        ("name", meta.name),
        ("x-wr-calname", meta.name),
        ("description", meta.description),
        ("x-wr-caldesc", meta.description),
    ):
        cal.add(name, Text(value), encode=False)
    if meta.zone:
        cal.add("x-wr-timezone", meta.zone)
    refresh = icalendar.vDuration(meta.refresh)
    refresh.params["VALUE"] = "DURATION"
    cal.add("refresh-interval", refresh, encode=False)
    cal.add("x-published-ttl", _duration_text(meta.refresh))
    if meta.url:
        cal.add("url", meta.url)
    if meta.source:
        source = icalendar.vUri(meta.source)
        source.params["VALUE"] = "URI"
        cal.add("source", source, encode=False)
    cal.add("last-modified", meta.stamp.astimezone(UTC))
    ordered = sorted(events, key=_order)
    runs = list(pairwise([0, *parallel.even_cuts(len(ordered), workers), len(ordered)]))
    spools = [parallel.spool() for _ in runs] if workers >= 2 else None
    write = partial(_vevents, ordered=ordered, build=build, shared=_Shared.of(meta), spools=spools)
    made = parallel.map_pieces(
        write, list(enumerate(runs)), workers, lambda item: item[1][1] - item[1][0]
    )
    years: _Years = {}  # TZID → first and last year written in it
    for _, run_years in made:
        for tzid, (first, last) in run_years.items():
            _widen(years, tzid, first, last)
    for tzid, (first, last) in sorted(years.items()):
        zone = vtimezone(tzid, first, last)
        if zone is not None:  # a zone icalendar cannot describe: clients fall back to the TZID
            cal.add_component(zone)
    head = cal.content_lines()
    end = head.index("END:VCALENDAR")
    yield content_bytes(head[:end])
    if spools is None:
        yield from (text for written, _ in made for text in written)
    else:
        for spool in spools:
            with spool:
                spool.seek(0)
                yield from iter(partial(spool.read, 1 << 16), b"")
    yield content_bytes(head[end:])


_Years = dict[str, tuple[int, int]]


def _vevents(
    item: tuple[int, tuple[int, int]],
    ordered: list[Event],
    build: CalendarBuild,
    shared: _Shared,
    spools: list[BinaryIO] | None,
) -> tuple[list[bytes], _Years]:
    """Run `n` of the events, `start:stop` of `ordered`, as VEVENT octets, each made as
    soon as the event is built, and the first and last year written in each zone. The
    octets are returned, or written to `spools[n]` (from its start: a run a worker left
    unfinished is written again here)."""
    n, (start, stop) = item
    written: list[bytes] = []
    emit = written.append
    if spools is not None:
        spool = spools[n]
        spool.seek(0)
        spool.truncate()
        emit = spool.write  # type: ignore[assignment]
    years: _Years = {}
    for event in ordered[start:stop]:
        props = _properties(event, build, shared)
        for name in ("DTSTART", "DTEND"):
            moment = props.get(name)
            tzid = moment.params.get("TZID") if moment is not None else None
            if tzid and tzid != "UTC":
                year = moment.dt.year
                _widen(years, tzid, year, year)
        emit(content_bytes(_vevent_lines(props, shared)))
    if spools is not None:
        spool.flush()  # a worker leaves with os._exit, which flushes nothing
    return written, years


def _widen(years: _Years, tzid: str, first: int, last: int) -> None:
    was = years.get(tzid, (first, last))
    years[tzid] = (min(was[0], first), max(was[1], last))


def vtimezone(tzid: str, first: int, last: int) -> icalendar.Timezone | None:
    """icalendar's VTIMEZONE for the years `first` to `last` (not 1970-2038: vobject
    misreads the longer description), or None for a zone it cannot describe.

    The same component as `Timezone.from_tzid(tzid, first_date, last_date)`, made without
    its walk to year 9999: after each change of offset it steps forward until the next
    one, so a zone that no longer changes (most of Asia and Africa) is stepped through
    eight thousand years, about 45,000 lookups and 9 ms. Given `_Until`, the steps stop at
    the last date; the transitions before it, all the component holds, are the same.
    """
    zone = tzp.timezone(tzid)
    if zone is None:
        return None
    first_date, last_date = date(first, 1, 1), date(last + 1, 1, 1)
    try:
        return icalendar.Timezone.from_tzinfo(
            _Until(zone, datetime(last + 1, 1, 1)), tzid, first_date, last_date
        )
    except ValueError:
        return None


class _Until(tzinfo):
    """`zone` until a wall-clock time; past it, offsets overflow, as the end of time does
    (which `Timezone.from_tzinfo` takes as the end of its search)."""

    def __init__(self, zone: tzinfo, end: datetime) -> None:
        self._zone = zone
        self._end = end

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is not None and dt.replace(tzinfo=None) >= self._end:
            raise OverflowError("past the last date the calendar describes")
        return self._zone.utcoffset(dt)

    def dst(self, dt: datetime | None) -> timedelta | None:
        return self._zone.dst(dt)

    def tzname(self, dt: datetime | None) -> str | None:
        return self._zone.tzname(dt)


def _order(event: Event) -> tuple[str, str]:
    start = event.start
    key = start.astimezone(UTC).isoformat() if isinstance(start, datetime) else start.isoformat()
    return key, event.uid
