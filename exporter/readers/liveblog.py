"""Live blog reader: preamble, clock declaration, day headers, stamped updates, editor's notes.

The shape it expects is the one newsrooms share: a title and intro, maybe a block of
related headlines, a line declaring the clock, then days, each holding updates that begin
with a local time, newest first or oldest first. It reads structure only; what the updates
*mean* is the understanding stage's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise

import pytz

from exporter import zones
from exporter.errors import SourceError
from exporter.model import Deletion, Document, Update
from exporter.readers.options import ReadOptions
from exporter.readers.stamps import (
    DayHeader,
    Stamp,
    parse_clock_declaration,
    parse_day_header,
    parse_stamp,
)
from exporter.sentences import split_sentences

_RELATED_HEAD = re.compile(
    r"^(?:further reading|related(?: coverage| stories| articles)?|read more|see also|more on this"
    r"(?: story)?|recommended)\s*:?$",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"^(?P<kind>correction|clarification|editor['’]s note|update|note)\s*:\s*(?P<text>.+)$",
    re.IGNORECASE,
)
_DELETED = re.compile(r"\b(?:was|were|has been|have been)\s+(?:deleted|removed|withdrawn)\b", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]+[A-Z])(?:,\s*(?P<region>[A-Z][\w .'-]+?))?\s*(?:--|—|–)\s"
)
_YEAR = re.compile(r"\b(19[7-9]\d|20\d\d)\b")


@dataclass
class _Raw:
    """An update while it is being read: the day it sits under and its paragraphs."""

    stamp: Stamp
    line: int
    day_index: int
    paragraphs: list[str] = field(default_factory=list)


def looks_like_liveblog(lines: list[tuple[int, str]]) -> bool:
    """Three or more stamped lines make a live blog, or one under a day header."""
    stamps = sum(1 for _, text in lines if parse_stamp(text))
    return stamps >= 3 or (stamps >= 1 and any(parse_day_header(text) for _, text in lines))


def read_liveblog(lines: list[tuple[int, str]], path: str, options: ReadOptions) -> Document:
    """Build a Document from the clean, numbered, non-blank lines of a live blog."""
    preamble: list[tuple[int, str]] = []
    days: list[tuple[int, DayHeader | None]] = []
    raws: list[_Raw] = []
    notes: list[tuple[int, str]] = []
    declared: str | None = None
    wants_local = False
    body_started = False

    for number, text in lines:
        note = _NOTE.match(text)
        if note and body_started:
            notes.append((number, text))
            continue
        header = parse_day_header(text)
        if header:
            days.append((number, header))
            body_started = True
            continue
        stamp = parse_stamp(text)
        if stamp:
            if not days:
                days.append((number, None))
            body_started = True
            raw = _Raw(stamp=stamp, line=number, day_index=len(days) - 1)
            if stamp.rest:
                raw.paragraphs.append(stamp.rest)
            raws.append(raw)
            continue
        if not body_started:
            decl = parse_clock_declaration(text)
            if decl and (text.rstrip().endswith(":") or len(text) < 80):
                declared = decl.zone or declared
                wants_local = wants_local or decl.local
                if preamble:  # a declaration line; the first line is the title all the same
                    continue
            preamble.append((number, text))
            continue
        if raws:
            raws[-1].paragraphs.append(text)
        else:
            preamble.append((number, text))

    if not raws:
        first = lines[0][0] if lines else 1
        raise SourceError(
            "no live-blog updates found (expected lines starting with a time such as "
            "'9:50 a.m.' or '14:05')",
            path=path,
            line=first,
            hint="check the file is a live blog, or give it as an article",
        )

    title, intro, related, dateline = _split_preamble(preamble)
    zone = _choose_zone(options, declared, wants_local, dateline, raws, path)
    full_text = "\n".join(t for _, t in lines)
    resolved = _resolve_days(days, path, options, full_text)
    instants = _resolve_instants(raws, resolved, zone, path)
    updates = _number(raws, instants, zone)
    deletions, kept_notes = _read_notes(notes, resolved, zone, path)
    return Document(
        path=path,
        kind="liveblog",
        title=options.title or title,
        zone=zone,
        slug=options.slug,
        intro=tuple(intro),
        related=tuple(related),
        updates=tuple(sorted(updates, key=lambda u: (u.instant, u.seq), reverse=True)),
        deletions=tuple(deletions),
        notes=tuple(kept_notes),
        published=min(d for d in resolved if d is not None) if any(resolved) else None,
        url=options.url,
    )


def _split_preamble(
    preamble: list[tuple[int, str]],
) -> tuple[str, list[str], list[str], str | None]:
    """Title, intro paragraphs, related headlines and dateline place from the opening lines."""
    intro: list[str] = []
    related: list[str] = []
    in_related = False
    for _, text in preamble:
        if _RELATED_HEAD.match(text):
            in_related = True
            continue
        if in_related and len(text) <= 160 and not text.endswith("."):
            related.append(text)
            continue
        in_related = False
        intro.append(text)
    dateline = None
    title = ""
    if intro:
        m = _DATELINE.match(intro[0])
        if m:
            dateline = m["place"].title() + (f", {m['region']}" if m["region"] else "")
        first = intro[0]
        is_headline = len(first) <= 160 and not m and not re.search(r"[.!?\"”]$", first)
        if is_headline:
            title = first
            intro = intro[1:]
        else:
            body = first[m.end() :] if m else first
            title = split_sentences(body)[0] if body else ""
    return title, intro, related, dateline


def _choose_zone(
    options: ReadOptions,
    declared: str | None,
    wants_local: bool,
    dateline: str | None,
    raws: list[_Raw],
    path: str,
) -> str:
    """--tz beats the page; the page's declaration beats stamp labels; the dateline last."""
    if options.zone:
        return zones.check_zone(options.zone)
    if declared:
        return declared
    labelled = [zones.zone_for_label(r.stamp.label) for r in raws if r.stamp.label]
    labelled = [z for z in labelled if z]
    if labelled:
        return max(set(labelled), key=labelled.count)
    if dateline and options.zone_of_place:
        zone = options.zone_of_place(dateline) or options.zone_of_place(dateline.split(",")[-1])
        if zone:
            return zone
    raise SourceError(
        "cannot tell which clock the updates use (no '(Tokyo time)', 'All times GMT' or "
        "labelled stamps" + (", and the dateline place is unknown" if wants_local else "") + ")",
        path=path,
        line=raws[0].line,
        hint="pass --tz ZONE (e.g. --tz Asia/Tokyo) or set `tz:` for this source in the config",
    )


