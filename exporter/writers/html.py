"""The human page, `index.html`: subscribe buttons, the itinerary day by day, the updates.

Calendar and feed readers get the .ics and the feeds; a person who follows a link gets this
page. It is one self-contained HTML5 file with inline CSS and no script, font, image or
stylesheet from anywhere, so opening it makes no request and tells no third party who read
it. Every piece of source text is escaped (sources are untrusted: a headline must not become
markup), links from sources are kept only when they are http(s), and nothing reads the
clock, so the same sources give the same bytes. The feeds link each entry to
`index.html#<slug>-<anchor>`, so every update of every live blog carries that id here, the
older ones folded away under the latest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from html import escape
from pathlib import PurePath
from urllib.parse import urlsplit

import pytz

from exporter.batches import utf8_batches
from exporter.model import Deletion, Document, Event, Evidence, Place, Status, Update

PAGE_NAME = "index.html"

#: Fixed English names, so the page never depends on the machine's locale.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
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
)

#: What each status means to a reader, and the class its badge is coloured by.
BADGES: dict[Status, tuple[str, str]] = {
    Status.HAPPENED: ("Happened", "happened"),
    Status.PLANNED: ("Planned", "planned"),
    Status.APPROXIMATE: ("Time estimated", "estimated"),
    Status.CANCELLED: ("Cancelled", "cancelled"),
}


@dataclass(frozen=True)
class PageSite:
    """Where the page lives and what it links to (from the config and the build's names)."""

    title: str
    description: str
    #: e.g. "http://127.0.0.1:8000/"; None makes every link relative to the page.
    base_url: str | None
    calendar_name: str = "itinerary.ics"
    #: (label, rss file name, atom file name) per live blog.
    feeds: tuple[tuple[str, str, str], ...] = ()
    #: IANA zone of the itinerary: every time on the page is shown in it.
    zone: str | None = None


def page_chunks(
    site: PageSite, events: list[Event], documents: list[Document], *, latest: int = 20
) -> Iterator[bytes]:
    """The whole page as UTF-8, a batch at a time as it is rendered: header, itinerary, the
    `latest` updates per blog, footer. A page for years of updates runs to tens of
    megabytes; it is written out as it is made, never held whole.
    """
    return utf8_batches(_Page(site, documents).render(events, latest), sep="\n")


def page_bytes(
    site: PageSite, events: list[Event], documents: list[Document], *, latest: int = 20
) -> bytes:
    """The whole page at once, for a caller that wants the bytes in hand."""
    return b"".join(page_chunks(site, events, documents, latest=latest))


# --- text helpers ----------------------------------------------------------------------


def _e(text: str) -> str:
    """Escape for text and for double-quoted attributes alike."""
    return escape(text, quote=True)


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return pytz.timezone(name)
    except pytz.UnknownTimeZoneError:
        return None


def zone_note(zone: str) -> str:
    """ "All times Pago Pago time (Pacific/Pago_Pago)": the city part of the IANA name."""
    if "/" not in zone:
        return f"All times {zone}"
    city = zone.rsplit("/", 1)[1].replace("_", " ")
    return f"All times {city} time ({zone})"


def day_heading(day: date) -> str:
    """ "Tuesday, October 28, 2025"."""
    return f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}"


def short_day(day: date) -> str:
    """ "Tue, Oct 28"."""
    return f"{WEEKDAYS[day.weekday()][:3]}, {MONTHS[day.month - 1][:3]} {day.day}"


def month_day(day: date) -> str:
    """ "Oct 28": the day heading above a range already names the year."""
    return f"{MONTHS[day.month - 1][:3]} {day.day}"


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _iso(moment: datetime) -> str:
    """A valid HTML `datetime` attribute: local time with its offset, to the minute."""
    return moment.isoformat(timespec="minutes")


def _coord(value: float) -> str:
    """A coordinate with at most six decimals and no trailing zeros: stable, short URLs."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def map_url(place: Place) -> str:
    """OpenStreetMap centred on the place with a marker; a plain link, nothing embedded."""
    assert place.lat is not None and place.lon is not None
    lat, lon = _coord(place.lat), _coord(place.lon)
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


def _is_web(url: str) -> bool:
    """Only http(s) links from sources are kept: `javascript:` and the like never are."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _last_day(end: date) -> date:
    """The last day an all-day event covers: its end is exclusive, as in iCalendar."""
    return end - timedelta(days=1)


