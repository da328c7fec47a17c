"""Saved web pages: the article's text is kept, the page furniture dropped, the parser safe."""

from __future__ import annotations

import tomllib
from datetime import UTC
from pathlib import Path

import pytest

from exporter.errors import SourceError
from exporter.readers import read_bytes, read_path
from exporter.readers.html import html_lines, looks_like_html
from exporter.readers.options import ReadOptions
from tests.paths import ROOT, TODAY

_BLOG = """<!doctype html>
<html><head><meta charset="{charset}"><title>Site title</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main>
<h1>{title}</h1>
<p>All times JST</p>
<h2>Wednesday, October 29, 2025</h2>
<p>9:50 a.m. The motorcade leaves the hotel.</p>
<p>9:42 a.m. Crowds line the avenue.</p>
<p><b>9:00 a.m.</b><br>Breakfast with the delegation.</p>
</main>
<footer><p>Contact us</p></footer>
</body></html>
"""


def page(title: str = "Visit: live", charset: str = "utf-8") -> str:
    return _BLOG.format(title=title, charset=charset)


def read(data: bytes, name: str = "page.html", **options):
    return read_bytes(data, name, ReadOptions(slug="p", today=TODAY, **options))


def test_blocks_become_lines_with_their_source_lines() -> None:
    lines = html_lines(page(), "page.html")
    assert lines == [
        (6, "Visit: live"),
        (7, "All times JST"),
        (8, "Wednesday, October 29, 2025"),
        (9, "9:50 a.m. The motorcade leaves the hotel."),
        (10, "9:42 a.m. Crowds line the avenue."),
        (11, "9:00 a.m."),
        (11, "Breakfast with the delegation."),
    ]


def test_a_page_reads_like_its_text() -> None:
    doc = read(page().encode())
    assert doc.title == "Visit: live"
    assert doc.zone == "Asia/Tokyo"
    assert [u.instant.astimezone(UTC).strftime("%H:%M") for u in doc.updates] == [
        "00:50",
        "00:42",
        "00:00",
    ]
    assert doc.updates[-1].paragraphs == ("Breakfast with the delegation.",)
    assert doc.updates[0].line == 9


def test_a_page_is_known_by_its_shape_whatever_its_name() -> None:
    assert looks_like_html(page().encode(), "saved.txt")
    assert looks_like_html(b"\xef\xbb\xbf\n  <!DOCTYPE html><html><body></body></html>")
    assert not looks_like_html(b"Live blog\n9:50 a.m. <b>bold</b> words\n")
    assert len(read(page().encode(), name="saved.download").updates) == 3


def test_declared_charset_is_honoured() -> None:
    data = page(title="Café talks: live", charset="iso-8859-1").encode("latin-1")
    assert read(data).title == "Café talks: live"


def test_invalid_utf8_page_names_the_byte() -> None:
    data = page().encode().replace(b"Visit", b"Vis\xffit")
    with pytest.raises(SourceError, match=r"invalid UTF-8 at byte \d+ \(0xff\)"):
        read(data)


def test_unknown_charset_is_a_clear_error() -> None:
    with pytest.raises(SourceError, match="unknown character set 'x-martian'"):
        read(page(charset="x-martian").encode())


def _three_updates(first: str, entities: str = "") -> bytes:
    """A page of three updates, `first` the first one's markup, with a DOCTYPE declaring
    `entities` when given."""
    doctype = f"<!DOCTYPE html [{entities}]>" if entities else ""
    return (
        f"{doctype}<html><body><h1>Live</h1><p>All times JST</p>"
        f"<p>Wednesday, October 29, 2025</p>{first}<p>9:40 a.m. Two.</p>"
        "<p>9:30 a.m. Three.</p></body></html>"
    ).encode()


def test_external_entities_are_never_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", "utf-8")
    doc = read(
        _three_updates(
            "<p>9:50 a.m. Entity: &xxe; here.</p>", f'<!ENTITY xxe SYSTEM "file://{secret}">'
        )
    )
    text = " ".join(p for u in doc.updates for p in u.paragraphs)
    assert "TOPSECRET" not in text
    assert len(doc.updates) == 3


