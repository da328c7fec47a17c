"""How mentions group into happenings: by day, place, counterpart and kind.

A live blog tells one audience in several updates; this module decides which mentions
belong together (a departure from the place ends the stay, another guest is another
meeting, a later arrival after leaving is a later visit), which groups are itinerary
stops at all, and how an article's dated statements join the live blog's groups.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

import pytz

from exporter.model import Evidence, Place, Status
from exporter.sentences import is_headline
from exporter.understand.mentions import BROAD, PRESENCE, TALKS, Mention, told_after

#: How far apart two reports of one happening may be.
_MAX_GAP = timedelta(hours=3)


#: Which of several places a happening is at: the most specific kind first.
_PLACE_RANK = {"venue": 0, "airport": 0, "base": 1, "ship": 0, "city": 2, "region": 3, "country": 4}


#: Pools of a cluster's places: (leaving out departures' places?, only with coordinates?).
_POOLS = ((True, True), (True, False), (False, True), (False, False))
_NOTHING: frozenset = frozenset()
#: Up to how many members a cluster is looked through rather than indexed.
_FEW = 8
_UNSET = object()


class _Places:
    """A cluster's places in the order they were named, for each pool: how often each name
    comes, the first place of each name and kind (later ones are never chosen over it),
    and the best of them.

    Adding a place makes only its own name more named, so the new best is the old one or
    a place of that name: found among those, not among all the cluster's places at every
    mention that joins, which is quadratic in a happening named at many places.
    """

    __slots__ = ("_best", "_counts", "_first")

    def __init__(self) -> None:
        self._counts: dict[tuple[bool, bool, str], int] = {}
        #: Per pool and name, the first place of each kind, in the order they came.
        self._first: dict[tuple[bool, bool, str], tuple[Place, ...]] = {}
        #: Per pool (its index in `_POOLS`): a list, as a dict in each cluster weighs more.
        self._best: list[Place | None] = [None] * len(_POOLS)

    def add(self, place: Place, departure: bool) -> None:
        for n, (no_departures, geo) in enumerate(_POOLS):
            if (not no_departures or not departure) and (not geo or place.has_geo):
                key = (no_departures, geo, place.name)
                count = self._counts[key] = self._counts.get(key, 0) + 1
                first = self._first.get(key, ())
                if all(p.kind != place.kind for p in first):
                    first = self._first[key] = (*first, place)
                best = self._best[n]
                rank = None  # the best's, unless it is of this name: then among `first`
                if best is not None and best.name != place.name:
                    held = self._counts[(no_departures, geo, best.name)]
                    rank = (_PLACE_RANK.get(best.kind, 1), -held, best.name)
                for p in first:  # in order: on a tie, the first stays best
                    mine = (_PLACE_RANK.get(p.kind, 1), -count, p.name)
                    if rank is None or mine < rank:
                        best, rank = p, mine
                self._best[n] = best

    def chosen(self) -> Place | None:
        """The best place (the most specific kind, then the most named, then by name; on a
        tie, the first) of places other than departures' if there are any, and of those,
        of places with coordinates if there are any. `_POOLS` has each pool just before
        the one it falls back to: (no departures, geo), (no departures), then the same
        with departures."""
        geo, any_place = self._best[:2] if self._best[1] is not None else self._best[2:]
        return geo if geo is not None else any_place


class Cluster:
    """Mentions believed to tell the same happening.

    What `_fits` asks of a cluster (its kinds, start, place, parties, …) is kept up to date
    as each mention joins, in constant time: worked out again from every member at each
    join, one long update telling thousands of moments of one day took quadratic time.
    A build holds tens of thousands of clusters, most of one or two mentions, so each holds
    only what its members need (slots; sets and tables made when first needed).
    """

    __slots__ = (
        "_counterparts",
        "_day",
        "_destinations",
        "_done",
        "_evidence",
        "_left",
        "_meal_after",
        "_meals",
        "_parties",
        "_place",
        "_places",
        "_signed",
        "_timed",
        "_told",
        "anchor",
        "closed_at",
        "kinds",
        "mentions",
        "placed",
    )  # fmt: skip

    def __init__(self, mentions: list[Mention] | None = None) -> None:
        self.mentions: list[Mention] = []
        self.kinds: set[str] = set()
        #: How many members name a place or a destination.
        self.placed = 0
        self._parties: set[str] | None = None
        self._meals: set[str | None] | None = None
        #: Whether a member is a meal told as coming after talks ("… after their talks").
        self._meal_after = False
        #: The words that tell what its signings were of (`_what_was_signed`), all told.
        self._signed: frozenset[str] = frozenset()
        self._destinations: set[str] | None = None
        self._counterparts: list[tuple[str, str | None]] | None = None
        self._done: datetime | None = None
        self._timed: datetime | None = None
        self._left: datetime | None = None
        self._places: _Places | None = None
        #: (update, kind) of its live members → whether one of them is a headline.
        self._told: dict[tuple[str, str], bool] | None = None
        #: Its members' sentences, once asked of a cluster of many (`told_in`).
        self._evidence: set[Evidence] | None = None
        self._place: Place | None = None
        self._day: object = _UNSET
        #: When it starts, as far as reports of what happened say (plans only if none).
        self.anchor: datetime | None = None
        #: When the principal left the place it is about (a reported departure).
        self.closed_at: datetime | None = None
        for mention in mentions or ():
            self.add(mention)

    def __repr__(self) -> str:
        return f"Cluster({self.mentions!r})"

    def add(self, mention: Mention) -> None:
        """Add a mention, bringing what is known of the cluster up to date."""
        m = mention
        self.mentions.append(m)
        self.kinds.add(m.kind)
        if self._evidence is not None:
            self._evidence.add(m.evidence)
        if m.counterpart:
            if self._counterparts is None:
                self._counterparts, self._parties = [], set()
            self._counterparts.append((m.counterpart, m.counterpart_class))
            self._parties.add(_party(m.counterpart))
        if m.kind == "meal":
            if self._meals is None:
                self._meals = set()
            self._meals.add(_meal_of(m))
            self._meal_after = self._meal_after or bool(told_after(m) & TALKS)
        if m.kind == "signing" and (what := _what_was_signed(m.subject)):
            self._signed |= what
        if m.place or m.destination:
            self.placed += 1
            if m.destination:
                if self._destinations is None:
                    self._destinations = set()
                self._destinations.add(m.destination.name)
        if isinstance(m.start, datetime):  # the first of equals is kept, as min/max keep it
            if self._timed is None or m.start < self._timed:
                self._timed = m.start
            happened = m.status == Status.HAPPENED
            if happened and m.precision >= 1 and (self._done is None or m.start < self._done):
                self._done = m.start
            if happened and m.kind == "departure" and (self._left is None or m.start > self._left):
                self._left = m.start
            self.anchor = self._done if self._done is not None else self._timed
        self.closed_at = None if self.kinds == {"departure"} else self._left
        if m.place is not None:
            places = self._places
            if places is None:
                places = self._places = _Places()
            places.add(m.place, m.kind == "departure")
            self._place = places.chosen()
        if m.evidence.anchor is not None:
            if self._told is None:
                self._told = {}
            key = (m.evidence.anchor, m.kind)
            self._told[key] = self._told.get(key, False) or is_headline(m.evidence.text)

    @property
    def meal_after_talks(self) -> bool:
        """Whether a member is a meal its sentence tells as coming after talks."""
        return self._meal_after

    @property
    def signed(self) -> frozenset[str]:
        """The words that tell what its signings were of: "peace", of "a peace
        declaration"; none when none of them says."""
        return self._signed

    def told_in(self, evidence: Evidence) -> bool:
        """Whether a member comes from the sentence `evidence` is: looked through in a
        small cluster, and in a big one (a long update's thousands of mentions, each asking)
        kept as a set from the first time it is asked."""
        if self._evidence is None:
            if len(self.mentions) <= _FEW:
                return any(other.evidence == evidence for other in self.mentions)
            self._evidence = {other.evidence for other in self.mentions}
        return evidence in self._evidence

    def retells(self, m: Mention) -> bool:
        """Whether `m` tells again what a member from its update told, the one or the other
        being the update's headline: "Costa meets Freedonia's leader" above "Costa met
        General Secretary Rui Sato at …" is one meeting, whoever each says she met."""
        if self._told is None or m.evidence.anchor is None:
            return False
        headline = self._told.get((m.evidence.anchor, m.kind))
        return headline is not None and (headline or is_headline(m.evidence.text))

    @property
    def day(self) -> date | None:
        """The local day it happens on; fixed once asked, every member shares it."""
        if self._day is _UNSET:
            days = [m.day for m in self.mentions if m.day and m.status != Status.PLANNED] or [
                m.day for m in self.mentions if m.day
            ]
            self._day = days[0] if days else None
        return self._day  # type: ignore[return-value]

    @property
    def parties(self) -> frozenset[str] | set[str]:
        """Its counterparts by what identifies them (`_party`), asked of every candidate."""
        return self._parties or _NOTHING

    @property
    def meals(self) -> frozenset[str | None] | set[str | None]:
        """Meals its meal mentions name (None: a meal not named)."""
        return self._meals or _NOTHING

    @property
    def destinations(self) -> frozenset[str] | set[str]:
        """Destinations of its members that name a place or a destination."""
        return self._destinations or _NOTHING

    def place(self) -> Place | None:
        """The most specific place the reports name (a departure's origin only as a last resort)."""
        return self._place

    def counterparts(self) -> list[tuple[str, str | None]]:
        return self._counterparts or []


