"""Configuration: `exporter.yaml` → frozen dataclasses, defaults ← file ← CLI flags.

Every problem in the file is collected and reported at once with its line, and unknown
keys are warned about with the nearest known key, so a typo never silently does nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from exporter import regexes, zones
from exporter.errors import ConfigError

DEFAULT_FILE = "exporter.yaml"

_TOP_KEYS = {
    "title",
    "description",
    "base_url",
    "author",
    "out",
    "refresh",
    "sources",
    "places",
    "overrides",
    "id_authority",
    "calendar_name",
    "language",
}
_SOURCE_KEYS = {"path", "slug", "kind", "tz", "year", "date", "title", "url"}
_AUTHOR_KEYS = {"name", "email"}


@dataclass(frozen=True)
class SourceConfig:
    """One source document and the facts a person supplies about it."""

    path: str
    slug: str
    kind: str | None = None
    tz: str | None = None
    year: int | None = None
    date: date | None = None
    title: str | None = None
    url: str | None = None
    #: The config line that lists it, for errors about the file as a whole (not found,
    #: binary…); None for a source given on the command line.
    line: int | None = field(default=None, compare=False)

    @property
    def remote(self) -> bool:
        """Fetched over the network rather than read from a file."""
        return is_url(self.path)


def is_url(location: str) -> bool:
    """True for anything with a scheme ("https://…", "ftp://…"): never a file path."""
    return "://" in location and location.split("://", 1)[0].isalpha()


@dataclass(frozen=True)
class Config:
    """Everything a build needs to know besides the sources' bytes."""

    sources: tuple[SourceConfig, ...] = ()
    title: str | None = None
    description: str | None = None
    base_url: str | None = None
    author_name: str = "exporter"
    author_email: str | None = None
    out: str = "out"
    refresh: timedelta = timedelta(hours=1)
    places: tuple[dict[str, Any], ...] = ()
    overrides: tuple[dict[str, Any], ...] = ()
    id_authority: str = "exporter.invalid"
    language: str = "en"
    #: Worker processes for a build (`--jobs`); None: one per core when the build is big.
    jobs: int | None = None
    #: Folder relative paths in the config are resolved against.
    root: Path = field(default_factory=Path)
    path: str | None = None
    warnings: tuple[str, ...] = ()

    def source_path(self, source: SourceConfig) -> Path:
        return (
            (self.root / source.path)
            if not source.path.startswith(("http://", "https://"))
            else Path(source.path)
        )

    def with_overrides(self, **changes: Any) -> Config:
        """CLI flags win over the file: only the values actually given replace it."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


class _LinedDict(dict):
    lines: dict[str, int]
    line: int


class _LinedList(list):
    #: The line of each item.
    lines: list[int]


@cache
def _line_loader() -> type:
    """A SafeLoader whose mappings remember the line of each key, and lists the line of each
    item. Made on first use, so that a process given a config without reading one (a
    build's worker) never imports yaml (8 ms)."""
    import yaml

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _LinedDict:
        loader.flatten_mapping(node)
        result = _LinedDict()
        result.lines = {}
        result.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            result[key] = loader.construct_object(value_node, deep=True)
            result.lines[str(key)] = key_node.start_mark.line + 1
        return result

    def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> _LinedList:
        result = _LinedList(loader.construct_object(item, deep=True) for item in node.value)
        result.lines = [item.start_mark.line + 1 for item in node.value]
        return result

    def construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
        """A date-shaped value that is no date ("2025-13-01") is a mistake with a line,
        not the ValueError yaml lets out."""
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                problem=f"{node.value!r} is not a date ({exc})", problem_mark=node.start_mark
            ) from None

    class LineLoader(yaml.SafeLoader):
        pass

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    return LineLoader


