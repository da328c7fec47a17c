"""Feeds read back the way readers read them (feedparser), and stay stable across builds."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter import config as cfg
from exporter.build import build
from exporter.model import Document, Update
from exporter.writers import feed_model, feeds
from tests.paths import LIVEBLOG, ROOT, TODAY

ATOM = "{http://www.w3.org/2005/Atom}"
AT = "{http://purl.org/atompub/tombstones/1.0}"


def build_into(out: Path, source: Path) -> None:
    base = cfg.load(ROOT / "exporter.yaml")
    sources = tuple(s for s in base.sources if s.kind == "liveblog")
    from dataclasses import replace

    sources = (replace(sources[0], path=str(source)),)
    build(base.with_overrides(sources=sources, out=str(out), root=Path("/")), today=TODAY)


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "blog.txt"
    shutil.copy(LIVEBLOG, source)
    out = tmp_path / "out"
    build_into(out, source)
    return source, out


def entries(out: Path, name: str = "updates.atom") -> list:
    parsed = feedparser.parse((out / name).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed.entries


def test_rss_round_trip(site) -> None:
    _, out = site
    parsed = feedparser.parse((out / "updates.rss").read_bytes())
    assert not parsed.bozo
    assert parsed.version == "rss20"
    assert len(parsed.entries) == 43
    first = parsed.entries[0]
    assert first.title == "And he's off."
    assert first.id == "tag:exporter.invalid,2025:tokyo-state-visit/20251029T005000Z"
    assert first.guidislink is False
    assert datetime(*first.published_parsed[:6], tzinfo=UTC) == datetime(
        2025, 10, 29, 0, 50, tzinfo=UTC
    )
    assert parsed.feed.updated == "Wed, 29 Oct 2025 09:50:00 +0900"
    assert "Further reading: Japan PM Takaichi" in parsed.feed.description


def test_atom_round_trip(site) -> None:
    _, out = site
    parsed = feedparser.parse((out / "updates.atom").read_bytes())
    assert parsed.version == "atom10"
    assert parsed.feed.updated == "2025-10-29T09:50:00+09:00"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links["self"] == "http://127.0.0.1:8000/updates.atom"
    published = [e.published for e in parsed.entries]
    assert published == sorted(published, reverse=True)  # newest first
    arrival = next(e for e in parsed.entries if e.published == "2025-10-27T17:02:00+09:00")
    assert arrival.title.startswith("Media footage shows Trump's blue-and-white plane")
    assert arrival.link == "http://127.0.0.1:8000/index.html#tokyo-state-visit-20251027T080200Z"
    hangar = next(e for e in parsed.entries if e.published == "2025-10-28T16:24:00+09:00")
    assert hangar.content[0].type == "text/html"
    assert hangar.content[0].value.count("<p>") == 6


def test_entry_links_keep_rel_and_type(site) -> None:
    _, out = site
    tree = etree.parse(str(out / "updates.atom"))
    link = tree.find(f"{ATOM}entry/{ATOM}link")
    assert (link.get("rel"), link.get("type")) == ("alternate", "text/html")


def test_deleted_entry_is_a_tombstone(site) -> None:
    _, out = site
    tree = etree.parse(str(out / "updates.atom"))
    stones = tree.findall(f"{AT}deleted-entry")
    assert [s.get("ref") for s in stones] == [
        "tag:exporter.invalid,2025:tokyo-state-visit/20251027T160000Z"
    ]
    assert stones[0].get("when") == "2025-10-29T09:50:00+09:00"
    assert "wrongly stated" in stones[0].find(f"{AT}comment").text
    assert b"20251027T160000Z" not in (out / "updates.rss").read_bytes()


def test_rebuild_is_byte_identical_and_leaves_mtimes(site) -> None:
    source, out = site
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    build_into(out, source)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    assert before == after


def test_edit_changes_only_that_entry(site) -> None:
    source, out = site
    old = {e.id: e for e in entries(out)}
    text = source.read_text("utf-8").replace("And he's off.", "And he is off.")
    source.write_text(text, "utf-8")
    build_into(out, source)
    new = {e.id: e for e in entries(out)}
    assert old.keys() == new.keys()
    changed = [
        i
        for i in new
        if (new[i].title, new[i].content[0].value, new[i].updated)
        != (old[i].title, old[i].content[0].value, old[i].updated)
    ]
    assert changed == ["tag:exporter.invalid,2025:tokyo-state-visit/20251029T005000Z"]
    assert new[changed[0]].title == "And he is off."


def test_edit_of_older_entry_moves_its_updated(site) -> None:
    source, out = site
    text = source.read_text("utf-8").replace(
        "Trump arrives at the Imperial Palace", "Trump reaches the Imperial Palace"
    )
    source.write_text(text, "utf-8")
    build_into(out, source)
    entry = next(e for e in entries(out) if e.id.endswith("20251027T090500Z"))
    assert entry.published == "2025-10-27T18:05:00+09:00"
    assert entry.updated == "2025-10-29T09:50:00+09:00"


def test_append_adds_one_entry_and_moves_no_id(site) -> None:
    source, out = site
    old = [(e.id, e.published, e.updated) for e in entries(out)]
    text = source.read_text("utf-8").replace(
        "Wednesday, October 29\n",
        "Wednesday, October 29\n10:30 a.m. Air Force One lands in Busan.\n",
    )
    source.write_text(text, "utf-8")
    build_into(out, source)
    new = [(e.id, e.published, e.updated) for e in entries(out)]
    assert len(new) == 44
    assert new[1:] == old
    assert new[0][0].endswith("20251029T013000Z")


def test_vanished_update_becomes_a_tombstone(site) -> None:
    source, out = site
    lines = source.read_text("utf-8").split("\n")
    source.write_text(
        "\n".join(line for line in lines if not line.startswith("9:42 a.m.")), "utf-8"
    )
    build_into(out, source)
    assert len(entries(out)) == 42
    refs = [
        s.get("ref") for s in etree.parse(str(out / "updates.atom")).findall(f"{AT}deleted-entry")
    ]
    assert "tag:exporter.invalid,2025:tokyo-state-visit/20251029T004200Z" in refs
    # and it stays a tombstone on the next build
    build_into(out, source)
    refs = [
        s.get("ref") for s in etree.parse(str(out / "updates.atom")).findall(f"{AT}deleted-entry")
    ]
    assert "tag:exporter.invalid,2025:tokyo-state-visit/20251029T004200Z" in refs


def test_markup_in_source_is_escaped(tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_text(
        "Live (JST)\nMonday, October 27, 2025\n9:00 a.m. <script>alert(1)</script> & more.\n"
        "8:00 a.m. ]]> </content><entry>x</entry>\n7:00 a.m. Fine.\n",
        "utf-8",
    )
    out = tmp_path / "out"
    build_into(out, source)
    parsed = entries(out)
    assert parsed[0].content[0].value == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more.</p>"
    assert len(parsed) == 3


_para = st.text(
    st.sampled_from("ab <>&\"'é€😀\u200f") | st.characters(blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=60,
).filter(str.strip)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(st.lists(_para, min_size=1, max_size=3), min_size=1, max_size=9),
    deleted=st.integers(0, 2),
    base_url=st.sampled_from([None, "http://h/"]),
)
def test_feeds_made_a_batch_at_a_time_are_feedgens_own_output(
    paragraphs, deleted, base_url
) -> None:
    start = datetime(2025, 10, 27, tzinfo=UTC)
    updates = tuple(
        Update(
            instant=start + timedelta(minutes=10 * i), stamp=f"{i}:00", paragraphs=tuple(p), line=i
        )
        for i, p in enumerate(paragraphs)
    )[::-1]
    doc = Document(
        path="b.txt", kind="liveblog", title="Blog", zone="UTC", slug="b", updates=updates
    )
    site = feed_model.FeedSite(title="T", base_url=base_url, rss_name="u.rss", atom_name="u.atom")
    stones = tuple(
        feed_model.Tombstone(f"tag:x,2025:b/{k}", start, "Removed <by> the desk")
        for k in range(deleted)
    )
    build = feed_model.FeedBuild(site=site, tombstones=stones)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(feeds, "_BATCH", 2)  # several batches, and a last one that is short
        made = {fmt: b"".join(chunks) for fmt, chunks in feeds.feed_files(doc, build)}
    whole = feeds._generator(doc, build)  # every entry in one tree, serialised by feedgen
    assert made["rss"] == whole.rss_str(pretty=True)
    feeds._links(whole, doc, site, "atom")
    assert made["atom"] == whole.atom_str(pretty=True)


def test_a_frame_that_does_not_end_as_feedgen_ends_it_is_refused() -> None:
    with pytest.raises(ValueError, match="unexpected end of feedgen's rss output"):
        feeds._serialised(b"<?xml version='1.0'?>\n<rss/>\n", [], "rss")
