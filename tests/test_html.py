"""The human page: safe against its sources, self-contained, stable, and readable in a browser.

Unit tests build events and documents by hand and read the page back with lxml; the browser
tests render the page built from the real samples in headless Chromium at a phone and a
desktop width and check what a person sees there.
"""

from __future__ import annotations

import re
import struct
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import lxml.html
import pytest
import pytz

from exporter.model import Deletion, Document, Event, Evidence, Place, Status, Update
from exporter.writers.feed_model import FeedSite, entry_link
from exporter.writers.html import PageSite, page_bytes
from tests import browser
from tests.paths import ROOT

ZONE = pytz.timezone("America/New_York")
BASE = "http://127.0.0.1:8000/"
OSM = "https://www.openstreetmap.org/"
SLUG = "harbour-blog"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return ZONE.localize(datetime(2025, 3, day, hour, minute))


HALL = Place(
    name="Harbour Hall",
    address="1 Quay Street, Port Town",
    lat=40.7001,
    lon=-74.012345,
    zone="America/New_York",
)


def _update(day: int, hour: int, minute: int, *paragraphs: str) -> Update:
    return Update(
        instant=at(day, hour, minute), stamp=f"{hour}:{minute:02d}", paragraphs=paragraphs, line=1
    )


def _evidence(text: str, written: datetime, url: str | None = None) -> Evidence:
    return Evidence(text=text, source=SLUG, written=written, url=url)


def sample() -> tuple[PageSite, list[Event], list[Document]]:
    """A blog with five updates, a short article, and one event of every status."""
    updates = (
        _update(5, 21, 30, "The mayor has left.", "Second <b>paragraph</b> & more."),
        _update(5, 19, 5, "Dinner begins at the hall."),
        _update(5, 12, 0, "The mayor is due to open the fair at noon."),
        _update(4, 18, 0, "Preparations continue."),
        _update(4, 9, 15, "Welcome to our coverage."),
    )
    blog = Document(
        path="/home/someone/sources/harbour.txt",
        kind="liveblog",
        title="Harbour festival live",
        zone="America/New_York",
        slug=SLUG,
        updates=updates,
        deletions=(
            Deletion(
                instant=at(4, 23, 0),
                note="Correction: An entry at 11 p.m. on March 4 was deleted.",
                line=40,
            ),
        ),
    )
    article = Document(
        path="sources/harbour-article.txt",
        kind="article",
        title="The festival",
        zone="America/New_York",
        slug="harbour-article",
    )
    own = f"{BASE}index.html#{SLUG}-{updates[1].anchor}"
    events = [
        Event(
            uid="20250305-meal-1@example.invalid",
            title="<script>alert(1)</script> Dinner",
            start=at(5, 19, 5),
            end=at(5, 21, 30),
            status=Status.HAPPENED,
            place=HALL,
            category="Meal",
            approximate=True,
            evidence=(
                _evidence("Dinner begins at the hall.", at(5, 19, 5), own),
                _evidence('He said "<i>thanks</i>".', at(5, 21, 30), "javascript:alert(1)"),
            ),
        ),
        Event(
            uid="20250305-opening-1@example.invalid",
            title="Opening of the fair",
            start=at(5, 12, 0),
            end=at(5, 13, 0),
            status=Status.PLANNED,
            place=Place(name="Market Square"),
            evidence=(_evidence("The mayor is due to open the fair at noon.", at(5, 12, 0)),),
        ),
        Event(
            uid="20250304-visit-1@example.invalid",
            title="Visit to the docks",
            start=at(4, 10, 0),
            end=at(4, 11, 0),
            status=Status.APPROXIMATE,
            approximate=True,
        ),
        Event(
            uid="20250306-parade-1@example.invalid",
            title="Parade",
            start=at(6, 23, 30),
            end=at(7, 0, 30),
            status=Status.CANCELLED,
        ),
        Event(
            uid="20250304-festival-1@example.invalid",
            title="Harbour festival",
            start=date(2025, 3, 4),
            end=date(2025, 3, 7),
            status=Status.HAPPENED,
            evidence=(Evidence(text="The festival runs three days.", source="harbour-article"),),
        ),
    ]
    site = PageSite(
        title="Harbour <festival> & fair",
        description="Every update, and the schedule.",
        base_url=BASE,
        feeds=(("Harbour festival live", "updates.rss", "updates.atom"),),
        zone="America/New_York",
    )
    return site, events, [blog, article]


