"""Wall times to instants: the one offset of a steady day, pytz's answer near a change."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
import pytz

from exporter import zones

#: Zones with every kind of change: twice a year either side of the equator, a half-hour
#: change (Lord Howe), a skipped day (Apia, end of 2011), none at all, a fixed offset, UTC.
ZONES = [
    "Europe/London",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Etc/GMT+5",
    "UTC",
]
#: Around midnight, inside the hours clocks skip or repeat (01:00–03:00), and noon.
TIMES = [time(0, 0), time(0, 30), time(1, 0), time(1, 30), time(2, 0), time(2, 30), time(3, 0), time(12, 0), time(23, 59)]  # fmt: skip


def _days(year: int) -> list[date]:
    start = date(year, 1, 1)
    return [start + timedelta(days=n) for n in range((date(year + 1, 1, 1) - start).days)]


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("year", [2011, 2025])
def test_every_wall_time_is_the_instant_pytz_gives(zone: str, year: int) -> None:
    wrong = []
    for day in _days(year):
        for at in TIMES:
            naive = datetime.combine(day, at)
            for first in (True, False):
                got, want = (
                    zones.localize(zone, naive, first=first),
                    zones._localize_near_a_change(zone, naive, first),
                )
                same = got == want and (got.utcoffset(), got.tzname(), got.dst()) == (
                    want.utcoffset(),
                    want.tzname(),
                    want.dst(),
                )
                if not same or got.replace(tzinfo=None) != want.replace(tzinfo=None):
                    wrong.append((naive.isoformat(), first, got.isoformat(), want.isoformat()))
    assert wrong == []


@pytest.mark.parametrize("zone", ZONES)
def test_a_wall_time_is_ambiguous_exactly_when_pytz_says_so(zone: str) -> None:
    tz, wrong, repeated = pytz.timezone(zone), [], 0
    for day in _days(2011) + _days(2025):
        for at in TIMES:
            naive = datetime.combine(day, at)
            try:
                tz.localize(naive, is_dst=None)
                want = False
            except pytz.AmbiguousTimeError:
                want = True
            except pytz.NonExistentTimeError:
                want = False
            repeated += want
            if zones.is_ambiguous(zone, naive) != want:
                wrong.append(naive.isoformat())
    assert wrong == []
    if zone in ("Europe/London", "America/New_York", "Australia/Lord_Howe"):
        assert repeated > 0  # the grid meets the repeated hour


def test_a_day_near_a_change_is_localized_time_by_time() -> None:
    # London went to summer time on 30 March 2025: 01:30 does not exist that day.
    assert zones._steady_offset("Europe/London", date(2025, 3, 30)) is None
    assert zones._steady_offset("Europe/London", date(2025, 3, 29)) is None
    assert zones._steady_offset("Europe/London", date(2025, 3, 20)) is not None
    assert zones.localize("Europe/London", datetime(2025, 3, 30, 1, 30)).isoformat() == (
        "2025-03-30T02:30:00+01:00"
    )


@pytest.mark.parametrize("zone", ZONES)
def test_a_steady_day_is_one_that_every_way_of_localizing_agrees_on(zone: str) -> None:
    """The temporal tagger keeps pytz's own reading (standard time) of a skipped or
    repeated hour; where `steady_local` answers, that reading and the other agree."""
    tz = pytz.timezone(zone)
    steady_days, wrong = 0, []
    for day in _days(2011) + _days(2025):
        for at in TIMES:
            naive = datetime.combine(day, at)
            got = zones.steady_local(zone, naive)
            if got is None:
                continue
            steady_days += at == TIMES[0]
            for is_dst in (False, True):
                want = tz.localize(naive, is_dst=is_dst)
                if (got, got.utcoffset(), got.tzname()) != (want, want.utcoffset(), want.tzname()):
                    wrong.append((naive.isoformat(), is_dst, got.isoformat(), want.isoformat()))
    assert wrong == []
    assert steady_days >= 700  # all but the few days around each change


def test_a_moment_is_written_in_its_zone_or_else_in_utc() -> None:
    tokyo = zones.localize("Asia/Tokyo", datetime(2025, 10, 28, 20, 0))
    assert zones.as_written(tokyo) == tokyo
    assert zones.as_written(tokyo).tzinfo.zone == "Asia/Tokyo"
    # an offset alone ("UTC+09:00") names no VTIMEZONE: the same instant, in UTC
    bare = datetime(2025, 10, 28, 20, 0, tzinfo=timezone(timedelta(hours=9)))
    assert zones.as_written(bare) == bare
    assert zones.as_written(bare).tzinfo is UTC