def _same_place(a: Place | None, b: Place | None) -> bool | None:
    """True/False when both are specific, None when either is missing or only a city/country.

    A city is not where a place far outside it is: a landing at a city's airport and an
    arrival in another city an hour's flight away are two arrivals.
    """
    if a is None or b is None:
        return None
    if a.name == b.name:
        return True
    if a.kind in BROAD or b.kind in BROAD:
        return False if _far_apart(a, b) else None
    return False


#: Farther apart than this, a place is not in a city (its airports lie well within it) …
_FAR_KM = 50.0
#: … and two cities are two (a city's centre is nearer its districts than another city's).
_FAR_CITIES_KM = 15.0


@lru_cache(maxsize=4096)
def _far_apart(a: Place, b: Place) -> bool:
    """Whether two places, neither a country or region, lie too far apart to be one."""
    if not (a.has_geo and b.has_geo) or {a.kind, b.kind} & {"country", "region"}:
        return False
    far = _FAR_CITIES_KM if a.kind == b.kind == "city" else _FAR_KM
    return _distance_km(a.lat, a.lon, b.lat, b.lon) > far


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, on a sphere of the Earth's mean radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@lru_cache(maxsize=4096)
def _party(name: str) -> str:
    """A counterpart by what identifies it: "Avalonian business leaders" → "business leaders"."""
    words = [w.lower() for w in name.split() if w[:1].islower() or len(name.split()) <= 2]
    return " ".join(words[-2:]) if words else name.lower()


