"""The live-blog reader on the sample and on small fixtures written for each behaviour."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from exporter.errors import SourceError
from exporter.readers import read_path, read_text
from exporter.readers.clock import recalled_years
from exporter.readers.options import ReadOptions
from tests.paths import FIXTURES, LIVEBLOG, TODAY


def read(text: str, **options) -> object:
    return read_text(text, "blog.txt", ReadOptions(slug="blog", today=TODAY, **options))


@pytest.fixture(scope="module")
def sample():
    return read_path(LIVEBLOG, ReadOptions(slug="tokyo", today=TODAY))


def utc(doc) -> list[str]:
    return [u.instant.astimezone(UTC).strftime("%m-%d %H:%M") for u in doc.updates]


def test_sample_has_43_updates_once_each(sample) -> None:
    assert sample.kind == "liveblog"
    assert sample.zone == "Asia/Tokyo"
    assert len(sample.updates) == 43
    assert len({u.anchor for u in sample.updates}) == 43


def test_sample_instants(sample) -> None:
    by_line = {u.line: u.instant for u in sample.updates}
    tokyo_5_02 = next(u for u in sample.updates if u.stamp == "5:02 p.m.")
    assert tokyo_5_02.instant.astimezone(UTC) == datetime(2025, 10, 27, 8, 2, tzinfo=UTC)
    assert tokyo_5_02.instant.utcoffset().total_seconds() == 9 * 3600  # never LMT +09:19
    newest = sample.updates[0]
    assert (newest.stamp, newest.instant.isoformat()) == ("9:50 a.m.", "2025-10-29T09:50:00+09:00")
    oldest = sample.updates[-1]
    assert (oldest.stamp, oldest.instant.isoformat()) == ("3:00 p.m.", "2025-10-27T15:00:00+09:00")
    quarter_past = next(u for u in sample.updates if u.stamp == "12:15 a.m.")
    assert quarter_past.instant.isoformat() == "2025-10-28T00:15:00+09:00"
    noon = next(u for u in sample.updates if u.stamp == "12:00 p.m.")
    assert noon.instant.isoformat() == "2025-10-28T12:00:00+09:00"
    assert len(by_line) == 43


def test_sample_is_newest_first(sample) -> None:
    instants = [u.instant for u in sample.updates]
    assert instants == sorted(instants, reverse=True)


def test_multi_paragraph_update_keeps_every_paragraph(sample) -> None:
    update = next(u for u in sample.updates if u.stamp == "4:24 p.m.")
    assert len(update.paragraphs) == 6
    assert update.paragraphs[0].startswith("Military personnel")
    assert update.paragraphs[-1].startswith("After her speech")


def test_sample_deletion_and_preamble(sample) -> None:
    assert [d.instant.isoformat() for d in sample.deletions] == ["2025-10-28T01:00:00+09:00"]
    assert sample.notes == ()
    assert len(sample.related) == 8
    assert sample.related[0].startswith("Japan PM Takaichi")
    assert sample.related[-1].endswith("with Lee")
    assert len(sample.intro) == 3
    assert sample.intro[0].startswith("TOKYO -- ")
    # The correction is not part of the last update.
    assert not any("Correction" in p for u in sample.updates for p in u.paragraphs)


def test_oldest_first_24h_across_midnight() -> None:
    doc = read_path(FIXTURES / "harbour-festival-oldest-first.txt", ReadOptions(slug="h"))
    assert doc.zone == "Europe/London"
    assert [u.instant.isoformat() for u in reversed(doc.updates)] == [
        "2025-10-04T21:40:00+01:00",
        "2025-10-04T22:15:00+01:00",
        "2025-10-04T23:50:00+01:00",
        "2025-10-05T00:20:00+01:00",
    ]
    assert doc.notes == (
        "Editor's note: This blog was updated with the organisers' crowd figures.",
    )
    assert doc.title == "Harbour festival: as it happened"


def test_updates_whose_stamps_carry_their_day() -> None:
    """ "Update 2:03 p.m. EST Feb. 19:" dates its update as a day header would."""
    doc = read(
        "Bridge reopens after repairs\n"
        "The bridge closed on Monday for repairs to its deck.\n"
        "Update 2:03 p.m. EST Feb. 19: Traffic is moving again in both directions.\n"
        "The city thanked drivers for their patience.\n"
        "Update 9:15 a.m. EST Feb. 19: Crews are removing the last barriers.\n"
        "Update 4:47 p.m. EST Feb. 18: Engineers say the work is ahead of schedule.\n",
        year=2020,
    )
    assert doc.zone == "America/New_York"
    assert [u.instant.isoformat() for u in doc.updates] == [
        "2020-02-19T14:03:00-05:00",
        "2020-02-19T09:15:00-05:00",
        "2020-02-18T16:47:00-05:00",
    ]
    assert [len(u.paragraphs) for u in doc.updates] == [2, 1, 1]
    assert doc.title == "Bridge reopens after repairs"


def test_stamps_with_their_date_on_their_own_line() -> None:
    """ "11:58 p.m. ET, March 5, 2024" above a headline and paragraphs, no day headers."""
    doc = read(
        "Primary day: live results\n"
        "By the politics team\n"
        "11:58 p.m. ET, March 5, 2024\n"
        "Polls have closed\n"
        "The last states finished voting.\n"
        "11:40 p.m. ET, March 4, 2024\n"
        "Eve of the vote\n"
        "Candidates made their final appeals.\n"
    )
    assert [u.instant.isoformat() for u in doc.updates] == [
        "2024-03-05T23:58:00-05:00",
        "2024-03-04T23:40:00-05:00",
    ]
    assert doc.updates[0].paragraphs == ("Polls have closed", "The last states finished voting.")


def test_entries_headed_by_their_date_then_time() -> None:
    doc = read(
        "Storm makes landfall: live updates\n"
        "The storm came ashore overnight.\n"
        "Oct. 29, 2025, 9:50 a.m. ET\n"
        "Power is out for a million customers\n"
        "Crews will start repairs once the winds ease.\n"
        "Oct. 28, 2025, 11:40 p.m. ET\n"
        "Evacuation orders expanded\n"
    )
    assert [u.instant.isoformat() for u in doc.updates] == [
        "2025-10-29T09:50:00-04:00",
        "2025-10-28T23:40:00-04:00",
    ]


def test_one_dated_time_alone_is_an_articles_byline_not_a_live_blog() -> None:
    from exporter.readers import detect

    lines = [
        (1, "Council approves the budget"),
        (2, "Oct. 29, 2025, 9:50 a.m. ET"),
        (3, "The council voted 7-2 on Tuesday to approve the budget."),
    ]
    assert detect(lines) == "article"
    assert detect([*lines, (4, "Oct. 29, 2025, 11:05 a.m. ET"), (5, "More.")]) == "liveblog"


def test_three_bare_stamps_make_a_live_blog_two_do_not() -> None:
    from exporter.readers import detect

    lines = [
        (1, "Ferry strike: what we know"),
        (2, "9:50 a.m. Unions said the strike would go ahead."),
        (3, "The ferries stayed in port."),
        (4, "11:05 a.m. Talks resumed at the ministry."),
    ]
    assert detect(lines) == "article"
    assert detect([*lines, (5, "1:20 p.m. The strike was called off.")]) == "liveblog"


def test_an_update_line_under_a_bare_stamp_is_its_text_not_a_note() -> None:
    doc = read(
        "Outbreak: the latest\n"
        "All times are Eastern.\n"
        "2020-04-10\n"
        "6 p.m.\n"
        "UPDATE: The state reported 106 more cases.\n"
        "5:30 p.m.\n"
        "The governor spoke.\n"
        "Update: This blog has closed.\n"
    )
    assert doc.zone == "America/New_York"
    assert [(u.instant.isoformat(), u.paragraphs) for u in doc.updates] == [
        ("2020-04-10T18:00:00-04:00", ("UPDATE: The state reported 106 more cases.",)),
        ("2020-04-10T17:30:00-04:00", ("The governor spoke.",)),
    ]
    assert doc.notes == ("Update: This blog has closed.",)


@pytest.mark.parametrize(
    "intro",
    [
        # the declaration a sentence of the intro: the zone, and the intro kept
        "Prime Minister Ana Costa, who left Avalon at 8 p.m. (London time) on Thursday, is on"
        " a two-day visit to Japan. Follow our live coverage. All times are Japan time.",
        # on a line of its own, as before
        "Prime Minister Ana Costa is on a two-day visit to Japan.\nAll times are Japan time.",
    ],
)
def test_a_clock_declared_in_the_intro(intro: str) -> None:
    doc = read(f"Costa in Japan live\n{intro}\nFriday, August 29, 2031\n9:30 p.m. Dinner.\n")
    assert doc.zone == "Asia/Tokyo"
    assert doc.intro[0].startswith("Prime Minister Ana Costa")
    assert doc.updates[0].instant.isoformat() == "2031-08-29T21:30:00+09:00"


def test_a_time_in_a_long_intro_sentence_declares_no_clock() -> None:
    # "(London time)" in a story's sentence is when something happened there, not the
    # clock of the updates
    with pytest.raises(SourceError, match="cannot tell which clock"):
        read(
            "Costa in Japan live\nPrime Minister Ana Costa, who left Avalon at 8 p.m. (London"
            " time) on Thursday, is on a two-day visit to Japan.\nFriday, August 29, 2031\n"
            "9:30 p.m. Dinner.\n"
        )


def test_newest_first_across_midnight() -> None:
    doc = read_path(
        FIXTURES / "summit-newest-first-crossing-midnight.txt", ReadOptions(slug="s", today=TODAY)
    )
    assert [u.instant.isoformat() for u in doc.updates] == [
        "2025-11-08T00:40:00+09:00",
        "2025-11-07T23:55:00+09:00",
        "2025-11-07T22:30:00+09:00",
        "2025-11-07T19:00:00+09:00",
    ]
    assert doc.updates[2].paragraphs == (
        "The leaders leave the plenary hall.",
        '"It was a long day," one delegate said.',
    )


def test_year_from_weekday_and_today() -> None:
    doc = read_path(FIXTURES / "no-year.txt", ReadOptions(slug="n", today=TODAY))
    assert doc.updates[0].instant.isoformat() == "2025-10-27T09:00:00+09:00"
    assert doc.title == "Port news live (Korea time)"


def test_year_from_config_wins() -> None:
    doc = read_path(FIXTURES / "no-year.txt", ReadOptions(slug="n", year=2031))
    assert doc.updates[0].instant.year == 2031


def test_year_cannot_be_told() -> None:
    text = "Blog (Tokyo time)\nOct. 29\n9:00 a.m. One.\n8:00 a.m. Two.\n7:00 a.m. Three.\n"
    with pytest.raises(SourceError) as err:
        read(text)
    assert err.value.line == 2
    assert "cannot tell the year of day header 'Oct. 29'" in err.value.message
    assert "--year" in err.value.message


def test_year_from_text_without_weekday() -> None:
    text = "Blog (Tokyo time)\nThe 2024 race.\nOct. 29\n9:00 a.m. One.\n8:00 a.m. Two.\n7:00 a.m. Three.\n"
    assert read(text).updates[0].instant.year == 2024


@pytest.mark.parametrize(
    "ahead",
    [
        "Avalon will host the forum in November 2026.",
        "Avalon to host the forum in 2026",
        "The pact is set to run until the end of 2026.",
        "A deal is expected by 2026.",
    ],
)
def test_a_year_still_to_come_does_not_date_the_blog(ahead: str) -> None:
    """Weekdays fit 2025 and 2031: the year a blog names as still to come is no year it
    was written after, but the one its past names ("since 2019") still is."""
    text = (
        f"Blog (Tokyo time)\nTheir first talks since 2019.\n{ahead}\n"
        "Saturday, November 1\n9:00 p.m. One.\n8:00 p.m. Two.\n"
    )
    assert read(text).updates[0].instant.isoformat() == "2025-11-01T21:00:00+09:00"


def test_a_year_named_in_the_past_still_dates_the_blog() -> None:
    """ "A visit to Avalon in 2014" is no plan: the blog is of 2014, the first year from
    it that its weekdays fit, not 2025, the last before today."""
    text = (
        "Blog (Tokyo time)\nHe made a visit to Avalon in 2014.\n"
        "Saturday, November 1\n9:00 p.m. One.\n8:00 p.m. Two.\n"
    )
    assert read(text).updates[0].instant.year == 2014


def test_recalled_years_each_once_and_not_those_to_come() -> None:
    """A year named twice counts once; one after a cue of what is to come in its own
    sentence, or after "by", not at all; the cue of one sentence is not the next's."""
    text = (
        "They first met in 2019. They met again in 2019. A deal is due by 2020. Avalon will "
        "host the games in 2024. The games of 2018 were in Zenda."
    )
    assert recalled_years(text, date(2026, 1, 1)) == [2019, 2018]


