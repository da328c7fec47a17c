"""From stamps and day headers to instants: years, half-days, midnight, clock changes.

A live blog writes wall-clock times under day headers (or under no header at all, with a
dateline near the top). Turning them into instants takes the reading order into account:
which way the blog runs, where a day ended without a new header, which half of the day a
stamp without a.m./p.m. means, and which of the two 01:30s a blog meant on the night the
clocks went back.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from itertools import islice, pairwise

import pytz

from exporter import regexes, zones
from exporter.errors import SourceError
from exporter.readers.options import ReadOptions
from exporter.readers.stamps import DatelineDate, DayHeader, Stamp

#: A year a text names ("in 2019"), for the years undated days may belong to.
YEAR = regexes.compile(r"\b(19[7-9]\d|20\d\d)\b")
#: What, earlier in its sentence, makes a year one still to come: "will host the forum in
#: November 2026", "is set to open in 2027", and a headline's "to" and a verb ("Zenda to
#: host the games in 2030", but not "a visit to Avalon in 2019")…
_AHEAD = regexes.compile(
    r"\b(?i:will|shall|next|(?:set|due|expected|scheduled|plans?|aims?)\s+to)\b"
    r"|\bto\s+(?!(?:the|a|an|his|her|their|its|our|this|that)\b)[a-z]+\b"
)
#: … or right before it: "by 2030", "until the end of 2027".
_DEADLINE = regexes.compile(
    r"\b(?i:by|until|through)\s+(?i:the\s+end\s+of\s+)?(?=(?:19[7-9]\d|20\d\d)\b)"
)
_SENTENCE_END = regexes.compile(r"[.!?\n]")
_DAY = 24 * 60
_HALF_DAY = 12 * 60


@dataclass
class RawUpdate:
    """An update while it is being read: the day it sits under and its paragraphs."""

    stamp: Stamp
    line: int
    day_index: int
    paragraphs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Timed:
    """An update's resolved instant, and whether part of it had to be guessed."""

    instant: datetime
    approximate: bool


def resolve_days(
    days: list[tuple[int, DayHeader | None]], path: str, options: ReadOptions, text: str
) -> list[date | None]:
    """Give each day header its full date, inferring the year when it is not written.

    A group of updates without a header gets the configured `date`, else None (the dateline,
    if any, is applied when the instants are resolved, because it may anchor the newest
    update rather than the oldest).
    """
    headers = [h for _, h in days if h is not None]
    if not headers:
        return [options.date for _ in days]
    year = _infer_year(days, options, text, path)
    out: list[date | None] = []
    for number, header in days:
        if header is None:
            out.append(options.date)
            continue
        y = header.year or year
        try:
            out.append(date(y, header.month, header.day))
        except ValueError:
            raise SourceError(
                f"day header {header.raw!r} is not a real date in {y}",
                path=path,
                line=number,
                hint="fix the header or set the year in the config",
            ) from None
    return out


def _infer_year(
    days: list[tuple[int, DayHeader | None]], options: ReadOptions, text: str, path: str
) -> int:
    """The year the headers belong to: written, configured, from weekdays, from the text.

    Weekdays pin the year down to one in every few: the first fitting year not before the
    latest year the text mentions (a blog is written after what it recalls), else the latest
    fitting year not after `today` (a blog being read has been written).
    """
    headers = [(n, h) for n, h in days if h is not None]
    written = [h.year for _, h in headers if h.year]
    if written:
        return max(set(written), key=written.count)
    if options.year:
        return options.year
    mentioned = recalled_years(text, options.today)
    with_weekday = [h for _, h in headers if h.weekday is not None]
    if with_weekday:

        def fits(year: int) -> bool:
            return all(_weekday_fits(h, year) for h in with_weekday)

        if mentioned:
            floor = max(mentioned)
            found = next((y for y in range(floor, floor + 12) if fits(y)), None)
            if found:
                return found
        if options.today:
            found = next(
                (y for y in range(options.today.year, options.today.year - 12, -1) if fits(y)), None
            )
            if found:
                return found
    elif mentioned:
        return max(mentioned)
    number, header = headers[0]
    raise SourceError(
        f"cannot tell the year of day header {header.raw!r}",
        path=path,
        line=number,
        hint="write the year in the header, or give it with --year or `year:` in the config",
    )


