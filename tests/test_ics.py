"""The calendar file: RFC 5545/7986 properties, round trips, and changes between builds."""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import pytz
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline

from exporter import config as cfg
from exporter import parallel
from exporter.build import build
from exporter.model import Event, Evidence, Place, Status
from exporter.writers import ics
from exporter.writers.folding import content_bytes, fold
from exporter.writers.ics import CalendarBuild, CalendarMeta, calendar_bytes
from tests.paths import LIVEBLOG, ROOT, TODAY

TOKYO = pytz.timezone("Asia/Tokyo")
NEW_YORK = pytz.timezone("America/New_York")
SECOND_0130 = NEW_YORK.localize(datetime(2025, 11, 2, 1, 30), is_dst=False)
FIRST_0130 = NEW_YORK.localize(datetime(2025, 11, 2, 1, 30), is_dst=True)
EVENING = NEW_YORK.localize(datetime(2025, 11, 1, 23, 30))
META = CalendarMeta(
    name="Test",
    description="Desc",
    stamp=TOKYO.localize(datetime(2025, 10, 29, 9, 50)),
    url="http://h/itinerary.ics",
    source="http://h/itinerary.ics",
    zone="Asia/Tokyo",
)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_sample_calendar_properties() -> None:
    data = (ROOT / "out" / "itinerary.ics").read_bytes()
    text = data.decode()
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    for needle in (
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
        "X-WR-TIMEZONE:Asia/Tokyo",
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Tokyo",
    ):
        assert needle in text
    cal = parse(data)
    assert cal["NAME"] == cal["X-WR-CALNAME"]
    events = cal.walk("VEVENT")
    assert len(events) == 12
    for ev in events:
        assert ev["TRANSP"] == "TRANSPARENT"
        assert ev["STATUS"] in ("CONFIRMED", "TENTATIVE", "CANCELLED")
        assert ev["DTSTAMP"].dt == datetime(2025, 10, 29, 0, 50, tzinfo=UTC)
        assert "SEQUENCE" in ev and "LAST-MODIFIED" in ev and "CATEGORIES" in ev
        if "GEO" in ev:
            apple = ev["X-APPLE-STRUCTURED-LOCATION"]
            assert apple.params["X-TITLE"] == str(ev["LOCATION"])
    audience = next(e for e in events if e["SUMMARY"] == "Audience with Emperor Naruhito")
    assert audience["DTSTART"].to_ical() == b"20251027T180500"
    assert audience["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert audience["DTSTART"].dt.utcoffset() == timedelta(hours=9)
    assert "[Mon Oct 27, 18:40] Trump meets Emperor Naruhito." in str(audience["DESCRIPTION"])


def _saying(text: str) -> Event:
    """An hour-long event titled `text`, its one source sentence `text` too."""
    return Event(
        uid="u@x",
        title=text,
        start=TOKYO.localize(datetime(2025, 1, 1, 10)),
        end=TOKYO.localize(datetime(2025, 1, 1, 11)),
        status=Status.HAPPENED,
        evidence=(Evidence(text=text, source="s"),),
    )


def test_text_is_escaped_so_nothing_can_be_smuggled() -> None:
    evil = "Talks; with, commas\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected"
    cal = parse(calendar_bytes([_saying(evil)], CalendarBuild(META)))
    events = cal.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == evil.replace("\r\n", "\n")


@pytest.mark.parametrize("title", ["C:\\News\\2025", "a \\N b", "\\n", "ends in \\"])
def test_a_backslash_is_written_as_itself(title: str) -> None:
    """Never a line break: icalendar's own vText takes a backslash before "N" for one."""
    (got,) = parse(calendar_bytes([_saying(title)], CalendarBuild(META))).walk("VEVENT")
    assert str(got["SUMMARY"]) == title
    assert str(got["DESCRIPTION"]).endswith(f"• {title}")


def test_the_calendars_name_and_description_are_escaped_text() -> None:
    """RFC 7986 NAME and the X-WR- names are TEXT too, though icalendar writes them as
    unknown values, as they come: a comma, a semicolon or a line break would go out bare."""
    meta = replace(META, name="Visit, day 2; live\nBEGIN:VEVENT", description="Tokyo, Osaka")
    data = calendar_bytes([], CalendarBuild(meta))
    lines = data.decode().replace("\r\n ", "").split("\r\n")
    for name in ("NAME", "X-WR-CALNAME"):
        assert f"{name}:Visit\\, day 2\\; live\\nBEGIN:VEVENT" in lines
    for name in ("DESCRIPTION", "X-WR-CALDESC"):
        assert f"{name}:Tokyo\\, Osaka" in lines
    assert "BEGIN:VEVENT" not in lines


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    str.strip
)


