"""Agenda lines: times inside an update that announce a schedule, not new updates.

A live blog often lists the day ahead inside one entry:

    9.02am: Good morning. Here is what is coming up today:
    10am: Questions in the House
    3.30pm: Statement on the budget

The listed lines look exactly like stamps. What tells them apart is English news usage and
the blog's own order: a list introduced by "Today's agenda", "What's coming up", "Schedule:"
…; or a run of short time-first lines naming events rather than telling them (no full
stops), in time order, that would break the order of the blog if they were updates (later
than the entry that holds them in a newest-first blog, later than the entry after them in
an oldest-first one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from exporter import regexes
from exporter.readers.stamps import Stamp

#: Words that introduce a schedule in English news copy.
_CUE = regexes.compile(
    r"\b(?:agenda|schedule|timetable|itinerary|programme|line-?up|running order"
    r"|order of (?:business|events|play)|coming up|what(?:['’]s| is) (?:ahead|coming|on|next)"
    r"|what to (?:expect|watch for)|what we (?:are|['’]re) expecting|the day ahead"
    r"|key (?:times|timings|moments)|expected timings?|still to come)\b",
    re.IGNORECASE,
)
#: Characters that close a sentence (a schedule entry or heading has none).
_ENDS = frozenset(".!?\"”'’")
#: An agenda item is a short line: a time and a few words.
_ITEM_MAX = 120
#: No day's schedule runs longer; the cap keeps the search linear in the blog's length.
_MAX_ITEMS = 24
_HALF_DAY = 12 * 60


@dataclass(frozen=True)
class Line:
    """What the agenda finder needs to know about one line of the document."""

    text: str
    stamp: Stamp | None
    header: bool


def agenda_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of stamped lines that are items of a schedule, to be kept as paragraphs."""
    stamped = [i for i, line in enumerate(lines) if line.stamp and not line.header]
    cued = {j for i in stamped if i and _is_cue(lines[i - 1]) for j in _run(lines, i)}
    newest_first = _runs_newest_first(lines, [i for i in stamped if i not in cued])
    found: set[int] = set()
    i = 1
    while i < len(lines):
        line, before = lines[i], lines[i - 1]
        if line.stamp is None or line.header or before.header or (i - 1) in found:
            i += 1
            continue
        cue = _cue_text(before)
        items = _run(lines, i)
        if not items:
            i += 1
            continue
        container = _previous_update(lines, i, found)
        after = next(
            (j for j in range(items[-1] + 1, len(lines)) if lines[j].stamp or lines[j].header),
            None,
        )
        following = lines[after].stamp if after is not None else None
        colon = cue.rstrip().endswith(":")
        keyword = (colon or _is_heading(cue)) and bool(_CUE.search(cue[-200:]))
        first = lines[items[0]].stamp
        breaks = (
            container is not None
            and first is not None
            and _breaks_order(container, first, following, newest_first)
        )
        if keyword or (breaks and (colon or len(items) >= 2) and _listing(lines, items)):
            found.update(items)
            i = items[-1] + 1
            continue
        i += 1
    if found and len(found) == len(stamped):
        return set()  # a blog is never all agenda: these were its updates after all
    return found


def _cue_text(line: Line) -> str:
    """The words that may announce a list: a stamped line's text after its time."""
    return line.stamp.rest if line.stamp else line.text


def _is_cue(line: Line) -> bool:
    """A line that may introduce a list: it ends with a colon or is a schedule heading."""
    text = _cue_text(line).rstrip()
    return not line.header and (
        text.endswith(":") or (_is_heading(text) and bool(_CUE.search(text)))
    )


def _is_heading(text: str) -> bool:
    """A short line without closing punctuation ("What's coming up today")."""
    return len(text) <= 60 and text.rstrip()[-1:] not in _ENDS


def _listing(lines: Sequence[Line], items: list[int]) -> bool:
    """Schedule entries are names of events ("Questions in the House"), not sentences: most of
    them end without a full stop."""
    ended = sum(1 for j in items if lines[j].text.rstrip()[-1:] in _ENDS)
    return ended * 2 < len(items)


def _run(lines: Sequence[Line], start: int) -> list[int]:
    """The consecutive short stamped lines from `start`, as long as their times go forward."""
    items: list[int] = []
    latest = -1
    for j in range(start, min(len(lines), start + _MAX_ITEMS)):
        stamp = lines[j].stamp
        if stamp is None or lines[j].header or not stamp.rest or len(stamp.rest) > _ITEM_MAX:
            break
        if stamp.minutes < latest:
            break
        items.append(j)
        latest = stamp.minutes
    return items


def _previous_update(lines: Sequence[Line], index: int, agenda: set[int]) -> Stamp | None:
    """The stamp of the update a line sits in (None in the preamble or after a day header)."""
    for j in range(index - 1, -1, -1):
        if lines[j].header:
            return None
        if lines[j].stamp and j not in agenda:
            return lines[j].stamp
    return None


def _backward(earlier: int, later: int) -> bool:
    """True when going from `earlier` to `later` (in time order) runs the clock back, and not
    by so much that a midnight was crossed."""
    return 0 < earlier - later <= _HALF_DAY


def _breaks_order(
    container: Stamp, first: Stamp, following: Stamp | None, newest_first: bool
) -> bool:
    """Would reading the items as updates put the blog out of its order?

    Newest first, updates below an entry are earlier than it: a later one is out of place.
    Oldest first, the entry after a run is later than the run: when it is earlier than every
    item (yet not earlier than the entry holding them) the items were announced, not posted.
    """
    if newest_first:
        return _backward(first.minutes, container.minutes)
    return (
        following is not None
        and _backward(first.minutes, following.minutes)
        and not _backward(container.minutes, following.minutes)
    )


def _runs_newest_first(lines: Sequence[Line], stamped: list[int]) -> bool:
    """A first guess of the blog's direction from neighbouring stamps (agenda runs are few)."""
    down = up = 0
    for a, b in pairwise(stamped):
        first, second = lines[a].stamp, lines[b].stamp
        if first is None or second is None or any(lines[k].header for k in range(a + 1, b)):
            continue
        ma, mb = first.minutes, second.minutes
        if _backward(ma, mb):
            down += 1
        elif _backward(mb, ma):
            up += 1
    return down > up
