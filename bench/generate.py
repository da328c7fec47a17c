"""Deterministic synthetic live-blog archives for the benchmark.

Every archive is invented English news-like prose about one principal's travels over
thousands of days: arrivals, meetings, quotes, background, menus and departures, with
invented people and some real places (Paris, London, Tokyo, …). Three layouts the reader
supports are written:

- ``12h``: "9:50 a.m." stamps, newest first, "Wednesday, October 29, 2025" headers,
  "(Tokyo time)" declaration;
- ``24h``: "14:05" stamps, oldest first, "Wednesday 29 October 2025" headers,
  "All times BST" / "All times GMT" declaration;
- ``et``: "2:05 p.m. ET" labelled stamps, newest first, "Oct. 29, 2025" headers, no
  declaration (the labels give the clock).

Next to each ``.txt`` file a ``.truth.json`` manifest records, for every stamp, its line
number, the instant it denotes (UTC, computed here with zoneinfo, independently of the
reader), the day header above it and the stamp as written: the ground truth for the
reader's count and for the dateparser spot check.

Stamps fall between 06:00 and 23:30 local time so no update sits in a daylight-saving gap
or fold, and no day runs past midnight.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

SEED = 20251029
#: Every archive ends on this day and reaches back as far as its size needs.
LAST_DAY = date(2025, 10, 29)
MB = 1024 * 1024


@dataclass(frozen=True)
class Layout:
    name: str
    zone: str
    newest_first: bool
    label: str | None  # written after every stamp ("ET")
    twelve_hour: bool


LAYOUTS: dict[str, Layout] = {
    "12h": Layout("12h", "Asia/Tokyo", newest_first=True, label=None, twelve_hour=True),
    "24h": Layout("24h", "Europe/London", newest_first=False, label=None, twelve_hour=False),
    "et": Layout("et", "America/New_York", newest_first=True, label="ET", twelve_hour=True),
}

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS_AP = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]

# -- the invented world -------------------------------------------------------------------
PRINCIPAL = ("President", "Elena", "Marchetti")

# (role, first, last): a fixed cast of recurring counterparts, the same at every size.
COUNTERPARTS = [
    ("Prime Minister", "Kenji", "Arakawa"),
    ("Prime Minister", "Harriet", "Okonedo"),
    ("Chancellor", "Ingrid", "Halvorsen"),
    ("President", "Lucien", "Devereaux"),
    ("President", "Wen", "Zhaolin"),
    ("President", "Min-jun", "Kwon"),
    ("Prime Minister", "Aditi", "Raghavan"),
    ("Premier", "Tomasz", "Wierzbicki"),
    ("King", "Frederik", "Aldren"),
    ("Emperor", "Hironori", "Sakamoto"),
    ("Queen", "Isolde", "Brannagh"),
    ("Foreign Minister", "Pablo", "Ferreira"),
    ("Defense Minister", "Yusuke", "Tanabe"),
    ("Finance Minister", "Clara", "Lindqvist"),
    ("Secretary of State", "Marcus", "Whitfield"),
    ("Ambassador", "Grace", "Mbeki-Stone"),
    ("Mayor", "Oskar", "Nyberg"),
    ("Governor", "Lydia", "Castellano"),
    ("Press Secretary", "Dana", "Kowalczyk"),
    ("Spokesperson", "Ravi", "Menon"),
    ("Chief Executive", "Tobias", "Reinhardt"),
    ("General", "Samuel", "Achterberg"),
]

# (venue, city, kind): real gazetteer venues and a few invented ones.
VENUES = [
    ("Élysée Palace", "Paris", "palace"),
    ("Paris Charles de Gaulle Airport", "Paris", "airport"),
    ("Downing Street", "London", "office"),
    ("Buckingham Palace", "London", "palace"),
    ("Heathrow Airport", "London", "airport"),
    ("Haneda Airport", "Tokyo", "airport"),
    ("Akasaka State Guest House", "Tokyo", "guest house"),
    ("Imperial Palace", "Tokyo", "palace"),
    ("German Chancellery", "Berlin", "office"),
    ("Berlin Brandenburg Airport", "Berlin", "airport"),
    ("NATO Headquarters", "Brussels", "headquarters"),
    ("Great Hall of the People", "Beijing", "hall"),
    ("Palais des Nations", "Geneva", "hall"),
    ("Blue House", "Seoul", "office"),
    ("Incheon International Airport", "Seoul", "airport"),
    ("White House", "Washington", "office"),
    ("Singapore Changi Airport", "Singapore", "airport"),
    ("Grand Meridian Hotel", "Lisbon", "hotel"),
    ("Harbour Conference Centre", "Sydney", "conference centre"),
    ("Old Customs House", "Madrid", "hall"),
]
CITIES = sorted({c for _, c, _ in VENUES} | {"Rome", "Ottawa", "Nairobi", "Warsaw", "Dubai"})

TOPICS = [
    "trade",
    "energy security",
    "rare-earth minerals",
    "semiconductor supply chains",
    "climate finance",
    "maritime security",
    "visa rules",
    "shipbuilding",
    "fisheries",
    "vaccine production",
    "undersea cables",
    "food prices",
    "artificial intelligence",
    "nuclear safety",
]
DISHES = [
    "grilled sea bream",
    "wagyu beef",
    "black truffle risotto",
    "lobster bisque",
    "lamb with rosemary",
    "a cheese course",
    "vanilla ice cream",
    "roasted root vegetables",
    "miso-glazed cod",
    "chocolate tart",
]
CROWD = [
    "a small crowd",
    "dozens of photographers",
    "a line of schoolchildren waving flags",
    "protesters holding banners",
    "a military band",
    "local officials",
]
QUOTES = [
    "We have come a long way together, and there is still a long way to go",
    "This partnership has never been stronger",
    "We will not be rushed into a bad deal",
    "I am grateful for the warm welcome",
    "Our people expect results, not speeches",
    "The door remains open",
    "Today is a good day for both of our countries",
    "There is a lot of work ahead of us",
]
REACTIONS = [
    "Markets barely moved on the news, with the main index ending the session flat.",
    "Opposition lawmakers criticised the trip as a distraction from problems at home.",
    "Local media described the atmosphere as relaxed, if tightly choreographed.",
    "Analysts said the visit was more about symbolism than substance.",
    "Security was heavy along the motorcade route, with several roads closed for hours.",
    "Social media users shared photos of the motorcade passing through the old town.",
]
HEADLINES = [
    "Allies weigh new trade pact as talks enter final stretch",
    "What the visit means for the region's security",
    "Analysis: a quieter kind of summitry",
    "Five things to know about the bilateral relationship",
    "Business leaders line up behind investment pledge",
]


def _clock_words(hour: int, minute: int) -> str:
    """A clock time as prose ("7 p.m.", "10:30 a.m.")."""
    h12 = hour % 12 or 12
    half = "a.m." if hour < 12 else "p.m."
    return f"{h12} {half}" if minute == 0 else f"{h12}:{minute:02d} {half}"


class _Writer:
    """Sentences about one day of one trip, with a fixed random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        role, first, last = PRINCIPAL
        self.full = f"{role} {first} {last}"
        self.short = last

    def person(self) -> tuple[str, str]:
        role, first, last = self.rng.choice(COUNTERPARTS)
        return f"{role} {first} {last}", last

    def sentence(self, city: str, venue: str, hour: int) -> str:
        r = self.rng
        who, who_short = self.person()
        kind = r.random()
        p = self.short if r.random() < 0.7 else self.full
        later = _clock_words(min(hour + r.randint(1, 3), 23), r.choice((0, 15, 30, 45)))
        if kind < 0.12:
            return f"{p} arrives at {venue} in {city}, greeted by {r.choice(CROWD)}."
        if kind < 0.24:
            return f"{p} meets {who} at {venue} for talks on {r.choice(TOPICS)}."
        if kind < 0.32:
            return (
                f"{p} sits down with {who}. The two leaders are expected to discuss "
                f"{r.choice(TOPICS)} and {r.choice(TOPICS)}."
            )
        if kind < 0.44:
            return f'"{r.choice(QUOTES)}," {p} says. {who_short} nods in agreement.'
        if kind < 0.52:
            year = r.randint(1975, 2019)
            return (
                f"The two countries signed their first agreement on {r.choice(TOPICS)} in "
                f"{year}, and relations have had their ups and downs since."
            )
        if kind < 0.58:
            return (
                f"On the menu at the dinner: {r.choice(DISHES)}, {r.choice(DISHES)} and "
                f"{r.choice(DISHES)}."
            )
        if kind < 0.66:
            return f"{p} is due to visit {venue} at about {later} local time."
        if kind < 0.69:
            return f"{p} leaves {city} for {r.choice(CITIES)} aboard the presidential jet."
        if kind < 0.72:
            return f"She then holds talks with {who} over a working lunch in {city}."
        if kind < 0.80:
            return r.choice(REACTIONS)
        if kind < 0.86:
            return (
                f'{who} told reporters that the talks had been "frank and useful", '
                f"according to a readout released by the {r.choice(('foreign', 'trade'))} ministry."
            )
        if kind < 0.92:
            return (
                f"Earlier this morning, {p} toured a factory on the outskirts of {city} that "
                f"makes parts for wind turbines."
            )
        return (
            f"{p} and {who_short} have signed a memorandum on {r.choice(TOPICS)}, "
            f"a document released by the government says."
        )

    def paragraph(self, city: str, venue: str, hour: int) -> str:
        n = self.rng.choice((1, 2, 2, 3))
        return " ".join(self.sentence(city, venue, hour) for _ in range(n))