@st.composite
def events_strategy(draw, addresses: bool = False):
    n = draw(st.integers(1, 6))
    out = []
    for i in range(n):
        all_day = draw(st.booleans())
        day = date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 400)))
        if all_day:
            start, end = day, day + timedelta(days=draw(st.integers(1, 3)))
        else:
            zone = pytz.timezone(
                draw(st.sampled_from(["Asia/Tokyo", "Europe/London", "America/New_York"]))
            )
            start = zone.localize(
                datetime.combine(day, datetime.min.time())
                + timedelta(minutes=draw(st.integers(0, 1439)))
            )
            end = start + timedelta(minutes=draw(st.integers(1, 600)))
        place = draw(
            st.none()
            | st.builds(
                Place,
                name=_text,
                address=(st.none() | _text) if addresses else st.none(),
                lat=st.floats(-80, 80),
                lon=st.floats(-179, 179),
            )
        )
        out.append(
            Event(
                uid=f"e{i}@x",
                title=draw(_text),
                start=start,
                end=end,
                status=draw(st.sampled_from(list(Status))),
                place=place,
                evidence=(Evidence(text=draw(_text), source="s"),),
            )
        )
    return out


def _instant(value: datetime | date) -> datetime | date:
    """What a DTSTART means: a day, or an instant (the zone it is written in aside)."""
    return value.astimezone(UTC) if isinstance(value, datetime) else value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events_strategy())
def test_round_trip_events_to_ics_and_back(events) -> None:
    data = calendar_bytes(events, CalendarBuild(META))
    assert data == calendar_bytes(events, CalendarBuild(META))  # deterministic
    parsed = {str(e["UID"]): e for e in parse(data).walk("VEVENT")}
    assert set(parsed) == {e.uid for e in events}
    for event in events:
        got = parsed[event.uid]
        assert str(got["SUMMARY"]) == event.title
        assert _instant(got["DTSTART"].dt) == _instant(event.start)
        assert _instant(got["DTEND"].dt) == _instant(event.end)
        if event.place:
            assert str(got["LOCATION"]) == event.place.name
            assert abs(got["GEO"].latitude - event.place.lat) < 1e-5


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        st.sampled_from("\\\\\\^^é€😀 a") | st.characters(blacklist_categories=("Cs",)),
        min_size=60,
        max_size=300,
    ).map(lambda s: s.replace("\n", " ").replace("\r", " "))
)
def test_fold_is_icalendars_fold_byte_for_byte(text: str) -> None:
    """Same octets as icalendar's own Contentline.to_ical, escapes and multibyte included."""
    line = "DESCRIPTION:" + text
    assert fold(line) == Contentline(line).to_ical()


def test_fold_never_splits_an_escape_or_a_character() -> None:
    line = "SUMMARY:" + "x" * 65 + "\\,é" + "y" * 80
    folded = fold(line)
    physical = folded.split(b"\r\n")
    assert all(len(p) <= 75 for p in physical)
    assert physical[0].endswith(b"x") and physical[1].startswith(b" \\")
    assert folded.decode("utf-8").replace("\r\n ", "") == line


def _instant(value: datetime | date) -> datetime | date:
    """What a DTSTART means: a day, or an instant (the zone it is written in aside)."""
    return value.astimezone(UTC) if isinstance(value, datetime) else value


_BACKSLASH_PLACE = Event(
    uid="pin@x",
    title="0",
    start=date(2025, 1, 1),
    end=date(2025, 1, 2),
    status=Status.HAPPENED,
    place=Place(name="\\,", lat=0.0, lon=0.0),  # no escapes in a parameter value
    evidence=(Evidence(text="0", source="s"),),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events_strategy())
