"""Mentions → events: one happening told in several updates becomes one calendar entry.

A live blog tells an audience as "arrives at the palace" (6:05), "meets the emperor" (6:40)
and "has left … shortly after 7 p.m." (7:30); this module clusters such mentions by day,
place, counterpart and kind, takes the start from the best-timed report, the end from a
departure, a duration or the next move, and titles the result from its structure
("Audience with …", "Summit with …", "Signing of …", "Visit to …"). Articles then enrich
the matching events and add what the blog lacks (earlier legs, the span of the visit).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property, partial
from itertools import pairwise
from typing import TypeVar

import pytz

from exporter import parallel, regexes, zones
from exporter.model import Document, Event, Evidence, Place, Status, Update
from exporter.readers.stamps import parse_dateline_date, parse_stamp
from exporter.sentences import is_headline, split_sentences
from exporter.understand import timex
from exporter.understand.cluster import (
    Cluster,
    cluster_mentions,
    fuse,
    keep,
    schedule_of,
    sort_time,
    time_key,
)
from exporter.understand.mentions import (
    ASIDE,
    BROAD,
    JOURNEYS,
    LONGEST_SENTENCE,
    NEXT_WORDS,
    PRESENCE,
    TALKS,
    Context,
    Mention,
    Onward,
    after_the,
    default_minutes,
    may_tell_a_happening,
    mentions_in,
    opens_with_a_happening,
    opens_with_a_pair,
    places_remembered,
    remember_places,
    retold,
    usual_starts,
    zone_named,
)
from exporter.understand.people import Cast, Person, cast_of, opens_with_carrier
from exporter.understand.places import Gazetteer
from exporter.understand.schedule_lines import ScheduleLine, reading, schedule_line

#: A date written out in an article sentence ("October 28", "2025", "28 October").
_MONTHISH = regexes.compile(r"[A-Z][a-z]+\.?\s+\d|\d{4}|\d{1,2}\s+[A-Z][a-z]+")
#: Which kind names a cluster, strongest first.
_TITLE_ORDER = (
    "summit",
    "meeting",
    "signing",
    "meal",
    "ceremony",
    "speech",
    "press",
    "visit",
    "worship",
    "attendance",
    "arrival",
    "departure",
    "agenda",
)
_CATEGORY = {
    "agenda": "Agenda",
    "summit": "Summit",
    "meeting": "Meeting",
    "signing": "Signing",
    "meal": "Meal",
    "ceremony": "Ceremony",
    "worship": "Worship",
    "speech": "Speech",
    "press": "Press conference",
    "visit": "Visit",
    "attendance": "Attendance",
    "arrival": "Arrival",
    "departure": "Departure",
}


def _subject_of(cluster: Cluster, kind: str) -> str | None:
    """What its mentions of `kind` say was signed, to whom a speech was, what ceremony it
    was: as the text says it, rather than its headline's shorthand ("sign partnership")."""
    said = [m for m in cluster.mentions if m.kind == kind and m.subject]
    told = [m for m in said if not is_headline(m.evidence.text)] or said
    return told[0].subject if told else None


def _main_kind(kinds: set[str] | frozenset[str]) -> str:
    """The kind an event is named and timed by: the first in `_TITLE_ORDER`, but a meal
    over a meeting ("talks over lunch" is a lunch)."""
    main = next(k for k in _TITLE_ORDER if k in kinds)
    return "meal" if main == "meeting" and "meal" in kinds else main


def _title(cluster: Cluster, principal_class: str | None, first_arrival: bool) -> tuple[str, str]:
    """(title, category) a person would write, from who met whom, what was signed, where."""
    kinds = cluster.kinds
    place = cluster.place()
    counterparts = cluster.counterparts()
    main = _main_kind(kinds)
    if main == "agenda":
        return cluster.mentions[0].subject or "Scheduled", "Agenda"
    if main in TALKS or (counterparts and main not in ("meal", "signing")):
        if counterparts:
            # the most named; between equals, a person of the cast, then the fuller name
            counts = Counter(counterparts)
            name, role = max(counts, key=lambda c: (counts[c], c[1] is not None, len(c[0])))
            if role == "monarch":
                return f"Audience with {name}", "Audience"
            if role == "leader" and (principal_class == "leader" or "summit" in kinds):
                return f"Summit with {name}", "Summit"
            return f"Meeting with {name}", "Meeting"
        return ("Summit", "Summit") if "summit" in kinds else ("Meeting", "Meeting")
    if main == "signing":
        subject = _subject_of(cluster, "signing")
        return (f"Signing of {_trim(subject)}" if subject else "Signing ceremony"), "Signing"
    if main == "meal":
        meal = _meal_word(cluster)
        if counterparts:
            # as the reports of it say, rather than a plan announced before
            told = [
                m.counterpart
                for m in cluster.mentions
                if m.counterpart and m.status != Status.PLANNED
            ]
            name = min(told or (c for c, _ in counterparts), key=len)
            return f"{meal} with {name}", "Meal"
        return (f"{meal} at {place.name}" if place else meal), "Meal"
    if main == "departure":
        dest = next((m.destination for m in cluster.mentions if m.destination), None)
        if dest:
            return f"Departure for {dest.name}", "Departure"
        return (f"Departure from {place.name}" if place else "Departure"), "Departure"
    if main == "arrival" and (first_arrival or (place and place.kind == "airport")):
        # in a city ("Arrival in Zenda"), at an airport or a palace, as English has it
        where = f" {'in' if place.kind in BROAD else 'at'} {place.name}" if place else ""
        return f"Arrival{where}", "Arrival"
    if main == "attendance":
        subject = next((m.subject for m in cluster.mentions if m.subject), None)
        if subject:
            name = _trim(re.sub(r"^(?:the|a|an)\s+", "", subject, flags=re.I))
            return name[:1].upper() + name[1:], "Attendance"
    if main in ("ceremony", "worship"):
        what = _subject_of(cluster, main)
        if what:
            what = what[:1].upper() + what[1:]
            if place:
                what = f"{what} {_at(place)} {place.name}"
            return what, _CATEGORY[main]
    if main == "press":
        told = (m.evidence.text.lower() for m in cluster.mentions if m.kind == "press")
        joint = any("joint" in text for text in told)
        what = "Joint press conference" if joint else "Press conference"
        return (f"{what} {_at(place)} {place.name}" if place else what), _CATEGORY[main]
    if main == "speech" and not kinds & {"arrival", "visit"}:  # else a visit, with its speech
        audience = _subject_of(cluster, "speech")
        # a named audience says more than where ("to the Avalon Business Forum"), a
        # specific place more than a plain one ("at Zenda University", not "to students")
        named = audience is not None and any(w[:1].isupper() for w in _trim(audience).split())
        if not named and (gathering := _subject_of(cluster, "attendance")):
            # "attended the Zenda Forum at its hall, where she spoke": the forum says more
            return f"Speech at {_trim(gathering)}", "Speech"
        if place and not named and (place.kind not in BROAD or not audience):
            return f"Speech {_at(place)} {place.name}", "Speech"
        if audience:
            return f"Speech to {_trim(audience)}", "Speech"
    if place:
        return f"Visit to {place.name}", "Visit"
    visited = _subject_of(cluster, "visit") if main == "visit" else None
    if visited and visited[:1].islower():
        # "a robotics school", which no map knows; not "Prime Minister Sato", a person
        return f"Visit to {_trim(visited)}", "Visit"
    return _CATEGORY[main], _CATEGORY[main]


