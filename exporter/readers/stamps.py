"""Line-level patterns of live blogs: update stamps, day headers, datelines, clock declarations.

Each recogniser takes one line and returns a small value or None, so the reader stays a
plain loop and every form is testable on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from exporter import regexes, zones
from exporter.lexicon import MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS, parse_ampm, to_24h


@dataclass(frozen=True)
class Stamp:
    """A clock time that opens an update, and the text after it on the same line."""

    hour: int
    minute: int
    rest: str
    label: str | None = None
    #: True when the stamp had no a.m./p.m. in a 12-hour blog and the half-day was guessed.
    twelve_hour_unknown: bool = False
    raw: str = ""
    #: Written with a.m./p.m. ("9:50 a.m."): tells a 12-hour blog from a 24-hour one.
    ampm: bool = False
    #: The writing alone fixes the half-day: a.m./p.m., an hour of 0 or 13–23, "09:05", "0905".
    half_day: bool = True
    #: A metadata form ("Published at 03:47 GMT", "2m ago (11:00 GMT)") rather than a bare time.
    meta: bool = False
    #: The day written in the stamp itself ("Update 2:03 p.m. EST Feb. 19:"): (month, day,
    #: year or None). It dates the update as a day header would.
    on: tuple[int, int, int | None] | None = None

    @property
    def minutes(self) -> int:
        """Minutes since midnight on the stamp's clock."""
        return self.hour * 60 + self.minute


@dataclass(frozen=True)
class DayHeader:
    """A line that names the day the following updates belong to."""

    month: int
    day: int
    year: int | None
    weekday: int | None
    raw: str


_AMPM = r"(?P<ampm>[ap]\.\s?m\.?|[ap]m\b|[ap]\.m\b)"
_SEP = r"(?:\s*(?:[:—–|]|-{1,2}|\u2013|\u2014)(?=\s|$))?"
#: "Published at", "Updated at", "Posted at", "2m ago (", "3 hours ago (", "just now (", "2h ago".
_META = (
    r"(?P<meta>(?:(?:first\s+)?published|(?:last\s+)?updated|posted)\s+at\s+"
    r"|(?:\d+\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|just\s+now)"
    r"\s*(?:\(\s*)?)?"
)


#: ", March 5, 2024", " Feb. 19", ", Tue March 5", " 29 October 2025" after a stamp's
#: time: the day it names, taken only when a separator or the end of the line follows, so
#: that "10:05 a.m. Jan. 6 committee hearing resumes" keeps its words.
_DAY_WORDS = (
    rf"(?:(?:{WEEKDAY_PATTERN})\.?,?\s+)?(?:(?P<mon>{MONTH_PATTERN})\.?\s+(?P<d>[0-3]?\d)"
    rf"|(?P<d2>[0-3]?\d)\s+(?P<mon2>{MONTH_PATTERN})\.?)"
    rf"(?:,?\s+(?P<y>\d{{4}}))?(?=\s*(?:[:—–|]|-{{1,2}}|$))"
)
_STAMP_DAY = rf"(?:,?\s+{_DAY_WORDS})?"


def _compile() -> dict[str, re.Pattern[str]]:
    names = zones.label_pattern()
    label = rf"(?P<label>{names})\b"
    return {
        # "9:50 a.m.", "9.50am", "3 p.m.", "8.40am:", "2:05 p.m. ET", "JST 0:15 a.m."
        "12h": regexes.compile(
            rf"^{_META}(?:(?P<prelabel>{names})\s+)?"
            rf"(?P<h>1\d|2[0-3]|0?[0-9])(?:\s?[:.]\s?(?P<m>[0-5]\d))?\s?{_AMPM}"
            rf"(?:\s*\(?{label}\)?)?\)?{_SEP}\s*(?P<rest>.*)$",
            re.IGNORECASE,
        ),
        # "14:05", "14:05 BST", "Published at 03:47 GMT", "2m ago (11:00 GMT)", "14:05 GMT+1"
        "24h": regexes.compile(
            rf"^{_META}(?P<h>[01]?\d|2[0-3])(?:[:.h](?P<m>[0-5]\d))(?:\s*\(?{label}\)?)?\)?"
            rf"{_SEP}\s*(?P<rest>.*)$",
            re.IGNORECASE,
        ),
        # "1405 GMT": four digits need a label to be a clock and not a number
        "24h_compact": regexes.compile(
            rf"^{_META}(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*{label}\)?{_SEP}\s*(?P<rest>.*)$",
        ),
        # "4: 58 IST" — a 12-hour blog that forgot the half-day
        "bare": regexes.compile(
            rf"^(?P<h>1[0-2]|0?[1-9])\s?:\s?(?P<m>[0-5]\d)\s*{label}{_SEP}\s*(?P<rest>.*)$",
            re.IGNORECASE,
        ),
    }