def _source_labels(documents: list[Document]) -> dict[str, str]:
    """slug → "live blog" or "article"; with the file name when a kind is not unique."""
    words = {"liveblog": "live blog"}
    kinds = [d.kind for d in documents]
    labels = {}
    for doc in documents:
        word = words.get(doc.kind, doc.kind)
        if kinds.count(doc.kind) > 1:
            word = f"{word} {PurePath(doc.path).name}"
        labels[doc.slug] = word
    return labels


# --- the page --------------------------------------------------------------------------


class _Page:
    """One rendering: knows the zone, the site's links and which update ids the page holds."""

    def __init__(self, site: PageSite, documents: list[Document]) -> None:
        self.site = site
        self.documents = documents
        self.tz = _zone(site.zone)
        base = site.base_url
        self.base = base if not base or base.endswith("/") else base + "/"
        self.blogs = [d for d in documents if d.kind == "liveblog"]
        self.sources = _source_labels(documents)
        self.ids: set[str] = {f"{d.slug}-{u.anchor}" for d in self.blogs for u in d.updates}
        #: Each instant in the page's zone, by instant: an update's stamp is shown with it
        #: and again under every event it tells of (pytz's conversion: 3 µs each).
        self._local: dict[datetime, datetime] = {}
        #: Each instant's `<time>` element, by instant, for the same reason (`stamp_tag`).
        self._stamp_tags: dict[datetime, str] = {}

    # links

    def href(self, name: str) -> str:
        """A file the build publishes, at the site's URL when it has one."""
        return f"{self.base}{name}" if self.base else name

    def subscribe_href(self) -> str:
        """webcal:// makes calendar apps offer a subscription instead of a one-off import."""
        if self.base and _is_web(self.base):
            rest = self.base.split("://", 1)[1]
            return f"webcal://{rest}{self.site.calendar_name}"
        return self.site.calendar_name

    def evidence_href(self, url: str | None) -> tuple[str, bool] | None:
        """(href, on this page) for an evidence link; links into this page become #ids."""
        if not url:
            return None
        for prefix in (f"{self.base}{PAGE_NAME}#" if self.base else None, f"{PAGE_NAME}#", "#"):
            if prefix and url.startswith(prefix):
                fragment = url[len(prefix) :]
                if fragment in self.ids:
                    return f"#{fragment}", True
        return (url, False) if _is_web(url) else None

    # times

    def local(self, moment: datetime) -> datetime:
        if not self.tz:
            return moment
        local = self._local.get(moment)  # aware datetimes are equal when their instants are
        if local is None:
            local = self._local[moment] = moment.astimezone(self.tz)
        return local

    def local_day(self, value: datetime | date) -> date:
        return self.local(value).date() if isinstance(value, datetime) else value

    def stamp(self, moment: datetime) -> str:
        """ "Tue, Oct 28, 09:35" in the page's zone."""
        local = self.local(moment)
        return f"{short_day(local.date())}, {_clock(local)}"

    def stamp_tag(self, moment: datetime) -> str:
        """The `<time>` element of an update's stamp, made once per instant: shown on the
        update and again under every event it tells of. Without a zone, each moment is
        shown with its own offset, so equal instants are not the same text."""
        tag = self._stamp_tags.get(moment) if self.tz else None
        if tag is None:
            local = self.local(moment)
            tag = f'<time datetime="{_e(_iso(local))}">{_e(self.stamp(local))}</time>'
            if self.tz:
                self._stamp_tags[moment] = tag
        return tag

    # rendering

    def render(self, events: list[Event], latest: int) -> Iterator[str]:
        """The page's lines, produced as they are needed (joined with newlines)."""
        yield from [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="color-scheme" content="light dark">',
            f"<title>{_e(self.site.title)}</title>",
            f'<meta name="description" content="{_e(self.site.description)}">',
            '<meta name="generator" content="exporter">',
            *self.head_links(),
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            *self.header(),
            '<main class="layout">',
        ]
        yield from self.itinerary(events)
        yield from self.updates(latest)
        yield from ["</main>", *self.footer(), "</body>", "</html>", ""]

    def head_links(self) -> list[str]:
        """Autodiscovery: feed readers and browsers find the feeds and calendar from here."""
        links = [
            f'<link rel="alternate" type="text/calendar" title="{_e(self.site.title)}" '
            f'href="{_e(self.href(self.site.calendar_name))}">'
        ]
        for label, rss, atom in self.site.feeds:
            links.append(
                f'<link rel="alternate" type="application/rss+xml" title="{_e(label)} (RSS)" '
                f'href="{_e(self.href(rss))}">'
            )
            links.append(
                f'<link rel="alternate" type="application/atom+xml" '
                f'title="{_e(label)} (Atom)" href="{_e(self.href(atom))}">'
            )
        return links

    def header(self) -> list[str]:
        out = ['<header class="masthead">', '<div class="wrap">']
        out.append(f"<h1>{_e(self.site.title)}</h1>")
        if self.site.description:
            out.append(f'<p class="lede">{_e(self.site.description)}</p>')
        facts = []
        if self.site.zone:
            facts.append(_e(zone_note(self.site.zone)))
        newest = [u.instant for d in self.blogs for u in d.updates]
        if newest:
            moment = max(newest, key=lambda m: m.astimezone(UTC))
            facts.append(
                f'Latest update <time datetime="{_e(_iso(self.local(moment)))}">'
                f"{_e(self.stamp(moment))}</time>"
            )
        if facts:
            out.append(f'<p class="facts">{" · ".join(facts)}</p>')
        out.append('<nav class="subscribe" aria-label="Subscribe">')
        out.append(
            f'<a class="button primary" href="{_e(self.subscribe_href())}">'
            "Subscribe in your calendar</a>"
        )
        out.append(
            f'<a class="button" href="{_e(self.href(self.site.calendar_name))}" download>'
            "Download .ics</a>"
        )
        many = len(self.site.feeds) > 1
        for label, rss, atom in self.site.feeds:
            if many:
                out.append(f'<span class="feed-label">{_e(label)}:</span>')
            out.append(
                f'<a class="button feed" href="{_e(self.href(rss))}" '
                f'title="{_e(label)}: RSS feed">RSS</a>'
            )
            out.append(
                f'<a class="button feed" href="{_e(self.href(atom))}" '
                f'title="{_e(label)}: Atom feed">Atom</a>'
            )
        out.append("</nav>")
        if self.blogs:
            out.append(
                '<p class="jump">Jump to <a href="#itinerary-title">Itinerary</a> · '
                '<a href="#updates-title">Latest updates</a></p>'
            )
        out += ["</div>", "</header>"]
        return out

    # itinerary

    def itinerary(self, events: list[Event]) -> Iterator[str]:
        yield '<section class="itinerary" aria-labelledby="itinerary-title">'
        yield '<h2 id="itinerary-title">Itinerary</h2>'
        if not events:
            yield '<p class="empty">The sources describe no events yet.</p>'
            yield "</section>"
            return
        yield (
            '<p class="hint">What the sources report, day by day. Open “Sources” under an '
            "event to read the sentences it comes from.</p>"
        )
        days: dict[date, list[Event]] = {}
        for event in sorted(events, key=self.event_key):
            days.setdefault(self.local_day(event.start), []).append(event)
        used: set[str] = set()
        for day in sorted(days):
            yield f'<section class="day" id="day-{day.isoformat()}">'
            yield f"<h3>{_e(day_heading(day))}</h3>"
            yield '<ol class="timeline">'
            for event in days[day]:
                yield from self.event(event, used)
            yield "</ol>"
            yield "</section>"
        yield "</section>"

    def event_key(self, event: Event) -> tuple[str, int, str, str, str]:
        """Day, whole days first, then start instant, title and uid: a total order."""
        start = event.start
        day = self.local_day(start).isoformat()
        if isinstance(start, datetime):
            return day, 1, start.astimezone(UTC).isoformat(), event.title, event.uid
        return day, 0, "", event.title, event.uid

    def event_id(self, event: Event, used: set[str]) -> str:
        """An id from the uid (without its authority), unique on the page."""
        local = event.uid.split("@", 1)[0]
        base = "event-" + "".join(c if c.isalnum() or c in "-_." else "-" for c in local)
        candidate, n = base, 1
        while candidate in used or candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        return candidate

    def when(self, event: Event) -> str:
        """The time cell: "09:35–10:40" (and whether its end is estimated), "All day", a range."""
        start, end = event.start, event.end
        if not isinstance(start, datetime):
            last = _last_day(end) if isinstance(end, date) else start
            if isinstance(end, datetime) or last <= start:
                return "All day"
            first_text = f'<time datetime="{start.isoformat()}">{_e(month_day(start))}</time>'
            shown = str(last.day) if (last.year, last.month) == (start.year, start.month) else ""
            last_text = f'<time datetime="{last.isoformat()}">{_e(shown or month_day(last))}</time>'
            return f'All day <span class="range">{first_text}–{last_text}</span>'
        begin = self.local(start)
        text = f'<time datetime="{_e(_iso(begin))}">{_clock(begin)}</time>'
        if isinstance(end, datetime) and end > start:
            finish = self.local(end)
            shown = _clock(finish)
            if finish.date() != begin.date():
                shown = f"{WEEKDAYS[finish.weekday()][:3]} {shown}"
            text += f'–<time datetime="{_e(_iso(finish))}">{shown}</time>'
        # An estimated start says so in its badge; an estimated end only here.
        if event.approximate and event.status != Status.APPROXIMATE and isinstance(end, datetime):
            text += ' <span class="range">end estimated</span>'
        return text

    def event(self, event: Event, used: set[str]) -> list[str]:
        label, kind = BADGES[event.status]
        out = [f'<li class="event is-{kind}" id="{_e(self.event_id(event, used))}">']
        out.append(f'<p class="when">{self.when(event)}</p>')
        out.append('<div class="what">')
        out.append(
            f'<h4><span class="title">{_e(event.title)}</span> '
            f'<span class="badge {kind}">{_e(label)}</span></h4>'
        )
        if event.place is not None:
            out.append(self.place(event.place))
        if event.evidence:
            out += self.evidence(event.evidence)
        out.append("</div>")
        out.append("</li>")
        return out

    def place(self, place: Place) -> str:
        name = _e(place.name)
        if place.has_geo:
            name = (
                f'<a href="{_e(map_url(place))}" title="Show on OpenStreetMap">{name}'
                '<span class="map-hint"> (map)</span></a>'
            )
        address = ""
        if place.address and place.address not in place.name:
            address = f'<span class="address">{_e(place.address)}</span>'
        return f'<p class="place">{name}{address}</p>'

    def evidence(self, evidence: Iterable[Evidence]) -> list[str]:
        items = list(evidence)
        out = ['<details class="sources">', f"<summary>Sources ({len(items)})</summary>", "<ol>"]
        for ev in items:
            meta = []
            if ev.written is not None:
                meta.append(f"written {self.stamp_tag(ev.written)}")
            meta.insert(0, _e(self.sources.get(ev.source, ev.source)))
            link = self.evidence_href(ev.url)
            if link:
                href, here = link
                text = "see the update" if here else "read the source"
                meta.append(f'<a href="{_e(href)}">{text}</a>')
            out.append(
                f'<li><q>{_e(ev.text)}</q> <span class="meta">{" · ".join(meta)}</span></li>'
            )
        out += ["</ol>", "</details>"]
        return out

    # updates

    def updates(self, latest: int) -> Iterator[str]:
        if not self.blogs:
            return
        yield '<section class="updates" aria-labelledby="updates-title">'
        yield '<h2 id="updates-title">Latest updates</h2>'
        many = len(self.blogs) > 1
        for doc in self.blogs:
            yield from self.blog(doc, latest, many)
        yield "</section>"

    def blog(self, doc: Document, latest: int, many: bool) -> Iterator[str]:
        yield f'<section class="blog" id="blog-{_e(doc.slug)}">'
        if many:
            yield f"<h3>{_e(doc.title)}</h3>"
        ordered = sorted(
            doc.updates, key=lambda u: (u.instant.astimezone(UTC), u.seq), reverse=True
        )
        shown, earlier = ordered[: max(latest, 0)], ordered[max(latest, 0) :]
        yield (
            f'<p class="hint">Newest first · {len(ordered)} '
            f"update{'' if len(ordered) == 1 else 's'}</p>"
        )
        for update in shown:
            yield from self.update(doc, update)
        if earlier:
            yield '<details class="earlier">'
            yield f"<summary>Earlier updates ({len(earlier)})</summary>"
            for update in earlier:
                yield from self.update(doc, update)
            yield "</details>"
        if doc.deletions:
            yield from self.deletions(doc, doc.deletions)
        if doc.notes:
            yield '<aside class="note"><h4>Editor’s notes</h4>'
            yield from (f"<p>{_e(note)}</p>" for note in doc.notes)
            yield "</aside>"
        yield "</section>"

    def update(self, doc: Document, update: Update) -> list[str]:
        anchor = f"{doc.slug}-{update.anchor}"
        guessed = ' <span class="guess">(time approximate)</span>' if update.approximate else ""
        out = [f'<article class="update" id="{_e(anchor)}">']
        out.append(
            f'<p class="stamp"><a href="#{_e(anchor)}">{self.stamp_tag(update.instant)}</a>'
            f"{guessed}</p>"
        )
        out += [f"<p>{_e(p)}</p>" for p in update.paragraphs]
        out.append("</article>")
        return out

    def deletions(self, doc: Document, deletions: Iterable[Deletion]) -> list[str]:
        """Entries the source withdrew; old feed links to them land on their note."""
        out = ['<aside class="note deleted">', "<h4>Deleted entries</h4>", "<ul>"]
        for gone in sorted(deletions, key=lambda d: (d.instant.astimezone(UTC), d.note)):
            anchor = f"{doc.slug}-{gone.anchor}"
            ident = f' id="{_e(anchor)}"' if anchor not in self.ids else ""
            self.ids.add(anchor)
            out.append(f"<li{ident}>{_e(gone.note)}</li>")
        out += ["</ul>", "</aside>"]
        return out

    def footer(self) -> list[str]:
        names = list(dict.fromkeys(PurePath(d.path).name for d in self.documents))
        if names:
            codes = [f"<code>{_e(n)}</code>" for n in names]
            listed = codes[0] if len(codes) == 1 else ", ".join(codes[:-1]) + " and " + codes[-1]
            line = (
                f"Generated by exporter from {listed}. Events, times and places are read "
                "automatically from the text: check the sources under each event."
            )
        else:
            line = "Generated by exporter."
        return ['<footer class="colophon">', f"<p>{line}</p>", "</footer>"]


