"""The temporal tagger, one table row per form of English news time language."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest
import pytz
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.understand.timex import Narrative, Timex, on_local_clock, tag, tense_of
from tests.corpus import corpus_sentences, word_salads

ZONE = pytz.timezone("Australia/Brisbane")  # no daylight saving: offsets are always +10
REF = ZONE.localize(datetime(2025, 10, 28, 9, 0))  # a Tuesday morning


def at(day: int, hour: int, minute: int = 0, month: int = 10) -> datetime:
    return ZONE.localize(datetime(2025, month, day, hour, minute))


def find(sentence: str, text: str, ref: datetime = REF, **kw: object) -> Timex:
    """The one expression of `sentence` whose text is `text`; every result is checked too."""
    found = tag(sentence, ref, **kw)
    for timex in found:
        assert sentence[timex.span[0] : timex.span[1]] == timex.text
    matching = [t for t in found if t.text == text]
    assert len(matching) == 1, [t.text for t in found]
    return matching[0]


@pytest.mark.parametrize(
    ("sentence", "text", "start", "grain", "approximate"),
    [
        ("The leaders met at 11 a.m.", "11 a.m.", at(28, 11), "hour", False),
        ("Doors opened at 9:50 a.m. sharp.", "9:50 a.m.", at(28, 9, 50), "minute", False),
        ("Doors opened at 9:50am sharp.", "9:50am", at(28, 9, 50), "minute", False),
        ("Doors opened at 9.50am sharp.", "9.50am", at(28, 9, 50), "minute", False),
        ("The session opens at 9 AM.", "9 AM", at(28, 9), "hour", False),
        ("The vote is at 3 p.m. in the chamber.", "3 p.m.", at(28, 15), "hour", False),
        ("Protesters gathered at 12:15 a.m.", "12:15 a.m.", at(28, 0, 15), "minute", False),
        ("Lunch began at 12 p.m.", "12 p.m.", at(28, 12), "hour", False),
        ("Lunch began at 12:00 p.m.", "12:00 p.m.", at(28, 12), "minute", False),
        ("Lunch began at noon.", "noon", at(28, 12), "minute", False),
        ("Lunch began at 12 noon.", "12 noon", at(28, 12), "minute", False),
        ("The deal was sealed at midnight.", "midnight", at(28, 0), "minute", False),
        ("The ceasefire will begin at midnight.", "midnight", at(29, 0), "minute", False),
        ("Police said at 14:05 that the road was clear.", "14:05", at(28, 14, 5), "minute", False),
        ("He departed shortly after 7 p.m.", "shortly after 7 p.m.", at(28, 19), "hour", True),
        ("He is expected to land after 5 p.m.", "after 5 p.m.", at(28, 17), "hour", True),
        ("Crowds gathered around 6 p.m.", "around 6 p.m.", at(28, 18), "hour", True),
        ("The convoy arrived just before 8 p.m.", "just before 8 p.m.", at(28, 20), "hour", True),
        ("Results are due by 10 a.m.", "by 10 a.m.", at(28, 10), "hour", True),
        ("Talks resumed at about 4:30 p.m.", "about 4:30 p.m.", at(28, 16, 30), "minute", True),
    ],
)
def test_clock_times(
    sentence: str, text: str, start: datetime, grain: str, approximate: bool
) -> None:
    timex = find(sentence, text)
    assert (timex.start, timex.end, timex.grain, timex.approximate, timex.kind) == (
        start,
        None,
        grain,
        approximate,
        "time",
    )


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        ("Voting runs from 9 a.m. to 5 p.m.", "from 9 a.m. to 5 p.m.", at(28, 9), at(28, 17)),
        ("The office is shut between 2 and 4 p.m.", "between 2 and 4 p.m.", at(28, 14), at(28, 16)),
        ("Roads close 9-11 a.m. for the parade.", "9-11 a.m.", at(28, 9), at(28, 11)),
        ("The bar is open 11-1 p.m. only.", "11-1 p.m.", at(28, 11), at(28, 13)),
        (
            "A curfew applies from 10 p.m. to midnight.",
            "from 10 p.m. to midnight",
            at(28, 22),
            at(29, 0),
        ),
    ],
)
def test_clock_ranges(sentence: str, text: str, start: datetime, end: datetime) -> None:
    timex = find(sentence, text)
    assert (timex.start, timex.end, timex.approximate) == (start, end, False)


@pytest.mark.parametrize(
    ("sentence", "text", "start"),
    [
        ("The summit opens on Wednesday at 11 a.m.", "Wednesday at 11 a.m.", at(29, 11)),
        ("The jet left October 29 at 9:50 a.m.", "October 29 at 9:50 a.m.", at(29, 9, 50)),
        ("Talks start at 10 a.m. on Thursday.", "10 a.m. on Thursday", at(30, 10)),
        (
            "An entry at 1:00 a.m. on Tuesday, October 28, was deleted.",
            "1:00 a.m. on Tuesday, October 28",
            at(28, 1),
        ),
        (
            "Tuesday, October 28, 2025, 3 p.m.: talks end.",
            "Tuesday, October 28, 2025, 3 p.m.",
            at(28, 15),
        ),
        ("Tomorrow at 9 a.m. the board meets.", "Tomorrow at 9 a.m.", at(29, 9)),
        ("The rally is tonight at 8 p.m.", "tonight at 8 p.m.", at(28, 20)),
        ("The jet landed last night at 11:40 p.m.", "last night at 11:40 p.m.", at(27, 23, 40)),
        ("They will meet Wednesday morning at 9 a.m.", "Wednesday morning at 9 a.m.", at(29, 9)),
    ],
)
def test_clock_on_a_date(sentence: str, text: str, start: datetime) -> None:
    timex = find(sentence, text)
    assert (timex.start, timex.kind) == (start, "datetime")


@pytest.mark.parametrize(
    ("sentence", "text", "start"),
    [
        ("On Wednesday, the minister will speak at 11 a.m.", "11 a.m.", at(29, 11)),
        ("On October 30, crowds are due to gather around 6 p.m.", "around 6 p.m.", at(30, 18)),
        ("He arrived at 7 p.m. and left the next morning.", "7 p.m.", at(28, 19)),
    ],
)
def test_bare_clock_takes_the_sentence_date(sentence: str, text: str, start: datetime) -> None:
    timex = find(sentence, text)
    assert (timex.start, timex.kind) == (start, "time")


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        (
            "The treaty was signed on October 28, 2025.",
            "October 28, 2025",
            date(2025, 10, 28),
            None,
        ),
        ("The treaty was signed Oct. 28.", "Oct. 28", date(2025, 10, 28), None),
        ("The treaty was signed on 28 October 2025.", "28 October 2025", date(2025, 10, 28), None),
        ("It was signed on the 28th of October.", "28th of October", date(2025, 10, 28), None),
        ("The vote is on Sept. 3.", "Sept. 3", date(2025, 9, 3), None),
        ("The vote is on January 5.", "January 5", date(2026, 1, 5), None),
        ("Tuesday, October 28", "Tuesday, October 28", date(2025, 10, 28), None),
        ("Wed., Oct. 29, 2025", "Wed., Oct. 29, 2025", date(2025, 10, 29), None),
        (
            "The visit runs from October 27 to 29, 2025.",
            "October 27 to 29, 2025",
            date(2025, 10, 27),
            date(2025, 10, 30),
        ),
        ("The fair runs Oct 30 - Nov 2.", "Oct 30 - Nov 2", date(2025, 10, 30), date(2025, 11, 3)),
        (
            "The visit runs from 27 to 29 October 2025.",
            "27 to 29 October 2025",
            date(2025, 10, 27),
            date(2025, 10, 30),
        ),
        ("The fair runs 30-31 October.", "30-31 October", date(2025, 10, 30), date(2025, 11, 1)),
        (  # across a month's end, day first
            "The journey ran from 27 November to 2 December 2025.",
            "27 November to 2 December 2025",
            date(2025, 11, 27),
            date(2025, 12, 3),
        ),
        (  # across a year's end: the year written is the last day's
            "The tour runs from 28 December to 3 January 2026.",
            "28 December to 3 January 2026",
            date(2025, 12, 28),
            date(2026, 1, 4),
        ),
        (
            "The tour runs from December 28 to January 3, 2026.",
            "December 28 to January 3, 2026",
            date(2025, 12, 28),
            date(2026, 1, 4),
        ),
        ("The statement came yesterday.", "yesterday", date(2025, 10, 27), None),
        ("The statement comes today.", "today", date(2025, 10, 28), None),
        ("The statement comes tomorrow.", "tomorrow", date(2025, 10, 29), None),
        ("It ends the day after tomorrow.", "the day after tomorrow", date(2025, 10, 30), None),
        ("The minister last Friday said so.", "last Friday", date(2025, 10, 24), None),
        ("The minister will travel next Tuesday.", "next Tuesday", date(2025, 11, 4), None),
        ("He flies out this coming Sunday.", "this coming Sunday", date(2025, 11, 2), None),
        ("They arrived two days later.", "two days later", date(2025, 10, 30), None),
        ("The next day the ministers signed a pact.", "The next day", date(2025, 10, 29), None),
        ("On the previous day, talks stalled.", "the previous day", date(2025, 10, 27), None),
    ],
)
def test_dates(sentence: str, text: str, start: date, end: date | None) -> None:
    timex = find(sentence, text)
    assert (timex.start, timex.end, timex.kind, timex.grain) == (start, end, "date", "day")


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("The two leaders met on Monday.", date(2025, 10, 27)),  # past: looks back
        ("The two leaders will meet on Monday.", date(2025, 11, 3)),  # future: ahead
        ("The two leaders meet on Monday.", date(2025, 10, 27)),  # present: nearest
        ("The two leaders meet on Friday.", date(2025, 10, 31)),
        ("The two leaders meet on Saturday.", date(2025, 10, 25)),
        ("The trial opened on Tuesday.", date(2025, 10, 28)),  # today included
        ("The trial is due to open on Tuesday.", date(2025, 10, 28)),
        ("The envoy left for talks on Sunday.", date(2025, 10, 26)),
    ],
)
def test_weekday_follows_tense(sentence: str, start: date) -> None:
    weekday = next(
        w for w in ("Monday", "Tuesday", "Friday", "Saturday", "Sunday") if w in sentence
    )
    assert find(sentence, weekday).start == start


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        ("Talks will continue Wednesday morning.", "Wednesday morning", at(29, 6), at(29, 12)),
        (
            "On the evening of October 27, 2025, he landed.",
            "the evening of October 27, 2025",
            at(27, 17),
            at(27, 22),
        ),
        ("He spoke this morning.", "this morning", at(28, 6), at(28, 12)),
        ("He speaks this afternoon.", "this afternoon", at(28, 12), at(28, 18)),
        ("He speaks this evening.", "this evening", at(28, 17), at(28, 22)),
        ("He speaks tonight.", "tonight", at(28, 17), at(29, 0)),
        ("They dined last night.", "last night", at(27, 17), at(28, 0)),
        ("They fly tomorrow morning.", "tomorrow morning", at(29, 6), at(29, 12)),
        ("Earlier this morning, she said so.", "Earlier this morning", at(28, 6), at(28, 9)),
        ("He leaves later this morning.", "later this morning", at(28, 9), at(28, 12)),
        ("He left early this morning.", "early this morning", at(28, 5), at(28, 8)),
        (
            "In the afternoon, the delegation will fly out.",
            "In the afternoon",
            at(28, 12),
            at(28, 18),
        ),
        ("Rain fell late in the afternoon.", "late in the afternoon", at(28, 15), at(28, 18)),
        ("Sirens sounded at night.", "at night", at(28, 20), at(29, 0)),
        ("They met again the next morning.", "the next morning", at(29, 6), at(29, 12)),
        ("He flew in on Monday and spoke that evening.", "that evening", at(27, 17), at(27, 22)),
        ("Fans are gathering Friday night.", "Friday night", at(31, 20), at(1, 0, month=11)),
        (
            "The gala is in the evening on Thursday.",
            "in the evening on Thursday",
            at(30, 17),
            at(30, 22),
        ),
        ("He spoke earlier today.", "earlier today", at(28, 0), at(28, 9)),
        ("Later tonight, fireworks are planned.", "Later tonight", at(28, 17), at(29, 0)),
    ],
)
def test_parts_of_day(sentence: str, text: str, start: datetime, end: datetime) -> None:
    timex = find(sentence, text)
    assert (timex.start, timex.end, timex.grain, timex.kind, timex.approximate) == (
        start,
        end,
        "part",
        "part",
        True,
    )


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end", "grain"),
    [
        ("Earlier, the minister met the families.", "Earlier", at(27, 21), at(28, 9), "part"),
        (
            "At a meeting earlier with officials, she spoke.",
            "earlier",
            at(27, 21),
            at(28, 9),
            "part",
        ),
        ("Later, the president is due to attend a dinner.", "Later", at(28, 9), at(28, 21), "part"),
        (
            "He plans to visit later this week.",
            "later this week",
            date(2025, 10, 28),
            date(2025, 11, 3),
            "day",
        ),
        (
            "They spoke earlier this week.",
            "earlier this week",
            date(2025, 10, 27),
            date(2025, 10, 29),
            "day",
        ),
        ("They meet next week.", "next week", date(2025, 11, 3), date(2025, 11, 10), "day"),
        ("They met last week.", "last week", date(2025, 10, 20), date(2025, 10, 27), "day"),
        (
            "The prize, announced earlier this month, went abroad.",
            "earlier this month",
            date(2025, 10, 1),
            date(2025, 10, 29),
            "month",
        ),
        (
            "Rice has been a key issue this year.",
            "this year",
            date(2025, 1, 1),
            date(2026, 1, 1),
            "year",
        ),
        ("The man was arrested in 2022.", "2022", date(2022, 1, 1), date(2023, 1, 1), "year"),
        ("He has reigned since 2019.", "2019", date(2019, 1, 1), date(2020, 1, 1), "year"),
        ("He last visited in June 2019.", "June 2019", date(2019, 6, 1), date(2019, 7, 1), "month"),
        (
            "The fiscal year runs through March.",
            "March",
            date(2026, 3, 1),
            date(2026, 4, 1),
            "month",
        ),
    ],
)
def test_relative_and_approximate(
    sentence: str, text: str, start: date, end: date, grain: str
) -> None:
    timex = find(sentence, text)
    assert (timex.start, timex.end, timex.grain, timex.approximate) == (start, end, grain, True)


@pytest.mark.parametrize(
    ("sentence", "text", "duration", "approximate", "grain"),
    [
        (
            "He stayed for about 35 minutes.",
            "about 35 minutes",
            timedelta(minutes=35),
            True,
            "minute",
        ),
        ("They talked for two hours.", "two hours", timedelta(hours=2), False, "hour"),
        ("They talked for 90 minutes.", "90 minutes", timedelta(minutes=90), False, "minute"),
        ("They held an hour-long meeting.", "an hour-long", timedelta(hours=1), False, "hour"),
        ("They held a 90-minute meeting.", "90-minute", timedelta(minutes=90), False, "minute"),
        ("The vote took half an hour.", "half an hour", timedelta(minutes=30), False, "hour"),
        (
            "Talks lasted roughly three hours.",
            "roughly three hours",
            timedelta(hours=3),
            True,
            "hour",
        ),
        ("The trip took nearly 2.5 hours.", "nearly 2.5 hours", timedelta(hours=2.5), True, "hour"),
        (
            "It was the best in its first 10 months.",
            "10 months",
            timedelta(days=300),
            True,
            "month",
        ),
        ("They signed a five-day truce.", "five-day", timedelta(days=5), False, "day"),
        # amounts in two parts
        (
            "Talks lasted two and a half hours.",
            "two and a half hours",
            timedelta(hours=2.5),
            False,
            "hour",
        ),
        (
            "Talks lasted an hour and a half.",
            "an hour and a half",
            timedelta(hours=1.5),
            False,
            "hour",
        ),
        (
            "It lasted about one hour and forty minutes.",
            "about one hour and forty minutes",
            timedelta(minutes=100),
            True,
            "hour",
        ),
        (
            "It lasted 1 hour 40 minutes.",
            "1 hour 40 minutes",
            timedelta(minutes=100),
            False,
            "hour",
        ),
        (
            "It lasted two days and three hours.",
            "two days and three hours",
            timedelta(hours=51),
            False,
            "day",
        ),
    ],
)
def test_durations(
    sentence: str, text: str, duration: timedelta, approximate: bool, grain: str
) -> None:
    timex = find(sentence, text)
    assert (timex.kind, timex.duration, timex.approximate, timex.grain) == (
        "duration",
        duration,
        approximate,
        grain,
    )
    assert (timex.start, timex.end) == (REF, REF + duration)


@pytest.mark.parametrize(
    ("sentence", "text", "start"),
    [
        ("She is expected to land in about half an hour.", "in about half an hour", at(28, 9, 30)),
        ("He will speak in two hours.", "in two hours", at(28, 11)),
        ("The motorcade leaves within 20 minutes.", "within 20 minutes", at(28, 9, 20)),
    ],
)
def test_in_an_amount_of_time_ahead_is_when(sentence: str, text: str, start: datetime) -> None:
    timex = find(sentence, text)
    assert (timex.kind, timex.start, timex.end, timex.approximate) == ("time", start, None, True)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("He wrote the speech in an hour.", "an hour"),  # told in the past: how long
        ("She will stay in Zenda for two hours.", "two hours"),
        ("He will be back in two days.", "two days"),  # days: no time of day to give
    ],
)
def test_an_amount_of_time_that_is_no_when_stays_a_duration(sentence: str, text: str) -> None:
    assert find(sentence, text).kind == "duration"


def test_two_amounts_of_one_unit_stay_two() -> None:
    # "10 minutes and 20 minutes" is no 30-minute amount; minutes before hours neither
    for sentence, first in (
        ("She spoke for 10 minutes and 20 minutes later left.", "10 minutes"),
        ("It took 40 minutes and 2 hours.", "40 minutes"),
    ):
        assert find(sentence, first).duration == timedelta(minutes=int(first.split()[0]))


@pytest.mark.parametrize(
    "sentence",
    [
        "Defence spending will rise to 2% of GDP.",
        "It agreed a $550 billion investment framework.",
        "The game was knotted at 5 heading into the ninth inning.",
        "Fighter jets including F-35s are parked on deck.",
        "The woman, 89, whose daughter was taken at the age of 13, spoke.",
        "The 79-year-old president told reporters.",
        "Police deployed up to around 18,000 officers.",
        "The court ruled 5-4 against the plan.",
        "The bill passed 52 to 48.",
        "It lists 17 citizens taken in the 1970s and 1980s.",
        "Touting his first 10 months, he smiled.",
        "The plan costs 3.5 billion.",
        "Farming began here over 8000 years ago, some 12000 years before the 1999 census.",
    ],
)
def test_not_clock_times(sentence: str) -> None:
    assert [t.text for t in tag(sentence, REF) if t.kind in ("time", "datetime")] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Good morning, everyone.",
        "A morning summit with the premier follows.",
        "The plane rose into a cloudy morning sky.",
        "May the best team win.",
        "The United States and Japan are allies.",
        "His earlier remarks drew criticism.",
        "It came later than planned, yet earlier than expected.",
        "The president has a busy schedule on the second day of the visit.",
        "She holds the final day of talks.",
    ],
)
def test_no_temporal_expression(sentence: str) -> None:
    assert tag(sentence, REF) == []


@pytest.mark.parametrize(
    ("text", "first_day", "start"),
    [
        ("the second day", date(2025, 10, 27), date(2025, 10, 28)),
        ("the first day", date(2025, 10, 27), date(2025, 10, 27)),
        ("the third day", date(2025, 10, 27), date(2025, 10, 29)),
    ],
)
def test_nth_day_of_a_visit(text: str, first_day: date, start: date) -> None:
    sentence = f"He has a busy schedule on {text} of his visit."
    assert find(sentence, text, first_day=first_day).start == start


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("The leaders will meet on Wednesday.", "future"),
        ("The minister is due to leave.", "future"),
        ("She is expected to attend.", "future"),
        ("The talks are scheduled to resume.", "future"),
        ("The company plans to expand.", "future"),
        ("The vote is set to take place.", "future"),
        ("He is likely to sit down with his counterpart.", "future"),
        ("He's due to leave a little later this morning.", "future"),
        ("He said he will return.", "future"),
        ("The two leaders met on Monday.", "past"),
        ("The president left the palace.", "past"),
        ("She took the stage.", "past"),
        ("The spokesman said the talks were useful.", "past"),
        ("He spoke briefly.", "past"),
        ("She gave a speech.", "past"),
        ("The delegation has arrived.", "past"),
        ("Officials have signed the pact.", "past"),
        ("Earlier, crowds lined the route.", "past"),
        ("The minister posted a message.", "past"),
        ("The president meets the emperor.", "present"),
        ("The United States and its allies are united.", "present"),
        ("The government lists 17 citizens abducted by the regime.", "present"),
        ("Later that afternoon, she travelled by motorcade to the city.", "past"),
        ("The delegation traveled by helicopter to the base.", "past"),
        ("The newly appointed minister arrives.", "present"),
        ("Despite a packed schedule, he smiles.", "present"),
        ("Footage shows the jet on the tarmac.", "present"),
    ],
)
def test_tense(sentence: str, tense: str) -> None:
    assert tense_of(sentence) == tense


def test_tense_can_be_given() -> None:
    sentence = "The leaders meet on Monday."
    assert find(sentence, "Monday", tense="future").start == date(2025, 11, 3)
    assert find(sentence, "Monday", tense="past").start == date(2025, 10, 27)


def test_narrative_reference_moves() -> None:
    narrative = Narrative("Australia/Brisbane")
    steps = [
        # (sentence, texts found, starts, reference afterwards)
        (
            "The ministers met on October 27, 2025, in the capital.",
            ["October 27, 2025"],
            [date(2025, 10, 27)],
            date(2025, 10, 27),
        ),
        (
            "The next day they signed a pact.",
            ["The next day"],
            [date(2025, 10, 28)],
            date(2025, 10, 28),
        ),
        (
            "On October 28, 2025, at 3 p.m., they held a news conference.",
            ["October 28, 2025, at 3 p.m."],
            [at(28, 15)],
            date(2025, 10, 28),
        ),
        (
            "On Monday they had met the governor.",
            ["Monday"],
            [date(2025, 10, 27)],
            date(2025, 10, 28),
        ),
        ("That evening the talks ended.", ["That evening"], [at(28, 17)], date(2025, 10, 28)),
        ("The delegation left on Oct. 30.", ["Oct. 30"], [date(2025, 10, 30)], date(2025, 10, 30)),
    ]
    for sentence, texts, starts, reference in steps:
        found = narrative.tag(sentence)
        assert [t.text for t in found] == texts, sentence
        assert [t.start for t in found] == starts, sentence
        assert narrative.reference == reference, sentence


def test_narrative_without_reference_keeps_only_absolute_dates() -> None:
    narrative = Narrative("Australia/Brisbane")
    assert narrative.reference is None
    assert narrative.tag("The envoy arrived on Monday at 9 a.m.") == []
    assert [t.start for t in narrative.tag("The man was arrested in 2022.")] == [date(2022, 1, 1)]
    assert narrative.reference is None
    found = narrative.tag("On the evening of October 27, 2025, he landed.")
    assert found[0].start == at(27, 17)
    assert narrative.reference == date(2025, 10, 27)


def test_narrative_default_reference() -> None:
    narrative = Narrative("Australia/Brisbane", default=date(2025, 10, 27))
    assert narrative.tag("The leaders met that evening.")[0].start == at(27, 17)
    assert narrative.reference == date(2025, 10, 27)


def test_a_day_of_the_month_the_story_is_in() -> None:
    narrative = Narrative("Australia/Brisbane", default=date(2025, 10, 21))
    found = narrative.tag(
        "He will meet the emperor on the 27th, visit the base on the afternoon of the 28th"
        " and leave for Seoul on the 29th."
    )
    assert [(t.text, t.start) for t in found] == [
        ("the 27th", date(2025, 10, 27)),
        ("the afternoon of the 28th", at(28, 12)),
        ("the 29th", date(2025, 10, 29)),
    ]
    assert narrative.reference == date(2025, 10, 29)
    # an ordinal that names no day; and none before the story names a month
    assert narrative.tag("He is the 47th president, for the 3rd straight year.") == []
    assert narrative.tag("She finished the 28th, behind Sato.") == []  # a rank
    assert Narrative("Australia/Brisbane").tag("They met on the 28th.") == []


def test_times_carry_the_zone_offset_not_lmt() -> None:
    london = pytz.timezone("Europe/London")
    ref = london.localize(datetime(2025, 10, 26, 9, 0))  # clocks went back at 2 a.m.
    night = find("They dined last night.", "last night", ref=ref)
    assert night.start.utcoffset() == timedelta(hours=1)  # still summer time on the 25th
    assert night.end == london.localize(datetime(2025, 10, 26, 0, 0))
    clock = find("They meet at 3 p.m.", "3 p.m.", ref=ref)
    assert clock.start.utcoffset() == timedelta(0)
    assert find("It ends at 9:50 a.m.", "9:50 a.m.").start.utcoffset() == timedelta(hours=10)


LONDON = pytz.timezone("Europe/London")
GMT_REF = LONDON.localize(datetime(2025, 10, 27, 9, 5))  # 18:05 in Tokyo


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        # another clock's label: that clock's wall time, on the day it shows
        ("Costa landed at 6pm JST.", "6pm JST", "2025-10-27T09:00:00+00:00", None),
        (
            "Costa landed at 6 p.m. (JST) in Tokyo.",
            "6 p.m. (JST)",
            "2025-10-27T09:00:00+00:00",
            None,
        ),
        ("Costa landed at 6pm Tokyo time.", "6pm Tokyo time", "2025-10-27T09:00:00+00:00", None),
        ("Costa landed at 2am JST.", "2am JST", "2025-10-26T17:00:00+00:00", None),
        (
            "Costa met him on Tuesday at 6 p.m. JST.",
            "Tuesday at 6 p.m. JST",
            "2025-10-21T10:00:00+01:00",
            None,
        ),
        (
            "Talks run from 9 a.m. to 5 p.m. JST.",
            "from 9 a.m. to 5 p.m. JST",
            "2025-10-27T00:00:00+00:00",
            "2025-10-27T08:00:00+00:00",
        ),
        ("Costa met them at 13:00 BST.", "13:00 BST", "2025-10-27T12:00:00+00:00", None),
        # the sentence's own clock, or none: as before
        ("Costa landed at 9am GMT.", "9am GMT", "2025-10-27T09:00:00+00:00", None),
        ("Costa landed at 6pm.", "6pm", "2025-10-27T18:00:00+00:00", None),
        # "local time" alone: the blog's clock until the place is known (`on_local_clock`)
        ("Costa landed at 6pm local time.", "6pm local time", "2025-10-27T18:00:00+00:00", None),
        # … and with a conversion that tells the clock: nine hours ahead of GMT
        (
            "Costa lands at 6pm local time (0900 GMT) on Wednesday.",
            "6pm local time (0900 GMT) on Wednesday",
            "2025-10-29T09:00:00+00:00",
            None,
        ),
        (
            "Costa landed at 6 p.m. local time (9 a.m. UTC).",
            "6 p.m. local time (9 a.m. UTC)",
            "2025-10-27T09:00:00+00:00",
            None,
        ),
        (
            "Costa landed at 4am local time (21:00 GMT).",
            "4am local time (21:00 GMT)",
            "2025-10-26T21:00:00+00:00",  # seven hours ahead: the 27th there
            None,
        ),
        (
            "Costa landed at 11am local time (1000 BST).",
            "11am local time (1000 BST)",
            "2025-10-27T09:00:00+00:00",
            None,
        ),
        # a wire service's four digits: "0600 GMT", "1500 local time (0600 GMT)"
        ("Costa landed at 0600 GMT.", "0600 GMT", "2025-10-27T06:00:00+00:00", None),
        ("Costa met them at 1300 BST.", "1300 BST", "2025-10-27T12:00:00+00:00", None),
        (
            "Costa lands at 1500 local time (0600 GMT).",
            "1500 local time (0600 GMT)",
            "2025-10-27T06:00:00+00:00",
            None,
        ),
        ("Costa landed at 0900 hours.", "0900 hours", "2025-10-27T09:00:00+00:00", None),
    ],
)
def test_a_clock_time_labelled_with_another_clock_is_on_that_clock(
    sentence: str, text: str, start: str, end: str | None
) -> None:
    found = find(sentence, text, GMT_REF)
    assert found.start.isoformat() == start
    assert (found.end.isoformat() if found.end else None) == end
    assert found.start.tzinfo.zone == "Europe/London"  # told on the blog's clock


@pytest.mark.parametrize(
    "sentence",
    [
        "Costa greeted 1500 troops.",
        "In 2000 the palace was rebuilt.",
        "Room 1500.",
        "Some 2000 US troops are based there.",
    ],
)
def test_four_digits_with_no_clock_label_are_no_clock_time(sentence: str) -> None:
    assert all(t.kind != "time" for t in tag(sentence, GMT_REF))


def test_a_labelled_clock_time_is_on_the_day_its_own_clock_shows() -> None:
    late = LONDON.localize(datetime(2025, 10, 27, 20, 0))  # already 5 a.m. on the 28th in Tokyo
    found = find("Costa landed at 4am JST.", "4am JST", late)
    assert found.start.isoformat() == "2025-10-27T19:00:00+00:00"


@pytest.mark.parametrize(
    ("sentence", "text", "local", "floating"),
    [
        ("Costa lands at 6pm local time.", "6pm local time", True, True),
        ("Costa lands at 6pm (local time).", "6pm (local time)", True, True),
        ("On Wednesday, Costa lands at 6pm local time.", "6pm local time", True, False),
        ("Costa lands at 6pm local time on Wednesday.", "6pm local time on Wednesday", True, False),
        ("Costa lands at 6pm.", "6pm", False, True),
        ("Costa lands at 6pm JST.", "6pm JST", False, True),
        # a conversion tells the clock: no longer a question for the place
        ("Costa lands at 6pm local time (0900 GMT).", "6pm local time (0900 GMT)", False, True),
        # … but not one that is no whole hour ahead, nor one by a clock that moves
        ("Costa lands at 6pm local time (1230 GMT).", "6pm local time (1230 GMT)", True, True),
        ("Costa lands at 6pm local time (0500 ET).", "6pm local time (0500 ET)", True, True),
    ],
)
def test_a_clock_written_local_time_waits_for_its_place(
    sentence: str, text: str, local: bool, floating: bool
) -> None:
    found = find(sentence, text, GMT_REF)
    assert (found.local, found.floating) == (local, floating)


@pytest.mark.parametrize(
    ("sentence", "text", "ref", "start"),
    [
        # a floating clock: the place's own today, here already the 28th in Tokyo
        (
            "Costa lands at 10am local time.",
            "10am local time",
            LONDON.localize(datetime(2025, 10, 27, 21, 30)),
            "2025-10-28T10:00:00+09:00",
        ),
        (
            "Costa landed at 6.30pm local time.",
            "6.30pm local time",
            GMT_REF,
            "2025-10-27T18:30:00+09:00",
        ),
        # a written day stays the day written
        (
            "Costa lands at 6pm local time on Wednesday.",
            "6pm local time on Wednesday",
            LONDON.localize(datetime(2025, 10, 27, 21, 30)),
            "2025-10-29T18:00:00+09:00",
        ),
    ],
)
def test_on_local_clock_reads_the_wall_time_where_it_happens(
    sentence: str, text: str, ref: datetime, start: str
) -> None:
    clock = find(sentence, text, ref)
    moved, _ = on_local_clock(clock, "Asia/Tokyo", ref, clock.start, None)
    assert moved.tzinfo.zone == "Europe/London"  # still told on the blog's clock
    assert moved.astimezone(pytz.timezone("Asia/Tokyo")).isoformat() == start


TOKYO = pytz.timezone("Asia/Tokyo")


@pytest.mark.parametrize(
    ("written", "sentence", "text", "start"),
    [
        # looking ahead to a time long gone today: the coming night or morning
        ((23, 50), "Costa will arrive in Osaka at 9am.", "9am", "2025-10-29T09:00"),
        ((23, 50), "Costa is expected to land at 1:30am.", "1:30am", "2025-10-29T01:30"),
        (
            (23, 50),
            "Costa will meet Sato from 9am to 11am.",
            "from 9am to 11am",
            "2025-10-29T09:00",
        ),
        ((20, 0), "Costa is due to speak at 3pm.", "3pm", "2025-10-29T15:00"),
        # … not a time still ahead, nor one a running-late day has only just passed
        ((23, 50), "Costa will arrive in Osaka at 11pm.", "11pm", "2025-10-28T23:00"),
        ((17, 30), "Costa is due to speak at 3pm.", "3pm", "2025-10-28T15:00"),
        # … nor what is told as done or doing, nor a day written out
        ((23, 50), "Costa arrived in Osaka at 9am.", "9am", "2025-10-28T09:00"),
        ((23, 50), "Costa arrives in Osaka at 9am.", "9am", "2025-10-28T09:00"),
        ((23, 50), "Costa will fly on Tuesday at 8am.", "Tuesday at 8am", "2025-10-28T08:00"),
        # a part of day is no clock time: "this morning" stays this morning
        ((23, 50), "Costa will speak this morning.", "this morning", "2025-10-28T06:00"),
    ],
)
def test_a_clock_time_that_looks_ahead_past_its_hour_is_the_next_day(
    written: tuple[int, int], sentence: str, text: str, start: str
) -> None:
    ref = TOKYO.localize(datetime(2025, 10, 28, *written))
    assert find(sentence, text, ref).start.isoformat()[:16] == start


@pytest.mark.parametrize(
    ("written", "sentence", "text", "start"),
    [
        # GMT 14:00 is 23:00 in Tokyo: 8am there is the coming morning on either clock
        ((14, 0), "Costa will land at 8am local time.", "8am local time", "2025-10-29T08:00"),
        # GMT 08:00 is 17:00 in Tokyo: only Tokyo's clock tells that 9am is gone
        ((8, 0), "Costa will land at 9am local time.", "9am local time", "2025-10-29T09:00"),
        # GMT 21:30 is 06:30 on the 29th in Tokyo: 10am is still ahead there
        ((21, 30), "Costa will visit at 10am local time.", "10am local time", "2025-10-29T10:00"),
    ],
)
def test_a_local_clock_that_looks_ahead_is_judged_on_the_place_clock(
    written: tuple[int, int], sentence: str, text: str, start: str
) -> None:
    ref = LONDON.localize(datetime(2025, 10, 28, *written))
    clock = find(sentence, text, ref)
    moved, _ = on_local_clock(clock, "Asia/Tokyo", ref, clock.start, None, ahead=True)
    assert moved.astimezone(TOKYO).isoformat()[:16] == start


def test_reference_zones() -> None:
    utc = datetime(2025, 10, 28, 9, 0, tzinfo=UTC)
    assert find("They meet at 3 p.m.", "3 p.m.", ref=utc).start == utc.replace(hour=15)
    with pytest.raises(ValueError):
        tag("They meet at 3 p.m.", datetime(2025, 10, 28, 9, 0))


def test_left_to_right_non_overlapping_and_deterministic() -> None:
    sentence = (
        "Earlier this morning, after talks on Monday at 10 a.m. that lasted about "
        "35 minutes, the minister said he will fly out tomorrow morning, later this "
        "week or on November 3, 2025 at noon."
    )
    found = tag(sentence, REF)
    assert [t.text for t in found] == [
        "Earlier this morning",
        "Monday at 10 a.m.",
        "about 35 minutes",
        "tomorrow morning",
        "later this week",
        "November 3, 2025 at noon",
    ]
    assert all(a.span[1] <= b.span[0] for a, b in itertools.pairwise(found))
    assert tag(sentence, REF) == found


def _tense_by_patterns_only(sentence: str) -> str:
    """The tense rule written as plain patterns: what `tense_of`'s word shortcuts must equal."""
    import re

    from exporter import lexicon as lx
    from exporter.understand import timex

    past = re.compile(
        r"\b(?:earlier|ago|yesterday|last\s+night|"
        + "|".join(sorted(lx.PAST_VERBS, key=len, reverse=True))
        + r")\b",
        re.I,
    )
    if timex._FUTURE.search(sentence):
        return "future"
    if past.search(sentence) or timex._PERFECT.search(sentence):
        return "past"
    ed_words = ((m["word"], timex._key(m["prev"])) for m in timex._ED.finditer(sentence))
    regular = any(w not in lx.NON_PAST_ED and p not in lx.NOT_BEFORE_PAST for w, p in ed_words)
    return "past" if regular else "present"