def test_a_wire_story_is_not_dated_by_a_year_still_to_come() -> None:
    """A dateline with no year ("AVALON, Oct 29 (Reuters) -") is the last such Wednesday
    before today, not the day in a year the story names as still to come."""
    text = (
        "AVALON, Oct 29 (Reuters) - Ana Costa arrived in Avalon on Wednesday for talks. "
        "Avalon will host the games in 2026, officials said.\n"
    )
    options = ReadOptions(slug="wire", kind="article", today=date(2026, 11, 22))
    assert read_text(text, "wire.txt", options).published == date(2025, 10, 29)


def test_no_zone_is_a_clear_error() -> None:
    with pytest.raises(SourceError) as err:
        read_path(FIXTURES / "ferry-strike-no-zone.txt", ReadOptions(slug="f"))
    message = err.value.message
    assert "cannot tell which clock" in message
    assert "ferry-strike-no-zone.txt:4" in message
    assert "--tz" in message


def test_tz_option_overrides() -> None:
    doc = read_path(
        FIXTURES / "ferry-strike-no-zone.txt", ReadOptions(slug="f", zone="Europe/Paris")
    )
    assert doc.updates[-1].instant.isoformat() == "2025-03-06T08:00:00+01:00"


def test_unknown_tz_option() -> None:
    with pytest.raises(Exception, match="unknown time zone 'Mars/Olympus'"):
        read_path(FIXTURES / "ferry-strike-no-zone.txt", ReadOptions(slug="f", zone="Mars/Olympus"))