def _header(layout: Layout, day: date) -> str:
    wd = _WEEKDAYS[day.weekday()]
    if layout.name == "12h":
        return f"{wd}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if layout.name == "24h":
        return f"{wd} {day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_MONTHS_AP[day.month - 1]} {day.day}, {day.year}"


def _stamp(layout: Layout, hour: int, minute: int, rng: random.Random) -> str:
    if not layout.twelve_hour:
        return f"{hour:02d}:{minute:02d}"
    h12 = hour % 12 or 12
    half = "a.m." if hour < 12 else "p.m."
    text = f"{h12} {half}" if minute == 0 and rng.random() < 0.5 else f"{h12}:{minute:02d} {half}"
    return f"{text} {layout.label}" if layout.label else text


@dataclass
class Written:
    path: Path
    layout: str
    bytes: int
    updates: int
    days: int


def write_blog(
    path: Path, layout: Layout, target_bytes: int, rng: random.Random, last: date
) -> tuple[Written, date]:
    """One live blog of about `target_bytes` whose days end at `last`; returns the day before.

    Days are planned backwards from `last`, so every archive ends on the same day in the
    past whatever its size (pytz, which the reader uses, knows no daylight saving after
    2037; an archive running into the future would test that instead of the reader).
    """
    writer = _Writer(rng)
    zone = ZoneInfo(layout.zone)
    # Plan the days first (each a list of (hour, minute, paragraphs)) so the file can be
    # written newest first or oldest first.
    days: list[tuple[date, list[tuple[int, int, list[str]]]]] = []
    size = 600  # the preamble
    day = last
    trip_left = 0
    city, venue = "Paris", "Élysée Palace"
    while size < target_bytes:
        if trip_left == 0:
            venue, city, _ = rng.choice(VENUES)
            trip_left = rng.randint(2, 5)
            day -= timedelta(days=rng.randint(0, 2))
        trip_left -= 1
        count = rng.randint(10, 24)
        minutes = sorted(rng.sample(range(6 * 60, 23 * 60 + 31), count))
        entries = []
        for m in minutes:
            hour, minute = divmod(m, 60)
            paras = [writer.paragraph(city, venue, hour)]
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                paras.append(writer.paragraph(city, venue, hour))
            entries.append((hour, minute, paras))
            size += sum(len(p) + 1 for p in paras) + 10
        days.append((day, entries))
        size += 40
        day -= timedelta(days=1)
    days.reverse()

    first = days[0][0]
    lines = [
        f"{writer.full}'s travels: live updates, {first.year}–{days[-1][0].year}",
        f"{writer.full} has spent much of her time in office on the road, from {CITIES[0]} "
        f"to {CITIES[-1]}. This archive follows every leg as it happened.",
        "Further reading:",
        *rng.sample(HEADLINES, 3),
    ]
    if layout.name == "12h":
        lines.append("Here's how the travels unfolded (Tokyo time):")
    elif layout.name == "24h":
        dst = datetime(first.year, first.month, first.day, 12, tzinfo=zone).dst()
        lines.append("All times BST" if dst else "All times GMT")
    truth: list[tuple[int, str, str, str]] = []
    ordered = list(reversed(days)) if layout.newest_first else days
    updates = 0
    for day, entries in ordered:
        header = _header(layout, day)
        lines.append(header)
        for hour, minute, paras in reversed(entries) if layout.newest_first else entries:
            stamp = _stamp(layout, hour, minute, rng)
            lines.append(f"{stamp} {paras[0]}")
            instant = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
            truth.append((len(lines), instant.astimezone(UTC).isoformat(), header, stamp))
            lines.extend(paras[1:])
            updates += 1
    text = "\n".join(lines) + "\n"
    data = text.encode("utf-8")
    path.write_bytes(data)
    manifest = {"layout": layout.name, "zone": layout.zone, "stamps": truth}
    path.with_suffix(".truth.json").write_text(json.dumps(manifest), "utf-8")
    return Written(path, layout.name, len(data), updates, len(days)), day