@example([_BACKSLASH_PLACE])
def test_streamed_calendar_is_what_icalendar_itself_writes(events) -> None:
    """Events written one by one equal icalendar serialising the whole parsed calendar,
    except where its vText would turn a backslash before "N" into a line break."""
    data = calendar_bytes(events, CalendarBuild(META))
    assume(b"\\\\N" not in data)  # an escaped backslash, then N
    assert icalendar.Calendar.from_ical(data).to_ical() == data
    zones = [str(tz["TZID"]) for tz in parse(data).walk("VTIMEZONE")]
    assert zones == sorted(zones)  # never in set order: same bytes on every run


_BOM_TITLE = Event(
    uid="bom@x",
    title="\ufeffTalks",  # to_unicode reads values as utf-8-sig: the mark goes
    start=TOKYO.localize(datetime(2025, 1, 1, 10)),
    end=TOKYO.localize(datetime(2025, 1, 1, 11)),
    status=Status.PLANNED,
    place=Place(name="Hall", address="1 Main St", lat=1.0, lon=2.0),
    evidence=(Evidence(text="Talks.", source="s", url="http://h/#a"),),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events_strategy(addresses=True))
@example([_BOM_TITLE])
def test_event_lines_are_icalendars_own_lines(events) -> None:
    """The writer's quick VEVENT is what icalendar writes for an Event holding the same
    values: same properties in the same order, same lines, same octets once folded."""
    shared = ics._Shared.of(META)
    for event in events:
        props = ics._properties(event, CalendarBuild(META), shared)
        assert len(props) > 10
        reference = icalendar.Event()
        for name, value in props.items():
            reference.add(name, value, encode=False)
        quick = ics._vevent_lines(props, shared)
        assert quick == [line for line in reference.content_lines() if line]
        assert content_bytes(quick) == reference.to_ical()


def test_a_date_time_is_written_as_vdddtypes_writes_it() -> None:
    for value in (
        TOKYO.localize(datetime(2025, 10, 29, 9, 50)),
        datetime(2025, 10, 29, 0, 50, tzinfo=UTC),
        date(2025, 10, 29),
    ):
        expected = icalendar.Event.content_line(None, "DTSTART", icalendar.vDDDTypes(value))
        assert ics._content_line("DTSTART", ics._moment(value)) == expected


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events_strategy(addresses=True), st.integers(2, 4))
def test_a_calendar_written_by_several_processes_is_the_same_bytes(events, workers) -> None:
    alone = calendar_bytes(events, CalendarBuild(META))
    assert calendar_bytes(events, CalendarBuild(META), workers) == alone


def _hours(n: int) -> list[Event]:
    """`n` events an hour apart, each with its own id."""
    first = TOKYO.localize(datetime(2025, 1, 1, 10))
    return [
        replace(_saying(f"Talks, round {i}"), uid=f"{i}@x", start=first + timedelta(hours=i))
        for i in range(n)
    ]


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux")
def test_a_workers_octets_come_back_through_a_file_not_a_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers: list[object] = []
    real = parallel._received

    def spy(src):  # type: ignore[no-untyped-def]
        answers.append(real(src))
        return answers[-1]

    monkeypatch.setattr(parallel, "_received", spy)
    events = _hours(40)
    made = calendar_bytes(events, CalendarBuild(META), 2)
    assert made == calendar_bytes(events, CalendarBuild(META))
    assert made.count(b"BEGIN:VEVENT") == 40
    (answer,) = answers
    assert answer == (True, [(1, ([], {"Asia/Tokyo": (2025, 2025)}))])  # years, no octets


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux")
def test_a_run_a_worker_left_half_written_is_written_again_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os
    import tempfile

    parent, lines = os.getpid(), ics._vevent_lines
    made: list[int] = []

    def dies_halfway(props: dict, shared: object) -> list[str]:
        made.append(1)
        if os.getpid() != parent and len(made) == 5:
            os._exit(9)  # as the out-of-memory killer would: four events written, no answer
        return lines(props, shared)  # type: ignore[arg-type]

    events = _hours(40)
    alone = calendar_bytes(events, CalendarBuild(META))
    monkeypatch.setattr(parallel, "spool", lambda: tempfile.TemporaryFile(buffering=0))  # noqa: SIM115
    monkeypatch.setattr(ics, "_vevent_lines", dies_halfway)
    assert calendar_bytes(events, CalendarBuild(META), 2) == alone