def _meal_of(m: Mention) -> str | None:
    text = m.evidence.text.lower()
    for word in ("breakfast", "lunch", "dinner", "banquet"):
        if word in text:
            return word
    return None


#: How long one ceremony of signings takes: documents signed within it are one event.
_ONE_CEREMONY = timedelta(minutes=30)
#: Words that name a document of any kind: two signings are told apart by the others.
_ANY_DOCUMENT = frozenset(
    """a an the and of on to for in with its their his her two new agreement agreements pact
    pacts deal deals memorandum memorandums memoranda declaration declarations document
    documents accord accords treaty treaties understanding framework frameworks""".split()
)


@lru_cache(maxsize=1024)
def _what_was_signed(subject: str | None) -> frozenset[str]:
    """The words that tell which document a signing was of ("peace", in "a peace
    declaration"); none when it names none, or names only who signed ("signed by …")."""
    subject = (subject or "").lower()
    if subject.startswith("by "):
        return frozenset()
    return frozenset(subject.replace("-", " ").split()) - _ANY_DOCUMENT


def _another_signing(cluster: Cluster, m: Mention, anchor: datetime) -> bool:
    """Whether a signing is of other documents than the cluster's, past the half hour a
    ceremony takes: "a peace declaration" signed as she looked on, then "a reciprocal trade
    agreement" the two leaders signed after their talks. Within the half hour ("also
    signed"), each document is of one ceremony."""
    what = _what_was_signed(m.subject)
    start = m.start
    if not what or not isinstance(start, datetime) or abs(start - anchor) <= _ONE_CEREMONY:
        return False
    told = cluster.signed  # a word of a member's document in common: the same document
    return bool(told) and what.isdisjoint(told)


