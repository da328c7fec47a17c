"""The whole run in one place: read every source, understand, write, publish.

Reading finishes before understanding, and understanding before writing, so a failure in
any stage leaves `out/` exactly as the previous build left it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

from exporter import memory, parallel, uptodate
from exporter.config import Config, SourceConfig
from exporter.errors import ExporterError, SourceError
from exporter.model import Document, Event
from exporter.publish import STATE_NAME, Staging, State, load_state, locked
from exporter.readers import read_path
from exporter.readers.options import ReadOptions
from exporter.understand import understand

Progress = Callable[[SourceConfig], None]


@dataclass(frozen=True)
class Failure:
    """A source that could not be read, and why."""

    source: SourceConfig
    error: ExporterError


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the CLI to report."""

    documents: tuple[Document, ...]
    failures: tuple[Failure, ...]
    events: int = 0
    written: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)


def options_for(source: SourceConfig, today: date | None = None) -> ReadOptions:
    """The facts a reader may use about one source, from its config entry."""
    return ReadOptions(
        slug=source.slug,
        zone=source.tz,
        year=source.year,
        date=source.date,
        title=source.title,
        url=source.url,
        kind=source.kind,
        today=today,
    )


def read_sources(
    config: Config,
    *,
    strict: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
) -> tuple[list[Document], list[Failure]]:
    """Read every source; collect failures (or raise the first one when strict).

    A source is a file (text or a saved .html page) or an http(s) URL, fetched conditionally
    through `.exporter-cache/` beside the config. A "(local time)" blog finds its zone from
    its dateline through the gazetteer (the user's `places:` included), loaded only if asked.
    """
    from dataclasses import replace

    from exporter import zones

    if not config.sources:
        raise SourceError(
            "no sources to build",
            path=config.path,
            hint="list sources in exporter.yaml or pass files: exporter build FILE...",
        )
    zone_of_place = zones.place_resolver(config.places)
    documents, failures = [], []
    for source in config.sources:
        if progress:
            progress(source)
        options = replace(options_for(source, today), zone_of_place=zone_of_place)
        try:
            if source.remote:  # the network modules are imported only for such a source
                from exporter.fetch import CACHE_DIR
                from exporter.readers import read_url

                documents.append(read_url(source.path, options, config.root / CACHE_DIR))
            else:
                documents.append(read_path(config.source_path(source), options, source.path))
        except SourceError as exc:
            if exc.line is None and source.line is not None and config.path:
                listed = f"listed at {config.path}:{source.line}"
                exc.hint = f"{exc.hint}; {listed}" if exc.hint else listed
            if strict:
                raise
            failures.append(Failure(source, exc))
    return documents, failures


def feed_names(liveblogs: list[Document], failures: list[Failure]) -> dict[str, tuple[str, str]]:
    """slug → (rss name, atom name): `updates.*` for one blog, `updates-<slug>.*` for several.

    A source that failed to read still counts unless declared an article, so a blog that
    breaks for one build does not rename its siblings' feeds.
    """
    maybe_blogs = [f for f in failures if f.source.kind != "article"]
    if len(liveblogs) == 1 and not maybe_blogs:
        return {liveblogs[0].slug: ("updates.rss", "updates.atom")}
    return {d.slug: (f"updates-{d.slug}.rss", f"updates-{d.slug}.atom") for d in liveblogs}


#: What writing an update into its blog's two feeds costs against reading it for
#: happenings (bench/results.md: some 50 against 280 µs an update): how much lighter this
#: process's share of the reading is made when it writes the feeds while workers read.
FEED_WEIGHT = 1 / 6

#: Where rendered exports go, one at a time: a name and its bytes, in chunks.
Sink = Callable[[str, Iterable[bytes]], None]


def render(
    documents: list[Document],
    config: Config,
    previous: State,
    failures: list[Failure],
    sink: Sink,
) -> int:
    """Hand every export (state file last) to `sink` as soon as it is made, from values
    only: nothing reads `out/`. Returns the number of events.

    Each export is passed on before the next is made, so a build holds one at a time. A
    small build understands in a worker while this process writes the feeds
    (`parallel.aside`); a big one writes them while its workers read the blogs, and this
    process's share of the reading is the lighter for it (`FEED_WEIGHT`).
    """
    state = State()
    liveblogs = [d for d in documents if d.kind == "liveblog"]
    names = feed_names(liveblogs, failures)

    def write_feeds() -> None:
        for doc in liveblogs:
            feeds(doc, config, names[doc.slug], previous, state, sink)
            memory.give_back()  # feedgen's trees are gone; do not build on top of their pages

    def beside_understanding() -> None:
        """This process's part while a worker understands: the feeds, then loading the
        calendar's and the page's writers (icalendar: about 20 ms)."""
        write_feeds()
        import exporter.writers.html
        import exporter.writers.ics  # noqa: F401

    events: list[Event] = []  # no documents: no live blog, no feeds either
    updates = sum(len(d.updates) for d in liveblogs)
    if documents and parallel.aside(config.jobs, updates):
        _, events = parallel.side_by_side(
            beside_understanding, partial(understand, documents, config)
        )
    elif documents:  # the feeds are written while workers read the blogs, if any
        events = understand(documents, config, write_feeds, updates * FEED_WEIGHT)
    if documents:
        sink(ICS_NAME, calendar(documents, events, config, previous, state))
        sink(PAGE_NAME, page(documents, events, config, failures))
    if failures:
        state.keep_from(previous, {f.source.slug for f in failures})
    sink(STATE_NAME, state.chunks())
    return len(events)