def _at(place: Place) -> str:
    """How a title puts a happening at a place: in a city, aboard a ship, at a hall."""
    return "in" if place.kind in BROAD else "aboard" if place.kind == "ship" else "at"


def _meal_word(cluster: Cluster) -> str:
    text = " ".join(m.evidence.text.lower() for m in cluster.mentions if m.kind == "meal")
    for word in (
        "working lunch",
        "state dinner",
        "state banquet",
        "banquet",
        "dinner",
        "luncheon",
        "lunch",
        "breakfast",
    ):
        if word in text:
            return word.capitalize()
    return "Dinner" if _DINED.search(text) else "Meal"


_DINED = regexes.compile(r"\bdin(?:e|es|ed|ing)\b")


def _trim(text: str, limit: int = 70) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[: cut.rfind(" ")].rstrip(" ,;:") + "…"


def _start_end(
    cluster: Cluster, minutes: dict[str, int]
) -> tuple[datetime | date, datetime | date | None, bool, bool]:
    """Start from the best-timed report; end from a departure, a report, or the kind's usual length.

    Returns (start, end, times approximate, start itself guessed).
    """
    kinds = cluster.kinds
    happened = [
        m
        for m in cluster.mentions
        if m.status == Status.HAPPENED and m.start is not None and m.kind != PRESENCE
    ]
    pool = happened or [m for m in cluster.mentions if m.start is not None and m.kind != PRESENCE]
    staying = [m for m in pool if not (m.kind == "departure" and kinds != {"departure"})]
    pool = staying or pool
    best = max(m.precision for m in pool)
    top = [m for m in pool if m.precision == best]
    if best == 2 and _main_kind(kinds) == "meal" and (window := _told_in_window(top, pool)):
        top = window  # then at the meal's usual hour in it, as below
    first = min(top, key=sort_time)
    scheduled = _as_scheduled(cluster, first)
    first = scheduled or first
    start = first.start
    approximate = (
        scheduled is not None
        or first.approximate
        or (first.precision < 2 and isinstance(first.start, datetime))
    )
    start_guessed = approximate
    main = _main_kind(kinds)
    # an arrival's end is no end of the audience it was for
    own_end = first.kind == main or first.kind not in JOURNEYS
    end: datetime | date | None = (
        first.end if own_end and isinstance(first.end, datetime) and first.end > start else None
    )
    leaving = [
        m
        for m in cluster.mentions
        if m.kind == "departure"
        and kinds != {"departure"}
        and isinstance(m.start, datetime)
        and m.status == Status.HAPPENED
    ]
    if leaving and isinstance(start, datetime):
        best_leave = max(leaving, key=lambda m: (m.precision, -m.start.timestamp()))
        if best_leave.start > start:
            end = best_leave.start
            approximate = approximate or best_leave.approximate
    told = [  # "the talks ended at 12.40pm": when it ended, whatever was told after
        m.end
        for m in cluster.mentions
        if m.ends and isinstance(m.end, datetime) and isinstance(start, datetime) and m.end > start
    ]
    if told:
        end = max(told)
    if end is None and isinstance(start, datetime):
        later = [
            t
            for m in happened
            if m.precision != 1
            for t in (m.start, m.end)
            if isinstance(t, datetime)
            and t > start
            and m.kind != "departure"
            # a landing reported again later is no landing lasting until then
            and not (m.kind == "arrival" and main == "arrival")
        ]
        default = start + timedelta(minutes=minutes.get(main, 30))
        end = max([default, *later])
        approximate = True
    if main == "meal" and first.precision == 1 and isinstance(end, datetime):
        place = cluster.place()
        length = timedelta(minutes=minutes.get(main, 30))
        usual = _at_usual_hour(_meal_word(cluster), start, end, place and place.zone, length)
        start, end = usual or (start, end)
    return start, end, approximate, start_guessed


def _told_in_window(stamped: list[Mention], pool: list[Mention]) -> list[Mention]:
    """The reports of a meal that tell a window ("hosted Sato at a dinner on Wednesday
    evening") when the only ones timed closer are headlines on their stamps ("Sato hosts
    dinner"): a headline's present is the news's, told when it was done, not the time
    it began. Empty when that is not so."""
    if not all(is_headline(m.evidence.text) for m in stamped):
        return []
    return [
        m
        for m in pool
        if m.precision == 1 and isinstance(m.start, datetime) and isinstance(m.end, datetime)
    ]


def _as_scheduled(cluster: Cluster, first: Mention) -> Mention | None:
    """The plan whose clock time a report that tells none confirms: "began the summit",
    told at 11:50, or "was accorded a welcome" in the half-hour before 10:20, began at
    the 11:30 (10:00) the schedule gave, when that falls in the window the report leaves.
    Not a report that it is under way ("Summit talks begin", told at 4:20 after a plan
    for 4): that is the moment itself, as a report of a landing is. Approximate all the
    same: plans slip."""
    if (
        first.precision >= 2
        or first.kind in JOURNEYS
        or not isinstance(first.start, datetime)
        or not isinstance(first.end, datetime)
    ):
        return None
    plans = [
        m
        for m in cluster.mentions
        if m.status == Status.PLANNED
        and m.precision == 3
        and isinstance(m.start, datetime)
        and first.start <= m.start <= first.end
    ]
    return min(plans, key=sort_time, default=None)