@cache
def _update_pattern() -> re.Pattern[str]:
    """ "Update 2:03 p.m. EST Feb. 19:", "UPDATE 14:05 GMT:": a form that carries its day,
    and always a separator, so "Updated 10:02 AM ET, Sun November 5" stays a dateline.
    Compiled for the first line that opens with "update"."""
    label = rf"(?P<label>{zones.label_pattern()})\b"
    return regexes.compile(
        rf"^(?P<meta>update[ds]?)\s+(?P<h>1\d|2[0-3]|0?[0-9])(?:\s?[:.]\s?(?P<m>[0-5]\d))?"
        rf"(?:\s?{_AMPM})?(?:\s*\(?{label}\)?)?{_STAMP_DAY}"
        r"\s*(?:[:—–|]|-{1,2})\s*(?P<rest>.*)$",
        re.IGNORECASE,
    )


@cache
def _dated_pattern() -> re.Pattern[str]:
    """ "Oct. 29, 2025, 9:50 a.m. ET", "October 29, 2025 at 9:50 PM EDT" alone or before a
    separator: the day first, a comma or "at" before the time (which "November 5, 2017
    9:00 a.m. ET", a dateline, has not), and nothing after it but a separator, so that a
    sentence opening "Oct. 29, 9 a.m. the talks resumed" stays a sentence. Compiled for
    the first line that opens with a month or a weekday."""
    label = rf"(?P<label>{zones.label_pattern()})\b"
    return regexes.compile(
        rf"^(?:(?:{WEEKDAY_PATTERN})\.?,?\s+)?(?P<mon>{MONTH_PATTERN})\.?\s+(?P<d>[0-3]?\d),"
        rf"\s+(?:(?P<y>\d{{4}})(?:,|\s+at)\s+)?"
        rf"(?P<h>1[0-2]|0?[0-9])(?:\s?[:.]\s?(?P<m>[0-5]\d))?"
        rf"\s?{_AMPM}(?:\s*\(?{label}\)?)?(?:\s*(?:[:—–|]|-{{1,2}})\s+|\s*$)(?P<rest>.*)$",
        re.IGNORECASE,
    )


def _time_alone() -> str:
    """The time that ends a stamp which opens with its day: 12-hour with a.m./p.m. (h, m,
    ampm) or 24-hour (h24, m24), maybe a zone's label, then a separator or the line's
    end, so that a sentence opening with its day ("28 Oct 2025 14.05 the talks resumed")
    stays a sentence."""
    label = rf"(?P<label>{zones.label_pattern()})\b"
    return (
        rf"(?:(?P<h>1[0-2]|0?[0-9])(?:\s?[:.]\s?(?P<m>[0-5]\d))?\s?{_AMPM}"
        rf"|(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d))(?:\s*\(?{label}\)?)?"
        r"(?:\s*(?:[:—–|]|-{1,2})\s+|\s*$)(?P<rest>.*)$"
    )


@cache
def _day_first_pattern() -> re.Pattern[str]:
    """ "Tue 28 Oct 2025 06.20 GMT", "28 October 2025, 2:05 p.m.", "28 Oct 2025 - 14:05
    GMT" alone or before a separator, as some sites stamp their entries: the day first,
    then a 12-hour time with a.m./p.m. or a 24-hour one, and nothing after but a
    separator, so that "28 Oct 2025 14.05 the talks resumed" stays a sentence. Compiled
    for the first line that opens so."""
    return regexes.compile(
        rf"^(?:(?:{WEEKDAY_PATTERN})\.?,?\s+)?(?P<d2>[0-3]?\d)\s+(?P<mon2>{MONTH_PATTERN})\.?,?"
        rf"\s+(?:(?P<y>\d{{4}}),?\s+)?(?:(?:at|[-–—|])\s+)?{_time_alone()}",
        re.IGNORECASE,
    )


