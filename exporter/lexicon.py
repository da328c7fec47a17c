"""Words of English dates and clocks shared by every reader and the temporal tagger.

One table per idea, so a reader and the tagger never disagree on what "Sept." means.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

#: Regex alternation of month names, longest first so "Sept" wins over "Sep".
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
#: Regex alternation of weekday names, longest first.
WEEKDAY_PATTERN = "|".join(sorted(WEEKDAYS, key=len, reverse=True))

#: Small cardinal and ordinal numbers as written in running text.
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "half an": 0.5,
    "a half": 0.5,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "last": -1,
    "final": -1,
}

#: Parts of the day as [start hour, end hour) in local time; every one is approximate.
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "early morning": (5, 8),
    "morning": (6, 12),
    "late morning": (10, 12),
    "midday": (11, 13),
    "afternoon": (12, 18),
    "early afternoon": (12, 15),
    "late afternoon": (15, 18),
    "evening": (17, 22),
    "early evening": (17, 19),
    "late evening": (20, 23),
    "night": (20, 24),
    "overnight": (0, 6),
}


def parse_ampm(word: str) -> str | None:
    """Normalise "a.m.", "AM", "am", "p.m" … to "am"/"pm"; None when it is neither."""
    letters = word.replace(".", "").replace(" ", "").lower()
    if letters in ("am", "a"):
        return "am"
    if letters in ("pm", "p"):
        return "pm"
    return None


def to_24h(hour: int, ampm: str | None) -> int:
    """Convert a 12-hour clock hour to 24-hour: 12 a.m. is 0, 12 p.m. is noon."""
    if ampm == "am":
        return 0 if hour == 12 else hour
    if ampm == "pm":
        return hour if hour == 12 else hour + 12
    return hour


#: Days named from the moment of writing ("deictic"): they never move a narrative's reference.
RELATIVE_DAYS: dict[str, int] = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
#: Days named from the day the text last spoke of ("anaphoric"): they continue a narrative.
ANAPHORIC_DAYS: dict[str, int] = {
    "the previous day": -1,
    "that day": 0,
    "that same day": 0,
    "the same day": 0,
    "the next day": 1,
    "the following day": 1,
}

#: Words before a clock time, and whether they make it approximate ("shortly after 7 p.m.").
CLOCK_MODIFIERS: dict[str, bool] = {
    "from": False,
    "starting at": False,
    "about": True,
    "around": True,
    "approximately": True,
    "roughly": True,
    "circa": True,
    "shortly after": True,
    "just after": True,
    "soon after": True,
    "right after": True,
    "after": True,
    "shortly before": True,
    "just before": True,
    "right before": True,
    "before": True,
    "by": True,
    "until": True,
    "till": True,
    "since": True,
    "as early as": True,
    "as late as": True,
    "no later than": True,
    "no earlier than": True,
}
#: Words before an amount that make it approximate ("about 35 minutes").
QUANTITY_HEDGES: tuple[str, ...] = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "more than",
    "less than",
    "over",
    "under",
    "up to",
    "just over",
    "just under",
    "at least",
    "close to",
)
#: Units of a duration: seconds (months and years are 30 and 365 days) and the grain they give.
DURATION_UNITS: dict[str, tuple[int, str]] = {
    "minute": (60, "minute"),
    "min": (60, "minute"),
    "hour": (3600, "hour"),
    "hr": (3600, "hour"),
    "day": (86400, "day"),
    "week": (604800, "day"),
    "month": (30 * 86400, "month"),
    "year": (365 * 86400, "year"),
}

#: Irregular simple-past verbs: their presence makes a sentence past tense ("met on Monday").
PAST_VERBS: frozenset[str] = frozenset(
    """
    was were had did met left took said spoke gave came went made told saw held became
    began brought built bought caught chose drew drove fell felt fought found flew
    forgot got grew heard hid kept knew led lost meant paid ran rode rose sat sent shook
    shot sold stood struck swore taught thought threw understood woke won wore wrote
    sought spent withdrew arose broke dealt fled hung slept stuck swept tore upheld
    oversaw undertook overtook mistook
    """.split()
)
#: Irregular past participles, for the perfect ("has met", "have taken").
PAST_PARTICIPLES: frozenset[str] = frozenset(
    """
    been done gone seen taken given spoken written known shown grown drawn driven chosen
    broken eaten fallen forgotten gotten hidden ridden risen stolen sworn thrown woken
    worn begun come become run met left made said told held sent spent built brought
    bought caught found had heard kept led lost paid sold stood taught thought won
    understood flown sought struck
    """.split()
)
#: Words ending in "-ed" that are not past-tense verbs in news prose.
NON_PAST_ED: frozenset[str] = frozenset(
    """
    hundred indeed need seed feed deed weed reed speed proceed exceed succeed breed
    greed steed tweed creed embed infrared sacred naked wicked rugged ragged kindred
    hatred beloved shed sled united limited advanced detailed skilled talented aged
    based armed related supposed alleged interested concerned involved sophisticated
    complicated experienced qualified varied mixed tired pleased satisfied excited
    worried crowded packed renowned famed fabled expected
    """.split()
)
#: How one travels, after "by": "travelled by motorcade" is a journey, not a passive.
TRAVEL_MODES: tuple[str, ...] = tuple(
    "car motorcade helicopter train road air plane boat bus rail".split()
)
#: Words before an "-ed" form that make it an adjective or a passive, not a past verb.
NOT_BEFORE_PAST: frozenset[str] = frozenset(
    """
    the a an newly is are be been being am its their his her our your my this that these
    those so very most more well highly fully widely get
    """.split()
)
#: Words before "earlier"/"later" that make it an adjective or a story-relative offset.
NOT_BEFORE_ADVERB: frozenset[str] = frozenset(
    """
    the a an his her its their our my your much minutes hours days weeks months years
    decades moments
    """.split()
)


def _latin_class(letter: Callable[[str], bool]) -> str:
    """The letters of the Latin script that `letter` holds, as the ranges inside a character
    class: Basic Latin to Latin Extended-B, and Latin Extended Additional ("Nguyễn").

    Names are written in them ("Doğanay", "Şahin", "Łukasz", "İzmirli"); a class
    of A-Z and Latin-1 alone cuts such a name at its first other letter.
    """
    codes = [
        code
        for block in (range(0x41, 0x250), range(0x1E00, 0x1F00))
        for code in block
        if chr(code).isalpha() and letter(chr(code))
    ]
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(
        chr(first) if first == last else f"{chr(first)}-{chr(last)}" for first, last in ranges
    )


#: Inside a character class: every upper-case (title-case) Latin letter.
UPPER = _latin_class(lambda c: c.isupper() or c.istitle())
#: Inside a character class: every lower-case Latin letter.
LOWER = _latin_class(str.islower)


#: Latin letters that no decomposition takes to a plain one.
_UNMARKED = str.maketrans("ıŁłØøĐđÐðĦħ", "iLlOoDdDdHh")


def plain(word: str) -> str:
    """A word in the plain letters of A-Z where it has marks ("Erdoğan" → "Erdogan",
    "Łukasz" → "Lukasz"): how many newsrooms write the names of other languages."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNMARKED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
