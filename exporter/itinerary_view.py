"""Events as plain rows, for people (the `events` command) and for the HTML page."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from exporter.model import Event


def when_text(event: Event) -> str:
    """ "Tue Oct 28 09:35–10:40" in the event's own zone, or a day range for whole days."""
    start, end = event.start, event.end
    if isinstance(start, datetime):
        text = start.strftime("%a %b %d %H:%M")
        if isinstance(end, datetime):
            text += "–" + (
                end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%a %H:%M")
            )
        return text
    assert isinstance(start, date)
    text = start.strftime("%a %b %d")
    if isinstance(end, date) and (end - start).days > 1:
        last = date.fromordinal(end.toordinal() - 1)
        text += "–" + last.strftime("%a %b %d")
    return text + " (all day)"


def event_rows(events: list[Event]) -> list[dict[str, Any]]:
    """One JSON-ready mapping per event, in calendar order."""
    rows = []
    for event in events:
        rows.append(
            {
                "uid": event.uid,
                "title": event.title,
                "when": when_text(event),
                "start": event.start.isoformat(),
                "end": event.end.isoformat() if event.end else None,
                "status": event.status.value,
                "approximate": event.approximate,
                "category": event.category,
                "place": event.place.name if event.place else None,
                "lat": event.place.lat if event.place else None,
                "lon": event.place.lon if event.place else None,
                "evidence": [
                    {
                        "text": ev.text,
                        "source": ev.source,
                        "written": ev.written.strftime("%a %H:%M") if ev.written else None,
                        "url": ev.url,
                    }
                    for ev in event.evidence
                ],
            }
        )
    return rows
