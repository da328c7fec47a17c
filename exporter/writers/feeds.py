"""RSS 2.0 and Atom 1.0 feeds of a live blog's updates, made with feedgen.

feedgen does the XML; this module supplies what it cannot know (every date, so nothing
defaults to now) and mends two gaps with its own extension mechanism: RFC 6721 tombstones
for deleted entries, and Atom entry links that keep their rel and type (feedgen writes only
href, its issue 135).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from html import escape

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from exporter.model import Document, Update
from exporter.sentences import short_title
from exporter.writers.feed_model import (
    FeedBuild,
    FeedSite,
    Tombstone,
    entry_id,
    entry_link,
    feed_id,
)

TOMBSTONE_NS = "http://purl.org/atompub/tombstones/1.0"


def html_paragraphs(paragraphs: tuple[str, ...]) -> str:
    """Full text as escaped HTML paragraphs: source text can never become markup."""
    return "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)


def summary(update: Update, limit: int = 280) -> str:
    """Plain-text teaser for RSS description; the full HTML goes in content:encoded."""
    text = " ".join(update.paragraphs)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return cut[: cut.rfind(" ")].rstrip(" ,;:") + "…"


def describe(doc: Document, lead: str | None = None) -> str:
    """The feed description: the site's own words, the intro, and the related headlines."""
    parts = [lead] if lead else []
    parts.append(" ".join(doc.intro) if doc.intro else doc.title)
    if doc.related:
        parts.append("Further reading: " + " · ".join(doc.related))
    return "\n\n".join(parts)


class _TombstoneExtension(BaseExtension):
    """Adds RFC 6721 at:deleted-entry elements to an Atom feed; RSS has no equivalent."""

    def __init__(self) -> None:
        self.stones: list[Tombstone] = []

    def extend_ns(self) -> dict[str, str]:
        return {"at": TOMBSTONE_NS} if self.stones else {}

    def extend_atom(self, feed: etree._Element) -> etree._Element:
        for stone in self.stones:
            el = etree.SubElement(
                feed,
                f"{{{TOMBSTONE_NS}}}deleted-entry",
                ref=stone.ref,
                when=stone.when.isoformat(),
            )
            comment = etree.SubElement(el, f"{{{TOMBSTONE_NS}}}comment")
            comment.text = stone.comment
        return feed


class _EntryLinkExtension(BaseEntryExtension):
    """Writes an Atom entry's alternate link with rel and type, which feedgen 1.0 drops."""

    def __init__(self) -> None:
        self.href: str | None = None

    def extend_atom(self, entry: etree._Element) -> etree._Element:
        # feedgen builds its tree without namespaces (the root's default namespace covers
        # them when serialised), so the link is found and written the same way.
        if self.href:
            for old in entry.findall("link"):
                entry.remove(old)
            etree.SubElement(entry, "link", href=self.href, rel="alternate", type="text/html")
        return entry


def _generator(doc: Document, build: FeedBuild) -> FeedGenerator:
    site = build.site
    fg = FeedGenerator()
    fg.register_extension(
        "exporter_tombstones", _TombstoneExtension, _EntryLinkExtension, atom=True, rss=False
    )
    fg.id(feed_id(doc, site))
    fg.title(site.title or doc.title)
    fg.description(describe(doc, site.description))
    fg.language(site.language)
    fg.generator("exporter", uri="https://pypi.org/project/exporter/")
    author = {"name": site.author_name}
    if site.author_email:
        author["email"] = site.author_email
    fg.author(author)
    _links(fg, doc, site, "rss")
    newest = doc.latest or datetime(2000, 1, 1, tzinfo=UTC)
    fg.updated(newest)
    fg.lastBuildDate(newest)
    fg.pubDate(newest)
    ext = fg.exporter_tombstones
    ext.stones = list(build.tombstones)
    for update in doc.updates:  # already newest first
        _add_entry(fg, doc, update, build)
    return fg


def _add_entry(fg: FeedGenerator, doc: Document, update: Update, build: FeedBuild) -> None:
    site = build.site
    fe = fg.add_entry(order="append")
    uid = entry_id(doc, update.anchor, site)
    fe.id(uid)
    fe.guid(uid, permalink=False)
    fe.title(short_title(update.paragraphs[0] if update.paragraphs else update.stamp))
    # description() first: feedgen's description() also overwrites the Atom content.
    fe.description(summary(update))
    fe.content(html_paragraphs(update.paragraphs), type="html")
    fe.published(update.instant)
    fe.updated(build.updated.get(uid, update.instant))
    link = entry_link(doc, update, site)
    if link:
        fe.link(href=link, rel="alternate", type="text/html")
        fe.exporter_tombstones.href = link
    fe.author({"name": site.author_name})