@cache
def _iso_pattern() -> re.Pattern[str]:
    """ "2025-10-28 22:05", "2025-10-28T22:05:00Z", "2025-10-28T13:05:00+09:00", "2025-10-28
    22:05 GMT", as a site's export or a feed prints its entries' times: an ISO 8601 day
    and clock, then a separator, the line's end or the entry's text. Compiled for the
    first line that opens with an ISO day."""
    label = rf"(?P<label>{zones.label_pattern()})\b"
    return regexes.compile(
        r"^(?P<y>\d{4})-(?P<mon>[01]\d)-(?P<d>[0-3]\d)(?:T|,?\s+(?:at\s+)?)"
        r"(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d(?:[.,]\d+)?)?"
        rf"(?:(?P<utc>Z)|(?P<offset>[+\-−](?:0\d|1[0-4]):?[0-5]\d)|\s*\(?{label}\)?)?"
        r"(?:\s*(?:[:—–|]|-{1,2})(?=\s|$)|(?=\s|$))\s*(?P<rest>.*)$",
        re.IGNORECASE,
    )


def _iso_stamp(m: re.Match[str], line: str) -> Stamp | None:
    """A "2025-10-28T22:05:00Z" stamp: its day, and an offset as the label that says it."""
    on = (int(m["mon"]), int(m["d"]), int(m["y"]))
    try:
        date(on[2], on[0], on[1])
    except ValueError:
        return None  # "2025-02-30 10:00": no such day, no stamp
    label = m["label"]
    if m["utc"]:
        label = "UTC"
    elif m["offset"]:
        sign, digits = m["offset"][0], m["offset"][1:].replace(":", "")
        label = f"UTC{'-' if sign in '-−' else '+'}{digits[:2]}:{digits[2:]}"
    return Stamp(
        hour=int(m["h"]),
        minute=int(m["m"]),
        rest=m["rest"].strip(),
        label=label,
        raw=line[: m.start("rest")].strip(),
        on=on,
    )


#: The day a stamp names right after its time (`_day_after`): ", March 5, 2024", " Oct. 29",
#: then the separator, if any, that opens the update's text.
_DAY_AFTER = regexes.compile(rf"(?:,\s+|(?<=\s)){_DAY_WORDS}{_SEP}\s*", re.IGNORECASE)


#: Compiled with the module: whatever imports it reads stamps, and a process that only
#: understands (`parallel.standing_by`) then compiles them while it waits, not after.
_PATTERNS = _compile()


#: A clock time with a.m./p.m. at the start of a line, whatever its numbers.
_ANY_AMPM_TIME = regexes.compile(
    rf"^(?P<h>\d{{1,2}})\s?[:.]\s?(?P<m>\d\d)\s?{_AMPM}", re.IGNORECASE
)


def impossible_stamp(line: str) -> str | None:
    """The stamp a line opens with when no clock shows it ("25:61 p.m.", "9:75 a.m.",
    "13:30 a.m."), else None. Only a time with a.m./p.m. counts: "76:61" may be a score,
    and "15:00 pm" is read as 15:00 (`parse_stamp`)."""
    if not line[:1].isdigit():
        return None
    m = _ANY_AMPM_TIME.match(line)
    if m is None:
        return None
    hour, minute = int(m["h"]), int(m["m"])
    if minute < 60 and (hour <= 12 or (hour < 24 and parse_ampm(m["ampm"]) == "pm")):
        return None
    return m.group()