def test_text_hygiene(tmp_path: Path) -> None:
    body = (
        "\ufeffLive: test (Tokyo time)\r\nIntro\u00a0text with “curly quotes”.\r\n"
        "Monday, October 27, 2025\r\n9:00 a.m. First\x07 entry.\r"
        "8:00 a.m. Second\u00a0entry.\n7:00 a.m. Third entry.\n"
    )
    path = tmp_path / "blog.txt"
    path.write_bytes(body.encode("utf-8"))
    doc = read_path(path, ReadOptions(slug="b"))
    assert doc.title == "Live: test (Tokyo time)"
    assert doc.intro == ("Intro text with “curly quotes”.",)
    assert [u.paragraphs[0] for u in doc.updates] == [
        "First entry.",
        "Second entry.",
        "Third entry.",
    ]


def test_utf16_with_bom(tmp_path: Path) -> None:
    body = (
        "Live (JST)\nMonday, October 27, 2025\n9:00 a.m. One.\n8:00 a.m. Two.\n7:00 a.m. Three.\n"
    )
    path = tmp_path / "blog.txt"
    path.write_bytes(body.encode("utf-16"))
    assert len(read_path(path, ReadOptions(slug="b")).updates) == 3


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Live (JST)\nabc \xff def\n")
    with pytest.raises(SourceError) as err:
        read_path(path, ReadOptions(slug="b"))
    assert err.value.message == (
        f"invalid UTF-8 at byte 15 (0xff), {path}:2, save the file as UTF-8"
    )