def _another_meal(cluster: Cluster, m: Mention) -> bool:
    """Whether a meal mention names a meal the cluster's do not ("lunch" and "banquet"),
    when both name theirs."""
    meal = _meal_of(m)
    meals = cluster.meals
    return meal is not None and None not in meals and meal not in meals


#: What the rules of `_fits` test kinds against, made once rather than at every call.
_TALKS_OR_MEAL = frozenset(TALKS | {"meal"})
_STAY_KINDS = frozenset(TALKS | {"ceremony", "worship", "speech", "visit"})
_TALKS_OR_VISIT = frozenset(TALKS | {"visit"})
_VISIT_OR_ARRIVAL = frozenset({"visit", "arrival"})
_ARRIVAL_OR_SPEECH = frozenset({"arrival", "speech"})
_ARRIVAL = frozenset({"arrival"})
_SPEECH = frozenset({"speech"})
_TALKS_OR_SPEECH = frozenset(TALKS | {"speech"})
#: Places one lands at and leaves, not where the visit's happenings are.
_TRANSIT = ("airport", "base")
_RITES = frozenset({"ceremony", "worship"})
_CEREMONY = frozenset({"ceremony"})
#: Ceremonies no one holds talks or dines at: a wreath-laying, a procession.
_NO_HOSTS = frozenset({"wreath", "procession"})
#: Kinds a day often has two of, told apart only by their places: two arrivals, a prayer
#: at a memorial and a Mass in a square.
_OFTEN_TWICE = frozenset({"arrival", "worship"})


def _lands_then_meets(kinds: frozenset[str] | set[str], kind: str) -> bool:
    """One side is a landing and the other talks or a speech: at an airport, two happenings
    however close in time, where at a palace one visit. (A meal is settled before.)"""
    if kind == "arrival":
        return "arrival" not in kinds and bool(kinds & _TALKS_OR_SPEECH)
    return kinds == _ARRIVAL and kind in _TALKS_OR_SPEECH


def _meal_after_talks(cluster: Cluster, m: Mention) -> bool:
    """Of a meal and talks with one guest, whether the meal is told as coming after the
    talks ("hosts her for a working lunch after their talks")."""
    return bool(told_after(m) & TALKS) if m.kind == "meal" else cluster.meal_after_talks