def parse_stamp(line: str) -> Stamp | None:
    """Recognise a stamp at the start of a line; None when the line is ordinary text."""
    if not line or not (line[0].isdigit() or line[0].isalpha()):
        return None
    pats = _PATTERNS
    if line[0] in "uU" and line[:6].lower() == "update" and (m := _update_pattern().match(line)):
        return _update_stamp(m, line)
    if line[4:5] == "-" and line[:4].isdigit() and (m := _iso_pattern().match(line)):
        return _iso_stamp(m, line)
    maybe_day_first = line[0].isdigit() and " " in line[1:3]  # "28 Oct 2025 14.05"
    if not maybe_day_first and _opens_with_a_day(line):
        maybe_day_first = True  # "Tue 28 Oct 2025 14.05", unless the month comes first
        if m := _dated_pattern().match(line):
            on = _day_named(m)
            if not _is_day(on):
                return None
            return Stamp(
                hour=to_24h(int(m["h"]), parse_ampm(m["ampm"])),
                minute=int(m["m"] or 0),
                rest=m["rest"].strip(),
                label=m["label"],
                raw=line[: m.start("rest")].strip(),
                ampm=True,
                on=on,
            )
    if maybe_day_first and _day_number_then_month(line) and (m := _day_first_pattern().match(line)):
        return _day_first_stamp(m, line)
    m = pats["12h"].match(line)
    if m:
        hour, ampm = int(m["h"]), parse_ampm(m["ampm"])
        if hour > 12 and ampm == "am":
            return None  # "13:30 a.m.": no clock shows it (`impossible_stamp`)
        label = m["label"] or m["prelabel"]
        if m["prelabel"] and not m["label"] and hour == 0:
            hour = 12  # "JST 0:15 a.m." means a quarter past midnight
        on, start = _day_after(line, m)
        if not _is_day(on):
            return None
        return Stamp(
            on=on,
            hour=to_24h(hour, ampm) if hour <= 12 else hour,  # "15:00 pm" is 15:00
            minute=int(m["m"] or 0),
            rest=line[start:].strip(),
            label=label,
            raw=line[:start].strip(),
            ampm=True,
            meta=bool(m["meta"]),
        )
    for kind in ("24h_compact", "24h"):
        m = pats[kind].match(line)
        if m is None:
            continue
        on, start = _day_after(line, m) if kind == "24h" else (None, m.start("rest"))
        if _plausible_24h(m, line, line[start:]) and _is_day(on):
            digits = m["h"]
            written_24h = kind == "24h_compact" or digits.startswith("0")
            return Stamp(
                hour=int(digits),
                minute=int(m["m"]),
                rest=line[start:].strip(),
                label=m["label"],
                raw=line[:start].strip(),
                half_day=written_24h or not 1 <= int(digits) <= 12,
                meta=bool(m["meta"]),
                on=on,
            )
    m = pats["bare"].match(line)
    if m:
        return Stamp(
            hour=int(m["h"]),
            minute=int(m["m"]),
            rest=m["rest"].strip(),
            label=m["label"],
            twelve_hour_unknown=True,
            raw=line[: m.start("rest")].strip(),
            half_day=False,
        )
    return None


def _day_number_then_month(line: str) -> bool:
    """A day's number and then a month, at the start or after the weekday that opens the
    line ("28 Oct", "Tue 28 Oct"): most lines that open with a number are clock times,
    and the pattern is not tried on them."""
    if not line[0].isdigit():
        line = line.split(None, 1)[1] if " " in line else ""
    number = line[:3].split(" ", 1)
    if len(number) != 2 or not number[0].isdigit():
        return False
    return _opens_with_a_day(line[len(number[0]) + 1 :])


def _day_first_stamp(m: re.Match[str], line: str) -> Stamp | None:
    """A "Tue 28 Oct 2025 06.20 GMT" stamp, with the day it names."""
    on = (MONTHS[m["mon2"].lower()], int(m["d2"]), int(m["y"]) if m["y"] else None)
    return _day_and_time_stamp(m, line, on)


@cache
def _dateline_form_pattern() -> re.Pattern[str]:
    """ "Oct 28, 2025 10:05 PM JST", "Tuesday, October 28, 2025 22:05": the day, its year
    and the time with nothing between, as a dateline is written, alone or before a
    separator."""
    return regexes.compile(
        rf"^(?:(?:{WEEKDAY_PATTERN})\.?,?\s+)?(?P<mon>{MONTH_PATTERN})\.?\s+(?P<d>[0-3]?\d),?"
        rf"\s+(?P<y>\d{{4}})\s+{_time_alone()}",
        re.IGNORECASE,
    )


def dateline_form_stamp(line: str) -> Stamp | None:
    """A line written as a dateline is ("Oct 28, 2025 10:05 PM JST"), read as a stamp.

    One such line near the top dates a page (`parse_dateline_date`); a page that opens
    entries with two or more stamps them so (`looks_like_liveblog`, the live-blog
    reader), which is why `parse_stamp` alone never reads it."""
    if not _opens_with_a_day(line) or not (m := _dateline_form_pattern().match(line)):
        return None
    return _day_and_time_stamp(m, line, _day_named(m))


def _day_and_time_stamp(
    m: re.Match[str], line: str, on: tuple[int, int, int | None] | None
) -> Stamp | None:
    """A stamp with the day `on` it names and a 12-hour (h, m, ampm) or 24-hour (h24,
    m24) time."""
    if not _is_day(on):
        return None
    twelve = m["h"] is not None
    return Stamp(
        hour=to_24h(int(m["h"]), parse_ampm(m["ampm"])) if twelve else int(m["h24"]),
        minute=int((m["m"] if twelve else m["m24"]) or 0),
        rest=m["rest"].strip(),
        label=m["label"],
        raw=line[: m.start("rest")].strip(),
        ampm=twelve,
        on=on,
    )