def test_tense_shortcuts_equal_the_plain_patterns_on_every_sentence_we_have() -> None:
    sentences = corpus_sentences()
    assert len(sentences) > 400
    assert [tense_of(s) for s in sentences] == [_tense_by_patterns_only(s) for s in sentences]


@settings(max_examples=300, deadline=None)
@given(
    word_salads(
        "He She will won't 'll she'll tomorrow plans intends to is are it's they're not "
        "due expected set going has have had hasn't 've already met went said Last last "
        "night ago earlier yesterday signed the newly arrives WILL Met , . United "
        "abducted by greeted Greeted reed-like ed seed",
        max_size=12,
    )
)
def test_tense_shortcuts_equal_the_plain_patterns_on_any_mix_of_cues(sentence: str) -> None:
    assert tense_of(sentence) == _tense_by_patterns_only(sentence)


def _tags_with_and_without_gates(sentence: str, monkeypatch: pytest.MonkeyPatch) -> tuple:
    from exporter.understand import timex

    gated = tag(sentence, REF)
    with monkeypatch.context() as m:
        m.setattr(timex, "_GATES", [None] * len(timex._RULES))
        every_rule = tag(sentence, REF)
    return gated, every_rule


def test_rule_gates_change_nothing_on_every_sentence_we_have(monkeypatch) -> None:
    for sentence in corpus_sentences():
        gated, every_rule = _tags_with_and_without_gates(sentence, monkeypatch)
        assert gated == every_rule, sentence