def _at_usual_hour(
    name: str, start: datetime, end: datetime, zone: str | None, length: timedelta
) -> tuple[datetime, datetime] | None:
    """A meal told only by a window much wider than it lasts ("attend a lunch later
    today", "this evening's banquet") at the hour such a meal usually starts on the
    clock where it is held, when that hour falls inside the window: "later today",
    written at 10:15, is no lunch from 10:15 to midnight. None when there is no such hour."""
    usual = usual_starts()
    hour = next((usual[w] for w in name.lower().split() if w in usual), None)
    zone = zone or getattr(start.tzinfo, "zone", None)
    if hour is None or zone is None or end - start < 2 * length:
        return None
    day = start.astimezone(pytz.timezone(zone)).date()
    for on in (day, day + timedelta(days=1)):
        at = zones.localize(zone, datetime.combine(on, time(*hour)))
        if start <= at and at + length <= end:
            return at, at + length
    return None


def _status(cluster: Cluster) -> Status:
    """The live reports decide; an article's hindsight only when there are none."""
    live = [m for m in cluster.mentions if m.evidence.written is not None]
    statuses = {m.status for m in (live or cluster.mentions)}
    if Status.HAPPENED in statuses:
        return Status.HAPPENED
    if Status.CANCELLED in statuses:
        return Status.CANCELLED
    return Status.PLANNED


@dataclass(frozen=True)
class Site:
    """What links and ids need: the page URL and the id authority."""

    authority: str = "exporter.invalid"
    page_url: str | None = None


def _evidence_url(doc: Document, anchor: str | None, site: Site) -> str | None:
    if site.page_url and anchor:
        return f"{site.page_url}#{doc.slug}-{anchor}"
    return doc.url


def _update_evidence(doc: Document, update: Update, text: str, site: Site, order: int) -> Evidence:
    """Where a live blog's words come from: the update, its time and its link on the page,
    and the `order` it is read in there (`_walk` counts its sentences)."""
    return Evidence(
        text=text,
        source=doc.slug,
        written=update.instant,
        anchor=update.anchor,
        url=_evidence_url(doc, update.anchor, site),
        order=order,
    )


@dataclass(frozen=True)
class _Told:
    """A sentence of an update that may tell a happening, with what reading it needs."""

    sentence: str
    tense: str
    tags: list[timex.Timex]
    #: Where a departure told here leads, from the rest of its paragraph.
    onward: Callable[[Place | None], Place | None]
    #: The update's first sentence: what it reports, not background.
    lead: bool = False
    #: The sentence before this one in its paragraph, for whom "the two leaders" are.
    earlier: str = ""
    #: How many sentences of the update come before it (`Evidence.order`).
    order: int = 0


def _walk(
    doc: Document, update: Update, site: Site, ctx: Context, first_day: date
) -> Iterator[Mention | str | _Told]:
    """An update as reading goes through it: a schedule line's mention, a sentence only
    remembered for its places (the text), or one read for happenings (`_Told`, whose
    places are remembered after). A sentence dated far from its update is background: it
    gives nothing, not even its places. The update's news is its first sentence, and
    the first after its headline ("Costa lands in Zenda" / "Costa landed at …")."""
    paragraphs = update.paragraphs
    news = 1 if len(paragraphs) > 1 and is_headline(paragraphs[0]) else 0
    before = ""  # the sentence before, in this update: whom "the two leaders" are
    read = 0  # its sentences (and schedule lines) so far
    for number, paragraph in enumerate(paragraphs):
        item = _agenda_item(doc, update, paragraph, site, read)
        if item is not None:
            read += 1
            yield item
            continue
        sentences = split_sentences(paragraph, LONGEST_SENTENCE)
        onward = Onward(sentences, ctx)
        for i, sentence in enumerate(sentences):
            earlier, before = before, sentence
            read += 1
            if not may_tell_a_happening(sentence):
                yield sentence
                continue
            tense = timex.tense_of(sentence)  # once: the tagger and the rules both need it
            tags = timex.tag(sentence, update.instant, tense=tense, first_day=first_day)
            if _background(tags, update.instant.date(), sentence, tense):
                tags = _on_the_clock_named(sentence, update.instant, tense, ctx, first_day)
            if tags is not None:
                lead = number <= news and i == 0
                yield _Told(
                    sentence, tense, tags, partial(onward.after, i), lead, earlier, read - 1
                )


def _on_the_clock_named(
    sentence: str, instant: datetime, tense: str, ctx: Context, first_day: date
) -> list[timex.Timex] | None:
    """The tags of a sentence its stamp's clock puts far from its day, read on the clock
    of a place it names, when that makes it the day's: "landed in Avalon on Wednesday",
    stamped late on Tuesday in a blog six hours behind Avalon, is Wednesday there, not a
    week ago. None when it stays background. Its moments are told on the blog's clock,
    as every other sentence's are."""
    zone = zone_named(sentence, ctx)
    here = getattr(instant.tzinfo, "zone", None)
    if zone is None or here is None or zone == here:
        return None
    there = instant.astimezone(pytz.timezone(zone))
    tags = timex.tag(sentence, there, tense=tense, first_day=first_day)
    if _background(tags, there.date(), sentence, tense):
        return None
    return [
        replace(t, start=_told_here(t, t.start, here), end=_told_here(t, t.end, here)) for t in tags
    ]


def _told_here(tag: timex.Timex, moment: _Moment, zone: str) -> _Moment:
    """A moment of `tag` on the clock of `zone`, the blog's: the same instant, or, for a
    clock written "local time", the same wall time, which the clock of where it happens
    reads later (`timex.on_local_clock`), as it does any sentence's. A day stays its day."""
    if not isinstance(moment, datetime):
        return moment
    if tag.local:
        return zones.localize(zone, moment.replace(tzinfo=None))  # type: ignore[return-value]
    return moment.astimezone(pytz.timezone(zone))  # type: ignore[return-value]


def _in_order(doc: Document) -> list[Update]:
    return sorted(doc.updates, key=lambda u: (u.instant, u.seq))