def _resolve_days(
    days: list[tuple[int, DayHeader | None]], path: str, options: ReadOptions, text: str
) -> list[date | None]:
    """Give each day header its full date, inferring the year when it is not written."""
    headers = [h for _, h in days if h is not None]
    if not headers:
        if options.date:
            return [options.date for _ in days]
        raise SourceError(
            "the updates have no day header and no date was given",
            path=path,
            line=days[0][0] if days else None,
            hint="add a line such as 'Wednesday, October 29, 2025', or set `date:` in the config",
        )
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
    mentioned = [int(y) for y in _YEAR.findall(text)]
    if options.today:
        mentioned = [y for y in mentioned if y <= options.today.year]
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


def _weekday_fits(header: DayHeader, year: int) -> bool:
    try:
        return date(year, header.month, header.day).weekday() == header.weekday
    except ValueError:
        return False


def _resolve_instants(
    raws: list[_Raw], days: list[date | None], zone: str, path: str
) -> list[datetime]:
    """Each stamp on its day, rolling over midnight where the clock runs backwards."""
    newest_first = _is_newest_first(raws, days)
    instants: list[datetime | None] = [None] * len(raws)
    groups: dict[int, list[int]] = {}
    for i, raw in enumerate(raws):
        groups.setdefault(raw.day_index, []).append(i)
    for day_index, members in groups.items():
        day = days[day_index]
        if day is None:
            raise SourceError(
                "updates before the first day header have no date",
                path=path,
                line=raws[members[0]].line,
                hint="add a day header above them or set `date:` in the config",
            )
        ordered = list(reversed(members)) if newest_first else members
        offset = 0
        previous: int | None = None
        for i in ordered:
            stamp = raws[i].stamp
            minutes = stamp.hour * 60 + stamp.minute
            if previous is not None and previous - minutes > 12 * 60:
                offset += 1
            previous = minutes
            naive = datetime.combine(day + timedelta(days=offset), datetime.min.time()).replace(
                hour=stamp.hour, minute=stamp.minute
            )
            instants[i] = _stamp_instant(naive, stamp, zone)
    return [i for i in instants if i is not None]