def _plausible_24h(m: re.Match[str], line: str, rest: str) -> bool:
    """A 24-hour stamp needs a label, or a separator/new line after it, to not be prose;
    `rest` is its text, after the day it names if it names one."""
    if m["label"] or m["meta"]:
        return True
    after = line[m.end("m") :]
    if rest == "" or re.match(r"\s*(?:[:—–|]|-{1,2})\s", after):
        return True
    # "14:05 Police say …": a colon clock followed by a capitalised word opens an update.
    return line[m.end("h")] == ":" and bool(re.match(r"[A-Z\"“‘']", rest))


_HEADER_MDY = regexes.compile(
    rf"^(?:(?P<wd>{WEEKDAY_PATTERN})\.?,?\s+)?(?P<mon>{MONTH_PATTERN})\.?\s+"
    rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\s*[.:]?$",
    re.IGNORECASE,
)
#: "2020-11-03" alone on its line.
_HEADER_ISO = regexes.compile(r"^(\d{4}-\d\d-\d\d)\s*$")
_HEADER_DMY = regexes.compile(
    rf"^(?:(?P<wd>{WEEKDAY_PATTERN})\.?,?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+"
    rf"(?P<mon>{MONTH_PATTERN})\.?(?:,?\s+(?P<y>\d{{4}}))?\s*[.:]?$",
    re.IGNORECASE,
)


#: The first three letters of every month and weekday name: most lines fail on them alone.
_DAY_PREFIXES = frozenset(name[:3] for name in (*MONTHS, *WEEKDAYS))


def _opens_with_a_day(line: str) -> bool:
    """The line's first word is a month or a weekday ("Oct.", "Tuesday,")."""
    if line[:3].lower() not in _DAY_PREFIXES:
        return False
    first = line[:12].split(None, 1)[0].rstrip(".,:;").lower()
    return first in MONTHS or first in WEEKDAYS


def _day_after(line: str, m: re.Match[str]) -> tuple[tuple[int, int, int | None] | None, int]:
    """The day a 12- or 24-hour stamp names right after its time ("11:58 p.m. ET, March 5,
    2024"), and where the update's text starts. Only where no separator came first, and
    read only when the next word is a month or a weekday, or a day's number and then a
    month: most stamps name none, and the pattern is not tried on them."""
    start = m.start("rest")
    after = line[start : start + 16].lstrip(", ")
    if not _opens_with_a_day(after.lstrip("0123456789 ") if after[:1].isdigit() else after):
        return None, start
    if line[:start].rstrip()[-1:] in (":", "—", "–", "|", "-"):
        return None, start
    day = _DAY_AFTER.match(line, start)
    return (_day_named(day), day.end()) if day else (None, start)