def _fits(cluster: Cluster, m: Mention) -> int:
    """How well a mention belongs to a cluster (0: not at all).

    Asked of every cluster of the mention's day, most of them no match: the rules that
    need least come first, and what a rule needs is worked out only when it is reached.
    A signing joins only signings, whatever the time but a window the signings' time is
    not in ("in the afternoon", after one that morning); a cluster of signings has no
    departure, so it is never closed.
    """
    kinds = cluster.kinds
    kind = m.kind
    if cluster.day != m.day or m.day is None or "agenda" in kinds or kind == "agenda":
        return 0
    anchor = cluster.anchor
    start = m.start
    timed = isinstance(start, datetime)
    close = anchor is None or not timed or abs(start - anchor) <= _MAX_GAP
    if "press" in kinds or kind == "press":  # before the press: not the talks before it
        return 3 if kinds == {"press"} and kind == "press" and close else 0
    if "signing" in kinds or kind == "signing":
        if kinds != {"signing"} or kind != "signing":
            return 0
        # but "that morning" and "in the afternoon" are two signings, and so are two
        # documents signed an hour apart
        if m.precision == 1 and anchor and _outside_window(m, anchor):
            return 0
        return 0 if anchor and _another_signing(cluster, m, anchor) else 3
    if not close and isinstance(m.end, datetime) and start <= anchor <= m.end:
        close = True  # "this afternoon" covers it
    closed = cluster.closed_at
    if closed is not None and timed and start > closed and kind != "departure":
        return 0  # the principal has left: a later mention is a later visit
    here = cluster.place()
    place = _same_place(here, m.place)
    if place and here.kind in BROAD and kind not in kinds:
        place = None  # one city is no sign that reports of two kinds tell one happening
    if kind == "departure" or kinds == {"departure"}:
        if kind != "departure":
            return 0
        if kinds == {"departure"}:
            if m.status == Status.PLANNED and anchor and _inside_window(m, anchor):
                return 0 if place is False else 2  # "leaves this morning", of its leaving
            if not cluster.placed or not (m.place or m.destination):
                return 1 if close else 0
            if close and not (anchor and _outside_window(m, anchor)) and cluster.retells(m):
                # "leaves parliament" above "has left Palazzo Chigi": one departure; but
                # not "is due to fly out of the airport tonight" below "leaves the plant"
                return 3
            same_dest = m.destination is not None and m.destination.name in cluster.destinations
            # hours apart, two departures for one place are two ("leaves Avalon for Zenda", …
            # "leaves Ruritania for Zenda")
            return 3 if (same_dest and close) or place else 0
        if not close:
            return 0
        if place and not _told_with(cluster, m):
            return 3  # the stay's end, told again ("has left the palace"), or leaving the place
        if "departure" not in kinds and place is None and m.place is None and not m.destination:
            return 2 if _stays(here, kinds) else 0
        return 0
    if place is not False and cluster.retells(m):
        return 4  # but "lands at the airport" above "will travel to the residence": two
    if kind == "ceremony" and "ceremony" in kinds and _rite(m) not in _rites(cluster):
        return 0  # the welcome, then the carriage procession: two ceremonies
    if kind == "meal" and "meal" in kinds and _another_meal(cluster, m):
        return 0  # a lunch and a banquet, even with one guest: two meals
    counterpart = m.counterpart
    if counterpart:
        parties = cluster.parties
        if _party(counterpart) in parties:
            if (kind == "meal") != ("meal" in kinds) and (
                not close
                or (anchor is not None and _outside_window(m, anchor))
                or ((anchor is None or not timed) and not _told_with(cluster, m))
                or _meal_after_talks(cluster, m)
            ):
                # the same guest at another table later ("dined on Wednesday evening"
                # after talks that afternoon), or at one with no time told apart from
                # the talks, or "for a working lunch after their talks": a separate meal
                return 0
            return 4
        if parties and kind in _TALKS_OR_MEAL:
            return 0  # someone else: another meeting
        if kind in TALKS and kinds <= _SPEECH:
            return 0  # spoke to a forum, then held talks with Sato: two happenings
        if kind in TALKS and "attendance" in kinds:
            return 0  # talks with one leader on the sidelines of a gathering she attends
    if "meal" in kinds or kind == "meal":
        if kind == "meal" and "meal" in kinds:
            return 3
        if (kind in TALKS or kinds & TALKS) and _meal_after_talks(cluster, m):
            return 0  # "hosted her for dinner after their summit": two happenings
        near = anchor is not None and timed and abs(start - anchor) <= timedelta(hours=2)
        if kind == "meal" and not counterpart and near and place is not False and kinds & TALKS:
            return 2
        return 2 if place and close else 0
    if (
        kind in kinds
        and place is not False
        and m.status == Status.PLANNED
        and anchor is not None
        and _inside_window(m, anchor)
    ):
        # "the president arrives tonight" (or "flies to Zenda in the evening"), that
        # morning, of the landing at 21:15 (at Zenda's airport)
        return 2
    if (
        kind == "arrival"
        and place is None
        and kinds == {"arrival"}
        and timed
        and anchor is not None
        and abs(start - anchor) <= timedelta(hours=1)
    ):
        return 2
    if place is False:
        return 0
    if not close:
        return 0
    if place and here.kind in _TRANSIT and _lands_then_meets(kinds, kind):
        return 0  # landed at the airport, then held talks at its air base: two happenings
    if place:
        return 3
    if kinds == _ARRIVAL and here is not None and here.kind in BROAD and _specific(m.place):
        return 0  # arrived in the city; a speech at a hall there is a happening of its own
    if kind == "speech" and kinds == _ARRIVAL and here is not None and here.kind in _TRANSIT:
        return 0  # landed at the airport, then spoke: somewhere else, unless told there
    if kind in _TALKS_OR_MEAL and kinds == _CEREMONY and _rites(cluster) <= _NO_HOSTS:
        return 0  # laid a wreath at the memorial, then met the president: somewhere else
    if m.place is None and kind in _STAY_KINDS and _stays(here, kinds) and (anchor or not timed):
        # of a stay with no time, a time tells nothing: "then held talks at …"; above all
        # the stay its own sentence tells ("will meet Sato and address the authorities")
        return 3 if _told_with(cluster, m) else 2
    if kind in TALKS and kinds & TALKS:
        return 2
    if kind == "ceremony" and kinds & _TALKS_OR_VISIT:
        return 2
    if kind == "worship" and "visit" in kinds:
        return 2  # "visits the shrine" … "where he prayed at the tomb"
    if kind in _RITES and kinds & _RITES and _told_with(cluster, m):
        return 2  # "prayed at …, laying a wreath": one act, told in one sentence
    if kind == "speech" and kinds & _VISIT_OR_ARRIVAL:
        return 2
    if kind == "visit" and kinds & _ARRIVAL_OR_SPEECH:
        return 2
    if kind in kinds and kind not in _OFTEN_TWICE:
        return 1
    return 0


