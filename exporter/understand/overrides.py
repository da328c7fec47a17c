"""Corrections a person gives in config, applied after extraction and never in code.

`overrides:` entries match an event by `uid` or by a `title` regular expression and can
retitle, retime, move or drop it; an entry with `add:` creates an event the text lacks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from exporter import zones
from exporter.errors import ConfigError
from exporter.model import Event, Evidence, Place, Status
from exporter.understand.places import Gazetteer

_STATUS = {s.value: s for s in Status}


def _when(value: Any, zone: str, where: str) -> datetime | date:
    """YAML dates stay whole days; 'YYYY-MM-DD HH:MM' is local time in the calendar's zone."""
    if isinstance(value, datetime):
        return zones.localize(zone, value.replace(tzinfo=None)) if value.tzinfo is None else value
    if isinstance(value, date):
        return value
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(
            f"{where}: {value!r} is not a date or time", hint="write 2025-10-28 or 2025-10-28 18:30"
        ) from None
    return zones.localize(zone, parsed) if parsed.tzinfo is None else parsed


def _place(value: Any, gazetteer: Gazetteer) -> Place | None:
    if value in (None, ""):
        return None
    return gazetteer.lookup(str(value)) or Place(name=str(value))


def _matches(event: Event, rule: dict[str, Any]) -> bool:
    if "uid" in rule:
        return event.uid == rule["uid"]
    if "title" in rule:
        return re.search(str(rule["title"]), event.title, re.IGNORECASE) is not None
    return False


def apply(
    events: list[Event],
    rules: tuple[dict[str, Any], ...],
    gazetteer: Gazetteer,
    zone: str,
    authority: str,
) -> list[Event]:
    """Events after every override, in the order the config lists them."""
    out = list(events)
    for n, rule in enumerate(rules, start=1):
        where = f"override {n}"
        if "add" in rule:
            spec = rule["add"] or {}
            if "title" not in spec or "start" not in spec:
                raise ConfigError(f"{where}: 'add' needs at least title and start")
            start = _when(spec["start"], zone, where)
            out.append(
                Event(
                    uid=str(spec.get("uid") or f"added-{n}@{authority}"),
                    title=str(spec["title"]),
                    start=start,
                    end=_when(spec["end"], zone, where) if spec.get("end") else None,
                    status=_STATUS.get(str(spec.get("status", "planned")), Status.PLANNED),
                    place=_place(spec.get("place"), gazetteer),
                    category=str(spec.get("category", "Event")),
                    evidence=(
                        Evidence(text="Added by the editor (config override).", source="config"),
                    ),
                )
            )
            continue
        match = rule.get("match") or {}
        if not isinstance(match, dict) or not match:
            raise ConfigError(f"{where}: needs 'match' (uid or title) or 'add'")
        kept = []
        for event in out:
            if not _matches(event, match):
                kept.append(event)
                continue
            if rule.get("drop"):
                continue
            changes: dict[str, Any] = {}
            if "title" in rule:
                changes["title"] = str(rule["title"])
            if "start" in rule:
                changes["start"] = _when(rule["start"], zone, where)
            if "end" in rule:
                changes["end"] = _when(rule["end"], zone, where)
            if "place" in rule:
                changes["place"] = _place(rule["place"], gazetteer)
            if "status" in rule:
                changes["status"] = _STATUS.get(str(rule["status"]), event.status)
            kept.append(replace(event, **changes))
        out = kept
    return out