def test_same_stamp_twice_gets_distinct_ids() -> None:
    text = "Live (JST)\nMonday, October 27, 2025\n9:00 a.m. Later one.\n9:00 a.m. Earlier one.\n8:00 a.m. x.\n"
    doc = read(text)
    anchors = [u.anchor for u in doc.updates]
    assert anchors == ["20251027T000000Z-1", "20251027T000000Z", "20251026T230000Z"]


def test_not_a_liveblog_error_names_what_was_expected() -> None:
    with pytest.raises(SourceError) as err:
        read("Just a paragraph.\nAnother one.\n", kind="liveblog")
    assert "no live-blog updates found" in err.value.message
    assert "blog.txt:1" in err.value.message


def test_labelled_stamps_use_their_own_clock() -> None:
    text = "Live (GMT)\nSunday 26 October 2025\n14:05 BST Before the change.\n0930 GMT After.\n0100 GMT x.\n"
    doc = read(text)
    assert doc.zone == "Europe/London"
    assert sorted(u.instant.astimezone(UTC).strftime("%H:%M") for u in doc.updates) == [
        "01:00",
        "09:30",
        "13:05",
    ]


def local(doc) -> list[str]:
    return [u.instant.isoformat() for u in doc.updates]


def test_newest_first_across_the_clock_change() -> None:
    text = (
        "Overnight (UK time)\nIntro.\nSunday 26 October 2025\n02:30 G.\n01:40 F.\n01:10 E.\n"
        "01:50 D.\n01:20 C.\n00:40 B.\nSaturday 25 October 2025\n23:30 A.\n"
    )
    assert utc(read(text)) == [
        "10-26 02:30",
        "10-26 01:40",
        "10-26 01:10",
        "10-26 00:50",
        "10-26 00:20",
        "10-25 23:40",
        "10-25 22:30",
    ]