def _outside_window(m: Mention, anchor: datetime) -> bool:
    """Whether `m` tells only a window ("on Wednesday evening") that `anchor` is not in."""
    return (
        m.precision < 2
        and isinstance(m.start, datetime)
        and isinstance(m.end, datetime)
        and not m.start <= anchor <= m.end
    )


def _rite(m: Mention) -> str:
    """Which ceremony a mention of one tells: a wreath-laying, a procession, a welcome."""
    subject = (m.subject or "").lower()
    return next((r for r in ("wreath", "procession") if r in subject), "welcome")


def _rites(cluster: Cluster) -> set[str]:
    return {_rite(m) for m in cluster.mentions if m.kind == "ceremony"}


def _inside_window(m: Mention, anchor: datetime) -> bool:
    """Whether `m` tells only a window ("tonight", "on Wednesday evening") `anchor` is in."""
    return (
        m.precision == 1
        and isinstance(m.start, datetime)
        and isinstance(m.end, datetime)
        and m.start <= anchor <= m.end
    )


def _told_with(cluster: Cluster, m: Mention) -> bool:
    """Whether `m` comes from the sentence a member of `cluster` comes from."""
    return cluster.told_in(m.evidence)


def _specific(place: Place | None) -> bool:
    return place is not None and place.kind not in BROAD


def _stays(here: Place | None, kinds: set[str]) -> bool:
    """Whether a cluster is a stay somewhere: a visit, or a place more precise than a city
    that one does not only pass through (an airport one lands at is none)."""
    return here is not None and (
        "visit" in kinds or (here.kind not in BROAD and here.kind not in _TRANSIT)
    )


#: The most clusters of one day a mention is compared with: the day's latest. A news day
#: has a few dozen happenings (the 10 MB benchmark archive has at most 22); a day of
#: thousands, as run-on or generated text can make, would cost the square of their number.
DAY_WINDOW = 256
#: How near its time a report of where the principal is joins a happening with no place.
_PRESENCE_GAP = timedelta(minutes=30)


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    ordered = sorted(
        (m for m in mentions if m.kind != PRESENCE and m.day is not None),
        key=lambda m: (m.status == Status.PLANNED, m.precision < 2, sort_time(m)),
    )
    clusters: list[Cluster] = []
    by_day: dict[date, list[Cluster]] = {}  # only same-day clusters can fit: linear, not n²
    for m in ordered:
        candidates = by_day.setdefault(m.day, [])
        first = max(0, len(candidates) - DAY_WINDOW)
        scored = [(_fits(candidates[i], m), i) for i in range(first, len(candidates))]
        best = max(scored, default=(0, -1))
        if best[0] > 0:
            candidates[best[1]].add(m)
        elif (there := _on_its_local_day(by_day, m)) is not None:
            there.add(m)
        else:
            cluster = Cluster([m])
            clusters.append(cluster)
            candidates.append(cluster)
    _place_by_presence(by_day, [m for m in mentions if m.kind == PRESENCE])
    return clusters