def recalled_years(text: str, today: date | None) -> list[int]:
    """The years a text names as past or present, each once, not after `today`'s: what it
    is written after. A year still to come ("will host the forum in November 2026") says
    nothing of when the text was written, and counting it put a blog years ahead of its
    time.

    The cues, the deadlines and the ends of sentences are found in one pass each, and
    each year looks up its sentence's: a text of a million years costs about what reading
    it once does."""
    found = [m for m in YEAR.finditer(text) if today is None or int(m.group()) <= today.year]
    if not found:
        return []
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    cues = [m.start() for m in _AHEAD.finditer(text)]
    deadlines = {m.end() for m in _DEADLINE.finditer(text)}
    years: dict[int, None] = {}
    for m in found:
        year, at = int(m.group()), m.start()
        if year in years or at in deadlines:
            continue  # told already; "by 2030"
        i = bisect.bisect_left(ends, at)
        opens = ends[i - 1] + 1 if i else 0
        j = bisect.bisect_left(cues, opens)
        if j < len(cues) and cues[j] < at:
            continue  # "will host the forum in November 2026"
        years[year] = None
    return list(years)


def _weekday_fits(header: DayHeader, year: int) -> bool:
    try:
        return date(year, header.month, header.day).weekday() == header.weekday
    except ValueError:
        return False


def is_newest_first(raws: list[RawUpdate], days: list[date | None]) -> bool:
    """Compare neighbours: day headers decide when there are two, else the stamps' clock."""
    dated = [d for d in days if d is not None]
    if len(dated) >= 2:
        down = sum(1 for a, b in pairwise(dated) if b < a)
        up = sum(1 for a, b in pairwise(dated) if b > a)
        if down != up:
            return down > up
    # Each neighbouring pair votes for the directions it fits: forward, or back by more than
    # half a day (a midnight crossed without a new header).
    # Stamps whose half-day is a guess ("4: 58") do not vote, unless nothing else can.
    voters = [r for r in raws if r.stamp.half_day]
    voters = voters if len(voters) >= 2 else raws
    down = up = 0
    for a, b in pairwise(voters):
        if a.day_index != b.day_index:
            continue
        ma, mb = a.stamp.minutes, b.stamp.minutes
        down += ma > mb or mb - ma > _HALF_DAY
        up += mb > ma or ma - mb > _HALF_DAY
    # A tie (two stamps exactly half a day apart) goes to newest first, the usual order.
    return down >= up


def _gap(a: int, b: int) -> int:
    """Minutes forward on a 24-hour dial from `a` to `b`."""
    return (b - a) % _DAY


def infer_half_days(stamps: list[Stamp], chronological: list[int]) -> tuple[list[int], list[bool]]:
    """Minutes since midnight for every stamp, guessing a.m. or p.m. where a 12-hour blog
    forgot to write it ("4: 58 IST" between 4:30 p.m. and 5:10 p.m. is 4:58 p.m.).

    A blog is 12-hour when most of its stamps say a.m./p.m.; there, a stamp that does not
    takes the half-day that fits between its neighbours in time order (forward gaps on a
    24-hour dial, so neighbours across midnight count too), and is flagged approximate.
    """
    minutes = [s.minutes for s in stamps]
    approximate = [False] * len(stamps)
    twelve = sum(1 for s in stamps if s.ampm)
    written_24h = sum(1 for s in stamps if not s.ampm and s.half_day)
    if twelve <= written_24h:
        return minutes, approximate
    unknown = {i for i, s in enumerate(stamps) if not s.ampm and not s.half_day}
    for pos, i in enumerate(chronological):
        if i not in unknown:
            continue
        prev = minutes[chronological[pos - 1]] if pos else None  # already resolved
        later = islice(chronological, pos + 1, None)
        nxt = next((minutes[j] for j in later if j not in unknown), None)
        base = (stamps[i].hour % 12) * 60 + stamps[i].minute
        candidates = [base, base + _HALF_DAY]

        def cost(c: int, prev: int | None = prev, nxt: int | None = nxt) -> tuple[int, int]:
            before = _gap(prev, c) if prev is not None else 0
            after = _gap(c, nxt) if nxt is not None else 0
            return before + after, before

        if prev is not None or nxt is not None:
            minutes[i] = min(candidates, key=cost)
        approximate[i] = True
    return minutes, approximate