def _day_named(m: re.Match[str]) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of the day a match names, if it names one: month first,
    or (after a stamp's time) day first."""
    month, day = m["mon"], m["d"]
    if not month and "mon2" in m.re.groupindex:
        month, day = m["mon2"], m["d2"]
    if not month:
        return None
    return MONTHS[month.lower()], int(day), int(m["y"]) if m["y"] else None


def _is_day(on: tuple[int, int, int | None] | None) -> bool:
    """False when the day a stamp names cannot be one ("Feb. 39"): the line is not a stamp."""
    return on is None or 1 <= on[1] <= 31


def _update_stamp(m: re.Match[str], line: str) -> Stamp | None:
    """An "Update 2:03 p.m. EST Feb. 19:" stamp, with the day it names."""
    hour, minute = int(m["h"]), int(m["m"] or 0)
    ampm = parse_ampm(m["ampm"]) if m["ampm"] else None
    if (ampm and hour > 12) or (ampm is None and m["m"] is None):
        return None  # "13 a.m.", or a bare number: not a clock
    on = _day_named(m)
    if not _is_day(on):
        return None
    return Stamp(
        hour=to_24h(hour, ampm) if ampm else hour,
        minute=minute,
        rest=m["rest"].strip(),
        label=m["label"],
        raw=line[: m.start("rest")].strip(),
        ampm=ampm is not None,
        half_day=ampm is not None or not 1 <= hour <= 12 or m["h"].startswith("0"),
        meta=True,
        on=on,
    )


def parse_day_header(line: str) -> DayHeader | None:
    """ "Wednesday, October 29", "Oct. 29", "Wednesday 29 October 2025", "Sunday, Oct. 27"."""
    if len(line) > 40:
        return None
    if iso := _HEADER_ISO.match(line):
        try:
            day = date.fromisoformat(iso[1])
        except ValueError:
            return None
        return DayHeader(month=day.month, day=day.day, year=day.year, weekday=None, raw=line)
    m = _HEADER_MDY.match(line) or _HEADER_DMY.match(line)
    if not m:
        return None
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    return DayHeader(
        month=MONTHS[m["mon"].lower()],
        day=day,
        year=int(m["y"]) if m["y"] else None,
        weekday=WEEKDAYS[m["wd"].lower()] if m["wd"] else None,
        raw=line,
    )


@dataclass(frozen=True)
class DatelineDate:
    """A "Published Nov 5, 2017" / "Updated Nov. 5, 2017 10:02 a.m. ET" line near the top.

    It dates a blog without day headers: a publication date is the day of the oldest update,
    an update date (with its time) bounds the newest.
    """

    day: date
    updated: bool
    time: Stamp | None
    raw: str


_DATELINE_KIND = regexes.compile(
    r"^(?P<kind>(?:first\s+)?published|(?:last\s+)?updated|posted)(?:\s+on)?\s*:?\s+", re.I
)
_DATE_MDY = (
    rf"(?P<mon>{MONTH_PATTERN})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"
)
_DATE_DMY = (
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon2>{MONTH_PATTERN})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
)
_DATE = regexes.compile(
    rf"^(?:(?:{WEEKDAY_PATTERN})\.?,?\s+)?(?:{_DATE_MDY}|{_DATE_DMY})(?:,?\s+(?:at\s+)?)?",
    re.IGNORECASE,
)


def parse_dateline_date(line: str) -> DatelineDate | None:
    """ "Published Nov 5, 2017", "Updated Nov. 5, 2017 10:02 a.m. ET", "Updated 10:02 AM ET,
    Sun November 5, 2017", "November 5, 2017 9:00 a.m. ET"; None for anything else."""
    if len(line) > 80:
        return None
    kind = _DATELINE_KIND.match(line)
    body = line[kind.end() :] if kind else line
    found = _date_then_time(body) or _time_then_date(body)
    if found is None or (kind is None and found[1] is None):
        return None  # a bare date is a day header, not a dateline
    day, time = found
    updated = bool(kind) and kind["kind"].lower().endswith("updated")
    return DatelineDate(day=day, updated=updated, time=time, raw=line)


def _date_then_time(body: str) -> tuple[date, Stamp | None] | None:
    m = _DATE.match(body)
    if not m:
        return None
    day = _date_of(m)
    rest = body[m.end() :].strip()
    if day is None:
        return None
    if not rest:
        return day, None
    time = parse_stamp(rest)
    if time is None or time.rest.strip(" .,;)"):
        return None
    return day, time


def _time_then_date(body: str) -> tuple[date, Stamp | None] | None:
    time = parse_stamp(body)
    if time is None:
        return None
    if time.on is not None:  # the stamp took the date itself: "10:02 AM ET, November 5, 2017"
        month, day, year = time.on
        if year is None or time.rest.strip(" .,;"):
            return None
        try:
            return date(year, month, day), time
        except ValueError:
            return None
    m = _DATE.match(time.rest.lstrip(" ,"))
    if not m or time.rest.lstrip(" ,")[m.end() :].strip(" .,;"):
        return None
    day = _date_of(m)
    return (day, time) if day else None


#: "AVALON --", "PORT ROYAL, Freedonia --", "NEW HAVEN, Ruritania (AP) —",
#: "AVALON, Oct 29 (Reuters) -", "AVALON, Oct. 29, 2025 —" (a lone hyphen only after an
#: agency's name), followed by the story's first sentence: the place, and the day when
#: the dateline gives it (its year seldom).
WIRE_DATELINE = regexes.compile(
    r"^(?P<place>[A-Z][A-Z .'-]+[A-Z])(?:,\s*(?P<region>[A-Z][A-Za-z .'-]*?[A-Za-z.]))?"
    rf"(?:,\s*(?P<mon>(?i:{MONTH_PATTERN}))\.?\s+(?P<d>\d{{1,2}})(?:,\s*(?P<y>\d{{4}}))?)?"
    r"\s*(?:(?:\([^()]{1,40}\)\s*)?(?:--|—|–)|\([^()]{1,40}\)\s*-)\s(?=.{30})"
)