def _liveblog_mentions(
    doc: Document, ctx: Context, site: Site, piece: tuple[int, int] | None = None
) -> list[Mention]:
    """The blog's mentions, oldest update first; with `piece`, those of its updates
    `start:stop` in that order, exactly as reading the whole blog finds them."""
    principal = ctx.cast.principal
    found: list[Mention] = []
    updates = _in_order(doc)
    first_day = min(u.instant.date() for u in doc.updates)
    start, stop = piece or (0, len(updates))
    recent: dict[str, Place] = {}
    if start > 0:
        recent = _Recent(_Earlier(doc, updates[:start], site, ctx, first_day))
    named = _naming(principal, ctx.cast) if principal else None
    for update in updates[start:stop]:
        in_focus = _in_focus(update, named, ctx.cast)
        last: list[Mention] = []  # the last sentence's that told any, in this update
        for step in _walk(doc, update, site, ctx, first_day):
            if isinstance(step, Mention):
                found.append(step)
                last = [step]
            elif isinstance(step, str):
                remember_places(step, ctx, recent)
            else:
                evidence = _update_evidence(doc, update, step.sentence, site, step.order)
                read = mentions_in(
                    step.sentence,
                    ctx=ctx,
                    evidence=evidence,
                    ref=update.instant,
                    tags=step.tags,
                    live=True,
                    explicit=False,
                    recent=recent,
                    principal_in_focus=in_focus,
                    onward=step.onward,
                    tense=step.tense,
                    lead=step.lead,
                    earlier=step.earlier,
                )
                if not read and (again := retold(step.sentence, step.tags, last, evidence, ctx)):
                    read = [again]  # "The meeting began at 11:05 a.m."
                found.extend(read)
                last = read or last
    return found


def _in_focus(update: Update, named: re.Pattern[str] | None, cast: Cast) -> bool:
    """Whether an update is about the principal: it names them ("Costa lands"), or it
    names no one and its news (its first sentence, or the one after its headline) opens
    with what carries them ("Avalon One has touched down at Zenda Airport"), with a
    happening ("The summit at the palace has ended") or with a pair they make one of
    ("The royal couples are now having lunch", "The two leaders …"): in a blog about
    them, theirs. Its "she" is then the principal too."""
    if named is None:
        return False
    text = update.text
    if named.search(text):
        return True
    paragraphs = update.paragraphs
    leads = paragraphs[:2] if len(paragraphs) > 1 and is_headline(paragraphs[0]) else paragraphs[:1]
    opens = any(
        opens_with_carrier(lead) or opens_with_a_happening(lead) or opens_with_a_pair(lead)
        for lead in leads
    )
    return opens and not cast.find(text)


def _naming(principal: Person, cast: Cast) -> re.Pattern[str]:
    """What names the principal in an update: the name they go by, or a title they alone
    hold ("Pope's plane lands", "the king's car"), whatever its case."""
    names = [re.escape(principal.short)]
    if principal.role in cast.titles:
        names.append(f"(?i:{re.escape(principal.role)})")
    # the principal's own name: not kept (`regexes`)
    return re.compile(rf"\b(?:{'|'.join(names)})\b")


class _Earlier:
    """The place of each kind remembered last before a piece of a blog, as reading the
    blog from its start would have left them: found by reading back from the piece's
    first update, only as far as the piece's questions need."""

    def __init__(
        self, doc: Document, before: list[Update], site: Site, ctx: Context, first_day: date
    ) -> None:
        self._ctx = ctx
        self._back = self._remembered_backwards(doc, before, site, first_day)
        self._found: dict[str, Place] = {}

    def _remembered_backwards(
        self, doc: Document, before: list[Update], site: Site, first_day: date
    ) -> Iterator[str]:
        for update in reversed(before):
            steps = list(_walk(doc, update, site, self._ctx, first_day))
            for step in reversed(steps):
                if isinstance(step, str):
                    yield step
                elif isinstance(step, _Told):
                    yield step.sentence

    def __call__(self, key: str) -> Place | None:
        while key not in self._found:
            sentence = next(self._back, None)
            if sentence is None:
                return None
            for written, place in reversed(places_remembered(sentence, self._ctx)):
                self._found.setdefault(written, place)  # the last one written wins
        return self._found[key]


class _Recent(dict[str, Place]):
    """The places last named per kind, for a piece that does not start its blog: what the
    piece has not named itself is asked of the updates before it."""

    def __init__(self, earlier: _Earlier) -> None:
        super().__init__()
        self._earlier = earlier

    def __missing__(self, key: str) -> Place:
        place = self._earlier(key)
        if place is None:
            raise KeyError(key)
        return place

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (
            isinstance(key, str) and self._earlier(key) is not None
        )

    def get(self, key: str, default: Place | None = None) -> Place | None:  # type: ignore[override]
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        place = self._earlier(key)
        return default if place is None else place


def _agenda_item(
    doc: Document, update: Update, paragraph: str, site: Site, order: int
) -> Mention | None:
    """A schedule line kept inside an update ("10am: Cabinet meets") is a planned event.

    The reader leaves such lines as paragraphs of the entry that lists them; any paragraph
    that still opens with a clock time is one.
    """
    stamp = parse_stamp(paragraph)
    if stamp is None or not stamp.rest or stamp.twelve_hour_unknown:
        return None
    local = update.instant.astimezone(pytz.timezone(doc.zone))
    start = zones.localize(doc.zone, datetime.combine(local.date(), time(stamp.hour, stamp.minute)))
    title = _trim(stamp.rest.rstrip(" .;:"))
    evidence = _update_evidence(doc, update, paragraph, site, order)
    return Mention(
        kind="agenda",
        status=Status.PLANNED,
        evidence=evidence,
        start=start,
        end=None,
        precision=3,
        approximate=False,
        place=None,
        destination=None,
        counterpart=None,
        counterpart_class=None,
        subject=title[:1].upper() + title[1:],
        explicit=False,
    )


#: Before a year or month that says by when something is due or how long it lasts.
_DEADLINE = regexes.compile(r"\b(?:by|until|till|through)\s+$", re.IGNORECASE)
#: "their first talks since 2019": when the last one was, not when this one is.
_SINCE = regexes.compile(r"\bsince\s+$", re.IGNORECASE)