def feeds(
    doc: Document,
    config: Config,
    names: tuple[str, str],
    previous: State,
    state: State,
    sink: Sink,
) -> None:
    """One live blog's RSS and Atom files to `sink`, its entries' changes recorded in `state`.

    Its modules are imported here, once a small build has handed its understanding to
    another process (`render`), rather than on the way there."""
    from exporter.changes import track_feed
    from exporter.writers.feed_model import FeedBuild, FeedSite
    from exporter.writers.feeds import feed_files

    rss_name, atom_name = names
    site = FeedSite(
        title=config.title or doc.title,
        base_url=config.base_url,
        rss_name=rss_name,
        atom_name=atom_name,
        author_name=config.author_name,
        author_email=config.author_email,
        language=config.language,
        id_authority=config.id_authority,
        description=config.description,
    )
    tombstones, updated = track_feed(doc, site, previous, state)
    build = FeedBuild(site=site, tombstones=tombstones, updated=updated)
    for fmt, chunks in feed_files(doc, build):
        sink(rss_name if fmt == "rss" else atom_name, chunks)


def page(
    documents: list[Document], events: list[Event], config: Config, failures: list[Failure]
) -> Iterator[bytes]:
    """The human page, rendered as it is read: the itinerary day by day, the latest
    updates, subscribe buttons."""
    from exporter.writers.html import PageSite, page_chunks

    blogs = [d for d in documents if d.kind == "liveblog"]
    names = feed_names(blogs, failures)
    single = len(blogs) == 1 and config.title
    site = PageSite(
        title=config.title or documents[0].title,
        description=config.description or " ".join(documents[0].intro),
        base_url=config.base_url,
        calendar_name=ICS_NAME,
        feeds=tuple((single or d.title, *names[d.slug]) for d in blogs),
        zone=next((d.zone for d in documents if d.zone), None),
    )
    return page_chunks(site, events, documents)


def calendar(
    documents: list[Document], events: list[Event], config: Config, previous: State, state: State
) -> Iterator[bytes]:
    """The .ics octets in chunks, with SEQUENCE/LAST-MODIFIED carried from the previous
    build."""
    from exporter.changes import track_events
    from exporter.writers.ics import CalendarBuild, CalendarMeta, calendar_chunks

    stamp = source_time(documents)
    events, revisions = track_events(events, stamp, previous, state)
    blog = next((d for d in documents if d.kind == "liveblog"), documents[0])
    url = f"{config.base_url}{ICS_NAME}" if config.base_url else None
    meta = CalendarMeta(
        name=config.title or blog.title,
        description=config.description or " ".join(blog.intro) or blog.title,
        stamp=stamp,
        refresh=config.refresh,
        url=url,
        source=url,
        zone=next((d.zone for d in documents if d.zone), None),
    )
    workers = parallel.workers_for(config.jobs, len(events))
    return calendar_chunks(events, CalendarBuild(meta=meta, revisions=revisions), workers)


def source_time(documents: list[Document]) -> datetime:
    """The build's clock: the newest instant any source speaks with (never now())."""
    latest = [d.latest for d in documents if d.latest is not None]
    if latest:
        return max(latest)
    days = [d.published for d in documents if d.published]
    day = max(days) if days else date(2000, 1, 1)
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC)


#: Exports that combine every source: kept as they were when any source fails.
COMBINED: tuple[str, ...] = ("itinerary.ics", "index.html")
ICS_NAME = "itinerary.ics"
PAGE_NAME = "index.html"


@memory.collector_paused()
def build(
    config: Config,
    *,
    strict: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
) -> BuildResult:
    """Read, understand, write and publish; the previous exports survive any failure."""
    documents, failures = read_sources(config, strict=strict, progress=progress, today=today)
    if not documents:
        if len(failures) == 1:
            raise failures[0].error
        listed = "\n  ".join(f.error.message for f in failures)
        raise SourceError(
            f"none of the {len(failures)} sources could be read (nothing written):\n  {listed}"
        )
    out = config.root / config.out if not Path(config.out).is_absolute() else Path(config.out)
    # Combined exports keep their previous bytes when a source failed: publishing without
    # it would tell subscribers its events were cancelled.
    kept = list(COMBINED) if failures else []
    with locked(out), Staging(out) as staging:
        previous = load_state(out)

        def sink(name: str, chunks: Iterable[bytes]) -> None:
            if name not in kept:
                staging.add(name, chunks)

        count = render(documents, config, previous, failures, sink)
        names = sorted(staging.names)
        written, unchanged = staging.commit(last=STATE_NAME)
        if not failures and today is not None:
            uptodate.remember(out, uptodate.inputs_digest(config, today), names)
    return BuildResult(
        documents=tuple(documents),
        failures=tuple(failures),
        events=count,
        written=tuple(written),
        unchanged=tuple(unchanged),
        kept=tuple(kept),
        warnings=config.warnings,
    )
