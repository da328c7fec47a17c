"""Every stamp, day-header and clock-declaration form, one table row each."""

from __future__ import annotations

import pytest

from exporter.readers.stamps import parse_clock_declaration, parse_day_header, parse_stamp


@pytest.mark.parametrize(
    ("line", "hour", "minute", "label", "rest"),
    [
        ("9:50 a.m. And he's off.", 9, 50, None, "And he's off."),
        ("12:15 a.m. Protests began.", 0, 15, None, "Protests began."),
        ("12:00 p.m. Noon briefing.", 12, 0, None, "Noon briefing."),
        ("12:30 p.m. Lunch.", 12, 30, None, "Lunch."),
        ("3 p.m. Talks.", 15, 0, None, "Talks."),
        ("11 a.m. Arrival.", 11, 0, None, "Arrival."),
        ("9:50am Text", 9, 50, None, "Text"),
        ("9.50am Text", 9, 50, None, "Text"),
        ("8.40am: Text", 8, 40, None, "Text"),
        ("9:50 AM Text", 9, 50, None, "Text"),
        ("9:50 PM Text", 21, 50, None, "Text"),
        ("2:05 p.m. ET Text", 14, 5, "ET", "Text"),
        ("8:30 p.m. — Text", 20, 30, None, "Text"),
        ("JST 0:15 a.m. Text", 0, 15, "JST", "Text"),
        ("14:05 Police say", 14, 5, None, "Police say"),
        ("14:05 - Text", 14, 5, None, "Text"),
        ("14:05 BST Text", 14, 5, "BST", "Text"),
        ("1405 GMT Text", 14, 5, "GMT", "Text"),
        ("Published at 03:47 GMT", 3, 47, "GMT", ""),
        ("2m ago (11:00 GMT) Text", 11, 0, "GMT", "Text"),
        ("9:50 a.m.", 9, 50, None, ""),
        ("00:20 — Text", 0, 20, None, "Text"),
    ],
)
def test_stamp_forms(line: str, hour: int, minute: int, label: str | None, rest: str) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None
    assert (stamp.hour, stamp.minute, stamp.label, stamp.rest) == (hour, minute, label, rest)
    assert not stamp.twelve_hour_unknown


def test_stamp_without_half_day_is_flagged() -> None:
    stamp = parse_stamp("4: 58 IST Text")
    assert stamp is not None
    assert (stamp.hour, stamp.minute, stamp.label, stamp.twelve_hour_unknown) == (
        4,
        58,
        "IST",
        True,
    )


@pytest.mark.parametrize(
    "line",
    [
        "10.5 percent of voters",
        "2022 was a year",
        "The 3 p.m. meeting was moved.",
        "Trump arrived at 5 p.m.",
        "14.05 million people",
        "",
        "12 angry men",
    ],
)
def test_not_stamps(line: str) -> None:
    assert parse_stamp(line) is None


@pytest.mark.parametrize(
    ("line", "month", "day", "year", "weekday"),
    [
        ("Wednesday, October 29", 10, 29, None, 2),
        ("Oct. 29", 10, 29, None, None),
        ("Wednesday 29 October 2025", 10, 29, 2025, 2),
        ("Sunday, Oct. 27", 10, 27, None, 6),
        ("Tuesday, October 28, 2025", 10, 28, 2025, 1),
        ("May 5, 2024", 5, 5, 2024, None),
        ("Sept. 3", 9, 3, None, None),
        ("Saturday 4 October 2025", 10, 4, 2025, 5),
    ],
)
def test_day_headers(
    line: str, month: int, day: int, year: int | None, weekday: int | None
) -> None:
    header = parse_day_header(line)
    assert header is not None
    assert (header.month, header.day, header.year, header.weekday) == (month, day, year, weekday)


@pytest.mark.parametrize(
    "line",
    ["March on Washington", "May I say something", "October 45", "Wednesday", "Oct. 29 was busy."],
)
def test_not_day_headers(line: str) -> None:
    assert parse_day_header(line) is None


@pytest.mark.parametrize(
    ("line", "zone", "local"),
    [
        ("Here's how Trump's visit unfolded (Tokyo time):", "Asia/Tokyo", False),
        ("All times JST", "Asia/Tokyo", False),
        ("All times are in GMT", "Europe/London", False),
        ("Times are BST", "Europe/London", False),
        ("(Korea time)", "Asia/Seoul", False),
        ("All times Eastern time", "America/New_York", False),
        ("(KST)", "Asia/Seoul", False),
        ("(local time)", None, True),
        ("All times are local", None, True),
    ],
)
def test_clock_declarations(line: str, zone: str | None, local: bool) -> None:
    decl = parse_clock_declaration(line)
    assert decl is not None
    assert (decl.zone, decl.local) == (zone, local)


def test_line_without_declaration() -> None:
    assert parse_clock_declaration("Trump arrived in Japan on Monday.") is None