def test_ambiguous_hour_alone_is_the_first_one() -> None:
    text = "Overnight (UK time)\nIntro.\nSunday 26 October 2025\n00:50 A.\n01:30 B.\n03:00 C.\n"
    assert local(read(text))[1] == "2025-10-26T01:30:00+01:00"


def test_skipped_hour_moves_forward() -> None:
    text = "Overnight (UK time)\nIntro.\nSunday 30 March 2025\n00:50 A.\n01:30 B.\n03:00 C.\n"
    assert local(read(text)) == [
        "2025-03-30T03:00:00+01:00",
        "2025-03-30T02:30:00+01:00",
        "2025-03-30T00:50:00+00:00",
    ]


def test_half_day_from_the_newer_neighbour() -> None:
    text = (
        "Results (IST)\nIntro.\nSaturday, November 8, 2025\n5:10 p.m. Declared.\n"
        "4: 58 IST Recount.\n4:40 p.m. Count.\n"
    )
    doc = read(text)
    recount = next(u for u in doc.updates if u.stamp == "4: 58 IST")
    assert recount.instant.isoformat() == "2025-11-08T16:58:00+05:30"
    assert recount.approximate
    assert not any(u.approximate for u in doc.updates if u is not recount)


def test_unpadded_times_in_a_24_hour_blog_are_not_guesses() -> None:
    text = "Live (CET)\nIntro.\nTuesday 4 March 2025\n9:05 A.\n13:40 B.\n18:20 C.\n"
    doc = read(text)
    assert not any(u.approximate for u in doc.updates)
    assert doc.updates[-1].instant.isoformat() == "2025-03-04T09:05:00+01:00"


def test_gazetteer_place_in_a_time_phrase() -> None:
    text = "Summit live (Gyeongju time):\nWednesday 29 October 2025\n9:00 a.m. A.\n8:00 a.m. B.\n"
    assert read(text, zone_of_place={"Gyeongju": "Asia/Seoul"}.get).zone == "Asia/Seoul"


def test_dateline_zone_without_a_gazetteer() -> None:
    text = (
        "Talks (local time)\nMOMBASA, Kenya -- Delegations met again on Thursday at the port.\n"
        "Thursday, Nov. 6, 2025\n9:10 a.m. A.\n11:30 a.m. B.\n"
    )
    assert read(text).zone == "Africa/Nairobi"


def test_local_time_with_an_unknown_dateline_is_a_clear_error() -> None:
    text = (
        "Talks (local time)\nPORT ELSEWHERE, Nowhere -- Delegations met again on Thursday.\n"
        "Thursday, Nov. 6, 2025\n9:10 a.m. A.\n11:30 a.m. B.\n"
    )
    with pytest.raises(SourceError) as err:
        read(text)
    assert "starting with '9:10 a.m.'" in err.value.message
    assert "the dateline place is unknown" in err.value.message
    assert "blog.txt:4" in err.value.message