def _background(tags: list[timex.Timex], day: date, sentence: str, tense: str) -> bool:
    """A sentence dated months or years away from its update is background, not schedule.
    Not one that tells what is done or under way and a deadline in it: "signed a
    programme until 2030", "are addressing the forum, where he said trade could reach
    $100 billion by 2030". Told of the future, a deadline still says when: "will sign a
    deal by March" is no item of the day. What a date is "since" says nothing of it, nor
    one told in an aside about someone ("…, who took office in June")."""
    for t in tags:
        if _SINCE.search(sentence, max(0, t.span[0] - 6), t.span[0]):
            continue
        if ASIDE.search(sentence, 0, t.span[0]):  # "…, who took office in June"
            continue
        if t.grain in ("year", "month"):
            if tense != "future" and _DEADLINE.search(sentence, max(0, t.span[0] - 8), t.span[0]):
                continue
            return True
        start = t.start.date() if isinstance(t.start, datetime) else t.start
        if isinstance(start, date) and abs((start - day).days) > 3:
            return True
    return False


def _zone_named_most(doc: Document, ctx: Context) -> str | None:
    """The clock of the places an article names most, for one given no zone and read with
    no live blog: a state visit to Avalon is told on Avalon's clock ("landed shortly
    before noon"), though its background names the visitor's capital."""
    counts = Counter(
        m.place.zone
        for paragraph in doc.paragraphs
        for m in ctx.places_in(paragraph.text)
        if m.known and m.place.zone
    )
    return counts.most_common(1)[0][0] if counts else None


def _sentence_clock(sentence: str, ctx: Context, heading: bool = False) -> str | None:
    """The clock of where a sentence of an article happens: that of the first known place
    it names, but not one the principal is only bound for ("left for Zenda", "flew to
    Zenda") nor a country named with no preposition, a party more often than a setting
    ("agreements with Avalon"). A heading's place is where its section happens."""
    for m in ctx.places_in(sentence):
        if not (m.known and m.place.zone) or m.preposition in ("for", "to"):
            continue
        if heading or m.preposition or m.place.kind not in ("country", "region"):
            return m.place.zone
    return None


#: Words that carry a story on from what it told last, in a paragraph of its own: "Costa
#: then held …", "left shortly after the meeting".
_SEQUEL = regexes.compile(rf"\b(?:{NEXT_WORDS}|later|after\s+(?:the|this|their|his|her)\b)", re.I)
#: Before a month or year that dates what a sentence speaks of: a past participle, and
#: who did it ("the deal concluded in", "the truce agreed by the two countries in"), or
#: "since", which measures up to the day the story is on ("their first meeting since").
_OBJECT_DATED = regexes.compile(
    r"(?:[a-z]{3,}ed(?:\s+by\s+[^,;.]{1,40}?)?\s+(?:in|since)|\bsince)\s+\Z"
)


def _of_the_object(tag: timex.Timex, sentence: str, headed: bool) -> bool:
    """A month or year that dates what a sentence speaks of, not its happening: "signed a
    framework on the deal concluded in July" and "their first meeting since 2019" are
    told of the day the story is on; in a section whose heading is its day (`headed`),
    any month or year alone is ("the wildfires of 2022")."""
    if tag.kind != "date" or tag.grain == "day":
        return False
    if headed and tag.grain in ("month", "year"):
        return True
    return _OBJECT_DATED.search(sentence, max(0, tag.span[0] - 60), tag.span[0]) is not None


def _article_mentions(doc: Document, zone: str, ctx: Context, placed: bool) -> list[Mention]:
    """The mentions of an article read on the clock of `zone`, or, when `placed`, on the
    clock of where each sentence happens (`_sentence_clock`), which the sentences after it keep
    until one names another: a tour of three countries tells each one's times on its
    clock ("landed in Zenda at about 10 a.m.", "In the evening …")."""
    narrative = timex.Narrative(zone, doc.published)
    found: list[Mention] = []
    recent: dict[str, Place] = {}
    earlier = ""  # the last sentence to name anyone but the principal: "the two leaders"
    last: list[Mention] = []  # the mentions of the last sentence to tell any
    here = zone
    read_so_far = 0  # sentences: the order of the evidence
    told = False  # a sentence before, in this section, gave its day
    headed = False  # this section's heading is its day ("20 September")
    story = _StoryTense()  # the sentences read as prose, for a schedule's tense
    spans: list[Mention] = []  # the visits over days told so far, for a journey on from one
    for paragraph in doc.paragraphs:
        if paragraph.heading:
            here = (placed and _sentence_clock(paragraph.text, ctx, heading=True)) or here
            # the day of a section, not the line that says when the story was published
            headed = (
                narrative.heading(paragraph.text) is not None
                and parse_dateline_date(paragraph.text) is None
            )
            told = False
        listed = schedule_line(paragraph.text)
        if listed is not None:
            read = _listed(listed, doc, narrative, here, story, read_so_far, ctx, recent, earlier)
            if read is not None:
                read_so_far += len(listed.items)
                found.extend(read)
                last = read or last
                told = True
                continue
        if paragraph.heading:
            continue
        near = False  # … in this paragraph
        previous = ""  # … and the sentence before, in it
        for sentence in split_sentences(paragraph.text, LONGEST_SENTENCE):
            here = (placed and _sentence_clock(sentence, ctx)) or here
            tags = [
                t for t in narrative.tag(sentence, here) if not _of_the_object(t, sentence, headed)
            ]
            dated = any(
                _MONTHISH.search(t.text) or (t.kind == "date" and t.grain == "day")
                for t in tags
                if t.kind in ("date", "datetime", "part")
            )
            on_the_day = narrative.reference is not None and not dated
            timed = on_the_day and any(t.kind in ("part", "time") for t in tags)
            has_date = any(t.kind == "date" for t in tags)
            carried = (
                on_the_day
                and not has_date
                and (
                    headed
                    or (
                        (near or (told and _SEQUEL.search(sentence) is not None))
                        and timex.tense_of(sentence) == "past"
                    )
                )
            )
            explicit = dated or timed or carried
            one_day = any(
                t.kind == "datetime"
                or (t.kind == "date" and t.grain == "day" and t.end is None)
                or (t.kind == "part" and _MONTHISH.search(t.text))  # "the afternoon of 1 May"
                for t in tags
            )
            near = one_day or (near and not has_date)
            told = one_day or (told and not has_date)
            if on_the_day and not any(t.kind in ("date", "datetime") for t in tags):
                # the day told before: "The two leaders later visited …" is on it
                tags = [
                    *tags,
                    timex.Timex("", (0, 0), narrative.reference, None, "day", True, "date"),
                ]
            evidence = Evidence(
                text=sentence,
                source=doc.slug,
                written=None,
                anchor=None,
                url=doc.url,
                order=read_so_far,
            )
            read_so_far += 1
            read = mentions_in(
                sentence,
                ctx=ctx,
                evidence=evidence,
                ref=None,
                tags=tags,
                live=False,
                explicit=explicit,
                recent=recent,
                principal_in_focus=True,
                earlier=earlier,
                previous=previous,
            )
            previous = sentence
            story.told(sentence)
            if not read and (again := retold(sentence, tags, last, evidence, ctx)):
                read = [again]  # "The meeting began at 11 a.m.": the one told just before
            read = [after_the(m, sentence, found, last, ctx) for m in read]
            if not dated and spans:
                read = [_onward(m, spans) for m in read]
            if doc.published is not None:
                read = [_ahead_of(m, doc.published) for m in read]
            spans.extend(m for m in read if m.days and m.kind == "visit" and m.place is not None)
            found.extend(read)
            last = read or last
            if any(p != ctx.cast.principal for _, p in ctx.cast.find(sentence)):
                earlier = sentence
    return found


