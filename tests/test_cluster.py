"""A cluster's summaries, kept up to date as mentions join, equal working them out afresh."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
import pytz
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.model import Evidence, Place, Status
from exporter.understand import cluster as cluster_mod
from exporter.understand.cluster import (
    DAY_WINDOW,
    Cluster,
    _meal_of,
    _party,
    cluster_mentions,
    time_key,
)
from exporter.understand.mentions import Mention, default_minutes

TOKYO = pytz.timezone("Asia/Tokyo")
BASE = TOKYO.localize(datetime(2025, 10, 28, 9, 0))

PLACES = [
    Place("Palace", lat=35.68, lon=139.75, kind="venue"),
    Place("Palace", kind="venue"),  # the same name, named by the text only
    Place("Palace", lat=35.68, lon=139.75, kind="airport"),  # same rank, another kind
    Place("Palace", lat=35.68, lon=139.75, kind="city"),  # same name, a broader kind
    Place("Harbour", lat=35.4, lon=139.6, kind="base"),
    Place("Tokyo", lat=35.68, lon=139.69, kind="city"),
    Place("Japan", lat=35.68, lon=139.69, kind="country"),
    Place("Ginza", kind="region"),
    Place("Annex", kind="hall"),  # a kind without a rank
]


#: Every kind of happening the vocabulary names.
KINDS = sorted(default_minutes())


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    start = draw(
        st.one_of(
            st.none(),
            st.just(date(2025, 10, 28)),
            st.integers(0, 8).map(lambda h: BASE + timedelta(hours=h)),
            # one instant written in another zone: equal to a Tokyo one, not the same object
            st.just(pytz.utc.localize(datetime(2025, 10, 28, 0, 0))),
        )
    )
    text = draw(st.sampled_from(["At lunch.", "The state dinner.", "A meal.", "Talks."]))
    return Mention(
        kind=draw(st.sampled_from(KINDS)),
        status=draw(st.sampled_from(list(Status))),
        evidence=Evidence(text=text, source="blog", written=BASE),
        start=start,
        end=None,
        precision=draw(st.integers(0, 3)),
        approximate=False,
        place=draw(st.one_of(st.none(), st.sampled_from(PLACES))),
        destination=draw(st.one_of(st.none(), st.sampled_from(PLACES))),
        counterpart=draw(st.one_of(st.none(), st.sampled_from(["Leo Costa", "business leaders"]))),
        counterpart_class=None,
        subject=None,
        explicit=False,
    )


def _place_afresh(members: list[Mention]) -> Place | None:
    """The rule as first written: from every member, at every question."""
    places = [m.place for m in members if m.place is not None and m.kind != "departure"]
    if not places:
        places = [m.place for m in members if m.place is not None]
    if not places:
        return None
    pool = [p for p in places if p.has_geo] or places
    rank = {"venue": 0, "airport": 0, "base": 1, "ship": 0, "city": 2, "region": 3, "country": 4}
    counts = Counter(p.name for p in pool)
    return min(pool, key=lambda p: (rank.get(p.kind, 1), -counts[p.name], p.name))


def _anchor_afresh(members: list[Mention]) -> datetime | None:
    timed = [m for m in members if isinstance(m.start, datetime)]
    done = [m.start for m in timed if m.status == Status.HAPPENED and m.precision >= 1]
    times = done or [m.start for m in timed]
    return min(times) if times else None


def _closed_afresh(members: list[Mention]) -> datetime | None:
    if {m.kind for m in members} == {"departure"}:
        return None
    times = [
        m.start
        for m in members
        if m.kind == "departure" and m.status == Status.HAPPENED and isinstance(m.start, datetime)
    ]
    return max(times) if times else None


@settings(max_examples=300, deadline=None)
@given(st.lists(mentions(), min_size=1, max_size=12))
def test_summaries_kept_as_mentions_join_equal_the_plain_rules(members: list[Mention]) -> None:
    cluster = Cluster(members[:1])
    for i, m in enumerate(members[1:], start=2):
        cluster.add(m)
        seen = members[:i]
        assert cluster.place() is _place_afresh(seen)  # the very same object, not an equal one
        anchor, closed = _anchor_afresh(seen), _closed_afresh(seen)
        assert cluster.anchor is anchor or (cluster.anchor is None and anchor is None)
        assert cluster.closed_at is closed or (cluster.closed_at is None and closed is None)
    assert cluster.mentions == members
    assert cluster.kinds == {m.kind for m in members}
    assert cluster.parties == {_party(m.counterpart) for m in members if m.counterpart}
    assert cluster.meals == {_meal_of(m) for m in members if m.kind == "meal"}
    assert cluster.counterparts() == [
        (m.counterpart, m.counterpart_class) for m in members if m.counterpart
    ]
    placed = [m for m in members if m.place or m.destination]
    assert cluster.placed == len(placed)
    assert cluster.destinations == {m.destination.name for m in placed if m.destination}


@settings(max_examples=300, deadline=None)
@given(st.lists(mentions(), max_size=12))
def test_any_mentions_of_any_kinds_cluster_each_once(members: list[Mention]) -> None:
    """Whatever their kinds, times and places, every mention with a day joins one cluster."""
    clusters = cluster_mentions(members)
    joined = [id(m) for c in clusters for m in c.mentions if m.kind in KINDS]
    assert sorted(joined) == sorted(id(m) for m in members if m.day is not None)


ZONES = ["Asia/Tokyo", "Europe/London", "America/New_York", "Asia/Kolkata", "UTC"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.datetimes(datetime(1990, 1, 1), datetime(2040, 1, 1)),
            st.sampled_from(ZONES),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_time_keys_sort_moments_by_instant_and_a_day_before_its_moments(
    drawn: list[tuple[datetime, str, bool]],
) -> None:
    moments = [pytz.timezone(zone).localize(naive, is_dst=dst) for naive, zone, dst in drawn]
    for moment in moments:  # the text pytz's own conversion gives
        assert time_key(moment) == moment.astimezone(pytz.utc).isoformat()
    assert sorted(moments, key=time_key) == sorted(moments)
    day = moments[0].astimezone(pytz.utc).date()
    assert time_key(day) < time_key(pytz.utc.localize(datetime.combine(day, datetime.min.time())))


def _said(kind: str, start: datetime | date | None, **fields: object) -> Mention:
    values: dict[str, object] = {
        "kind": kind,
        "status": Status.HAPPENED,
        "evidence": Evidence(text="Told.", source="blog", written=BASE),
        "start": start,
        "end": None,
        "precision": 3,
        "approximate": False,
        "place": None,
        "destination": None,
        "counterpart": None,
        "counterpart_class": None,
        "subject": None,
        "explicit": False,
    }
    values.update(fields)
    return Mention(**values)  # type: ignore[arg-type]


def _placed_as_first_written(by_day: dict[date, list[Cluster]], presences: list[Mention]) -> None:
    """The rule as first written: every cluster of its day asked at every report."""
    for p in presences:
        for c in by_day.get(p.day, ()):
            if (
                c.place() is None
                and c.day == p.day
                and c.anchor
                and isinstance(p.start, datetime)
                and abs(p.start - c.anchor) <= timedelta(minutes=30)
            ):
                c.add(p)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(-2, 20).map(lambda q: q * 15)),  # None: a day
            st.sampled_from(["meeting", "visit", "speech"]),
            st.one_of(st.none(), st.sampled_from(PLACES)),
        ),
        max_size=10,
    ),
    # quarter hours after 9:00 in Tokyo (often half an hour apart exactly), some the next
    # day; some written in UTC
    st.lists(
        st.tuples(
            st.integers(-4, 100).map(lambda q: q * 15), st.sampled_from(PLACES), st.booleans()
        ),
        max_size=10,
    ),
)
def test_happenings_with_no_place_take_the_first_report_of_where_she_is_within_half_an_hour(
    happenings: list[tuple[int | None, str, Place | None]],
    reports: list[tuple[int, Place, bool]],
) -> None:
    presences = []
    for minutes, place, utc in reports:
        start = BASE + timedelta(minutes=minutes)
        presences.append(
            _said("presence", start.astimezone(pytz.utc) if utc else start, place=place)
        )
    made = []
    for _ in range(2):
        by_day: dict[date, list[Cluster]] = {}
        for minutes, kind, place in happenings:
            start = BASE.date() if minutes is None else BASE + timedelta(minutes=minutes)
            m = _said(kind, start, place=place)
            by_day.setdefault(m.day, []).append(Cluster([m]))
        made.append(by_day)
    _placed_as_first_written(made[0], presences)
    cluster_mod._place_by_presence(made[1], presences)
    ids = {id(p): i for i, p in enumerate(presences)}
    got = [[[ids.get(id(m)) for m in c.mentions] for c in day] for day in made[1].values()]
    assert got == [[[ids.get(id(m)) for m in c.mentions] for c in day] for day in made[0].values()]


@pytest.mark.parametrize(("between", "joined"), [(DAY_WINDOW - 1, True), (DAY_WINDOW, False)])
def test_a_mention_looks_for_its_happening_among_the_days_latest_clusters(
    between: int, joined: bool
) -> None:
    # a meeting told again in the evening joins the morning's, whatever lies between;
    # unless so many happenings of that day lie between that it is out of reach
    morning = _said("meeting", BASE, counterpart="Rui Sato")
    others = [
        _said("arrival", BASE + timedelta(minutes=1 + i), place=Place(f"Hall {i}", kind="venue"))
        for i in range(between)
    ]
    evening = _said("meeting", BASE + timedelta(hours=10), counterpart="Rui Sato")
    clusters = cluster_mentions([morning, *others, evening])
    assert len(clusters) == between + (1 if joined else 2)
    assert (evening in clusters[0].mentions) is joined


@pytest.mark.parametrize(
    ("hours", "departures"),
    [(1, 1), (3, 1), (4, 2)],
)
def test_departures_for_one_place_are_one_only_within_hours(hours: int, departures: int) -> None:
    """ "Leaves Avalon for Zenda", then "leaves Ruritania for Zenda" four hours later: two
    departures, where the same told again within the hour is one."""
    avalon, ruritania, zenda = (
        Place(name, kind="city") for name in ("Avalon", "Ruritania", "Zenda")
    )
    told = [
        _said("departure", BASE, place=avalon, destination=zenda),
        _said("departure", BASE + timedelta(hours=hours), place=ruritania, destination=zenda),
    ]
    assert len(cluster_mentions(told)) == departures


def test_an_articles_dated_happening_of_its_own_is_the_whole_day() -> None:
    """A visit an article dates and times that no blog event matches becomes an event
    of its own: over its day when the blogs tell of that day (its clock times go with its
    start, end included), at its own times when they tell nothing of it."""
    visit = Mention(
        kind="visit",
        status=Status.HAPPENED,
        evidence=Evidence(text="On October 28 Costa visited the palace at 9:30 a.m.", source="a"),
        start=BASE + timedelta(minutes=30),
        end=BASE + timedelta(hours=2),
        precision=3,
        approximate=False,
        place=PLACES[0],
        destination=None,
        counterpart=None,
        counterpart_class=None,
        subject=None,
        explicit=True,
    )
    landing = replace(
        visit,
        kind="arrival",
        evidence=Evidence(text="Costa lands.", source="blog", written=BASE),
        start=BASE,
        end=None,
        place=PLACES[4],
        explicit=False,
    )
    _landing, own = cluster_mod.fuse([Cluster([landing])], [visit])
    (member,) = own.mentions
    assert (member.start, member.end) == (date(2025, 10, 28), None)
    (alone,) = cluster_mod.fuse([], [visit])
    (member,) = alone.mentions
    assert (member.start, member.end) == (visit.start, visit.end)
