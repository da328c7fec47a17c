"""The gazetteer's data: the packaged ``places.yaml`` and the user's entries, parsed and checked.

It exists apart from ``places`` so that the schema of an entry (kinds, coordinates, zones,
country codes), the merging of a user's correction into a built-in entry and the country tables
taken from pytz live in one place, separate from the rules that find places in sentences.
``name_key`` lives here because both the data (country names) and the lookups use it;
``exporter.understand.places`` re-exports it together with ``KINDS``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytz

from exporter.datafiles import load_data
from exporter.errors import ConfigError

#: Kinds a gazetteer entry may have, from the most to the least specific.
KINDS: tuple[str, ...] = ("venue", "airport", "base", "ship", "city", "region", "country")

_DATA_FILE = "places.yaml"


def name_key(text: str) -> str:
    """The form two spellings of one name share: "the A.B." = "A.B" = "a.b.", "Avalon's" = "avalon".

    Used for every lookup, so "The Citadel", "Citadel," and "citadel" find the same entry.
    """
    t = (
        text.replace("’", "'")
        .replace("‘", "'")
        .replace("–", "-")
        .replace("—", "-")
        .replace("‑", "-")
    )
    t = " ".join(t.split()).casefold().strip(" .,;:!?\"'()[]{}-")
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    return t.rstrip(" .,;:!?\"')]}-")


@dataclass(frozen=True)
class _Entry:
    """One gazetteer entry as parsed, before zones are inherited from containers."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    address: str | None = None
    lat: float | None = None
    lon: float | None = None
    zone: str | None = None
    country: str | None = None
    within: str | None = None
    demonyms: tuple[str, ...] = ()


def _country_code(name: str) -> str | None:
    """ISO code of a country written as a code ("FR") or an English name pytz knows."""
    text = name.strip().strip(".,;:-–— ")
    if len(text) == 2 and text.isalpha() and text.isupper() and text in pytz.country_names:
        return text
    return _country_names().get(name_key(text))


@functools.cache
def _country_names() -> dict[str, str]:
    """pytz's English country names by key, with a name written "Name (Qualifier)" also as
    "Qualifier Name" and as "Name"."""
    names: dict[str, str] = {}
    for code, label in pytz.country_names.items():
        names[name_key(label)] = code
        m = re.fullmatch(r"(.+?) \((.+)\)", label)
        if m:
            names.setdefault(name_key(f"{m.group(2)} {m.group(1)}"), code)
            names.setdefault(name_key(m.group(1)), code)
    return names


@functools.cache
def _zone_countries() -> dict[str, str]:
    """The country of each zone that belongs to exactly one country."""
    owners: dict[str, set[str]] = {}
    for code, zones in pytz.country_timezones.items():
        for zone in zones:
            owners.setdefault(zone, set()).add(code)
    return {zone: next(iter(codes)) for zone, codes in owners.items() if len(codes) == 1}


def _merge(old: _Entry, new: _Entry) -> _Entry:
    """A user entry over a built-in one: its fields win, the aliases of both are kept."""
    aliases = tuple(dict.fromkeys((*new.aliases, *old.aliases, old.name)))
    return _Entry(
        name=new.name,
        kind=new.kind,
        aliases=aliases,
        address=new.address if new.address is not None else old.address,
        lat=new.lat if new.lat is not None else old.lat,
        lon=new.lon if new.lon is not None else old.lon,
        zone=new.zone or old.zone,
        country=new.country or old.country,
        within=new.within or old.within,
        demonyms=tuple(dict.fromkeys((*new.demonyms, *old.demonyms))),
    )


#: The fields of a place, in the package's data and in the config's `places:`.
ENTRY_KEYS = frozenset(
    {"name", "kind", "aliases", "address", "lat", "lon", "zone", "country", "within", "demonyms"}
)


def parse_entry(raw: Any, index: int, origin: str) -> _Entry:
    """Check one entry of the schema (a user's: the package's are checked by the test
    suite, `_packaged_entry`); a mistake names the entry and what to write instead."""
    if not isinstance(raw, Mapping):
        raise ConfigError(
            f"place #{index + 1} is not a mapping",
            path=origin,
            hint="write each place as name:, kind:, lat:, lon:, zone: …",
        )
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(
            f"place #{index + 1} has no name", path=origin, hint="give every place a name:"
        )
    label = f"place {name!r}"

    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key) or ()
        if isinstance(value, str):
            value = (value,)
        if not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{label}: {key} must be a list of names", path=origin)
        return tuple(v.strip() for v in value)

    def text(key: str) -> str | None:
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{label}: {key} must be text", path=origin)
        return value.strip() if value else None

    def degrees(key: str, limit: float) -> float | None:
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{label}: {key} must be a number of degrees", path=origin)
        if not -limit <= float(value) <= limit:
            raise ConfigError(
                f"{label}: {key} {value} is out of range",
                path=origin,
                hint=f"{key} lies between -{limit:g} and {limit:g}",
            )
        return float(value)

    kind = raw.get("kind", "venue")
    if kind not in KINDS:
        raise ConfigError(
            f"{label}: unknown kind {kind!r}",
            path=origin,
            hint="kind is one of " + ", ".join(KINDS),
        )
    lat, lon = degrees("lat", 90), degrees("lon", 180)
    if (lat is None) != (lon is None):
        raise ConfigError(f"{label}: give both lat and lon, or neither", path=origin)
    zone = text("zone")
    if zone is not None and zone not in pytz.all_timezones_set:
        raise ConfigError(
            f"{label}: unknown time zone {zone!r}",
            path=origin,
            hint="use an IANA zone name, Area/Location",
        )
    country = text("country")
    if country is not None and country.upper() not in pytz.country_names:
        raise ConfigError(
            f"{label}: unknown country code {country!r}",
            path=origin,
            hint="use an ISO 3166 alpha-2 code such as FR",
        )
    return _Entry(
        name=name.strip(),
        kind=kind,
        aliases=strings("aliases"),
        address=text("address"),
        lat=lat,
        lon=lon,
        zone=zone,
        country=country.upper() if country else None,
        within=text("within"),
        demonyms=strings("demonyms"),
    )


def _packaged_entry(raw: Mapping[str, Any]) -> _Entry:
    """A packaged entry as `parse_entry` makes it, without its checks: the package's data
    is checked once, by the test suite, entry by entry against `parse_entry` (with zones),
    and a cold build reads some 600 entries (2 ms of checks saved)."""
    lat, lon = raw.get("lat"), raw.get("lon")
    return _Entry(
        name=raw["name"],
        kind=raw.get("kind", "venue"),
        aliases=tuple(raw.get("aliases") or ()),
        address=raw.get("address"),
        lat=None if lat is None else float(lat),
        lon=None if lon is None else float(lon),
        zone=raw.get("zone"),
        country=raw.get("country"),
        within=raw.get("within"),
        demonyms=tuple(raw.get("demonyms") or ()),
    )


@functools.cache
def _builtin_data() -> tuple[tuple[_Entry, ...], frozenset[str]]:
    """The packaged gazetteer, read once per process."""
    data = load_data(_DATA_FILE) or {}
    raw_places = data.get("places") or []
    entries = tuple(_packaged_entry(raw) for raw in raw_places)
    adjectives = frozenset(a for a in data.get("adjectives") or () if isinstance(a, str))
    return entries, adjectives