#: A journey told as what comes once the visit is over: "following his program in Avalon,
#: he will travel to …", "After concluding his engagements in Zenda, he is to proceed to …".
_AFTER_THE_VISIT = regexes.compile(
    r"\b(?:after|following)\s+(?:(?:concluding|completing|ending|wrapping\s+up)\s+)?"
    r"(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visit|program(?:me)?|engagements|stay|trip|schedule)\b",
    re.I,
)


def _onward(m: Mention, spans: list[Mention]) -> Mention:
    """`m`, or, if it is a journey on from a visit that `spans` (the article's spans so far)
    has, told in a sentence that dates nothing as what follows the visit ("following his
    program in Avalon, he will travel to Zenda"): the departure for it on the span's last
    day. The day it had was only one carried over from an earlier sentence."""
    to = m.place if m.kind == "arrival" else m.destination if m.kind == "departure" else None
    if to is None or not _AFTER_THE_VISIT.search(m.evidence.text):
        return m
    day = m.day
    span = next((s for s in spans if day is not None and s.days[0] <= day < s.days[1]), None)
    if span is None or not _elsewhere(to, span.place):
        return m
    return replace(
        m,
        kind="departure",
        start=span.days[1] - timedelta(days=1),
        end=None,
        precision=1,
        place=span.place,
        destination=to,
        explicit=True,
    )


def _elsewhere(to: Place, visited: Place) -> bool:
    """Whether `to` is outside the place a visit was to: on another clock, as another
    country or a city abroad is (a map gives each its zone)."""
    return to.zone is not None and visited.zone is not None and to.zone != visited.zone


def _ahead_of(m: Mention, published: date) -> Mention:
    """A happening an article dates after the day it was written is planned, whatever its
    tense: "On Wednesday, she travels to Zenda", in a story of Sunday."""
    if m.status == Status.HAPPENED and isinstance(m.day, date) and m.day > published:
        return replace(m, status=Status.PLANNED)
    return m


class _StoryTense:
    """The tense an article last told something in, past or future ("will visit … The
    programme:"), for a schedule line after it. Each sentence's tense is worked out at
    most once, and only when a schedule asks: the newest first, back to the last asked."""

    def __init__(self) -> None:
        self._unread: list[str] = []
        self._tense = "past"

    def told(self, sentence: str) -> None:
        self._unread.append(sentence)

    def tense(self) -> str:
        self._tense = next(
            (t for s in reversed(self._unread) if (t := timex.tense_of(s)) != "present"),
            self._tense,
        )
        self._unread.clear()
        return self._tense


def _listed(
    line: ScheduleLine,
    doc: Document,
    narrative: timex.Narrative,
    zone: str,
    story: _StoryTense,
    order: int,
    ctx: Context,
    recent: dict[str, Place],
    earlier: str,
) -> list[Mention] | None:
    """The happenings of a schedule line ("27 October: Arrival at …; audience with …"),
    each item read as the sentence it stands for (`schedule_lines.reading`); None when
    what the line opens with is neither a day nor, on a day already told, a clock time.

    A schedule has no tense of its own: its items lie ahead when their day is after the
    day the article was written, or, for one that gives no such day, when the story told
    them ahead ("Costa will visit Avalon … Her programme:")."""
    tags = narrative.tag(line.when, zone)
    day = next((t for t in tags if t.kind in ("date", "datetime") and t.grain == "day"), None)
    clock = next((t for t in tags if t.kind == "time"), None)
    if day is not None:
        when, on = day.text, day.start
    elif clock is not None and narrative.reference is not None:
        when, on = clock.text, narrative.reference
    else:
        return None
    on = on.date() if isinstance(on, datetime) else on
    future = on > doc.published if doc.published is not None else story.tense() == "future"
    found: list[Mention] = []
    for item, quote in zip(line.items, line.quotes, strict=True):
        sentence = reading(when, item, dated=day is not None, future=future)
        if sentence is None:
            continue
        evidence = Evidence(
            text=quote, source=doc.slug, written=None, anchor=None, url=doc.url, order=order
        )
        order += 1
        found.extend(
            mentions_in(
                sentence,
                ctx=ctx,
                evidence=evidence,
                ref=None,
                tags=narrative.tag(sentence, zone),
                live=False,
                explicit=True,
                recent=recent,
                principal_in_focus=True,
                earlier=earlier,
            )
        )
    return found


def _uid(day: date, kind: str, n: int, authority: str, whose: str = "") -> str:
    """An event's identity: its day, kind and rank that day; of whose visit, when several
    people's are told ("20251027-arrival-1", "20251027-ana-costa-arrival-1")."""
    who = "".join(f"{word}-" for word in _WORDS.findall(whose.lower()))
    return f"{day.strftime('%Y%m%d')}-{who}{kind.lower().replace(' ', '-')}-{n}@{authority}"