def dateline_place(m: re.Match[str]) -> str:
    """The place of a `WIRE_DATELINE` match as a name: "Port Royal, Freedonia"."""
    return m["place"].title() + (f", {m['region']}" if m["region"] else "")


def _date_of(m: re.Match[str]) -> date | None:
    month = m["mon"] or m["mon2"]
    try:
        return date(int(m["y"] or m["y2"]), MONTHS[month.lower()], int(m["d"] or m["d2"]))
    except ValueError:
        return None


#: "All times are Avalon time": a city's (or a region's) clock by its name.
_ALL_TIMES_NAMED = regexes.compile(
    r"\ball\s+times\s+(?:are\s+)?(?:in\s+)?(?P<name>[A-Z][\w .'-]*?)\s+time\b", re.I
)
_DECLARATION_PHRASES = (
    regexes.compile(
        r"\((?:all\s+times\s+(?:are\s+)?(?:in\s+)?)?(?P<name>[A-Z][\w .'-]*?)\s+time\)", re.I
    ),
    regexes.compile(r"\((?:all\s+times\s+(?:are\s+)?(?:in\s+)?)?(?P<label>[A-Z]{1,5})\)"),
    regexes.compile(r"\b(?i:all\s+times\s+(?:are\s+)?(?:in\s+)?)(?P<label>[A-Z]{1,5})\b"),
    _ALL_TIMES_NAMED,
    regexes.compile(
        r"\b(?i:times?\s+(?:are\s+|is\s+)?in\s+|times?\s+(?:are|is)\s+)(?P<label>[A-Z]{1,5})\b"
    ),
    regexes.compile(
        r"\((?P<local>local)\s+time\)|\ball\s+times\s+(?:are\s+)?(?P<local2>local)\b", re.I
    ),
    # "All times are Eastern", "(All times Pacific)": a region the names table knows
    regexes.compile(r"\b(?i:all\s+times\s+(?:are\s+)?(?:in\s+)?)(?P<region>[A-Z][a-z]+)\b"),
)


_PAIRED_LABEL = regexes.compile(r"\s*/\s*[A-Z]{2,5}\b")


@dataclass(frozen=True)
class ClockDeclaration:
    """What a line says about the clock of the updates: a zone, or 'local' (from the dateline)."""

    zone: str | None
    local: bool
    phrase: str
    #: The place named by "(Port Royal time)" when the names table does not know it.
    name: str | None = None
    #: A label of one offset whatever the season ("All times GMT"), which the updates'
    #: stamps are read at as a stamp so labelled is: "GMT" in July is no summer clock.
    fixed: str | None = None


def parse_clock_declaration(line: str) -> ClockDeclaration | None:
    """ "Here's how the visit unfolded (Avalon time):", "All times JST", "(local time)"."""
    for pattern in _DECLARATION_PHRASES:
        m = pattern.search(line)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("local") or groups.get("local2"):
            return ClockDeclaration(zone=None, local=True, phrase=m.group(0))
        if groups.get("label"):
            zone = zones.zone_for_label(groups["label"])
            if zone:
                # "All times are Avalon time (CET)": the city says more than the label
                named = _ALL_TIMES_NAMED.search(line)
                there = named and zones.zone_for_name(named["name"])
                if there:
                    return ClockDeclaration(zone=there, local=False, phrase=named.group(0))
                # "All times GMT/BST": the two a zone's clock goes by, so none of them
                paired = _PAIRED_LABEL.match(line, m.end("label"))
                one = zones.fixed_offset(groups["label"]) is not None and not paired
                fixed = groups["label"] if one else None
                return ClockDeclaration(zone=zone, local=False, phrase=m.group(0), fixed=fixed)
            continue
        if groups.get("region"):
            zone = zones.zone_for_name(groups["region"])
            if zone:
                return ClockDeclaration(zone=zone, local=False, phrase=m.group(0))
            continue
        name = groups.get("name")
        if name:
            zone = zones.zone_for_label(name) or zones.zone_for_name(name)
            return ClockDeclaration(
                zone=zone, local=zone is None, phrase=m.group(0), name=None if zone else name
            )
    return None