def test_offsets_alone_choose_a_fixed_zone() -> None:
    text = "Live\nIntro.\nWednesday 12 November 2025\n18:40 UTC+09:00 A.\n17:00 UTC+09:00 B.\n"
    doc = read(text)
    assert doc.zone == "Etc/GMT-9"
    assert utc(doc) == ["11-12 09:40", "11-12 08:00"]


def test_agenda_in_a_newest_first_blog_without_a_cue() -> None:
    text = (
        "Budget (UK time)\nIntro.\nWednesday 26 November 2025\n"
        "11.15am: Cabinet has ended.\n"
        "9.30am: The chancellor leaves for Parliament. Later:\n"
        "12pm: Prime minister's questions\n12.30pm: Budget statement\n"
        "9.10am: Markets are calm.\n"
    )
    doc = read(text)
    assert [u.stamp for u in doc.updates] == ["11.15am:", "9.30am:", "9.10am:"]
    assert doc.updates[1].paragraphs[1:] == (
        "12pm: Prime minister's questions",
        "12.30pm: Budget statement",
    )


def test_agenda_in_the_preamble_stays_in_the_intro() -> None:
    text = (
        "Budget (UK time)\nThe chancellor speaks this afternoon.\nWhat's coming up\n"
        "10am: Cabinet\n12.30pm: Budget statement\n"
        "Wednesday 26 November 2025\n9.10am: Markets are calm.\n8.40am: Good morning.\n"
    )
    doc = read(text)
    assert len(doc.updates) == 2
    assert doc.intro[-2:] == ("10am: Cabinet", "12.30pm: Budget statement")


def test_an_update_ending_with_a_colon_does_not_swallow_the_next() -> None:
    text = (
        "Live (UK time)\nIntro.\nWednesday 26 November 2025\n"
        "09:00 The minister said:\n09:05 Reporters gathered outside.\n09:20 Then she left.\n"
    )
    assert len(read(text).updates) == 3


def test_short_one_line_updates_are_not_an_agenda() -> None:
    text = (
        "Live (UK time)\nIntro.\nWednesday 26 November 2025\n"
        "09:00 Doors open\n09:30 First speaker\n10:15 Break\n10:40 Second speaker\n"
    )
    assert len(read(text).updates) == 4


def test_no_updates_shows_the_lines_it_could_not_place() -> None:
    with pytest.raises(SourceError) as err:
        read("A title\nJust a paragraph.\nAnother one at nine.\nAnd more.\n", kind="liveblog")
    message = err.value.message
    assert "expected lines starting with a time such as '9:50 a.m.'" in message
    assert "blog.txt:1 'A title'" in message
    assert "blog.txt:3 'Another one at nine.'" in message
    assert "blog.txt:4" not in message


def test_undated_stamp_names_itself_and_its_line() -> None:
    with pytest.raises(SourceError) as err:
        read("Live (JST)\nIntro.\n9:50 a.m. One.\n9:40 a.m. Two.\n9:30 a.m. Three.\n")
    message = err.value.message
    assert "cannot date the update stamped '9:50 a.m.'" in message
    assert "blog.txt:3" in message
    assert "`date:`" in message


def test_dateline_date_line_is_not_intro() -> None:
    doc = read(
        "Live (JST)\nPublished Nov 5, 2017\nIntro.\n9:50 a.m. One.\n9:40 a.m. Two.\n9:30 a.m. x.\n"
    )
    assert doc.intro == ("Intro.",)
    assert doc.published.isoformat() == "2017-11-05"


def test_stamp_outside_the_calendar_names_itself() -> None:
    with pytest.raises(SourceError) as err:
        read("Live\nIntro.\nFriday, December 31, 9999\n23:30 UTC-05:00 A.\n23:40 UTC-05:00 B.\n")
    assert "the update stamped '23:30 UTC-05:00' falls outside the calendar" in err.value.message
    assert "blog.txt:4" in err.value.message


KEY_EVENTS = """Summit live: leaders gather for talks

Our correspondents report from the venue.

Key events

14.05 GMT Leaders arrive at the venue

13.30 GMT Talks begin behind closed doors

Wednesday 29 October 2025

14.05 GMT

Leaders arrive at the venue

The first delegations arrived shortly after 2pm.

13.30 GMT

Talks begin behind closed doors

The talks opened behind closed doors, officials said.

12.58 GMT Several hundred people gathered outside.

12.02 GMT

Morning briefing

Officials previewed the agenda.
"""