def test_entities_a_page_defines_are_never_expanded() -> None:
    """A billion laughs: ten levels of ten references would be 10^10 copies of "lol"."""
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)
    ]
    doc = read(_three_updates("<p>9:50 a.m. Laughs: &l9; here.</p>", "".join(levels)))
    text = " ".join(p for u in doc.updates for p in u.paragraphs)
    assert "lol" not in text and len(text) < 200
    assert len(doc.updates) == 3


def test_a_page_nested_too_deeply_to_read_whole_is_an_error() -> None:
    """libxml2 stops at 256 levels; what follows would be lost without a word."""
    nested = "<span>" * 300 + "<p>9:50 a.m. Deep.</p>" + "</span>" * 300
    with pytest.raises(SourceError, match="nests its elements too deeply"):
        read(_three_updates(nested))


def test_a_minified_page_still_reads() -> None:
    data = "".join(line.strip() for line in page().splitlines()).encode()
    doc = read(data)
    assert len(doc.updates) == 3
    assert {u.line for u in doc.updates} == {1}


def test_link_lists_go_inline_links_stay() -> None:
    html = (
        "<html><body><main><h1>Live</h1>"
        "<p>The mayor <a href='/m'>said</a> the roads will reopen on Friday morning.</p>"
        "<div class='more'><a href='/1'>One story</a> <a href='/2'>Two story</a> "
        "<a href='/3'>Three story</a></div>"
        "<p><a href='/x'>Read our full coverage</a></p>"
        "</main></body></html>"
    )
    assert [t for _, t in html_lines(html, "p.html")] == [
        "Live",
        "The mayor said the roads will reopen on Friday morning.",
    ]


def test_time_element_without_a_time_keeps_its_text() -> None:
    html = (
        "<html><body><h1>Live</h1><p>(Tokyo time)</p>"
        "<h2><time datetime='2025-10-29'>Wednesday, October 29, 2025</time></h2>"
        "<p>9:50 a.m. One.</p></body></html>"
    )
    lines = [t for _, t in html_lines(html, "p.html")]
    assert lines == ["Live", "(Tokyo time)", "Wednesday, October 29, 2025", "9:50 a.m. One."]


def test_time_element_inside_a_sentence_is_not_a_stamp() -> None:
    html = (
        "<html><body><h1>Live</h1>"
        "<p>The vote is due at <time datetime='2025-10-29T15:00:00+09:00'>3 p.m.</time> today.</p>"
        "</body></html>"
    )
    assert html_lines(html, "p.html")[1][1] == "The vote is due at 3 p.m. today."


def test_a_page_of_furniture_only_is_a_clear_error() -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2025</footer></body></html>"
    with pytest.raises(SourceError) as err:
        read(html.encode())
    assert "the web page has no article text" in err.value.message
    assert "page.html" in err.value.message


def test_saved_page_fixture_through_read_path() -> None:
    doc = read_path(ROOT / "tests/fixtures/formats/saved-page-typhoon.html", ReadOptions(slug="t"))
    assert len(doc.updates) == 5
    assert doc.updates[0].stamp == "18:40 UTC+09:00"


def test_lxml_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert any(dep.startswith("lxml") for dep in project["dependencies"])


def test_a_saved_pages_ad_slots_are_no_text() -> None:
    page = (
        b"<html><body><h1>Summit live</h1><p>All times GMT</p><h2>Wednesday 29 October 2025</h2>"
        b"<p>14:05 Leaders arrive</p><p>Advertisement</p><p>The first delegations arrived.</p>"
        b"<p>13:30 Talks begin</p><p>Link copied!</p><p>The talks opened.</p>"
        b"<p>12:00 Doors open</p></body></html>"
    )
    doc = read_bytes(page, "page.html", ReadOptions(slug="p", today=TODAY))
    assert [u.paragraphs for u in doc.updates] == [
        ("Leaders arrive", "The first delegations arrived."),
        ("Talks begin", "The talks opened."),
        ("Doors open",),
    ]