def _links(fg: FeedGenerator, doc: Document, site: FeedSite, fmt: str) -> None:
    """The feed's links; only rel=self differs between the RSS and the Atom file."""
    if site.base_url:
        self_name = site.atom_name if fmt == "atom" else site.rss_name
        self_type = "application/atom+xml" if fmt == "atom" else "application/rss+xml"
        # feedgen takes the last link as the RSS channel link, so the page goes last.
        fg.link(
            [
                {"href": site.base_url + self_name, "rel": "self", "type": self_type},
                {"href": site.base_url + site.page_name, "rel": "alternate", "type": "text/html"},
            ],
            replace=True,
        )
    elif doc.url:
        fg.link(href=doc.url, rel="alternate", replace=True)
    else:
        fg.link(href=f"urn:exporter:{doc.slug}", rel="alternate", replace=True)


def feed_files(doc: Document, build: FeedBuild) -> Iterator[tuple[str, Iterator[bytes]]]:
    """("rss", RSS 2.0 octets), then ("atom", Atom 1.0 octets), each in chunks: newest
    first, full text, guid isPermaLink=false, and in Atom the tombstones of entries the
    source deleted.

    One feedgen generator serves both files (only the self link is changed in between):
    building tens of thousands of entries once instead of twice halves the time. Each file
    is feedgen's own pretty serialisation, made a batch of entries at a time
    (`_serialised`), so neither file's whole tree is ever held.
    """
    fg = _generator(doc, build)
    entries = list(fg.entry())
    fg.entry([], replace=True)  # the generator now makes the feed's frame alone
    yield "rss", _serialised(fg.rss_str(pretty=True), entries, "rss")
    _links(fg, doc, build.site, "atom")
    yield "atom", _serialised(fg.atom_str(pretty=True), entries, "atom")


#: Entries serialised at a time: the tree of a batch, never of the whole feed.
_BATCH = 256
#: How a feed ends in feedgen's pretty output; its entries come right before.
_CLOSE = {"rss": b"  </channel>\n</rss>\n", "atom": b"</feed>\n"}


def _serialised(frame: bytes, entries: list[FeedEntry], fmt: str) -> Iterator[bytes]:
    """What feedgen's `rss_str(pretty=True)` / `atom_str(pretty=True)` would give with
    `entries` attached, from the feed without them (`frame`).

    feedgen builds the whole feed as one lxml tree and serialises it at once: for an
    archive of 27,000 updates that tree weighs over 100 MB. Here each batch of entries,
    made by feedgen (`rss_entry`, `atom_entry`), is put into a copy of the frame and
    serialised the same way; the batch's part of the output lies between the frame's head
    and its closing tags, which lxml's indentation keeps the same (the tests compare the
    result with feedgen's own output).
    """
    close = _CLOSE[fmt]
    if not frame.endswith(close):
        raise ValueError(f"unexpected end of feedgen's {fmt} output: {frame[-40:]!r}")
    head = frame[: -len(close)]
    root = etree.fromstring(frame, _FRAME_PARSER)
    container = root[0] if fmt == "rss" else root
    tree = root.getroottree()
    return _batches(head, close, tree, container, entries, fmt)


def _batches(
    head: bytes,
    close: bytes,
    tree: etree._ElementTree,
    container: etree._Element,
    entries: list[FeedEntry],
    fmt: str,
) -> Iterator[bytes]:
    yield head
    for start in range(0, len(entries), _BATCH):
        batch = entries[start : start + _BATCH]
        elements = [fe.rss_entry() if fmt == "rss" else fe.atom_entry() for fe in batch]
        container.extend(elements)
        text = etree.tostring(tree, pretty_print=True, encoding="UTF-8", xml_declaration=True)
        for element in elements:
            container.remove(element)
        if not (text.startswith(head) and text.endswith(close)):
            raise ValueError(f"a batch of {fmt} entries changed the feed's frame")
        yield text[len(head) : -len(close)]
    yield close


#: Reads back our own frame only; whitespace dropped so lxml indents it as feedgen's tree.
_FRAME_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