def _on_its_local_day(by_day: dict[date, list[Cluster]], m: Mention) -> Cluster | None:
    """The happening of a neighbouring day on the blog's clock that a plan of a whole day
    is of, when that day is the plan's on the clock of where it happens: "will hold talks
    with Sato on Thursday, local time", in a blog on Avalon's clock, is of the talks in
    Zenda at 13:50 on Thursday there, stamped 02:50 on Friday in Avalon. None when no
    such happening fits it. Only for plans of a whole day, which are few."""
    if m.status != Status.PLANNED or type(m.start) is not date:
        return None
    best, chosen = 0, None
    for day in (m.start - timedelta(days=1), m.start + timedelta(days=1)):
        for cluster in by_day.get(day, ())[-DAY_WINDOW:]:  # as a mention of its own day
            place, anchor = cluster.place(), cluster.anchor
            if place is None or not place.zone or anchor is None:
                continue
            if anchor.astimezone(pytz.timezone(place.zone)).date() != m.start:
                continue
            score = _fits(cluster, replace(m, start=cluster.day))
            if score > best:  # the first of equals, as for a mention of its own day
                best, chosen = score, cluster
    return chosen


def _place_by_presence(by_day: dict[date, list[Cluster]], presences: list[Mention]) -> None:
    """A happening with no place takes the place of the first report, in `presences`'
    order, that the principal is somewhere ("Costa is now at the palace") within half an
    hour of it, on its day; having a place, it takes no other.

    Found for each cluster in one sweep over the day's reports in time order (the first
    among those in reach is the one with the least index, kept by a monotonic queue), not
    by asking every cluster of the day at every report, which is quadratic in a day of
    many of both.
    """
    timed: dict[date, list[tuple[datetime, int]]] = {}
    for n, p in enumerate(presences):
        if isinstance(p.start, datetime) and p.day in by_day:
            timed.setdefault(p.day, []).append((p.start, n))
    for day, reports in timed.items():
        reports.sort()
        waiting = sorted(
            (c for c in by_day[day] if c.place() is None and c.day == day and c.anchor),
            key=lambda c: c.anchor,
        )
        reach: deque[tuple[datetime, int]] = deque()  # in time order, indexes increasing
        ahead = 0
        for cluster in waiting:
            anchor = cluster.anchor
            while ahead < len(reports) and reports[ahead][0] <= anchor + _PRESENCE_GAP:
                while reach and reach[-1][1] > reports[ahead][1]:
                    reach.pop()
                reach.append(reports[ahead])
                ahead += 1
            while reach and reach[0][0] < anchor - _PRESENCE_GAP:
                reach.popleft()
            if reach:
                cluster.add(presences[reach[0][1]])


def sort_time(m: Mention) -> str:
    """When a mention says it happens, as text that sorts in time order: its start, else
    when it was written ("" for neither)."""
    if m.start is not None:
        return time_key(m.start)
    return m.evidence.written.isoformat() if m.evidence.written else ""


def time_key(value: datetime | date) -> str:
    """A moment as UTC ISO text, or a day as its ISO date: sorts in time order, a day
    before the moments of that day.

    The stdlib's UTC, not pytz's: the same text, and its conversion is C, not Python.
    """
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value.isoformat()


def keep(cluster: Cluster) -> bool:
    """A cluster is an itinerary stop when it is timed and more than a passing remark."""
    timed = [m for m in cluster.mentions if m.start is not None and m.kind != PRESENCE]
    if not timed:
        return False
    kinds = cluster.kinds - {PRESENCE}
    best = max(m.precision for m in timed)
    if best == 0 and not kinds & (TALKS | {"signing", "meal"}):
        return False
    if (
        kinds <= {"visit", "attendance"}
        and cluster.place() is None
        and not any(m.subject for m in cluster.mentions)
    ):
        return False
    if (
        kinds == _ARRIVAL
        and best < 2
        and cluster.place() is None
        and all(m.status == Status.HAPPENED for m in timed)
    ):
        return False  # "travelled by helicopter to her embassy" that day: arrived nowhere known
    return not (kinds == {"meeting"} and not cluster.counterparts())


