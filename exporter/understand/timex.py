"""Find the dates, clock times, parts of day and durations of English news sentences.

A small HeidelTime-like rule tagger.  Each rule is a *core* regex ("7 p.m.", "October 28") plus
an optional *lead* regex for the words before it ("shortly after", "in the"), which keeps the scan
fast.  The leftmost-longest atoms win, adjacent ones merge ("Wednesday" + "at 11 a.m."), and a
floating "3 p.m." goes on the last date before it, else on the reference day.  Weekdays follow the
tense ("met on Monday" vs "will meet on Monday").  Wall time is localised with pytz, never LMT.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property, lru_cache
from typing import Any

import pytz

from exporter import lexicon as lx
from exporter import regexes, zones


@dataclass(frozen=True)
class Timex:
    """One temporal expression of a sentence, resolved to local wall time of the reference."""

    text: str
    span: tuple[int, int]
    start: datetime | date
    end: datetime | date | None
    grain: str
    approximate: bool
    kind: str
    duration: timedelta | None = None
    #: A clock written "local time": the clocks of wherever it happens, which only the
    #: sentence's places can tell (`on_local_clock`); until then read on the sentence's.
    local: bool = False
    #: No day is written for it: its day is the reference's, or the next (`_floating_day`).
    floating: bool = False


def _alt(words: Iterable[str], *, cased: bool = False) -> str:
    """Alternation of table words, longest first; `cased` ones must be capitalised ("May").
    Words of one length come in a fixed order, so a run spells each pattern the same way
    (the key its compiled program is kept under, `regexes`)."""
    unique = {w.capitalize() if cased else w for w in words}
    ordered = sorted(unique, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?-i:{body})" if cased else f"(?:{body})"


# -- building blocks ---------------------------------------------------------------------------
_FULL = {max((n for n in lx.MONTHS if lx.MONTHS[n] == i), key=len) for i in range(1, 13)}
_MONTH = rf"\b(?:{_alt(_FULL, cased=True)}\b|{_alt(set(lx.MONTHS) - _FULL, cased=True)}\b\.?)"
_WEEKDAY_ANY = rf"\b{_alt(lx.WEEKDAYS, cased=True)}\b\.?,?"
_WEEKDAY = rf"\b{_alt((w for w in lx.WEEKDAYS if w.endswith('day')), cased=True)}\b"
_YEAR = r"(?:1[89]|20)\d\d"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"  # day of month; "st", "nd", "rd", "th" may follow
_TH = r"(?:st|nd|rd|th)?"
_NUM = rf"(?:\d+(?:\.\d+)?|{_alt(lx.NUMBER_WORDS)})"
_AMPM = r"(?:[ap]\.m\b\.?|[ap]m\b)"  # "a.m." keeps its period, "AM." does not
_LONE = r"(?<![\w.,:$£€])"  # a number that is not part of a word, a bigger number or a price
_H12 = rf"\d{{1,2}}(?:[:.][0-5]\d)?\s*{_AMPM}"
_CLOCK = rf"(?:{_H12}|(?:12\s+)?(?:noon|midnight)\b|(?:[01]?\d|2[0-3]):[0-5]\d)"
_CLOCK_START = rf"{_LONE}(?=\d|noon|midnight)"
_END = r"(?!\w|[:.]\d)"
_DATE_TAIL = rf"\b(?![:.]\d)(?!\s*[ap]\.?m\b)(?:,?\s+(?P<y>{_YEAR})\b)?"
_TO = r"\s*(?:-|–|to|through|until)\s*"
_PREP = r"in|during|since|until|till|by|through|from|of|before|after|early|late"
_PRE_PART = (
    r"this|that|last|the\s+next|the\s+following|the\s+previous|the\s+same|in\s+the"
    r"|during\s+the|at|the"
)

_P_CLOCK_PARTS = regexes.compile(rf"(\d{{1,2}})(?:[:.](\d\d))?\s*({_AMPM})?", re.I)
_P_AMPM_AT_END = regexes.compile(rf"{_AMPM}$", re.I)
_GAP_AT = regexes.compile(r"\s*,?\s*(?:at\s+)?", re.I)  # "Wednesday at 11 a.m.", "Oct 29, 9 a.m."
_GAP_ON = regexes.compile(r"\s*,?\s*(?:on\s+)?", re.I)  # "11 a.m. on Wednesday", "in the afternoon"
_GAP_OF = regexes.compile(r"\s+of\s+", re.I)  # "the evening of October 27"
_GAP_TIGHT = regexes.compile(r"\s+")  # "Wednesday morning"
#: Between the parts of one amount of time: "one hour and forty minutes", "1 hour 40 minutes".
_GAP_SUM = regexes.compile(r",?\s*(?:and\s+)?")
#: The unit written after each: hours before minutes, days before hours.
_COARSER = {"hour": "minute", "day": "hour"}
_NIGHT = (lx.PARTS_OF_DAY["evening"][0] * 60, lx.PARTS_OF_DAY["night"][1] * 60)  # evening + night
_EPOCH = date(2000, 1, 1)  # a stand-in reference, for a Narrative that has none yet
_PART = {"grain": "part", "kind": "part", "approximate": True}
_OFFSETS = {"this": 0, "last": -1, "the previous": -1, "the next": 1, "the following": 1}


class _Ctx:
    """What a sentence is resolved against; its tense is worked out only if a rule asks."""

    def __init__(self, text: str, ref: datetime, tense: str | None, day1: date | None) -> None:
        if ref.tzinfo is None:
            raise ValueError("the reference instant must be timezone-aware")
        name = getattr(ref.tzinfo, "zone", None)
        if name is None:  # a datetime.timezone: work in UTC rather than guess a pytz zone
            ref, name = ref.astimezone(pytz.utc), "UTC"
        self.sentence, self.ref, self.zone = text, ref, pytz.timezone(name)
        self.today, self.minute = ref.date(), ref.hour * 60 + ref.minute
        self.first_day, self._tense = day1, tense

    @cached_property
    def tense(self) -> str:
        return self._tense or tense_of(self.sentence)

    def at(self, day: date, minutes: int, zone: str | None = None) -> datetime:
        """Local wall time `minutes` after midnight of `day` (24:00 is the next midnight);
        with `zone`, on that clock, and then told on the sentence's."""
        naive = datetime.combine(day, time()) + timedelta(minutes=minutes)
        if zone is None:
            return self._local(naive)
        return zones.localize(zone, naive).astimezone(self.zone)

    def today_on(self, atom: _Atom) -> date:
        """The day a floating time sits on: the reference's, on the clock it is written
        on, or the next for a clock time that looks ahead (`_floating_day`)."""
        ref = self.ref if atom.zone is None else self.ref.astimezone(pytz.timezone(atom.zone))
        ahead = atom.role == "clock" and self.tense == "future"
        return _floating_day(ref, atom.window[0], ahead)

    def shift(self, delta: timedelta) -> datetime:
        """The reference moved by `delta` of wall time."""
        return self._local(self.ref.replace(tzinfo=None) + delta)

    def _local(self, naive: datetime) -> datetime:
        """pytz's `localize` (a skipped or repeated hour read as standard time), at once
        on a day without a change of clocks."""
        return zones.steady_local(self.zone.zone, naive) or self.zone.localize(naive)


