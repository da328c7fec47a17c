"""One fixture per newsroom style (tests/fixtures/formats/, written for this project): every
update's instant in UTC, and not one update more or less than the text holds."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import feedparser
import pytest

from exporter.build import build, read_sources
from exporter.config import Config, SourceConfig
from exporter.readers import read_path
from exporter.readers.options import ReadOptions
from tests.paths import FIXTURES, TODAY

FORMATS = FIXTURES / "formats"

#: fixture → (zone the reader must choose, every update's instant in UTC, newest first)
EXPECTED: dict[str, tuple[str, list[str]]] = {
    # 24-hour, "All times are UK time", oldest first, over midnight without a header and
    # across the October clock change: 01:15 and 01:45 are BST, the 01:05 after them is GMT.
    "uk-storm-clocks-go-back.txt": (
        "Europe/London",
        [
            "2025-10-26 09:00",
            "2025-10-26 07:30",
            "2025-10-26 02:20",
            "2025-10-26 01:50",
            "2025-10-26 01:05",
            "2025-10-26 00:45",
            "2025-10-26 00:15",
            "2025-10-25 23:30",
            "2025-10-25 22:55",
            "2025-10-25 21:45",
            "2025-10-25 20:10",
        ],
    ),
    # "2:05 p.m. ET", "8:30 p.m. —", "12:15 a.m. ET", a "6:45 p.m. PT" stamp in its own
    # clock; "Sunday, Oct. 27" without a year (2024 from the weekday).
    "us-harbor-vote-eastern.txt": (
        "America/New_York",
        [
            "2024-10-28 04:15",
            "2024-10-28 03:40",
            "2024-10-28 02:02",
            "2024-10-28 01:45",
            "2024-10-28 00:30",
            "2024-10-27 18:05",
            "2024-10-27 13:00",
        ],
    ),
    # Wire style "1405 GMT -", oldest first, past midnight under one header.
    "wire-refinery-fire-gmt.txt": (
        "Europe/London",
        [
            "2025-10-30 02:40",
            "2025-10-30 00:15",
            "2025-10-29 23:30",
            "2025-10-29 16:50",
            "2025-10-29 14:05",
            "2025-10-29 09:12",
        ],
    ),
    # Stamps alone on their lines ("7:05am", "8.40am:", "9:50 AM"); AEDT is UTC+11.
    "stamps-alone-sydney.txt": (
        "Australia/Sydney",
        ["2025-11-04 01:15", "2025-11-03 22:50", "2025-11-03 21:40", "2025-11-03 20:05"],
    ),
    # "2m ago (11:00 GMT)" and "Published at 03:47 GMT", no day header: dated by "Last
    # updated: 5 November 2025, 11:02 GMT", the oldest entry the evening before.
    "minutes-ago-no-header.txt": (
        "Europe/London",
        [
            "2025-11-05 11:00",
            "2025-11-05 10:04",
            "2025-11-05 09:00",
            "2025-11-05 03:47",
            "2025-11-04 23:40",
        ],
    ),
    # "(local time)" and a "MOMBASA, Kenya (…) —" dateline: East Africa Time, UTC+3.
    "local-time-dateline.txt": (
        "Africa/Nairobi",
        ["2025-11-06 16:20", "2025-11-06 12:45", "2025-11-06 08:30", "2025-11-06 06:10"],
    ),
    # A 12-hour blog that forgot the half-day twice ("4: 58 IST", "11: 20 IST").
    "twelve-hour-missing-ampm.txt": (
        "Asia/Kolkata",
        [
            "2025-11-08 12:00",
            "2025-11-08 11:40",
            "2025-11-08 11:28",
            "2025-11-08 11:00",
            "2025-11-08 05:50",
            "2025-11-08 04:35",
        ],
    ),
    # "Here is today's agenda:" and four "10am: Cabinet meets" lines inside one update.
    "agenda-inside-update.txt": (
        "Europe/London",
        [
            "2025-11-26 13:10",
            "2025-11-26 12:20",
            "2025-11-26 10:45",
            "2025-11-26 09:02",
            "2025-11-26 08:40",
        ],
    ),
    # British stamps that carry their day ("Tue 28 Oct 2025 13.50 GMT", "… at 9.15am"),
    # under the page's own last-updated stamp and its "Key events" list of links.
    "day-first-stamps-key-events.txt": (
        "Europe/London",
        ["2025-10-28 17:35", "2025-10-28 13:50", "2025-10-28 09:15", "2025-10-27 22:05"],
    ),
    # "29 Oct 2025 - 08:40 GMT": the day, a dash, then the time, each above its headline.
    "day-dash-time-gmt.txt": (
        "Europe/London",
        ["2025-10-29 08:40", "2025-10-29 00:15", "2025-10-28 17:05"],
    ),
    # "November 19, 2025 at 12:20 AM EST", each above its headline, under the page's own
    # "Published … at" line, which is no entry.
    "month-day-year-at-time.txt": (
        "America/New_York",
        ["2025-11-19 05:20", "2025-11-19 02:45", "2025-11-18 21:10"],
    ),
    # ISO 8601 stamps with an offset and nothing else about the clock, newest first, the
    # headline on the stamp's line or below it; an ISO time inside the text is no stamp.
    "iso-stamps-offsets.txt": (
        "Etc/GMT-9",
        ["2025-11-02 15:40", "2025-11-02 13:15", "2025-11-02 10:05", "2025-11-02 08:30"],
    ),
    # Entries stamped as a dateline is written ("Oct 14, 2025 11:05 PM JST"), under an
    # "Updated …" line that stays the page's dateline.
    "month-day-year-time-jst.txt": (
        "Asia/Tokyo",
        ["2025-10-14 14:05", "2025-10-14 09:20", "2025-10-14 03:45", "2025-10-13 12:10"],
    ),
    # A saved page: <time datetime> with +09:00 and Z, one stamp only in the text.
    "saved-page-typhoon.html": (
        "Asia/Tokyo",
        [
            "2025-11-12 09:40",
            "2025-11-12 07:15",
            "2025-11-12 04:05",
            "2025-11-12 00:30",
            "2025-11-11 13:10",
        ],
    ),
}


def read(name: str, **options):
    return read_path(FORMATS / name, ReadOptions(slug="f", today=TODAY, **options))


def utc(doc) -> list[str]:
    return [u.instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M") for u in doc.updates]


def test_every_fixture_is_in_the_table() -> None:
    assert sorted(p.name for p in FORMATS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_update_at_its_instant(name: str) -> None:
    zone, instants = EXPECTED[name]
    doc = read(name)
    assert doc.kind == "liveblog"
    assert doc.zone == zone
    assert utc(doc) == instants
    assert len({u.anchor for u in doc.updates}) == len(instants)
    for update in doc.updates:
        assert update.paragraphs, f"update at line {update.line} has no text"


def test_clock_change_takes_each_repeated_hour_once() -> None:
    doc = read("uk-storm-clocks-go-back.txt")
    by_stamp = {u.stamp: u.instant.isoformat() for u in doc.updates}
    assert by_stamp["01:15"] == "2025-10-26T01:15:00+01:00"
    assert by_stamp["01:45"] == "2025-10-26T01:45:00+01:00"
    assert by_stamp["01:05"] == "2025-10-26T01:05:00+00:00"
    assert by_stamp["02:20"] == "2025-10-26T02:20:00+00:00"


def test_labelled_stamp_keeps_its_own_clock() -> None:
    doc = read("us-harbor-vote-eastern.txt")
    pacific = next(u for u in doc.updates if u.stamp == "6:45 p.m. PT")
    assert pacific.instant.astimezone(UTC).hour == 1  # 6:45 p.m. PDT, not EDT
    assert doc.updates[-1].instant.isoformat() == "2024-10-27T09:00:00-04:00"


def test_stamp_alone_takes_the_lines_below() -> None:
    doc = read("stamps-alone-sydney.txt")
    first = doc.updates[-1]
    assert first.stamp == "7:05am"
    assert first.paragraphs == (
        "First storm cell reaches the western suburbs",
        "The bureau says hail up to 3cm has been reported.",
        "Commuters are advised to allow extra time.",
    )


def test_headline_above_published_at_belongs_to_its_entry() -> None:
    doc = read("minutes-ago-no-header.txt")
    entry = next(u for u in doc.updates if u.stamp == "Published at 03:47 GMT")
    assert entry.paragraphs[0] == "Crack found on the eastern span"
    before = next(u for u in doc.updates if u.stamp == "2h ago (09:00 GMT)")
    assert before.paragraphs == (
        "Queues stretch back to the ring road as the morning rush builds.",
    )
    assert doc.intro == (
        "A crack found during a routine inspection has closed the river bridge in both directions.",
    )


def test_missing_half_day_is_inferred_and_flagged() -> None:
    doc = read("twelve-hour-missing-ampm.txt")
    flagged = {u.stamp: u.instant.strftime("%H:%M") for u in doc.updates if u.approximate}
    assert flagged == {"4: 58 IST:": "16:58", "11: 20 IST:": "11:20"}


def test_agenda_lines_stay_in_their_update() -> None:
    doc = read("agenda-inside-update.txt")
    morning = next(u for u in doc.updates if u.stamp == "9.02am:")
    assert morning.paragraphs == (
        "Good morning. Here is today's agenda:",
        "10am: Cabinet meets",
        "12pm: Prime minister's questions",
        "12.30pm: The budget statement",
        "3pm: Reaction from the opposition",
        "We will follow all of it here.",
    )


def test_saved_page_keeps_the_article_and_drops_the_furniture() -> None:
    doc = read("saved-page-typhoon.html")
    assert doc.title == "Typhoon Kesari: live updates as the storm nears the coast"
    assert doc.intro[0].startswith("The typhoon is expected to make landfall")
    text = "\n".join(p for u in doc.updates for p in u.paragraphs) + "\n".join(doc.intro)
    for furniture in ("cookies", "Most read", "Share", "Advertisement", "morning briefing"):
        assert furniture not in text
    assert "Key events" not in text and "Photo:" not in text and "script" not in text
    listing = next(u for u in doc.updates if u.instant.astimezone(UTC).hour == 7)
    assert listing.paragraphs[1:] == (
        "All ferries to the southern islands",
        "Forty domestic flights from the regional airport",
    )


def _config(tmp_path: Path, *names: str) -> Config:
    sources = tuple(
        SourceConfig(path=str(FORMATS / name), slug=Path(name).stem.split("-")[0]) for name in names
    )
    return Config(
        sources=sources,
        base_url="https://example.org/live/",
        id_authority="example.org",
        out=str(tmp_path / "out"),
        root=Path("/"),
    )


def test_two_blogs_give_one_feed_each(tmp_path: Path) -> None:
    config = _config(tmp_path, "wire-refinery-fire-gmt.txt", "uk-storm-clocks-go-back.txt")
    result = build(config, strict=True, today=TODAY)
    assert not result.failures
    out = tmp_path / "out"
    for slug, name in (
        ("wire", "wire-refinery-fire-gmt.txt"),
        ("uk", "uk-storm-clocks-go-back.txt"),
    ):
        for suffix in ("rss", "atom"):
            parsed = feedparser.parse((out / f"updates-{slug}.{suffix}").read_bytes())
            assert not parsed.bozo
            published = [
                f"{e.published_parsed.tm_year}-{e.published_parsed.tm_mon:02d}-"
                f"{e.published_parsed.tm_mday:02d} {e.published_parsed.tm_hour:02d}:"
                f"{e.published_parsed.tm_min:02d}"
                for e in parsed.entries
            ]
            assert published == EXPECTED[name][1]
            assert all(f":{slug}/" in e.id for e in parsed.entries)
    assert not (out / "updates.rss").exists()


def test_dateline_zone_comes_from_the_gazetteer_in_a_build(tmp_path: Path) -> None:
    text = (
        "Summit talks (local time)\n"
        "GYEONGJU, South Korea -- Leaders of the regional forum met for a second day.\n"
        "Thursday, Oct. 30, 2025\n"
        "9:00 a.m. The leaders arrive.\n10:30 a.m. Talks begin.\n1:00 p.m. Lunch.\n"
    )
    path = tmp_path / "summit.txt"
    path.write_text(text, "utf-8")
    config = Config(sources=(SourceConfig(path=str(path), slug="summit"),), root=Path("/"))
    documents, failures = read_sources(config, today=TODAY)
    assert not failures
    assert documents[0].zone == "Asia/Seoul"
    assert documents[0].updates[-1].instant.isoformat() == "2025-10-30T09:00:00+09:00"