CSS = """
:root{--bg:#f7f7f5;--card:#fff;--ink:#1d1f23;--muted:#5d636d;--line:#dcdfe4;
--accent:#1f5fbf;--accent-ink:#fff;--ok:#1e7a46;--ok-bg:#e3f4ea;--plan:#2355a6;
--plan-bg:#e4ecfa;--est:#8a5a00;--est-bg:#fbf0d9;--no:#a3262b;--no-bg:#fbe4e4}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--card:#1e2126;--ink:#e7e9ec;
--muted:#a2a8b1;--line:#343941;--accent:#6ea2f5;--accent-ink:#0d1117;--ok:#7fd6a0;
--ok-bg:#173325;--plan:#9dbcf5;--plan-bg:#1b2a45;--est:#f0c674;--est-bg:#3a2e14;
--no:#f19a9e;--no-bg:#3d1d1f}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.5;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",
Arial,sans-serif}
a{color:var(--accent)}
.wrap,.layout,.colophon{max-width:72rem;margin:0 auto;padding:0 1rem}
.masthead{background:var(--card);border-bottom:1px solid var(--line);padding:1.25rem 0 1rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .5rem}
.lede{margin:0 0 .5rem;color:var(--muted)}
.facts{margin:0 0 .9rem;font-size:.875rem;color:var(--muted)}
.subscribe{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.button{display:inline-block;padding:.5rem .85rem;border:1px solid var(--line);
border-radius:.5rem;background:var(--card);color:var(--ink);text-decoration:none;
font-weight:600;font-size:.9375rem}
.button:hover,.button:focus{border-color:var(--accent)}
.button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-ink)}
.feed-label{font-size:.875rem;color:var(--muted);margin-left:.25rem}
h2{font-size:1.25rem;margin:1.5rem 0 .25rem}
.hint{margin:0 0 1rem;font-size:.875rem;color:var(--muted)}
.empty{color:var(--muted)}
.day h3{position:sticky;top:0;z-index:1;margin:1.25rem 0 .5rem;padding:.4rem 0;
font-size:1rem;background:var(--bg);border-bottom:2px solid var(--line)}
.timeline{list-style:none;margin:0;padding:0}
.event{position:relative;margin:0 0 .75rem;padding:.75rem .9rem .75rem 1.1rem;
background:var(--card);border:1px solid var(--line);border-left:4px solid var(--ok);
border-radius:.5rem}
.event.is-planned{border-left-color:var(--plan)}
.event.is-estimated{border-left-color:var(--est)}
.event.is-cancelled{border-left-color:var(--no)}
.event.is-cancelled .title{text-decoration:line-through}
.when{margin:0 0 .2rem;font-weight:700;font-variant-numeric:tabular-nums;
color:var(--muted)}
.range{display:block;font-weight:400;font-size:.8125rem}
.jump{margin:.75rem 0 0;font-size:.875rem}
.event h4{margin:0;font-size:1.0625rem;line-height:1.3}
.badge{display:inline-block;vertical-align:.1em;margin-left:.25rem;padding:.05rem .45rem;
border-radius:1rem;font-size:.75rem;font-weight:600;white-space:nowrap;
background:var(--ok-bg);color:var(--ok)}
.badge.planned{background:var(--plan-bg);color:var(--plan)}
.badge.estimated{background:var(--est-bg);color:var(--est)}
.badge.cancelled{background:var(--no-bg);color:var(--no)}
.place{margin:.3rem 0 0;font-size:.9375rem}
.map-hint{font-size:.8125rem}
.address{display:block;color:var(--muted);font-size:.8125rem}
.sources{margin-top:.4rem;font-size:.875rem}
.sources summary{cursor:pointer;color:var(--accent);font-weight:600}
.sources ol{margin:.4rem 0 0;padding-left:1.2rem}
.sources li{margin:0 0 .4rem}
.meta{display:block;color:var(--muted);font-size:.8125rem}
.update{padding:.6rem 0 .4rem;border-top:1px solid var(--line)}
.update p{margin:0 0 .5rem;font-size:.9375rem}
.update .stamp{margin:0 0 .2rem;font-size:.875rem;font-weight:700}
.stamp a{color:var(--muted);text-decoration:none}
.stamp a:hover{text-decoration:underline}
.update:target{background:var(--est-bg);outline:.4rem solid var(--est-bg)}
.guess{font-weight:400;color:var(--muted)}
.earlier{border-top:1px solid var(--line);padding:.6rem 0}
.earlier>summary{cursor:pointer;font-weight:600;color:var(--accent)}
.note{margin:1rem 0;padding:.6rem .9rem;background:var(--card);border:1px solid var(--line);
border-radius:.5rem;font-size:.875rem}
.note h4{margin:0 0 .3rem;font-size:.875rem}
.note ul{margin:0;padding-left:1.2rem}
.note p{margin:0 0 .3rem}
.colophon{margin-top:2rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid var(--line);
font-size:.8125rem;color:var(--muted)}
code{font-size:.95em}
@media (min-width:48rem){h1{font-size:2rem}
.event{display:grid;grid-template-columns:8rem minmax(0,1fr);column-gap:1rem}
.when{margin:0}}
@media (min-width:64rem){.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);
column-gap:2.5rem;align-items:start}
.jump{display:none}}
""".strip()
