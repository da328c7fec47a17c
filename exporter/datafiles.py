"""The package's own data files (places, zones, news-language tables), read one way.

They are trusted YAML shipped with the package and read on every cold build. libyaml's C
parser, where installed, parses them, but building the Python objects is still done in
Python: 12 ms for the gazetteer, against 0.3 ms for the same data as JSON. So the parsed
data is kept as JSON beside the bytecode, wherever and whenever Python keeps bytecode,
keyed by a hash of the YAML's bytes the way hash-based bytecode is
(`importlib.util.source_hash`; `hashlib` would load OpenSSL, 3 ms, in a process that
otherwise never needs it). The YAML stays the one place the data is written.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import marshal
import os
import sys
from pathlib import Path
from typing import Any


def load_data(name: str) -> Any:
    """Parse `exporter/data/<name>` with a safe loader (no arbitrary objects).

    An installed package's data is a file beside this module. Only a package that is not
    in files (imported from a zip) is read through `importlib.resources`, whose import
    alone costs a cold build 4 ms.
    """
    path = Path(__file__).with_name("data") / name
    if path.is_file():
        return load_yaml(path)
    from importlib import resources

    source = resources.files("exporter").joinpath("data", name)
    return _parse(source.read_text(encoding="utf-8"))


def load_yaml(path: Path) -> Any:
    """The YAML file's data, from the parsed copy when it was made from these very bytes."""
    raw = path.read_bytes()
    digest = importlib.util.source_hash(raw).hex()
    cache = parsed_copy(path)
    if cache is not None:
        try:
            kept = json.loads(cache.read_bytes())
            if isinstance(kept, dict) and kept.get("source_hash") == digest and "data" in kept:
                return kept["data"]
        except (OSError, ValueError):
            pass  # absent, unreadable or damaged: parse again and rewrite it
    data = _parse(raw.decode("utf-8"))
    if cache is not None:
        _keep(cache, digest, data)
    return data


def _parse(text: str) -> Any:
    """YAML with the safe loader, libyaml's where installed. Imported here: with the parsed
    copies kept, a process that only understands documents never needs it (8 ms)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def parsed_copy(path: Path) -> Path | None:
    """Where the parsed copy of `path` lives: beside the bytecode of a module named after it."""
    return beside_bytecode(f"{path}.py", ".json")


def beside_bytecode(module: str, suffix: str) -> Path | None:
    """Where Python would keep the bytecode of the module in file `module` (its
    `__pycache__`, or under `sys.pycache_prefix`), with `suffix` for `.pyc`: the place of
    what the package keeps between runs. None when Python writes no bytecode: such a run
    neither reads nor writes what is kept, so it costs what a first run does."""
    if sys.dont_write_bytecode or sys.implementation.cache_tag is None:
        return None
    return Path(importlib.util.cache_from_source(module)).with_suffix(suffix)


def _keep(cache: Path, digest: str, data: Any) -> None:
    """Write the parsed copy, when JSON gives back exactly this data; never fail the build."""
    try:
        text = json.dumps({"source_hash": digest, "data": data}, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # dates, sets, … : not JSON
    if json.loads(text)["data"] != data:
        return  # e.g. number keys, which JSON turns into strings
    write_kept(cache, text.encode("utf-8"))  # where it cannot be: parse every time


def write_kept(path: Path, data: bytes) -> bool:
    """Replace what the package keeps at `path` (beside the bytecode, `beside_bytecode`)
    with `data` whole, never half-written; False where it cannot be written (a read-only
    install), which only costs the next run the work kept."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


def read_table(path: Path, stamp: tuple[Any, ...]) -> dict[Any, Any]:
    """The table kept in `path` by `write_table` with this very `stamp` (what its values
    depend on besides their keys: the interpreter, a library's version); an empty one when
    the file is missing, damaged or was made under another stamp."""
    try:
        kept_stamp, table = marshal.loads(path.read_bytes())
    except Exception:  # missing, unreadable, cut short, not ours
        return {}
    return table if kept_stamp == stamp and isinstance(table, dict) else {}


def write_table(path: Path, stamp: tuple[Any, ...], table: dict[Any, Any]) -> bool:
    """Keep `table` (of values `marshal` can write) in `path` for `read_table`, replaced
    whole (`write_kept`); False where it cannot be."""
    try:
        data = marshal.dumps((stamp, table))
    except ValueError:  # a value marshal cannot write: nothing is kept
        return False
    return write_kept(path, data)