def page(latest: int = 3, **changes: object) -> tuple[bytes, lxml.html.HtmlElement]:
    site, events, documents = sample()
    if changes:
        site = replace(site, **changes)
    data = page_bytes(site, events, documents, latest=latest)
    return data, lxml.html.document_fromstring(data)


_COMPOUND = re.compile(
    r'^(?P<tag>[\w*]+)?(?P<classes>(?:\.[\w-]+)*)(?:\[(?P<attr>[\w-]+)="(?P<value>[^"]*)"\])?'
    r"(?::not\(\.(?P<not>[\w-]+)\))?$"
)


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def css(el: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    """The few CSS selectors these tests use, as XPath (lxml's cssselect is not installed)."""
    found: list[lxml.html.HtmlElement] = []
    for alternative in selector.split(","):
        path, axis = ".", "//"
        for token in alternative.replace(">", " > ").split():
            if token == ">":
                axis = "/"
                continue
            match = _COMPOUND.match(token)
            assert match, f"unsupported selector {token!r}"
            tests = [_has_class(c) for c in match["classes"].split(".") if c]
            if match["attr"]:
                tests.append(f"@{match['attr']}='{match['value']}'")
            if match["not"]:
                tests.append(f"not({_has_class(match['not'])})")
            path += axis + (match["tag"] or "*") + "".join(f"[{t}]" for t in tests)
            axis = "//"
        found += el.xpath(path)
    return found


def text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def event_item(tree: lxml.html.HtmlElement, title: str) -> lxml.html.HtmlElement:
    items = [li for li in css(tree, "li.event") if title in text(css(li, "h4")[0])]
    assert len(items) == 1, title
    return items[0]


# --- safety ------------------------------------------------------------------------------


def test_source_text_is_escaped_never_markup() -> None:
    data, tree = page()
    html = data.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Dinner" in html
    assert not css(tree, "script, b, i")
    assert css(tree, "h1")[0].text_content() == "Harbour <festival> & fair"
    item = event_item(tree, "Dinner")
    assert css(item, ".title")[0].text_content() == "<script>alert(1)</script> Dinner"
    assert 'He said "<i>thanks</i>".' in [q.text_content() for q in css(item, "q")]
    update = tree.get_element_by_id(f"{SLUG}-{_update(5, 21, 30).anchor}")
    assert "Second <b>paragraph</b> & more." in [p.text_content() for p in css(update, "p")]


def test_only_web_links_from_sources_are_kept() -> None:
    data, tree = page()
    assert b"javascript:" not in data
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert all(re.match(r"^(https?://|webcal://|#|[\w.-]+$)", h) for h in hrefs), hrefs


def test_page_makes_no_external_requests() -> None:
    _, tree = page()
    # Nothing a browser fetches on its own: no scripts, images, frames, fonts or imports.
    assert not css(tree, "script, img, iframe, object, embed, video, audio, source")
    style = "".join(s.text_content() for s in css(tree, "style"))
    assert "url(" not in style and "@import" not in style
    assert not [el for el in tree.iter() if el.get("style")]
    external = [
        value
        for el in tree.iter()
        for attr in ("src", "href", "srcset", "action", "poster")
        if (value := el.get(attr)) and re.match(r"^https?://", value)
    ]
    assert external  # the map and the site's own files are there
    for value in external:
        assert value.startswith((OSM, BASE)), value
    stylesheets = [ln for ln in css(tree, "link") if "stylesheet" in (ln.get("rel") or "")]
    assert not stylesheets


# --- structure ---------------------------------------------------------------------------

HTML5_TAGS = {
    *"html head meta title link style body header div h1 h2 h3 h4 p nav a main".split(),
    *"section ol ul li time span details summary q article aside footer code".split(),
}


def test_valid_html5_skeleton_for_phones() -> None:
    data, tree = page()
    assert data.startswith(b"<!DOCTYPE html>\n")
    assert data.decode("utf-8")  # UTF-8 throughout
    assert tree.get("lang") == "en"
    assert len(css(tree, "h1")) == 1
    assert css(tree, 'head > meta[charset="utf-8"]')
    viewport = css(tree, 'head > meta[name="viewport"]')
    assert viewport and "width=device-width" in viewport[0].get("content")
    assert css(tree, "head > title")[0].text_content() == "Harbour <festival> & fair"
    ids = [el.get("id") for el in tree.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "ids must be unique"
    for details in tree.iter("details"):
        assert details[0].tag == "summary"
    # Every element the page uses is HTML5, and every one that is not void is closed.
    tags = {el.tag for el in tree.iter() if isinstance(el.tag, str)}
    assert tags <= HTML5_TAGS, tags - HTML5_TAGS
    source = data.decode()
    for tag in HTML5_TAGS - {"meta", "link"}:
        opened = len(re.findall(rf"<{tag}[\s>]", source))
        assert opened == source.count(f"</{tag}>"), tag


def test_header_zone_note_and_subscribe_buttons() -> None:
    _, tree = page()
    header = css(tree, "header.masthead")[0]
    assert "All times New York time (America/New_York)" in text(header)
    assert "Latest update Wed, Mar 5, 21:30" in text(header)
    links = {text(a): a.get("href") for a in css(header, "nav a")}
    assert links == {
        "Subscribe in your calendar": "webcal://127.0.0.1:8000/itinerary.ics",
        "Download .ics": f"{BASE}itinerary.ics",
        "RSS": f"{BASE}updates.rss",
        "Atom": f"{BASE}updates.atom",
    }


def test_links_are_relative_without_a_base_url() -> None:
    _, tree = page(base_url=None)
    links = {text(a): a.get("href") for a in css(tree, "header nav a")}
    assert links["Subscribe in your calendar"] == "itinerary.ics"
    assert links["Download .ics"] == "itinerary.ics"
    assert links["RSS"] == "updates.rss"
    _, tree = page(base_url="https://news.example/visit/")
    links = {text(a): a.get("href") for a in css(tree, "header nav a")}
    assert links["Subscribe in your calendar"] == "webcal://news.example/visit/itinerary.ics"


def test_feed_autodiscovery_links() -> None:
    _, tree = page()
    found = {
        (ln.get("type"), ln.get("href"), ln.get("title"))
        for ln in css(tree, 'head > link[rel="alternate"]')
    }
    assert ("application/rss+xml", f"{BASE}updates.rss", "Harbour festival live (RSS)") in found
    assert ("application/atom+xml", f"{BASE}updates.atom", "Harbour festival live (Atom)") in found
    assert ("text/calendar", f"{BASE}itinerary.ics", "Harbour <festival> & fair") in found


def test_several_blogs_label_their_feeds() -> None:
    feeds = (
        ("First", "updates-a.rss", "updates-a.atom"),
        ("Second", "updates-b.rss", "updates-b.atom"),
    )
    _, tree = page(feeds=feeds)
    assert [text(s) for s in css(tree, ".feed-label")] == ["First:", "Second:"]
    types = [ln.get("type") for ln in css(tree, 'head > link[rel="alternate"]')]
    assert types.count("application/rss+xml") == 2 and types.count("application/atom+xml") == 2


# --- itinerary ---------------------------------------------------------------------------


def test_days_in_order_with_times_in_the_zone() -> None:
    _, tree = page()
    days = [text(h) for h in css(tree, ".day h3")]
    assert days == ["Tuesday, March 4, 2025", "Wednesday, March 5, 2025", "Thursday, March 6, 2025"]
    first_day = css(tree, ".day")[0]
    titles = [text(css(h, ".title")[0]) for h in css(first_day, "li.event h4")]
    assert titles == ["Harbour festival", "Visit to the docks"]  # whole days first
    dinner = event_item(tree, "Dinner")
    assert text(css(dinner, ".when")[0]) == "19:05–21:30 end estimated"
    times = [t.get("datetime") for t in css(dinner, ".when time")]
    assert times == ["2025-03-05T19:05-05:00", "2025-03-05T21:30-05:00"]
    assert text(css(event_item(tree, "Opening"), ".when")[0]) == "12:00–13:00"
    assert text(css(event_item(tree, "Parade"), ".when")[0]) == "23:30–Fri 00:30"
    # A page in another zone shows the same instants in that zone's clock.
    _, tokyo = page(zone="Asia/Tokyo")
    assert text(css(event_item(tokyo, "Opening"), ".when")[0]) == "02:00–03:00"
    assert "All times Tokyo time (Asia/Tokyo)" in text(css(tokyo, "header")[0])


def test_multi_day_event_appears_once_with_its_range() -> None:
    data, tree = page()
    festival = event_item(tree, "Harbour festival")
    assert text(css(festival, ".when")[0]) == "All day Mar 4–6"
    assert data.count(b">Harbour festival</span>") == 1


def test_status_badges() -> None:
    _, tree = page()
    badges = {
        text(css(li, ".title")[0]): text(css(li, ".badge")[0]) for li in css(tree, "li.event")
    }
    assert badges == {
        "Harbour festival": "Happened",
        "Visit to the docks": "Time estimated",
        "Opening of the fair": "Planned",
        "<script>alert(1)</script> Dinner": "Happened",
        "Parade": "Cancelled",
    }
    assert "estimated" not in text(css(event_item(tree, "Visit to the docks"), ".when")[0])


def test_places_link_to_openstreetmap() -> None:
    _, tree = page()
    place = css(event_item(tree, "Dinner"), ".place")[0]
    link = css(place, "a")[0]
    assert link.get("href") == (
        "https://www.openstreetmap.org/?mlat=40.7001&mlon=-74.012345#map=17/40.7001/-74.012345"
    )
    assert "Harbour Hall" in text(link)
    assert "1 Quay Street, Port Town" in text(place)
    square = css(event_item(tree, "Opening"), ".place")[0]
    assert text(square) == "Market Square" and not css(square, "a")


def test_evidence_on_demand() -> None:
    _, tree = page()
    details = css(event_item(tree, "Dinner"), "details.sources")[0]
    assert details.get("open") is None
    assert text(css(details, "summary")[0]) == "Sources (2)"
    items = css(details, "li")
    assert len(items) == 2
    first, second = items
    assert text(css(first, "q")[0]) == "Dinner begins at the hall."
    assert "written Wed, Mar 5, 19:05" in text(first)
    # A link into this page becomes the update's own anchor, which the page holds.
    href = css(first, "a")[0].get("href")
    assert href == f"#{SLUG}-{_update(5, 19, 5).anchor}"
    assert tree.get_element_by_id(href[1:]) is not None
    assert not css(second, "a")  # javascript: dropped, the sentence kept
    article = css(event_item(tree, "Harbour festival"), "details li")[0]
    assert text(article) == "The festival runs three days. article"  # no time, no link


def test_a_stamp_is_shown_in_the_pages_zone_or_else_as_written() -> None:
    """The update at 19:05 in New York is 00:05 UTC the next day; a sentence written then,
    its time given in UTC, is one instant, shown as the page's zone tells it, or without
    a zone as each was written (the same instant is not then the same text)."""
    site, events, documents = sample()
    written = at(5, 19, 5).astimezone(pytz.utc)
    said = _evidence("Toasts were raised.", written)
    events = [replace(events[0], evidence=(said,))]
    for zone, shown in (("America/New_York", "Wed, Mar 5, 19:05"), (None, "Thu, Mar 6, 00:05")):
        tree = lxml.html.document_fromstring(
            page_bytes(replace(site, zone=zone), events, documents, latest=5)
        )
        sources = text(css(event_item(tree, "Dinner"), "details.sources li")[0])
        assert f"written {shown}" in sources, zone
        stamps = [text(css(a, ".stamp")[0]) for a in css(tree, "article.update")]
        assert stamps[1] == "Wed, Mar 5, 19:05"  # the update, as its blog wrote it


# --- updates -----------------------------------------------------------------------------


def test_every_update_has_the_anchor_the_feeds_link_to() -> None:
    _, _, documents = sample()
    _, tree = page(latest=3)
    blog = documents[0]
    feed_site = FeedSite(title="t", base_url=BASE, rss_name="updates.rss", atom_name="updates.atom")
    for update in blog.updates:
        link = entry_link(blog, update, feed_site)
        assert link and link.startswith(f"{BASE}index.html#")
        target = tree.get_element_by_id(link.split("#", 1)[1])
        assert target.tag == "article"
        assert update.paragraphs[0] in text(target)


def test_latest_updates_newest_first_older_folded() -> None:
    _, tree = page(latest=3)
    section = css(tree, "section.updates")[0]
    shown = [a for a in css(section, "article.update") if not a.xpath("ancestor::details")]
    folded = css(section, "details.earlier article.update")
    stamps = [text(css(a, ".stamp")[0]) for a in shown]
    assert stamps == ["Wed, Mar 5, 21:30", "Wed, Mar 5, 19:05", "Wed, Mar 5, 12:00"]
    assert [text(css(a, ".stamp")[0]) for a in folded] == ["Tue, Mar 4, 18:00", "Tue, Mar 4, 09:15"]
    assert text(css(section, "details.earlier > summary")[0]) == "Earlier updates (2)"
    first = shown[0]
    assert [p.text_content() for p in css(first, "p:not(.stamp)")] == [
        "The mayor has left.",
        "Second <b>paragraph</b> & more.",
    ]
    assert css(first, ".stamp a")[0].get("href") == f"#{first.get('id')}"
    _, everything = page(latest=20)
    assert not css(everything, "details.earlier")


def test_deleted_entries_note() -> None:
    _, tree = page()
    note = css(tree, "aside.deleted")[0]
    assert "Deleted entries" in text(note)
    assert "Correction: An entry at 11 p.m. on March 4 was deleted." in text(note)


def test_footer_names_the_source_files_only() -> None:
    data, tree = page()
    footer = text(css(tree, "footer")[0])
    assert "harbour.txt" in footer and "harbour-article.txt" in footer
    assert b"/home/someone" not in data


def test_byte_identical_whatever_the_input_order() -> None:
    site, events, documents = sample()
    once = page_bytes(site, events, documents)
    assert once == page_bytes(site, events, documents)
    assert once == page_bytes(site, list(reversed(events)), documents)


def test_page_is_its_rendered_lines_encoded_in_batches() -> None:
    from exporter.writers import html

    site, events, documents = sample()
    whole = "\n".join(html._Page(site, documents).render(events, 20)).encode("utf-8")
    assert page_bytes(site, events, documents) == whole
    assert whole.endswith(b"</html>\n")


def test_empty_inputs_still_give_a_page() -> None:
    site, _, _ = sample()
    data = page_bytes(replace(site, feeds=(), zone=None), [], [])
    tree = lxml.html.document_fromstring(data)
    assert len(css(tree, "h1")) == 1
    assert "no events" in text(css(tree, ".itinerary")[0])
    assert not css(tree, "section.updates")


# --- in a real browser -------------------------------------------------------------------

SIZES = {"phone": (390, 2400), "desktop": (1280, 2000)}


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, browser.Rendering]:
    """The published page (out/index.html, rebuilt by test_golden), rendered once per width."""
    try:
        browser.ensure_chromium()
    except browser.BrowserError as exc:
        pytest.fail(f"the browser tests need Chromium: {exc}")
    out = tmp_path_factory.mktemp("page")
    (out / "index.html").write_bytes((ROOT / "out" / "index.html").read_bytes())
    started = time.monotonic()
    result = {
        name: browser.render(out / "index.html", out / f"{name}.png", width, height)
        for name, (width, height) in SIZES.items()
    }
    print(f"rendered in {time.monotonic() - started:.1f} s")
    return result


@pytest.mark.parametrize("size", list(SIZES))
def test_browser_shows_the_itinerary(rendered: dict[str, browser.Rendering], size: str) -> None:
    shown = rendered[size]
    tree = lxml.html.document_fromstring(shown.dom)
    titles = [text(t) for t in css(tree, "li.event .title")]
    for title in (
        "Arrival at Haneda Airport",
        "Audience with Emperor Naruhito",
        "Summit with Prime Minister Takaichi",
        "Visit to USS George Washington",
        "Departure for South Korea",
    ):
        assert title in titles
    audience = next(li for li in css(tree, "li.event") if "Emperor Naruhito" in text(li))
    assert text(css(audience, ".when")[0]).startswith("18:05–19:00")
    assert "Imperial Palace" in text(css(audience, ".place")[0])
    assert [text(h) for h in css(tree, ".day h3")][:2] == [
        "Sunday, October 26, 2025",
        "Monday, October 27, 2025",
    ]
    subscribe = [a for a in css(tree, "header a") if text(a) == "Subscribe in your calendar"]
    assert subscribe and subscribe[0].get("href") == "webcal://127.0.0.1:8000/itinerary.ics"
    assert "All times Tokyo time (Asia/Tokyo)" in text(css(tree, "header")[0])
    newest = css(tree, "article.update")[0]
    assert newest.get("id") == "tokyo-state-visit-20251029T005000Z"
    assert text(css(newest, ".stamp")[0]) == "Wed, Oct 29, 09:50"
    assert len(css(tree, "article.update")) == 43


@pytest.mark.parametrize("size", list(SIZES))
def test_browser_screenshot_is_a_real_picture(
    rendered: dict[str, browser.Rendering], size: str
) -> None:
    shot = rendered[size].screenshot
    assert shot.stat().st_size > 10_000, f"{shot} is nearly empty"
    assert png_size(shot) == SIZES[size]
