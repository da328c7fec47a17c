"""Every stamp, day-header, dateline and clock-declaration form, one table row each, alone
and end to end through the reader."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from exporter.readers import read_text
from exporter.readers.options import ReadOptions
from exporter.readers.stamps import (
    Stamp,
    dateline_form_stamp,
    impossible_stamp,
    parse_clock_declaration,
    parse_dateline_date,
    parse_day_header,
    parse_stamp,
)
from tests.paths import TODAY


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
        ("15:00 pm Speech.", 15, 0, None, "Speech."),  # a redundant half-day
        ("23:59 p.m. Text", 23, 59, None, "Text"),
    ],
)
def test_stamp_forms(line: str, hour: int, minute: int, label: str | None, rest: str) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None
    assert (stamp.hour, stamp.minute, stamp.label, stamp.rest) == (hour, minute, label, rest)
    assert not stamp.twelve_hour_unknown


@pytest.mark.parametrize(
    ("line", "hour", "minute", "label", "on", "rest"),
    [
        (
            "Update 2:03 p.m. EST Feb. 19: The team spoke.",
            14,
            3,
            "EST",
            (2, 19, None),
            "The team spoke.",
        ),
        ("UPDATE 14:05 GMT: Text", 14, 5, "GMT", None, "Text"),
        ("Update 3 p.m. Feb. 18, 2020 — Text", 15, 0, None, (2, 18, 2020), "Text"),
        ("Updated 9:50 a.m. ET Oct. 29: Text", 9, 50, "ET", (10, 29, None), "Text"),
        ("Update 12:25 p.m. EST Feb. 19:", 12, 25, "EST", (2, 19, None), ""),
        ("11:58 p.m. ET, March 5, 2024", 23, 58, "ET", (3, 5, 2024), ""),
        ("9:15 p.m. ET, Tue March 5, 2024: Text", 21, 15, "ET", (3, 5, 2024), "Text"),
        ("2:05 p.m. ET Oct. 29 — Text", 14, 5, "ET", (10, 29, None), "Text"),
        ("14:05 GMT, March 5:", 14, 5, "GMT", (3, 5, None), ""),
        # day first, as British sites write it
        ("14:05 GMT 29 October", 14, 5, "GMT", (10, 29, None), ""),
        ("14.05 GMT, Wed 29 Oct 2025: Text", 14, 5, "GMT", (10, 29, 2025), "Text"),
        ("2:05 p.m. 29 October — Text", 14, 5, None, (10, 29, None), "Text"),
        ("Update 14:05 GMT 29 October: Text", 14, 5, "GMT", (10, 29, None), "Text"),
        ("14:05 GMT 3 arrested at the scene", 14, 5, "GMT", None, "3 arrested at the scene"),
        ("Oct. 29, 2025, 9:50 a.m. ET", 9, 50, "ET", (10, 29, 2025), ""),
        # the day first, then the time, as British sites stamp entries
        ("Tue 28 Oct 2025 06.20 GMT", 6, 20, "GMT", (10, 28, 2025), ""),
        ("Wed 29 Oct 2025 23.10 BST: Text", 23, 10, "BST", (10, 29, 2025), "Text"),
        ("28 October 2025, 2:05 p.m. — Text", 14, 5, None, (10, 28, 2025), "Text"),
        ("Wed 29 Oct 2025 at 9.15am", 9, 15, None, (10, 29, 2025), ""),
        ("29 Oct 14:05", 14, 5, None, (10, 29, None), ""),
        ("Tuesday, Oct. 28, 2025, 11:40 p.m. ET: Text", 23, 40, "ET", (10, 28, 2025), "Text"),
        ("May 5, 3 p.m. ET — Text", 15, 0, "ET", (5, 5, None), "Text"),
        # ISO 8601, as exports and feeds print entries: an offset is the label
        ("2025-10-28 22:05", 22, 5, None, (10, 28, 2025), ""),
        ("2025-10-28T22:05:00Z Text", 22, 5, "UTC", (10, 28, 2025), "Text"),
        ("2025-10-28T13:05:30.120+09:00 — Text", 13, 5, "UTC+09:00", (10, 28, 2025), "Text"),
        ("2025-10-28T08:05-0430: Text", 8, 5, "UTC-04:30", (10, 28, 2025), "Text"),
        ("2025-10-28 22:05 GMT | Text", 22, 5, "GMT", (10, 28, 2025), "Text"),
        # a day only where a separator or the line's end follows it
        (
            "10:05 a.m. Jan. 6 committee hearing resumes",
            10,
            5,
            None,
            None,
            "Jan. 6 committee hearing resumes",
        ),
    ],
)
def test_stamps_that_carry_their_day(
    line: str, hour: int, minute: int, label: str | None, on, rest: str
) -> None:
    assert _with_day(parse_stamp(line)) == (hour, minute, label, on, rest)


def _with_day(stamp: Stamp | None) -> tuple | None:
    """What a stamp that names its day says: its time, label, day and the text after it."""
    if stamp is None:
        return None
    return stamp.hour, stamp.minute, stamp.label, stamp.on, stamp.rest


@pytest.mark.parametrize(
    "line",
    [
        "Update 5 on the vote: counting goes on.",  # a number, not a clock
        "Update 13 a.m. EST: Text",
        "Update 2:03 p.m. EST Feb. 40: Text",
        "Updated 10:02 AM ET, Sun November 5, 2017",  # a dateline: no separator
        "Update on the talks: none yet.",
        "Oct. 29, 9 a.m. the talks resumed.",  # a sentence that opens with its day
        "Oct. 29, at 9 a.m. the talks resumed.",
        "14:05 GMT, 39 October",  # no such day
        "Tue 39 Oct 2025 06.20 GMT",
        "28 Oct 2025 14.05 the talks resumed",  # a sentence that opens with its day
        "12 October ships sank",
        "Tuesday 28 October 2025",  # a day header
        "2025-02-30 10:00",  # no such day
        "2025-10-28 25:00",
        "2025-10-28 22:05:61",
        "2025-10-28",  # a day header
        "2025-10-28 was the day it began.",
    ],
)
def test_not_stamps_that_name_a_day(line: str) -> None:
    assert parse_stamp(line) is None


@pytest.mark.parametrize(
    ("line", "hour", "minute", "label", "on", "rest"),
    [
        ("Oct 28, 2025 10:05 PM JST", 22, 5, "JST", (10, 28, 2025), ""),
        ("Tuesday, October 28, 2025 22:05 — Text", 22, 5, None, (10, 28, 2025), "Text"),
        ("November 5, 2017 9:00 a.m. ET", 9, 0, "ET", (11, 5, 2017), ""),
    ],
)
def test_lines_written_as_datelines_are_read_as_stamps_when_asked(
    line: str, hour: int, minute: int, label: str | None, on, rest: str
) -> None:
    assert parse_stamp(line) is None  # one alone is a dateline: the reader decides
    assert _with_day(dateline_form_stamp(line)) == (hour, minute, label, on, rest)


@pytest.mark.parametrize(
    "line",
    [
        "Oct 28, 2025 10:05 PM the talks resumed",  # a sentence that opens with its day
        "Oct 39, 2025 10:05 PM",
        "Updated Oct 28, 2025 10:05 PM JST",
        "Oct 28, 2025",
    ],
)
def test_not_dateline_form_stamps(line: str) -> None:
    assert dateline_form_stamp(line) is None


@pytest.mark.parametrize(
    ("line", "impossible"),
    [
        ("25:61 p.m. Text", "25:61 p.m."),
        ("9:75 a.m. Text", "9:75 a.m."),
        ("13:30 a.m. Text", "13:30 a.m."),
        ("24:00 pm Text", "24:00 pm"),
        ("12:60pm Text", "12:60pm"),
        ("9:50 a.m. Text", None),  # a real time
        ("15:00 pm Text", None),  # read as 15:00
        ("76:61 was the score.", None),  # no half-day: maybe not a time at all
        ("25.30 euros were raised.", None),
        ("The 25:61 p.m. train", None),  # not at the start
    ],
)
def test_times_no_clock_shows(line: str, impossible: str | None) -> None:
    assert impossible_stamp(line) == impossible
    if impossible:
        assert parse_stamp(line) is None


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
        ("2020-11-03", 11, 3, 2020, None),
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
    [
        "March on Washington",
        "May I say something",
        "October 45",
        "Wednesday",
        "Oct. 29 was busy.",
        "2020-02-30",
        "2020-11-03 was election day",
    ],
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
        ("All times are Eastern.", "America/New_York", False),
        ("(All times Pacific)", "America/Los_Angeles", False),
        ("Times in ET", "America/New_York", False),
        # the city says more than the label it shares with its neighbours
        ("All times are Rome time (CET).", "Europe/Rome", False),
        ("All times are local time (JST).", "Asia/Tokyo", False),
    ],
)
def test_clock_declarations(line: str, zone: str | None, local: bool) -> None:
    decl = parse_clock_declaration(line)
    assert decl is not None
    assert (decl.zone, decl.local) == (zone, local)


@pytest.mark.parametrize(
    "line",
    [
        "Trump arrived in Japan on Monday.",
        "All times are Approximate",  # not a region the names table knows
        "Times in Tokyo are ahead of the schedule.",
    ],
)
def test_line_without_declaration(line: str) -> None:
    assert parse_clock_declaration(line) is None


@pytest.mark.parametrize(
    ("line", "hour", "minute", "label", "meta"),
    [
        ("2 hours ago (09:15 GMT) Text", 9, 15, "GMT", True),
        ("just now (11:02 GMT)", 11, 2, "GMT", True),
        ("Posted at 3:47 p.m. Text", 15, 47, None, True),
        ("Updated at 10:02 ET", 10, 2, "ET", True),
        ("14:05 GMT+1 Text", 14, 5, "GMT+1", False),
        ("14:05 UTC+05:30 Text", 14, 5, "UTC+05:30", False),
        ("9:10 a.m. (JST) Text", 9, 10, "JST", False),
        ("21:40 (CET) Text", 21, 40, "CET", False),
        ("11:05 AEDT Text", 11, 5, "AEDT", False),
        ("6:45 p.m. PT Text", 18, 45, "PT", False),
    ],
)
def test_more_stamp_forms(line: str, hour: int, minute: int, label: str | None, meta: bool) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None
    assert (stamp.hour, stamp.minute, stamp.label, stamp.meta) == (hour, minute, label, meta)


@pytest.mark.parametrize(
    ("line", "ampm", "half_day"),
    [
        ("9:50 a.m. x", True, True),
        ("14:05 Police", False, True),
        ("09:05 — x", False, True),
        ("0905 GMT x", False, True),
        ("9:05 — x", False, False),  # 9:05 or 21:05: the blog's other stamps decide
        ("4:58 IST x", False, False),
        ("12:30 — x", False, False),
    ],
)
def test_what_a_stamp_says_about_its_half_day(line: str, ampm: bool, half_day: bool) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None
    assert (stamp.ampm, stamp.half_day) == (ampm, half_day)


@pytest.mark.parametrize(
    ("line", "day", "updated", "time"),
    [
        ("Published Nov 5, 2017", date(2017, 11, 5), False, None),
        ("Updated Nov. 5, 2017 10:02 a.m. ET", date(2017, 11, 5), True, (10, 2, "ET")),
        ("Updated 10:02 AM ET, Sun November 5, 2017", date(2017, 11, 5), True, (10, 2, "ET")),
        ("Last updated: 5 November 2017, 14:02 GMT", date(2017, 11, 5), True, (14, 2, "GMT")),
        ("Updated 14:02 GMT, 5 November 2017", date(2017, 11, 5), True, (14, 2, "GMT")),
        ("First published on Sunday, November 5, 2017", date(2017, 11, 5), False, None),
        ("November 5, 2017 9:00 a.m. ET", date(2017, 11, 5), False, (9, 0, "ET")),
        ("Posted: Nov 5, 2017 at 9:00 p.m.", date(2017, 11, 5), False, (21, 0, None)),
    ],
)
def test_dateline_dates(line: str, day: date, updated: bool, time) -> None:
    assert parse_stamp(line) is None  # a dateline, never an update
    found = parse_dateline_date(line)
    assert found is not None
    assert (found.day, found.updated) == (day, updated)
    got = (found.time.hour, found.time.minute, found.time.label) if found.time else None
    assert got == time


@pytest.mark.parametrize(
    "line",
    [
        "November 5, 2017",  # a day header, not a dateline
        "Published 2017",
        "Updated Nov. 31, 2017",
        "Published Nov 5, 2017 to wide acclaim",
        "The report was published on Nov 5, 2017.",
    ],
)
def test_not_dateline_dates(line: str) -> None:
    assert parse_dateline_date(line) is None


def test_unknown_place_time_is_kept_for_the_gazetteer() -> None:
    decl = parse_clock_declaration("Summit live (Gyeongju time):")
    assert decl is not None
    assert (decl.zone, decl.local, decl.name) == (None, True, "Gyeongju")


#: Every stamp form end to end: a one-update blog in Tokyo time, the stamp's instant in UTC.
_BLOG = "Test blog (Tokyo time)\nSome intro.\nWednesday 29 October 2025\n{line}\n"


@pytest.mark.parametrize(
    ("line", "utc", "paragraphs"),
    [
        ("9:50 a.m. Text.", "10-29 00:50", ("Text.",)),
        ("9:50am Text.", "10-29 00:50", ("Text.",)),
        ("9.50am Text.", "10-29 00:50", ("Text.",)),
        ("8.40am: Text.", "10-28 23:40", ("Text.",)),
        ("9:50 AM Text.", "10-29 00:50", ("Text.",)),
        ("12:15 a.m. Text.", "10-28 15:15", ("Text.",)),
        ("14:05 Text.", "10-29 05:05", ("Text.",)),
        ("1405 GMT Text.", "10-29 14:05", ("Text.",)),
        ("14:05 BST Text.", "10-29 13:05", ("Text.",)),
        ("2:05 p.m. ET Text.", "10-29 18:05", ("Text.",)),
        ("8:30 p.m. — Text.", "10-29 11:30", ("Text.",)),
        ("JST 0:15 a.m. Text.", "10-28 15:15", ("Text.",)),
        ("Published at 03:47 GMT\nText.", "10-29 03:47", ("Text.",)),
        ("2m ago (11:00 GMT) Text.", "10-29 11:00", ("Text.",)),
        ("14:05 GMT+1 Text.", "10-29 13:05", ("Text.",)),
        ("9:50 a.m.\nText.\nMore text.", "10-29 00:50", ("Text.", "More text.")),
        ("14:05\nText.", "10-29 05:05", ("Text.",)),
        ("2025-10-29 14:05\nText.", "10-29 05:05", ("Text.",)),
        ("2025-10-29T14:05:00Z Text.", "10-29 14:05", ("Text.",)),
        ("2025-10-29T14:05:00+01:00\nText.", "10-29 13:05", ("Text.",)),
    ],
)
def test_stamp_forms_end_to_end(line: str, utc: str, paragraphs: tuple[str, ...]) -> None:
    doc = read_text(_BLOG.format(line=line), "t.txt", ReadOptions(slug="t", today=TODAY))
    assert doc.kind == "liveblog" and doc.zone == "Asia/Tokyo"
    assert [u.instant.astimezone(UTC).strftime("%m-%d %H:%M") for u in doc.updates] == [utc]
    assert doc.updates[0].paragraphs == paragraphs


@pytest.mark.parametrize(
    ("header", "options", "local"),
    [
        ("Wednesday, October 29", {}, "2025-10-29T09:50:00+09:00"),
        ("Oct. 29", {"year": 2025}, "2025-10-29T09:50:00+09:00"),
        ("Wednesday 29 October 2025", {}, "2025-10-29T09:50:00+09:00"),
        ("Sunday, Oct. 27", {}, "2024-10-27T09:50:00+09:00"),
        ("Published Nov 5, 2017", {}, "2017-11-05T09:50:00+09:00"),
        ("November 5, 2017", {}, "2017-11-05T09:50:00+09:00"),
        ("Updated Nov. 5, 2017 10:02 a.m.", {}, "2017-11-05T09:50:00+09:00"),
        ("Updated Nov. 5, 2017 9:00 a.m.", {}, "2017-11-04T09:50:00+09:00"),
        # a lone line written as a dateline is: the page's dateline, not a fourth entry
        ("November 5, 2017 9:00 a.m.", {}, "2017-11-05T09:50:00+09:00"),
        ("A line that dates nothing.", {"date": date(2025, 3, 4)}, "2025-03-04T09:50:00+09:00"),
    ],
)
def test_day_header_forms_end_to_end(header: str, options: dict, local: str) -> None:
    text = f"Test blog (Tokyo time)\nIntro.\n{header}\n9:50 a.m. Text.\n9:40 a.m. Text.\n9:30 a.m. x.\n"
    doc = read_text(text, "t.txt", ReadOptions(slug="t", today=TODAY, **options))
    assert doc.updates[0].instant.isoformat() == local
    assert len(doc.updates) == 3