#: How far behind the reference a clock time that looks ahead may be and still be the
#: reference's day: "is due to speak at 3 p.m." posted at 17:30, as the day runs late,
#: is today's; posted at 20:00 it is tomorrow's.
_LATE_POST = 3 * 60


def _floating_day(ref: datetime, minutes: int, ahead: bool) -> date:
    """The day of a clock time `minutes` after midnight that no day is written for, told
    at `ref` (on the clock it is written on): `ref`'s, or the next when the sentence
    looks ahead and that time is long gone: "is expected to land at 1:30 a.m." or "will
    fly on at 8 a.m." posted at 23:50 is the coming night or morning."""
    gone = ahead and minutes < ref.hour * 60 + ref.minute - _LATE_POST
    return ref.date() + timedelta(days=1) if gone else ref.date()


@dataclass(frozen=True)
class _Atom:
    """A piece found by one rule, before adjacent pieces merge and floating ones are anchored."""

    span: tuple[int, int]
    role: str  # "day" | "clock" | "part" | "fixed"
    day: date | None = None  # the calendar day it sits on, once known
    window: tuple[int, int | None] = (0, None)  # clock / part: minutes after that midnight
    grain: str = "day"
    kind: str = "date"
    approximate: bool = False
    start: datetime | date | None = None  # days and "fixed" atoms are resolved by their rule
    end: datetime | date | None = None
    duration: timedelta | None = None
    needs: str = ""  # a bare part word must touch a day: "adjacent" | "of"
    anchor: bool = False  # moves a Narrative's reference (a written date)
    relative: bool = True  # depends on the reference
    #: A clock time written with another clock's label ("6 p.m. JST" in a GMT blog).
    zone: str | None = None
    local: bool = False  # written "local time" (`Timex.local`)
    floating: bool = False  # no day written for it (`Timex.floating`)


Span = tuple[int, int]
Match = re.Match[str]
Lead = re.Match[str] | None
Handler = Callable[[Match, Lead, _Ctx], _Atom | None]


def _day(span: Span, day: date, **kw: Any) -> _Atom:
    return _Atom(span, "day", day=day, start=day, **kw)


def _fixed(span: Span, start: datetime | date, end: datetime | date, **kw: Any) -> _Atom:
    return _Atom(span, "fixed", start=start, end=end, **kw)


def _onto(atom: _Atom, host: _Atom, span: Span, **kw: Any) -> _Atom:
    """`atom` put on the day of `host`, which also tells whether that day was written out."""
    return replace(atom, span=span, day=host.day, anchor=host.anchor, relative=host.relative, **kw)


