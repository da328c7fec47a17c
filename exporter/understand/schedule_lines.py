"""Schedule lines in an article: "27 October: Arrival at the airport; audience with …".

An encyclopedia's or a press office's itinerary often lists each day as the names of its
happenings, with their verbs left out. Nothing in such a line is a sentence with a subject
and a verb, which is what the rules of `mentions` read. So each item is read as the clause
it stands for ("On 27 October, she arrived at the airport"): its place, whom it is with,
its part of the day and whether it lies ahead are then read exactly as in prose, and the
evidence stays the line as written.

Only a line whose words before the colon (or dash) are a day or a clock time, and whose
first item opens with a happening's noun, is a schedule line: "27 October: Costa arrived
…" is prose, and read as prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from exporter import regexes
from exporter.understand.mentions import NOUN_KINDS, triggers_in
from exporter.understand.people import vocabulary

#: "27 October: …", "Monday, 27 October – …", "27 October (Mon): …", "15:00 – …": the
#: words before the separator (a colon, or a dash with spaces), short and with no ";".
#: Or a table's row, its cells apart by "|" ("| 27 October | Zenda | Arrival at … |").
_LINE = regexes.compile(
    r"\|?\s*(?P<when>(?:[^:;()|\n]|(?<=\d)[:.](?=\d\d))"
    r"{2,40}?)\s*(?P<aside>\([^()]{1,20}\))?"
    r"(?:\s*(?::(?!\d\d)|\s[–—-])|(?P<cell>\s*\|))\s*(?P<items>\S.*?)\s*\|?",
)
#: Between a table's cells.
_CELLS = regexes.compile(r"\s*\|\s*")
#: A clock time an item opens with ("15:00 Arrival at …", "3.30pm – audience with …").
_CLOCK_FIRST = regexes.compile(
    r"(?P<clock>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*[:–—-]\s*|\s+)(?=\S)",
    re.IGNORECASE,
)
#: An item that opens with the noun of a happening that is had or held ("State banquet at
#: the palace", "Joint press conference"): no more words than these before it.
_WORDS_BEFORE = regexes.compile(r"(?:\S+\s+){0,3}")
#: What an item ends with that no clause does.
_ITEM_END = " .;,"


@dataclass(frozen=True)
class ScheduleLine:
    """One line of a schedule: when (as written before its separator), its items, and
    what each item is quoted as (`quotes`): the line's opening and the item, so that
    whatever reads an event's sentences again reads only what its item says."""

    when: str
    items: tuple[str, ...]
    opening: str

    @property
    def quotes(self) -> tuple[str, ...]:
        """ "28 October: Summit with …", "28 October: … dinner with business leaders"."""
        return tuple(
            f"{self.opening}{'… ' if i else ''}{item}" for i, item in enumerate(self.items)
        )


@cache
def _heads() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The nouns an item may open with, and the verbs they stand for (past, future)."""
    return tuple(
        (regexes.compile(row["head"], re.IGNORECASE), row["past"], row["future"])
        for row in vocabulary()["listed"]
    )


def schedule_line(text: str) -> ScheduleLine | None:
    """The line's when and items, if it is a schedule line; None otherwise (whether its
    when is a day or a time is for the caller's temporal tagger to say)."""
    text = text.strip()
    m = _LINE.fullmatch(text)
    if m is None:
        return None
    cells = _CELLS.split(m["items"]) if m["cell"] else [m["items"]]
    items = tuple(i for cell in cells for part in cell.split(";") if (i := part.strip(_ITEM_END)))
    if m["cell"]:  # a table's other cells ("Zenda") are no happenings
        items = tuple(i for i in items if clause(i, future=False) is not None)
    if not items or clause(items[0], future=False) is None:
        return None
    when = m["when"].strip(" ,")
    opening = f"{when}: " if m["cell"] else text[: m.start("items")]
    return ScheduleLine(when=when, items=items, opening=opening)


def clause(item: str, future: bool) -> str | None:
    """The words an item stands for, after its subject: "arrived at the airport in the
    afternoon" for "Arrival at the airport in the afternoon"; "had a state banquet …" for
    "State banquet …". None when it opens with no happening's noun."""
    clock = _CLOCK_FIRST.match(item)
    rest = item[clock.end() :] if clock else item
    for head, past, ahead in _heads():
        if m := head.match(rest):
            return f"{ahead if future else past}{rest[m.end() :]}"
    for kind, spans in triggers_in(rest).kinds:
        at = spans[0][0]
        if kind in NOUN_KINDS and _WORDS_BEFORE.fullmatch(rest, 0, at):
            # "State banquet" is no name, but "Avalon–Zenda summit" opens with two
            opening = rest[:1].lower() if at == 0 else rest[:1]
            return f"{'will have' if future else 'had'} {opening}{rest[1:]}"
    return None


def reading(when: str, item: str, dated: bool, future: bool) -> str | None:
    """The sentence an item stands for, with its day (`dated`) or clock time: "On 27
    October at 15:00, she arrived at the airport" for "15:00 Arrival at the airport" of
    the line of 27 October. None when the item names no happening."""
    words = clause(item, future)
    if words is None:
        return None
    clock = _CLOCK_FIRST.match(item)
    lead = f"On {when}" if dated else f"At {when}"
    if clock:
        lead = f"{lead} at {clock['clock']}"
    return f"{lead}, she {words}."