def fuse(clusters: list[Cluster], mentions: list[Mention]) -> list[Cluster]:
    """Article mentions enrich matching live-blog clusters; dated new ones become events.
    On a day the live blogs tell nothing of, the article's own itinerary of that day is
    kept whole, as if it were alone (`schedule_of`)."""
    extra: list[Cluster] = []
    by_day: dict[date | None, list[Cluster]] = {}
    for cluster in clusters:
        by_day.setdefault(cluster.day, []).append(cluster)
    spans = [m for m in mentions if _is_span(m)]
    extra.extend(_span_clusters(spans))
    untold = [m for m in mentions if m.day not in by_day and _dated_within(m, spans)]
    extra.extend(c for c in cluster_mentions(untold) if keep(c))
    for m in mentions:
        if _is_span(m) or m.day not in by_day:
            continue
        candidates = by_day[m.day]
        scored = [(_fits_article(c, m), i) for i, c in enumerate(candidates)]
        best = max(scored, default=(0, -1))
        if best[0] > 0:
            candidates[best[1]].add(replace(m, start=None, end=None))
            continue
        if (
            m.explicit
            and m.status == Status.HAPPENED
            and m.kind in ("attendance", "summit", "visit")
            and isinstance(m.start, date)
            and m.place is not None
        ):
            same = [c for c in extra if c.day == m.day and c.kinds & {m.kind}]
            if same:
                same[0].add(m)
            else:
                extra.append(Cluster([replace(m, start=m.day, end=None)]))
    return clusters + extra


def schedule_of(mentions: list[Mention]) -> list[Cluster]:
    """An article's own itinerary, when no live blog gives one to enrich (`fuse`): the
    visits' spans, and the happenings dated in their own sentence ("On 17 September, …"),
    clustered as a blog's are. A happening whose day is only carried over from an earlier
    sentence is left out: an article's later sentences are as often background."""
    spans = [m for m in mentions if _is_span(m)]
    dated = [m for m in mentions if _dated_within(m, spans)]
    return _span_clusters(spans) + [c for c in cluster_mentions(dated) if keep(c)]


def _dated_within(m: Mention, spans: list[Mention]) -> bool:
    """Whether an article's mention is of its itinerary: dated in its own sentence, and no
    span of days nor a day-long stay one of them covers."""
    return m.explicit and m.day is not None and not _is_span(m) and not _within_span(m, spans)


def _span_clusters(spans: list[Mention]) -> list[Cluster]:
    """One event for each span of days a sentence tells, however many words tell it:
    "arrived in Zenda from 29 to 31 October for a state visit to Avalon" is one visit."""
    clusters: dict[tuple[object, ...], Cluster] = {}
    for m in spans:
        key = (m.days, m.evidence.text)
        if key in clusters:
            clusters[key].add(m)
        else:
            clusters[key] = Cluster([m])
    return list(clusters.values())


def _is_span(m: Mention) -> bool:
    """A visit or arrival over whole days ("from October 27 to 29"): an event of its own."""
    return bool(m.days) and m.kind in ("visit", "arrival") and m.days[1] > m.days[0]


def _within_span(m: Mention, spans: list[Mention]) -> bool:
    """A day-long arrival or visit in a place a span already covers ("flew to Freedonia
    on October 27" inside the visit to Freedonia from October 27 to 29), or what the
    sentence of a span tells over the same days."""
    if m.days and any(s.days == m.days and s.evidence.text == m.evidence.text for s in spans):
        return True  # "visited Avalon from 29 to 30 October to attend …": the visit's own
    if m.kind not in ("visit", "arrival") or isinstance(m.start, datetime) or m.place is None:
        return False
    return any(
        s.place is not None and s.place.name == m.place.name and s.days[0] <= m.day < s.days[1]
        for s in spans
    )


def _fits_article(cluster: Cluster, m: Mention) -> int:
    if m.day is None or cluster.day != m.day or not m.explicit:
        return 0
    kinds = cluster.kinds
    if m.kind == "signing":
        return 3 if "signing" in kinds else 0
    if (
        m.counterpart
        and _party(m.counterpart) in cluster.parties
        and ((m.kind in TALKS and kinds & TALKS) or m.kind in kinds)
    ):
        return 4
    if m.kind in TALKS and kinds & TALKS:
        place = _same_place(cluster.place(), m.place)
        if place is False:
            return 0
        leaders = any(r == "leader" for _, r in cluster.counterparts())
        return 3 if place and leaders else 2
    if m.kind in ("arrival",) and "arrival" in kinds:
        return 1
    return 0