def test_a_utc_zone_parameter_is_left_out_as_icalendar_leaves_it_out() -> None:
    value = icalendar.vDDDTypes(datetime(2025, 1, 1, tzinfo=UTC))
    value.params["TZID"] = "UTC"
    line = ics._content_line("DTSTART", value)
    assert line == icalendar.Event.content_line(None, "DTSTART", value)
    assert line == "DTSTART:20250101T000000Z"


def _build(tmp_path: Path, text: str) -> icalendar.Calendar:
    source = tmp_path / "blog.txt"
    source.write_text(text, "utf-8")
    base = cfg.load(ROOT / "exporter.yaml")
    from dataclasses import replace

    sources = (replace(base.sources[0], path=str(source)),)
    build(
        base.with_overrides(sources=sources, out=str(tmp_path / "out"), root=Path("/")), today=TODAY
    )
    return parse((tmp_path / "out" / "itinerary.ics").read_bytes())


def _by_title(cal) -> dict:
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_changed_event_keeps_uid_and_bumps_sequence(tmp_path: Path) -> None:
    text = LIVEBLOG.read_text("utf-8")
    first = _by_title(_build(tmp_path, text))
    again = _by_title(_build(tmp_path, text))
    assert {t: (e["UID"], e["SEQUENCE"], e["LAST-MODIFIED"].dt) for t, e in first.items()} == {
        t: (e["UID"], e["SEQUENCE"], e["LAST-MODIFIED"].dt) for t, e in again.items()
    }
    moved = _by_title(
        _build(tmp_path, text.replace("6:05 p.m. Trump arrives", "6:10 p.m. Trump arrives"))
    )
    old, new = first["Audience with Emperor Naruhito"], moved["Audience with Emperor Naruhito"]
    assert new["UID"] == old["UID"]
    assert new["DTSTART"].dt == TOKYO.localize(datetime(2025, 10, 27, 18, 10))
    assert (old["SEQUENCE"], new["SEQUENCE"]) == (0, 1)
    assert new["LAST-MODIFIED"].dt == datetime(2025, 10, 29, 0, 50, tzinfo=UTC)
    unchanged = first["Arrival at Haneda Airport"], moved["Arrival at Haneda Airport"]
    assert unchanged[0]["SEQUENCE"] == unchanged[1]["SEQUENCE"] == 0


def test_vanished_event_is_published_cancelled(tmp_path: Path) -> None:
    text = LIVEBLOG.read_text("utf-8")
    first = _by_title(_build(tmp_path, text))
    cut = "\n".join(
        line
        for line in text.split("\n")
        if "business leaders" not in line and "Ambassador's Residence" not in line
    )
    after = _by_title(_build(tmp_path, cut))
    dinner = after["Dinner with Japanese and American business leaders"]
    assert dinner["STATUS"] == "CANCELLED"
    assert dinner["UID"] == first["Dinner with Japanese and American business leaders"]["UID"]
    assert dinner["SEQUENCE"] == 1
    # at the very time and in the very zone it had, whose VTIMEZONE the calendar holds
    was = first["Dinner with Japanese and American business leaders"]
    for name in ("DTSTART", "DTEND"):
        assert dinner[name].dt == was[name].dt
        assert dinner[name].params["TZID"] == was[name].params["TZID"] == "Asia/Tokyo"
    raw = (tmp_path / "out" / "itinerary.ics").read_bytes()
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n" in raw