def _stamp_instant(naive: datetime, stamp: Stamp, zone: str) -> datetime:
    """A labelled stamp is read in its label's clock; an unlabelled one in the page's zone."""
    if stamp.label:
        fixed = zones.fixed_offset(stamp.label)
        label_zone = zones.zone_for_label(stamp.label)
        if fixed is not None:
            instant = naive.replace(tzinfo=timezone(fixed))
            return instant.astimezone(pytz.timezone(label_zone or zone))
        if label_zone:
            return zones.localize(label_zone, naive)
    return zones.localize(zone, naive)


def _is_newest_first(raws: list[_Raw], days: list[date | None]) -> bool:
    """Compare neighbours: day headers decide when there are two, else the stamps' clock."""
    dated = [d for d in days if d is not None]
    if len(dated) >= 2:
        down = sum(1 for a, b in pairwise(dated) if b < a)
        up = sum(1 for a, b in pairwise(dated) if b > a)
        if down != up:
            return down > up
    down = up = 0
    for a, b in pairwise(raws):
        if a.day_index != b.day_index:
            continue
        ma, mb = a.stamp.hour * 60 + a.stamp.minute, b.stamp.hour * 60 + b.stamp.minute
        if mb < ma:
            down += 1
        elif mb > ma:
            up += 1
    return down > up


def _number(raws: list[_Raw], instants: list[datetime], zone: str) -> list[Update]:
    """Updates with a seq that tells apart two entries stamped with the same minute."""
    order = sorted(range(len(raws)), key=lambda i: (instants[i], -raws[i].line))
    seen: dict[datetime, int] = {}
    updates = []
    for i in order:
        seq = seen.get(instants[i], 0)
        seen[instants[i]] = seq + 1
        raw = raws[i]
        updates.append(
            Update(
                instant=instants[i],
                stamp=raw.stamp.raw,
                paragraphs=tuple(raw.paragraphs),
                line=raw.line,
                seq=seq,
                approximate=raw.stamp.twelve_hour_unknown,
            )
        )
    return updates


_NOTE_WHEN = re.compile(
    r"\bat\s+(?P<stamp>\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?\s?m\.?|[ap]m)?)"
    r"(?:\s+(?:on\s+)?(?P<day>[A-Za-z]+,?\s+[A-Za-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?))?",
    re.IGNORECASE,
)


def _read_notes(
    notes: list[tuple[int, str]], days: list[date | None], zone: str, path: str
) -> tuple[list[Deletion], list[str]]:
    """Split editor's notes into deletion records (for tombstones) and notes kept as text."""
    deletions: list[Deletion] = []
    kept: list[str] = []
    known_days = [d for d in days if d is not None]
    for number, text in notes:
        when = _NOTE_WHEN.search(text)
        if _DELETED.search(text) and when:
            stamp = parse_stamp(when["stamp"])
            day = None
            if when["day"]:
                header = parse_day_header(when["day"].rstrip(","))
                if header:
                    year = header.year or (known_days[0].year if known_days else None)
                    if year:
                        day = date(year, header.month, header.day)
            if stamp and day is None and len(known_days) == 1:
                day = known_days[0]
            if stamp and day:
                naive = datetime.combine(day, datetime.min.time()).replace(
                    hour=stamp.hour, minute=stamp.minute
                )
                deletions.append(Deletion(zones.localize(zone, naive), text, number))
                continue
        kept.append(text)
    return deletions, kept