_WORDS = regexes.compile(r"[^\W_]+")


def itinerary(
    documents: list[Document],
    gazetteer: Gazetteer,
    site: Site,
    jobs: int | None = None,
    meanwhile: Callable[[], object] | None = None,
    meanwhile_updates: float = 0,
) -> list[Event]:
    """Every event the documents describe, once each, in start order.

    Documents about different people's visits (two live blogs, each of another leader's
    trip) are separate stories: each is read with its own principal, and their events
    are put together. Otherwise, as for one document: the live blogs' mentions are found
    in runs of updates, in worker processes when `jobs` allows (`parallel.workers_for`);
    the rest needs all of them at once. `meanwhile`, other work worth reading
    `meanwhile_updates` updates, is done by this process while the first worker finds the
    cast (which every run needs) and the workers read, and its run of updates is shorter
    by as much, less the cast's weight.
    """
    stories = _stories(documents, gazetteer)
    if len(stories) == 1:
        return _story(documents, gazetteer, site, jobs, meanwhile, meanwhile_updates)
    if meanwhile is not None:
        meanwhile()
    events = [
        e
        for who, story in stories.items()
        for e in _story(story, gazetteer, site, jobs, whose=who or "")
    ]
    return sorted(events, key=lambda e: (time_key(e.start), e.title, e.uid))


#: How much of a document tells whose visit it is: its opening, where a story introduces
#: its people (`people.cast_of` reads the whole of what it is given).
_OPENING_CHARS = 20_000


def _stories(documents: list[Document], gazetteer: Gazetteer) -> dict[str | None, list[Document]]:
    """The documents grouped by whose visit each tells, when two live blogs (or, with no
    blog, two articles) tell different people's: each by the principal of its opening. An
    article joins the story of its own principal, or else the first whose principal it
    names ("Costa's visit", in an article on the prime minister who hosted her), or else
    is a story of its own. Otherwise all are one story, as one live blog and the articles
    beside it are (nothing is read to tell so)."""
    blogs = [d for d in documents if d.kind == "liveblog"]
    leading = blogs or documents
    if len(leading) < 2:
        return {None: documents}
    principals = {id(d): _principal_of(d, gazetteer) for d in leading}
    leads = list(dict.fromkeys(p.name for p in principals.values() if p is not None))
    if len(leads) < 2:
        return {None: documents}
    people = {p.name: p for p in principals.values() if p is not None}
    stories: dict[str | None, list[Document]] = {name: [] for name in leads}
    for doc in documents:
        own = principals[id(doc)] if id(doc) in principals else _principal_of(doc, gazetteer)
        if own is not None and own.name in stories:
            stories[own.name].append(doc)
            continue
        named = next((name for name in leads if _names(doc, people[name])), None)
        if named is None and doc.kind == "liveblog":
            named = leads[0]  # whose, its opening does not say: the first story's
        elif named is None and own is not None:
            named = own.name  # an article on someone else's visit: a story of its own
        stories.setdefault(named, []).append(doc)
    return {who: story for who, story in stories.items() if story}


def _principal_of(doc: Document, gazetteer: Gazetteer) -> Person | None:
    """Whose visit a document tells, from its opening alone."""
    return cast_of([_opening(doc)], gazetteer.knows).principal


def _opening(doc: Document) -> str:
    parts = [doc.title, *doc.intro]
    size = sum(len(p) for p in parts)
    for text in (*(u.text for u in doc.updates), *(p.text for p in doc.paragraphs)):
        if size >= _OPENING_CHARS:
            break
        parts.append(text)
        size += len(text)
    return "\n".join(parts)


def _names(doc: Document, person: Person) -> bool:
    """Whether a document names `person` (by the name the text uses most)."""
    word = regexes.compile(rf"\b{re.escape(person.short)}\b")
    texts = (doc.title, *doc.intro, *(p.text for p in doc.paragraphs))
    return any(word.search(text) for text in (*texts, *(u.text for u in doc.updates)))


def _story(
    documents: list[Document],
    gazetteer: Gazetteer,
    site: Site,
    jobs: int | None = None,
    meanwhile: Callable[[], object] | None = None,
    meanwhile_updates: float = 0,
    whose: str = "",
) -> list[Event]:
    """The events of documents that tell one person's visit (see `itinerary`); `whose`,
    the person's name when there are several stories, keeps their events' ids apart."""
    texts = ["\n".join((d.title, *d.intro, *(u.text for u in d.updates))) for d in documents]
    texts += ["\n".join(p.text for p in d.paragraphs) for d in documents]
    blogs = [d for d in documents if d.kind == "liveblog"]
    updates = sum(len(d.updates) for d in blogs)
    workers = parallel.workers_for(jobs, updates)
    ahead = workers and meanwhile is not None  # the first worker finds the cast
    head_start = round(meanwhile_updates - (updates * CAST_WEIGHT if ahead else 0))
    reading = _Reading(parallel.Prelude(partial(cast_of, texts, gazetteer.knows)), gazetteer, site)
    pieces = _pieces(blogs, workers, head_start)
    found = parallel.map_pieces(
        reading, pieces, workers, _weight, meanwhile, head_start, reading.cast
    )
    ctx, cast = reading.ctx, reading.ctx.cast
    live = [m for mentions in found for m in mentions]
    clusters = [c for c in cluster_mentions(live) if keep(c)]
    zone = blogs[0].zone if blogs else None
    for doc in documents:
        if doc.kind == "article":
            clock = doc.zone or zone or _zone_named_most(doc, ctx) or "UTC"
            mentions = _article_mentions(doc, clock, ctx, placed=not doc.zone)
            clusters = fuse(clusters, mentions) if clusters else schedule_of(mentions)
    return _events(clusters, cast.principal.role_class if cast.principal else None, site, whose)


_Piece = tuple[Document, tuple[int, int]]