def test_a_key_events_list_gives_no_second_update() -> None:
    doc = read(KEY_EVENTS)
    assert utc(doc) == ["10-29 14:05", "10-29 13:30", "10-29 12:58", "10-29 12:02"]
    assert doc.intro == ("Our correspondents report from the venue.",)  # not its heading
    assert [u.paragraphs for u in doc.updates[:2]] == [
        ("Leaders arrive at the venue", "The first delegations arrived shortly after 2pm."),
        (
            "Talks begin behind closed doors",
            "The talks opened behind closed doors, officials said.",
        ),
    ]
    assert doc.updates[2].paragraphs == ("Several hundred people gathered outside.",)


def test_a_one_line_entry_is_dropped_only_when_a_fuller_one_repeats_its_time_and_words() -> None:
    # At another minute, or with other words, the one-liner is an update of its own (here
    # above the first day header, so dated by the date given).
    for line in ("14.06 GMT Leaders arrive at the venue", "14.05 GMT Leaders leave the venue"):
        text = KEY_EVENTS.replace("14.05 GMT Leaders arrive at the venue", line, 1)
        doc = read(text, date=date(2025, 10, 29))
        assert len(doc.updates) == 5
        assert line.split(" GMT ")[1] in [u.text for u in doc.updates]


def test_age_labels_are_page_furniture() -> None:
    # "2h ago" before an entry's stamp, alone or on the key event's own line: true only when
    # the page was saved, and never the end of the entry above.
    aged = KEY_EVENTS.replace("\n14.05 GMT Leaders", "\n2h ago 14.05 GMT Leaders").replace(
        "\n13.30 GMT\n", "\n3 hours ago\n\n13.30 GMT\n"
    )
    assert aged.count(" ago") == 2
    doc = read(aged)
    assert utc(doc) == utc(read(KEY_EVENTS))
    assert [u.paragraphs for u in doc.updates] == [u.paragraphs for u in read(KEY_EVENTS).updates]
    assert doc.intro == ("Our correspondents report from the venue.",)


def test_stamps_that_name_their_day_first_date_their_updates() -> None:
    # No day headers: each stamp's own "29 October" dates it, across midnight and the
    # change from summer time (BST) back to GMT on 26 October.
    doc = read(
        "Storm live (all times UK)\n\n"
        "09:10 GMT 27 October\n\nCrews are clearing the roads.\n\n"
        "23:40 GMT, 26 October: The wind is easing.\n\n"
        "22:05 BST 25 October\n\nThe storm reached the coast.\n",
        year=2025,
    )
    assert utc(doc) == ["10-27 09:10", "10-26 23:40", "10-25 21:05"]
    assert [u.text for u in doc.updates] == [
        "Crews are clearing the roads.",
        "The wind is easing.",
        "The storm reached the coast.",
    ]


def test_a_pages_buttons_and_ad_slots_are_no_text() -> None:
    doc = read(
        "Summit live (all times GMT)\nWednesday 29 October 2025\n\n"
        "14:05 Leaders arrive\nAdvertisement\nThe first delegations arrived.\nLink copied!\n"
        "13:30 Talks begin\nShare\nThe talks opened. Share the news.\nStory continues below "
        "advertisement\nShow more\n"
    )
    assert [u.paragraphs for u in doc.updates] == [
        ("Leaders arrive", "The first delegations arrived."),
        ("Talks begin", "The talks opened. Share the news."),
    ]


def test_a_lone_one_line_entry_that_repeats_another_days_headline_stays() -> None:
    # The same words at the same minute on two days, one of them a whole entry: not a list.
    doc = read(
        "Visit live (all times GMT)\n\nWednesday 29 October 2025\n\n"
        "14:05 GMT Security was heavy along the route.\n\n13:00 GMT Talks went on.\n\n"
        "Tuesday 28 October 2025\n\n14:05 GMT\n\nSecurity was heavy along the route.\n\n"
        "Roads were closed for hours.\n"
    )
    assert utc(doc) == ["10-29 14:05", "10-29 13:00", "10-28 14:05"]