@settings(max_examples=300, deadline=None)
@given(
    word_salads(
        "at 9 9:30 10.15 a.m. pm noon midnight Oct. October 28 28th 2025 1997 Monday mon "
        "tonight this next last week weeks month year the day after tomorrow yesterday "
        "today following same second morning early late afternoon evening night earlier "
        "later about 90-minute two hours hour-long minutes ago from to – and of , .",
        max_size=14,
    )
)
def test_rule_gates_change_nothing_on_any_mix_of_time_words(sentence: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        gated, every_rule = _tags_with_and_without_gates(sentence, monkeypatch)
    assert gated == every_rule


_PIECES = st.lists(
    st.tuples(
        st.sampled_from(
            ["earlier", "later", "Than", "thanks", "his", "two", ",", "(", '"', "'", "Costa"]
        ),
        st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", ""]),
    ),
    max_size=10,
).map(lambda pairs: "".join(word + sep for word, sep in pairs))


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_the_tokens_around_a_position_are_the_ones_split_finds(text: str) -> None:
    from exporter.understand.timex import _token_after, _token_before

    for pos in range(len(text) + 1):
        assert _token_before(text, pos) == (text[:pos].split()[-1:] or [""])[0]
        assert _token_after(text, pos) == (text[pos:].split()[:1] or [""])[0]
        than = _token_after(text, pos)[:4].lower() == "than"
        assert than == text[pos:].lstrip().lower().startswith("than")


def test_a_narrative_reads_a_sentence_on_the_clock_it_is_given() -> None:
    narrative = Narrative("Asia/Tokyo", default=date(2025, 10, 26))
    (landed,) = narrative.tag("She landed at 10 a.m.", zone="Asia/Kuala_Lumpur")
    assert landed.start == pytz.timezone("Asia/Kuala_Lumpur").localize(datetime(2025, 10, 26, 10))
    (spoke,) = narrative.tag("She spoke at 4 p.m.")  # the narrative's own clock
    assert spoke.start == pytz.timezone("Asia/Tokyo").localize(datetime(2025, 10, 26, 16))


def test_later_that_morning_begins_at_the_last_clock_time() -> None:
    tokyo = pytz.timezone("Asia/Tokyo")
    narrative = Narrative("Asia/Tokyo", default=date(2025, 10, 26))
    narrative.tag("She landed at 10 a.m.")
    (later,) = narrative.tag("Later that morning she toured the port.")
    assert (later.start, later.end) == (
        tokyo.localize(datetime(2025, 10, 26, 10)),
        tokyo.localize(datetime(2025, 10, 26, 12)),
    )
    (afternoon,) = narrative.tag("Later in the afternoon she left.")  # 10 is not in it
    assert afternoon.start == tokyo.localize(datetime(2025, 10, 26, 12))
    (morning,) = Narrative("Asia/Tokyo", default=date(2025, 10, 26)).tag(
        "Later that morning she toured the port."
    )  # no clock time told before: the whole morning
    assert morning.start == tokyo.localize(datetime(2025, 10, 26, 6))


def test_a_lone_later_after_another_day_is_later_that_day() -> None:
    """ "held talks yesterday and later addressed sailors": "later" is that day's, which
    the date gives; told of the stamp's own day it stays the hours after the stamp."""
    told = tag("He held talks yesterday and later addressed sailors.", REF)
    assert [(t.text, t.kind) for t in told] == [("yesterday", "date")]
    today = tag("He held talks today and later addressed sailors.", REF)
    assert [t.text for t in today] == ["today", "later"]


def test_the_same_evening_is_the_evening_of_the_day_told() -> None:
    timex = find("He arrived on Monday and met the emperor the same evening.", "the same evening")
    assert (timex.start, timex.end, timex.kind) == (at(27, 17), at(27, 22), "part")