#: What `long_update`'s one paragraph is made of.
LONG_SHAPES = ("sentences", "clauses in one sentence", "turned-down happenings in one sentence")


def long_update(path: Path, sentences: int, shape: str = "sentences") -> Written:
    """One live blog of one update whose single paragraph holds `sentences` sentences; or
    as many clauses run together into one sentence; or as many clauses, run together,
    that each name a happening of the principal the rules read and turn down (a visit
    named as a noun, a meeting someone else reports): each is read in full, none settles
    its kind for the rest of the sentence.

    Nothing in a real paragraph is that long; it is here to show that no step of a build
    grows faster than the text, where the archives' short updates would hide it.
    """
    if shape not in LONG_SHAPES:
        raise ValueError(f"unknown shape {shape!r}: one of {', '.join(LONG_SHAPES)}")
    rng = random.Random(f"{SEED}-long-{sentences}")
    writer = _Writer(rng)
    venue, city, _ = VENUES[0]
    parts = [writer.sentence(city, venue, 9 + i % 12) for i in range(sentences)]
    if shape == "turned-down happenings in one sentence":
        parts = [
            f"{writer.short}'s visit to {venue} in {city} drew {rng.choice(CROWD)},"
            if i % 2
            else f"{writer.short} says officials met {writer.person()[0]},"
            for i in range(sentences)
        ]
        parts[0] = f"{writer.full} is in {city}. {parts[0]}"  # who the principal is
        parts[-1] = parts[-1].rstrip(",") + "."
    elif shape == "clauses in one sentence":  # every full stop a comma: one sentence
        parts = [p.replace(". ", ", ").replace(".,", ",").rstrip(".") + "," for p in parts]
        parts[-1] = parts[-1].rstrip(",") + "."
    body = " ".join(parts)
    text = (
        f"{writer.full}'s day: live updates\n"
        f"Here's how the day unfolded (Tokyo time):\n"
        f"{_header(LAYOUTS['12h'], LAST_DAY)}\n"
        f"8:30 a.m. {body}\n"
    )
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return Written(path, "12h", len(data), 1, 1)


def archive(
    folder: Path, size_mb: float, layouts: list[str], file_mb: float | None = None
) -> list[Written]:
    """An archive of about `size_mb`: one file, or files of about `file_mb` each.

    Files rotate through `layouts`; their days follow one another, as the blogs of one
    long-running story would. The random stream depends only on the arguments.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{SEED}-{size_mb}-{'-'.join(layouts)}-{file_mb}")
    total = int(size_mb * MB)
    per_file = int(file_mb * MB) if file_mb else total
    written: list[Written] = []
    day = LAST_DAY
    n = 0
    left = total
    while left > per_file // 4:
        layout = LAYOUTS[layouts[n % len(layouts)]]
        path = folder / f"blog-{n:03d}-{layout.name}.txt"
        w, day = write_blog(path, layout, min(per_file, left), rng, day)
        written.append(w)
        left -= w.bytes
        n += 1
    return written


def truth(path: Path) -> dict:
    return json.loads(path.with_suffix(".truth.json").read_text("utf-8"))


if __name__ == "__main__":  # a quick look: python bench/generate.py
    import sys
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="exporter-bench-"))
    for w in archive(out, float(sys.argv[1]) if len(sys.argv) > 1 else 1.0, ["12h"]):
        print(w)
    print(out)