def test_a_key_events_list_under_the_day_header_is_a_list_too() -> None:
    text = (
        KEY_EVENTS.replace("Key events\n\n", "")
        .replace("Wednesday 29 October 2025\n\n", "")
        .replace(
            "Summit live: leaders gather for talks\n", "Summit live\n\nWednesday 29 October 2025\n"
        )
    )
    assert "Key events" not in text and text.count("Wednesday") == 1
    assert utc(read(text)) == ["10-29 14:05", "10-29 13:30", "10-29 12:58", "10-29 12:02"]


def test_one_line_entries_in_a_row_that_repeat_another_days_entries_stay() -> None:
    doc = read(
        "Visit live (all times GMT)\n\nWednesday 29 October 2025\n\n"
        "14:05 GMT Security was heavy along the route.\n\n13:00 GMT Crowds lined the road.\n\n"
        "Tuesday 28 October 2025\n\n14:05 GMT\n\nSecurity was heavy along the route.\n\n"
        "Roads were closed for hours.\n\n13:00 GMT\n\nCrowds lined the road.\n\nMany waved flags.\n"
    )
    assert utc(doc) == ["10-29 14:05", "10-29 13:00", "10-28 14:05", "10-28 13:00"]


def test_an_entrys_edit_time_below_it_is_no_update() -> None:
    """ "Updated at 16.20 BST" under an entry stamped 16.05 tells when it was edited; the
    page's "Show key events only" and JavaScript notice are no intro."""
    doc = read(
        "Visit live\nKey events\nShow key events only\n"
        "Please turn on JavaScript to use this feature\n"
        "Wed 17 Sep 2025 19.40 BST\nBanquet begins\nGuests sit down to dinner.\nShare\n"
        "Wed 17 Sep 2025 16.05 BST\nWreath laid\nThe president laid a wreath.\nShare\n"
        "Updated at 16.20 BST\n"
        "Wed 17 Sep 2025 12.10 BST\nProcession sets off\nThe carriages left the castle.\n"
    )
    assert doc.title == "Visit live"
    assert doc.intro == ()
    assert [(u.instant.isoformat(), len(u.paragraphs)) for u in doc.updates] == [
        ("2025-09-17T19:40:00+01:00", 2),
        ("2025-09-17T16:05:00+01:00", 2),
        ("2025-09-17T12:10:00+01:00", 2),
    ]


def test_an_updated_at_stamp_with_text_is_an_update() -> None:
    """Where an "Updated at" line opens text of its own, it is a stamp like any other."""
    doc = read(
        "Visit live\n"
        "Wed 17 Sep 2025 16.05 BST\nWreath laid\nThe president laid a wreath.\n"
        "Updated at 16.20 BST\nThe president has left the chapel.\n"
        "Wed 17 Sep 2025 12.10 BST\nProcession sets off\nThe carriages left the castle.\n"
    )
    assert [(u.stamp, u.paragraphs) for u in doc.updates] == [
        ("Updated at 16.20 BST", ("The president has left the chapel.",)),
        ("Wed 17 Sep 2025 16.05 BST", ("Wreath laid", "The president laid a wreath.")),
        ("Wed 17 Sep 2025 12.10 BST", ("Procession sets off", "The carriages left the castle.")),
    ]


@pytest.mark.parametrize(
    ("declared", "options", "hour"),
    [
        # a label of one offset is that offset in July too, as a stamp so labelled is
        ("All times GMT", {}, 14),
        ("Live updates (all times BST)", {}, 13),
        # the pair a zone's clock goes by is that zone's clock
        ("All times GMT/BST", {}, 13),
        # and a zone given wins
        ("All times GMT", {"zone": "Europe/London"}, 13),
    ],
)
def test_a_page_that_declares_a_label_of_one_offset_is_read_at_it(
    declared: str, options: dict, hour: int
) -> None:
    doc = read(
        f"Harbour live\n{declared}\nWednesday, July 2, 2025\n14:05 Ferries sail.\n", **options
    )
    assert doc.updates[0].instant.astimezone(UTC).hour == hour
