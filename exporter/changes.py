"""Changes between builds: what subscribers must be told about edits and removals.

Pure functions from (previous state, what this build found) to (what to publish, new
state), so every scenario (append, edit, vanish, no-op) is testable without files.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pytz

from exporter.model import Document, Event, Place, Status
from exporter.publish import State
from exporter.writers.feed_model import FeedSite, Tombstone, entry_id

VANISHED_NOTE = "This update was removed from the live blog."


def digest(*parts: str) -> str:
    """A short content fingerprint, so a wording edit is noticed without storing the text."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


def track_feed(
    doc: Document, site: FeedSite, previous: State, state: State
) -> tuple[tuple[Tombstone, ...], dict[str, datetime]]:
    """Tombstones and moved `updated` dates for one live blog, recording it in `state`.

    - An entry whose text changed keeps its id; its `updated` becomes the source's newest
      instant (the build's source time), and stays there until it changes again.
    - An entry that was published and is gone becomes a tombstone, kept in later builds.
    - A deletion the editors announced becomes a tombstone even on a first build.
    """
    when = doc.latest
    assert when is not None, "a live blog always has updates"
    updated: dict[str, datetime] = {}
    present: set[str] = set()
    for update in doc.updates:
        uid = entry_id(doc, update.anchor, site)
        present.add(uid)
        fingerprint = digest(update.stamp, *update.paragraphs)
        before = previous.entries.get(uid)
        moved = before.get("updated") if before else None
        if before and before.get("digest") != fingerprint:
            moved = when.isoformat()
        if moved:
            updated[uid] = datetime.fromisoformat(moved)
        record = {"digest": fingerprint, "feed": doc.slug}
        if moved:
            record["updated"] = moved
        state.entries[uid] = record

    stones: dict[str, Tombstone] = {}
    for deletion in doc.deletions:
        uid = entry_id(doc, deletion.anchor, site)
        if uid not in present:
            stones[uid] = Tombstone(uid, when, deletion.note)
    for uid, old in previous.tombstones.items():
        if old.get("feed") == doc.slug and uid not in present and uid not in stones:
            stones[uid] = Tombstone(uid, datetime.fromisoformat(old["when"]), old["comment"])
    for uid, old in previous.entries.items():
        if old.get("feed") == doc.slug and uid not in present and uid not in stones:
            stones[uid] = Tombstone(uid, when, VANISHED_NOTE)
    for uid, stone in stones.items():
        state.tombstones[uid] = {
            "feed": doc.slug,
            "when": stone.when.isoformat(),
            "comment": stone.comment,
        }
    ordered = tuple(sorted(stones.values(), key=lambda s: s.ref, reverse=True))
    return ordered, updated


def _snapshot(event: Event) -> dict[str, object]:
    """Enough of an event to publish it again as cancelled once it vanishes: its times
    with their offsets, and the zone they are told in (an offset alone names no zone)."""
    snap: dict[str, object] = {
        "title": event.title,
        "start": event.start.isoformat(),
        "end": event.end.isoformat() if event.end else None,
        "place": event.place.name if event.place else None,
        "category": event.category,
    }
    zone = getattr(event.start.tzinfo, "zone", None) if isinstance(event.start, datetime) else None
    if zone:
        snap["zone"] = zone
    return snap


def _revive(uid: str, snap: dict[str, object]) -> Event:
    """The event a snapshot keeps, cancelled, at the same instants in the same zone: the
    calendar then writes it as it was (TZID and VTIMEZONE); a time with an offset alone
    would be written in UTC (`zones.as_written`)."""
    zone = pytz.timezone(str(snap["zone"])) if snap.get("zone") else None

    def when(text: object) -> datetime | date | None:
        if not text:
            return None
        value = str(text)
        if len(value) == 10:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
        return moment.astimezone(zone) if zone is not None else moment

    start = when(snap["start"])
    assert start is not None
    return Event(
        uid=uid,
        title=str(snap["title"]),
        start=start,
        end=when(snap.get("end")),
        status=Status.CANCELLED,
        place=Place(str(snap["place"])) if snap.get("place") else None,
        category=str(snap.get("category", "Event")),
    )


def event_digest(event: Event) -> str:
    """What subscribers see of an event: a change here is a new SEQUENCE."""
    return digest(
        event.title,
        str(event.start),
        str(event.end),
        event.status.value,
        event.place.name if event.place else "",
        event.category,
    )


def track_events(
    events: list[Event], when: datetime, previous: State, state: State
) -> tuple[list[Event], dict[str, object]]:
    """Events to publish (vanished ones as CANCELLED) and their SEQUENCE/LAST-MODIFIED.

    An event keeps SEQUENCE and LAST-MODIFIED until what subscribers see of it changes;
    then SEQUENCE goes up by one and LAST-MODIFIED becomes the build's source time. An
    event that disappears is published once more as cancelled, so clients drop it.
    """
    from exporter.writers.ics import Revision

    revisions: dict[str, object] = {}
    out = list(events)
    present = {e.uid for e in events}
    for uid, old in previous.events.items():
        if uid not in present:
            out.append(_revive(uid, old["snapshot"]))
    for event in out:
        fingerprint = event_digest(event)
        old = previous.events.get(event.uid)
        sequence, modified = 0, None
        if old:
            sequence = int(old.get("sequence", 0))
            modified = old.get("modified")
            if old.get("digest") != fingerprint:
                sequence += 1
                modified = when.isoformat()
        if modified:
            revisions[event.uid] = Revision(sequence, datetime.fromisoformat(modified))
        elif sequence:
            revisions[event.uid] = Revision(sequence, None)
        record = {"digest": fingerprint, "sequence": sequence, "snapshot": _snapshot(event)}
        if modified:
            record["modified"] = modified
        state.events[event.uid] = record
    return out, revisions