def slugify(text: str) -> str:
    """A file-name-safe identifier: lower case, ASCII letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "source"


class _Problems:
    """Collects errors and warnings with their lines so all can be reported together."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, what: str, line: int | None) -> None:
        self.errors.append(f"{what}, {self.path}:{line}" if line else f"{what}, {self.path}")

    def text(self, mapping: dict, key: str) -> str | None:
        """`mapping[key]` as text (a number is written as text); absent, or reported when it
        is anything else."""
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, str | int | float):
            self.error(f"{key!r} must be text", getattr(mapping, "lines", {}).get(key))
            return None
        return str(value)

    def unknown_keys(self, mapping: dict, known: Collection[str], where: str) -> None:
        lines = getattr(mapping, "lines", {})
        for key in mapping:
            if key not in known:
                import difflib  # here: only a mistake needs it

                close = difflib.get_close_matches(str(key), sorted(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                line = lines.get(str(key))
                self.warnings.append(f"unknown key {key!r} in {where}{hint}, {self.path}:{line}")


def load(path: Path) -> Config:
    """Read and validate a config file; raise ConfigError listing every problem found."""
    display = str(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(
            "config file not found",
            path=display,
            hint="create exporter.yaml or pass source files: exporter build FILE...",
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config is not UTF-8 (byte {exc.start})", path=display) from None
    return parse(_yaml_data(text, display), display, path.parent)


#: Parses of config files kept at most (`_yaml_data`): the most recent ones.
MAX_KEPT_PARSES = 16
_NOT_KEPT = object()


def _yaml_data(text: str, display: str) -> Any:
    """The config's YAML parsed with its lines (`_line_loader`), from the parse kept for this
    very text when there is one.

    Importing yaml costs a cold build some 10 ms, before anything else can start, and the
    parse it makes never changes while the text, the loader and yaml do not. So parses are
    kept pickled in one file beside the package's bytecode (`datafiles.beside_bytecode`),
    keyed by a hash of the text and stamped with this module's and yaml's files: a change
    to either drops them all. Nothing is kept where Python keeps no bytecode. Pickle is
    safe here for the reason `.pyc` files are: whoever can write there can already change
    the code the build runs. Validation (`parse`) still runs on every load, so warnings and
    errors about the values are never out of date; only YAML that parses is kept.
    """
    import importlib.util

    from exporter.datafiles import beside_bytecode, read_table, write_table

    key = importlib.util.source_hash(text.encode("utf-8"))
    path, stamp = beside_bytecode(__file__, ".configs"), _parse_stamp()
    table = read_table(path, stamp) if path is not None and stamp is not None else {}
    data = _unpickled(table.get(key))
    if data is not _NOT_KEPT:
        return data
    import pickle

    import yaml

    try:
        data = yaml.load(text, Loader=_line_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(
            f"malformed YAML: {problem}",
            path=display,
            line=mark.line + 1 if mark else None,
            hint="fix the YAML syntax",
        ) from None
    if path is not None and stamp is not None:
        table[key] = pickle.dumps(data, pickle.HIGHEST_PROTOCOL)
        for old in list(table)[:-MAX_KEPT_PARSES]:
            del table[old]
        write_table(path, stamp, table)
    return data


def _unpickled(blob: bytes | None) -> Any:
    """The kept parse, or `_NOT_KEPT` when there is none or it cannot be read back."""
    if not isinstance(blob, bytes):
        return _NOT_KEPT
    import pickle

    try:
        return pickle.loads(blob)
    except Exception:  # damaged: parsed again, and kept again
        return _NOT_KEPT


def _parse_stamp() -> tuple[Any, ...] | None:
    """What a kept parse depends on besides the text: the interpreter, this module (its
    loader) and the yaml installed, by their files' size and time as bytecode is; None when
    they cannot be told (no yaml, a module not in a file)."""
    import importlib.util
    import os
    import sys

    try:
        spec = importlib.util.find_spec("yaml")
        origin = spec.origin if spec is not None else None
        if origin is None:
            return None
        own, lib = os.stat(__file__), os.stat(origin)
    except (ImportError, OSError, ValueError):
        return None
    return (sys.hexversion, own.st_mtime_ns, own.st_size, origin, lib.st_mtime_ns, lib.st_size)


def parse(data: Any, display: str, root: Path) -> Config:
    """Validate already-parsed YAML data into a Config."""
    problems = _Problems(display)
    if data is None:
        data = _LinedDict()
        data.lines, data.line = {}, 1
    if not isinstance(data, dict):
        raise ConfigError("the config must be a mapping of keys to values", path=display, line=1)
    lines = getattr(data, "lines", {})
    problems.unknown_keys(data, _TOP_KEYS, "the config")

    def text(key: str, mapping: dict = data) -> str | None:
        return problems.text(mapping, key)

    sources = _parse_sources(data.get("sources"), lines.get("sources"), problems)
    author = data.get("author") or {}
    author_name = author_email = None
    if isinstance(author, str):
        author_name = author
    elif isinstance(author, dict):
        problems.unknown_keys(author, _AUTHOR_KEYS, "author")
        author_name = text("name", author)
        author_email = text("email", author)
    else:
        problems.error(
            "'author' must be a name or a mapping with name and email", lines.get("author")
        )

    refresh = timedelta(hours=1)
    if data.get("refresh") is not None:
        parsed = _parse_duration(str(data["refresh"]))
        if parsed is None:
            problems.error(
                f"'refresh' must be a duration such as PT1H or 30m, not {data['refresh']!r}",
                lines.get("refresh"),
            )
        else:
            refresh = parsed

    places = _list_of_mappings(data.get("places"), "places", lines.get("places"), problems)
    if places:
        _check_places(places, problems)
    overrides = _list_of_mappings(
        data.get("overrides"), "overrides", lines.get("overrides"), problems
    )
    if overrides:
        _check_overrides(overrides, problems)
    given_base = text("base_url")
    base_url = web_base(given_base) if given_base else None
    if given_base and base_url is None:
        problems.error(
            "'base_url' must be an address starting with http:// or https://",
            lines.get("base_url"),
        )

    texts = {k: text(k) for k in ("title", "description", "out", "id_authority", "language")}
    if problems.errors:
        listed = problems.errors + [f"warning: {w}" for w in problems.warnings]
        raise ConfigError(
            f"{len(problems.errors)} problem(s) in the config:\n  " + "\n  ".join(listed)
        )
    return Config(
        sources=sources,
        title=texts["title"],
        description=texts["description"],
        base_url=base_url,
        author_name=author_name or "exporter",
        author_email=author_email,
        out=texts["out"] or "out",
        refresh=refresh,
        places=places,
        overrides=overrides,
        id_authority=texts["id_authority"] or "exporter.invalid",
        language=texts["language"] or "en",
        root=root,
        path=display,
        warnings=tuple(problems.warnings),
    )


def _parse_sources(value: Any, line: int | None, problems: _Problems) -> tuple[SourceConfig, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.error("'sources' must be a list", line)
        return ()
    out: list[SourceConfig] = []
    slugs: set[str] = set()
    for index, item in enumerate(value):
        if isinstance(value, _LinedList):
            line = value.lines[index]
        if isinstance(item, str):
            item_map: dict = {"path": item}
            item_lines: dict[str, int] = {}
            item_line = line
        elif isinstance(item, dict):
            item_map, item_lines, item_line = item, item.lines, item.line
            problems.unknown_keys(item, _SOURCE_KEYS, "a source")
        else:
            problems.error("each source must be a path or a mapping with 'path'", line)
            continue
        path = item_map.get("path")
        if not isinstance(path, str) or not path:
            problems.error("a source needs 'path'", item_line)
            continue
        tz = item_map.get("tz")
        if tz is not None:
            try:
                zones.check_zone(str(tz))
            except ConfigError as exc:
                problems.error(exc.what, item_lines.get("tz"))
                tz = None
        year = item_map.get("year")
        if year is not None and not (isinstance(year, int) and 1900 <= year <= 2200):
            problems.error(
                f"'year' must be a year such as 2025, not {year!r}", item_lines.get("year")
            )
            year = None
        day = item_map.get("date")
        if day is not None and not isinstance(day, date):
            problems.error(f"'date' must be YYYY-MM-DD, not {day!r}", item_lines.get("date"))
            day = None
        kind = item_map.get("kind")
        if kind is not None and kind not in ("liveblog", "article"):
            problems.error(
                f"'kind' must be liveblog or article, not {kind!r}", item_lines.get("kind")
            )
            kind = None
        texts = {key: problems.text(item_map, key) or None for key in ("title", "slug", "url")}
        if texts["url"] and not is_web_address(texts["url"]):
            problems.error(
                "'url' must be an address starting with http:// or https://",
                item_lines.get("url"),
            )
        slug = slugify(texts["slug"] or Path(path).stem)
        if slug in slugs:
            problems.error(
                f"two sources share the slug {slug!r}", item_lines.get("slug", item_line)
            )
        slugs.add(slug)
        out.append(
            SourceConfig(
                path=path,
                slug=slug,
                kind=kind,
                tz=str(tz) if tz else None,
                year=year,
                date=day,
                title=texts["title"],
                url=texts["url"],
                line=item_lines.get("path", item_line),
            )
        )
    return tuple(out)


def web_base(text: str) -> str | None:
    """`text` as the base of the exports' links, ending in "/" (the config's `base_url`,
    `--base-url`); None when it is not an http(s) address (`is_web_address`)."""
    if not is_web_address(text):
        return None
    return text if text.endswith("/") else text + "/"


def is_web_address(text: str) -> bool:
    """http(s), and nothing a link or a feed's id could be broken by: no spaces, no line
    breaks, no control characters."""
    return re.match(r"https?://[^\s\x00-\x1f\x7f]+\Z", text) is not None


def _list_of_mappings(
    value: Any, key: str, line: int | None, problems: _Problems
) -> tuple[dict[str, Any], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        problems.error(f"{key!r} must be a list of mappings", line)
        return ()
    return tuple(value)


def _check_places(places: tuple[dict[str, Any], ...], problems: _Problems) -> None:
    """Each `places:` entry as the gazetteer will read it, so that a mistake is reported
    with the others and its line, before anything is read."""
    from exporter.understand.gazetteer_data import ENTRY_KEYS, parse_entry

    for i, place in enumerate(places):
        problems.unknown_keys(place, ENTRY_KEYS, f"place {i + 1}")
        try:
            parse_entry(place, i, problems.path)
        except ConfigError as exc:
            hint = f" ({exc.hint})" if exc.hint else ""
            problems.error(f"{exc.what}{hint}", getattr(place, "line", None))


def _check_overrides(rules: tuple[dict[str, Any], ...], problems: _Problems) -> None:
    """Each `overrides:` rule as `overrides.apply` will read it (`overrides.check`)."""
    from exporter.understand import overrides

    for n, rule in enumerate(rules, start=1):
        where = f"override {n}"
        lines = getattr(rule, "lines", {})
        problems.unknown_keys(rule, overrides.RULE_KEYS, where)
        for key, known in (("match", overrides.MATCH_KEYS), ("add", overrides.ADD_KEYS)):
            if isinstance(rule.get(key), dict):
                problems.unknown_keys(rule[key], known, f"{where}'s {key}")
        for what, key in overrides.check(rule):
            problems.error(f"{where}: {what}", lines.get(key) or getattr(rule, "line", None))


_DURATION = regexes.compile(
    r"^P?T?(?:(?P<h>\d+)\s*[Hh])?\s*(?:(?P<m>\d+)\s*[Mm])?\s*(?:(?P<s>\d+)\s*[Ss])?$"
)


def _parse_duration(text: str) -> timedelta | None:
    """'PT1H', '1h', '30m', 'PT15M' → timedelta; None when it is not a duration."""
    m = _DURATION.match(text.strip())
    if not m or not any(m.groupdict().values()):
        return None
    value = timedelta(hours=int(m["h"] or 0), minutes=int(m["m"] or 0), seconds=int(m["s"] or 0))
    return value if value > timedelta(0) else None


def from_files(
    files: list[str],
    *,
    tz: str | None = None,
    year: int | None = None,
    date: date | None = None,
    root: Path | None = None,
) -> Config:
    """A config for `exporter build FILE...` without any config file."""
    seen: set[str] = set()
    sources = []
    for f in files:
        slug = slugify(Path(f).stem)
        base, n = slug, 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        sources.append(SourceConfig(path=f, slug=slug, tz=tz, year=year, date=date))
    return Config(sources=tuple(sources), root=root or Path())
