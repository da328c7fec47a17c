"""What a feed is, apart from the XML feedgen makes of it: where it lives, the ids of the
feed and its entries, the entries that are gone.

Kept apart from `feeds` so that tracking entries between builds (`changes`) and a build
that writes its feeds later, or in another process, do not import feedgen and lxml (about
20 ms of a small build's start).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from exporter.model import Document, Update


@dataclass(frozen=True)
class FeedSite:
    """Where the feeds live and who publishes them (from the config)."""

    title: str
    base_url: str | None
    rss_name: str
    atom_name: str
    page_name: str = "index.html"
    author_name: str = "exporter"
    author_email: str | None = None
    language: str = "en"
    id_authority: str = "exporter.invalid"
    description: str | None = None


@dataclass(frozen=True)
class Tombstone:
    """An entry that was published and is gone: its id, when it went, and why."""

    ref: str
    when: datetime
    comment: str


@dataclass(frozen=True)
class FeedBuild:
    """Everything the feed writer needs beyond the document itself."""

    site: FeedSite
    tombstones: tuple[Tombstone, ...] = ()
    #: entry id → its `updated` instant, when an edit moved it past `published`.
    updated: dict[str, datetime] = field(default_factory=dict)


def feed_id(doc: Document, site: FeedSite) -> str:
    """The feed's own tag URI: authority, the year the story began, and the source's slug."""
    year = doc.published.year if doc.published else 2000
    return f"tag:{site.id_authority},{year}:{doc.slug}"


def entry_id(doc: Document, anchor: str, site: FeedSite) -> str:
    """An entry's id depends only on its instant, never its words (see Update.anchor)."""
    return f"{feed_id(doc, site)}/{anchor}"


def entry_link(doc: Document, update: Update, site: FeedSite) -> str | None:
    """The update on the human page, when the site has a URL."""
    if not site.base_url:
        return None
    return f"{site.base_url}{site.page_name}#{doc.slug}-{update.anchor}"