def resolve_instants(
    raws: list[RawUpdate],
    days: list[date | None],
    zone: str,
    path: str,
    undated: DatelineDate | None = None,
    label: str | None = None,
) -> list[Timed]:
    """Each stamp on its day, rolling over midnight where the clock runs backwards; one
    with no label of its own read with `label`, the page's ("All times GMT"), if any.

    Updates are walked in time order, so a wall time that happens twice (the hour repeated
    when clocks go back) takes the occurrence that does not run backwards from the update
    before it. A group without a day header is dated by `undated`, a dateline near the top.
    """
    newest_first = is_newest_first(raws, days)
    groups: dict[int, list[int]] = {}
    for i, raw in enumerate(raws):
        groups.setdefault(raw.day_index, []).append(i)
    order = sorted(groups, reverse=newest_first)
    chronological = [i for g in order for i in (reversed(groups[g]) if newest_first else groups[g])]
    minutes, approximate = infer_half_days([r.stamp for r in raws], chronological)
    out: list[Timed | None] = [None] * len(raws)
    last: datetime | None = None
    for g in order:
        members = list(reversed(groups[g])) if newest_first else groups[g]
        offsets = _day_offsets([minutes[i] for i in members])
        base = days[g]
        if base is None:
            first = raws[groups[g][0]]  # the first in reading order, as a person would look
            base = _undated_base(first, members, minutes, offsets, zone, undated, path)
        for i, offset in zip(members, offsets, strict=True):
            hour, minute = divmod(minutes[i], 60)
            try:
                naive = datetime.combine(
                    base + timedelta(days=offset), datetime.min.time()
                ).replace(hour=hour, minute=minute)
                instant = stamp_instant(naive, raws[i].stamp.label or label, zone, after=last)
            except (OverflowError, ValueError):
                raise SourceError(
                    f"the update stamped {raws[i].stamp.raw!r} falls outside the calendar "
                    f"(day {base.isoformat()})",
                    path=path,
                    line=raws[i].line,
                    hint="check the day header above it",
                ) from None
            out[i] = Timed(instant, approximate[i])
            last = instant if last is None else max(last, instant)
    return [t for t in out if t is not None]


def _day_offsets(minutes: list[int]) -> list[int]:
    """Days after the group's date, one more each time the clock runs back more than 12 h."""
    offsets, offset, previous = [], 0, None
    for m in minutes:
        if previous is not None and previous - m > _HALF_DAY:
            offset += 1
        previous = m
        offsets.append(offset)
    return offsets


def _undated_base(
    first: RawUpdate,
    members: list[int],
    minutes: list[int],
    offsets: list[int],
    zone: str,
    undated: DatelineDate | None,
    path: str,
) -> date:
    """The date of the oldest update of a headerless group, from the dateline near the top.

    A publication date is the day the blog began; an update date (and time) is when its
    newest entry was already written, so that entry is the last one not after it.
    """
    if undated is None:
        raise SourceError(
            f"cannot date the update stamped {first.stamp.raw!r}: no day header above it, no "
            "dateline such as 'Published Nov 5, 2017' near the top, and no date was given",
            path=path,
            line=first.line,
            hint="add a line such as 'Wednesday, October 29, 2025', or give the day with "
            "--date or `date:` in the config",
        )
    if not undated.updated:
        return undated.day
    base = undated.day - timedelta(days=offsets[-1])
    if undated.time is not None:
        limit = stamp_instant(
            datetime.combine(undated.day, datetime.min.time()).replace(
                hour=undated.time.hour, minute=undated.time.minute
            ),
            undated.time.label,
            zone,
        ).astimezone(pytz.timezone(zone))
        newest = minutes[members[-1]]
        if newest > limit.hour * 60 + limit.minute:
            base -= timedelta(days=1)
    return base


def stamp_instant(
    naive: datetime, label: str | None, zone: str, after: datetime | None = None
) -> datetime:
    """A labelled stamp is read in its label's clock; an unlabelled one in the page's zone.

    Where the wall time happens twice, the first occurrence is taken unless it would come
    before `after` (the previous update in time order): then the second.
    """
    if label:
        fixed = zones.fixed_offset(label)
        label_zone = zones.zone_for_label(label)
        if fixed is not None:
            instant = naive.replace(tzinfo=timezone(fixed))
            return instant.astimezone(pytz.timezone(label_zone or zone))
        if label_zone:
            zone = label_zone
    instant = zones.localize(zone, naive)
    if after is not None and instant < after and zones.is_ambiguous(zone, naive):
        instant = zones.localize(zone, naive, first=False)
    return instant
