"""Corrections a person gives in config, applied after extraction and never in code.

`overrides:` entries match an event by `uid` or by a `title` regular expression and can
retitle, retime, move or drop it; an entry with `add:` creates an event the text lacks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from exporter import zones
from exporter.errors import ConfigError
from exporter.model import Event, Evidence, Place, Status

if TYPE_CHECKING:  # the config checks rules without loading the gazetteer
    from exporter.understand.places import Gazetteer

_STATUS = {s.value: s for s in Status}
#: The keys of a rule, of its `match:` and of its `add:`.
RULE_KEYS = frozenset({"match", "drop", "title", "start", "end", "place", "status", "add"})
MATCH_KEYS = frozenset({"uid", "title"})
ADD_KEYS = frozenset({"title", "start", "end", "place", "status", "category", "uid"})


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


def check(rule: dict[str, Any]) -> list[tuple[str, str | None]]:
    """What is wrong with one rule, each with the key it is about (None: the rule itself).

    The config reports these with their lines before anything is read; `apply` refuses a
    rule with any of them.
    """
    problems: list[tuple[str, str | None]] = []

    def when(spec: dict[str, Any], key: str, where: str | None) -> None:
        if spec.get(key) is not None:
            try:
                _when(spec[key], "UTC", key)
            except ConfigError as exc:
                problems.append((f"{exc.what} ({exc.hint})", where or key))

    def status(spec: dict[str, Any], where: str | None) -> None:
        if "status" in spec and str(spec["status"]) not in _STATUS:
            known = ", ".join(_STATUS)
            problems.append((f"'status' must be one of {known}, not {spec['status']!r}", where))

    if "add" in rule:
        spec = rule["add"]
        if not isinstance(spec, dict) or "title" not in spec or "start" not in spec:
            return [("'add' needs at least title and start", "add")]
        when(spec, "start", "add")
        when(spec, "end", "add")
        status(spec, "add")
        return problems
    match = rule.get("match")
    if not isinstance(match, dict) or not (match.keys() & MATCH_KEYS):
        problems.append(("needs 'match' (uid or title) or 'add'", "match" if match else None))
    elif "uid" not in match and "title" in match:
        try:
            re.compile(str(match["title"]))  # only tried, not kept (`regexes`)
        except re.error as exc:
            problems.append((f"'title' is not a regular expression ({exc})", "match"))
    when(rule, "start", None)
    when(rule, "end", None)
    status(rule, "status")
    return problems


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
        problems = check(rule)
        if problems:
            raise ConfigError(f"{where}: {problems[0][0]}")
        if "add" in rule:
            spec = rule["add"]
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
        match = rule["match"]
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
