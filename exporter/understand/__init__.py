"""Understanding: turn the sentences of a document into times, places and events.

The package itself loads nothing heavy: `understand` and `prepare` import the modules
that do the work when called, so a command that only reads (or a build's process that
only writes) never pays for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from exporter.config import Config
    from exporter.model import Document, Event


def understand(
    documents: list[Document],
    config: Config,
    meanwhile: Callable[[], object] | None = None,
    meanwhile_updates: float = 0,
) -> list[Event]:
    """The itinerary the documents describe, after the config's overrides. `meanwhile` is
    other work of this process's, done while the workers read the blogs (`itinerary`)."""
    from exporter.understand import overrides
    from exporter.understand.assemble import Site, itinerary
    from exporter.understand.places import Gazetteer

    gazetteer = Gazetteer.load(config.places)
    page = f"{config.base_url}index.html" if config.base_url else None
    site = Site(authority=config.id_authority, page_url=page)
    events = itinerary(documents, gazetteer, site, config.jobs, meanwhile, meanwhile_updates)
    zone = next((d.zone for d in documents if d.zone), "UTC")
    return overrides.apply(events, config.overrides, gazetteer, zone, config.id_authority)


def prepare() -> None:
    """Load now what understanding any document needs: its modules (and the config's, which
    it is handed), the built-in gazetteer, the tables of words that tell a happening (some
    50 ms in all).

    For a process started before the sources are read (`parallel.standing_by`): what it
    loads meanwhile, understanding does not load again.
    """
    from exporter import config  # noqa: F401
    from exporter.understand import mentions, overrides  # noqa: F401
    from exporter.understand.assemble import itinerary  # noqa: F401
    from exporter.understand.places import Gazetteer

    Gazetteer.load()
    mentions.prepare()