def _pieces(blogs: list[Document], workers: int, head_start: int = 0) -> list[_Piece]:
    """The blogs in runs of updates for `workers` processes: all their updates, blog after
    blog, cut into as many even runs (the first shorter by `head_start`: this process has
    other work), and a run cut again where a blog ends. A blog cut in the middle is read on
    both sides of the cut: the later run reads back for the places named before it
    (`_Earlier`)."""
    cuts = parallel.even_cuts(sum(len(d.updates) for d in blogs), workers, head_start)
    pieces: list[_Piece] = []
    offset = 0
    for doc in blogs:
        n = len(doc.updates)
        inner = sorted(c - offset for c in cuts if offset < c < offset + n)
        bounds = [0, *inner, n]
        pieces += [(doc, (a, b)) for a, b in pairwise(bounds) if b > a]
        offset += n
    return pieces


#: What finding the cast costs against reading the blogs, per update (bench/results.md:
#: some 24 µs against 250): how much lighter the first worker's run is made, as it finds
#: the cast for every process before reading.
CAST_WEIGHT = 1 / 10


class _Reading:
    """Reading runs of live blogs for mentions, in whichever process a run is read: the
    cast is found once for all (`parallel.Prelude`), the context built on it once in each
    process."""

    def __init__(self, cast: parallel.Prelude[Cast], gazetteer: Gazetteer, site: Site) -> None:
        self.cast = cast
        self._gazetteer = gazetteer
        self._site = site

    @cached_property
    def ctx(self) -> Context:
        return Context(
            cast=self.cast.value(), gazetteer=self._gazetteer, default_minutes=default_minutes()
        )

    def __call__(self, piece: _Piece) -> list[Mention]:
        doc, run = piece
        return _liveblog_mentions(doc, self.ctx, self._site, run)


def _weight(piece: _Piece) -> int:
    start, stop = piece[1]
    return stop - start


def _events(
    clusters: list[Cluster], principal_class: str | None, site: Site, whose: str = ""
) -> list[Event]:
    minutes = default_minutes()
    drafts = []
    arrivals = sorted(
        (c for c in clusters if "arrival" in c.kinds and c.anchor), key=lambda c: c.anchor
    )
    first_arrival = arrivals[0] if arrivals else None
    for cluster in clusters:
        span = next((m.days for m in cluster.mentions if m.days and m.days[1] > m.days[0]), None)
        if span:
            start, end, approximate, guessed = span[0], span[1], False, False
        else:
            start, end, approximate, guessed = _start_end(cluster, minutes)
        title, category = _title(cluster, principal_class, cluster is first_arrival)
        if span:
            place = cluster.place()
            title = f"Visit to {place.name}" if place else "Visit"
            category = "Visit"
        evidence = tuple(
            sorted(
                {m.evidence for m in cluster.mentions},
                key=lambda e: (  # every field: a set's order changes from run to run
                    e.written is None,
                    e.written.isoformat() if e.written else "",
                    e.source,
                    e.order,  # an update's (an article's) sentences as they were written
                    e.text,
                    e.anchor or "",
                    e.url or "",
                ),
            )
        )
        drafts.append((start, end, approximate, guessed, title, category, cluster, evidence))
    drafts.sort(key=lambda d: (time_key(d[0]), d[4]))
    counts: Counter[tuple[date, str]] = Counter()
    events: list[Event] = []
    for start, end, approximate, guessed, title, category, cluster, evidence in drafts:
        day = start.date() if isinstance(start, datetime) else start
        counts[(day, category)] += 1
        status = _status(cluster)
        if status == Status.HAPPENED and guessed:
            status = Status.APPROXIMATE  # it happened, but when is only estimated
        place = cluster.place()
        events.append(
            Event(
                uid=_uid(day, category, counts[(day, category)], site.authority, whose),
                title=title,
                start=_on_the_clock_of(place, start),
                end=_on_the_clock_of(place, end),
                status=status,
                place=place,
                category=category,
                approximate=approximate,
                evidence=evidence,
            )
        )
    return _trim_overlaps(_on_the_clock_there(events))


#: How long after an event on a place's clock the principal is taken to be still there.
_STILL_THERE = timedelta(hours=24)


def _on_the_clock_there(events: list[Event]) -> list[Event]:
    """Events whose place gives no clock (none named, or one the gazetteer cannot put on
    a clock) on the clock of where the principal was last seen, within a day and not
    since gone: "He met relatives of the victims" after a landing in Avalon, in a blog
    stamped in GMT, is shown on Avalon's clock, as the events around it are. The same
    instant either way, and the same identity (`_on_the_clock_of`)."""
    here: tuple[str, datetime] | None = None
    out = []
    for event in events:
        start, end = event.start, event.end
        if not isinstance(start, datetime):
            out.append(event)
            continue
        zone = event.place.zone if event.place else None
        if zone:
            here = None if event.category == "Departure" else (zone, start)
        elif here is not None and start - here[1] <= _STILL_THERE:
            tz = pytz.timezone(here[0])
            event = replace(
                event,
                start=start.astimezone(tz),
                end=end.astimezone(tz) if isinstance(end, datetime) else end,
            )
        out.append(event)
    return out


_Moment = TypeVar("_Moment", bound=date | None)


def _on_the_clock_of(place: Place | None, moment: _Moment) -> _Moment:
    """A moment as the clocks read it where it happens, when the gazetteer knows the
    place's zone: a blog stamped in GMT that follows a visit to Avalon gives the audience
    at 3 p.m. Avalon time, as the calendar and the page show it. The same instant either
    way; its identity (`_uid`) keeps the day the blog's clock gives, so it never changes."""
    if isinstance(moment, datetime) and place is not None and place.zone:
        return moment.astimezone(pytz.timezone(place.zone))  # type: ignore[return-value]
    return moment


def _trim_overlaps(events: list[Event]) -> list[Event]:
    """An approximate end never runs into the next timed event: it ends where that starts."""
    stamps = [e.start.timestamp() if isinstance(e.start, datetime) else None for e in events]
    starts = sorted(t for t in stamps if t is not None)
    out = []
    for event, stamp in zip(events, stamps, strict=True):
        if stamp is not None and isinstance(event.end, datetime) and event.approximate:
            i = bisect.bisect_right(starts, stamp)
            if i < len(starts) and starts[i] < event.end.timestamp():
                nxt = datetime.fromtimestamp(starts[i], tz=event.start.tzinfo)
                event = replace(
                    event,
                    end=event.start.tzinfo.normalize(nxt)
                    if hasattr(event.start.tzinfo, "normalize")
                    else nxt,
                )
        out.append(event)
    return out
