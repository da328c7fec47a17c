"""Live blog reader: preamble, clock declaration, day headers, stamped updates, editor's notes.

The shape it expects is the one newsrooms share: a title and intro (maybe a dateline and a
"Published Nov 5, 2017" line), maybe a block of related headlines, a line declaring the
clock, then days, each holding updates that begin with a local time, newest first or oldest
first. It reads structure only; what the updates *mean* is the understanding stage's business.
Dates and instants are resolved in `clock`, schedules inside updates are told apart in `agenda`.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pytz

from exporter import regexes, zones
from exporter.errors import SourceError
from exporter.model import Deletion, Document, Update
from exporter.readers.agenda import Line, agenda_lines
from exporter.readers.clock import RawUpdate, Timed, resolve_days, resolve_instants
from exporter.readers.options import ReadOptions
from exporter.readers.stamps import (
    WIRE_DATELINE,
    DatelineDate,
    DayHeader,
    Stamp,
    dateline_form_stamp,
    dateline_place,
    impossible_stamp,
    parse_clock_declaration,
    parse_dateline_date,
    parse_day_header,
    parse_stamp,
)
from exporter.sentences import split_sentences

_RELATED_HEAD = regexes.compile(
    r"^(?:further reading|related(?: coverage| stories| articles)?|read more|see also|more on this"
    r"(?: story)?|recommended)\s*:?$",
    re.IGNORECASE,
)
_NOTE = regexes.compile(
    r"^(?P<kind>correction|clarification|editor['’]s note|update|note)\s*:\s*(?P<text>.+)$",
    re.IGNORECASE,
)
#: The stamp forms that follow their entry's headline ("Published at 03:47 GMT").
_PUBLISHED_AT = regexes.compile(r"^(?:first\s+|last\s+)?(?:published|posted|updated)\s+at\b", re.I)
#: "Updated at 16.20 BST", "Last updated at …": when an entry was edited.
_EDITED_AT = regexes.compile(r"^(?:last\s+)?updated\s+at\b", re.I)
#: The heading of a list of links to a blog's main entries.
_LIST_HEAD = regexes.compile(r"^(?:key (?:events|moments|updates|points)|highlights)\s*:?$", re.I)
#: "2h ago", "3 hours ago", "Just now" alone on a line: a page's age label for the entry
#: below, true only when the page was saved. Dropped: it would end the entry above.
_AGE = regexes.compile(
    r"(?:\d+\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|just\s+now)",
    re.IGNORECASE,
)
_DELETED = regexes.compile(
    r"\b(?:was|were|has been|have been)\s+(?:deleted|removed|withdrawn)\b", re.I
)


def looks_like_liveblog(lines: list[tuple[int, str]]) -> bool:
    """Three or more stamped lines make a live blog, or one under a day header, or two that
    name their day ("11:58 p.m. ET, March 5, 2024", or as a dateline is written: "Oct 28,
    2025 10:05 PM JST"): one alone may be an article's byline or dateline. A blog is
    known by its third stamp: the rest of it is read once, by the reader."""
    stamps = []
    datelines = 0
    for _, text in lines:
        stamp = parse_stamp(text)
        if stamp:
            stamps.append(stamp)
            if len(stamps) == 3:
                return True
        elif dateline_form_stamp(text):
            datelines += 1
    return (
        datelines >= 2
        or sum(1 for stamp in stamps if stamp.on) >= 2
        or (bool(stamps) and any(parse_day_header(text) for _, text in lines))
    )


def _dateline_form_stamps(marked: list[Line]) -> None:
    """Lines written the way a dateline is ("Oct 28, 2025 10:05 PM JST") stamp their
    entries where there are two or more of them; one alone stays the page's dateline."""
    found = [
        (i, stamp)
        for i, line in enumerate(marked)
        if line.stamp is None and not line.header and (stamp := dateline_form_stamp(line.text))
    ]
    if len(found) >= 2:
        for i, stamp in found:
            marked[i] = Line(marked[i].text, stamp, False)


@dataclass
class _Scan:
    """What the line-by-line pass found, before any of it is resolved to dates and zones."""

    preamble: list[tuple[int, str]] = field(default_factory=list)
    days: list[tuple[int, DayHeader | None]] = field(default_factory=list)
    raws: list[RawUpdate] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    datelines: list[DatelineDate] = field(default_factory=list)
    declared: str | None = None
    declared_name: str | None = None
    declared_fixed: str | None = None  # `ClockDeclaration.fixed`
    wants_local: bool = False
    #: The first line that opens with a time no clock shows, and that time.
    impossible: tuple[int, str] | None = None


def read_liveblog(lines: list[tuple[int, str]], path: str, options: ReadOptions) -> Document:
    """Build a Document from the clean, numbered, non-blank lines of a live blog."""
    scan = _scan(lines)
    if scan.impossible:
        number, stamp = scan.impossible
        raise SourceError(
            f"{stamp!r} is not a time of day",
            path=path,
            line=number,
            hint="an update's time runs from 12:00 a.m. to 11:59 p.m.",
        )
    if not scan.raws:
        raise _no_updates(lines, path)
    title, intro, related, dateline = _split_preamble(scan.preamble)
    zone = _choose_zone(options, scan, dateline, path)
    full_text = "\n".join(t for _, t in lines)
    resolved = resolve_days(scan.days, path, options, full_text)
    undated = next((d for d in scan.datelines if not d.updated), None) or next(
        iter(scan.datelines), None
    )
    fixed = None if options.zone else scan.declared_fixed  # a zone given wins
    timed = resolve_instants(scan.raws, resolved, zone, path, undated, fixed)
    updates = _number(scan.raws, timed)
    deletions, kept_notes = _read_notes(scan.notes, resolved, zone, path)
    dated = [d for d in resolved if d is not None]
    if not dated:
        dated = [u.instant.astimezone(pytz.timezone(zone)).date() for u in updates]
    return Document(
        path=path,
        kind="liveblog",
        title=options.title or title or named_after(options.slug),
        zone=zone,
        slug=options.slug,
        intro=tuple(intro),
        related=tuple(related),
        updates=tuple(sorted(updates, key=lambda u: (u.instant, u.seq), reverse=True)),
        deletions=tuple(deletions),
        notes=tuple(kept_notes),
        published=min(dated),
        url=options.url,
    )


def _scan(lines: list[tuple[int, str]]) -> _Scan:
    """One pass over the lines: preamble, clock declaration, datelines, days, updates, notes."""
    marked = []
    scan = _Scan()
    for number, text in lines:
        header = parse_day_header(text)
        stamp = None if header else parse_stamp(text)
        marked.append(Line(text, stamp, header is not None))
        if stamp is None and scan.impossible is None and (bad := impossible_stamp(text)):
            scan.impossible = (number, bad)
    _dateline_form_stamps(marked)
    agenda = agenda_lines(marked)
    body_started = False
    for index, (number, text) in enumerate(lines):
        if len(text) < 20 and _AGE.fullmatch(text):
            continue
        if body_started and (note := _NOTE.match(text)) and not _opens_entry(note, scan):
            scan.notes.append((number, text))
            continue
        if marked[index].header:
            header = parse_day_header(text)
            scan.days.append((number, header))
            body_started = True
            continue
        stamp = None if index in agenda else marked[index].stamp
        if stamp:
            if stamp.on is not None:  # "Update 2:03 p.m. EST Feb. 19:" names its own day
                _day_of_stamp(scan, number, stamp)
            if not scan.days:
                scan.days.append((number, None))
            body_started = True
            raw = RawUpdate(stamp=stamp, line=number, day_index=len(scan.days) - 1)
            headline = _headline_before(scan, stamp, index, marked)
            if headline:
                raw.paragraphs.append(headline)
            if stamp.rest:
                raw.paragraphs.append(stamp.rest)
            scan.raws.append(raw)
            continue
        if scan.raws:
            scan.raws[-1].paragraphs.append(text)
            continue
        if _read_opening_line(scan, text):
            continue
        scan.preamble.append((number, text))
    _drop_lists(scan)
    _drop_summaries(scan)
    _drop_edit_marks(scan)
    return scan


def _drop_lists(scan: _Scan) -> None:
    """Drop a stamp whose text opens with a list of links to the blog's entries ("Key
    events", then their headlines): the page's last-updated time above its list, as
    some sites print it ("Tue 28 Oct 2025 18.40 GMT" / "Key events" / "1h ago" / …),
    not an entry. Its headlines repeat entries below; kept, they would be one more
    update, told at the time the page was saved."""
    scan.raws = [raw for raw in scan.raws if not any(map(_is_list_head, raw.paragraphs[:3]))]


def _drop_edit_marks(scan: _Scan) -> None:
    """Drop an "Updated at 16.20 BST" line with no text of its own, below an entry of the
    same day that has text and an earlier time: when that entry was last edited, as some
    sites print it under the entry, not an entry. Kept, it would be an empty update."""
    kept: list[RawUpdate] = []
    for raw in scan.raws:
        above = kept[-1] if kept else None
        if (
            above is not None
            and not raw.paragraphs
            and above.paragraphs
            and raw.day_index == above.day_index
            and raw.stamp.minutes >= above.stamp.minutes
            and _EDITED_AT.match(raw.stamp.raw)
        ):
            continue
        kept.append(raw)
    scan.raws = kept


def _is_list_head(text: str) -> bool:
    return len(text) <= 16 and _LIST_HEAD.match(text) is not None  # "Key moments:"


def _drop_summaries(scan: _Scan) -> None:
    """Drop the one-line entries of a "Key events" list: a stamp and a headline that repeat
    the time and the first paragraph of a fuller entry. They link to it; kept, each
    would be a second update for one report, and, listed above the first day header, one
    that cannot be dated.

    Only a list is one: two such entries or more in a row, each under the day of the entry
    it repeats, or one above every day header. A lone one-line entry among the others is an
    update of its own, whatever it repeats: a long blog says "Security was heavy along the
    route" on more than one day.
    """
    days: dict[tuple[int, str], set[int]] = {}  # (minutes, headline) → days of its entries
    for raw in scan.raws:
        if len(raw.paragraphs) > 1:
            days.setdefault((raw.stamp.minutes, _folded(raw.paragraphs[0])), set()).add(
                raw.day_index
            )
    if not days:
        return
    undated = [scan.days[raw.day_index][1] is None for raw in scan.raws]

    def repeats(raw: RawUpdate, above_days: bool) -> bool:
        """A one-line entry with the time and words of a fuller one of its day (any day,
        when it stands above every day header)."""
        if len(raw.paragraphs) != 1:
            return False
        found = days.get((raw.stamp.minutes, _folded(raw.paragraphs[0])), set())
        return raw.day_index in found or (above_days and bool(found))

    marks = [repeats(raw, above) for raw, above in zip(scan.raws, undated, strict=True)]
    drop = [
        mark and ((i > 0 and marks[i - 1]) or (i + 1 < len(marks) and marks[i + 1]) or undated[i])
        for i, mark in enumerate(marks)
    ]
    if not any(drop):
        return
    if scan.preamble and _LIST_HEAD.match(scan.preamble[-1][1]):
        scan.preamble.pop()  # the list's own heading
    scan.raws = [raw for raw, gone in zip(scan.raws, drop, strict=True) if not gone]


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _opens_entry(note: re.Match[str], scan: _Scan) -> bool:
    """ "UPDATE: …" or "Note: …" right under a stamp that has no text yet is that entry's
    text ("6 p.m." / "UPDATE: The state reported 106 more cases."), not an editor's note;
    a correction or an editor's note is one wherever it stands."""
    return (
        note["kind"].lower() in ("update", "note")
        and bool(scan.raws)
        and not scan.raws[-1].paragraphs
    )


def _day_of_stamp(scan: _Scan, number: int, stamp: Stamp) -> None:
    """A day header for the day a stamp names, unless the updates are already under it."""
    month, day, year = stamp.on or (0, 0, None)
    last = scan.days[-1][1] if scan.days else None
    if last is None or (last.month, last.day, last.year) != (month, day, year):
        scan.days.append((number, DayHeader(month, day, year, None, raw=stamp.raw)))


_OF_ALL_TIMES = regexes.compile(r"\(?\b(?:all\s+times|times\s+(?:are|in))\b", re.I)


def _read_opening_line(scan: _Scan, text: str) -> bool:
    """Take a dateline date or a clock declaration from the opening; True when the line is
    spent (a declaration on its own line; the first line stays the title all the same)."""
    dated = parse_dateline_date(text)
    if dated:
        scan.datelines.append(dated)
        return True
    own_line = text.rstrip().endswith(":") or len(text) < 80
    if own_line:
        decl = parse_clock_declaration(text)
    else:
        # in a sentence among others, only what is said of all the times: "… Follow our
        # coverage. All times are Avalon time.", not "left at 5 p.m. (Zenda time)"
        said = _OF_ALL_TIMES.search(text)
        decl = parse_clock_declaration(text[said.start() :]) if said else None
    if decl is None:
        return False
    scan.declared = scan.declared or decl.zone
    scan.declared_name = scan.declared_name or decl.name
    if scan.declared == decl.zone:
        scan.declared_fixed = scan.declared_fixed or decl.fixed
    scan.wants_local = scan.wants_local or decl.local
    # a sentence among others ("… Follow our coverage. All times are Avalon time.") leaves
    # the line as the intro it is
    return own_line and bool(scan.preamble)


def _headline_before(scan: _Scan, stamp: Stamp, index: int, marked: list[Line]) -> str | None:
    """Some pages print an entry's headline above its "Published at 03:47 GMT" line: that
    headline belongs to the entry it names, not to the end of the one before."""
    if not _PUBLISHED_AT.match(stamp.raw) or stamp.rest or index == 0:
        return None
    before = marked[index - 1]
    if before.header:
        return None
    text = before.text
    if len(text) > 120 or re.search(r"[.!?:;,\"”’')]$", text):
        return None
    owner = scan.raws[-1].paragraphs if scan.raws else [t for _, t in scan.preamble]
    if len(owner) < 2 or owner[-1] != text:
        return None
    if scan.raws:
        scan.raws[-1].paragraphs.pop()
    else:
        scan.preamble.pop()
    return text


def _no_updates(lines: list[tuple[int, str]], path: str) -> SourceError:
    """The error for a document with no stamp: what was expected and what was found instead."""
    shown = "; ".join(
        f"{path}:{n} {text[:60] + ('…' if len(text) > 60 else '')!r}" for n, text in lines[:3]
    )
    return SourceError(
        "no live-blog updates found (expected lines starting with a time such as "
        f"'9:50 a.m.', '14:05' or '1405 GMT'; the first lines are: {shown})",
        path=path,
        line=lines[0][0] if lines else 1,
        hint="check the file is a live blog, or give it as an article (kind: article)",
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
        if _is_list_head(text):
            continue  # "Key events", the page's button above a list that was not copied
        if in_related and len(text) <= 160 and not text.endswith("."):
            related.append(text)
            continue
        in_related = False
        intro.append(text)
    dateline = None
    title = ""
    if intro:
        m = WIRE_DATELINE.match(intro[0])
        for text in intro[:3]:
            found = WIRE_DATELINE.match(text)
            if found:
                dateline = dateline_place(found)
                break
        first = intro[0]
        is_headline = len(first) <= 160 and not m and not re.search(r"[.!?\"”]$", first)
        if is_headline:
            title = first
            intro = intro[1:]
        else:
            body = first[m.end() :] if m else first
            title = split_sentences(body)[0] if body else ""
    return title, intro, related, dateline


def named_after(slug: str) -> str:
    """The title of a blog that gives none (it starts with a day or an update): its
    source's name in words ("harbour-festival" → "Harbour festival"). Feeds, calendars
    and the page must each have one; RSS refuses a channel without."""
    words = " ".join(w for w in slug.replace("_", "-").split("-") if w)
    return words[:1].upper() + words[1:] if words else "Live updates"


def _choose_zone(options: ReadOptions, scan: _Scan, dateline: str | None, path: str) -> str:
    """--tz beats the page; the page's declaration beats stamp labels; the dateline last.

    Offsets on stamps ("UTC+09:00", as saved pages' <time> elements give them) say the
    instant but not the place, so they only decide when nothing names a zone.
    """
    if options.zone:
        return zones.check_zone(options.zone)
    if scan.declared:
        return scan.declared
    raws = scan.raws
    labelled = [zones.zone_for_label(r.stamp.label) for r in raws if r.stamp.label]
    named = [z for z in labelled if z]
    if named:
        return max(set(named), key=named.count)
    resolve = options.zone_of_place or zones.zone_for_place
    for place in (scan.declared_name, dateline):
        zone = resolve(place) if place else None
        if zone:
            return zone
    offsets = {zones.fixed_offset(r.stamp.label) for r in raws if r.stamp.label}
    if len(offsets) == 1:
        zone = zones.zone_for_offset(offsets.pop() or timedelta(0))
        if zone:
            return zone
    unknown = ", and the dateline place is unknown" if scan.wants_local else ""
    first = raws[0].stamp.raw
    raise SourceError(
        f"cannot tell which clock the updates use, starting with {first!r} (no '(Avalon time)', "
        f"'All times GMT' or labelled stamps{unknown})",
        path=path,
        line=raws[0].line,
        hint="pass --tz ZONE (e.g. --tz Asia/Tokyo) or set `tz:` for this source in the config",
    )


def _number(raws: list[RawUpdate], timed: list[Timed]) -> list[Update]:
    """Updates with a seq that tells apart two entries stamped with the same minute."""
    instants = [t.instant for t in timed]
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
                approximate=timed[i].approximate,
            )
        )
    return updates


_NOTE_WHEN = regexes.compile(
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
                        with suppress(ValueError):  # "February 31": kept as a plain note
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