def test_failed_source_keeps_previous_calendar(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(ROOT / "out", out)
    before = (out / "itinerary.ics").read_bytes()
    base = cfg.load(ROOT / "exporter.yaml")
    from dataclasses import replace

    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00garbage")
    sources = (base.sources[0], replace(base.sources[1], path=str(broken)))
    result = build(base.with_overrides(sources=sources, out=str(out)), today=TODAY)
    assert result.failures
    assert result.kept == ("itinerary.ics", "index.html")
    assert (out / "itinerary.ics").read_bytes() == before


@pytest.mark.parametrize(
    ("start", "minutes", "dtstart", "dtend"),
    [
        # the repeated hour, second time: local 01:30 would mean the first (EDT) one
        (SECOND_0130, 30, "DTSTART:20251102T063000Z", "DTEND:20251102T070000Z"),
        # the repeated hour, first time: clients disagree on local 01:30, UTC is plain
        (FIRST_0130, 30, "DTSTART:20251102T053000Z", "DTEND:20251102T060000Z"),
        # pytz arithmetic across the change: 23:30 EDT + 4 h is 02:30 EST, not 03:30
        (
            EVENING,
            240,
            "DTSTART;TZID=America/New_York:20251101T233000",
            "DTEND;TZID=America/New_York:20251102T023000",
        ),
        # an hour earlier it ends at 01:30 EST, in the repeated hour: both ends in UTC
        (EVENING, 180, "DTSTART:20251102T033000Z", "DTEND:20251102T063000Z"),
    ],
)
def test_moments_local_time_cannot_tell_apart_are_written_in_utc(
    start: datetime, minutes: int, dtstart: str, dtend: str
) -> None:
    end = start + timedelta(minutes=minutes)
    event = Event(
        uid="fold@x",
        title="Late talks",
        start=start,
        end=end,
        status=Status.PLANNED,
        evidence=(Evidence(text="Talks run late.", source="s"),),
    )
    data = calendar_bytes([event], CalendarBuild(META))
    lines = data.decode().splitlines()
    assert dtstart in lines and dtend in lines
    got = parse(data).walk("VEVENT")[0]
    assert _instant(got["DTSTART"].dt) == _instant(start)
    assert _instant(got["DTEND"].dt) == _instant(end)


def test_a_zone_is_described_for_the_years_its_times_are_written_in() -> None:
    events = [
        Event(
            uid=f"y{year}@x",
            title="Talks",
            start=NEW_YORK.localize(datetime(year, 6, 1, 10, 0)),
            end=NEW_YORK.localize(datetime(year, 6, 1, 11, 0)),
            status=Status.HAPPENED,
            evidence=(Evidence(text="Talks.", source="s"),),
        )
        for year in (2024, 2025)
    ]
    data = calendar_bytes(events, CalendarBuild(META)).decode()
    block = data[data.index("BEGIN:VTIMEZONE") : data.index("END:VTIMEZONE")]
    assert "TZID:America/New_York" in block
    onsets = re.findall(r"(?:DTSTART|RDATE):(\d{4})", block)  # every observance's start
    assert sorted(set(onsets)) == ["2024", "2025"]  # not 1970 to 2037
    assert "RDATE:20251102T020000" in block  # the last change before the end of 2025


#: Zones of every shape: no change since long ago, northern and southern summers, a
#: negative summer offset, a zone that changed the side of the date line, one that
#: changes only after 2037, and zones that stopped changing within the spans below.
_SHAPES = (
    "Asia/Tokyo",
    "Africa/Lagos",
    "America/New_York",
    "Australia/Sydney",
    "Europe/Dublin",
    "Pacific/Apia",
    "America/Sao_Paulo",
    "Europe/Istanbul",
    "Asia/Kolkata",
    "Etc/GMT+5",
)


@pytest.mark.parametrize("tzid", _SHAPES)
@pytest.mark.parametrize("years", [(2025, 2025), (1995, 2030), (2036, 2040)])
def test_a_zone_is_the_component_icalendar_describes_it_with(tzid, years) -> None:
    """Stopping the search at the last date leaves icalendar's own description intact."""
    first, last = years
    expected = icalendar.Timezone.from_tzid(
        tzid, first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1)
    )
    assert ics.vtimezone(tzid, first, last).to_ical() == expected.to_ical()


def test_a_zone_icalendar_cannot_find_is_left_to_its_tzid() -> None:
    assert ics.vtimezone("Nowhere/Atlantis", 2025, 2025) is None
