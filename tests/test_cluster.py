"""A cluster's summaries, kept up to date as mentions join, equal working them out afresh."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytz
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.model import Evidence, Place, Status
from exporter.understand.cluster import Cluster, _meal_of, _party, time_key
from exporter.understand.mentions import Mention

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
        kind=draw(st.sampled_from(["arrival", "departure", "meeting", "meal", "visit"])),
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
