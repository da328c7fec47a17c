"""Line-level patterns of live blogs: update stamps, day headers, clock declarations.

Each recogniser takes one line and returns a small value or None, so the reader stays a
plain loop and every form is testable on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exporter import zones
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


def _label_group() -> str:
    return rf"(?P<label>{zones.label_pattern()})\b"


def _compile() -> dict[str, re.Pattern[str]]:
    label = _label_group()
    return {
        # "9:50 a.m.", "9.50am", "3 p.m.", "8.40am:", "2:05 p.m. ET", "JST 0:15 a.m."
        "12h": re.compile(
            rf"^(?:(?P<prelabel>{zones.label_pattern()})\s+)?"
            rf"(?P<h>1[0-2]|0?[0-9])(?:\s?[:.]\s?(?P<m>[0-5]\d))?\s?{_AMPM}"
            rf"(?:\s*\(?{label}\)?)?{_SEP}\s*(?P<rest>.*)$",
            re.IGNORECASE,
        ),
        # "14:05", "14:05 BST", "1405 GMT", "Published at 03:47 GMT", "2m ago (11:00 GMT)"
        "24h": re.compile(
            rf"^(?:published\s+at\s+|updated\s+at\s+|\d+\s?[smhd]\s+ago\s+\(\s*)?"
            rf"(?P<h>[01]?\d|2[0-3])(?:[:.h](?P<m>[0-5]\d))(?:\s*{label})?\)?{_SEP}\s*(?P<rest>.*)$",
            re.IGNORECASE,
        ),
        "24h_compact": re.compile(
            rf"^(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*{label}\)?{_SEP}\s*(?P<rest>.*)$",
        ),
        # "4: 58 IST" — a 12-hour blog that forgot the half-day
        "bare": re.compile(
            rf"^(?P<h>1[0-2]|0?[1-9])\s?:\s?(?P<m>[0-5]\d)\s*{label}{_SEP}\s*(?P<rest>.*)$",
            re.IGNORECASE,
        ),
    }


_PATTERNS: dict[str, re.Pattern[str]] | None = None


def _patterns() -> dict[str, re.Pattern[str]]:
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = _compile()
    return _PATTERNS


def parse_stamp(line: str) -> Stamp | None:
    """Recognise a stamp at the start of a line; None when the line is ordinary text."""
    pats = _patterns()
    m = pats["12h"].match(line)
    if m:
        hour = int(m["h"])
        label = m["label"] or m["prelabel"]
        if m["prelabel"] and not m["label"] and hour == 0:
            hour = 12  # "JST 0:15 a.m." means a quarter past midnight
        return Stamp(
            hour=to_24h(hour, parse_ampm(m["ampm"])),
            minute=int(m["m"] or 0),
            rest=m["rest"].strip(),
            label=label,
            raw=line[: m.start("rest")].strip(),
        )
    for kind in ("24h_compact", "24h"):
        m = pats[kind].match(line)
        if m and _plausible_24h(m, line):
            return Stamp(
                hour=int(m["h"]),
                minute=int(m["m"]),
                rest=m["rest"].strip(),
                label=m["label"],
                raw=line[: m.start("rest")].strip(),
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
        )
    return None


def _plausible_24h(m: re.Match[str], line: str) -> bool:
    """A 24-hour stamp needs a label, or a separator/new line after it, to not be prose."""
    if m["label"]:
        return True
    rest = m["rest"]
    after = line[m.end("m") :]
    if rest == "" or re.match(r"\s*(?:[:—–|]|-{1,2})\s", after):
        return True
    # "14:05 Police say …": a colon clock followed by a capitalised word opens an update.
    return line[m.end("h")] == ":" and bool(re.match(r"[A-Z\"“‘']", rest))


_HEADER_MDY = re.compile(
    rf"^(?:(?P<wd>{WEEKDAY_PATTERN})\.?,?\s+)?(?P<mon>{MONTH_PATTERN})\.?\s+"
    rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\s*[.:]?$",
    re.IGNORECASE,
)
_HEADER_DMY = re.compile(
    rf"^(?:(?P<wd>{WEEKDAY_PATTERN})\.?,?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+"
    rf"(?P<mon>{MONTH_PATTERN})\.?(?:,?\s+(?P<y>\d{{4}}))?\s*[.:]?$",
    re.IGNORECASE,
)


def parse_day_header(line: str) -> DayHeader | None:
    """ "Wednesday, October 29", "Oct. 29", "Wednesday 29 October 2025", "Sunday, Oct. 27"."""
    if len(line) > 40:
        return None
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


_DECLARATION_PHRASES = (
    re.compile(
        r"\((?:all\s+times\s+(?:are\s+)?(?:in\s+)?)?(?P<name>[A-Z][\w .'-]*?)\s+time\)", re.I
    ),
    re.compile(r"\((?:all\s+times\s+(?:are\s+)?(?:in\s+)?)?(?P<label>[A-Z]{1,5})\)"),
    re.compile(r"\b(?i:all\s+times\s+(?:are\s+)?(?:in\s+)?)(?P<label>[A-Z]{1,5})\b"),
    re.compile(r"\ball\s+times\s+(?:are\s+)?(?:in\s+)?(?P<name>[A-Z][\w .'-]*?)\s+time\b", re.I),
    re.compile(r"\b(?i:times?\s+(?:are|is)\s+(?:in\s+)?)(?P<label>[A-Z]{1,5})\b"),
    re.compile(r"\((?P<local>local)\s+time\)|\ball\s+times\s+(?:are\s+)?(?P<local2>local)\b", re.I),
)


@dataclass(frozen=True)
class ClockDeclaration:
    """What a line says about the clock of the updates: a zone, or 'local' (from the dateline)."""

    zone: str | None
    local: bool
    phrase: str


def parse_clock_declaration(line: str) -> ClockDeclaration | None:
    """ "Here's how the visit unfolded (Tokyo time):", "All times JST", "(local time)"."""
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
                return ClockDeclaration(zone=zone, local=False, phrase=m.group(0))
            continue
        name = groups.get("name")
        if name:
            zone = zones.zone_for_label(name) or zones.zone_for_name(name)
            return ClockDeclaration(zone=zone, local=zone is None, phrase=m.group(0))
    return None