def _key(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _month_of(name: str) -> int:
    return lx.MONTHS[name.rstrip(".").lower()]


def _date(year: int, month: int, day: int) -> date | None:
    return date(year, month, day) if day <= monthrange(year, month)[1] else None


def _begin(m: Match, lead: Lead) -> int:
    return lead.start() if lead else m.start()


def _year_near(ctx: _Ctx, month: int, day: int) -> int:
    """A date written without its year is the occurrence nearest the reference."""
    years = range(ctx.today.year - 1, ctx.today.year + 2)
    return min(years, key=lambda y: abs((date(y, month, min(day, 28)) - ctx.today).days))


def _add_months(first: date, months: int) -> date:
    years, month = divmod(first.month - 1 + months, 12)
    return date(first.year + years, month + 1, 1)


def _parse_clock(token: str, end_of_day: bool) -> tuple[int, str] | None:
    """Minutes after midnight and grain of "9:50 a.m.", "3 p.m.", "noon", "14:05"."""
    low = token.lower()
    if "noon" in low:
        return 12 * 60, "minute"
    if "midnight" in low:  # the midnight that ends the day when looking ahead
        return (24 * 60 if end_of_day else 0), "minute"
    parts = _P_CLOCK_PARTS.match(low)
    hour, minute, ampm = int(parts[1]), int(parts[2] or 0), lx.parse_ampm(parts[3] or "")
    hour = lx.to_24h(hour, ampm) if not ampm or 1 <= hour <= 12 else 99  # "13 p.m." is no time
    return (hour * 60 + minute, "minute" if parts[2] else "hour") if hour < 24 else None


def _window(name: str, mod: str, pre: str) -> tuple[int, int]:
    """Minutes of a part of day: "early morning" is 5-8, "tonight" and "last night" 17-24."""
    if name in ("today", "tonight") or (pre, name) == ("last", "night"):
        return (0, 24 * 60) if name == "today" else _NIGHT
    lo, hi = lx.PARTS_OF_DAY.get(_key(f"{mod} {name}"), lx.PARTS_OF_DAY[name])
    return lo * 60, hi * 60


# -- rules: a core regex, an optional lead regex, a small handler ------------------------------
def _calendar(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """Dates: "October 28, 2025", "Oct. 28", "28 October", "Tuesday, October 28", "Oct 27 to 29",
    "14 to 16 May", "27 November to 2 December 2025"; a year written after a range that
    crosses one is its last day's ("28 December to 3 January 2026")."""
    month = _month_of(m["mon"])
    year = int(m["y"]) if m["y"] else _year_near(ctx, month, int(m["d"]))
    crossed = "mon2" in m.re.groupindex and m["mon2"] and _month_of(m["mon2"]) < month
    if m["y"] and crossed:
        year -= 1
    first, span = _date(year, month, int(m["d"])), (_begin(m, lead), m.end())
    if first is None or "d2" not in m.re.groupindex:
        return first and _day(span, first, anchor=True, relative=not m["y"])
    month2 = _month_of(m["mon2"]) if "mon2" in m.re.groupindex and m["mon2"] else month
    last = _date(year + (month2 < month), month2, int(m["d2"]))
    if last is None or last <= first:
        return None
    end = last + timedelta(days=1)
    return _fixed(span, first, end, day=first, anchor=True, relative=not m["y"])


def _day_of_month(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """ "on the 28th", "the afternoon of the 28th": that day of the month the story is in,
    once it has named one ("will visit Avalon from Oct. 27 to 29 … meet the king on the
    27th"). Only after a preposition of time: "the 47th president" is no day."""
    if lead is None:
        return None
    day = _date(ctx.today.year, ctx.today.month, int(m["d"]))
    return day and _day(m.span(), day, anchor=True)


def _month_or_year(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """Months and years, "in June 2019", "by March", "in 2022": mostly ignored by callers, but
    never clock times.  A lone "May" is a verb more often than a month, so it needs a lead."""
    if lead is None and not m["y"]:
        return None
    month = _month_of(m["mon"]) if m["mon"] else 1
    first = date(int(m["y"] or m["year"] or _year_near(ctx, month, 15)), month, 1)
    end = _add_months(first, 1 if m["mon"] else 12)
    grain, relative = ("month", not m["y"]) if m["mon"] else ("year", False)
    return _fixed(m.span(), first, end, grain=grain, approximate=True, relative=relative)


def _weekday(m: Match, lead: Lead, ctx: _Ctx) -> _Atom:
    """A weekday is the one the tense points at: past looks back, future ahead, present ±3."""
    ahead = (lx.WEEKDAYS[m["wd"].lower()] - ctx.today.weekday()) % 7
    by_mod = {"last": ahead - 7, "past": ahead - 7, "next": ahead or 7, "coming": ahead}
    back, near = (ahead - 7 if ahead else 0), (ahead if ahead <= 3 else ahead - 7)
    mod = lead["mod"].lower() if lead else ""
    offset = by_mod.get(mod, {"future": ahead, "past": back}.get(ctx.tense, near))
    return _day((_begin(m, lead), m.end()), ctx.today + timedelta(days=offset))


def _relative_day(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """Days: "yesterday", "the next day" (of the story), "the second day" (from `first_day`)."""
    if m["ord"]:
        n = lx.ORDINAL_WORDS[m["ord"].lower()]
        if ctx.first_day is None or n < 1:
            return None
        return _day(m.span(), ctx.first_day + timedelta(days=n - 1), relative=False)
    key = _key(m[0])
    offset = lx.RELATIVE_DAYS.get(key, lx.ANAPHORIC_DAYS.get(key, 0))
    return _day(m.span(), ctx.today + timedelta(days=offset), anchor=key in lx.ANAPHORIC_DAYS)


def _period(m: Match, lead: Lead, ctx: _Ctx) -> _Atom:
    """Periods, "later this week", "last month", "earlier this year": approximate intervals."""
    unit, mod = m["unit"].lower(), lead["mod"].lower() if lead else ""
    step = {"this": 0, "last": -1, "next": 1}[m["which"].lower()]
    if unit == "week":
        monday = ctx.today - timedelta(days=ctx.today.weekday())
        start, end = monday + timedelta(weeks=step), monday + timedelta(weeks=step + 1)
    else:
        months = 1 if unit == "month" else 12
        first = ctx.today.replace(day=1) if unit == "month" else date(ctx.today.year, 1, 1)
        start, end = _add_months(first, step * months), _add_months(first, (step + 1) * months)
    end = min(end, ctx.today + timedelta(days=1)) if mod == "earlier" else end
    start = max(start, ctx.today) if mod == "later" else start
    grain = "day" if unit == "week" else unit
    return _fixed((_begin(m, lead), m.end()), start, end, grain=grain, approximate=True)


def _part(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """Parts of day: "this morning", "last night", "tonight", "in the afternoon", "that evening"."""
    name, mod, pre = _key(m["part"]), _key(lead["mod"]), _key(lead["pre"])
    if name in ("today", "tonight"):
        if name == "today" and mod not in ("earlier", "later"):
            return None  # a plain "today" is a day, found by another rule
        pre, first = "this", lead.start("mod") if mod else m.start()
    elif pre in ("", "the") or (pre == "at" and name not in ("night", "midday")):
        # "morning" counts only right after a day, "the evening" only before "of <date>"
        first, needs = (lead.start("pre"), "of") if pre == "the" else (m.start(), "adjacent")
        return _Atom((first, m.end()), "part", window=_window(name, "", ""), needs=needs, **_PART)
    else:
        first = lead.start()
    day = ctx.today + timedelta(days=_OFFSETS[pre]) if pre in _OFFSETS else None
    lo, hi = _window(name, mod, pre)
    if day == ctx.today and mod == "earlier" and lo < ctx.minute:  # ends at the reference
        hi = min(hi, ctx.minute)
    elif day == ctx.today and mod == "later" and ctx.minute < hi:  # starts at the reference
        lo = max(lo, ctx.minute)
    anchor = pre.startswith("the ")  # "the next morning" continues a story
    return _Atom((first, m.end()), "part", day=day, window=(lo, hi), anchor=anchor, **_PART)


def _token_before(text: str, pos: int) -> str:
    """The last whitespace-separated token of `text[:pos]` ("" if none), found by walking
    back from `pos` rather than splitting everything before it at every match."""
    end = pos
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _token_after(text: str, pos: int) -> str:
    """The first whitespace-separated token of `text[pos:]` ("" if none), found by walking
    on from `pos` rather than copying the rest of the text at every match."""
    start = pos
    while start < len(text) and text[start].isspace():
        start += 1
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _adverb(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """A lone "earlier" / "later": the half day before or after the reference."""
    prev = _token_before(m.string, m.start()).lower().strip(",;:(\"'")
    than = _token_after(m.string, m.end())[:4].lower() == "than"
    if than or prev in lx.NOT_BEFORE_ADVERB or prev.isdigit() or prev in lx.NUMBER_WORDS:
        return None  # "earlier than planned", "his earlier remarks", "two years later"
    half = timedelta(hours=12 if m[0].lower() == "later" else -12)
    return _fixed(m.span(), *sorted((ctx.ref, ctx.shift(half))), **_PART)


def _clock(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """Clock times: "9:50 a.m.", "shortly after 7 p.m." (approximate), "noon", "14:05"."""
    parsed = _parse_clock(m["tok"], "midnight" in m["tok"].lower() and ctx.tense == "future")
    return _clock_at(m, lead, ctx, parsed)


def _wire_clock(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """A wire service's clock times, four digits and a clock's label: "at 0600 GMT", "at
    1500 local time (0600 GMT)", "at 1500 hours"; not "2000 US troops"."""
    if not m["hours"] and _CLOCK_LABEL().match(ctx.sentence, m.end()) is None:
        return None
    tok = m["tok"]
    return _clock_at(m, lead, ctx, (int(tok[:2]) * 60 + int(tok[2:]), "minute"))


def _clock_at(m: Match, lead: Lead, ctx: _Ctx, parsed: tuple[int, str] | None) -> _Atom | None:
    """The clock time `parsed` (minutes after midnight, grain) that `m` writes."""
    if parsed is None:
        return None
    hedged = lx.CLOCK_MODIFIERS[_key(lead["mod"])] if lead else False
    end, zone, local = _labelled(m, ctx, parsed[0])
    # "lands around noon": noon where it happens, as "this evening" is, whatever the clock
    # of the blog; a clock that names its own says so
    local = local or (zone is None and end == m.end() and _NOON.search(m["tok"]) is not None)
    span, window = (_begin(m, lead), end), (parsed[0], None)
    return _Atom(
        span,
        "clock",
        window=window,
        grain=parsed[1],
        kind="time",
        approximate=hedged,
        zone=zone,
        local=local,
    )


_NOON = regexes.compile(r"(?i:noon|midnight)")


def _clock_range(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """Clock ranges: "from 9 a.m. to 5 p.m.", "between 2 and 4 p.m.", "9-11 a.m."."""
    mod, sep, first, last = _key(lead["mod"]) if lead else "", m["sep"].lower(), m["a"], m["b"]
    bare = not re.search(r"[ap]\.?m|:|noon|midnight", first, re.I)
    if (sep == "and") != (mod == "between") or (bare and not mod and sep not in "-–—"):
        return None
    end, ampm = _parse_clock(last, True), _P_AMPM_AT_END.search(last)
    start = _parse_clock(f"{first} {ampm[0]}" if bare and ampm else first, False)
    if bare and ampm and start and end and start[0] >= end[0]:
        start = _parse_clock(f"{first} am", False)  # "11-1 p.m." starts in the morning
    if start is None or end is None:
        return None
    stop = end[0] if end[0] > start[0] else end[0] + 24 * 60  # "10 p.m. to 2 a.m."
    grain = "minute" if "minute" in (start[1], end[1]) else "hour"
    close, zone, local = _labelled(m, ctx, start[0])
    span, window = (_begin(m, lead), close), (start[0], stop)
    return _Atom(span, "clock", window=window, grain=grain, kind="time", zone=zone, local=local)


def _labelled(m: Match, ctx: _Ctx, minutes: int) -> tuple[int, str | None, bool]:
    """Where a clock time ending at `minutes` after midnight ends, the zone of the clock
    it names when that is not the sentence's ("6 p.m. JST", "18:00 (GMT)", "6 p.m. Avalon
    time" in a blog on another clock), and whether it is written "local time" with no
    conversion to tell which clock that is. A label of the sentence's own clock, or none,
    changes nothing."""
    label = _CLOCK_LABEL().match(ctx.sentence, m.end())
    if label is None:
        return m.end(), None, False
    if label["local"]:
        zone = _converted(label, minutes)
        if zone is None:
            return label.end(), None, True
        return label.end(), None if zone == ctx.zone.zone else zone, False
    if label["label"]:
        offset = zones.fixed_offset(label["label"])
        zone = zones.zone_for_offset(offset) if offset is not None else None
        zone = zone or zones.zone_for_label(label["label"])
    else:
        zone = zones.zone_for_name(label["name"])
    if zone is None or zone == ctx.zone.zone:
        return m.end(), None, False
    return label.end(), zone, False


def _duration(m: Match, lead: Lead, ctx: _Ctx) -> _Atom | None:
    """Durations, "about 35 minutes", "an hour-long", "two and a half hours", "an hour and
    a half"; "two days later", "a week ago" are days."""
    seconds, grain = lx.DURATION_UNITS[m["unit"].lower()]
    if lead is None:
        return None
    amount = _number(lead["n"])
    if lead["whole"] and amount < 1:
        amount += _number(lead["whole"])
    amount = (amount + (0.5 if m["half"] else 0)) * seconds
    if not 0 < amount < 1e10:  # no number, or history ("8,000 years")
        return None
    delta, way = timedelta(seconds=amount), _key(m["way"])
    first = "whole" if lead["whole"] and lead.start("whole") < lead.start("n") else "n"
    begins = lead.start("hedge") if lead["hedge"] else lead.start(first)  # the amount, not "in"
    if way and grain == "day" and not delta.seconds:
        day = ctx.today + (delta if way == "later" else -delta)
        week = m["unit"].lower() == "week"
        return _day((begins, m.end()), day, approximate=week, anchor=way != "ago")
    hedged = bool(lead["hedge"]) or grain in ("month", "year")  # months and years are inexact
    if lead["within"] and not way and grain in ("minute", "hour") and ctx.tense != "past":
        # "lands in about half an hour": when, not how long (but "wrote it in an hour");
        # as near as a report tells it
        when = ctx.shift(delta)
        return _fixed(
            (lead.start(), m.end()), when, None, grain="minute", kind="time", approximate=True
        )
    kw = {"grain": grain, "kind": "duration", "duration": delta, "approximate": hedged}
    ends = m.end("half") if m["half"] else m.end("len")
    return _fixed((begins, ends), ctx.ref, ctx.shift(delta), **kw)


def _number(word: str) -> float:
    return float(word) if word[0].isdigit() else lx.NUMBER_WORDS[_key(word)]


def _rule(core: str, lead: str | None, handler: Handler) -> tuple[re.Pattern[str], Any, Handler]:
    return (
        regexes.compile(core, re.I),
        regexes.compile(f"(?:{lead})$", re.I) if lead else None,
        handler,
    )


_SEP = r"\s*(?P<sep>-|–|—|to|until|till|and)\s*"
_RELDAYS = _alt([*lx.RELATIVE_DAYS, *lx.ANAPHORIC_DAYS])
_C_RANGE = rf"(?P<mon>{_MONTH})\s*(?P<d>{_DAY}){_TH}{_TO}(?:(?P<mon2>{_MONTH})\s*)?(?P<d2>{_DAY})"
_C_DMY = rf"{_LONE}(?P<d>{_DAY}){_TH}\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?"
#: "from 14 to 16 May 2031", "14-16 May": a range of days, the month written once after them.
_C_DMY_RANGE = (
    rf"{_LONE}(?P<d>{_DAY}){_TH}{_TO}(?P<d2>{_DAY}){_TH}\s+(?:of\s+)?(?P<mon>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
)
#: "from 27 November to 2 December 2025": a range of days across a month's end.
_C_DMY_MONTHS = (
    rf"{_LONE}(?P<d>{_DAY}){_TH}\s+(?:of\s+)?(?P<mon>{_MONTH}){_TO}"
    rf"(?P<d2>{_DAY}){_TH}\s+(?:of\s+)?(?P<mon2>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?"
)
_C_YEAR = rf"{_LONE}(?P<year>{_YEAR})\b(?![-–/%]|,\d|s\b)"
#: "the 28th", as a day: its sentence or clause goes on, or ends, right after it.
_C_NTH = (
    rf"\bthe\s+(?P<d>{_DAY})(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[,.;:!?)]|$|(?:and|or|to|at|in|before|after|when|with|for|as|but)\b))"
)
_C_MONTH = rf"(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?|{_C_YEAR}"
_C_DAYS = rf"\b(?:{_RELDAYS}|the\s+(?P<ord>{_alt(lx.ORDINAL_WORDS)})\s+day)\b"
_C_CLOCKS = rf"{_CLOCK_START}(?P<a>{_CLOCK}|\d{{1,2}}(?:[:.][0-5]\d)?){_SEP}(?P<b>{_CLOCK}){_END}"
_C_UNIT = rf"(?:\s+|-)(?P<len>(?P<unit>{_alt(lx.DURATION_UNITS)})s?(?:-long)?)\b(?!-|\s+old\b)"
_C_PERIOD = r"\b(?P<which>this|last|next)\s+(?P<unit>week|month|year)\b"
_L_AMOUNT = (
    rf"(?:\b(?P<within>in|within)\s+)?(?:\b(?P<hedge>{_alt(lx.QUANTITY_HEDGES)})\s+)?"
    rf"{_LONE}\b(?:(?P<whole>{_NUM})\s+and\s+)?(?P<n>{_NUM})"
)
_L_PART = rf"(?:\b(?P<mod>earlier|later|early|late)\s+)?(?:\b(?P<pre>{_PRE_PART})\s+)?"
_L_PREP = rf"\b(?:{_PREP})\s+|\bmid-"
_L_CLOCK = rf"\b(?P<mod>{_alt(lx.CLOCK_MODIFIERS)})\s+"
_L_WEEKDAY = rf"{_WEEKDAY_ANY}\s+"
_RULES = [
    # before the years: "2000 GMT" is a clock time
    _rule(
        rf"{_LONE}(?P<tok>(?:[01]\d|2[0-3])[0-5]\d)"
        r"(?:(?P<hours>\s*(?:hours|hrs)\b)|(?=\s*\(?(?:[A-Z]{2,5}|[Ll]ocal\s+time)\b))",
        _L_CLOCK,
        _wire_clock,
    ),
    _rule(rf"{_C_RANGE}{_TH}{_DATE_TAIL}", _L_WEEKDAY, _calendar),
    _rule(rf"(?P<mon>{_MONTH})\s*(?P<d>{_DAY}){_TH}{_DATE_TAIL}", _L_WEEKDAY, _calendar),
    _rule(_C_DMY_RANGE, _L_WEEKDAY, _calendar),
    _rule(_C_DMY_MONTHS, _L_WEEKDAY, _calendar),
    _rule(_C_DMY, _L_WEEKDAY, _calendar),
    _rule(_C_MONTH, _L_PREP, _month_or_year),
    _rule(_C_NTH, r"\b(?:on|of|from|for|until|till|by)\s+", _day_of_month),
    _rule(rf"(?P<wd>{_WEEKDAY})", r"\b(?:this\s+)?(?P<mod>last|next|coming|past)\s+", _weekday),
    _rule(_C_DAYS, None, _relative_day),
    _rule(_C_PERIOD, r"\b(?P<mod>earlier|later)\s+", _period),
    _rule(rf"\b(?P<part>{_alt(lx.PARTS_OF_DAY)}|tonight|today)\b", _L_PART, _part),
    _rule(r"\b(?:earlier|later)\b", None, _adverb),
    _rule(_C_CLOCKS, r"\b(?P<mod>from|between)\s+", _clock_range),
    _rule(rf"{_CLOCK_START}(?P<tok>{_CLOCK}){_END}", _L_CLOCK, _clock),
    _rule(
        rf"{_C_UNIT}(?P<half>\s+and\s+a\s+half\b)?(?:\s+(?P<way>later|earlier|ago)\b)?",
        _L_AMOUNT,
        _duration,
    ),
]


def _last_words(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(p.split()[-1] for p in phrases)


_MONTH_WORDS = frozenset(lx.MONTHS)
#: Per rule: (words of which one must be in the sentence, whether a digit is enough instead).
#: Every match of a rule contains one of its words (or a digit): a sentence with none cannot
#: match, and the rule's pattern is not run on it. Most sentences hold no time at all.
_GATES: list[tuple[frozenset[str], bool] | None] = [
    (frozenset(), True),  # a digit
    (_MONTH_WORDS, False),
    (_MONTH_WORDS, False),
    (_MONTH_WORDS, False),
    (_MONTH_WORDS, False),
    (_MONTH_WORDS, False),
    (_MONTH_WORDS, True),  # or a year
    (frozenset(), True),  # a digit: "the 28th"
    (frozenset(w for w in lx.WEEKDAYS if w.endswith("day")), False),
    (_last_words([*lx.RELATIVE_DAYS, *lx.ANAPHORIC_DAYS, "day"]), False),
    (frozenset({"week", "month", "year"}), False),
    (_last_words([*lx.PARTS_OF_DAY, "tonight", "today"]), False),
    (frozenset({"earlier", "later"}), False),
    (frozenset({"noon", "midnight"}), True),
    (frozenset({"noon", "midnight"}), True),
    (frozenset(u + s for u in lx.DURATION_UNITS for s in ("", "s")), False),
]
assert len(_GATES) == len(_RULES)
_DIGIT = regexes.compile(r"\d")
_WORD = regexes.compile(r"\w+")


@lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str]:
    """A text's lower-case words, for the word gates; the tense and the rules of one
    sentence both ask, one right after the other, so the set is made once."""
    return frozenset(_WORD.findall(text.lower()))


# -- tense -------------------------------------------------------------------------------------
_FUTURE_BE = r"(?:due|expected|scheduled|set|likely|slated|poised|going|planning)\s+to|to\s+\w"
_FUTURE = regexes.compile(
    r"\b(?:will|shall|won['’]t)\b|\w['’]ll\b|\btomorrow\b|\b(?:plans?|intends?)\s+to\b"
    rf"|(?:\b(?:is|are|am)|\w['’](?:s|re))\s+(?:not\s+|also\s+|still\s+)?(?:{_FUTURE_BE})",
    re.I,
)
#: Single words that make a sentence past tense; "last night" is the one phrase.
_PAST_WORDS = frozenset({"earlier", "ago", "yesterday", *lx.PAST_VERBS})
_LAST_NIGHT = regexes.compile(r"\blast\s+night\b", re.I)
_HAVE = r"(?:\b(?:has|have|had|hasn['’]t|haven['’]t|hadn['’]t)|['’]ve)"
_ADVERB = r"(?:(?:not|never|already|just|also|since|\w+ly)\s+)?"
_PERFECT = regexes.compile(rf"{_HAVE}\s+{_ADVERB}(?:\w+ed|{_alt(lx.PAST_PARTICIPLES)})\b", re.I)
_ED = regexes.compile(  # lower case: not "United", "Dressed"; and not "abducted by", but
    # "travelled by motorcade"
    r"(?:\b(?P<prev>[\w'’]+)[\s,;:(\"]+)?(?<![\w'’-])(?P<word>[a-z]{2,}ed)\b(?![-'’])"
    rf"(?!\s+by\b(?!\s+(?:{'|'.join(lx.TRAVEL_MODES)})\b))"
)


#: What every `_ED` match ends with; `re` finds a literal at C speed, and half the
#: sentences of a live blog have none, so `_ED` (which tries every word) is skipped for them.
_ED_END = regexes.compile(r"ed\b")


def _has_regular_past(sentence: str) -> bool:
    """A lower-case "-ed" word used as a verb: not an adjective ("the", "newly") nor passive."""
    if _ED_END.search(sentence) is None:
        return False
    words = ((m["word"], _key(m["prev"])) for m in _ED.finditer(sentence))
    return any(w not in lx.NON_PAST_ED and p not in lx.NOT_BEFORE_PAST for w, p in words)


#: Words without one of which `_FUTURE` cannot match (most sentences have none: skip it).
_FUTURE_ALONE = frozenset("will shall won ll tomorrow plan plans intend intends".split())
_FUTURE_WITH_TO = frozenset("is are am s re".split())
_HAVE_WORDS = frozenset("has have had hasn haven hadn ve".split())


def tense_of(sentence: str) -> str:
    """Tense from verb cues, "future" first ("said he will"), then "past", else "present".

    The sentence's words are looked up in sets first and a pattern runs only when its
    words are there: the same answer as running every pattern, at a fraction of the cost
    (alternations of a hundred verbs are slow in `re`).
    """
    words = _words(sentence)
    maybe_future = not words.isdisjoint(_FUTURE_ALONE) or (
        "to" in words and not words.isdisjoint(_FUTURE_WITH_TO)
    )
    if maybe_future and _FUTURE.search(sentence):
        return "future"
    if not words.isdisjoint(_PAST_WORDS) or ("last" in words and _LAST_NIGHT.search(sentence)):
        return "past"
    if not words.isdisjoint(_HAVE_WORDS) and _PERFECT.search(sentence):
        return "past"
    return "past" if _has_regular_past(sentence) else "present"


# -- assembly ----------------------------------------------------------------------------------
def _candidates(ctx: _Ctx) -> list[_Atom]:
    """Every rule's atoms, then leftmost-longest non-overlapping (ties: earlier rule)."""
    sentence, found = ctx.sentence, []
    words = _words(sentence)
    digit = _DIGIT.search(sentence) is not None
    for order, ((core, lead, handler), gate) in enumerate(zip(_RULES, _GATES, strict=True)):
        if gate is not None and not (gate[1] and digit) and words.isdisjoint(gate[0]):
            continue
        for m in core.finditer(sentence):
            before = lead and lead.search(sentence, max(0, m.start() - 40), m.start())
            atom = handler(m, before, ctx)
            if atom is not None:
                found.append((atom.span[0], atom.span[0] - atom.span[1], order, atom))
    found.sort(key=lambda item: item[:3])
    chosen: list[_Atom] = []
    for start, _, _, atom in found:
        if not chosen or start >= chosen[-1].span[1]:
            chosen.append(atom)
    return chosen


def _converted(label: Match, minutes: int) -> str | None:
    """The clock a "local time" is on, from the conversion written after it: "6 p.m. local
    time (0900 GMT)" is nine hours ahead of GMT. Only a label with one offset all year
    tells it (GMT, UTC, BST, "UTC+2"), and only whole hours name a zone."""
    if not label["to"] or (label["m"] is None and label["ampm"] is None):
        return None  # "(9 GMT)" is no clock time
    offset = zones.fixed_offset(label["to"])
    parsed = _parse_clock(f"{label['h']}:{label['m'] or '00'}{label['ampm'] or ''}", False)
    if offset is None or parsed is None:
        return None
    ahead = (minutes - parsed[0] + int(offset.total_seconds()) // 60) % (24 * 60)
    return zones.zone_for_offset(timedelta(minutes=ahead - 24 * 60 if ahead > 14 * 60 else ahead))


@lru_cache(maxsize=1)
def _CLOCK_LABEL() -> re.Pattern[str]:
    """A clock's label right after a clock time: "JST", "(GMT)", "Avalon time", "local
    time", and a conversion after that: "local time (0900 GMT)"."""
    labels = zones.label_pattern()
    return regexes.compile(
        r"\s*\(?(?P<local>[Ll]ocal\s+time)\b\)?"
        rf"(?:\s*\((?P<h>\d{{1,2}})(?:[:.]?(?P<m>[0-5]\d))?\s*(?P<ampm>{_AMPM})?"
        rf"\s*(?P<to>{labels})\s*\))?"
        rf"|\s*\(?(?P<label>{labels})\b\)?"
        r"|\s+(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+time\b"
    )


def _holds_day(atom: _Atom) -> bool:
    """A day, or a part of day, that a clock time next to it can sit on."""
    return atom.day is not None and atom.role in ("day", "part")


def _merge(a: _Atom, b: _Atom, gap: str) -> _Atom | None:
    """Two neighbours that make one expression: day+clock, clock+day, day+part, part of
    day, and hours+minutes ("one hour and forty minutes")."""
    span, loose = (a.span[0], b.span[1]), _GAP_ON.fullmatch(gap)
    if (
        a.kind == "duration" == b.kind
        and a.duration
        and b.duration
        and _COARSER.get(a.grain) == b.grain
        and isinstance(a.end, datetime)
        and _GAP_SUM.fullmatch(gap)
    ):
        return replace(a, span=span, duration=a.duration + b.duration, end=a.end + b.duration)
    if _holds_day(a) and b.role == "clock" and b.day is None and _GAP_AT.fullmatch(gap):
        return _onto(b, a, span, kind="datetime")
    if a.role == "clock" and a.day is None and _holds_day(b) and loose:
        return _onto(a, b, span, kind="datetime")
    day_part = a.role == "day" and b.role == "part" and b.day is None and b.needs != "of"
    if day_part and (_GAP_TIGHT.fullmatch(gap) or (not b.needs and loose)):
        return _onto(b, a, span, needs="")
    part_of = a.role == "part" and a.day is None and b.role == "day"
    if part_of and (_GAP_OF.fullmatch(gap) or (not a.needs and loose)):
        return _onto(a, b, span, needs="")
    return None


def _resolve(ctx: _Ctx) -> list[_Atom]:
    """Atoms merged with their neighbours, floating ones put on the sentence's last day."""
    atoms, i = _candidates(ctx), 0
    while i + 1 < len(atoms):
        gap = ctx.sentence[atoms[i].span[1] : atoms[i + 1].span[0]]
        merged = _merge(atoms[i], atoms[i + 1], gap)
        if merged is None:
            i += 1
        else:
            atoms[i : i + 2] = [merged]
    out: list[_Atom] = []
    for atom in (a for a in atoms if not a.needs):  # "On Wednesday, he speaks at 11 a.m."
        if atom.role in ("clock", "part") and atom.day is None:
            host = next((h for h in reversed(out) if h.day and h.role != "fixed"), None)
            if host:
                atom = _onto(atom, host, atom.span)
            else:
                atom = replace(atom, day=ctx.today_on(atom), floating=True)
        out.append(atom)
    return out


def _timex(a: _Atom, ctx: _Ctx) -> Timex:
    start, end = a.start, a.end
    if a.role in ("clock", "part"):  # minutes of wall time on the day found for them
        lo, hi = a.window
        start, end = ctx.at(a.day, lo, a.zone), None if hi is None else ctx.at(a.day, hi, a.zone)
    text = ctx.sentence[a.span[0] : a.span[1]]
    return Timex(
        text, a.span, start, end, a.grain, a.approximate, a.kind, a.duration, a.local, a.floating
    )


def on_local_clock(
    clock: Timex,
    zone: str,
    ref: datetime | None,
    start: datetime,
    end: datetime | date | None,
    *,
    ahead: bool = False,
) -> tuple[datetime, datetime | date | None]:
    """`start` and `end`, worked out from a clock written "local time", read on the clocks
    of `zone`, where it happens: the same wall times there, on the day that place's clock
    gives when the sentence gave none (`_floating_day`, `ahead` when it looks ahead), from
    `ref`, when it was written: "arrives at 6 p.m. local time" in a GMT blog written at
    23:00 on the 27th is 6 p.m. on the 28th in Avalon. Told on the sentence's clock."""
    days = timedelta()
    if clock.floating and ref is not None and isinstance(clock.start, datetime):
        given = clock.start  # on the sentence's clock, on the day the tagger gave it
        there = ref.astimezone(pytz.timezone(zone))
        days = _floating_day(there, given.hour * 60 + given.minute, ahead) - given.date()

    def moved(moment: datetime) -> datetime:
        naive = moment.replace(tzinfo=None) + days
        return zones.localize(zone, naive).astimezone(moment.tzinfo)

    return moved(start), moved(end) if isinstance(end, datetime) else end


def part_on_clock(
    sentence: str, part: Timex, zone: str, ref: datetime, tense: str | None
) -> tuple[datetime | date, datetime | date | None]:
    """A part of day of `sentence` ("this evening", "later today") read on the clocks of
    `zone`, where it happens, rather than on the clock the sentence was written on: a blog
    on GMT that follows a visit to Avalon means Avalon's evening, of the day it was there
    when written. Tagged again from that clock, so its day and its cut at the moment of
    writing ("later today") follow the same rules; told on the sentence's clock."""
    there = ref.astimezone(pytz.timezone(zone))
    if there.utcoffset() == ref.utcoffset():
        return part.start, part.end
    for t in tag(sentence, there, tense=tense):
        if t.span == part.span and t.kind == "part" and isinstance(t.start, datetime):
            end = t.end.astimezone(ref.tzinfo) if isinstance(t.end, datetime) else t.end
            return t.start.astimezone(ref.tzinfo), end
    return part.start, part.end


def tag(
    sentence: str, ref: datetime, *, tense: str | None = None, first_day: date | None = None
) -> list[Timex]:
    """All temporal expressions of `sentence`, left to right, resolved against `ref`;
    `tense` defaults to `tense_of(sentence)`, `first_day` is day 1 for "the second day"."""
    ctx = _Ctx(sentence, ref, tense, first_day)
    return _later_that_day([_timex(atom, ctx) for atom in _resolve(ctx)], ref.date())


def _later_that_day(tags: list[Timex], today: date) -> list[Timex]:
    """Less a lone "later" ("earlier") told after another day than the stamp's: "held
    talks with Sato yesterday and later addressed sailors" is later that day, which the
    day told gives, not the twelve hours after the stamp."""
    day: date | None = None
    kept = []
    for t in tags:
        if t.kind == "date" and t.grain == "day" and t.end is None:
            day = t.start if type(t.start) is date else None
        elif (
            day is not None
            and day != today
            and t.kind == "part"
            and t.text.lower() in _LONE_ADVERBS
        ):
            continue
        kept.append(t)
    return kept


_LONE_ADVERBS = frozenset({"later", "earlier"})


class Narrative:
    """HeidelTime's 'narrative' strategy for articles: the reference date is the last explicit
    date mentioned ("October 28, 2025", "Oct. 28"; also "the next day", but not "yesterday" or
    "Monday").  Until there is one, only dates that need no reference are returned."""

    def __init__(self, zone: str, default: date | None = None) -> None:
        self._zone = pytz.timezone(zone)
        self._reference = default
        self._clock: datetime | None = None  # the last clock time told, for "later that …"

    @property
    def reference(self) -> date | None:
        return self._reference

    def tag(self, sentence: str, zone: str | None = None) -> list[Timex]:
        """The sentence's expressions, its clock times read on `zone`'s clock when given
        (where the sentence happens), else on the narrative's."""
        clock = pytz.timezone(zone) if zone else self._zone
        ctx, atoms = self._read(sentence, self._reference, clock)
        if self._reference is None:
            own = next((a.day for a in atoms if a.anchor and not a.relative), None)
            if own is not None:  # "on 3 May 2031 and … on 4 May": its own date is the reference
                ctx, atoms = self._read(sentence, own, clock)
            else:
                atoms = [a for a in atoms if not a.relative]
        self._reference = next((a.day for a in reversed(atoms) if a.anchor), self._reference)
        tags = [self._after_the_last(_timex(atom, ctx)) for atom in atoms]
        self._clock = next(
            (t.start for t in reversed(tags) if t.kind in ("time", "datetime")), self._clock
        )
        return tags

    def heading(self, text: str) -> date | None:
        """The one day a section heading names ("20 September", "Day two: Tuesday 21
        October"), which becomes the reference, as a live blog's day header does; None, and
        the narrative as it was, for any other heading ("2019 visit", "Reception")."""
        _, atoms = self._read(text, self._reference, self._zone)
        days = {
            a.day
            for a in atoms
            if a.anchor
            and a.grain == "day"
            and a.end is None  # not "From 20 to 22 September"
            and (self._reference or not a.relative)
        }
        if len(days) != 1:
            return None
        self._reference = days.pop()
        return self._reference

    def _after_the_last(self, tag: Timex) -> Timex:
        """ "Later that morning", after "landed at 10 a.m.": from 10 on, not from dawn."""
        last = self._clock
        if tag.kind != "part" or last is None or not tag.text.lower().startswith("later"):
            return tag
        within = isinstance(tag.start, datetime) and isinstance(tag.end, datetime)
        return replace(tag, start=last) if within and tag.start < last < tag.end else tag

    def _read(
        self, sentence: str, reference: date | None, clock: pytz.BaseTzInfo
    ) -> tuple[_Ctx, list[_Atom]]:
        ref = clock.localize(datetime.combine(reference or _EPOCH, time()))
        ctx = _Ctx(sentence, ref, None, None)
        return ctx, _resolve(ctx)
