"""Article reader: a narrative text of paragraphs and section headings.

An article has no stamps; its dates live in the prose ("On October 28, 2025, …"), which the
understanding stage resolves. The reader keeps paragraphs with their line numbers and tells
headings apart so evidence can cite where it came from.
"""

from __future__ import annotations

import re
from datetime import date

from exporter import regexes, zones
from exporter.errors import SourceError
from exporter.lexicon import MONTHS, WEEKDAY_PATTERN, WEEKDAYS
from exporter.model import Document, Paragraph
from exporter.readers.clock import recalled_years
from exporter.readers.options import ReadOptions
from exporter.readers.stamps import WIRE_DATELINE, dateline_place, parse_dateline_date
from exporter.sentences import split_sentences

#: An encyclopedia's marks in running text: "[2]", "[a]", "[note 1]", "[citation needed]",
#: "[edit]". Kept, "… by Rui Sato.[2] On 4 June, …" is one sentence to the splitter.
_MARKS = regexes.compile(r"\[(?:\d{1,3}|[a-z]|(?:note|nb) \d{1,3}|citation needed|edit)\]", re.I)


def _is_heading(text: str) -> bool:
    """Short lines without closing punctuation are section headings."""
    return len(text) <= 90 and not re.search(r"[.!?:;,\"”')]$", text) and len(text.split()) <= 12


def read_article(lines: list[tuple[int, str]], path: str, options: ReadOptions) -> Document:
    """Build a Document holding the article's paragraphs; its zone comes from options."""
    if not lines:
        raise SourceError("the document is empty", path=path, hint="give a file with text in it")
    unmarked = [(n, _MARKS.sub("", t).strip()) for n, t in lines]
    paragraphs = tuple(Paragraph(text=t, line=n, heading=_is_heading(t)) for n, t in unmarked if t)
    body = [p for p in paragraphs if not p.heading]
    if not body:
        raise SourceError(
            "no paragraphs found, only headings",
            path=path,
            line=lines[0][0],
            hint="give a file with running text",
        )
    first = paragraphs[0]
    title = first.text if first.heading else split_sentences(first.text)[0]
    wire = next((m for p in body[:_TOP] if (m := WIRE_DATELINE.match(p.text))), None)
    if options.zone:
        zone = zones.check_zone(options.zone)
    else:  # where a wire story was filed, when the dateline's place is known
        resolve = options.zone_of_place or zones.zone_for_place
        zone = (resolve(dateline_place(wire)) if wire else None) or ""
    return Document(
        path=path,
        kind="article",
        title=options.title or title,
        zone=zone,
        slug=options.slug,
        intro=(body[0].text,),
        paragraphs=paragraphs,
        published=_published(paragraphs[:_TOP], wire, options),
        url=options.url,
    )


#: How many paragraphs from the top a publication line or a dateline may be.
_TOP = 6
_WEEKDAY = regexes.compile(rf"\b(?i:{WEEKDAY_PATTERN})\b")


def _published(
    top: tuple[Paragraph, ...], wire: re.Match[str] | None, options: ReadOptions
) -> date | None:
    """The day an article was written, which its "on Monday" and "yesterday" count from:
    a "Published …" or "Updated …" line near the top, else the day of a wire story's
    dateline ("AVALON, Oct 29 (Reuters) -"). None when it gives none: an encyclopedia's
    article dates its own sentences."""
    for paragraph in top:
        line = parse_dateline_date(paragraph.text)
        if line is not None:
            return line.day
    if wire is None or not wire["mon"]:
        return None
    month, day = MONTHS[wire["mon"].lower()], int(wire["d"])
    year = int(wire["y"]) if wire["y"] else options.year
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return _dated_back(month, day, wire.string[wire.end() :], options)


def _dated_back(month: int, day: int, story: str, options: ReadOptions) -> date | None:
    """The day of a dateline that writes no year: a story is filed on or before the day it
    is read, so the latest such day not after `today` (or after the latest year the story
    names) whose weekday is the one its first sentence names ("arrived … on Monday"),
    else the first such day tried. None with neither a today nor a year to count from."""
    lead = split_sentences(story)[0] if story.strip() else ""
    named = _WEEKDAY.search(lead)
    weekday = WEEKDAYS[named.group().lower()] if named else None
    today = options.today
    years = recalled_years(story, today)
    if years:
        first, step = max(years), 1
    elif today is not None:
        first, step = today.year, -1
    else:
        return None
    found: list[date] = []
    for year in range(first, first + 12 * step, step):
        try:
            on = date(year, month, day)
        except ValueError:
            continue
        if today is not None and on > today:
            continue
        if weekday is None or on.weekday() == weekday:
            return on
        found.append(on)
    return found[0] if found else None
