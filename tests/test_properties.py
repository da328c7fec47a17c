"""Property tests: any text is read or refused with our own error; generated blogs round-trip."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import pytz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.build import build
from exporter.config import Config, SourceConfig
from exporter.errors import ExporterError
from exporter.readers import read_text
from exporter.readers.options import ReadOptions
from exporter.readers.stamps import parse_stamp
from tests.paths import TODAY

_lines = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            [
                "Monday, October 27",
                "9:50 a.m. x",
                "14:05 y",
                "(Tokyo time)",
                "Oct. 29",
                "12:15 a.m.",
                "All times GMT",
                "Correction: An entry at 1:00 a.m. was deleted.",
            ]
        ),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _lines, st.sampled_from([None, "liveblog", "article"]), st.sampled_from([None, "Asia/Tokyo"])
)
def test_any_text_is_read_or_refused_with_our_error(lines: list[str], kind, zone) -> None:
    try:
        doc = read_text(
            "\n".join(lines), "x.txt", ReadOptions(slug="x", kind=kind, zone=zone, today=TODAY)
        )
    except ExporterError as exc:
        assert exc.message
        return
    for update in doc.updates:
        assert update.instant.tzinfo is not None


_words = (
    st.text(
        st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n\x85\u2028\u2029"
        ),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(lambda s: s and not s[0].isdigit())
)


def _text_of_its_own(body: str) -> bool:
    """A body the reader takes for the update's text, not for more of its stamp: "UTC" or
    "Oct. 29" right after "9:00 a.m." are the stamp's zone and day, as written. Nor one
    that ends with a colon: it announces a list, and the stamped lines after it may be
    its items ("Coming up:", then "12:01 a.m. …")."""
    stamp = parse_stamp(f"9:00 a.m. {body}")
    return (
        stamp is not None
        and stamp.label is None
        and stamp.on is None
        and not stamp.rest.rstrip().endswith(":")
    )


@st.composite
def blogs(draw):
    count = draw(st.integers(1, 12))
    minutes = sorted(
        draw(
            st.lists(st.integers(0, 3 * 24 * 60 - 1), min_size=count, max_size=count, unique=True)
        ),
        reverse=True,
    )
    start = datetime(2025, 10, 27)
    lines = ["Generated blog (Tokyo time)", "Intro paragraph."]
    current_day = None
    expected = []
    for m in minutes:
        moment = start + timedelta(minutes=m)
        if moment.date() != current_day:
            current_day = moment.date()
            lines.append(moment.strftime("%A, %B %-d, %Y"))
        body = draw(_words.filter(_text_of_its_own))
        hour = moment.hour % 12 or 12
        lines.append(f"{hour}:{moment.minute:02d} {'a.m.' if moment.hour < 12 else 'p.m.'} {body}")
        expected.append(pytz.timezone("Asia/Tokyo").localize(moment))
    return "\n".join(lines) + "\n", expected


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(blogs())
def test_generated_blogs_round_trip_through_the_feeds(blog) -> None:
    text, expected = blog
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "blog.txt"
        source.write_text(text, "utf-8")
        out = Path(tmp) / "out"
        config = Config(
            sources=(SourceConfig(path=str(source), slug="gen"),), out=str(out), root=Path("/")
        )
        build(config, strict=True, today=TODAY)
        first = {p.name: p.read_bytes() for p in out.iterdir()}
        build(config, strict=True, today=TODAY)
        assert first == {p.name: p.read_bytes() for p in out.iterdir()}
        for name in ("updates.rss", "updates.atom"):
            parsed = feedparser.parse(first[name])
            assert not parsed.bozo, parsed.get("bozo_exception")
            got = [datetime(*e.published_parsed[:6]) for e in parsed.entries]
            want = [t.astimezone(pytz.utc).replace(tzinfo=None) for t in expected]
            assert got == want
            assert len({e.id for e in parsed.entries}) == len(expected)
